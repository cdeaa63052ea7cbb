/*
 * test_error.c - the diagnostic list: order, the worst code, the cap,
 * and the printed form "benchcov: FILE:LINE:COL: message".
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

static char *printed(const bc_errors *e)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    errors_print(e, fp);
    fclose(fp);
    return buf;
}

static void test_places_and_codes(void **state)
{
    (void)state;
    bc_errors e;
    errors_init(&e);
    assert_int_equal(errors_add(&e, BC_EX_DATAERR, "data/usage.csv", 41, 7,
                                "unknown dataset '%s' (did you mean '%s'?)", "Librispeeh",
                                "LibriSpeech"),
                     BC_EX_DATAERR);
    errors_add(&e, BC_EX_NOINPUT, "data/tasks.csv", 0, 0, "cannot open it");
    errors_add(&e, BC_EX_USAGE, NULL, 0, 0, "bad option");
    errors_add(&e, BC_EX_DATAERR, "f.csv", 3, 0, "line only");
    assert_int_equal(e.code, BC_EX_NOINPUT);
    char *s = printed(&e);
    assert_string_equal(s, "benchcov: data/usage.csv:41:7: unknown dataset 'Librispeeh' (did you "
                           "mean 'LibriSpeech'?)\n"
                           "benchcov: data/tasks.csv: cannot open it\n"
                           "benchcov: bad option\n"
                           "benchcov: f.csv:3: line only\n");
    free(s);
    errors_release(&e);
    assert_int_equal(e.n, 0);
    assert_int_equal(e.code, BC_OK);
    errors_release(NULL);
}

static void test_cap(void **state)
{
    (void)state;
    bc_errors e;
    errors_init(&e);
    for (int i = 0; i < BC_MAX_ERRORS + 5; i++)
        errors_add(&e, BC_EX_DATAERR, "x.csv", i + 1, 1, "error %d", i);
    assert_int_equal(e.n, BC_MAX_ERRORS);
    assert_int_equal(e.dropped, 5);
    char *s = printed(&e);
    assert_non_null(strstr(s, "benchcov: 5 more errors not shown\n"));
    free(s);
    errors_release(&e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_places_and_codes),
        cmocka_unit_test(test_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
