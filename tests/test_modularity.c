/*
 * test_modularity.c - Barber's bipartite modularity against the dense
 * definition computed independently (tests/reference/modularity_reference.py,
 * fixtures in tests/fixtures/modularity/), against hand-worked examples,
 * and against a dense O(R x C) evaluation of the formula on random input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "error.h"
#include "dense_matrix.h"
#include "incidence.h"
#include "modularity.h"
#include "rng.h"

#define FIXDIR "tests/fixtures/modularity"
#define TOL 1e-9

/* Reads `n` integers after the word `key` on the next line. */
static int read_ints(FILE *fp, const char *key, int *v, size_t n)
{
    char word[16];
    if (fscanf(fp, " %15s", word) != 1)
        return 0;
    assert_string_equal(word, key);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(fscanf(fp, "%d", &v[i]), 1);
    return 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_reference_fixtures(void **state)
{
    (void)state;
    DIR *d = opendir(FIXDIR);
    assert_non_null(d);
    char *names[256];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".txt") == 0) {
            assert_true(n < 256);
            names[n] = strdup(de->d_name);
            assert_non_null(names[n]);
            n++;
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    /* 17 matrices of tests/fixtures/nodf plus 3 planted-block ones */
    assert_true(n >= 20);
    size_t checked = 0;
    for (size_t f = 0; f < n; f++) {
        char path[512], line[4096];
        snprintf(path, sizeof path, "%s/%s", FIXDIR, names[f]);
        FILE *fp = fopen(path, "r");
        assert_non_null(fp);
        do
            assert_non_null(fgets(line, sizeof line, fp));
        while (line[0] == '#');
        size_t R, C;
        assert_int_equal(sscanf(line, "size %zu %zu", &R, &C), 2);
        int *a = malloc((R * C + 1) * sizeof *a);
        int *g = malloc((R + 1) * sizeof *g), *h = malloc((C + 1) * sizeof *h);
        assert_non_null(a);
        assert_non_null(g);
        assert_non_null(h);
        for (size_t k = 0; k < R * C; k++)
            assert_int_equal(fscanf(fp, "%d", &a[k]), 1);
        bc_incidence m;
        from_dense(&m, R, C, a);
        while (read_ints(fp, "rows", g, R)) {
            assert_true(read_ints(fp, "cols", h, C));
            double want, got = 99;
            assert_int_equal(fscanf(fp, " Q %lf", &want), 1);
            assert_int_equal(modularity_barber(&m, g, h, &got), BC_OK);
            if (fabs(got - want) > TOL)
                fail_msg("%s: Q %.12g, reference %.12g", names[f], got, want);
            checked++;
        }
        fclose(fp);
        incidence_release(&m);
        free(a);
        free(g);
        free(h);
        free(names[f]);
    }
    assert_true(checked >= 4 * 17 + 3 * 3);
}

/*
 * Two disconnected bicliques, K(2,3) on rows 0-1 x columns 0-2 and K(1,2)
 * on row 2 x columns 3-4, with the matching partition.  E = 8.
 *   community 0: E_0 = 6, K_0 = 6, D_0 = 6
 *   community 1: E_1 = 2, K_1 = 2, D_1 = 2
 *   Q = (6 + 2)/8 - (6*6 + 2*2)/64 = 1 - 40/64 = 0.375
 * i.e. Q = 1 - sum_c (E_c / E)^2 for disconnected bicliques.
 */
static void test_two_bicliques(void **state)
{
    (void)state;
    const int a[] = {1, 1, 1, 0, 0,
                     1, 1, 1, 0, 0,
                     0, 0, 0, 1, 1};
    bc_incidence m;
    from_dense(&m, 3, 5, a);
    const int g[] = {0, 0, 1}, h[] = {0, 0, 0, 1, 1};
    double q;
    assert_int_equal(modularity_barber(&m, g, h, &q), BC_OK);
    assert_true(fabs(q - 0.375) < 1e-15);

    /* Swapping the labels of one side matches nothing:
     * Q = 0 - (K_0 D_1 ... ) = -(6*2 + 2*6)/64 = -0.375 */
    const int hs[] = {1, 1, 1, 0, 0};
    assert_int_equal(modularity_barber(&m, g, hs, &q), BC_OK);
    assert_true(fabs(q + 0.375) < 1e-15);

    /* One community for all: Q = 1 - 1 = 0. */
    const int g0[] = {0, 0, 0}, h0[] = {0, 0, 0, 0, 0};
    assert_int_equal(modularity_barber(&m, g0, h0, &q), BC_OK);
    assert_true(fabs(q) < 1e-15);

    /* Row 2 unassigned (-1): community 1 keeps only D_1 = 2.
     * Q = 6/8 - (6*6)/64 - (0*2)/64 = 0.75 - 0.5625 = 0.1875 */
    const int gm[] = {0, 0, -1};
    assert_int_equal(modularity_barber(&m, gm, h, &q), BC_OK);
    assert_true(fabs(q - 0.1875) < 1e-15);

    /* Labels need not be contiguous: 7 and 3 instead of 0 and 1. */
    const int g7[] = {7, 7, 3}, h7[] = {7, 7, 7, 3, 3};
    assert_int_equal(modularity_barber(&m, g7, h7, &q), BC_OK);
    assert_true(fabs(q - 0.375) < 1e-15);
    incidence_release(&m);
}

static void test_empty(void **state)
{
    (void)state;
    bc_incidence m;
    assert_int_equal(incidence_from_pairs(&m, 2, 3, NULL, NULL, 0), 0);
    const int g[] = {0, 1}, h[] = {0, 1, -1};
    double q = 99;
    assert_int_equal(modularity_barber(&m, g, h, &q), BC_OK);
    assert_true(q == 0.0);
    incidence_release(&m);
    incidence_init(&m);
    assert_int_equal(incidence_from_pairs(&m, 0, 0, NULL, NULL, 0), 0);
    q = 99;
    assert_int_equal(modularity_barber(&m, NULL, NULL, &q), BC_OK);
    assert_true(q == 0.0);
    incidence_release(&m);
}

/* The formula term by term over every (i, j), O(R x C). */
static double dense_q(size_t R, size_t C, const int *a, const int *g, const int *h)
{
    double E = 0;
    double *k = calloc(R + 1, sizeof *k), *d = calloc(C + 1, sizeof *d);
    assert_non_null(k);
    assert_non_null(d);
    for (size_t i = 0; i < R; i++)
        for (size_t j = 0; j < C; j++) {
            E += a[i * C + j];
            k[i] += a[i * C + j];
            d[j] += a[i * C + j];
        }
    double s = 0;
    if (E > 0)
        for (size_t i = 0; i < R; i++)
            for (size_t j = 0; j < C; j++)
                if (g[i] >= 0 && g[i] == h[j])
                    s += a[i * C + j] - k[i] * d[j] / E;
    free(k);
    free(d);
    return E > 0 ? s / E : 0.0;
}

static void test_against_dense(void **state)
{
    (void)state;
    bc_rng rng;
    rng_init(&rng, 31);
    for (int rep = 0; rep < 300; rep++) {
        size_t R = 1 + (size_t)rng_below(&rng, 20), C = 1 + (size_t)rng_below(&rng, 20);
        int ncomm = 1 + (int)rng_below(&rng, 6);
        double p = rng_uniform(&rng);
        int *a = malloc(R * C * sizeof *a), *g = malloc(R * sizeof *g),
            *h = malloc(C * sizeof *h);
        assert_non_null(a);
        assert_non_null(g);
        assert_non_null(h);
        for (size_t k = 0; k < R * C; k++)
            a[k] = rng_uniform(&rng) < p;
        for (size_t i = 0; i < R; i++)
            g[i] = (int)rng_below(&rng, (uint64_t)ncomm + 1) - 1;
        for (size_t j = 0; j < C; j++)
            h[j] = (int)rng_below(&rng, (uint64_t)ncomm + 1) - 1;
        bc_incidence m;
        from_dense(&m, R, C, a);
        double q;
        assert_int_equal(modularity_barber(&m, g, h, &q), BC_OK);
        assert_true(fabs(q - dense_q(R, C, a, g, h)) < TOL);
        assert_true(q <= 1.0);
        incidence_release(&m);
        free(a);
        free(g);
        free(h);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_fixtures),
        cmocka_unit_test(test_two_bicliques),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_against_dense),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
