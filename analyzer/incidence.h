/*
 * incidence.h - sparse 0/1 matrices stored by rows, and the three
 * bipartite matrices of a catalog.
 *
 * Metrics work on these plain structures so that tests can build them by
 * hand.  A row holds the ascending, duplicate-free column indices of its
 * ones (compressed sparse rows).
 *
 * Like every module, the functions that can fail return BC_OK (0) or a
 * BC_EX_* code (error.h): here only BC_EX_SOFTWARE, when memory runs out.
 */
#ifndef BENCHCOV_INCIDENCE_H
#define BENCHCOV_INCIDENCE_H

#include <stddef.h>


typedef struct {
    size_t nrows, ncols;
    size_t *rowptr;   /* nrows + 1 offsets into col */
    int *col;         /* column indices, ascending within each row */
} bc_incidence;

/* Row r's ones are col[rowptr[r]] .. col[rowptr[r+1]-1]. */
#define INC_DEG(m, r) ((m)->rowptr[(r) + 1] - (m)->rowptr[(r)])

/* Prepares an empty 0 x 0 matrix. Allocates nothing. */
void incidence_init(bc_incidence *m);

/* Frees the matrix contents; it is 0 x 0 afterwards. NULL is fine. */
void incidence_release(bc_incidence *m);

/*
 * Builds an nrows x ncols matrix from n (row, col) pairs; duplicates are
 * merged, pairs outside the bounds are a programming error (asserted).
 * `m` must be fresh or released.  Returns BC_OK, or BC_EX_SOFTWARE when
 * memory runs out.
 */
int incidence_from_pairs(bc_incidence *m, size_t nrows, size_t ncols,
                         const int *rows, const int *cols, size_t n);

/*
 * Sorts column indices a[0..n) ascending: nothing to do when they already
 * are (pairs given in order), insertion sort when short (most rows of a
 * catalog are), qsort otherwise.
 */
void incidence_sort_row(int *a, size_t n);

/* Writes the transpose into `out` (fresh or released). Returns BC_OK or BC_EX_SOFTWARE (OOM). */
int incidence_transpose(const bc_incidence *m, bc_incidence *out);

/* Number of ones. */
size_t incidence_ones(const bc_incidence *m);

/* 1 when (r, c) is a one (binary search in row r). */
int incidence_get(const bc_incidence *m, size_t r, int c);

#endif
