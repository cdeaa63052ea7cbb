/*
 * gaps.h - where the catalog has holes: cross-tabulations of task by each
 * chosen models.csv facet (facet gaps) with the cells no model fills, and
 * for each uncovered or thin task the datasets that could fill it
 * (DESIGN.md section 6, the report's Gaps section).
 *
 * A cell (task t, group g) counts the models whose facet holds value g
 * with a usage row for t (the mt matrix).  Columns are only the values
 * that occur in the catalog's models (an empty cell is no group); rows
 * are every task.  Gap fillers of task t are the datasets whose
 * datasets.tasks lists t, in name order.
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
    int col;                /* the column in cat->model_facets */
    bc_crosstab x;          /* task x the facet's values */
    size_t empty;           /* cells of x with no model */
} bc_facet_gaps;

typedef struct {
    bc_facet_gaps *facets;  /* one per chosen facet, in the order chosen */
    size_t n_facets;
    bc_gap_fill *fills;     /* uncovered and thin tasks, by code */
    size_t n_fills;
} bc_gaps;

/* Facets with more distinct values than this are not tabulated by default. */
#define GAPS_MAX_VALUES 40

/* Prepares an empty structure. Allocates nothing. */
void gaps_init(bc_gaps *g);

/* Frees the contents. NULL is fine. */
void gaps_release(bc_gaps *g);

/*
 * The models.csv facets worth a cross-table: those with 2 to
 * GAPS_MAX_VALUES distinct values whose groups hold 1.5 models or more
 * on average (values <= 2/3 of the models with a value: a column of
 * nearly unique values, such as a model's own encoder, names items and
 * does not group them).  Fills cols (room for cat->model_facets.n) in
 * name order of the columns and returns how many.
 */
size_t gaps_default_facets(const bc_catalog *cat, int *cols);

/*
 * Builds one cross-table per facet column cols[0..n_cols) of
 * cat->model_facets, and the gap fillers, from `cat` and `b` (built from
 * it) with the thin threshold `thin` (coverage_status_of).  `g` must be
 * fresh or released.  Returns BC_OK or BC_EX_SOFTWARE (OOM; `g` is then
 * released).
 */
int gaps_compute(bc_gaps *g, const bc_catalog *cat, const bc_bipartite *b, int thin,
                 const int *cols, size_t n_cols);

/* The count of cell (task, group). */
#define GAPS_CELL(x, t, g) ((x)->count[(size_t)(t) * (x)->n_cols + (size_t)(g)])

/*
 * CSV of the empty cells: `task,dimension,group` with dimension the facet
 * column's name, rows by task code, then facet in the order chosen, then
 * group.  Returns BC_OK, BC_EX_SOFTWARE or BC_EX_IOERR (stream error).
 */
int gaps_write_csv(FILE *fp, const bc_catalog *cat, const bc_gaps *g);

#endif
