/*
 * test_shipped_catalog.c - the catalog benchcov ships (data/): every
 * usage row resolves, every row says where it comes from in one of the
 * forms data/NOTES.md defines, the fixes of the seed audit hold (counts
 * checked by hand against data/seed/000_af6c99f7d2546b96.txt), and
 * NOTES.md's per-model table of evaluation facts matches usage.csv.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "catalog.h"

#define DATA "data"

static int setup(void **state)
{
    bc_catalog *cat = malloc(sizeof *cat);
    bc_errors errs;
    errors_init(&errs);
    catalog_init(cat);
    int rc = catalog_load(cat, DATA, &errs);
    if (rc != BC_OK)
        for (size_t i = 0; i < errs.n; i++)
            fprintf(stderr, "%s:%ld:%ld: %s\n", errs.items[i].file ? errs.items[i].file : "",
                    errs.items[i].line, errs.items[i].col, errs.items[i].msg);
    errors_release(&errs);
    if (rc != BC_OK) {
        catalog_release(cat);
        free(cat);
        return -1;
    }
    *state = cat;
    return 0;
}

static int teardown(void **state)
{
    catalog_release(*state);
    free(*state);
    return 0;
}

/* Every row names a model, and a dataset or a task; each resolves. */
static void test_rows_resolve(void **state)
{
    const bc_catalog *cat = *state;
    assert_true(cat->n_usage > 0);
    for (size_t i = 0; i < cat->n_usage; i++) {
        const bc_usage *u = &cat->usage[i];
        assert_true(u->model >= 0 && (size_t)u->model < cat->n_models);
        assert_true(u->dataset >= 0 || u->task >= 0);
        assert_true(u->dataset < (int)cat->n_datasets);
        assert_true(u->task < (int)cat->n_tasks);
        assert_true(u->role == BC_ROLE_TRAIN || u->role == BC_ROLE_EVAL);
    }
}

static int matches(const char *re, const char *s)
{
    regex_t r;
    assert_int_equal(regcomp(&r, re, REG_EXTENDED | REG_NOSUB), 0);
    int ok = regexec(&r, s, 0, NULL, 0) == 0;
    regfree(&r);
    return ok;
}

#define REPO_FORM "^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+@[0-9a-f]{40}:[^ ].*$"
#define URL_FORM "^https?://[^[:space:]]+$"

/*
 * eval rows: owner/repo@40hex:path or an http(s) URL.  train rows: "seed",
 * "seed; ..." or one of those two forms.  The forms are exercised on
 * counter-examples too, so the patterns cannot accept anything.
 */
static void test_sources(void **state)
{
    const bc_catalog *cat = *state;
    assert_false(matches(REPO_FORM, "QwenLM/Qwen-Audio@b50fb95:README.md"));
    assert_false(matches(REPO_FORM, "QwenLM/Qwen-Audio:README.md"));
    assert_false(matches(REPO_FORM, "seed"));
    assert_false(matches(URL_FORM, "arxiv.org/abs/2311.07919"));
    assert_true(matches(REPO_FORM,
                        "QwenLM/Qwen-Audio@b50fb958438081d36e1a14e93dbbc2f329c7f10e:README.md"));
    size_t n_eval = 0, n_seed = 0, n_seed_note = 0, n_elsewhere = 0;
    for (size_t i = 0; i < cat->n_usage; i++) {
        const bc_usage *u = &cat->usage[i];
        int located = matches(REPO_FORM, u->source) || matches(URL_FORM, u->source);
        if (u->role == BC_ROLE_EVAL) {
            if (!located)
                fail_msg("usage.csv:%ld: eval source '%s' is neither owner/repo@COMMIT:path "
                         "nor a URL", u->line, u->source);
            assert_true(u->dataset >= 0);
            n_eval++;
        } else if (strcmp(u->source, "seed") == 0) {
            n_seed++;
        } else if (strncmp(u->source, "seed; ", 6) == 0 && strlen(u->source) > 6) {
            n_seed_note++;
        } else if (located) {
            n_elsewhere++;
        } else {
            fail_msg("usage.csv:%ld: train source '%s' has no known form", u->line, u->source);
        }
    }
    /* The counts data/NOTES.md states (Provenance). */
    assert_int_equal(n_seed, 125);
    assert_int_equal(n_seed_note, 51);
    assert_int_equal(n_elsewhere, 42);
    assert_true(n_eval > 0);
}

/* Rows of `model` on `dataset` (names resolved through aliases) with
 * role `role`; `tasks` gets their task codes joined by ';' in file order. */
static size_t rows_of(const bc_catalog *cat, const char *model, const char *dataset,
                      bc_role role, char *tasks, size_t cap)
{
    int m = catalog_find_model(cat, model), d = catalog_find_dataset(cat, dataset);
    assert_true(m >= 0);
    assert_true(d >= 0);
    size_t n = 0;
    tasks[0] = '\0';
    for (size_t i = 0; i < cat->n_usage; i++) {
        const bc_usage *u = &cat->usage[i];
        if (u->model != m || u->dataset != d || u->role != role)
            continue;
        if (n)
            strncat(tasks, ";", cap - strlen(tasks) - 1);
        strncat(tasks, u->task >= 0 ? cat->tasks[u->task].code : "", cap - strlen(tasks) - 1);
        n++;
    }
    return n;
}

#define EXPECT_ROWS(cat, model, dataset, n_want, tasks_want)                                 \
    do {                                                                                     \
        char t_[128];                                                                        \
        assert_int_equal(rows_of(cat, model, dataset, BC_ROLE_TRAIN, t_, sizeof t_), n_want); \
        assert_string_equal(t_, tasks_want);                                                 \
    } while (0)

/*
 * The audit's findings, counted by hand in the seed:
 * - WavLLM's cell lists ten datasets, among them "AMI, Fisher, Switchboard":
 *   one ASR row each, and ten WavLLM train rows with a dataset in all.
 * - AudioPaLM's list ends "(ASR, ST)": VoxPopuli, CommonVoice and CoVoST2
 *   each get ASR and ST.
 * - SpeechVerse's "... EuroParl, MSP-Podcast (ASR)": MSP-Podcast keeps ASR,
 *   plus ER from the emotion prompt.
 * - VoxtLM's "English Multilingual Librispeech" and AnyGPT's
 *   "Multilingual LibriSpeech(English ASR)": the English subset entry, not
 *   the 8-language MLS (which keeps AudioChatLlama and SpiRit-LM).
 * - WavLLM's "LibriHeavy medium": its own entry, without the full
 *   corpus's 50,000 hours (the full corpus, used by no model, has none).
 */
static void test_audit_fixes(void **state)
{
    const bc_catalog *cat = *state;
    EXPECT_ROWS(cat, "WavLLM", "AMI", 1, "ASR");
    EXPECT_ROWS(cat, "WavLLM", "Fisher", 1, "ASR");
    EXPECT_ROWS(cat, "WavLLM", "Switchboard", 1, "ASR");
    int wav = catalog_find_model(cat, "WavLLM");
    size_t wav_rows = 0;
    for (size_t i = 0; i < cat->n_usage; i++)
        wav_rows += cat->usage[i].model == wav && cat->usage[i].role == BC_ROLE_TRAIN &&
                    cat->usage[i].dataset >= 0;
    assert_int_equal(wav_rows, 10);

    EXPECT_ROWS(cat, "AudioPaLM", "VoxPopuli", 2, "ASR;ST");
    EXPECT_ROWS(cat, "AudioPaLM", "Common Voice", 2, "ASR;ST");
    EXPECT_ROWS(cat, "AudioPaLM", "CoVoST 2", 2, "ASR;ST");
    EXPECT_ROWS(cat, "SpeechVerse", "MSP-Podcast", 2, "ASR;ER");

    int en = catalog_find_dataset(cat, "Multilingual LibriSpeech English");
    int mls = catalog_find_dataset(cat, "Multilingual LibriSpeech");
    assert_true(en >= 0 && mls >= 0 && en != mls);
    assert_int_equal(catalog_find_dataset(cat, "English Multilingual Librispeech"), en);
    assert_int_equal(cat->datasets[en].languages.n, 1);
    assert_string_equal(cat->datasets[en].languages.items[0], "en");
    assert_int_equal(cat->datasets[mls].languages.n, 8);
    EXPECT_ROWS(cat, "VoxtLM", "Multilingual LibriSpeech English", 1, "ASR");
    EXPECT_ROWS(cat, "AnyGPT", "Multilingual LibriSpeech English", 1, "ASR");
    EXPECT_ROWS(cat, "VoxtLM", "Multilingual LibriSpeech", 0, "");
    EXPECT_ROWS(cat, "AnyGPT", "Multilingual LibriSpeech", 0, "");
    EXPECT_ROWS(cat, "AudioChatLlama", "Multilingual LibriSpeech", 1, "ASR");
    EXPECT_ROWS(cat, "SpiRit-LM", "Multilingual LibriSpeech", 1, "");

    int med = catalog_find_dataset(cat, "LibriHeavy medium");
    assert_true(med >= 0);
    assert_string_equal(cat->datasets[med].name, "Libriheavy medium");
    assert_true(cat->datasets[med].hours < 0);
    assert_int_equal(catalog_find_dataset(cat, "Libriheavy"), -1); /* nobody uses the whole */
    EXPECT_ROWS(cat, "WavLLM", "LibriHeavy medium", 1, "ASR");
}

/* data/NOTES.md's per-model table of eval facts equals the counts in usage. */
static void test_notes_eval_table(void **state)
{
    const bc_catalog *cat = *state;
    FILE *fp = fopen(DATA "/NOTES.md", "r");
    assert_non_null(fp);
    char line[4096];
    int in_table = 0;
    size_t rows = 0;
    while (fgets(line, sizeof line, fp)) {
        if (strncmp(line, "<!-- eval-table -->", 19) == 0) {
            in_table = 1;
            continue;
        }
        if (strncmp(line, "<!-- /eval-table -->", 20) == 0)
            break;
        if (!in_table || strncmp(line, "| ", 2) != 0 || strncmp(line, "| model |", 9) == 0)
            continue;
        char name[256];
        unsigned long n = 0;
        assert_int_equal(sscanf(line, "| %255[^|]| %lu |", name, &n), 2);
        size_t len = strlen(name);
        while (len && name[len - 1] == ' ')
            name[--len] = '\0';
        int m = catalog_find_model(cat, name);
        if (m < 0)
            fail_msg("NOTES.md names model '%s' the catalog does not have", name);
        size_t have = 0;
        for (size_t i = 0; i < cat->n_usage; i++)
            have += cat->usage[i].model == m && cat->usage[i].role == BC_ROLE_EVAL;
        if (have != n)
            fail_msg("NOTES.md gives %s %lu eval facts; usage.csv has %zu", name, n, have);
        rows++;
    }
    fclose(fp);
    assert_int_equal(rows, cat->n_models);
}

/* The seed table NOTES.md cites is shipped where it says. */
static void test_seed_shipped(void **state)
{
    (void)state;
    FILE *fp = fopen(DATA "/seed/000_af6c99f7d2546b96.txt", "r");
    assert_non_null(fp);
    char line[256];
    assert_non_null(fgets(line, sizeof line, fp));
    assert_non_null(strstr(line, "Speech LLMs"));
    fclose(fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rows_resolve),      cmocka_unit_test(test_sources),
        cmocka_unit_test(test_audit_fixes),       cmocka_unit_test(test_notes_eval_table),
        cmocka_unit_test(test_seed_shipped),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
