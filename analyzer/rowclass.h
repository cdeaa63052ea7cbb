/*
 * rowclass.h - rows grouped into classes of identical rows across one or
 * more sparse matrices with the same rows (models with the same datasets,
 * tasks and pairs, say).
 *
 * Real leaderboards have few distinct rows: thousands of models run the
 * same suite.  Figures over pairs of rows (shared counts, Jaccard, "pairs
 * that share nothing") then depend only on the pair of classes, so they
 * can be computed over classes and multiplied by class sizes instead of
 * enumerating every pair of rows.
 */
#ifndef BENCHCOV_ROWCLASS_H
#define BENCHCOV_ROWCLASS_H

#include <stddef.h>
#include "incidence.h"

typedef struct {
    size_t n;        /* classes */
    size_t nrows;    /* rows classified */
    int *of;         /* per row: its class */
    size_t *start;   /* n + 1 offsets: class c is members[start[c] .. start[c + 1]) */
    int *members;    /* rows grouped by class; within a class, and across classes by their
                        first member, in the order given to rowclass_build */
} bc_rowclass;

#define ROWCLASS_SIZE(k, c) ((k)->start[(c) + 1] - (k)->start[(c)])

/* Prepares an empty classification. Allocates nothing. */
void rowclass_init(bc_rowclass *k);

/* Frees the contents. NULL is fine. */
void rowclass_release(bc_rowclass *k);

/*
 * Classifies the rows of mats[0..n_mats-1] (all with the same nrows, at
 * least one matrix): two rows share a class when they are identical in
 * every matrix.  `order` lists the rows in the order classes and members
 * are numbered in (a permutation of 0..nrows-1).  O(ones + R) expected.
 * Returns BC_OK or BC_EX_SOFTWARE (out of memory; `k` is then released).
 */
int rowclass_build(bc_rowclass *k, const bc_incidence *const *mats, size_t n_mats,
                   const int *order);

/*
 * The classes x columns matrix of `m`: row c is the row of class c's
 * first member.  `out` must be fresh.  Returns BC_OK or BC_EX_SOFTWARE
 * (out of memory).
 */
int rowclass_matrix(const bc_rowclass *k, const bc_incidence *m, bc_incidence *out);

#endif
