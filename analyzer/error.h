/*
 * error.h - exit codes and the error record every library call fills.
 *
 * Library code never prints and never exits: it returns one of the
 * BC_EX_* codes below and appends diagnostics to a bc_errors list.
 * Only main.c turns the worst code into the process exit status and
 * prints the list as "benchcov: FILE:LINE:COL: message".
 */
#ifndef BENCHCOV_ERROR_H
#define BENCHCOV_ERROR_H

#include <stddef.h>
#include <stdio.h>

/* sysexits(3) values, named so that no file needs <sysexits.h>. */
enum {
    BC_OK = 0,
    BC_EX_USAGE = 64,     /* bad command line */
    BC_EX_DATAERR = 65,   /* bad catalog data */
    BC_EX_NOINPUT = 66,   /* input directory or file missing */
    BC_EX_SOFTWARE = 70,  /* internal error, out of memory */
    BC_EX_CANTCREAT = 73, /* an output cannot be created */
    BC_EX_IOERR = 74      /* read or write error */
};

/* How many diagnostics one run keeps; later ones are counted, not kept. */
#define BC_MAX_ERRORS 100

typedef struct {
    char *file;    /* path as given, or NULL for a message without a place */
    long line;     /* 1-based; 0 = no line */
    long col;      /* 1-based; 0 = no column */
    char *msg;     /* lower case, no full stop */
} bc_diag;

typedef struct {
    bc_diag *items; /* the first BC_MAX_ERRORS diagnostics, in order */
    size_t n, cap;
    size_t dropped; /* diagnostics past BC_MAX_ERRORS, counted only */
    size_t lost;    /* diagnostics that memory ran out for, counted only */
    int code;       /* the highest exit code added so far, BC_OK when none */
} bc_errors;

/* Prepares an empty list. Allocates nothing. */
void errors_init(bc_errors *e);

/* Frees every diagnostic; the list is empty and reusable afterwards. NULL is fine. */
void errors_release(bc_errors *e);

/*
 * Appends one diagnostic and raises e->code to at least `code`.
 * `file` may be NULL; line and col 0 mean unknown.  Never fails: when
 * memory runs out the diagnostic is counted in `lost` and code becomes
 * BC_EX_SOFTWARE.  Returns `code`, so callers can write
 * `return errors_add(e, BC_EX_DATAERR, ...)`.
 */
int errors_add(bc_errors *e, int code, const char *file, long line, long col,
               const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/*
 * Prints every diagnostic as "benchcov: FILE:LINE:COL: MSG\n" (the place
 * shortened when unknown), then "benchcov: N more errors not shown" when
 * some were dropped, then "benchcov: out of memory (N messages lost)"
 * when memory ran out for some.
 */
void errors_print(const bc_errors *e, FILE *fp);

#endif
