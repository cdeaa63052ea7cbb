/*
 * csvscan.h - the CSV byte scanner under every catalog file: the only
 * module that includes <csv.h>.
 *
 * It walks every byte once: strips one leading UTF-8 BOM, names a UTF-16
 * file as such, validates UTF-8, rejects NUL bytes and CR-only line ends,
 * counts lines and code-point columns, enforces BC_FIELD_MAX, and feeds
 * libcsv (strict mode) so that every field carries the line and column
 * where it started.  Whole rows go to a callback; a row the scanner had
 * to reject is still announced (bad = 1) so the caller can quiet the
 * errors that would follow from its absence.  A parse error resynchronises
 * at the next line feed; a quote left open runs to the end of the file,
 * and the scanner says so.
 */
#ifndef BENCHCOV_CSVSCAN_H
#define BENCHCOV_CSVSCAN_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"

/*
 * The longest field, in bytes, that the scanner accepts.  Longer fields
 * are rejected as soon as they pass the cap, so memory stays bounded
 * whatever the input.
 */
#define BC_FIELD_MAX 65536

/* The most fields of a row that are kept (the rest are only counted). */
#define BC_MAX_COLUMNS 256

typedef struct {
    char *text;        /* the field's bytes, NUL-terminated; owned, reused between rows */
    size_t cap;        /* bytes allocated for text */
    long line, col;    /* where the field starts (1-based, code points) */
} bc_csvfield;

typedef struct bc_csvscan bc_csvscan;

/*
 * Called once per row.  bad = 0: a complete row, fields[0..min(n_fields,
 * BC_MAX_COLUMNS)) hold its text.  bad = 1: the scanner rejected the row
 * (an error is already in errs); the fields seen so far are there.  The
 * header (the first row) is never announced as bad: a bad header stops
 * the file.
 */
typedef void (*bc_csvrow_fn)(bc_csvscan *s, void *user, int bad);

struct bc_csvscan {
    /* set by csvscan_init */
    bc_errors *errs;
    const char *path;            /* for messages */
    bc_csvrow_fn on_row;
    void *user;

    /* read by the callback */
    bc_csvfield *fields;         /* the first BC_MAX_COLUMNS fields of the row */
    size_t n_fields;             /* fields in the row, possibly more than kept */
    size_t rows;                 /* rows announced so far, this one included */

    /* shared with the callback: the file's outcome */
    int rc;                      /* worst code this file produced */
    size_t n_errors;             /* diagnostics this file produced */
    int oom;                     /* memory ran out: stop everything */
    int stop;                    /* the rest of the file is ignored */
    int header_done;             /* the first row was announced */
    long last_line;              /* the line the scan ended on */

    struct bc_csvstate *st;      /* private: libcsv and the byte position */
};

/* Prepares a scanner.  Allocates nothing. */
void csvscan_init(bc_csvscan *s, const char *path, bc_errors *errs, bc_csvrow_fn on_row,
                  void *user);

/*
 * Scans the whole of `fp` (when not NULL) or of data[0..len).  Returns the
 * worst code of the file: BC_OK, BC_EX_DATAERR, BC_EX_IOERR (read error)
 * or BC_EX_SOFTWARE (out of memory).  Frees everything it allocated
 * before returning.
 */
int csvscan_run(bc_csvscan *s, FILE *fp, const char *data, size_t len);

/* Reports a diagnostic of this file and raises s->rc. */
void csvscan_error(bc_csvscan *s, int code, long line, long col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Reports that memory ran out (once) and stops the file. */
void csvscan_oom(bc_csvscan *s);

/*
 * Copies at most ~100 bytes of `s` into buf for a message, control
 * characters as '?', a cut marked with "...".  Returns buf.
 */
const char *csvscan_shown(const char *s, char buf[128]);

#endif
