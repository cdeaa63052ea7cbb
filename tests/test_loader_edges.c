/*
 * test_loader_edges.c - loader rules at their exact edges, each with the
 * expected result derived by hand from the rule (DESIGN.md section 7 and
 * catalog.h), not from a run: a train fact and an eval fact of the same
 * (model, dataset, task) are two facts, the same fact twice is one
 * duplicate; an unquoted field of exactly BC_FIELD_MAX bytes is accepted
 * and one byte more is refused.  Each catalog is the good fixture with
 * usage.csv replaced.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "catalog.h"
#include "csvscan.h"

#define GOOD "tests/fixtures/good"

static const char *const files[] = { "tasks.csv", "models.csv", "datasets.csv" };

/* A temporary catalog: the good fixture's tasks, models and datasets, and
 * `usage` (len bytes) as usage.csv.  `dir` receives the path. */
static void make_catalog(char dir[64], const char *usage, size_t len)
{
    char path[256];
    strcpy(dir, "/tmp/benchcov-edges-XXXXXX");
    assert_non_null(mkdtemp(dir));
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "cp " GOOD "/%s %s/", files[i], dir);
        assert_int_equal(system(path), 0);
    }
    snprintf(path, sizeof path, "%s/usage.csv", dir);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(usage, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

static void remove_catalog(const char *dir)
{
    char path[256];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/usage.csv", dir);
    unlink(path);
    rmdir(dir);
}

/* Train and eval of one fact: two rows kept; the train row again: a
 * duplicate of line 2, reported at line 4 column 1. */
static void test_roles_are_part_of_a_fact(void **state)
{
    (void)state;
    static const char usage[] = "model,dataset,task,role,source\n"
                                "SALMONN,LibriSpeech,ASR,train,seed\n"
                                "SALMONN,LibriSpeech,ASR,eval,seed\n";
    char dir[64];
    make_catalog(dir, usage, sizeof usage - 1);
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    int rc = catalog_load(&cat, dir, &e);
    if (rc != BC_OK)
        errors_print(&e, stderr);
    assert_int_equal(rc, BC_OK);
    assert_int_equal(cat.n_usage, 2);
    assert_int_equal(cat.usage[0].role, BC_ROLE_TRAIN);
    assert_int_equal(cat.usage[1].role, BC_ROLE_EVAL);
    assert_int_equal(cat.usage[0].model, cat.usage[1].model);
    assert_int_equal(cat.usage[0].dataset, cat.usage[1].dataset);
    assert_int_equal(cat.usage[0].task, cat.usage[1].task);
    catalog_release(&cat);
    errors_release(&e);
    remove_catalog(dir);

    static const char twice[] = "model,dataset,task,role,source\n"
                                "SALMONN,LibriSpeech,ASR,train,seed\n"
                                "SALMONN,LibriSpeech,ASR,eval,seed\n"
                                "SALMONN,LibriSpeech,ASR,train,another source\n";
    make_catalog(dir, twice, sizeof twice - 1);
    catalog_init(&cat);
    errors_init(&e);
    assert_int_equal(catalog_load(&cat, dir, &e), BC_EX_DATAERR);
    assert_int_equal(e.n, 1);
    assert_int_equal(e.items[0].line, 4);
    assert_int_equal(e.items[0].col, 1);
    assert_string_equal(e.items[0].msg, "duplicate usage row (first at line 2)");
    catalog_release(&cat);
    errors_release(&e);
    remove_catalog(dir);
}

/* usage.csv whose one row has an unquoted `source` of n bytes of 'x'. */
static char *usage_with_source(size_t n, size_t *len)
{
    static const char head[] = "model,dataset,task,role,source\n"
                               "SALMONN,LibriSpeech,ASR,train,";
    char *buf = malloc(sizeof head + n + 1);
    assert_non_null(buf);
    memcpy(buf, head, sizeof head - 1);
    memset(buf + sizeof head - 1, 'x', n);
    buf[sizeof head - 1 + n] = '\n';
    *len = sizeof head - 1 + n + 1;
    return buf;
}

static void test_unquoted_field_cap(void **state)
{
    (void)state;
    size_t len;
    char dir[64];
    bc_catalog cat;
    bc_errors e;

    /* exactly the cap: accepted, kept whole */
    char *usage = usage_with_source(BC_FIELD_MAX, &len);
    make_catalog(dir, usage, len);
    catalog_init(&cat);
    errors_init(&e);
    int rc = catalog_load(&cat, dir, &e);
    if (rc != BC_OK)
        errors_print(&e, stderr);
    assert_int_equal(rc, BC_OK);
    assert_int_equal(cat.n_usage, 1);
    assert_int_equal(strlen(cat.usage[0].source), BC_FIELD_MAX);
    catalog_release(&cat);
    errors_release(&e);
    remove_catalog(dir);
    free(usage);

    /* one byte over: refused at the field's start, line 2 column 31
     * ("SALMONN,LibriSpeech,ASR,train," is 30 characters before it) */
    usage = usage_with_source(BC_FIELD_MAX + 1, &len);
    make_catalog(dir, usage, len);
    catalog_init(&cat);
    errors_init(&e);
    assert_int_equal(catalog_load(&cat, dir, &e), BC_EX_DATAERR);
    assert_true(e.n >= 1);
    char msg[64];
    snprintf(msg, sizeof msg, "field longer than %d bytes", BC_FIELD_MAX);
    assert_string_equal(e.items[0].msg, msg);
    assert_int_equal(e.items[0].line, 2);
    assert_int_equal(e.items[0].col, 31);
    catalog_release(&cat);
    errors_release(&e);
    remove_catalog(dir);
    free(usage);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roles_are_part_of_a_fact),
        cmocka_unit_test(test_unquoted_field_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
