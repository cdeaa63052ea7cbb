/*
 * nested.h - nestedness of a 0/1 matrix (NODF) and its significance
 * against fixed-row-and-column-sum null matrices (curveball).
 *
 * NODF follows Almeida-Neto, Guimaraes, Guimaraes, Loyola and Ulrich,
 * "A consistent metric for nestedness analysis in ecological systems",
 * Oikos 117 (2008) 1227-1239, exactly as vegan's nestednodf() computes it
 * (binary, order = TRUE): for every pair of rows i, j with
 * deg_i > deg_j > 0 the pair scores 100 * shared(i, j) / deg_j; pairs of
 * equal degree score 0; the same for columns; and
 *
 *     NODF = (row scores + column scores) / (R(R-1)/2 + C(C-1)/2)
 *     rows = row scores / (R(R-1)/2),   cols = column scores / (C(C-1)/2)
 *
 * each in 0..100.  Unlike vegan, empty rows and columns are dropped first
 * (as bipartite's networklevel does), so R and C count the non-empty ones
 * only.  A part whose denominator is 0 (fewer than two non-empty rows or
 * columns) is 0.
 *
 * The null model is the curveball algorithm of Strona, Nappo, Boccacci,
 * Fattorini and San-Miguel-Ayanz, "A fast and unbiased procedure to
 * randomize ecological binary matrices with fixed row and column totals",
 * Nature Communications 5 (2014) 4114.
 *
 * Everything works on sparse rows (bc_incidence); no dense matrix is built.
 */
#ifndef BENCHCOV_NESTED_H
#define BENCHCOV_NESTED_H

#include <stddef.h>
#include <stdint.h>
#include "incidence.h"
#include "rng.h"

typedef struct {
    double nodf;  /* NODF total, 0..100 */
    double rows;  /* the row part ("N.rows" in vegan), 0..100 */
    double cols;  /* the column part ("N.columns" in vegan), 0..100 */
    size_t nrows; /* R: non-empty rows kept */
    size_t ncols; /* C: non-empty columns kept */
} bc_nodf;

typedef struct {
    double mean;    /* mean NODF total over the randomised matrices */
    double sd;      /* their sample standard deviation (n - 1 divisor) */
    double z;       /* (observed - mean) / sd; 0 when sd is 0, see below */
    unsigned n;     /* randomised matrices drawn */
    size_t trades;  /* curveball trades between two drawn matrices */
} bc_nodf_null;

/*
 * NODF of `m` (see above) into *out.
 *
 * Cost: no pair of rows is visited.  The row part is regrouped by the
 * smaller row j of each pair and its columns c: the rows of c with a
 * larger degree than j, counted from each column's rows listed by
 * decreasing degree (a counting sort by degree, no comparison sort).
 * Time O(E + R + C + max degree), memory O(R + C + E); the columns are
 * done the same way on the transpose.
 *
 * Returns BC_OK, or BC_EX_SOFTWARE when memory runs out (*out untouched).
 */
int nested_nodf(const bc_incidence *m, bc_nodf *out);

/*
 * The "nested order" used for display: row_order[k] is the row shown at
 * position k, rows by decreasing degree, ties by increasing index (empty
 * rows last); col_order the same for columns.  Arrays hold m->nrows and
 * m->ncols entries; either may be NULL to skip it.  O(R + C + E).
 * Returns BC_OK, or BC_EX_SOFTWARE when memory runs out.
 */
int nested_order(const bc_incidence *m, int *row_order, int *col_order);

/*
 * Applies `trades` curveball trades to `m` in place: each trade draws two
 * distinct non-empty rows a and b, pools the columns that only one of them
 * has, shuffles the pool and deals back as many to a as a had, the rest
 * to b.  Row sums (so m->rowptr) and column sums never change, rows stay
 * sorted.  Nothing happens with fewer than two non-empty rows.
 * Returns BC_OK, or BC_EX_SOFTWARE when memory runs out (before any
 * trade, so m is unchanged).
 */
int nested_curveball(bc_incidence *m, size_t trades, bc_rng *rng);

/*
 * Significance of NODF against `n_null` curveball null matrices with the
 * same row and column sums, seeded by `seed` (same seed, same answer on
 * every platform).  The null matrices form one chain started at `m`:
 * each is the previous one after 5 x (non-empty rows) trades.  Fills
 * *obs (may be NULL) with nested_nodf(m) and *out with the mean and sample
 * standard deviation of the null NODF totals and
 * z = (obs - mean) / sd.  When sd is below 1e-9 -- every null matrix
 * scores the same, as when m is the only matrix with its margins (a
 * perfectly nested matrix is), or n_null < 2 -- z is 0: the observation
 * is not unusual for its margins.  n_null = 0 gives mean = obs, sd = 0,
 * z = 0.  Cost: n_null x (trades + one nested_nodf).
 * Returns BC_OK, or BC_EX_SOFTWARE when memory runs out.
 */
int nested_nodf_z(const bc_incidence *m, unsigned n_null, uint64_t seed,
                  bc_nodf *obs, bc_nodf_null *out);

/*
 * As nested_nodf_z with `trades` curveball trades between two drawn
 * matrices instead of 5 x (non-empty rows).
 */
int nested_nodf_z_sized(const bc_incidence *m, unsigned n_null, size_t trades, uint64_t seed,
                        bc_nodf *obs, bc_nodf_null *out);

/* Fewest null matrices drawn when the work budget is short. */
#define NESTED_NULL_MIN 10
/*
 * Work budget of one null model, in elementary steps: a null matrix costs
 * about 2 x (mean non-empty row degree) per trade plus 4 E for its NODF.
 */
#define NESTED_NULL_WORK 6000000.0

/*
 * The null model's size for `m` under the work budget: up to n_max
 * matrices of 5 x (non-empty rows) trades each (the shipped catalog and
 * any catalog up to a few hundred models keep n_max); when that exceeds
 * NESTED_NULL_WORK, fewer matrices (not below NESTED_NULL_MIN), then
 * fewer trades per matrix (not below half the number of non-empty rows).
 */
void nested_null_size(const bc_incidence *m, unsigned n_max, unsigned *n, size_t *trades);

#endif
