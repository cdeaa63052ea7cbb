/*
 * rng.h - a small seeded pseudo-random generator that gives the same
 * stream on every platform, so that every random choice benchcov makes
 * (null models, random withdrawal orders) is repeatable from --seed.
 *
 * The generator is xoshiro256** (Blackman and Vigna, "Scrambled linear
 * pseudorandom number generators", ACM TOMS 2021) with its 256-bit state
 * filled by four successive outputs of splitmix64 (Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014) started
 * at the seed.  Only fixed-width unsigned arithmetic is used: no floating
 * point and no platform generator, hence identical streams everywhere.
 * Not for cryptography.
 */
#ifndef BENCHCOV_RNG_H
#define BENCHCOV_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t s[4]; /* xoshiro256** state, never all zero */
} bc_rng;

/*
 * One step of splitmix64: advances *state by the golden-ratio increment
 * and returns the mixed value.  Exposed for seeding and for tests.
 */
uint64_t rng_splitmix64(uint64_t *state);

/* Seeds `r` from `seed` (any value, 0 included). Allocates nothing. */
void rng_init(bc_rng *r, uint64_t seed);

/* The next 64-bit output of xoshiro256**. */
uint64_t rng_next(bc_rng *r);

/*
 * A uniform integer in [0, n), without modulo bias: outputs below
 * 2^64 mod n are rejected and redrawn.  n must be positive (asserted).
 */
uint64_t rng_below(bc_rng *r, uint64_t n);

/* A uniform double in [0, 1) with 53 random bits. */
double rng_uniform(bc_rng *r);

/*
 * Shuffles a[0..n-1] in place, every permutation equally likely
 * (Fisher-Yates, from the last position down: position i swaps with
 * rng_below(r, i + 1)).  n may be 0.
 */
void rng_shuffle_int(bc_rng *r, int *a, size_t n);

#endif
