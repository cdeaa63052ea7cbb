/*
 * test_analysis.c - the headline figures of the good fixture catalog
 * (tests/fixtures/good), each worked out by hand below, and the fixed
 * names and order of the `metrics` table.
 *
 * The fixture's usage, resolved through aliases:
 *   SALMONN    LibriSpeech ASR, CoVoST 2 ST, AudioCaps AAC, Clotho AAC
 *   Qwen-Audio LibriSpeech ASR, CoVoST 2 ST, Clotho AAC, IEMOCAP SER
 *   LauraGPT   LibriSpeech ASR, (no dataset) ST
 *   LTU        AudioCaps AAC, Clotho (no task)
 *   Pengi      AudioCaps AAC, LibriSpeech ASR
 * over 5 tasks (ASR ST AAC SER MGR) and 6 datasets (one unused).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "assert_near.h"
#include "graph.h"

static const char *const design_names[] = {
    "models", "datasets", "tasks", "usage_rows", "connectance_model_task",
    "connectance_model_dataset", "mean_task_coverage", "nodf_model_task", "nodf_model_dataset",
    "nodf_model_task_z", "modularity_barber", "communities", "comparability_components",
    "isolated_models", "pairs_without_shared", "robustness_models",
};

static double metric(const bc_metric *m, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(m[i].name, name) == 0)
            return m[i].value;
    fail_msg("metric '%s' missing", name);
    return 0;
}

/* Loads tests/fixtures/NAME and analyses it under `o`; the caller
 * releases a, e and cat. */
static void load_and_run(const char *name, const bc_analysis_opts *o, bc_catalog *cat,
                         bc_errors *e, bc_analysis *a)
{
    char dir[256];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/%s", BENCHCOV_SOURCE_DIR, name);
    catalog_init(cat);
    errors_init(e);
    analysis_init(a);
    assert_int_equal(catalog_load(cat, dir, e), BC_OK);
    assert_int_equal(analysis_run(a, cat, o, e), BC_OK);
}

static void test_good_fixture(void **state)
{
    (void)state;
    bc_catalog cat;
    bc_errors e;
    bc_analysis a;
    bc_analysis_opts o = { .thin = 2, .seed = 1 };
    load_and_run("good", &o, &cat, &e, &a);
    bc_metric m[ANALYSIS_MAX_METRICS];
    size_t n = analysis_metrics(&a, m);
    assert_true(n <= ANALYSIS_MAX_METRICS);
    for (size_t i = 0; i < sizeof design_names / sizeof design_names[0]; i++)
        (void)metric(m, n, design_names[i]);

    assert_near(metric(m, n, "models"), 5, 0);
    assert_near(metric(m, n, "datasets"), 6, 0);
    assert_near(metric(m, n, "tasks"), 5, 0);
    assert_near(metric(m, n, "usage_rows"), 15, 0);
    /* Tasks per model 3 + 4 + 2 + 1 + 2 = 12 of 5 x 5 cells. */
    assert_near(metric(m, n, "connectance_model_task"), 12.0 / 25.0, 1e-12);
    assert_near(metric(m, n, "mean_task_coverage"), 12.0 / 25.0, 1e-12);
    /* Datasets per model 4 + 4 + 1 + 2 + 2 = 13 of 5 x 6 cells. */
    assert_near(metric(m, n, "connectance_model_dataset"), 13.0 / 30.0, 1e-12);
    /* MGR has no model; SER one (thin); ASR, ST, AAC two or more. */
    assert_near(metric(m, n, "tasks_uncovered"), 1, 0);
    assert_near(metric(m, n, "tasks_thin"), 1, 0);
    assert_near(metric(m, n, "tasks_covered"), 3, 0);
    /* Only Qwen-Audio - LTU and LauraGPT - LTU share no (dataset, task) pair. */
    assert_near(metric(m, n, "pairs_without_shared"), 2.0 / 10.0, 1e-12);
    assert_near(metric(m, n, "isolated_models"), 0, 0);
    assert_near(metric(m, n, "comparability_components"), 1, 0);
    /*
     * Most used first: LibriSpeech (4 models), AudioCaps (3), Clotho (3),
     * CoVoST 2 (2), IEMOCAP (1), the unused one (0).  Models left with data:
     * 1, .8 (LauraGPT lost), .6 (Pengi), .4 (LTU), .2 (SALMONN), 0, 0;
     * trapezoids of width 1/6: (3.0 - (1 + 0) / 2) / 6.
     */
    assert_near(metric(m, n, "robustness_models"), 2.5 / 6.0, 1e-12);
    /*
     * NODF of models x tasks (MGR, empty, dropped), rows by degree:
     *   Qwen-Audio {ASR ST AAC SER}, SALMONN {ASR ST AAC},
     *   LauraGPT {ASR ST}, Pengi {ASR AAC}, LTU {AAC}.
     * Row pairs with deg_i > deg_j score 100 * shared / deg_j: all of
     * Qwen-Audio's 4 and SALMONN's 3 pairs and Pengi-LTU score 100,
     * LauraGPT-LTU 0, LauraGPT-Pengi (equal degrees) 0: 800 over 10 pairs.
     * Columns ASR 4, AAC 4, ST 3, SER 1: ASR-ST 100, ASR-SER 100,
     * AAC-ST 100 * 2/3 (Qwen-Audio, SALMONN), AAC-SER 100, ST-SER 100,
     * ASR-AAC (equal) 0: 1400/3 over 6 pairs.  NODF = (800 + 1400/3) / 16.
     * tests/reference/good_fixture_reference.py computes the same.
     */
    assert_near(metric(m, n, "nodf_model_task"), (800.0 + 1400.0 / 3.0) / 16.0, 1e-9);
    /* z as defined from the null mean and sd (those: tests/test_nested.c). */
    assert_near(metric(m, n, "nodf_model_task_z"),
                (metric(m, n, "nodf_model_task") - a.null_mt.mean) / a.null_mt.sd, 1e-9);
    /*
     * Communities: seeded Louvain on the model-dataset graph gives
     * {LauraGPT, Qwen-Audio | IEMOCAP, LibriSpeech},
     * {LTU, Pengi | AudioCaps, Clotho}, {SALMONN | CoVoST 2}, GTZAN in none
     * (networkx's Louvain returns this partition for 70 of 200 seeds, the
     * others reach Newman modularity 0.216 or the optimum 0.257: see the
     * reference script).  Barber's Q over its 13 edges, model degree sums
     * K, dataset degree sums D and inner edges E per community:
     * (3 - 5*5/13) + (3 - 4*6/13) + (1 - 4*2/13) = 34/13, over 13: 34/169.
     */
    assert_near(metric(m, n, "communities"), 3, 0);
    static const char *const models_in[3][2] = { { "LauraGPT", "Qwen-Audio" },
                                                  { "LTU", "Pengi" },
                                                  { "SALMONN", NULL } };
    static const char *const datasets_in[3][2] = { { "IEMOCAP", "LibriSpeech" },
                                                    { "AudioCaps", "Clotho" },
                                                    { "CoVoST 2", NULL } };
    for (int c = 0; c < 3; c++) {
        int id = a.community_model[catalog_find_model(&cat, models_in[c][0])];
        assert_true(id >= 0);
        for (int k = 0; k < 2; k++) {
            if (models_in[c][k])
                assert_int_equal(a.community_model[catalog_find_model(&cat, models_in[c][k])],
                                 id);
            if (datasets_in[c][k])
                assert_int_equal(
                    a.community_dataset[catalog_find_dataset(&cat, datasets_in[c][k])], id);
        }
    }
    assert_int_equal(a.community_dataset[catalog_find_dataset(&cat, "GTZAN")], -1);
    assert_near(metric(m, n, "modularity_barber"), 34.0 / 169.0, 1e-9);
    /* ASR (LibriSpeech), ST (CoVoST 2; LauraGPT's ST row names no data)
     * and SER (IEMOCAP) rest on one dataset; AAC has two, MGR none. */
    assert_near(metric(m, n, "tasks_single_dataset"), 3, 0);

    /* The same seed gives the same figures; the CSV starts with its header. */
    bc_analysis b;
    analysis_init(&b);
    assert_int_equal(analysis_run(&b, &cat, &o, &e), BC_OK);
    bc_metric m2[ANALYSIS_MAX_METRICS];
    assert_int_equal(analysis_metrics(&b, m2), n);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(m[i].name, m2[i].name);
        assert_true(m[i].value == m2[i].value);
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_int_equal(analysis_write_metrics(fp, &a, BC_FORMAT_CSV), BC_OK);
    fclose(fp);
    assert_memory_equal(buf, "metric,value\nmodels,5\ndatasets,6\n", 32);
    free(buf);
    analysis_release(&b);
    analysis_release(&a);
    analysis_release(NULL);
    errors_release(&e);
    catalog_release(&cat);
}

/*
 * tests/fixtures/ties (see its README.md): the top dataset of a tie is
 * the first in name order, and a task whose rows name no dataset does
 * not rest on a single dataset.
 */
static void test_ties(void **state)
{
    (void)state;
    bc_catalog cat;
    bc_errors e;
    bc_analysis a;
    bc_analysis_opts o = { .thin = 2, .seed = 1 };
    load_and_run("ties", &o, &cat, &e, &a);
    int asr = catalog_find_task(&cat, "ASR"), st = catalog_find_task(&cat, "ST");
    int aac = catalog_find_task(&cat, "AAC");
    assert_int_equal(a.top_dataset[asr], catalog_find_dataset(&cat, "Alpha Speech"));
    assert_int_equal(a.top_dataset[aac], catalog_find_dataset(&cat, "Beta Sounds"));
    assert_int_equal(a.top_dataset[st], -1);
    assert_false(analysis_single_dataset(&a, asr));
    assert_false(analysis_single_dataset(&a, st));
    assert_true(analysis_single_dataset(&a, aac));
    bc_metric m[ANALYSIS_MAX_METRICS];
    size_t n = analysis_metrics(&a, m);
    assert_near(metric(m, n, "tasks_single_dataset"), 1, 0);
    assert_near(metric(m, n, "tasks_covered"), 3, 0);
    assert_near(metric(m, n, "tasks_uncovered"), 1, 0);
    analysis_release(&a);
    errors_release(&e);
    catalog_release(&cat);
}

/*
 * The null models and robustness give the same figures on a second
 * thread as on one: every figure is seeded on its own.  The shipped
 * catalog, analysed both ways, agrees to the bit.
 */
static void test_parallel_same_as_sequential(void **state)
{
    (void)state;
    char dir[256];
    snprintf(dir, sizeof dir, "%s/data", BENCHCOV_SOURCE_DIR);
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    assert_int_equal(catalog_load(&cat, dir, &e), BC_OK);
    bc_analysis one, two;
    bc_analysis_opts o1 = { .thin = 3, .seed = 1, .parallel = -1 };
    bc_analysis_opts o2 = { .thin = 3, .seed = 1, .parallel = 1 };
    analysis_init(&one);
    analysis_init(&two);
    assert_int_equal(analysis_run(&one, &cat, &o1, &e), BC_OK);
    assert_int_equal(analysis_run(&two, &cat, &o2, &e), BC_OK);
    assert_false(analysis_parallel(&one));
    assert_true(analysis_parallel(&two));
    bc_metric m1[ANALYSIS_MAX_METRICS], m2[ANALYSIS_MAX_METRICS];
    size_t n1 = analysis_metrics(&one, m1), n2 = analysis_metrics(&two, m2);
    assert_int_equal(n1, n2);
    for (size_t i = 0; i < n1; i++) {
        assert_string_equal(m1[i].name, m2[i].name);
        assert_memory_equal(&m1[i].value, &m2[i].value, sizeof m1[i].value);
    }
    size_t nm = cat.n_models, nd = cat.n_datasets;
    assert_memory_equal(one.row_nested_mt, two.row_nested_mt, nm * sizeof *one.row_nested_mt);
    assert_memory_equal(one.community_model, two.community_model, nm * sizeof(int));
    assert_memory_equal(one.betweenness, two.betweenness, nd * sizeof(double));
    assert_memory_equal(&one.null_md, &two.null_md, sizeof one.null_md);
    assert_memory_equal(one.rob.random, two.rob.random, (nd + 1) * sizeof(double));
    /* The shipped catalog is far below the size that starts a thread. */
    bc_analysis_opts auto_o = { .thin = 3, .seed = 1 };
    one.opts = auto_o;
    assert_false(analysis_parallel(&one));
    analysis_release(&one);
    analysis_release(&two);
    errors_release(&e);
    catalog_release(&cat);
}

int main(void)
{
    graph_global_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_fixture),
        cmocka_unit_test(test_ties),
        cmocka_unit_test(test_parallel_same_as_sequential),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
