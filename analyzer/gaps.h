/*
 * gaps.h - where the catalog has holes: cross-tabulations of task by
 * encoder family and task by fusion with the cells no model fills, and
 * for each uncovered or thin task the datasets that could fill it
 * (DESIGN.md section 6, the report's Gaps section).
 *
 * A cell (task t, group g) counts the models of group g with a usage row
 * for t (the mt matrix).  Columns are only the groups that occur in the
 * catalog's models (an empty encoder_family or an unknown fusion is no
 * group); rows are every task of tasks.csv.  Gap fillers of task t are the
 * datasets whose datasets.tasks lists t, in name order.
 */
#ifndef BENCHCOV_GAPS_H
#define BENCHCOV_GAPS_H

#include <stdio.h>
#include "bipartite.h"
#include "catalog.h"

typedef struct {
    size_t n_rows;      /* tasks, by catalog index */
    size_t n_cols;      /* groups that occur, in byte order of their names */
    char **col_names;   /* owned copies of the group names */
    int *count;         /* count[t * n_cols + g]: models of group g covering task t */
} bc_crosstab;

typedef struct {
    int task;           /* an uncovered or thin task */
    size_t models;      /* c(t), 0 for an uncovered task */
    int *datasets;      /* datasets.tasks lists it; in name order */
    size_t n;
} bc_gap_fill;

typedef struct {
    bc_crosstab by_family;  /* task x encoder_family */
    bc_crosstab by_fusion;  /* task x fusion */
    bc_gap_fill *fills;     /* uncovered and thin tasks, by code */
    size_t n_fills;
    size_t empty_family;    /* cells of by_family with no model */
    size_t empty_fusion;    /* cells of by_fusion with no model */
} bc_gaps;

/* Prepares an empty structure. Allocates nothing. */
void gaps_init(bc_gaps *g);

/* Frees the contents. NULL is fine. */
void gaps_release(bc_gaps *g);

/*
 * Builds both cross-tables and the gap fillers from `cat` and `b` (built
 * from it) with the thin threshold `thin` (as coverage_compute: a task is
 * thin when 0 < c(t) < thin).  `g` must be fresh or released.  Returns
 * BC_OK or BC_EX_SOFTWARE (OOM; `g` is then released).
 */
int gaps_compute(bc_gaps *g, const bc_catalog *cat, const bc_bipartite *b, int thin);

/* The count of cell (task, group). */
#define GAPS_CELL(x, t, g) ((x)->count[(size_t)(t) * (x)->n_cols + (size_t)(g)])

/*
 * Markdown for the report: the empty cells of each cross-table as a list
 * "TASK: group, group" (tasks by code, only tasks with an empty cell), and
 * a table `task | models | gap fillers` (uncovered and thin tasks by
 * code).  Returns BC_OK, BC_EX_SOFTWARE or
 * BC_EX_IOERR (stream error).
 */
int gaps_write_md(FILE *fp, const bc_catalog *cat, const bc_gaps *g);

/*
 * CSV of the empty cells: `task,dimension,group` with dimension
 * "encoder_family" or "fusion", rows by task code, then dimension, then
 * group.  Returns as gaps_write_md.
 */
int gaps_write_csv(FILE *fp, const bc_catalog *cat, const bc_gaps *g);

#endif
