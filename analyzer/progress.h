/*
 * progress.h - progress lines on standard error for the steps that take
 * a while on large catalogs.
 *
 * Off unless main turns it on, which it does when standard error is a
 * terminal and BENCHCOV_PROGRESS is unset, or when BENCHCOV_PROGRESS is a
 * non-zero number (0 keeps it off): scripts, pipes, tests and CI never
 * see these lines unless they ask.  A step
 * that took at least PROGRESS_MIN_SECONDS prints one line when it ends,
 * `benchcov: STEP: 2.3 s`, so a user watching a long report sees it move.
 * The only output of a library module besides its return values; it
 * never touches standard output.
 */
#ifndef BENCHCOV_PROGRESS_H
#define BENCHCOV_PROGRESS_H

/* Steps shorter than this print nothing. */
#define PROGRESS_MIN_SECONDS 1.0

/* Turns progress lines on (non-zero) or off; off at start. */
void progress_enable(int on);

/* A step being timed. */
typedef struct {
    const char *what; /* static text, e.g. "nestedness null model" */
    double t0;        /* start, seconds on the monotonic clock */
} bc_progress;

/* Starts timing `what` (a string that outlives the step). */
void progress_begin(bc_progress *p, const char *what);

/* Ends the step: prints its line when enabled and it took PROGRESS_MIN_SECONDS or more. */
void progress_end(bc_progress *p);

#endif
