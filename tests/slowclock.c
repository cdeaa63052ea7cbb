/* tests/slowclock.c - an LD_PRELOAD shim for tests/test_progress_cli.sh:
 * every call of clock_gettime on CLOCK_MONOTONIC returns the real
 * reading plus 1.5 s times the number of such calls made before it, so
 * every step benchcov times (progress.h) seems to last at least 1.5 s
 * and a small catalog stands in for a slow one.  Other clocks, and the
 * C library's own calls, are untouched. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <time.h>

#define STEP_NS 1500000000LL

int clock_gettime(clockid_t id, struct timespec *ts)
{
    static int (*real)(clockid_t, struct timespec *);
    static long long calls;
    if (!real)
        real = (int (*)(clockid_t, struct timespec *))dlsym(RTLD_NEXT, "clock_gettime");
    if (!real)
        return -1;
    int rc = real(id, ts);
    if (rc == 0 && id == CLOCK_MONOTONIC) {
        long long ns = ts->tv_nsec + __atomic_fetch_add(&calls, 1, __ATOMIC_RELAXED) * STEP_NS;
        ts->tv_sec += (time_t)(ns / 1000000000LL);
        ts->tv_nsec = (long)(ns % 1000000000LL);
    }
    return rc;
}
