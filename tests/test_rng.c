/*
 * test_rng.c - the seeded generator gives exactly the streams that an
 * independent implementation (tests/reference/rng_reference.py, output in
 * tests/fixtures/rng/streams.txt) computes, and its helpers keep their
 * promises (range, permutation, repeatability).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "rng.h"

#define STREAMS "tests/fixtures/rng/streams.txt"
#define MAXV 256

typedef struct {
    char kind[16];
    uint64_t seed, param;
    char *val[MAXV]; /* the value tokens, pointing into line */
    size_t nval;
    char line[8192];
} ref_line;

/* Reads the next non-comment line of the fixture; 0 at end of file. */
static int next_ref(FILE *fp, ref_line *r)
{
    while (fgets(r->line, sizeof r->line, fp)) {
        if (r->line[0] == '#' || r->line[0] == '\n')
            continue;
        char *save = NULL;
        char *tok = strtok_r(r->line, " \n", &save);
        assert_non_null(tok);
        assert_true(strlen(tok) < sizeof r->kind);
        strcpy(r->kind, tok);
        tok = strtok_r(NULL, " \n", &save);
        assert_non_null(tok);
        r->seed = strtoull(tok, NULL, 10);
        tok = strtok_r(NULL, " \n", &save);
        assert_non_null(tok);
        r->param = strtoull(tok, NULL, 10);
        r->nval = 0;
        while ((tok = strtok_r(NULL, " \n", &save)) != NULL) {
            assert_true(r->nval < MAXV);
            r->val[r->nval++] = tok;
        }
        return 1;
    }
    return 0;
}

static uint64_t u64(const char *s)
{
    char *end;
    uint64_t v = strtoull(s, &end, 10);
    assert_true(*end == '\0');
    return v;
}

static void test_reference_streams(void **state)
{
    (void)state;
    FILE *fp = fopen(STREAMS, "r");
    assert_non_null(fp);
    ref_line *r = malloc(sizeof *r);
    assert_non_null(r);
    int seen[5] = {0};
    while (next_ref(fp, r)) {
        bc_rng g;
        if (strcmp(r->kind, "splitmix") == 0) {
            uint64_t st = r->seed;
            for (size_t i = 0; i < r->nval; i++)
                assert_true(rng_splitmix64(&st) == u64(r->val[i]));
            seen[0]++;
        } else if (strcmp(r->kind, "next") == 0) {
            rng_init(&g, r->seed);
            for (size_t i = 0; i < r->nval; i++)
                assert_true(rng_next(&g) == u64(r->val[i]));
            seen[1]++;
        } else if (strcmp(r->kind, "below") == 0) {
            rng_init(&g, r->seed);
            for (size_t i = 0; i < r->nval; i++)
                assert_true(rng_below(&g, r->param) == u64(r->val[i]));
            seen[2]++;
        } else if (strcmp(r->kind, "uniform") == 0) {
            rng_init(&g, r->seed);
            for (size_t i = 0; i < r->nval; i++) {
                double want = strtod(r->val[i], NULL);
                double got = rng_uniform(&g);
                assert_true(got == want);
            }
            seen[3]++;
        } else if (strcmp(r->kind, "shuffle") == 0) {
            size_t n = (size_t)r->param;
            assert_int_equal(r->nval, 3 * n);
            int *a = malloc((n ? n : 1) * sizeof *a);
            assert_non_null(a);
            for (size_t i = 0; i < n; i++)
                a[i] = (int)i;
            rng_init(&g, r->seed);
            for (int rep = 0; rep < 3; rep++) {
                rng_shuffle_int(&g, a, n);
                for (size_t i = 0; i < n; i++)
                    assert_int_equal(a[i], (int)u64(r->val[rep * n + i]));
            }
            free(a);
            seen[4]++;
        } else {
            fail_msg("unknown fixture line kind '%s'", r->kind);
        }
    }
    for (int k = 0; k < 5; k++)
        assert_true(seen[k] > 0);
    free(r);
    fclose(fp);
}

/* The first splitmix64 output from state 0, as published with the
 * algorithm and quoted in many of its ports. */
static void test_splitmix_published_value(void **state)
{
    (void)state;
    uint64_t st = 0;
    assert_true(rng_splitmix64(&st) == UINT64_C(0xe220a8397b1dcdaf));
}

static void test_same_seed_same_stream(void **state)
{
    (void)state;
    bc_rng a, b, c;
    rng_init(&a, 99);
    rng_init(&b, 99);
    rng_init(&c, 100);
    int differ = 0;
    for (int i = 0; i < 1000; i++) {
        uint64_t x = rng_next(&a), y = rng_next(&b), z = rng_next(&c);
        assert_true(x == y);
        differ += x != z;
    }
    assert_true(differ > 990);
}

static void test_below_range_and_balance(void **state)
{
    (void)state;
    bc_rng g;
    rng_init(&g, 2024);
    unsigned count[3] = {0};
    for (int i = 0; i < 30000; i++) {
        uint64_t v = rng_below(&g, 3);
        assert_true(v < 3);
        count[v]++;
    }
    /* Expected 10000 each; the standard deviation is about 82. */
    for (int k = 0; k < 3; k++)
        assert_true(count[k] > 9500 && count[k] < 10500);
    /* A huge bound: values still in range. */
    for (int i = 0; i < 1000; i++)
        assert_true(rng_below(&g, (UINT64_C(1) << 63) + 1) <= (UINT64_C(1) << 63));
    for (int i = 0; i < 100; i++)
        assert_true(rng_below(&g, 1) == 0);
}

static void test_uniform_range(void **state)
{
    (void)state;
    bc_rng g;
    rng_init(&g, 1);
    double sum = 0;
    for (int i = 0; i < 10000; i++) {
        double u = rng_uniform(&g);
        assert_true(u >= 0.0 && u < 1.0);
        sum += u;
    }
    assert_true(sum / 10000 > 0.48 && sum / 10000 < 0.52);
}

static void test_shuffle_is_permutation(void **state)
{
    (void)state;
    bc_rng g;
    rng_init(&g, 8);
    int a[50], seen[50];
    for (int i = 0; i < 50; i++)
        a[i] = i;
    int moved = 0;
    for (int rep = 0; rep < 20; rep++) {
        rng_shuffle_int(&g, a, 50);
        memset(seen, 0, sizeof seen);
        for (int i = 0; i < 50; i++) {
            assert_true(a[i] >= 0 && a[i] < 50);
            assert_int_equal(seen[a[i]], 0);
            seen[a[i]] = 1;
            moved += a[i] != i;
        }
    }
    assert_true(moved > 0);
    rng_shuffle_int(&g, NULL, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_streams),
        cmocka_unit_test(test_splitmix_published_value),
        cmocka_unit_test(test_same_seed_same_stream),
        cmocka_unit_test(test_below_range_and_balance),
        cmocka_unit_test(test_uniform_range),
        cmocka_unit_test(test_shuffle_is_permutation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
