/*
 * test_progress.c - the progress lines of progress.c: off at start, a
 * step of PROGRESS_MIN_SECONDS or more prints `benchcov: STEP: N.N s`
 * on standard error when enabled, a shorter step nothing, standard
 * output never.  No step really takes a second: the test moves the
 * step's start (bc_progress.t0, on the monotonic clock) into the past,
 * and catches both standard streams in temporary files.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "progress.h"

/* Standard error and output redirected to temporary files until caught. */
typedef struct {
    FILE *err, *out;
    int saved_err, saved_out;
} capture;

static void capture_start(capture *c)
{
    fflush(stderr);
    fflush(stdout);
    c->err = tmpfile();
    c->out = tmpfile();
    assert_non_null(c->err);
    assert_non_null(c->out);
    c->saved_err = dup(STDERR_FILENO);
    c->saved_out = dup(STDOUT_FILENO);
    assert_true(c->saved_err >= 0 && c->saved_out >= 0);
    assert_true(dup2(fileno(c->err), STDERR_FILENO) >= 0);
    assert_true(dup2(fileno(c->out), STDOUT_FILENO) >= 0);
}

static char *read_all(FILE *fp)
{
    rewind(fp);
    char *buf = calloc(4096, 1);
    assert_non_null(buf);
    size_t n = fread(buf, 1, 4095, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

/* Restores both streams; *out gets what went to standard output. */
static char *capture_stop(capture *c, char **out)
{
    fflush(stderr);
    fflush(stdout);
    assert_true(dup2(c->saved_err, STDERR_FILENO) >= 0);
    assert_true(dup2(c->saved_out, STDOUT_FILENO) >= 0);
    close(c->saved_err);
    close(c->saved_out);
    *out = read_all(c->out);
    return read_all(c->err);
}

static double monotonic_now(void)
{
    struct timespec ts;
    assert_int_equal(clock_gettime(CLOCK_MONOTONIC, &ts), 0);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * One step whose start is moved `ago` seconds into the past before it
 * ends; returns what it wrote on standard error (standard output must
 * stay empty).
 */
static char *step_taking(const char *what, double ago)
{
    capture c;
    char *out;
    bc_progress p;
    capture_start(&c);
    progress_begin(&p, what);
    p.t0 -= ago;
    progress_end(&p);
    char *err = capture_stop(&c, &out);
    assert_string_equal(out, "");
    free(out);
    return err;
}

/*
 * `line` is exactly "benchcov: WHAT: N.N s\n" (one decimal) with N.N in
 * [lo, hi]: the lower end is the time the step was moved back, rounded;
 * the upper end leaves room for a slow machine between begin and end.
 */
static void assert_line(const char *line, const char *what, double lo, double hi)
{
    char prefix[256];
    snprintf(prefix, sizeof prefix, "benchcov: %s: ", what);
    size_t np = strlen(prefix);
    if (strncmp(line, prefix, np) != 0)
        fail_msg("progress line '%s' does not start with '%s'", line, prefix);
    const char *num = line + np;
    size_t whole = strspn(num, "0123456789");
    if (whole == 0 || num[whole] != '.' || strspn(num + whole + 1, "0123456789") != 1 ||
        strcmp(num + whole + 2, " s\n") != 0)
        fail_msg("progress line '%s' is not 'N.N s'", line);
    double v = strtod(num, NULL);
    if (v < lo || v > hi)
        fail_msg("progress line '%s': %g s not in [%g, %g]", line, v, lo, hi);
}

/* Off at start: even a long step prints nothing. Must run first. */
static void test_off_at_start(void **state)
{
    (void)state;
    char *err = step_taking("matrices and coverage", 5.0);
    assert_string_equal(err, "");
    free(err);
}

/* The step's start is the monotonic clock's reading at progress_begin. */
static void test_start_on_monotonic_clock(void **state)
{
    (void)state;
    bc_progress p;
    progress_enable(1);
    double before = monotonic_now();
    progress_begin(&p, "plan");
    double after = monotonic_now();
    assert_true(p.t0 >= before && p.t0 <= after);
    assert_string_equal(p.what, "plan");
    progress_enable(0);
}

/*
 * Enabled: steps of 2 s and 1.2 s print their line, one of 0.5 s and
 * one just begun print nothing (PROGRESS_MIN_SECONDS is 1 s).
 */
static void test_long_steps_print(void **state)
{
    (void)state;
    assert_true(PROGRESS_MIN_SECONDS == 1.0); /* the figures below assume it */
    progress_enable(1);
    char *err = step_taking("nestedness and its null model", 2.0);
    assert_line(err, "nestedness and its null model", 2.0, 2.5);
    free(err);
    err = step_taking("plan stability", 1.2);
    assert_line(err, "plan stability", 1.2, 1.7);
    free(err);
    err = step_taking("robustness and gaps", 0.5);
    assert_string_equal(err, "");
    free(err);
    err = step_taking("report: Markdown, tables and charts", 0.0);
    assert_string_equal(err, "");
    free(err);
    /* Any non-zero value turns it on. */
    progress_enable(7);
    err = step_taking("plan", 3.0);
    assert_line(err, "plan", 3.0, 3.5);
    free(err);
    progress_enable(0);
}

/* Turned off again: nothing, however long the step. */
static void test_off_again(void **state)
{
    (void)state;
    progress_enable(1);
    progress_enable(0);
    char *err = step_taking("communities and betweenness", 10.0);
    assert_string_equal(err, "");
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_off_at_start),
        cmocka_unit_test(test_start_on_monotonic_clock),
        cmocka_unit_test(test_long_steps_print),
        cmocka_unit_test(test_off_again),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
