/*
 * robustness.h - how fast the models lose all their data when datasets
 * are withdrawn (Burgos et al. 2007, "Why nestedness in mutualistic
 * networks?", J. Theor. Biol. 249: the attack tolerance curve and the
 * area under it).
 *
 * Datasets are removed one at a time; after k removals (k = 0..D) the
 * curve is y(k) = the share of models that still have at least one
 * dataset, at x = k / D.  Robustness is the area under y over x in
 * [0, 1] by the trapezoid rule.
 *
 * The denominator is every model of the catalog: a model with no named
 * dataset at all counts as lost from the start, so y(0) is the share of
 * models with some dataset (1 when every model has one).  This keeps one
 * meaning for "share of models" across the report.  With no model the
 * curve is all 0; with no dataset (D = 0) the curve is the single point
 * y(0) and the area is 0.
 *
 * Two removal orders: most used first (by number of models, descending;
 * ties by dataset name, byte order) and random (the mean curve of N
 * shuffles from one seeded generator, rng.h).
 */
#ifndef BENCHCOV_ROBUSTNESS_H
#define BENCHCOV_ROBUSTNESS_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "incidence.h"

typedef struct {
    size_t n_datasets;    /* D; each curve has D + 1 points */
    double *most_used;    /* y(k), most used dataset removed first */
    double *random;       /* mean y(k) over `runs` random orders */
    double area_most_used; /* the metric robustness_models */
    double area_random;
    size_t runs;
    uint64_t seed;
} bc_robustness;

/* Prepares an empty structure. Allocates nothing. */
void robustness_init(bc_robustness *r);

/* Frees the contents. NULL is fine. */
void robustness_release(bc_robustness *r);

/*
 * The curve y[0..D] for removing the datasets in `removal` (a permutation
 * of 0..D-1) from `md` (models x datasets).  `y` holds D + 1 values.
 * Returns BC_OK or BC_EX_SOFTWARE (OOM).  O(ones of md + M + D).
 */
int robustness_curve(const bc_incidence *md, const int *removal, double *y);

/*
 * Area under y[0..n) at x = k / (n - 1) by the trapezoid rule; 0 when
 * n < 2.
 */
double robustness_area(const double *y, size_t n);

/*
 * The most-used-first order: a new array of the D dataset indices of
 * `md`, by model count descending, ties by their position in
 * `name_order` (nameorder_datasets).  NULL on OOM; free() it.
 */
int *robustness_most_used_order(const bc_incidence *md, const int *name_order);

/* Fewest random orders averaged when the work budget is short. */
#define ROBUSTNESS_MIN_RUNS 10
/* Work budget of the random curve, in elementary steps (ones + models + datasets per run). */
#define ROBUSTNESS_WORK 200000000.0

/*
 * Random orders to average for `md`: n_max while n_max runs fit in
 * ROBUSTNESS_WORK (every catalog up to about a million usage facts),
 * otherwise as many as fit, at least ROBUSTNESS_MIN_RUNS.
 */
size_t robustness_runs_for(const bc_incidence *md, size_t n_max);

/*
 * Both curves and areas for `md`.  `name_order` lists dataset indices in
 * name order (ties of the most-used order and the starting array that
 * each random run shuffles); `runs` random orders drawn from one
 * generator seeded with `seed` (runs = 0 leaves `random` all 0 and
 * area_random 0).  `r` must be fresh or released.
 * Returns BC_OK or BC_EX_SOFTWARE (OOM; `r` is then released).
 */
int robustness_compute(bc_robustness *r, const bc_incidence *md, const int *name_order,
                       uint64_t seed, size_t runs);

#endif
