/*
 * test_comparability.c - the share of model pairs that share no named
 * (dataset, task) pair, counted exactly and estimated from sampled pairs
 * once the work budget is exceeded (comparability.h), against a brute
 * force over every pair of models done here.  The components and the
 * hand-worked case are in test_overlap.c.
 *
 * Tolerance of an estimate: the sampled pairs are drawn uniformly, with
 * replacement, from the M (M - 1) / 2 unordered pairs, so the number of
 * sampled pairs that share something is binomial and the estimated share
 * has standard error sqrt(p (1 - p) / S) for the exact share p and S
 * samples.  An estimate must lie within 5 of those standard errors
 * (chance of a miss by bad luck about 6e-7 per check; the seeds are
 * fixed, so the test is deterministic).  With S = 1,000,000 that is at
 * most 0.0025: tighter than the 1/M that sampling a model paired with
 * itself would add at M = 150.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "assert_near.h"
#include "comparability.h"
#include "incidence.h"
#include "rng.h"

#define SAMPLE 1000000

/* A random models x pairs matrix and a random name order of its models. */
typedef struct {
    bc_incidence mp;
    int *order;
} matrix;

/*
 * Survey shape (every model its own row, popular columns skewed towards
 * index 0, about a fifth of the models with no pair) or leaderboard shape
 * (most models copy one of a few suites, so many rows are identical).
 */
static void matrix_random(matrix *x, bc_rng *rng, size_t M, size_t P, int leaderboard)
{
    size_t cap = M * 8 + 1, n = 0;
    int *rows = malloc(cap * sizeof *rows), *cols = malloc(cap * sizeof *cols);
    assert_true(rows && cols);
    int suites[4][6];
    for (size_t s = 0; s < 4; s++)
        for (size_t j = 0; j < 6; j++)
            suites[s][j] = (int)rng_below(rng, P);
    for (size_t m = 0; m < M; m++) {
        if (leaderboard && rng_below(rng, 10) < 8) {
            size_t s = (size_t)rng_below(rng, 4), len = 2 + s; /* suite s has 2 + s pairs */
            for (size_t j = 0; j < len; j++) {
                rows[n] = (int)m;
                cols[n++] = suites[s][j];
            }
            continue;
        }
        if (rng_below(rng, 5) == 0)
            continue; /* no named pair */
        size_t len = 1 + (size_t)rng_below(rng, 5);
        for (size_t j = 0; j < len; j++) {
            double u = rng_uniform(rng);
            rows[n] = (int)m;
            cols[n++] = (int)((double)P * u * u * u);
        }
    }
    /* Duplicates within a row are merged by incidence_from_pairs. */
    assert_int_equal(incidence_from_pairs(&x->mp, M, P, rows, cols, n), 0);
    free(rows);
    free(cols);
    x->order = malloc((M ? M : 1) * sizeof *x->order);
    assert_non_null(x->order);
    for (size_t i = 0; i < M; i++)
        x->order[i] = (int)i;
    for (size_t i = M; i > 1; i--) {
        size_t j = (size_t)rng_below(rng, i);
        int t = x->order[i - 1];
        x->order[i - 1] = x->order[j];
        x->order[j] = t;
    }
}

static void matrix_free(matrix *x)
{
    incidence_release(&x->mp);
    free(x->order);
}

/* 1 when rows a and b of m have a column in common (plain merge). */
static int meet(const bc_incidence *m, size_t a, size_t b)
{
    size_t i = m->rowptr[a], j = m->rowptr[b];
    while (i < m->rowptr[a + 1] && j < m->rowptr[b + 1]) {
        if (m->col[i] == m->col[j])
            return 1;
        if (m->col[i] < m->col[j])
            i++;
        else
            j++;
    }
    return 0;
}

/* The exact share of unordered pairs sharing no column, over every pair. */
static double brute_share(const bc_incidence *m)
{
    size_t M = m->nrows;
    if (M < 2)
        return 0;
    double without = 0;
    for (size_t a = 0; a < M; a++)
        for (size_t b = a + 1; b < M; b++)
            without += !meet(m, a, b);
    return without / ((double)M * (double)(M - 1) / 2);
}

static const bc_incidence *cmp_rows_m;

static int cmp_rows(const void *x, const void *y)
{
    const bc_incidence *m = cmp_rows_m;
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    size_t na = INC_DEG(m, a), nb = INC_DEG(m, b);
    if (na != nb)
        return na < nb ? -1 : 1;
    return memcmp(m->col + m->rowptr[a], m->col + m->rowptr[b], na * sizeof *m->col);
}

/*
 * The work comparability.h measures against the budget: over the
 * distinct rows of m (classes of identical rows), the sum over columns of
 * the squared number of distinct rows holding the column.
 */
static double class_work(const bc_incidence *m)
{
    size_t M = m->nrows;
    size_t *idx = malloc((M ? M : 1) * sizeof *idx);
    double *deg = calloc(m->ncols ? m->ncols : 1, sizeof *deg);
    assert_true(idx && deg);
    for (size_t i = 0; i < M; i++)
        idx[i] = i;
    cmp_rows_m = m;
    qsort(idx, M, sizeof *idx, cmp_rows);
    for (size_t i = 0; i < M; i++) {
        if (i > 0 && cmp_rows(&idx[i - 1], &idx[i]) == 0)
            continue; /* same row as the previous: same class */
        for (size_t k = m->rowptr[idx[i]]; k < m->rowptr[idx[i] + 1]; k++)
            deg[m->col[k]] += 1;
    }
    double work = 0;
    for (size_t c = 0; c < m->ncols; c++)
        work += deg[c] * deg[c];
    free(idx);
    free(deg);
    return work;
}

/* 5 standard errors of a share p estimated from s uniform samples. */
static double tolerance(double p, size_t s)
{
    return 5 * sqrt(p * (1 - p) / (double)s) + 1e-12;
}

/*
 * Random matrices of 150 to 1,500 models, both shapes: exact below the
 * budget (pairs_sampled 0), estimated above it (pairs_sampled = the
 * sample size) within the tolerance, the budget compared with the work
 * as documented (exact at work = budget, estimated one step below), the
 * estimate a function of the seed.
 */
static void test_sampled_share_near_exact(void **state)
{
    (void)state;
    struct {
        size_t M, P;
        int leaderboard;
    } shapes[] = { { 150, 40, 0 }, { 400, 60, 1 }, { 1500, 300, 0 } };
    bc_rng rng;
    rng_init(&rng, 77);
    for (size_t s = 0; s < sizeof shapes / sizeof *shapes; s++) {
        matrix x;
        matrix_random(&x, &rng, shapes[s].M, shapes[s].P, shapes[s].leaderboard);
        double exact = brute_share(&x.mp), work = class_work(&x.mp);
        assert_true(exact > 0.05 && exact < 0.95); /* neither share is trivial */
        assert_true(work > 1);
        bc_comparability c;

        /* The public function: far below its budget, exact. */
        assert_int_equal(comparability_compute(&c, &x.mp, x.order, 1), BC_OK);
        assert_int_equal(c.pairs_sampled, 0);
        assert_near(c.pairs_without_shared, exact, 1e-12);
        comparability_release(&c);

        /* A budget equal to the work: still exact. */
        assert_int_equal(comparability_compute_budget(&c, &x.mp, x.order, 1, work, SAMPLE),
                         BC_OK);
        assert_int_equal(c.pairs_sampled, 0);
        assert_near(c.pairs_without_shared, exact, 1e-12);
        comparability_release(&c);

        /* One step less: estimated. */
        assert_int_equal(
            comparability_compute_budget(&c, &x.mp, x.order, 1, work - 1, SAMPLE), BC_OK);
        assert_int_equal(c.pairs_sampled, SAMPLE);
        assert_near(c.pairs_without_shared, exact, tolerance(exact, SAMPLE));
        double est1 = c.pairs_without_shared;
        comparability_release(&c);
        if (s == 0) {
            /* No budget, another seed: another sample, as near; the same
             * seed again: the same estimate. */
            assert_int_equal(comparability_compute_budget(&c, &x.mp, x.order, 2, 0, SAMPLE),
                             BC_OK);
            assert_int_equal(c.pairs_sampled, SAMPLE);
            assert_near(c.pairs_without_shared, exact, tolerance(exact, SAMPLE));
            double est2 = c.pairs_without_shared;
            assert_true(est1 != est2);
            comparability_release(&c);
            assert_int_equal(comparability_compute_budget(&c, &x.mp, x.order, 2, 0, SAMPLE),
                             BC_OK);
            assert_near(c.pairs_without_shared, est2, 0);
            comparability_release(&c);
        }
        matrix_free(&x);
    }
}

/*
 * Fewer samples, wider tolerance: the estimate follows the sample size it
 * is given and reports it (1,000 samples: at most 0.079 off).
 */
static void test_small_sample(void **state)
{
    (void)state;
    bc_rng rng;
    rng_init(&rng, 5);
    matrix x;
    matrix_random(&x, &rng, 300, 50, 0);
    double exact = brute_share(&x.mp);
    bc_comparability c;
    assert_int_equal(comparability_compute_budget(&c, &x.mp, x.order, 3, 0, 1000), BC_OK);
    assert_int_equal(c.pairs_sampled, 1000);
    assert_near(c.pairs_without_shared, exact, tolerance(exact, 1000));
    /* A share from 1,000 samples is a whole number of thousandths. */
    double k = c.pairs_without_shared * 1000;
    assert_near(k, round(k), 1e-6);
    comparability_release(&c);
    matrix_free(&x);
}

/*
 * The public function at its own budget (COMPARABILITY_WORK_BUDGET, 1e8
 * steps), on matrices that are large but cheap: N models, each with a
 * column of its own, the first g also with column 0.  All rows differ,
 * so the work is g^2 (column 0) + N (one per own column), and the pairs
 * sharing something are exactly the g (g - 1) / 2 pairs within the
 * first g: the share without is 1 - g (g - 1) / (N (N - 1)).
 * g = 9,990 and N = g + 10,000: 99,820,090 steps, counted exactly;
 * g = 10,010: 100,220,110 steps, estimated from COMPARABILITY_SAMPLE pairs.
 */
static void check_two_groups(size_t g, int want_sampled)
{
    size_t N = g + 10000, n = 0;
    int *rows = malloc((N + g) * sizeof *rows), *cols = malloc((N + g) * sizeof *cols);
    int *order = malloc(N * sizeof *order);
    assert_true(rows && cols && order);
    for (size_t m = 0; m < N; m++) {
        order[m] = (int)m;
        rows[n] = (int)m;
        cols[n++] = (int)(m + 1);
        if (m < g) {
            rows[n] = (int)m;
            cols[n++] = 0;
        }
    }
    bc_incidence mp;
    assert_int_equal(incidence_from_pairs(&mp, N, N + 1, rows, cols, n), 0);
    double work = (double)g * (double)g + (double)N;
    assert_near(class_work(&mp), work, 0);
    assert_true(want_sampled ? work > COMPARABILITY_WORK_BUDGET
                             : work <= COMPARABILITY_WORK_BUDGET);
    double exact = 1 - (double)g * (double)(g - 1) / ((double)N * (double)(N - 1));
    bc_comparability c;
    assert_int_equal(comparability_compute(&c, &mp, order, 1), BC_OK);
    if (want_sampled) {
        assert_int_equal(c.pairs_sampled, COMPARABILITY_SAMPLE);
        assert_near(c.pairs_without_shared, exact, tolerance(exact, COMPARABILITY_SAMPLE));
    } else {
        assert_int_equal(c.pairs_sampled, 0);
        assert_near(c.pairs_without_shared, exact, 1e-12);
    }
    assert_int_equal(c.components, 1); /* the first g, joined by column 0 */
    assert_int_equal(c.isolated, N - g);
    comparability_release(&c);
    incidence_release(&mp);
    free(rows);
    free(cols);
    free(order);
}

static void test_public_budget(void **state)
{
    (void)state;
    check_two_groups(9990, 0);
    check_two_groups(10010, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sampled_share_near_exact),
        cmocka_unit_test(test_small_sample),
        cmocka_unit_test(test_public_budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
