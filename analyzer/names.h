/*
 * names.h - interned names with aliases, and "did you mean" suggestions.
 *
 * Names match exactly or through aliases, ASCII case-insensitively, with
 * runs of white space folded to one space and leading and trailing white
 * space ignored.  Each key maps to one entry id; a key claimed by two
 * entries is refused so the loader can report it.
 */
#ifndef BENCHCOV_NAMES_H
#define BENCHCOV_NAMES_H

#include <stddef.h>

#include "error.h"

typedef struct bc_names bc_names;

/* Returns a new empty table, or NULL when memory runs out. Free with names_free. */
bc_names *names_new(void);

/* Frees the table and its keys. NULL is fine. */
void names_free(bc_names *t);

/*
 * Folds `name` into its key: ASCII letters lowered, white space runs to one
 * space, ends trimmed.  Returns a string the caller frees, or NULL on OOM.
 */
char *names_fold(const char *name);

/*
 * Claims `name` (a display name or an alias) for entry `id` (>= 0).
 * Returns BC_OK when claimed, BC_EX_DATAERR when an entry (maybe `id`
 * itself; names_find tells which) already holds the same key, and
 * BC_EX_SOFTWARE when memory runs out (error.h codes, as everywhere).
 * `canonical` marks the display name, used by names_suggest.
 */
int names_add(bc_names *t, const char *name, int id, int canonical);

/* The id that `name` denotes, or -1. */
int names_find(const bc_names *t, const char *name);

/*
 * The canonical name (as first given) closest to `name` by edit distance
 * of folded keys, when that distance is small for the length (at most
 * max(1, len/3)); NULL otherwise.  Valid until the table is freed.
 */
const char *names_suggest(const bc_names *t, const char *name);

/*
 * Levenshtein distance in code points between `a` and `b` as written (no
 * folding), or limit + 1 when it is larger than `limit`.  Strings of up
 * to 128 bytes allocate nothing; longer ones count as distant when memory
 * runs out.
 */
size_t names_distance(const char *a, const char *b, size_t limit);

#endif
