/*
 * test_concentration.c - Gini, HHI, effective datasets, top share and the
 * Lorenz curve: hand-worked cases, the O(n log n) Gini against the O(n^2)
 * double sum, and the figures of tests/reference/concentration.py.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "assert_near.h"
#include "concentration.h"
#include "handmade_catalog.h"

#define EPS 1e-12

/* The definition, as DESIGN.md writes it. */
static double gini_double_sum(const double *x, size_t n)
{
    double total = 0, acc = 0;
    for (size_t i = 0; i < n; i++)
        total += x[i];
    if (n == 0 || total == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            acc += fabs(x[i] - x[j]);
    return acc / (2.0 * (double)n * (double)n * (total / (double)n));
}

static void test_hand_worked(void **state)
{
    (void)state;
    bc_concentration k;
    /* x = {3, 1}: sum 4, mean 2; Gini = (|3-1| + |1-3|) / (2 * 4 * 2) = 0.25;
       HHI = 0.75^2 + 0.25^2 = 0.625; effective = 1 / 0.625 = 1.6; top = 3/4. */
    double a[] = { 3, 1 };
    assert_int_equal(concentration_of(a, 2, &k), BC_OK);
    assert_int_equal(k.n, 2);
    assert_near(k.total, 4, 0);
    assert_near(k.gini, 0.25, EPS);
    assert_near(k.hhi, 0.625, EPS);
    assert_near(k.effective, 1.6, EPS);
    assert_near(k.top_share, 0.75, EPS);
    /* x = {2, 2, 2, 2}: even use -> Gini 0, HHI 4 * (1/4)^2 = 0.25, 4 effective. */
    double b[] = { 2, 2, 2, 2 };
    assert_int_equal(concentration_of(b, 4, &k), BC_OK);
    assert_near(k.gini, 0, EPS);
    assert_near(k.hhi, 0.25, EPS);
    assert_near(k.effective, 4, EPS);
    assert_near(k.top_share, 0.25, EPS);
    /* x = {0, 5, 0}: |0-5| appears 4 times in the double sum -> 20 / (2 * 9 * 5/3)
       = 20 / 30 = 2/3; HHI 1, one effective dataset, top share 1. */
    double c[] = { 0, 5, 0 };
    assert_int_equal(concentration_of(c, 3, &k), BC_OK);
    assert_near(k.gini, 2.0 / 3.0, EPS);
    assert_near(k.hhi, 1, EPS);
    assert_near(k.effective, 1, EPS);
    assert_near(k.top_share, 1, EPS);
    assert_near(concentration_gini(c, 3), 2.0 / 3.0, EPS);
}

/* n = 0 and sum 0 give all zeros, never NaN. */
static void test_degenerate(void **state)
{
    (void)state;
    bc_concentration k;
    assert_int_equal(concentration_of(NULL, 0, &k), BC_OK);
    assert_int_equal(k.n, 0);
    assert_near(k.gini, 0, 0);
    assert_near(k.hhi, 0, 0);
    assert_near(k.effective, 0, 0);
    assert_near(k.top_share, 0, 0);
    double z[] = { 0, 0 };
    assert_int_equal(concentration_of(z, 2, &k), BC_OK);
    assert_int_equal(k.n, 2);
    assert_near(k.gini, 0, 0);
    assert_near(k.effective, 0, 0);
    assert_near(concentration_gini(NULL, 0), 0, 0);
}

/* The sorting formula equals the double sum on many seeded vectors. */
static void test_gini_against_double_sum(void **state)
{
    (void)state;
    uint64_t s = 12345;
    double x[64];
    for (int round = 0; round < 500; round++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t n = (size_t)(s >> 33) % 64;
        for (size_t i = 0; i < n; i++) {
            s = s * 6364136223846793005ULL + 1442695040888963407ULL;
            x[i] = (double)((s >> 40) % 20);
        }
        assert_near(concentration_gini(x, n), gini_double_sum(x, n), 1e-12);
    }
}

/* The figures of tests/reference/concentration.py. */
static void test_reference(void **state)
{
    (void)state;
    FILE *fp = fopen("tests/fixtures/concentration/random.txt", "r");
    assert_non_null(fp);
    size_t n, cases = 0;
    while (fscanf(fp, "%zu", &n) == 1) {
        double *x = calloc(n ? n : 1, sizeof *x), g, h, e, t;
        for (size_t i = 0; i < n; i++)
            assert_int_equal(fscanf(fp, "%lf", &x[i]), 1);
        assert_int_equal(fscanf(fp, "%lf %lf %lf %lf", &g, &h, &e, &t), 4);
        bc_concentration k;
        assert_int_equal(concentration_of(x, n, &k), BC_OK);
        assert_near(k.gini, g, 1e-9);
        assert_near(k.hhi, h, 1e-9);
        assert_near(k.effective, e, 1e-9);
        assert_near(k.top_share, t, 1e-9);
        free(x);
        cases++;
    }
    fclose(fp);
    assert_int_equal(cases, 40);
}

static void test_lorenz(void **state)
{
    (void)state;
    double *px, *py;
    size_t n;
    /* x = {3, 1} sorted {1, 3}: (0, 0), (1/2, 1/4), (1, 1). */
    double a[] = { 3, 1 };
    assert_int_equal(concentration_lorenz(a, 2, &px, &py, &n), BC_OK);
    assert_int_equal(n, 3);
    double wx[] = { 0, 0.5, 1 }, wy[] = { 0, 0.25, 1 };
    for (size_t i = 0; i < 3; i++) {
        assert_near(px[i], wx[i], EPS);
        assert_near(py[i], wy[i], EPS);
    }
    free(px);
    free(py);
    /* All zero: the line of equality. */
    double z[] = { 0, 0, 0, 0 };
    assert_int_equal(concentration_lorenz(z, 4, &px, &py, &n), BC_OK);
    assert_int_equal(n, 5);
    for (size_t i = 0; i < 5; i++)
        assert_near(py[i], (double)i / 4, EPS);
    free(px);
    free(py);
    assert_int_equal(concentration_lorenz(NULL, 0, &px, &py, &n), BC_OK);
    assert_int_equal(n, 1);
    assert_near(px[0], 0, 0);
    assert_near(py[0], 0, 0);
    free(px);
    free(py);
}

/* Counts per task from a catalog: the hand-made example's ASR uses
   LibriSpeech (Beta, Alpha, Gamma -> 3) and CoVoST2 (Beta -> 1). */
static void test_task(void **state)
{
    (void)state;
    bc_catalog cat;
    hc_example(&cat);
    bc_bipartite b;
    bipartite_init(&b);
    assert_int_equal(bipartite_build(&b, &cat), BC_OK);
    size_t n;
    double *x = concentration_task_counts(&b, 0, &n);
    assert_int_equal(n, 2);
    assert_near(x[0], 3, 0); /* LibriSpeech, dataset 0 */
    assert_near(x[1], 1, 0); /* CoVoST2, dataset 1 */
    free(x);
    bc_concentration k;
    assert_int_equal(concentration_task(&b, 0, &k), BC_OK);
    assert_near(k.gini, 0.25, EPS);
    assert_near(k.effective, 1.6, EPS);
    /* KWS (task 3) has no dataset: NULL, n 0, all figures 0. */
    assert_null(concentration_task_counts(&b, 3, &n));
    assert_int_equal(n, 0);
    assert_int_equal(concentration_task(&b, 3, &k), BC_OK);
    assert_int_equal(k.n, 0);
    assert_near(k.hhi, 0, 0);
    bipartite_release(&b);
    hc_free(&cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_worked),
        cmocka_unit_test(test_degenerate),
        cmocka_unit_test(test_gini_against_double_sum),
        cmocka_unit_test(test_reference),
        cmocka_unit_test(test_lorenz),
        cmocka_unit_test(test_task),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
