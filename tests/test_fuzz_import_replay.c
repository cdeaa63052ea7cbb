/*
 * test_fuzz_import_replay.c - replays every saved fuzz input of the three
 * importers through the entry point the fuzz targets use
 * (tests/fuzz/fuzz_import.h), with the ordinary build: each file of
 * tests/fuzz/corpus_markdown, corpus_matrix, corpus_pwc (and of
 * crashes_import/, named after its importer) must be imported or refused
 * without crashing and without breaking a promise of draft.h.  Seeds named
 * valid-* must import cleanly and bad-* must be refused as bad data (65).
 * In the sanitizer build memory errors fail the test as well.
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

#include "fuzz/fuzz_import.h"
#include "read_exact.h"

#ifndef BENCHCOV_SOURCE_DIR
#define BENCHCOV_SOURCE_DIR "."
#endif


/* Replays the files of `dir` (README.md excepted) as `format` (-1: by name prefix). */
static size_t replay_dir(const char *dir, int format)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t replayed = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        const char *name = e->d_name;
        if (name[0] == '.' || strcmp(name, "README.md") == 0)
            continue;
        int fmt = format;
        if (fmt < 0)
            fmt = strncmp(name, "markdown-", 9) == 0 ? FUZZ_MARKDOWN
                  : strncmp(name, "matrix-", 7) == 0 ? FUZZ_MATRIX
                  : strncmp(name, "pwc-", 4) == 0    ? FUZZ_PWC : -1;
        if (fmt < 0) {
            print_error("%s/%s: name it markdown-*, matrix-* or pwc-*\n", dir, name);
            fail();
        }
        size_t plen = strlen(dir) + strlen(name) + 2;
        char *path = malloc(plen);
        assert_non_null(path);
        snprintf(path, plen, "%s/%s", dir, name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            size_t size;
            uint8_t *data = read_exact(path, &size);
            int rc = fuzz_import_run(fmt, data, size);
            free(data);
            if (rc < 0) {
                print_error("%s: the import broke a promise of draft.h (%d)\n", path, rc);
                fail();
            }
            if (strncmp(name, "valid-", 6) == 0 && rc != BC_OK) {
                print_error("%s: a valid seed was refused (code %d)\n", path, rc);
                fail();
            }
            if (strncmp(name, "bad-", 4) == 0 && rc != BC_EX_DATAERR) {
                print_error("%s: a bad seed gave code %d, not %d\n", path, rc, BC_EX_DATAERR);
                fail();
            }
            replayed++;
        }
        free(path);
    }
    closedir(d);
    return replayed;
}

static void test_markdown(void **state)
{
    (void)state;
    assert_true(replay_dir(BENCHCOV_SOURCE_DIR "/tests/fuzz/corpus_markdown", FUZZ_MARKDOWN) >= 8);
}

static void test_matrix(void **state)
{
    (void)state;
    assert_true(replay_dir(BENCHCOV_SOURCE_DIR "/tests/fuzz/corpus_matrix", FUZZ_MATRIX) >= 5);
}

static void test_pwc(void **state)
{
    (void)state;
    assert_true(replay_dir(BENCHCOV_SOURCE_DIR "/tests/fuzz/corpus_pwc", FUZZ_PWC) >= 5);
}

static void test_crashes(void **state)
{
    (void)state;
    replay_dir(BENCHCOV_SOURCE_DIR "/tests/fuzz/crashes_import", -1);
}

/* Empty inputs: refused with a message by every importer, never a crash. */
static void test_empty(void **state)
{
    (void)state;
    assert_int_equal(fuzz_import_run(FUZZ_MARKDOWN, NULL, 0), BC_EX_DATAERR);
    assert_int_equal(fuzz_import_run(FUZZ_MATRIX, NULL, 0), BC_EX_DATAERR);
    assert_int_equal(fuzz_import_run(FUZZ_PWC, NULL, 0), BC_EX_DATAERR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_matrix),
        cmocka_unit_test(test_pwc),
        cmocka_unit_test(test_crashes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
