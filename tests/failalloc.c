/* tests/failalloc.c - an LD_PRELOAD shim for tests/test_oom.sh: with
 * BC_FAIL_ALLOC=N in the environment, the Nth call of malloc, calloc or
 * realloc made by benchcov's own code (counted from 1; calls made inside
 * the C library, igraph or GLPK are not counted: their out-of-memory
 * handling is theirs) returns NULL with errno ENOMEM, once; every other
 * call is served by glibc.
 * With BC_COUNT_ALLOC=FILE set instead, FILE gets one line per counted
 * call: where in benchcov it was made from (the return address as an
 * offset into the executable, in hex), so a test can fail each call
 * site's first allocation.  One failure, not all from N on, so each
 * allocation site's own recovery is what the run exercises. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <sys/auxv.h>
#include <stdio.h>
#include <stdlib.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static long calls, fail_at = -1;
static int ready, busy, registered;
static void *main_base;
static FILE *sites;

/* Nothing fails once exit has begun: a coverage build's own runtime
 * allocates when it writes its counts from the destructors. */
static void disarm(void)
{
    fail_at = -1;
}

static void setup(void)
{
    const char *s = getenv("BC_FAIL_ALLOC");
    Dl_info info;
    ready = 1;
    busy = 1; /* dladdr may allocate */
    if (dladdr((void *)getauxval(AT_PHDR), &info))
        main_base = info.dli_fbase;
    busy = 0;
    if (s)
        fail_at = strtol(s, NULL, 10);
    s = getenv("BC_COUNT_ALLOC");
    if (s) {
        busy = 1;
        sites = fopen(s, "w");
        busy = 0;
    }
}

/* Whether the allocation called from CALLER is benchcov's to fail. */
static int fail_now(void *caller)
{
    Dl_info info;
    if (busy)
        return 0;
    if (!ready)
        setup();
    busy = 1;
    int mine = main_base && dladdr(caller, &info) && info.dli_fbase == main_base;
    busy = 0;
    if (!mine)
        return 0;
    /* Registered from benchcov's first allocation, after the start-up
     * code registered the destructors' run, so that it runs before them. */
    if (!registered) {
        registered = 1;
        atexit(disarm);
    }
    if (sites) {
        busy = 1;
        fprintf(sites, "%lx\n", (unsigned long)((char *)caller - (char *)main_base));
        busy = 0;
    }
    if (++calls == fail_at) {
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *malloc(size_t n)
{
    return fail_now(__builtin_return_address(0)) ? NULL : __libc_malloc(n);
}
void *calloc(size_t k, size_t n)
{
    return fail_now(__builtin_return_address(0)) ? NULL : __libc_calloc(k, n);
}
void *realloc(void *p, size_t n)
{
    return fail_now(__builtin_return_address(0)) ? NULL : __libc_realloc(p, n);
}

__attribute__((destructor)) static void report(void)
{
    disarm();
    if (sites) {
        busy = 1;
        fclose(sites);
        sites = NULL;
    }
}
