/*
 * concentration.h - how unevenly a task's evaluation is spread over its
 * datasets (DESIGN.md section 4).
 *
 * For task t, x_d is the number of models that used dataset d for t
 * (named datasets only: the models-by-pair column degrees of the mp
 * matrix).  The figures follow Koch et al. 2021, "Reduced, reused and
 * recycled: the life of a dataset in machine learning research":
 *
 *   Gini      = sum_i sum_j |x_i - x_j| / (2 n^2 mean(x))
 *   HHI       = sum_d (x_d / sum x)^2     (Herfindahl-Hirschman index)
 *   effective = 1 / HHI                   (the "number of equal datasets")
 *   top_share = max x_d / sum x
 *
 * With n = 0 (no dataset used for the task) or sum x = 0 every figure is 0:
 * no evaluation means no concentration to speak of, and 0 keeps tables
 * and charts free of NaN.
 */
#ifndef BENCHCOV_CONCENTRATION_H
#define BENCHCOV_CONCENTRATION_H

#include <stddef.h>
#include "bipartite.h"

typedef struct {
    size_t n;          /* datasets used for the task */
    double total;      /* sum of x: (model, dataset) uses for the task */
    double gini;       /* 0 = even, -> 1 = one dataset carries it all */
    double hhi;        /* 1/n .. 1 */
    double effective;  /* 1 / hhi */
    double top_share;  /* share of the most used dataset, 0..1 */
} bc_concentration;

/*
 * Gini of x[0..n) by sorting a copy, O(n log n): with x sorted ascending
 * and i counted from 1, G = sum_i (2i - n - 1) x_(i) / (n sum x), which
 * equals the double sum above.  Values must be >= 0.  Returns the Gini,
 * 0 when n = 0 or sum x = 0, or -1 when memory runs out.
 */
double concentration_gini(const double *x, size_t n);

/*
 * Fills *out from x[0..n) (values >= 0).  Returns BC_OK, or
 * BC_EX_SOFTWARE when memory runs out (*out is then all 0).
 */
int concentration_of(const double *x, size_t n, bc_concentration *out);

/*
 * The counts x_d of `task` (0 <= task < b->mt.ncols) in a new array of
 * *n values (ordered by dataset index), or NULL with *n = 0 when the task
 * has no named dataset or memory runs out (*n is then (size_t)-1).
 * Reads only the task's own pairs (b->tp).  The caller frees the array
 * with free().
 */
double *concentration_task_counts(const bc_bipartite *b, int task, size_t *n);

/*
 * Fills *out for `task`, as concentration_of on its counts.  Returns
 * BC_OK or BC_EX_SOFTWARE.
 */
int concentration_task(const bc_bipartite *b, int task, bc_concentration *out);

/*
 * The Lorenz curve of x[0..n): n + 1 points, (0, 0) then
 * (i / n, share of sum x held by the i smallest values), sorted ascending.
 * When sum x = 0 the curve is the line of equality (y = i / n).  Writes
 * new arrays to *px and *py (the caller frees both) and their length to
 * *npts.  Returns BC_OK or BC_EX_SOFTWARE (nothing allocated then).
 */
int concentration_lorenz(const double *x, size_t n, double **px, double **py, size_t *npts);

#endif
