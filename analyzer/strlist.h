/*
 * strlist.h - a list of owned strings, and the one list splitter that the
 * catalog (`;` lists inside a field) and the command line (`ASR,ST`
 * options) share.
 */
#ifndef BENCHCOV_STRLIST_H
#define BENCHCOV_STRLIST_H

#include <stddef.h>

typedef struct {
    char **items; /* owned strings, in the order given */
    size_t n;
} bc_strlist;

/* Frees every item; the list is empty afterwards.  NULL is fine. */
void strlist_release(bc_strlist *l);

/*
 * Splits `s` at every byte found in `seps` into items with spaces and tabs
 * around them removed; empty items are dropped.  `out` is overwritten (it
 * needs no release before).  Returns 0, or -1 when memory runs out (then
 * `out` is empty).
 */
int strlist_split(const char *s, const char *seps, bc_strlist *out);

/* Appends a copy of `s`.  Returns 0, or -1 when memory runs out. */
int strlist_push(bc_strlist *l, const char *s);

#endif
