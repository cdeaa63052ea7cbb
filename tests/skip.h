/*
 * skip.h - the optional part of a cmocka test program (one that needs
 * gnuplot, a locale, ...) runs as a ctest test of its own, selected by an
 * argument, and exits TEST_EXIT_SKIP (77, ctest's SKIP_RETURN_CODE) when
 * what it needs is missing, so that ctest reports it as skipped, not
 * passed.  Include after <cmocka.h>.
 */
#ifndef BENCHCOV_TESTS_SKIP_H
#define BENCHCOV_TESTS_SKIP_H

#define TEST_EXIT_SKIP 77

/* Whether a test of this program called TEST_SKIP(). */
static inline int *test_skipped(void)
{
    static int skipped;
    return &skipped;
}

/* Skips the running test and makes test_exit() report the skip. */
#define TEST_SKIP()                                                                                \
    do {                                                                                           \
        *test_skipped() = 1;                                                                       \
        skip();                                                                                    \
    } while (0)

/* The exit status of a part: its failures, else 77 when a test skipped. */
static inline int test_exit(int failed)
{
    return failed ? failed : *test_skipped() ? TEST_EXIT_SKIP : 0;
}

#endif
