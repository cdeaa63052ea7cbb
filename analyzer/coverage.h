/*
 * coverage.h - who covers what: per task, per model and per dataset
 * counts, connectance, and the `coverage --by task|model|dataset`
 * tables (DESIGN.md sections 3 and 4).
 *
 * Everything is computed from the bipartite matrices (bipartite.h), in
 * O(usage rows) plus the per-task concentration sorts.
 *
 * Which datasets count for a task: `datasets` (the CSV column) counts the
 * distinct named datasets that some usage row pairs with the task, i.e.
 * the datasets actually used for it.  `available` counts the datasets
 * that could serve it: datasets.tasks lists it or usage pairs it with it
 * (the dt matrix).  The gap between the two is where gap fillers come from.
 */
#ifndef BENCHCOV_COVERAGE_H
#define BENCHCOV_COVERAGE_H

#include <stdio.h>
#include "bipartite.h"
#include "catalog.h"

typedef enum {
    BC_COV_UNCOVERED = 0, /* c(t) = 0 */
    BC_COV_THIN = 1,      /* 0 < c(t) < thin */
    BC_COV_COVERED = 2    /* c(t) >= thin */
} bc_cov_status;

/*
 * The thin rule, the one place it is written: a task covered by `models`
 * models is uncovered at 0, thin below `thin` (when thin > 0), covered
 * otherwise.
 */
bc_cov_status coverage_status_of(size_t models, int thin);

/* "uncovered", "thin" or "covered". */
const char *coverage_status_name(bc_cov_status s);

typedef struct {
    size_t models;        /* c(t): models with a usage row for the task */
    size_t datasets;      /* distinct named datasets used for the task in usage */
    size_t available;     /* datasets that datasets.tasks or usage say serve it */
    double share;         /* models / all models, 0..1 (0 when no model) */
    double gini;          /* concentration of dataset use, see concentration.h */
    bc_cov_status status;
} bc_task_cov;

typedef struct {
    size_t tasks;         /* distinct tasks with a usage row */
    size_t datasets;      /* distinct named datasets with a usage row */
    double task_share;    /* tasks / T, 0..1 (0 when T = 0) */
} bc_model_cov;

typedef struct {
    size_t models;        /* distinct models that used it, any role */
    size_t tasks;         /* distinct tasks it serves (the dt matrix) */
} bc_dataset_cov;

typedef struct {
    size_t n_tasks, n_models, n_datasets;
    bc_task_cov *tasks;       /* by catalog index */
    bc_model_cov *models;     /* by catalog index */
    bc_dataset_cov *datasets; /* by catalog index */
    double mean_task_coverage;        /* mean task_share over models; 0 when M = 0 */
    double connectance_model_task;    /* ones / (M * T); 0 when M * T = 0 */
    double connectance_model_dataset; /* ones / (M * D); 0 when M * D = 0 */
    int thin;                         /* the threshold the statuses used */
} bc_coverage;

typedef enum { BC_COV_BY_TASK = 0, BC_COV_BY_MODEL, BC_COV_BY_DATASET } bc_coverage_by;

/* Prepares an empty structure. Allocates nothing. */
void coverage_init(bc_coverage *c);

/* Frees the contents. NULL is fine. */
void coverage_release(bc_coverage *c);

/*
 * Computes every figure from `b` (built by bipartite_build) with the thin
 * threshold `thin` (>= 1 makes sense; DESIGN.md's default is 2).
 * `c` must be fresh or released.  Returns BC_OK or BC_EX_SOFTWARE (OOM;
 * `c` is then released).
 */
int coverage_compute(bc_coverage *c, const bc_bipartite *b, int thin);

/*
 * Writes the `coverage --by BY` table of DESIGN.md section 3 as CSV
 * (header row, then tasks by code, models or datasets by name, byte
 * order), or as a Markdown table with the same columns.  `c` must have
 * been computed from `cat`.  Returns BC_OK, BC_EX_SOFTWARE (OOM) or
 * BC_EX_IOERR when the stream reports an error.
 */
int coverage_write_csv(FILE *fp, const bc_catalog *cat, const bc_coverage *c,
                       bc_coverage_by by);
int coverage_write_md(FILE *fp, const bc_catalog *cat, const bc_coverage *c,
                      bc_coverage_by by);

/* As coverage_write_md, only the first `limit` rows (0 = all). */
int coverage_write_md_first(FILE *fp, const bc_catalog *cat, const bc_coverage *c,
                            bc_coverage_by by, size_t limit);

#endif
