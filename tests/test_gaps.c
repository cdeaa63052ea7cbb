/*
 * test_gaps.c - empty cells of task x model facet (encoder family and
 * fusion), the default choice of facets, and gap fillers, on the
 * hand-made example of handmade_catalog.h.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "bipartite.h"
#include "gaps.h"
#include "handmade_catalog.h"

static char *to_string(const bc_catalog *cat, const bc_gaps *g)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    assert_int_equal(gaps_write_csv(fp, cat, g), BC_OK);
    fclose(fp);
    return buf;
}

/*
 * Families: Beta whisper, Alpha beats, Gamma whisper -> columns beats,
 * whisper.  Fusion: Beta projection, Alpha q-former, Gamma unknown (no
 * column) -> columns projection, q-former.
 *   ASR (all three):   beats 1, whisper 2;  projection 1, q-former 1
 *   ST (Beta, Alpha):  beats 1, whisper 1;  projection 1, q-former 1
 *   AAC (Alpha):       beats 1, whisper 0;  projection 0, q-former 1
 *   KWS (nobody):      0, 0;                0, 0
 * Empty cells: 3 per table.  With thin 2: AAC (1 model) is thin and KWS
 * uncovered; datasets.tasks lists AAC for AudioCaps and Clotho, KWS for
 * SpeechCommands.
 *
 * Default facets: encoder_family has 2 values over 3 models (groups of
 * 1.5 on average: kept); fusion has 2 values over the 2 models with one
 * (groups of 1: left out).
 */
static void test_example(void **state)
{
    (void)state;
    bc_catalog cat;
    hc_example(&cat);
    bc_bipartite b;
    bipartite_init(&b);
    assert_int_equal(bipartite_build(&b, &cat), BC_OK);
    int cols[2];
    assert_int_equal(cat.model_facets.n, 2);   /* encoder_family, fusion */
    assert_int_equal(gaps_default_facets(&cat, cols), 1);
    assert_int_equal(cols[0], 0);
    bc_gaps g;
    cols[1] = 1;
    assert_int_equal(gaps_compute(&g, &cat, &b, 2, cols, 2), BC_OK);
    assert_int_equal(g.n_facets, 2);
    assert_int_equal(g.facets[0].col, 0);
    assert_int_equal(g.facets[1].col, 1);

    const bc_crosstab *f = &g.facets[0].x;
    assert_int_equal(f->n_rows, 4);
    assert_int_equal(f->n_cols, 2);
    assert_string_equal(f->col_names[0], "beats");
    assert_string_equal(f->col_names[1], "whisper");
    int fam[4][2] = { { 1, 2 }, { 1, 1 }, { 1, 0 }, { 0, 0 } }; /* ASR ST AAC KWS */
    for (int t = 0; t < 4; t++)
        for (int c = 0; c < 2; c++)
            assert_int_equal(GAPS_CELL(f, t, c), fam[t][c]);
    assert_int_equal(g.facets[0].empty, 3);

    const bc_crosstab *u = &g.facets[1].x;
    assert_int_equal(u->n_cols, 2);
    assert_string_equal(u->col_names[0], "projection");
    assert_string_equal(u->col_names[1], "q-former");
    int fus[4][2] = { { 1, 1 }, { 1, 1 }, { 0, 1 }, { 0, 0 } };
    for (int t = 0; t < 4; t++)
        for (int c = 0; c < 2; c++)
            assert_int_equal(GAPS_CELL(u, t, c), fus[t][c]);
    assert_int_equal(g.facets[1].empty, 3);

    /* Fillers by task code: AAC then KWS. */
    assert_int_equal(g.n_fills, 2);
    assert_int_equal(g.fills[0].task, 2);
    assert_int_equal(g.fills[0].models, 1);
    assert_int_equal(g.fills[0].n, 2);
    assert_int_equal(g.fills[0].datasets[0], 2); /* AudioCaps */
    assert_int_equal(g.fills[0].datasets[1], 3); /* Clotho */
    assert_int_equal(g.fills[1].task, 3);
    assert_int_equal(g.fills[1].models, 0);
    assert_int_equal(g.fills[1].n, 1);
    assert_int_equal(g.fills[1].datasets[0], 4); /* SpeechCommands */

    char *s = to_string(&cat, &g);
    assert_string_equal(s, "task,dimension,group\n"
                           "AAC,encoder_family,whisper\n"
                           "AAC,fusion,projection\n"
                           "KWS,encoder_family,beats\n"
                           "KWS,encoder_family,whisper\n"
                           "KWS,fusion,projection\n"
                           "KWS,fusion,q-former\n");
    free(s);
    gaps_release(&g);

    /* The facets in the order asked: fusion first. */
    int rev[2] = { 1, 0 };
    assert_int_equal(gaps_compute(&g, &cat, &b, 2, rev, 2), BC_OK);
    s = to_string(&cat, &g);
    assert_string_equal(s, "task,dimension,group\n"
                           "AAC,fusion,projection\n"
                           "AAC,encoder_family,whisper\n"
                           "KWS,fusion,projection\n"
                           "KWS,fusion,q-former\n"
                           "KWS,encoder_family,beats\n"
                           "KWS,encoder_family,whisper\n");
    free(s);
    gaps_release(&g);

    /* thin 1: only KWS (uncovered) needs filling. */
    assert_int_equal(gaps_compute(&g, &cat, &b, 1, cols, 0), BC_OK);
    assert_int_equal(g.n_facets, 0);
    assert_int_equal(g.n_fills, 1);
    assert_int_equal(g.fills[0].task, 3);
    gaps_release(&g);
    gaps_release(&g);
    gaps_release(NULL);
    bipartite_release(&b);
    hc_free(&cat);
}

/* No facet: no cross-table; no datasets: the filler has none. */
static void test_no_groups(void **state)
{
    (void)state;
    static const char *const m[] = { "A" }, *const t[] = { "X" };
    bc_catalog cat;
    hc_make(&cat, m, 1, NULL, 0, t, NULL, 1, NULL, 0);
    bc_bipartite b;
    bipartite_init(&b);
    assert_int_equal(bipartite_build(&b, &cat), BC_OK);
    int cols[1];
    assert_int_equal(gaps_default_facets(&cat, cols), 0);
    bc_gaps g;
    assert_int_equal(gaps_compute(&g, &cat, &b, 2, cols, 0), BC_OK);
    assert_int_equal(g.n_facets, 0);
    assert_int_equal(g.n_fills, 1);
    assert_int_equal(g.fills[0].n, 0);
    char *s = to_string(&cat, &g);
    assert_string_equal(s, "task,dimension,group\n");
    free(s);
    gaps_release(&g);
    bipartite_release(&b);
    hc_free(&cat);
}

/*
 * A facet of one value for every model, and one of a value per model, are
 * no grouping; 41 values are too many for a table.
 */
static void test_default_facets(void **state)
{
    (void)state;
    static const char *const m[] = { "A", "B", "C", "D" }, *const t[] = { "X" };
    bc_catalog cat;
    hc_make(&cat, m, 4, NULL, 0, t, NULL, 1, NULL, 0);
    static const char *const org[] = { "meta", "Meta", "google", "google" };
    static const char *const own[] = { "a1", "b1", "c1", "d1" };
    for (int i = 0; i < 4; i++) {
        hc_model_facet(&cat, i, "single", "x");
        hc_model_facet(&cat, i, "org", org[i]);   /* case-insensitive: 2 values */
        hc_model_facet(&cat, i, "own", own[i]);
    }
    int cols[3];
    assert_int_equal(gaps_default_facets(&cat, cols), 1);
    assert_int_equal(cols[0], 1);
    assert_int_equal(cat.model_facets.cols[1].n_values, 2);
    hc_free(&cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example),
        cmocka_unit_test(test_no_groups),
        cmocka_unit_test(test_default_facets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
