/*
 * comparability.h - the comparability graph of DESIGN.md section 4:
 * models are joined when they share a named (dataset, task) pair,
 * whatever the role.  Components come from union-find over the columns
 * of the models x pairs matrix (each pair joins every model in it), so
 * no graph library and no M x M matrix are needed.
 */
#ifndef BENCHCOV_COMPARABILITY_H
#define BENCHCOV_COMPARABILITY_H

#include <stddef.h>
#include <stdint.h>
#include "error.h"
#include "incidence.h"

typedef struct {
    size_t n_models;
    size_t components;           /* connected components with >= 2 models */
    size_t isolated;             /* models with no partner (alone in their component) */
    double pairs_without_shared; /* share (0..1) of unordered model pairs that share no
                                    named pair; 0 when M < 2 (no pair at all) */
    size_t pairs_sampled;        /* 0 when that share is exact; otherwise the number of
                                    seeded random model pairs it was estimated from */
    int *component;              /* per model index: its component 0..components-1,
                                    numbered in the name order of each component's first
                                    member; -1 when isolated */
    int *isolated_models;        /* the `isolated` model indices, in name order */
} bc_comparability;

/* Prepares an empty structure. Allocates nothing. */
void comparability_init(bc_comparability *c);

/* Frees the contents. NULL is fine. */
void comparability_release(bc_comparability *c);

/*
 * Co-occurrence steps (summed squared column degrees over classes of
 * identical rows) up to which pairs_without_shared is counted exactly;
 * above it, it is estimated from COMPARABILITY_SAMPLE random model pairs.
 */
#define COMPARABILITY_WORK_BUDGET 100000000.0
#define COMPARABILITY_SAMPLE 1000000

/*
 * Computes the figures from `mp` (models x pairs, bipartite.h) with
 * `order` the model indices in name order (nameorder_models).  `c` must
 * be fresh or released.  Returns BC_OK or BC_EX_SOFTWARE (OOM; `c` is
 * then released).
 *
 * No pair of models is stored.  Components come from union-find over the
 * pair columns, O(ones).  The pairs sharing something are counted over
 * classes of models with identical rows (rowclass.h): two classes that
 * co-occur in a column contribute the product of their sizes, a class of
 * s models with a non-empty row s (s - 1) / 2.  When that co-occurrence
 * work exceeds COMPARABILITY_WORK_BUDGET, the share is instead estimated
 * from COMPARABILITY_SAMPLE model pairs drawn with `seed` (pairs_sampled
 * says so; standard error at most 0.0005).
 */
int comparability_compute(bc_comparability *c, const bc_incidence *mp, const int *order,
                          uint64_t seed);

/*
 * comparability_compute with the budget and the sample size given:
 * pairs_without_shared is counted exactly while the co-occurrence work
 * is at most `work_budget` steps, otherwise estimated from `sample` (at
 * least 1) model pairs drawn with `seed`.  comparability_compute passes
 * COMPARABILITY_WORK_BUDGET and COMPARABILITY_SAMPLE; tests pass smaller
 * figures to reach the estimate on matrices small enough to check by
 * brute force.  Returns as comparability_compute.
 */
int comparability_compute_budget(bc_comparability *c, const bc_incidence *mp,
                                 const int *order, uint64_t seed, double work_budget,
                                 size_t sample);

#endif
