/*
 * overlap.h - how comparable two models are: the datasets, tasks and
 * (dataset, task) pairs they share (DESIGN.md section 4), and the
 * `overlap` table (section 3).
 *
 * For models a, b and sets S (datasets, tasks or named pairs):
 * shared = |S(a) n S(b)|, Jaccard = shared / |S(a) u S(b)|, overlap
 * coefficient = shared / min(|S(a)|, |S(b)|); 0 where a denominator is 0.
 *
 * Nothing here stores every pair unless asked to (overlap_compute, for
 * tests and small catalogs).  The writers stream pairs in name order from
 * sparse co-occurrence: for each model a, each of its columns, each other
 * model in that column adds one to a scratch array indexed by model, so
 * memory is O(M + ones) and time O(M^2) only for the all-pairs output.
 * The top lists (most comparable pairs, pairs with shared tasks but no
 * shared pair) work over classes of models with identical rows
 * (rowclass.h): every pair of members of two classes scores the same, so
 * the co-occurrence is counted between classes and only the first pairs
 * of the best classes are expanded.
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

/* Fills *p with what models a and bm share (p->a = a, p->b = bm). O(their row lengths). */
void overlap_pair(const bc_bipartite *b, int a, int bm, bc_overlap_pair *p);

/*
 * Called for each pair in turn; a non-zero return stops the walk and is
 * returned by overlap_each.
 */
typedef int (*overlap_fn)(const bc_overlap_pair *p, void *ctx);

/*
 * Calls fn for every unordered pair of models (model < 0) or every pair
 * involving `model`, in name order: `order` lists the model indices in
 * name order (nameorder_models) and a pair (a, b) has a before b in it.
 * Returns BC_OK, BC_EX_SOFTWARE (OOM) or fn's first non-zero return.
 */
int overlap_each(const bc_bipartite *b, const int *order, int model, overlap_fn fn, void *ctx);

/* Prepares an empty structure. Allocates nothing. */
void overlap_init(bc_overlap *o);

/* Frees the contents. NULL is fine. */
void overlap_release(bc_overlap *o);

/*
 * Stores every unordered pair of models (overlap_each into an array of
 * M (M - 1) / 2 records): for tests and small catalogs only.  `o` must be
 * fresh or released.  Returns BC_OK or BC_EX_SOFTWARE (OOM; `o` is then
 * released).
 */
int overlap_compute(bc_overlap *o, const bc_bipartite *b, const int *order);

typedef struct {
    int model;   /* only pairs involving this model index; -1 = all pairs */
    size_t top;  /* only the first `top` pairs, most comparable first; 0 = all, name order */
    size_t limit; /* without top: at most this many rows (the first in name order); 0 = all */
} bc_overlap_opts;

/* The default options: every pair, in name order. */
#define BC_OVERLAP_OPTS_ALL ((bc_overlap_opts){ -1, 0, 0 })

/*
 * Co-occurrence steps between classes of identical rows (summed squared
 * column degrees of the dataset, task and pair matrices of the classes)
 * up to which the top lists consider every model; above it, when there
 * are more classes, they consider the OVERLAP_CANDIDATES classes with the
 * most (dataset, task) pairs (ties: the class whose first member comes
 * first in the name order), and say so in `candidates`.
 */
#define OVERLAP_WORK_BUDGET 20000000.0
#define OVERLAP_CANDIDATES 2000

/* Which top list overlap_top computes. */
typedef enum {
    OVERLAP_MOST,     /* most comparable: shared_pairs, then jaccard_datasets, descending */
    OVERLAP_UNSHARED  /* pairs with shared tasks but no shared (dataset, task) pair, most
                         shared tasks first */
} bc_overlap_list;

typedef struct {
    bc_overlap_pair *pairs; /* the first n pairs of the list; ties in name order */
    size_t n;
    double total;           /* pairs that qualify for the list (all pairs for MOST) */
    size_t candidates;      /* models considered: every model unless the work budget
                               restricted them (then fewer, see above) */
} bc_overlap_top;

void overlap_top_init(bc_overlap_top *t);
void overlap_top_release(bc_overlap_top *t); /* NULL is fine */

/*
 * The first k pairs of `list` over every unordered pair of models,
 * without enumerating them (see the top of this file).  The result is the
 * same as sorting every pair of candidate models by the list's key, name
 * order breaking ties, and cutting to k: every pair while t->candidates
 * is every model, that is while the work is within OVERLAP_WORK_BUDGET
 * (see above).  Beyond it each listed pair's figures are still its own
 * and `total` counts the qualifying pairs of candidates; a pair's shared
 * (dataset, task) pairs cannot exceed either model's, so the most
 * comparable list is still the list over every pair when its k-th pair
 * shares more (dataset, task) pairs than any model left out has.  `t`
 * must be fresh.  Returns BC_OK or BC_EX_SOFTWARE.
 */
int overlap_top(const bc_bipartite *b, const int *order, bc_overlap_list list, size_t k,
                bc_overlap_top *t);

/*
 * overlap_top with the work budget and the number of candidate classes
 * given: overlap_top passes OVERLAP_WORK_BUDGET and OVERLAP_CANDIDATES;
 * tests pass smaller figures to reach the restriction on catalogs small
 * enough to check by brute force.  Returns as overlap_top.
 */
int overlap_top_budget(const bc_bipartite *b, const int *order, bc_overlap_list list,
                       size_t k, double work_budget, size_t max_classes, bc_overlap_top *t);

/*
 * Writes the pairs `opts` selects with the columns of DESIGN.md section 3:
 * model_a,model_b,shared_datasets,jaccard_datasets,shared_tasks,
 * jaccard_tasks,shared_pairs -- as CSV with a header row, or as a
 * Markdown table with the same columns.  Without `top` the pairs stream
 * in name order; with it they are the most comparable first (shared_pairs,
 * then jaccard_datasets, descending; then name order), cut to `top`.
 * `b` and `order` must come from `cat`.  Returns BC_OK, BC_EX_SOFTWARE
 * (OOM) or BC_EX_IOERR (stream error).
 */
int overlap_write_csv(FILE *fp, const bc_catalog *cat, const bc_bipartite *b,
                      const int *order, bc_overlap_opts opts);
int overlap_write_md(FILE *fp, const bc_catalog *cat, const bc_bipartite *b,
                     const int *order, bc_overlap_opts opts);

/* Writes given pairs (from overlap_top, say) in the format of overlap_write_md. */
int overlap_write_pairs_md(FILE *fp, const bc_catalog *cat, const bc_overlap_pair *pairs,
                           size_t n);

#endif
