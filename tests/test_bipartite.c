/*
 * test_bipartite.c - the matrices and pair index built from the
 * hand-made example of handmade_catalog.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "bipartite.h"
#include "handmade_catalog.h"

/* Row r of m equals the n columns given. */
static void assert_row(const bc_incidence *m, size_t r, size_t n, ...)
{
    assert_int_equal(INC_DEG(m, r), n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(m->col[m->rowptr[r] + i], va_arg(ap, int));
    va_end(ap);
}

static void test_example(void **state)
{
    (void)state;
    bc_catalog cat;
    hc_example(&cat);
    bc_bipartite b;
    bipartite_init(&b);
    assert_int_equal(bipartite_build(&b, &cat), BC_OK);

    /* models x tasks: Beta {ASR, ST}, Alpha {ASR, ST, AAC}, Gamma {ASR};
       the task-free row of Gamma adds nothing. */
    assert_int_equal(b.mt.nrows, 3);
    assert_int_equal(b.mt.ncols, 4);
    assert_row(&b.mt, 0, 2, 0, 1);
    assert_row(&b.mt, 1, 3, 0, 1, 2);
    assert_row(&b.mt, 2, 1, 0);
    /* models x datasets: the unnamed dataset of Alpha's ST row adds nothing. */
    assert_int_equal(b.md.ncols, 5);
    assert_row(&b.md, 0, 2, 0, 1);
    assert_row(&b.md, 1, 2, 0, 2);
    assert_row(&b.md, 2, 1, 0);
    /* datasets x tasks: datasets.tasks plus usage (nothing new here). */
    assert_row(&b.dt, 0, 1, 0);
    assert_row(&b.dt, 1, 2, 0, 1);
    assert_row(&b.dt, 2, 1, 2);
    assert_row(&b.dt, 3, 1, 2);
    assert_row(&b.dt, 4, 1, 3);
    /* Pairs sorted by dataset then task: (LS,ASR) (CoVoST2,ASR) (CoVoST2,ST) (AudioCaps,AAC). */
    assert_int_equal(b.n_pairs, 4);
    int pd[] = { 0, 1, 1, 2 }, pt[] = { 0, 0, 1, 2 };
    for (size_t p = 0; p < 4; p++) {
        assert_int_equal(b.pair_dataset[p], pd[p]);
        assert_int_equal(b.pair_task[p], pt[p]);
    }
    assert_int_equal(b.mp.ncols, 4);
    assert_row(&b.mp, 0, 3, 0, 1, 2);
    assert_row(&b.mp, 1, 2, 0, 3);
    assert_row(&b.mp, 2, 1, 0);
    /* Models per pair, the column degrees of mp: (LS,ASR) has all three. */
    size_t pm[] = { 3, 1, 1, 1 };
    for (size_t p = 0; p < 4; p++)
        assert_int_equal(b.pair_models[p], pm[p]);
    /* tasks x pairs: ASR {0, 1}, ST {2}, AAC {3}, KWS none. */
    assert_int_equal(b.tp.nrows, 4);
    assert_row(&b.tp, 0, 2, 0, 1);
    assert_row(&b.tp, 1, 1, 2);
    assert_row(&b.tp, 2, 1, 3);
    assert_row(&b.tp, 3, 0);

    bipartite_release(&b);
    bipartite_release(&b); /* twice is fine */
    bipartite_release(NULL);
    hc_free(&cat);
}

/* A usage pair that datasets.tasks does not list still becomes a dt edge. */
static void test_usage_adds_dt_edges(void **state)
{
    (void)state;
    static const char *const m[] = { "A" }, *const d[] = { "D" }, *const t[] = { "X", "Y" };
    static const hc_use u[] = { { 0, 0, 1 }, { 0, 0, 1 } };
    bc_catalog cat;
    hc_make(&cat, m, 1, d, 1, t, NULL, 2, u, 2);
    static const int x[] = { 0 };
    hc_dataset_tasks(&cat, 0, x, 1);
    bc_bipartite b;
    bipartite_init(&b);
    assert_int_equal(bipartite_build(&b, &cat), BC_OK);
    assert_row(&b.dt, 0, 2, 0, 1);
    assert_int_equal(b.n_pairs, 1); /* duplicates merged */
    assert_row(&b.mp, 0, 1, 0);
    bipartite_release(&b);
    hc_free(&cat);
}

static void test_empty(void **state)
{
    (void)state;
    bc_catalog cat;
    hc_make(&cat, NULL, 0, NULL, 0, NULL, NULL, 0, NULL, 0);
    bc_bipartite b;
    bipartite_init(&b);
    assert_int_equal(bipartite_build(&b, &cat), BC_OK);
    assert_int_equal(b.n_pairs, 0);
    assert_int_equal(incidence_ones(&b.mt), 0);
    bipartite_release(&b);
    hc_free(&cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example),
        cmocka_unit_test(test_usage_adds_dt_edges),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
