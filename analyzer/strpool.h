/*
 * strpool.h - interned strings: each distinct text is stored once and
 * handed out as a stable pointer the pool owns.
 *
 * A catalog's usage rows repeat a handful of texts (the source of a whole
 * file, an empty metric and split) millions of times; holding each once
 * saves a copy and an allocation per row.  Core layer: no catalog types.
 */
#ifndef BENCHCOV_STRPOOL_H
#define BENCHCOV_STRPOOL_H

#include <stddef.h>

typedef struct bc_strpool bc_strpool;

/* A new empty pool, or NULL when memory runs out.  Free it with strpool_free. */
bc_strpool *strpool_new(void);

/* Frees the pool and every string it handed out.  NULL is fine. */
void strpool_free(bc_strpool *p);

/*
 * The pool's copy of `s` (made on first sight), valid until the pool is
 * freed; NULL when memory runs out.  Equal texts give the same pointer.
 */
const char *strpool_intern(bc_strpool *p, const char *s);

/* Distinct strings held. */
size_t strpool_count(const bc_strpool *p);

#endif
