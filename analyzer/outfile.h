/*
 * outfile.h - atomic output files.
 *
 * Every output goes to a temporary file in its destination directory and
 * is renamed into place only when all of it was written.  An outset
 * groups the files of one run (the report): none is renamed until every
 * one was written, so a failing run leaves the previous outputs
 * byte-identical and no temporary behind.
 */
#ifndef BENCHCOV_OUTFILE_H
#define BENCHCOV_OUTFILE_H

#include <stdio.h>
#include <stddef.h>
#include "error.h"

typedef struct {
    char *dest;   /* final path */
    char *tmp;    /* temporary path beside it */
    FILE *fp;     /* open on tmp while writing; NULL once closed */
} bc_outfile;

typedef struct {
    bc_outfile *files;
    size_t n, cap;
} bc_outset;

/* Prepares an empty set. Allocates nothing. */
void outset_init(bc_outset *s);

/*
 * Creates a temporary for `dest` (the directory must exist) and returns
 * its stream in *fp.  Returns BC_OK, or BC_EX_CANTCREAT with a message in
 * errs.  The stream belongs to the set: do not fclose it.
 */
int outset_open(bc_outset *s, const char *dest, FILE **fp, bc_errors *errs);

/*
 * Flushes, checks and closes every stream, then renames every temporary
 * into place.  Returns BC_OK, or BC_EX_IOERR (a write failed: nothing was
 * renamed, temporaries removed) or BC_EX_CANTCREAT (a rename failed).
 * The set is empty afterwards.
 */
int outset_commit(bc_outset *s, bc_errors *errs);

/* Closes and removes every temporary; the set is empty. NULL is fine. */
void outset_abort(bc_outset *s);

/*
 * Creates directory `path` (and its parents) when missing.  Returns BC_OK
 * or BC_EX_CANTCREAT with a message in errs.
 */
int outfile_mkdirs(const char *path, bc_errors *errs);

/*
 * Flushes and checks a stream the caller did not open (stdout): returns
 * BC_OK, or BC_EX_IOERR with a message naming `what` in errs.
 */
int outfile_check_stream(FILE *fp, const char *what, bc_errors *errs);

#endif
