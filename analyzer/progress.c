/*
 * progress.c - timed step lines on standard error (see progress.h).
 */
#include "progress.h"

#include <stdio.h>
#include <time.h>

static int enabled;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_enable(int on)
{
    enabled = on != 0;
}

void progress_begin(bc_progress *p, const char *what)
{
    p->what = what;
    p->t0 = enabled ? now() : 0;
}

void progress_end(bc_progress *p)
{
    if (!enabled)
        return;
    double dt = now() - p->t0;
    if (dt >= PROGRESS_MIN_SECONDS)
        fprintf(stderr, "benchcov: %s: %.1f s\n", p->what, dt);
}
