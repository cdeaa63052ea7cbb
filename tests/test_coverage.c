/*
 * test_coverage.c - coverage figures and tables on the hand-made example
 * of handmade_catalog.h, with the arithmetic worked in the comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bipartite.h"
#include "coverage.h"
#include "assert_near.h"
#include "handmade_catalog.h"

#define EPS 1e-12

typedef struct {
    bc_catalog cat;
    bc_bipartite b;
    bc_coverage c;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    hc_example(&f->cat);
    bipartite_init(&f->b);
    if (bipartite_build(&f->b, &f->cat) != BC_OK)
        return -1;
    coverage_init(&f->c);
    if (coverage_compute(&f->c, &f->b, 2) != BC_OK)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    coverage_release(&f->c);
    coverage_release(&f->c);
    coverage_release(NULL);
    bipartite_release(&f->b);
    hc_free(&f->cat);
    free(f);
    return 0;
}

static void test_tasks(void **state)
{
    const bc_coverage *c = &((fixture *)*state)->c;
    assert_int_equal(c->n_tasks, 4);
    /* ASR: Beta, Alpha, Gamma -> 3 models, share 3/3; datasets used LibriSpeech
       and CoVoST2 -> 2; x = {LS: 3, CoVoST2: 1}: Gini = (|3-1| + |1-3|) /
       (2 * 2^2 * 2) = 4 / 16 = 0.25. */
    assert_int_equal(c->tasks[0].models, 3);
    assert_int_equal(c->tasks[0].datasets, 2);
    assert_int_equal(c->tasks[0].available, 2);
    assert_near(c->tasks[0].share, 1.0, EPS);
    assert_near(c->tasks[0].gini, 0.25, EPS);
    assert_int_equal(c->tasks[0].status, BC_COV_COVERED);
    /* ST: Beta (CoVoST2) and Alpha (no dataset named) -> 2 models, 1 dataset,
       share 2/3, one dataset so Gini 0; 2 >= thin 2 -> covered. */
    assert_int_equal(c->tasks[1].models, 2);
    assert_int_equal(c->tasks[1].datasets, 1);
    assert_near(c->tasks[1].share, 2.0 / 3.0, EPS);
    assert_near(c->tasks[1].gini, 0, EPS);
    assert_int_equal(c->tasks[1].status, BC_COV_COVERED);
    /* AAC: Alpha only -> thin; used AudioCaps, available AudioCaps and Clotho. */
    assert_int_equal(c->tasks[2].models, 1);
    assert_int_equal(c->tasks[2].datasets, 1);
    assert_int_equal(c->tasks[2].available, 2);
    assert_near(c->tasks[2].share, 1.0 / 3.0, EPS);
    assert_int_equal(c->tasks[2].status, BC_COV_THIN);
    /* KWS: nobody -> uncovered; SpeechCommands could serve it. */
    assert_int_equal(c->tasks[3].models, 0);
    assert_int_equal(c->tasks[3].datasets, 0);
    assert_int_equal(c->tasks[3].available, 1);
    assert_near(c->tasks[3].share, 0, EPS);
    assert_int_equal(c->tasks[3].status, BC_COV_UNCOVERED);
}

static void test_models_and_datasets(void **state)
{
    const bc_coverage *c = &((fixture *)*state)->c;
    /* task_share = tasks / T with T = 4: Beta 2/4, Alpha 3/4, Gamma 1/4. */
    assert_int_equal(c->models[0].tasks, 2);
    assert_int_equal(c->models[0].datasets, 2);
    assert_near(c->models[0].task_share, 0.5, EPS);
    assert_int_equal(c->models[1].tasks, 3);
    assert_int_equal(c->models[1].datasets, 2);
    assert_near(c->models[1].task_share, 0.75, EPS);
    assert_int_equal(c->models[2].tasks, 1);
    assert_int_equal(c->models[2].datasets, 1);
    assert_near(c->models[2].task_share, 0.25, EPS);
    /* mean_task_coverage = (0.5 + 0.75 + 0.25) / 3 = 0.5 */
    assert_near(c->mean_task_coverage, 0.5, EPS);
    /* connectance: mt has 2 + 3 + 1 = 6 ones of 3 x 4 = 12 -> 0.5;
       md has 2 + 2 + 1 = 5 ones of 3 x 5 = 15 -> 1/3 (Clotho and
       SpeechCommands are empty columns and still count). */
    assert_near(c->connectance_model_task, 0.5, EPS);
    assert_near(c->connectance_model_dataset, 1.0 / 3.0, EPS);
    /* datasets: models that used them; tasks from dt. */
    size_t models[] = { 3, 1, 1, 0, 0 }, tasks[] = { 1, 2, 1, 1, 1 };
    for (size_t d = 0; d < 5; d++) {
        assert_int_equal(c->datasets[d].models, models[d]);
        assert_int_equal(c->datasets[d].tasks, tasks[d]);
    }
}

/* Writes a table into memory and compares it with `want`. */
static void check_output(const fixture *f, bc_coverage_by by, int md, const char *want)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    int rc = md ? coverage_write_md(fp, &f->cat, &f->c, by)
                : coverage_write_csv(fp, &f->cat, &f->c, by);
    assert_int_equal(rc, BC_OK);
    fclose(fp);
    assert_string_equal(buf, want);
    free(buf);
}

static void test_csv(void **state)
{
    const fixture *f = *state;
    /* Tasks by code; the comma in ST's name is quoted; 1/3 -> 0.333333. */
    check_output(f, BC_COV_BY_TASK, 0,
                 "task,name,modality,models,datasets,share,gini,status\n"
                 "AAC,Audio captioning,sound,1,1,0.333333,0,thin\n"
                 "ASR,Speech recognition,speech,3,2,1,0.25,covered\n"
                 "KWS,Keyword spotting,speech,0,0,0,0,uncovered\n"
                 "ST,\"Speech translation, any\",speech,2,1,0.666667,0,covered\n");
    check_output(f, BC_COV_BY_MODEL, 0,
                 "model,tasks,datasets,task_share\n"
                 "Alpha,3,2,0.75\n"
                 "Beta,2,2,0.5\n"
                 "Gamma,1,1,0.25\n");
    /* Byte order: "Clotho" < "CoVoST2" because 'l' (0x6c) < 'o' (0x6f). */
    check_output(f, BC_COV_BY_DATASET, 0,
                 "dataset,models,tasks\n"
                 "AudioCaps,1,1\n"
                 "Clotho,0,1\n"
                 "CoVoST2,1,2\n"
                 "LibriSpeech,3,1\n"
                 "SpeechCommands,0,1\n");
}

static void test_md(void **state)
{
    const fixture *f = *state;
    check_output(f, BC_COV_BY_MODEL, 1,
                 "| model | tasks | datasets | task\\_share |\n"
                 "|---|---|---|---|\n"
                 "| Alpha | 3 | 2 | 0.75 |\n"
                 "| Beta | 2 | 2 | 0.5 |\n"
                 "| Gamma | 1 | 1 | 0.25 |\n");
}

/* Markdown-active characters in a catalog name are escaped in tables. */
static void test_md_escapes(void **state)
{
    (void)state;
    static const char *const m[] = { "A|B*" }, *const d[] = { "x" }, *const t[] = { "T" };
    static const hc_use u[] = { { 0, 0, 0 } };
    fixture f;
    hc_make(&f.cat, m, 1, d, 1, t, NULL, 1, u, 1);
    bipartite_init(&f.b);
    assert_int_equal(bipartite_build(&f.b, &f.cat), BC_OK);
    assert_int_equal(coverage_compute(&f.c, &f.b, 2), BC_OK);
    check_output(&f, BC_COV_BY_MODEL, 1,
                 "| model | tasks | datasets | task\\_share |\n"
                 "|---|---|---|---|\n"
                 "| A\\|B\\* | 1 | 1 | 1 |\n");
    /* One model for T: thin with thin = 2, covered with thin = 1. */
    assert_int_equal(f.c.tasks[0].status, BC_COV_THIN);
    coverage_release(&f.c);
    assert_int_equal(coverage_compute(&f.c, &f.b, 1), BC_OK);
    assert_int_equal(f.c.tasks[0].status, BC_COV_COVERED);
    coverage_release(&f.c);
    bipartite_release(&f.b);
    hc_free(&f.cat);
}

/* No model, no task: every figure is 0, never NaN. */
static void test_empty(void **state)
{
    (void)state;
    fixture f;
    hc_make(&f.cat, NULL, 0, NULL, 0, NULL, NULL, 0, NULL, 0);
    bipartite_init(&f.b);
    assert_int_equal(bipartite_build(&f.b, &f.cat), BC_OK);
    assert_int_equal(coverage_compute(&f.c, &f.b, 2), BC_OK);
    assert_near(f.c.mean_task_coverage, 0, 0);
    assert_near(f.c.connectance_model_task, 0, 0);
    assert_near(f.c.connectance_model_dataset, 0, 0);
    check_output(&f, BC_COV_BY_TASK, 0, "task,name,modality,models,datasets,share,gini,status\n");
    coverage_release(&f.c);
    bipartite_release(&f.b);
    hc_free(&f.cat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tasks),
        cmocka_unit_test(test_models_and_datasets),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_md),
    };
    const struct CMUnitTest alone[] = {
        cmocka_unit_test(test_md_escapes),
        cmocka_unit_test(test_empty),
    };
    int failed = cmocka_run_group_tests(tests, setup, teardown);
    return failed + cmocka_run_group_tests(alone, NULL, NULL);
}
