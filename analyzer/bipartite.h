/*
 * bipartite.h - the catalog's bipartite matrices (DESIGN.md section 4),
 * built once from usage and datasets.tasks for every metric to share.
 */
#ifndef BENCHCOV_BIPARTITE_H
#define BENCHCOV_BIPARTITE_H

#include <stddef.h>
#include "catalog.h"
#include "incidence.h"

typedef struct {
    bc_incidence mt;     /* models x tasks: B_MT, a usage row with task t */
    bc_incidence md;     /* models x datasets: B_MD, a usage row with dataset d */
    bc_incidence dt;     /* datasets x tasks: datasets.tasks plus every (d, t) in usage */
    bc_incidence mp;     /* models x pairs: model has a usage row (d, t), both named */
    size_t n_pairs;      /* distinct named (dataset, task) pairs in usage */
    int *pair_dataset;   /* pair p is (pair_dataset[p], pair_task[p]); */
    int *pair_task;      /*   sorted by dataset index, then task index */
    size_t *pair_models; /* models with a usage row for pair p: column degrees of mp */
    bc_incidence tp;     /* tasks x pairs: the pairs of each task, so per-task work
                            reads its own pairs instead of scanning them all */
} bc_bipartite;

/* Prepares an empty structure. Allocates nothing. */
void bipartite_init(bc_bipartite *b);

/* Frees the contents. NULL is fine. */
void bipartite_release(bc_bipartite *b);

/*
 * Builds every matrix from `cat` (any role).  Rows and columns are the
 * catalog's indices.  Returns BC_OK or BC_EX_SOFTWARE (out of memory).
 */
int bipartite_build(bc_bipartite *b, const bc_catalog *cat);

#endif
