/*
 * test_gaps.c - empty cells of task x encoder family and task x fusion,
 * and gap fillers, on the hand-made example of handmade_catalog.h.
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

static char *to_string(const bc_catalog *cat, const bc_gaps *g, int md)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    assert_int_equal(md ? gaps_write_md(fp, cat, g) : gaps_write_csv(fp, cat, g), BC_OK);
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
 */
static void test_example(void **state)
{
    (void)state;
    bc_catalog cat;
    hc_example(&cat);
    bc_bipartite b;
    bipartite_init(&b);
    assert_int_equal(bipartite_build(&b, &cat), BC_OK);
    bc_gaps g;
    assert_int_equal(gaps_compute(&g, &cat, &b, 2), BC_OK);

    const bc_crosstab *f = &g.by_family;
    assert_int_equal(f->n_rows, 4);
    assert_int_equal(f->n_cols, 2);
    assert_string_equal(f->col_names[0], "beats");
    assert_string_equal(f->col_names[1], "whisper");
    int fam[4][2] = { { 1, 2 }, { 1, 1 }, { 1, 0 }, { 0, 0 } }; /* ASR ST AAC KWS */
    for (int t = 0; t < 4; t++)
        for (int c = 0; c < 2; c++)
            assert_int_equal(GAPS_CELL(f, t, c), fam[t][c]);
    assert_int_equal(g.empty_family, 3);

    const bc_crosstab *u = &g.by_fusion;
    assert_int_equal(u->n_cols, 2);
    assert_string_equal(u->col_names[0], "projection");
    assert_string_equal(u->col_names[1], "q-former");
    int fus[4][2] = { { 1, 1 }, { 1, 1 }, { 0, 1 }, { 0, 0 } };
    for (int t = 0; t < 4; t++)
        for (int c = 0; c < 2; c++)
            assert_int_equal(GAPS_CELL(u, t, c), fus[t][c]);
    assert_int_equal(g.empty_fusion, 3);

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

    char *s = to_string(&cat, &g, 0);
    assert_string_equal(s, "task,dimension,group\n"
                           "AAC,encoder_family,whisper\n"
                           "AAC,fusion,projection\n"
                           "KWS,encoder_family,beats\n"
                           "KWS,encoder_family,whisper\n"
                           "KWS,fusion,projection\n"
                           "KWS,fusion,q-former\n");
    free(s);
    s = to_string(&cat, &g, 1);
    assert_string_equal(s, "Tasks with no model of an encoder family:\n\n"
                           "- AAC: whisper\n"
                           "- KWS: beats, whisper\n\n"
                           "Tasks with no model of a fusion:\n\n"
                           "- AAC: projection\n"
                           "- KWS: projection, q-former\n\n"
                           "| task | models | gap fillers |\n"
                           "|---|---|---|\n"
                           "| AAC | 1 | AudioCaps, Clotho |\n"
                           "| KWS | 0 | SpeechCommands |\n");
    free(s);
    gaps_release(&g);

    /* thin 1: only KWS (uncovered) needs filling. */
    assert_int_equal(gaps_compute(&g, &cat, &b, 1), BC_OK);
    assert_int_equal(g.n_fills, 1);
    assert_int_equal(g.fills[0].task, 3);
    gaps_release(&g);
    gaps_release(&g);
    gaps_release(NULL);
    bipartite_release(&b);
    hc_free(&cat);
}

/* No family or fusion known: no columns, no empty cells; no datasets: a
   filler row says so. */
static void test_no_groups(void **state)
{
    (void)state;
    static const char *const m[] = { "A" }, *const t[] = { "X" };
    bc_catalog cat;
    hc_make(&cat, m, 1, NULL, 0, t, NULL, 1, NULL, 0);
    bc_bipartite b;
    bipartite_init(&b);
    assert_int_equal(bipartite_build(&b, &cat), BC_OK);
    bc_gaps g;
    assert_int_equal(gaps_compute(&g, &cat, &b, 2), BC_OK);
    assert_int_equal(g.by_family.n_cols, 0);
    assert_int_equal(g.by_fusion.n_cols, 0);
    assert_int_equal(g.empty_family, 0);
    char *s = to_string(&cat, &g, 1);
    assert_string_equal(s, "Tasks with no model of an encoder family:\n\n"
                           "No empty cell.\n\n"
                           "Tasks with no model of a fusion:\n\n"
                           "No empty cell.\n\n"
                           "| task | models | gap fillers |\n"
                           "|---|---|---|\n"
                           "| X | 0 | none in the catalog |\n");
    free(s);
    gaps_release(&g);
    bipartite_release(&b);
    hc_free(&cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_example),
        cmocka_unit_test(test_no_groups),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
