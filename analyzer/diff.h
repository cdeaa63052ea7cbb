/*
 * diff.h - what changed between two versions of a catalog (`benchcov
 * diff`, DESIGN.md section 3): two analyses compared, never a re-parse
 * of printed output.
 *
 * Each side is a catalog with its analysis and its suggested evaluation
 * set, computed once by the caller.  diff_compute lists, in the order a
 * reviewer reads them:
 *
 *   model, dataset, task  added, removed or renamed entries.  An entry of
 *                         OLD whose name (or one of its aliases) resolves
 *                         in NEW to an entry with another display name is
 *                         a rename, not a removal and an addition; the
 *                         same holds the other way round.
 *   fact                  usage facts added or removed, grouped by model
 *                         (facts of renamed entries are compared under
 *                         their new names, so a rename moves no fact).
 *   status                tasks in both whose status rose or fell
 *                         (uncovered < thin < covered), and tasks that lost
 *                         or gained their only dataset or came to rest on
 *                         one dataset.
 *   comparability         models in both that became comparable or
 *                         isolated, models added isolated, comparability
 *                         components merged or split.
 *   metric                every headline figure before and after; a
 *                         z-score also says whether it moved beyond its
 *                         null spread.
 *   plan                  the suggested evaluation set before and after.
 *
 * Rows are plain strings so that every writer (Markdown, CSV, JSON) prints
 * the same thing.  Nothing here prints or exits.
 */
#ifndef BENCHCOV_DIFF_H
#define BENCHCOV_DIFF_H

#include <stddef.h>

#include "analysis.h"
#include "catalog.h"
#include "error.h"
#include "plan.h"

/* The `kind` column, in output order. */
typedef enum {
    DIFF_MODEL = 0, DIFF_DATASET, DIFF_TASK, DIFF_FACT, DIFF_STATUS, DIFF_COMPARABILITY,
    DIFF_METRIC, DIFF_PLAN, DIFF_KIND_COUNT
} bc_diff_kind;

/* "model", "dataset", ... as in the CSV. */
const char *diff_kind_name(bc_diff_kind k);

/*
 * A z-score moved beyond its null spread when it changed by at least this
 * much: z is in units of the null model's standard deviation, so a move
 * under two of them is within what resampling the null alone produces.
 */
#define DIFF_Z_SPREAD 2.0

/* One row: kind,name,change,before,after. */
typedef struct {
    bc_diff_kind kind;
    char *name;     /* entry, model of a fact, task code, metric or dataset; owned */
    char *change;   /* see DIFF_* vocabulary in the README; owned */
    char *before;   /* "" when nothing; owned */
    char *after;    /* likewise */
    double vbefore; /* metric rows: the figures (NaN when absent on a side); NaN otherwise */
    double vafter;
    int notable;    /* metric rows: the figure changed (z-scores: beyond the null spread) */
} bc_diff_row;

/* A task's coverage on both sides, for the paired-bar chart. */
typedef struct {
    const char *code;   /* borrowed from the catalog it comes from */
    double before;      /* models covering it in OLD; NaN when OLD lacks the task */
    double after;       /* likewise in NEW */
} bc_diff_task;

typedef struct {
    bc_diff_row *rows;   /* in output order: by kind, then as diff.h describes */
    size_t n, cap;
    size_t count[DIFF_KIND_COUNT]; /* rows per kind, metric rows that changed only */
    bc_diff_task *tasks; /* every task of either side, in code order */
    size_t n_tasks;
    const char **plan_before; /* the OLD plan's datasets in step order, borrowed names */
    size_t n_plan_before;
    const char **plan_after;  /* likewise for NEW */
    size_t n_plan_after;
    /* What --fail-on tests. */
    size_t new_uncovered;  /* tasks uncovered in NEW that OLD lacked or had covered */
    size_t new_isolated;   /* models isolated in NEW that OLD lacked or had comparable */
    size_t removed_models; /* models of OLD that NEW lacks (renames excluded) */
} bc_diff;

/* One version: a loaded catalog, its analysis and its default plan, all borrowed. */
typedef struct {
    const bc_catalog *cat;
    const bc_analysis *a;
    const bc_plan *plan;
} bc_diff_side;

/* Prepares an empty diff. Allocates nothing. */
void diff_init(bc_diff *d);

/* Frees the rows and tasks; the diff is empty afterwards. NULL is fine. */
void diff_release(bc_diff *d);

/*
 * Compares `old` with `new_` into `d` (fresh from diff_init).  The sides
 * must stay alive while `d` is used (tasks borrow their codes).  Returns
 * BC_OK, or BC_EX_SOFTWARE (out of memory, message in errs; release `d`).
 * Time O(F log F + M log M + D log D + T log T) for F usage facts.
 */
int diff_compute(bc_diff *d, const bc_diff_side *old, const bc_diff_side *new_,
                 bc_errors *errs);

/* Rows changed in everything but metric rows that did not move. */
size_t diff_changes(const bc_diff *d);

#endif
