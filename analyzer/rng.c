/*
 * rng.c - splitmix64-seeded xoshiro256** (see rng.h).
 *
 * The constants and rotations are those of the reference implementations
 * published by Vigna (prng.di.unimi.it); tests/reference/rng_reference.py
 * recomputes the streams independently for tests/test_rng.c.
 */
#include "rng.h"

#include <assert.h>

uint64_t rng_splitmix64(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

void rng_init(bc_rng *r, uint64_t seed)
{
    uint64_t sm = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = rng_splitmix64(&sm);
    /* splitmix64 is a bijection of distinct states, so at most one of the
     * four words is zero; the state can never be all zero. */
    assert(r->s[0] | r->s[1] | r->s[2] | r->s[3]);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(bc_rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint64_t rng_below(bc_rng *r, uint64_t n)
{
    assert(n > 0);
    /* (2^64 - n) mod n == 2^64 mod n: the count of low outputs that would
     * make some residues more likely than others. */
    uint64_t threshold = (UINT64_C(0) - n) % n;
    for (;;) {
        uint64_t x = rng_next(r);
        if (x >= threshold)
            return x % n;
    }
}

double rng_uniform(bc_rng *r)
{
    return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

void rng_shuffle_int(bc_rng *r, int *a, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)rng_below(r, (uint64_t)i);
        int t = a[i - 1];
        a[i - 1] = a[j];
        a[j] = t;
    }
}
