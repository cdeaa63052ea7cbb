/*
 * test_import.c - the importers (Markdown tables, leaderboard matrices,
 * PwC dumps) and the draft catalog they fill.
 *
 * Expected facts are read off the fixtures by hand (tests/fixtures/import/
 * README.md says what each one exercises); expected columns are computed
 * here from the fixture's own text, so a position is checked against the
 * input, never against what the importer printed.  Every written catalog
 * is loaded back through catalog_load, the loader behind `benchcov check`.
 * The seed test imports the shipped survey table (data/seed/) against the
 * names of data/ and measures the share of the shipped seed facts'
 * model-dataset pairs it reproduces.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "draft.h"
#include "import_markdown.h"
#include "import_matrix.h"
#include "import_pwc.h"

#define FIX "tests/fixtures/import/"
#define SEED "data/seed/000_af6c99f7d2546b96.txt"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        print_message("cannot open '%s'\n", path);
        fail();
    }
    size_t cap = 4096, n = 0;
    char *b = malloc(cap);
    assert_non_null(b);
    size_t got;
    while ((got = fread(b + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            b = realloc(b, cap);
            assert_non_null(b);
        }
    }
    fclose(f);
    *len = n;
    return b;
}

/* The 1-based column (code points) of the first `needle` on line `line` of a file. */
static long col_of(const char *path, long line, const char *needle)
{
    size_t len;
    char *t = slurp(path, &len);
    char *p = t;
    for (long l = 1; l < line; l++) {
        p = memchr(p, '\n', len - (size_t)(p - t));
        assert_non_null(p);
        p++;
    }
    char *e = memchr(p, '\n', len - (size_t)(p - t));
    if (e)
        *e = '\0';
    char *hit = strstr(p, needle);
    if (!hit) {
        print_message("'%s' not on line %ld of %s\n", needle, line, path);
        fail();
    }
    long col = 1;
    for (char *q = p; q < hit; q++)
        if (((unsigned char)*q & 0xC0) != 0x80)
            col++;
    free(t);
    return col;
}

/* Index of the fact (model, dataset, task) by names ("" = none), or -1. */
static int fact_of(const bc_draft *d, const char *model, const char *dataset, const char *task)
{
    int m = draft_find(d, DRAFT_MODELS, model);
    int s = *dataset ? draft_find(d, DRAFT_DATASETS, dataset) : -1;
    int t = *task ? draft_task_find(d, task) : -1;
    if (m < 0 || (*dataset && s < 0) || (*task && t < 0))
        return -1;
    for (size_t i = 0; i < d->n_facts; i++)
        if (d->facts[i].model == m && d->facts[i].dataset == s && d->facts[i].task == t)
            return (int)i;
    return -1;
}

static void assert_fact(const bc_draft *d, const char *model, const char *dataset,
                        const char *task)
{
    if (fact_of(d, model, dataset, task) < 0) {
        print_message("missing fact %s / %s / %s\n", model, dataset, task);
        fail();
    }
}

/* Facts of one model. */
static size_t facts_of(const bc_draft *d, const char *model)
{
    int m = draft_find(d, DRAFT_MODELS, model);
    size_t n = 0;
    for (size_t i = 0; i < d->n_facts; i++)
        n += d->facts[i].model == m;
    return n;
}

/* The note at FILE:LINE:COL whose problem contains `problem`, or NULL. */
static const draft_note *note_at(const bc_draft *d, const char *file, long line, long col,
                                 const char *problem)
{
    char where[512];
    snprintf(where, sizeof where, "%s:%ld:%ld", file, line, col);
    for (size_t i = 0; i < d->n_notes; i++)
        if (strcmp(d->notes[i].where, where) == 0 && strstr(d->notes[i].problem, problem))
            return &d->notes[i];
    return NULL;
}

static void assert_note(const bc_draft *d, const char *file, long line, long col,
                        const char *problem)
{
    if (!note_at(d, file, line, col, problem)) {
        print_message("no note '%s' at %s:%ld:%ld; notes:\n", problem, file, line, col);
        for (size_t i = 0; i < d->n_notes; i++)
            print_message("  %s %s: %s\n", d->notes[i].where, d->notes[i].mention,
                          d->notes[i].problem);
        fail();
    }
}

/* Writes the draft to a fresh directory and loads it back; returns the directory. */
static char *write_and_load(bc_draft *d, bc_catalog *cat)
{
    char tmpl[] = "/tmp/bc_import_XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    dir = strdup(dir);
    bc_errors errs;
    errors_init(&errs);
    int rc = draft_write(d, dir, &errs);
    if (rc != BC_OK)
        errors_print(&errs, stderr);
    assert_int_equal(rc, BC_OK);
    catalog_init(cat);
    rc = catalog_load(cat, dir, &errs);
    if (rc != BC_OK)
        errors_print(&errs, stderr);
    assert_int_equal(rc, BC_OK);
    errors_release(&errs);
    return dir;
}

static void remove_dir(char *dir)
{
    const char *files[] = { "tasks.csv", "models.csv", "datasets.csv", "usage.csv", "review.csv" };
    for (size_t i = 0; i < 5; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s/%s", dir, files[i]);
        unlink(p);
    }
    rmdir(dir);
    free(dir);
}

static int md_import(bc_draft *d, const char *path, const import_markdown_opts *o,
                     bc_errors *errs)
{
    size_t len;
    char *text = slurp(path, &len);
    int rc = import_markdown(d, path, text, len, o, errs);
    free(text);
    return rc;
}

static void start(bc_draft *d, const char *catalog)
{
    draft_init(d);
    if (!catalog) {
        assert_int_equal(draft_start(d), BC_OK);
        return;
    }
    bc_catalog cat;
    bc_errors errs;
    catalog_init(&cat);
    errors_init(&errs);
    int rc = catalog_load(&cat, catalog, &errs);
    if (rc != BC_OK)
        errors_print(&errs, stderr);
    assert_int_equal(rc, BC_OK);
    assert_int_equal(draft_from_catalog(d, &cat), BC_OK);
    d->suggest = 1;
    catalog_release(&cat);
    errors_release(&errs);
}

/* ---------------------------------------------------------------- markdown */

static void test_markdown_survey(void **state)
{
    (void)state;
    const char *f = FIX "survey.md";
    bc_draft d;
    bc_errors errs;
    errors_init(&errs);
    start(&d, NULL);
    import_markdown_opts o = { 0, NULL, 0, BC_ROLE_EVAL, NULL };
    assert_int_equal(md_import(&d, f, &o, &errs), BC_OK);

    /* the second table is read: the first has no model column */
    assert_int_equal(d.t[DRAFT_MODELS].n_rows, 9 - 1); /* 9 rows, one without a name */
    /* link text, bold and images dropped; entities and \| \< decoded */
    int salmonn = draft_find(&d, DRAFT_MODELS, "SALMONN");
    assert_true(salmonn >= 0);
    assert_string_equal(draft_get(&d, DRAFT_MODELS, salmonn, "paper"),
                        "SALMONN: Towards Generic Hearing Abilities");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, salmonn, "speech_encoder"),
                        "Whisper & BEATs");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, salmonn, "llm"), "Vicuna");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, salmonn, "year"), "2023");
    assert_true(draft_find(&d, DRAFT_MODELS, "Pengi") >= 0);
    int ltu = draft_find(&d, DRAFT_MODELS, "LTU-AS");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, ltu, "paper"),
                        "Joint Audio and Speech | Understanding");
    int tiny = draft_find(&d, DRAFT_MODELS, "Tiny-LM");
    assert_true(tiny >= 0);
    assert_string_equal(draft_get(&d, DRAFT_MODELS, tiny, "paper"), "<Anon> submission");

    /* trailing task lists, across </br> */
    assert_fact(&d, "SALMONN", "Librispeech", "ASR");
    assert_fact(&d, "SALMONN", "GigaSpeech", "ASR");
    assert_fact(&d, "SALMONN", "WavCaps", "AAC");
    assert_fact(&d, "SALMONN", "AudioCaps", "AAC");
    assert_int_equal(facts_of(&d, "SALMONN"), 4);
    /* leading labels */
    assert_fact(&d, "Pengi", "AudioSet", "SEC");
    assert_fact(&d, "Pengi", "FSD50K", "SEC");
    assert_fact(&d, "Pengi", "CochlScene", "ASC");
    assert_int_equal(facts_of(&d, "Pengi"), 3);
    /* an amount is a task-only fact, never a dataset; a run of codes is tasks */
    assert_fact(&d, "Qwen-Audio", "", "ASR");
    assert_fact(&d, "Qwen-Audio", "", "AAC");
    assert_int_equal(draft_find(&d, DRAFT_DATASETS, "15M hours of speech"), -1);
    assert_int_equal(draft_find(&d, DRAFT_DATASETS, "15M hours"), -1);
    /* " and " and <br/> separate; each label covers the mentions since the last */
    assert_fact(&d, "LTU-AS", "Open-ASQA", "AQA");
    assert_fact(&d, "LTU-AS", "AudioSet", "ASC");
    assert_fact(&d, "LTU-AS", "CochlScene", "ASC");
    assert_int_equal(facts_of(&d, "LTU-AS"), 3);
    /* a row an editor wrapped over two lines (mid-cell, and after a pipe) */
    assert_fact(&d, "WavLLM", "LibriSpeech", "SV");
    assert_fact(&d, "WavLLM", "CoVoST2", "SV");
    assert_fact(&d, "WavLLM", "VoxCeleb", "SV");
    int wav = draft_find(&d, DRAFT_MODELS, "WavLLM");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, wav, "year"), "2024");
    int sx = draft_find(&d, DRAFT_MODELS, "Speech-X");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, sx, "year"), "2024");
    assert_fact(&d, "Speech-X", "Clotho", "AAC");
    /* a stray letter before a known name is a guess, noted */
    assert_fact(&d, "Tiny-LM", "NewSpeechSet", "ER");
    assert_fact(&d, "Tiny-LM", "LibriSpeech", "");
    assert_fact(&d, "Wide-LM", "AudioSet", "SEC");

    /* review notes at the mention's own position */
    assert_note(&d, f, 13, col_of(f, 13, "15M hours"), "amount without a dataset name");
    assert_note(&d, f, 13, col_of(f, 13, "AAC AQA"), "task codes read from it");
    assert_note(&d, f, 19, col_of(f, 19, "t LibriSpeech"), "stray character");
    assert_note(&d, f, 19, col_of(f, 19, "20x"), "not a year");
    assert_note(&d, f, 20, 1, "row without a model name");
    assert_note(&d, f, 21, col_of(f, 21, "stray"), "more cells than the header");
    /* no catalog: new names are not review material */
    for (size_t i = 0; i < d.n_notes; i++)
        assert_null(strstr(d.notes[i].problem, "new model"));

    bc_catalog cat;
    char *dir = write_and_load(&d, &cat);
    assert_int_equal(cat.n_models, d.t[DRAFT_MODELS].n_rows);
    assert_int_equal(cat.n_usage, d.n_facts);
    catalog_release(&cat);
    remove_dir(dir);
    draft_release(&d);
    errors_release(&errs);
}

static void test_markdown_catalog(void **state)
{
    (void)state;
    const char *f = FIX "survey.md";
    bc_draft d;
    bc_errors errs;
    errors_init(&errs);
    start(&d, FIX "catalog");
    size_t base_models = d.t[DRAFT_MODELS].n_rows, base_facts = d.n_facts;
    import_markdown_opts o = { 0, NULL, 0, BC_ROLE_TRAIN, "survey" };
    assert_int_equal(md_import(&d, f, &o, &errs), BC_OK);
    /* names resolve through the catalog's aliases: no new LibriSpeech */
    assert_int_equal(draft_find(&d, DRAFT_DATASETS, "Librispeech"),
                     draft_find(&d, DRAFT_DATASETS, "LibriSpeech"));
    assert_string_equal(draft_get(&d, DRAFT_DATASETS, draft_find(&d, DRAFT_DATASETS,
                                                                  "Librispeech"), "dataset"),
                        "LibriSpeech");
    /* the catalog's rows come first and keep their values */
    int salmonn = draft_find(&d, DRAFT_MODELS, "SALMONN");
    assert_int_equal(salmonn, 0);
    assert_string_equal(draft_get(&d, DRAFT_MODELS, salmonn, "speech_encoder"),
                        "Whisper;BEATs");
    /* new models are rows of their own, each noted */
    assert_int_equal(d.t[DRAFT_MODELS].n_rows, base_models + 6);
    assert_note(&d, f, 12, col_of(f, 12, "| Pengi ") + 2, "new model");
    /* facts from the input are added with their role and source */
    int i = fact_of(&d, "SALMONN", "GigaSpeech", "ASR");
    assert_true(i >= (int)base_facts);
    assert_int_equal(d.facts[i].role, BC_ROLE_TRAIN);
    assert_string_equal(d.facts[i].source, "survey");
    /* the catalog's own fact stays */
    i = fact_of(&d, "SALMONN", "LibriSpeech", "ASR");
    assert_true(i >= 0 && i < (int)base_facts);
    /* a dataset not in the catalog is new and noted; a near name is suggested */
    assert_note(&d, f, 15, col_of(f, 15, "CoVoST2"), "new dataset");

    bc_catalog cat;
    char *dir = write_and_load(&d, &cat);
    assert_int_equal(cat.n_usage, d.n_facts);
    catalog_release(&cat);
    remove_dir(dir);
    draft_release(&d);

    /* --known-only: unknown names are reviewed and nothing new is added */
    start(&d, FIX "catalog");
    d.known_only = 1;
    assert_int_equal(md_import(&d, f, &o, &errs), BC_OK);
    assert_int_equal(d.t[DRAFT_MODELS].n_rows, base_models);
    assert_int_equal(d.t[DRAFT_DATASETS].n_rows, d.n_base[DRAFT_DATASETS]);
    assert_int_equal(d.t[DRAFT_TASKS].n_rows, d.n_base[DRAFT_TASKS]);
    assert_note(&d, f, 12, col_of(f, 12, "| Pengi ") + 2, "model not in the catalog");
    dir = write_and_load(&d, &cat);
    catalog_release(&cat);
    remove_dir(dir);
    draft_release(&d);
    errors_release(&errs);
}

static void test_markdown_options(void **state)
{
    (void)state;
    const char *f = FIX "survey.md";
    bc_draft d;
    bc_errors errs;
    errors_init(&errs);

    /* --map: a facet of our own name instead of the default */
    const char *maps[] = { "encoder=Speech model", "datasets=Dataset" };
    import_markdown_opts o = { 0, maps, 2, BC_ROLE_EVAL, NULL };
    start(&d, NULL);
    assert_int_equal(md_import(&d, f, &o, &errs), BC_OK);
    int s = draft_find(&d, DRAFT_MODELS, "SALMONN");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, s, "encoder"), "Whisper & BEATs");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, s, "speech_encoder"), "");
    draft_release(&d);

    /* --map naming no header: a usage error with a suggestion */
    const char *bad[] = { "encoder=Speech modle" };
    o = (import_markdown_opts){ 0, bad, 1, BC_ROLE_EVAL, NULL };
    start(&d, NULL);
    assert_int_equal(md_import(&d, f, &o, &errs), BC_EX_USAGE);
    assert_non_null(strstr(errs.items[errs.n - 1].msg, "did you mean 'Speech model'?"));
    draft_release(&d);
    errors_release(&errs);

    /* --table 1 has no model column; --table 9 does not exist */
    o = (import_markdown_opts){ 1, NULL, 0, BC_ROLE_EVAL, NULL };
    start(&d, NULL);
    assert_int_equal(md_import(&d, f, &o, &errs), BC_EX_DATAERR);
    assert_string_equal(errs.items[0].file, f);
    assert_int_equal(errs.items[0].line, 5);
    assert_non_null(strstr(errs.items[0].msg, "no model column"));
    draft_release(&d);
    errors_release(&errs);
    o.table = 9;
    start(&d, NULL);
    assert_int_equal(md_import(&d, f, &o, &errs), BC_EX_USAGE);
    assert_non_null(strstr(errs.items[0].msg, "has 3 tables"));
    draft_release(&d);
    errors_release(&errs);

    /* --table 3: the glossary, whose Name column is read as models */
    o.table = 3;
    start(&d, NULL);
    assert_int_equal(md_import(&d, f, &o, &errs), BC_OK);
    assert_true(draft_find(&d, DRAFT_MODELS, "Automatic Speech Recognition") >= 0);
    assert_int_equal(d.t[DRAFT_MODELS].n_rows, 2);
    draft_release(&d);
    errors_release(&errs);
}

/* A BOM and CRLF line ends change nothing, positions included. */
static void test_markdown_crlf(void **state)
{
    (void)state;
    static const char text[] = "\xEF\xBB\xBF| Model | Data |\r\n|---|---|\r\n"
                               "| M1 | LibriSpeech (ASR), 2k hours (ASR) |\r\n";
    bc_draft d;
    bc_errors errs;
    errors_init(&errs);
    start(&d, NULL);
    import_markdown_opts o = { 0, NULL, 0, BC_ROLE_EVAL, NULL };
    assert_int_equal(import_markdown(&d, "crlf.md", text, sizeof text - 1, &o, &errs), BC_OK);
    assert_fact(&d, "M1", "LibriSpeech", "ASR");
    assert_fact(&d, "M1", "", "ASR");
    assert_int_equal(d.n_facts, 2);
    /* "2k hours" starts at column 27 of line 3 (the BOM is on line 1) */
    assert_note(&d, "crlf.md", 3, 27, "amount without a dataset name");
    draft_release(&d);
    errors_release(&errs);
}

/* Bad Markdown: exit 65 with the exact position. */
static void md_bad(const char *text, size_t len, long line, long col, const char *msg)
{
    bc_draft d;
    bc_errors errs;
    errors_init(&errs);
    start(&d, NULL);
    import_markdown_opts o = { 0, NULL, 0, BC_ROLE_EVAL, NULL };
    assert_int_equal(import_markdown(&d, "bad.md", text, len, &o, &errs), BC_EX_DATAERR);
    assert_true(errs.n >= 1);
    assert_string_equal(errs.items[0].file, "bad.md");
    assert_int_equal(errs.items[0].line, line);
    assert_int_equal(errs.items[0].col, col);
    if (!strstr(errs.items[0].msg, msg)) {
        print_message("message '%s' lacks '%s'\n", errs.items[0].msg, msg);
        fail();
    }
    draft_release(&d);
    errors_release(&errs);
}

static void test_markdown_bad(void **state)
{
    (void)state;
    static const char utf8[] = "Name | Dataset\n---|---\nA\xC3\xA9 | B\xFF\n";
    md_bad(utf8, sizeof utf8 - 1, 3, 7, "invalid UTF-8 byte 0xFF");
    static const char nul[] = "Name | Dataset\n---|---\nAB | C\0D\n";
    md_bad(nul, sizeof nul - 1, 3, 7, "NUL byte");
    static const char none[] = "# no table here\n\nName, Dataset\n";
    md_bad(none, sizeof none - 1, 1, 1, "no Markdown table");
    static const char nomodel[] = "\nFoo | Dataset\n--|--\nx | y\n";
    md_bad(nomodel, sizeof nomodel - 1, 2, 1, "no model column");
    static const char utf16[] = "\xFF\xFEN\0a\0";
    md_bad(utf16, sizeof utf16 - 1, 1, 1, "UTF-16");
}

/* ---------------------------------------------------------------- matrix */

static int mx_import(bc_draft *d, const import_matrix_opts *o, bc_errors *errs)
{
    size_t len;
    char *text = slurp(FIX "leaderboard.csv", &len);
    int rc = import_matrix(d, FIX "leaderboard.csv", text, len, o, errs);
    free(text);
    return rc;
}

static const char *score_of(const bc_draft *d, const char *model, const char *bench,
                            const char *task)
{
    int i = fact_of(d, model, bench, task);
    return i < 0 ? NULL : d->facts[i].score;
}

static void test_matrix(void **state)
{
    (void)state;
    const char *f = FIX "leaderboard.csv";
    bc_draft d;
    bc_errors errs;
    errors_init(&errs);
    const char *facets[] = { "Org", "Params (B)", "Notes" };
    import_matrix_opts o = { NULL, facets, 3, FIX "leaderboard_tasks.csv", "accuracy",
                             BC_ROLE_EVAL, NULL };
    start(&d, NULL);
    int rc = mx_import(&d, &o, &errs);
    if (rc != BC_OK)
        errors_print(&errs, stderr);
    assert_int_equal(rc, BC_OK);
    /* benchmarks are datasets; tasks from the map, or the benchmark's own name */
    assert_int_equal(d.t[DRAFT_DATASETS].n_rows, 4);
    assert_string_equal(score_of(&d, "GPT-4", "MMLU", "Knowledge QA"), "86.4");
    assert_string_equal(score_of(&d, "GPT-4", "ARC, challenge", "ARC, challenge"), "96.3");
    assert_string_equal(score_of(&d, "Mistral-7B", "MMLU", "Knowledge QA"), "60.1");
    assert_string_equal(score_of(&d, "Qwen-72B", "GSM8K", "MATH"), "78.9");
    assert_string_equal(d.facts[fact_of(&d, "GPT-4", "MMLU", "Knowledge QA")].metric,
                        "accuracy");
    /* missing cells, '-', 'n/a' and text are no facts */
    assert_null(score_of(&d, "Llama-2-70B", "ARC, challenge", "ARC, challenge"));
    assert_null(score_of(&d, "Mistral-7B", "GSM8K", "MATH"));
    assert_null(score_of(&d, "Qwen-72B", "HellaSwag", "Commonsense Reasoning"));
    assert_null(score_of(&d, "Falcon-40B", "ARC, challenge", "ARC, challenge"));
    assert_int_equal(d.n_facts, 15);
    /* facets, quoted fields with commas and quotes */
    int llama = draft_find(&d, DRAFT_MODELS, "Llama-2-70B");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, llama, "org"), "Meta");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, llama, "params_b"), "70");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, llama, "notes"),
                        "open, \"chat\" variant too");
    /* the first of two rows for a model is kept */
    assert_string_equal(score_of(&d, "GPT-4", "MMLU", "Knowledge QA"), "86.4");
    assert_note(&d, f, 8, col_of(f, 8, "80.0"), "a second score");
    assert_note(&d, f, 5, col_of(f, 5, "78.9"), "text after the number");
    assert_note(&d, f, 6, col_of(f, 6, "pending"), "not a number");
    assert_note(&d, f, 7, 1, "row without a model name");
    assert_note(&d, f, 1, col_of(f, 1, "\"ARC"), "benchmark not in the task map");
    bc_catalog cat;
    char *dir = write_and_load(&d, &cat);
    assert_int_equal(cat.n_usage, 15);
    catalog_release(&cat);
    remove_dir(dir);
    draft_release(&d);

    /* --facet naming no column: usage error with a suggestion */
    const char *bad[] = { "Orgs" };
    o = (import_matrix_opts){ NULL, bad, 1, NULL, NULL, BC_ROLE_EVAL, NULL };
    start(&d, NULL);
    assert_int_equal(mx_import(&d, &o, &errs), BC_EX_USAGE);
    assert_non_null(strstr(errs.items[errs.n - 1].msg, "did you mean 'Org'?"));
    draft_release(&d);
    errors_release(&errs);
}

static void mx_bad(const char *text, long line, long col, const char *msg)
{
    bc_draft d;
    bc_errors errs;
    errors_init(&errs);
    start(&d, NULL);
    import_matrix_opts o = { NULL, NULL, 0, NULL, NULL, BC_ROLE_EVAL, NULL };
    assert_int_equal(import_matrix(&d, "bad.csv", text, strlen(text), &o, &errs),
                     BC_EX_DATAERR);
    assert_true(errs.n >= 1);
    assert_int_equal(errs.items[0].line, line);
    assert_int_equal(errs.items[0].col, col);
    if (!strstr(errs.items[0].msg, msg)) {
        print_message("message '%s' lacks '%s'\n", errs.items[0].msg, msg);
        fail();
    }
    draft_release(&d);
    errors_release(&errs);
}

static void test_matrix_bad(void **state)
{
    (void)state;
    mx_bad("model,A,B\nm1,1,2\nm2,3\n", 3, 1, "expected 3 fields, found 2");
    mx_bad("model,A,A\nm1,1,2\n", 1, 9, "repeated column 'A'");
    mx_bad("model,,B\n", 1, 7, "empty column name");
    mx_bad("model,A\nm1,\"1\n", 2, 4, "");
    mx_bad("", 1, 1, "empty file");
}

/* ---------------------------------------------------------------- pwc */

static void test_pwc(void **state)
{
    (void)state;
    const char *f = FIX "pwc.json";
    bc_draft d;
    bc_errors errs;
    errors_init(&errs);
    start(&d, NULL);
    size_t len;
    char *text = slurp(f, &len);
    int rc = import_pwc(&d, f, text, len, NULL, &errs);
    free(text);
    if (rc != BC_OK)
        errors_print(&errs, stderr);
    assert_int_equal(rc, BC_OK);
    /* tasks: codes from names, nested subtasks, the list variant's first name */
    int sr = draft_task_find(&d, "Speech Recognition");
    assert_string_equal(draft_get(&d, DRAFT_TASKS, sr, "code"), "SPEECH-RECOGNITION");
    int nsr = draft_task_find(&d, "Noisy Speech Recognition");
    assert_string_equal(draft_get(&d, DRAFT_TASKS, nsr, "code"), "NOISY-SPEECH-RECOGNITION");
    int loc = draft_task_find(&d, "3D Audio Localization");
    assert_string_equal(draft_get(&d, DRAFT_TASKS, loc, "code"), "T-3D-AUDIO-LOCALIZATION");
    assert_int_equal(d.t[DRAFT_TASKS].n_rows, 4);
    /* one fact per row: the table's first metric the row fills */
    int i = fact_of(&d, "Conformer + Wav2vec 2.0", "LibriSpeech test-clean",
                    "Speech Recognition");
    assert_string_equal(d.facts[i].score, "1.4");
    assert_string_equal(d.facts[i].metric, "Word Error Rate (WER)");
    assert_string_equal(d.facts[i].source, "https://arxiv.org/abs/2010.10504v2");
    i = fact_of(&d, "Whisper (large-v2)", "LibriSpeech test-clean", "Speech Recognition");
    assert_string_equal(d.facts[i].score, "2.7");
    /* metrics as a string: JSON text, or one bare number */
    i = fact_of(&d, "Whisper (large-v2)", "CHiME-4 real", "Noisy Speech Recognition");
    assert_string_equal(d.facts[i].score, "6.3");
    assert_string_equal(d.facts[i].metric, "WER");
    i = fact_of(&d, "wav2vec 2.0 (LV-60K)", "CHiME-4 real", "Noisy Speech Recognition");
    assert_string_equal(d.facts[i].score, "7.9");
    assert_string_equal(d.facts[i].metric, "WER");
    assert_string_equal(d.facts[i].source, f);
    /* subdatasets; a row without a number is a fact without a score */
    i = fact_of(&d, "Whisper (large-v2)", "CHiME-4 simulated", "Noisy Speech Recognition");
    assert_string_equal(d.facts[i].score, "");
    /* a nested subtask naming a known task; a JSON number */
    i = fact_of(&d, "Conformer + Wav2vec 2.0", "TED-LIUM 3", "Speech Recognition");
    assert_string_equal(d.facts[i].score, "4.1");
    assert_int_equal(d.n_facts, 7);
    /* papers and years */
    int w = draft_find(&d, DRAFT_MODELS, "Whisper (large-v2)");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, w, "year"), "2022");
    assert_string_equal(draft_get(&d, DRAFT_MODELS, w, "paper"),
                        "Robust Speech Recognition via Large-Scale Weak Supervision");
    /* the repeated row is noted at its task's position */
    assert_note(&d, f, 2, 3, "a second row for this model");
    bc_catalog cat;
    char *dir = write_and_load(&d, &cat);
    assert_int_equal(cat.n_usage, 7);
    catalog_release(&cat);
    remove_dir(dir);
    draft_release(&d);
    errors_release(&errs);
}

static void pwc_bad(const char *text, long line, long col, const char *msg)
{
    bc_draft d;
    bc_errors errs;
    errors_init(&errs);
    start(&d, NULL);
    assert_int_equal(import_pwc(&d, "bad.json", text, strlen(text), NULL, &errs),
                     BC_EX_DATAERR);
    assert_true(errs.n >= 1);
    if (errs.items[0].line != line || errs.items[0].col != col ||
        !strstr(errs.items[0].msg, msg)) {
        print_message("got %ld:%ld '%s', expected %ld:%ld '%s'\n", errs.items[0].line,
                      errs.items[0].col, errs.items[0].msg, line, col, msg);
        fail();
    }
    draft_release(&d);
    errors_release(&errs);
}

static void test_pwc_bad(void **state)
{
    (void)state;
    pwc_bad("[\n  {\"task\": \"A\", \"datasets\": []},\n  {\"task\": \"B\", \"datasets\": [}\n]",
            3, 30, "invalid JSON");
    pwc_bad("[{\"task\": \"A\"}\n{\"task\": \"B\"}]", 2, 1, "expected ',' or ']'");
    pwc_bad("[{\"task\": \"A\", \"datasets\": 5}]", 1, 2, "'datasets' is not an array");
    pwc_bad("[\n {\"task\": 7}]", 2, 2, "'task' is missing");
    pwc_bad("{\"a\": 1}", 1, 1, "'task' is missing");
    pwc_bad("[{\"task\": \"A\"}", 1, 15, "not closed");
    pwc_bad("", 1, 1, "empty file");
    pwc_bad("\"tasks\"", 1, 1, "expected '['");
    pwc_bad("[{\"task\": \"A\", \"datasets\": [{\"dataset\": \"D\", \"sota\": {\"rows\": "
            "[{\"model_name\": \"M\", \"metrics\": [1]}]}}]}]",
            1, 2, "'metrics' is neither");
}

/* ---------------------------------------------------------------- seed */

/* "model\x1f dataset" keys of a catalog's facts with a dataset; seed facts only when asked. */
static char **pair_keys(const bc_catalog *c, int seed_only, size_t *n)
{
    char **k = malloc((c->n_usage + 1) * sizeof *k);
    assert_non_null(k);
    *n = 0;
    for (size_t i = 0; i < c->n_usage; i++) {
        const bc_usage *u = &c->usage[i];
        if (u->dataset < 0 || (seed_only && strncmp(u->source, "seed", 4) != 0))
            continue;
        const char *m = c->models[u->model].name, *s = c->datasets[u->dataset].name;
        char *key = malloc(strlen(m) + strlen(s) + 2);
        assert_non_null(key);
        sprintf(key, "%s\x1f%s", m, s);
        k[(*n)++] = key;
    }
    qsort(k, *n, sizeof *k, (int (*)(const void *, const void *))strcmp);
    return k;
}

static int cmp_key(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Distinct keys, in place. */
static size_t uniq(char **k, size_t n)
{
    qsort(k, n, sizeof *k, cmp_key);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && strcmp(k[m - 1], k[i]) == 0) {
            free(k[i]);
            continue;
        }
        k[m++] = k[i];
    }
    return m;
}

/* data/ without its facts: the names an import of the seed resolves through. */
static char *names_only_catalog(void)
{
    char tmpl[] = "/tmp/bc_names_XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    dir = strdup(dir);
    const char *files[] = { "tasks.csv", "models.csv", "datasets.csv", "usage.csv" };
    for (size_t i = 0; i < 4; i++) {
        char src[64], dst[512];
        snprintf(src, sizeof src, "data/%s", files[i]);
        snprintf(dst, sizeof dst, "%s/%s", dir, files[i]);
        size_t len;
        char *t = slurp(src, &len);
        if (i == 3) { /* the header only */
            char *nl = memchr(t, '\n', len);
            assert_non_null(nl);
            len = (size_t)(nl - t) + 1;
        }
        FILE *o = fopen(dst, "wb");
        assert_non_null(o);
        assert_int_equal(fwrite(t, 1, len, o), len);
        assert_int_equal(fclose(o), 0);
        free(t);
    }
    return dir;
}

static void seed_import(int known_only, bc_draft *d, bc_catalog *out, char **out_dir)
{
    char *names = names_only_catalog();
    start(d, names);
    d->known_only = known_only;
    bc_errors errs;
    errors_init(&errs);
    import_markdown_opts o = { 0, NULL, 0, BC_ROLE_TRAIN, "seed" };
    int rc = md_import(d, SEED, &o, &errs);
    if (rc != BC_OK)
        errors_print(&errs, stderr);
    assert_int_equal(rc, BC_OK);
    *out_dir = write_and_load(d, out);
    errors_release(&errs);
    remove_dir(names);
}

static void test_seed_share(void **state)
{
    (void)state;
    bc_catalog ref, got;
    bc_errors errs;
    errors_init(&errs);
    catalog_init(&ref);
    assert_int_equal(catalog_load(&ref, "data", &errs), BC_OK);
    size_t nr, ng;
    char **rk = pair_keys(&ref, 1, &nr);
    nr = uniq(rk, nr);
    assert_true(nr > 50);

    bc_draft d;
    char *dir;
    seed_import(1, &d, &got, &dir);
    char **gk = pair_keys(&got, 0, &ng);
    ng = uniq(gk, ng);
    size_t hit = 0, invented = 0;
    for (size_t i = 0; i < ng; i++) {
        if (bsearch(&gk[i], rk, nr, sizeof *rk, cmp_key))
            hit++;
        else {
            invented++;
            print_message("invented pair: %s\n", gk[i]);
        }
    }
    for (size_t i = 0; i < nr; i++)
        if (!bsearch(&rk[i], gk, ng, sizeof *gk, cmp_key))
            print_message("not reproduced: %s\n", rk[i]);
    double share = (double)hit / (double)nr;
    print_message("seed import: %zu of %zu shipped model-dataset pairs reproduced (%.1f%%), "
                  "%zu invented, %zu mentions to review\n",
                  hit, nr, 100.0 * share, invented, d.n_notes);
    assert_true(share >= 0.90);
    assert_int_equal(invented, 0);
    /* the rest is listed for review */
    assert_true(d.n_notes > 0);
    for (size_t i = 0; i < ng; i++)
        free(gk[i]);
    free(gk);
    catalog_release(&got);
    remove_dir(dir);
    draft_release(&d);

    /* without --known-only new names are added, and every one is reviewed */
    seed_import(0, &d, &got, &dir);
    for (size_t i = d.n_base[DRAFT_DATASETS]; i < d.t[DRAFT_DATASETS].n_rows; i++) {
        const char *name = draft_get(&d, DRAFT_DATASETS, (int)i, "dataset");
        int noted = 0;
        for (size_t j = 0; j < d.n_notes && !noted; j++)
            noted = strcmp(d.notes[j].mention, name) == 0 &&
                    strcmp(d.notes[j].problem, "new dataset") == 0;
        if (!noted) {
            print_message("new dataset '%s' is not in the review list\n", name);
            fail();
        }
    }
    catalog_release(&got);
    remove_dir(dir);
    draft_release(&d);
    for (size_t i = 0; i < nr; i++)
        free(rk[i]);
    free(rk);
    catalog_release(&ref);
    errors_release(&errs);
}

/* ---------------------------------------------------------------- draft */

static void test_codes(void **state)
{
    (void)state;
    char c[DRAFT_CODE_MAX];
    draft_code_from_name("Speech Recognition", c);
    assert_string_equal(c, "SPEECH-RECOGNITION");
    draft_code_from_name("  3D object -- detection!! ", c);
    assert_string_equal(c, "T-3D-OBJECT-DETECTION");
    draft_code_from_name("é", c);
    assert_string_equal(c, "T");
    draft_code_from_name("a very long task name that goes on and on and on and on", c);
    assert_true(strlen(c) < DRAFT_CODE_MAX);
    assert_true(c[strlen(c) - 1] != '-');
    /* codes stay unique: a second task whose name folds to the same code */
    bc_draft d;
    start(&d, NULL);
    int a, b;
    assert_int_equal(draft_task_label(&d, "Speech Recognition", 0, NULL, 0, 0, &a), BC_OK);
    assert_int_equal(draft_task_label(&d, "Speech-Recognition!", 0, NULL, 0, 0, &b), BC_OK);
    assert_true(a != b);
    /* the suffix is above the number of tasks, so the search for a free one stays short */
    assert_string_equal(draft_get(&d, DRAFT_TASKS, b, "code"), "SPEECH-RECOGNITION-2");
    int third;
    assert_int_equal(draft_task_label(&d, "speech recognition?", 0, NULL, 0, 0, &third), BC_OK);
    assert_true(third != a && third != b);
    assert_string_equal(draft_get(&d, DRAFT_TASKS, third, "code"), "SPEECH-RECOGNITION-3");
    draft_release(&d);

    char s[64];
    assert_int_equal(draft_parse_score("85.3", s, sizeof s), 1);
    assert_string_equal(s, "85.3");
    assert_int_equal(draft_parse_score(" +1.5e3% ", s, sizeof s), 1);
    assert_string_equal(s, "1500");
    assert_int_equal(draft_parse_score("-2.5E-2", s, sizeof s), 1);
    assert_string_equal(s, "-0.025");
    assert_int_equal(draft_parse_score("007.50", s, sizeof s), 1);
    assert_string_equal(s, "7.50");
    assert_int_equal(draft_parse_score("85.", s, sizeof s), 1);
    assert_string_equal(s, "85");
    assert_int_equal(draft_parse_score(".5", s, sizeof s), 1);
    assert_string_equal(s, "0.5");
    assert_int_equal(draft_parse_score("1e99", s, sizeof s), 0);
    assert_int_equal(draft_parse_score("78.9 ± 0.4", s, sizeof s), 2);
    assert_string_equal(s, "78.9");
    assert_int_equal(draft_parse_score("-", s, sizeof s), 0);
    assert_int_equal(draft_parse_score(".", s, sizeof s), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_markdown_survey),
        cmocka_unit_test(test_markdown_catalog),
        cmocka_unit_test(test_markdown_options),
        cmocka_unit_test(test_markdown_crlf),
        cmocka_unit_test(test_markdown_bad),
        cmocka_unit_test(test_matrix),
        cmocka_unit_test(test_matrix_bad),
        cmocka_unit_test(test_pwc),
        cmocka_unit_test(test_pwc_bad),
        cmocka_unit_test(test_seed_share),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
