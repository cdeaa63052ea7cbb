/*
 * overlap.h - how comparable two models are: the datasets, tasks and
 * (dataset, task) pairs they share (DESIGN.md section 4), and the
 * `overlap` table (section 3).
 *
 * For models a, b and sets S (datasets, tasks or named pairs):
 * shared = |S(a) n S(b)|, Jaccard = shared / |S(a) u S(b)|, overlap
 * coefficient = shared / min(|S(a)|, |S(b)|); 0 where a denominator is 0.
 *
 * The counts come from sparse co-occurrence: for each model a, each of
 * its columns, each other model in that column adds one to a scratch
 * array indexed by model.  Memory beyond the output is O(M + ones); time
 * is O(M^2) for the output plus the co-occurrences.
 */
#ifndef BENCHCOV_OVERLAP_H
#define BENCHCOV_OVERLAP_H

#include <stdio.h>
#include "bipartite.h"
#include "catalog.h"

typedef struct {
    int a, b;                  /* model indices; a comes first in the name order */
    size_t shared_datasets, shared_tasks, shared_pairs;
    double jaccard_datasets, jaccard_tasks, jaccard_pairs;
    double overlap_datasets, overlap_tasks, overlap_pairs; /* overlap coefficients */
} bc_overlap_pair;

typedef struct {
    bc_overlap_pair *pairs; /* every unordered pair, by (rank a, rank b) in name order */
    size_t n;               /* M (M - 1) / 2 */
    size_t n_models;
} bc_overlap;

/* Prepares an empty structure. Allocates nothing. */
void overlap_init(bc_overlap *o);

/* Frees the contents. NULL is fine. */
void overlap_release(bc_overlap *o);

/*
 * Computes every unordered pair of models from b->md, b->mt and b->mp.
 * `order` lists the M model indices in the order pairs are named in
 * (nameorder_models: byte order of names); a pair (a, b) has a before b
 * in it.  `o` must be fresh or released.  Returns BC_OK or BC_EX_SOFTWARE
 * (OOM; `o` is then released).
 */
int overlap_compute(bc_overlap *o, const bc_bipartite *b, const int *order);

typedef struct {
    int model;   /* only pairs involving this model index; -1 = all pairs */
    size_t top;  /* only the first `top` pairs, most comparable first; 0 = all, name order */
} bc_overlap_opts;

/* The default options: every pair, in name order. */
#define BC_OVERLAP_OPTS_ALL ((bc_overlap_opts){ -1, 0 })

/*
 * The pairs the options select, as a new array of pointers into `o`
 * (the caller frees the array with free(); the pairs stay `o`'s).
 * Without `top` the pairs keep name order; with it they are sorted by
 * shared_pairs descending, then jaccard_datasets descending, then names,
 * and cut to `top`.  Returns BC_OK or BC_EX_SOFTWARE; *out is NULL and
 * *n 0 on failure.
 */
int overlap_select(const bc_overlap *o, bc_overlap_opts opts, const bc_overlap_pair ***out,
                   size_t *n);

/*
 * Writes the selected pairs with the columns of DESIGN.md section 3:
 * model_a,model_b,shared_datasets,jaccard_datasets,shared_tasks,
 * jaccard_tasks,shared_pairs -- as CSV with a header row, or as a
 * Markdown table with the same columns.  `o` must come from `cat`.
 * Returns BC_OK, BC_EX_SOFTWARE (OOM) or BC_EX_IOERR (stream error).
 */
int overlap_write_csv(FILE *fp, const bc_catalog *cat, const bc_overlap *o,
                      bc_overlap_opts opts);
int overlap_write_md(FILE *fp, const bc_catalog *cat, const bc_overlap *o,
                     bc_overlap_opts opts);

#endif
