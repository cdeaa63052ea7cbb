/*
 * test_lint.c - the curation slips of `check` (lint.h) on
 * tests/fixtures/lint, each at its exact place, worked out by hand:
 *
 *   models.csv   LTU's encoder_family `whsiper` (line 4, column 5) is two
 *                edits from `whisper` (2 entries); its output `Text`
 *                (line 4, column 13) differs by case from `text` (3).
 *                Pengi's `htsat` is far from everything: no finding.
 *   datasets.csv GigaSpeech (line 4) is never used.
 *   usage.csv    Pengi,Clotho,ASR (line 5, task in column 14): Clotho
 *                lists AAC only.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "catalog.h"
#include "lint.h"

#define DIR "tests/fixtures/lint"

static void expect(const bc_diag *d, const char *file, long line, long col, const char *msg)
{
    assert_string_equal(d->file, file);
    assert_int_equal(d->line, line);
    assert_int_equal(d->col, col);
    assert_string_equal(d->msg, msg);
}

static const char *const msgs[4] = {
    "encoder_family 'whsiper' appears once; elsewhere it is 'whisper' (2 entries)",
    "output 'Text' appears once; elsewhere it is 'text' (3 entries)",
    "dataset 'GigaSpeech' is never used in usage.csv",
    "task 'ASR' is not in the tasks of dataset 'Clotho' (datasets.csv line 3)",
};

static void check_all(const bc_errors *e, int strict)
{
    static const char *const files[4] = { DIR "/models.csv", DIR "/models.csv",
                                          DIR "/datasets.csv", DIR "/usage.csv" };
    static const long lines[4] = { 4, 4, 4, 5 }, cols[4] = { 5, 13, 1, 14 };
    assert_int_equal(e->n, 4);
    for (int i = 0; i < 4; i++) {
        char msg[256];
        snprintf(msg, sizeof msg, "%s%s", strict ? "" : "warning: ", msgs[i]);
        expect(&e->items[i], files[i], lines[i], cols[i], msg);
    }
}

static void test_warnings(void **state)
{
    (void)state;
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    assert_int_equal(catalog_load(&cat, DIR, &e), BC_OK);
    assert_int_equal(lint_catalog(&cat, 0, &e), 4);
    check_all(&e, 0);
    assert_int_equal(e.code, BC_OK);     /* warnings leave the exit status alone */
    errors_release(&e);
    errors_init(&e);
    assert_int_equal(lint_catalog(&cat, 1, &e), 4);
    check_all(&e, 1);
    assert_int_equal(e.code, BC_EX_DATAERR);
    errors_release(&e);
    catalog_release(&cat);
}

/* The shipped good fixture: GTZAN is listed for MGR and never used; nothing else. */
static void test_good_fixture(void **state)
{
    (void)state;
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    assert_int_equal(catalog_load(&cat, "tests/fixtures/good", &e), BC_OK);
    assert_int_equal(lint_catalog(&cat, 0, &e), 1);
    expect(&e.items[0], "tests/fixtures/good/datasets.csv", 7, 1,
           "warning: dataset 'GTZAN' is never used in usage.csv");
    errors_release(&e);
    catalog_release(&cat);
}

/* Versions are no slips; two lone spellings are no established one. */
static void test_no_finding(void **state)
{
    (void)state;
    static const char models[] = "model,llm,family\n"
                                 "A,LLaMA,llama\nB,LLaMA,llama\nC,LLaMA 3,llava\nD,LLaMA-2,\n"
                                 "E,gpt,opt\n";
    static const char usage[] = "model,dataset,task\nA,X,T\nB,X,T\nC,X,T\nD,X,T\nE,X,T\n";
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    assert_int_equal(catalog_load_buffer(&cat, "models", "m.csv", models, sizeof models - 1, &e),
                     BC_OK);
    assert_int_equal(catalog_load_buffer(&cat, "usage", "u.csv", usage, sizeof usage - 1, &e),
                     BC_OK);
    /* llava (once) is one edit from llama (2): a finding; the rest are not */
    assert_int_equal(lint_catalog(&cat, 0, &e), 1);
    expect(&e.items[0], "m.csv", 4, 11,
           "warning: family 'llava' appears once; elsewhere it is 'llama' (2 entries)");
    errors_release(&e);
    catalog_release(&cat);
}

/*
 * models.csv text: 3000 values written twice each ("v00000".."v02999",
 * all with different digits, so none is a slip for another), `whisper`
 * twice, then `tail` (the lone spellings), one model each.
 */
static char *many_values(const char *const *tail, size_t n_tail, size_t lone)
{
    size_t cap = 64 + 6000 * 24 + lone * 24 + n_tail * 64, len = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    len += (size_t)snprintf(s + len, cap - len, "model,encoder\nW1,whisper\nW2,whisper\n");
    for (int i = 0; i < 6000; i++)
        len += (size_t)snprintf(s + len, cap - len, "m%d,v%05d\n", i, i / 2);
    for (size_t i = 0; i < lone; i++)
        len += (size_t)snprintf(s + len, cap - len, "u%zu,u%05zu\n", i, i);
    for (size_t i = 0; i < n_tail; i++)
        len += (size_t)snprintf(s + len, cap - len, "t%zu,%s\n", i, tail[i]);
    return s;
}

static void load_models(bc_catalog *cat, const char *models, bc_errors *e)
{
    static const char usage[] = "model,dataset,task\nW1,X,T\n";
    catalog_init(cat);
    errors_init(e);
    assert_int_equal(catalog_load_buffer(cat, "models", "m.csv", models, strlen(models), e),
                     BC_OK);
    assert_int_equal(catalog_load_buffer(cat, "usage", "u.csv", usage, sizeof usage - 1, e),
                     BC_OK);
}

/* Thousands of distinct values: the two-edit slip is still found, at its place. */
static void test_many_values(void **state)
{
    (void)state;
    static const char *const tail[] = { "whsiper" };
    char *models = many_values(tail, 1, 0);
    bc_catalog cat;
    bc_errors e;
    load_models(&cat, models, &e);
    assert_int_equal(lint_catalog(&cat, 0, &e), 1);
    assert_int_equal(e.n, 1);
    expect(&e.items[0], "m.csv", 6004, 4,
           "warning: encoder 'whsiper' appears once; elsewhere it is 'whisper' (2 entries)");
    errors_release(&e);
    catalog_release(&cat);
    free(models);
}

/*
 * 3000 more lone values of the same length as the 3000 common ones: the
 * edit search would need 9 million comparisons (3002 lone spellings of 6
 * or 7 code points, each against the 3001 common ones of 4 to 9), so it is left out with a
 * note (not an error under --strict), and the case slip is still found.
 */
static void test_too_many_pairs(void **state)
{
    (void)state;
    static const char *const tail[] = { "whsiper", "WHISPER" };
    char *models = many_values(tail, 2, 3000);
    bc_catalog cat;
    bc_errors e;
    load_models(&cat, models, &e);
    assert_int_equal(lint_catalog(&cat, 1, &e), 1);
    assert_int_equal(e.n, 2);
    assert_string_equal(e.items[0].file, "m.csv");
    assert_non_null(strstr(e.items[0].msg, "note: encoder has 6003 distinct spellings"));
    assert_non_null(strstr(e.items[0].msg, "not one- or two-edit slips"));
    expect(&e.items[1], "m.csv", 9005, 4,
           "encoder 'WHISPER' appears once; elsewhere it is 'whisper' (2 entries)");
    assert_int_equal(e.code, BC_EX_DATAERR);
    errors_release(&e);
    catalog_release(&cat);
    free(models);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_warnings),
        cmocka_unit_test(test_good_fixture),
        cmocka_unit_test(test_no_finding),
        cmocka_unit_test(test_many_values),
        cmocka_unit_test(test_too_many_pairs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
