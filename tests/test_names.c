/*
 * test_names.c - the name table: folding, aliases, claims, suggestions and
 * growth of the hash table.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

static void check_fold(const char *in, const char *want)
{
    char *got = names_fold(in);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void test_fold(void **state)
{
    (void)state;
    check_fold("LibriSpeech", "librispeech");
    check_fold("  Qwen \t  Audio\r\n", "qwen audio");
    check_fold("CoVoST 2", "covost 2");
    check_fold("", "");
    check_fold(" \t ", "");
    /* only ASCII letters are lowered; other bytes stay as they are */
    check_fold("K\xC3\x96LNER  X", "k\xC3\x96lner x");
    check_fold("A\xC2\xA0" "B", "a\xC2\xA0" "b");
}

static void test_add_find(void **state)
{
    (void)state;
    bc_names *t = names_new();
    assert_non_null(t);
    assert_int_equal(names_add(t, "LauraGPT", 0, 1), BC_OK);
    /* an alias that folds to the entry's own name is the entry itself */
    assert_int_equal(names_add(t, "Lauragpt", 0, 0), BC_EX_DATAERR);
    assert_int_equal(names_find(t, "Lauragpt"), 0);
    assert_int_equal(names_add(t, "Qwen-Audio", 1, 1), BC_OK);
    assert_int_equal(names_add(t, "QwenAudio", 1, 0), BC_OK);
    assert_int_equal(names_add(t, "Qwen Audio", 1, 0), BC_OK);
    assert_int_equal(names_find(t, "lauragpt"), 0);
    assert_int_equal(names_find(t, "  LAURAGPT "), 0);
    assert_int_equal(names_find(t, "qwen   audio"), 1);
    assert_int_equal(names_find(t, "QWENAUDIO"), 1);
    assert_int_equal(names_find(t, "Qwen"), -1);
    assert_int_equal(names_find(t, ""), -1);
    /* a key held by another entry is refused with that entry's id */
    assert_int_equal(names_add(t, "qwenaudio", 2, 0), BC_EX_DATAERR);
    assert_int_equal(names_find(t, "qwenaudio"), 1);
    assert_int_equal(names_add(t, "LAURAGPT", 2, 1), BC_EX_DATAERR);
    assert_int_equal(names_find(t, "LAURAGPT"), 0);
    assert_int_equal(names_find(t, "qwenaudio"), 1);
    names_free(t);
    names_free(NULL);
}

static void test_suggest(void **state)
{
    (void)state;
    bc_names *t = names_new();
    assert_non_null(t);
    assert_int_equal(names_add(t, "LibriSpeech", 0, 1), BC_OK);
    assert_int_equal(names_add(t, "Librispeech", 0, 0), BC_EX_DATAERR);
    assert_int_equal(names_find(t, "Librispeech"), 0);
    assert_int_equal(names_add(t, "Clothoxx", 1, 1), BC_OK);
    assert_int_equal(names_add(t, "Clotho", 2, 1), BC_OK);
    assert_int_equal(names_add(t, "Big Alias Target", 3, 1), BC_OK);
    assert_int_equal(names_add(t, "shortname", 3, 0), BC_OK);
    assert_int_equal(names_add(t, "K\xC3\xB6lner Speech", 4, 1), BC_OK);

    /* the display name as first given, not the alias or the key */
    assert_string_equal(names_suggest(t, "librispeeh"), "LibriSpeech");
    assert_string_equal(names_suggest(t, "Librispeeh"), "LibriSpeech");
    /* smaller distance wins over earlier insertion */
    assert_string_equal(names_suggest(t, "Clothx"), "Clotho");
    /* aliases are never suggested */
    assert_null(names_suggest(t, "shortnam"));
    /* too far for the length: max(1, len/3) */
    assert_null(names_suggest(t, "ASRR"));
    assert_null(names_suggest(t, "Totally different"));
    /* distances count code points, not bytes */
    assert_string_equal(names_suggest(t, "Kolner Speech"), "K\xC3\xB6lner Speech");
    names_free(t);

    /*
     * The threshold at its edge.  A 12-letter name: len/3 = 4 edits are
     * close enough, 5 and 6 (up to len/2) are not.  Each query replaces
     * the last k letters of "abcdefghijkl" with 'x', k substitutions.
     */
    t = names_new();
    assert_non_null(t);
    assert_int_equal(names_add(t, "abcdefghijkl", 0, 1), BC_OK);
    assert_string_equal(names_suggest(t, "abcdefghxxxx"), "abcdefghijkl"); /* 4 edits */
    assert_null(names_suggest(t, "abcdefgxxxxx"));                         /* 5 edits */
    assert_null(names_suggest(t, "abcdefxxxxxx"));                         /* 6 edits */
    names_free(t);

    /* equal distance: the name added first */
    t = names_new();
    assert_non_null(t);
    assert_int_equal(names_add(t, "abcd", 0, 1), BC_OK);
    assert_int_equal(names_add(t, "abce", 1, 1), BC_OK);
    assert_string_equal(names_suggest(t, "abcf"), "abcd");
    names_free(t);

    t = names_new();
    assert_non_null(t);
    assert_int_equal(names_add(t, "abce", 1, 1), BC_OK);
    assert_int_equal(names_add(t, "abcd", 0, 1), BC_OK);
    assert_string_equal(names_suggest(t, "abcf"), "abce");
    assert_null(names_suggest(t, "zzzz"));
    names_free(t);
}

static void test_growth(void **state)
{
    (void)state;
    enum { N = 20000 };
    bc_names *t = names_new();
    assert_non_null(t);
    char buf[64];
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "Dataset %d", i);
        assert_int_equal(names_add(t, buf, i, 1), BC_OK);
        snprintf(buf, sizeof buf, "alias-%d", i);
        assert_int_equal(names_add(t, buf, i, 0), BC_OK);
    }
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "  DATASET   %d ", i);
        assert_int_equal(names_find(t, buf), i);
        snprintf(buf, sizeof buf, "ALIAS-%d", i);
        assert_int_equal(names_find(t, buf), i);
    }
    assert_int_equal(names_find(t, "Dataset 20000"), -1);
    assert_int_equal(names_add(t, "dataset 123", 7, 1), BC_EX_DATAERR);
    assert_int_equal(names_find(t, "dataset 123"), 123);
    assert_string_equal(names_suggest(t, "Datasett 19999"), "Dataset 19999");
    names_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_add_find),
        cmocka_unit_test(test_suggest),
        cmocka_unit_test(test_growth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
