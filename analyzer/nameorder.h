/*
 * nameorder.h - the total orders that writers list catalog entries in:
 * models and datasets by name, tasks by code, in byte order (strcmp),
 * ties (impossible in a valid catalog) broken by index.
 */
#ifndef BENCHCOV_NAMEORDER_H
#define BENCHCOV_NAMEORDER_H

#include "catalog.h"

/*
 * A new array of the n_models (n_datasets, n_tasks) indices in that
 * order, or NULL when memory runs out (or, harmlessly, a 1-slot array
 * when the catalog has none).  The caller frees it with free().
 */
int *nameorder_models(const bc_catalog *cat);
int *nameorder_datasets(const bc_catalog *cat);
int *nameorder_tasks(const bc_catalog *cat);

/*
 * The inverse of an order: rank[order[k]] = k, a new array of n ints or
 * NULL on OOM.  The caller frees it.
 */
int *nameorder_rank(const int *order, size_t n);

#endif
