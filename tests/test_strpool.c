/*
 * test_strpool.c - interned strings: one copy per distinct text, stable
 * pointers across growth, the empty string like any other.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "strpool.h"

static void test_same_text_same_pointer(void **state)
{
    (void)state;
    bc_strpool *p = strpool_new();
    assert_non_null(p);
    char a[] = "seed", b[] = "seed";
    const char *x = strpool_intern(p, a), *y = strpool_intern(p, b);
    assert_ptr_equal(x, y);
    assert_ptr_not_equal(x, a); /* a copy, not the caller's buffer */
    a[0] = 'S';
    assert_string_equal(x, "seed");
    const char *e1 = strpool_intern(p, ""), *e2 = strpool_intern(p, "");
    assert_ptr_equal(e1, e2);
    assert_string_equal(e1, "");
    assert_ptr_not_equal(strpool_intern(p, "Seed"), x); /* case counts */
    assert_int_equal(strpool_count(p), 3);
    strpool_free(p);
    strpool_free(NULL);
}

/* Thousands of texts: every pointer handed out stays valid and unique. */
static void test_growth_keeps_pointers(void **state)
{
    (void)state;
    enum { N = 5000 };
    static const char *got[N];
    bc_strpool *p = strpool_new();
    assert_non_null(p);
    char buf[32];
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "owner/repo@%d:path", i);
        got[i] = strpool_intern(p, buf);
        assert_non_null(got[i]);
    }
    assert_int_equal(strpool_count(p), N);
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "owner/repo@%d:path", i);
        assert_string_equal(got[i], buf);
        assert_ptr_equal(strpool_intern(p, buf), got[i]);
    }
    assert_int_equal(strpool_count(p), N);
    strpool_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_text_same_pointer),
        cmocka_unit_test(test_growth_keeps_pointers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
