/*
 * test_diff.c - diff_compute on hand-built fixture pairs
 * (tests/fixtures/diff), every expected row worked out by hand.
 *
 * base:     A LibriSpeech ASR, B Librispeech ASR, A CoVoST 2 ST,
 *           C Clotho AAC, D Clotho AAC, E IEMOCAP SER (train).
 *           Tasks ASR ST AAC SER; with thin = 2: ASR covered (A, B),
 *           ST thin (A), AAC covered (C, D), SER thin (E); every task
 *           rests on one dataset.  Components {A, B} and {C, D}; E isolated.
 * renamed:  the same facts; A is now 'Alpha' (alias A), CoVoST 2 is now
 *           'CoVoST-2' (alias CoVoST 2), C is now 'Cee' (C's old alias).
 * changed:  E removed, F added with (no dataset) ASR train, task MGR added
 *           without facts, B CoVoST 2 ST, C LibriSpeech ASR and D AudioCaps
 *           AAC added.  So: SER thin -> uncovered and loses IEMOCAP, ST
 *           thin -> covered, AAC now on two datasets, MGR uncovered, F
 *           isolated, C joins A's component: {A, B} and {C, D} merge.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "diff_write.h"
#include "graph.h"

#define FIX BENCHCOV_SOURCE_DIR "/tests/fixtures/diff/"

typedef struct {
    bc_catalog cat;
    bc_analysis a;
    bc_plan plan;
} side;

static void load(side *s, const char *dir)
{
    bc_errors e;
    errors_init(&e);
    catalog_init(&s->cat);
    analysis_init(&s->a);
    plan_init(&s->plan);
    assert_int_equal(catalog_load(&s->cat, dir, &e), BC_OK);
    bc_analysis_opts o = { .thin = 2, .seed = 1 };
    assert_int_equal(analysis_run(&s->a, &s->cat, &o, &e), BC_OK);
    plan_options po;
    plan_options_init(&po);
    po.stability = 0;
    assert_int_equal(plan_build(&s->cat, &po, &s->plan, &e), BC_OK);
    errors_release(&e);
}

static void unload(side *s)
{
    plan_release(&s->plan);
    analysis_release(&s->a);
    catalog_release(&s->cat);
}

static void run(bc_diff *d, side *o, side *n)
{
    bc_errors e;
    errors_init(&e);
    bc_diff_side so = { &o->cat, &o->a, &o->plan }, sn = { &n->cat, &n->a, &n->plan };
    diff_init(d);
    assert_int_equal(diff_compute(d, &so, &sn, &e), BC_OK);
    assert_int_equal(e.n, 0);
    errors_release(&e);
}

typedef struct {
    const char *kind, *name, *change, *before, *after;
} want_row;

/* The rows of kinds model .. comparability must be exactly `w`, in order. */
static void expect_rows(const bc_diff *d, const want_row *w, size_t nw)
{
    size_t k = 0;
    for (size_t i = 0; i < d->n; i++) {
        const bc_diff_row *r = &d->rows[i];
        if (r->kind >= DIFF_METRIC)
            continue;
        if (k >= nw)
            fail_msg("unexpected row %s,%s,%s,%s,%s", diff_kind_name(r->kind), r->name,
                     r->change, r->before, r->after);
        assert_string_equal(diff_kind_name(r->kind), w[k].kind);
        assert_string_equal(r->name, w[k].name);
        assert_string_equal(r->change, w[k].change);
        assert_string_equal(r->before, w[k].before);
        assert_string_equal(r->after, w[k].after);
        k++;
    }
    assert_int_equal(k, nw);
}

static const bc_diff_row *find_row(const bc_diff *d, bc_diff_kind kind, const char *name)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->rows[i].kind == kind && strcmp(d->rows[i].name, name) == 0)
            return &d->rows[i];
    fail_msg("row %s '%s' missing", diff_kind_name(kind), name);
    return NULL;
}

static void test_identical(void **state)
{
    (void)state;
    side o, n;
    load(&o, FIX "base");
    load(&n, FIX "base");
    bc_diff d;
    run(&d, &o, &n);
    assert_int_equal(diff_changes(&d), 0);
    bc_metric m[ANALYSIS_MAX_METRICS];
    size_t nm = analysis_metrics(&o.a, m);
    /* Only the metric rows, one per headline figure, none moved. */
    assert_int_equal(d.n, nm);
    for (size_t i = 0; i < d.n; i++) {
        assert_int_equal(d.rows[i].kind, DIFF_METRIC);
        assert_false(d.rows[i].notable);
        assert_string_equal(d.rows[i].before, d.rows[i].after);
    }
    assert_int_equal(d.new_uncovered + d.new_isolated + d.removed_models, 0);
    diff_release(&d);
    unload(&o);
    unload(&n);
}

static void test_renamed(void **state)
{
    (void)state;
    side o, n;
    load(&o, FIX "base");
    load(&n, FIX "renamed");
    bc_diff d;
    run(&d, &o, &n);
    /* A -> Alpha: A resolves in the new version through Alpha's alias.
     * C -> Cee: the new name resolves in the old version through C's alias.
     * No fact moves, because facts compare under the new names. */
    static const want_row w[] = {
        { "model", "Alpha", "renamed", "A", "Alpha" },
        { "model", "Cee", "renamed", "C", "Cee" },
        { "dataset", "CoVoST-2", "renamed", "CoVoST 2", "CoVoST-2" },
    };
    expect_rows(&d, w, sizeof w / sizeof w[0]);
    assert_int_equal(diff_changes(&d), 3);
    assert_int_equal(d.removed_models, 0);
    diff_release(&d);
    unload(&o);
    unload(&n);
}

static void test_changed(void **state)
{
    (void)state;
    side o, n;
    load(&o, FIX "base");
    load(&n, FIX "changed");
    bc_diff d;
    run(&d, &o, &n);
    static const want_row w[] = {
        { "model", "E", "removed", "E", "" },
        { "model", "F", "added", "", "F" },
        { "task", "MGR", "added", "", "MGR" },
        /* facts by model, then dataset, task, role */
        { "fact", "B", "added", "", "CoVoST 2 / ST / eval" },
        { "fact", "C", "added", "", "LibriSpeech / ASR / eval" },
        { "fact", "D", "added", "", "AudioCaps / AAC / eval" },
        { "fact", "E", "removed", "IEMOCAP / SER / train", "" },
        { "fact", "F", "added", "", "(no dataset) / ASR / train" },
        /* statuses in task code order */
        { "status", "AAC", "no-longer-single-dataset", "Clotho", "2 datasets" },
        { "status", "MGR", "added-uncovered", "", "uncovered" },
        { "status", "SER", "worsened", "thin", "uncovered" },
        { "status", "SER", "lost-only-dataset", "IEMOCAP", "none" },
        { "status", "ST", "improved", "thin", "covered" },
        /* models first, then components named by their first model */
        { "comparability", "F", "added-isolated", "", "isolated" },
        { "comparability", "A", "merged", "A; C", "A" },
    };
    expect_rows(&d, w, sizeof w / sizeof w[0]);
    assert_int_equal(d.new_uncovered, 2); /* SER, MGR */
    assert_int_equal(d.new_isolated, 1);  /* F */
    assert_int_equal(d.removed_models, 1); /* E */

    /* Headline figures: before and after as the two analyses give them. */
    const bc_diff_row *r = find_row(&d, DIFF_METRIC, "usage_rows");
    assert_true(r->vbefore == 6 && r->vafter == 9 && r->notable);
    assert_string_equal(r->change, "+3");
    r = find_row(&d, DIFF_METRIC, "comparability_components");
    assert_true(r->vbefore == 2 && r->vafter == 1);
    assert_string_equal(r->change, "-1");
    r = find_row(&d, DIFF_METRIC, "models");
    assert_false(r->notable);
    assert_string_equal(r->change, "0");

    /* Task coverage on both sides, union in code order; MGR new. */
    static const char *codes[] = { "AAC", "ASR", "MGR", "SER", "ST" };
    static const double before[] = { 2, 2, NAN, 1, 1 }, after[] = { 2, 4, 0, 0, 2 };
    assert_int_equal(d.n_tasks, 5);
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(d.tasks[i].code, codes[i]);
        assert_true(isnan(before[i]) ? isnan(d.tasks[i].before)
                                     : d.tasks[i].before == before[i]);
        assert_true(d.tasks[i].after == after[i]);
    }
    diff_release(&d);
    unload(&o);
    unload(&n);
}

/* The same pair the other way round: the component splits. */
static void test_split(void **state)
{
    (void)state;
    side o, n;
    load(&o, FIX "changed");
    load(&n, FIX "base");
    bc_diff d;
    run(&d, &o, &n);
    static const want_row w[] = {
        { "model", "E", "added", "", "E" },
        { "model", "F", "removed", "F", "" },
        { "task", "MGR", "removed", "MGR", "" },
        { "fact", "B", "removed", "CoVoST 2 / ST / eval", "" },
        { "fact", "C", "removed", "LibriSpeech / ASR / eval", "" },
        { "fact", "D", "removed", "AudioCaps / AAC / eval", "" },
        { "fact", "E", "added", "", "IEMOCAP / SER / train" },
        { "fact", "F", "removed", "(no dataset) / ASR / train", "" },
        { "status", "AAC", "single-dataset", "2 datasets", "Clotho" },
        { "status", "SER", "improved", "uncovered", "thin" },
        { "status", "SER", "gained-only-dataset", "none", "IEMOCAP" },
        { "status", "ST", "worsened", "covered", "thin" },
        { "comparability", "E", "added-isolated", "", "isolated" },
        { "comparability", "A", "split", "A", "A; C" },
    };
    expect_rows(&d, w, sizeof w / sizeof w[0]);
    assert_int_equal(d.new_uncovered, 0);
    assert_int_equal(d.new_isolated, 1);
    assert_int_equal(d.removed_models, 1);
    diff_release(&d);
    unload(&o);
    unload(&n);
}

/* A model that loses its partner becomes isolated; one that gains one, comparable. */
static void test_isolated_comparable(void **state)
{
    (void)state;
    side o, n;
    load(&o, FIX "base");
    load(&n, FIX "base");
    bc_diff d;
    /* Pretend, in the new analysis, that B lost its component and E gained one. */
    int b = catalog_find_model(&n.cat, "B"), e = catalog_find_model(&n.cat, "E");
    n.a.comp.component[b] = -1;
    n.a.comp.component[e] = 0;
    run(&d, &o, &n);
    static const want_row w[] = {
        { "comparability", "B", "isolated", "comparable", "isolated" },
        { "comparability", "E", "comparable", "isolated", "comparable" },
    };
    expect_rows(&d, w, sizeof w / sizeof w[0]);
    assert_int_equal(d.new_isolated, 1);
    diff_release(&d);
    unload(&o);
    unload(&n);
}

/* A z-score moves only by DIFF_Z_SPREAD null standard deviations or more. */
static void test_z_spread(void **state)
{
    (void)state;
    side o, n;
    load(&o, FIX "base");
    load(&n, FIX "base");
    o.a.null_mt.z = 1.0;
    n.a.null_mt.z = 2.9; /* +1.9: noise */
    o.a.null_md.z = 1.0;
    n.a.null_md.z = -1.5; /* -2.5: beyond */
    bc_diff d;
    run(&d, &o, &n);
    const bc_diff_row *r = find_row(&d, DIFF_METRIC, "nodf_model_task_z");
    assert_false(r->notable);
    assert_string_equal(r->change, "+1.9 within-null-spread");
    r = find_row(&d, DIFF_METRIC, "nodf_model_dataset_z");
    assert_true(r->notable);
    assert_string_equal(r->change, "-2.5 beyond-null-spread");
    assert_int_equal(d.count[DIFF_METRIC], 1);
    diff_release(&d);
    unload(&o);
    unload(&n);
}

/* Plans built by hand: kept, moved, added and removed datasets. */
static void test_plan(void **state)
{
    (void)state;
    side o, n;
    load(&o, FIX "base");
    load(&n, FIX "renamed");
    int lib_o = catalog_find_dataset(&o.cat, "LibriSpeech"),
        clo_o = catalog_find_dataset(&o.cat, "Clotho"),
        cov_o = catalog_find_dataset(&o.cat, "CoVoST 2"),
        clo_n = catalog_find_dataset(&n.cat, "Clotho"),
        cov_n = catalog_find_dataset(&n.cat, "CoVoST-2"),
        iem_n = catalog_find_dataset(&n.cat, "IEMOCAP");
    plan_step so[3] = { { .dataset = lib_o }, { .dataset = clo_o }, { .dataset = cov_o } };
    plan_step sn[3] = { { .dataset = clo_n }, { .dataset = cov_n }, { .dataset = iem_n } };
    bc_plan po = o.plan, pn = n.plan;
    po.steps = so;
    po.n_steps = 3;
    po.covered = 4;
    po.universe = 6;
    pn.steps = sn;
    pn.n_steps = 3;
    pn.covered = 5;
    pn.universe = 6;
    bc_errors e;
    errors_init(&e);
    bc_diff_side a = { &o.cat, &o.a, &po }, b = { &n.cat, &n.a, &pn };
    bc_diff d;
    diff_init(&d);
    assert_int_equal(diff_compute(&d, &a, &b, &e), BC_OK);
    /* Clotho 2 -> 1; CoVoST 2 (renamed, so kept) 3 -> 2;
     * IEMOCAP new at 3; LibriSpeech dropped from 1. */
    static const want_row w[] = {
        { "plan", "Clotho", "moved", "step 2", "step 1" },
        { "plan", "CoVoST-2", "moved", "step 3", "step 2" },
        { "plan", "IEMOCAP", "added", "", "step 3" },
        { "plan", "LibriSpeech", "removed", "step 1", "" },
        { "plan", "(pairs covered)", "+1", "4 of 6", "5 of 6" },
    };
    size_t k = 0;
    for (size_t i = 0; i < d.n; i++) {
        const bc_diff_row *r = &d.rows[i];
        if (r->kind != DIFF_PLAN)
            continue;
        assert_true(k < 5);
        assert_string_equal(r->name, w[k].name);
        assert_string_equal(r->change, w[k].change);
        assert_string_equal(r->before, w[k].before);
        assert_string_equal(r->after, w[k].after);
        k++;
    }
    assert_int_equal(k, 5);
    assert_int_equal(d.n_plan_before, 3);
    assert_string_equal(d.plan_before[2], "CoVoST 2");
    assert_string_equal(d.plan_after[1], "CoVoST-2");
    diff_release(&d);
    errors_release(&e);
    unload(&o);
    unload(&n);
}

static char *write_to_memory(int (*fn)(FILE *, const bc_diff *, const char *, const char *),
                             const bc_diff *d, const char *ol, const char *nl)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    assert_int_equal(fn(fp, d, ol, nl), BC_OK);
    fclose(fp);
    return buf;
}

static int csv_adapter(FILE *fp, const bc_diff *d, const char *ol, const char *nl)
{
    (void)ol;
    (void)nl;
    return diff_write_csv(fp, d);
}

/* Writers escape catalog text and the labels; CSV quotes what needs it. */
static void test_writers(void **state)
{
    (void)state;
    bc_diff d;
    diff_init(&d);
    bc_diff_row rows[2] = {
        { DIFF_MODEL, "<img src=x>|*M*", "added", "", "<img src=x>|*M*", NAN, NAN, 0 },
        { DIFF_FACT, "a,\"b\"", "removed", "x\ny / ASR / eval", "", NAN, NAN, 0 },
    };
    d.rows = rows;
    d.n = 2;
    d.count[DIFF_MODEL] = d.count[DIFF_FACT] = 1;
    char *md = write_to_memory(diff_write_md, &d, "old`dir", "new|dir");
    assert_non_null(strstr(md, "old\\`dir → new\\|dir"));
    assert_non_null(strstr(md, "| model | \\<img src=x\\>\\|\\*M\\* | added |"));
    assert_null(strstr(md, " <img")); /* every one escaped as \\<img */
    assert_non_null(strstr(md, "| a,\"b\" | removed | x y / ASR / eval |"));
    assert_non_null(strstr(md, "No task changed status"));
    free(md);
    char *csv = write_to_memory(csv_adapter, &d, NULL, NULL);
    assert_string_equal(csv, "kind,name,change,before,after\n"
                             "model,<img src=x>|*M*,added,,<img src=x>|*M*\n"
                             "fact,\"a,\"\"b\"\"\",removed,\"x\ny / ASR / eval\",\n");
    free(csv);
    char *js = write_to_memory(diff_write_json, &d, "o", "n\"");
    assert_non_null(strstr(js, "\"new\": \"n\\\"\""));
    assert_non_null(strstr(js, "\"name\": \"a,\\\"b\\\"\", \"change\": \"removed\", "
                               "\"before\": \"x\\u000ay / ASR / eval\""));
    free(js);
    d.rows = NULL; /* the rows above are not the diff's to free */
    d.n = 0;
    diff_release(&d);
}

int main(void)
{
    graph_global_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identical),
        cmocka_unit_test(test_renamed),
        cmocka_unit_test(test_changed),
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_isolated_comparable),
        cmocka_unit_test(test_z_spread),
        cmocka_unit_test(test_plan),
        cmocka_unit_test(test_writers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
