/*
 * test_fuzz_replay.c - replays every saved fuzz input through the entry
 * point the fuzzer uses (tests/fuzz/fuzz_input.h), with the ordinary
 * build: each file of tests/fuzz/corpus/ and tests/fuzz/crashes/ must
 * load or be refused without crashing and without breaking a promise of
 * catalog.h.  Seeds named valid-* must load cleanly and bad-* must be
 * refused as bad data.  In the sanitizer build (BENCHCOV_SANITIZE) memory
 * errors in the loader fail the test as well.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz/fuzz_input.h"
#include "read_exact.h"

#ifndef BENCHCOV_SOURCE_DIR
#define BENCHCOV_SOURCE_DIR "."
#endif


static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays every regular file of `dir` (README.md excepted); returns how many. */
static size_t replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        print_message("cannot open '%s'\n", dir);
        fail();
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "README.md") == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            assert_non_null(names);
        }
        names[n] = strdup(e->d_name);
        assert_non_null(names[n]);
        n++;
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, by_name);

    size_t replayed = 0;
    for (size_t i = 0; i < n; i++) {
        size_t plen = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(plen);
        assert_non_null(path);
        snprintf(path, plen, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            size_t size;
            uint8_t *data = read_exact(path, &size);
            int rc = fuzz_catalog_run(data, size);
            free(data);
            if (rc < 0) {
                print_error("%s: the loader broke a promise of catalog.h\n", path);
                fail();
            }
            if (strncmp(names[i], "valid-", 6) == 0 && rc != BC_OK) {
                print_error("%s: a valid seed was refused (code %d)\n", path, rc);
                fail();
            }
            if (strncmp(names[i], "bad-", 4) == 0 && rc != BC_EX_DATAERR) {
                print_error("%s: a bad seed gave code %d, not %d\n", path, rc, BC_EX_DATAERR);
                fail();
            }
            replayed++;
        }
        free(path);
        free(names[i]);
    }
    free(names);
    return replayed;
}

static void test_corpus(void **state)
{
    (void)state;
    size_t n = replay_dir(BENCHCOV_SOURCE_DIR "/tests/fuzz/corpus");
    assert_true(n >= 20); /* the hand-made seeds at least */
}

static void test_crashes(void **state)
{
    (void)state;
    replay_dir(BENCHCOV_SOURCE_DIR "/tests/fuzz/crashes");
}

/* The built-in texts are the valid catalog every one-file input relies on. */
static void test_builtin_catalog_is_valid(void **state)
{
    (void)state;
    assert_int_equal(fuzz_catalog_run(NULL, 0), BC_OK);
    const uint8_t usage_only[] = { 3 };
    /* An empty usage.csv lacks its header row: refused as bad data. */
    assert_int_equal(fuzz_catalog_run(usage_only, sizeof usage_only), BC_EX_DATAERR);
}

/* The splitter itself: parts in order, missing parts empty. */
static void test_split(void **state)
{
    (void)state;
    const char in[] = "\x04" "a" FUZZ_SEPARATOR "bb" FUZZ_SEPARATOR "ccc";
    const uint8_t *text[4];
    size_t len[4];
    fuzz_split((const uint8_t *)in, sizeof in - 1, text, len);
    assert_int_equal(len[0], 1);
    assert_memory_equal(text[0], "a", 1);
    assert_int_equal(len[1], 2);
    assert_memory_equal(text[1], "bb", 2);
    assert_int_equal(len[2], 3);
    assert_memory_equal(text[2], "ccc", 3);
    assert_int_equal(len[3], 0);

    const char one[] = "\x07" "xyz"; /* 7 % 5 == 2: datasets.csv */
    fuzz_split((const uint8_t *)one, sizeof one - 1, text, len);
    assert_int_equal(len[2], 3);
    assert_memory_equal(text[2], "xyz", 3);
    assert_ptr_equal(text[0], (const uint8_t *)fuzz_good_tasks);
    assert_ptr_equal(text[3], (const uint8_t *)fuzz_good_usage);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split),
        cmocka_unit_test(test_builtin_catalog_is_valid),
        cmocka_unit_test(test_corpus),
        cmocka_unit_test(test_crashes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
