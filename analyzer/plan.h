/*
 * plan.h - the evaluation-set planner behind `benchcov plan` and the
 * report's suggested evaluation set (DESIGN.md section 5).
 *
 * Two objectives over a catalog:
 *
 *   comparable  maximum coverage: choose at most k datasets (or datasets
 *               of at most H hours in total) so that the most (baseline,
 *               task) pairs are covered.  A dataset d covers (b, t) when
 *               usage has a row (b, d, t) with the chosen role.
 *   unseen      weighted set cover: give every coverable target task a
 *               chosen dataset, minimising the summed weight of the chosen
 *               datasets, the weight of d being the number of baselines
 *               with a train row on d (a clean, out-of-domain evaluation).
 *
 * Both are solved exactly as integer programmes with GLPK when that
 * finishes within a time limit, and otherwise greedily; every plan states
 * a bound (the optimum when exact, the LP relaxation otherwise) so the
 * reader knows how far from optimal it can be.
 *
 * The solvers work on a plain plan_problem (sets over elements, see
 * plan_problem.h) that tests build by hand; plan_build (plan.c) turns a
 * catalog into such a problem and solves it, the writers (plan_write.c)
 * print the plan.  Nothing here prints to stdout or exits.
 */
#ifndef BENCHCOV_PLAN_H
#define BENCHCOV_PLAN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "catalog.h"
#include "incidence.h"
#include "plan_problem.h"

/* Default dataset budget of the comparable objective (--k). */
#define PLAN_DEFAULT_K 5

/* Largest --k accepted. */
#define PLAN_MAX_K 1000

/*
 * Largest compressed programme (cover entries between distinct elements
 * and datasets, plan_compressed_size) handed to GLPK: above it the plan
 * is greedy (even with --exact) and its bound one that needs no solver
 * (plan_simple_max_bound, plan_simple_cover_bound), and the plan says so.
 */
#define PLAN_SOLVER_MAX_ONES 20000

/* Time limit, in seconds, of the integer programme when the method is automatic. */
#define PLAN_TIME_LIMIT_S 5.0

/* ---------------------------------------------------------------------- */
/* Plans over a catalog                                                    */
/* ---------------------------------------------------------------------- */

typedef enum { PLAN_COMPARABLE = 0, PLAN_UNSEEN = 1 } plan_objective;
typedef enum { PLAN_AUTO = 0, PLAN_EXACT = 1, PLAN_GREEDY = 2 } plan_method;

typedef struct {
    const int *tasks;      /* target task indices; NULL = every task */
    size_t n_tasks;
    const int *baselines;  /* baseline model indices; NULL = every model */
    size_t n_baselines;
    long k;                /* dataset budget when hours < 0 (>= 1) */
    double hours;          /* hour budget; < 0 = use k */
    int role;              /* 0 = any, BC_ROLE_TRAIN or BC_ROLE_EVAL */
    plan_objective objective;
    plan_method method;    /* AUTO: exact within PLAN_TIME_LIMIT_S, else greedy;
                              EXACT: no time limit */
    int stability;         /* non-zero: compute the leave-one-baseline-out stability */
    uint64_t seed;         /* draws the stability sample when there are more classes
                              of baselines than PLAN_STABILITY_MAX */
} plan_options;

/*
 * Leave-one-out plans solved at most for the stability.  Baselines whose
 * usage rows the problem reads are identical (same (dataset, task) rows
 * with the chosen role on target tasks, same train datasets) form one
 * class and share one leave-one-out plan; with more classes than this, a
 * seeded sample of PLAN_STABILITY_SAMPLE baselines is left out instead,
 * and the output says so.
 */
#define PLAN_STABILITY_MAX 50
/* Names listed per line of a Markdown step (the baselines a step makes
 * comparable on a task, or that trained on its dataset); the rest are
 * counted ("and N more"). */
#define PLAN_MAX_NAMES 200
#define PLAN_STABILITY_SAMPLE 10

/* Defaults: every task and model, k = PLAN_DEFAULT_K, any role, comparable, auto, stability on. */
void plan_options_init(plan_options *o);

typedef struct {
    int dataset;           /* catalog dataset index */
    size_t gain;           /* comparable: pairs newly covered; unseen: tasks newly covered */
    size_t covered;        /* running total of covered pairs (tasks for unseen) */
    size_t tasks_covered;  /* running total of target tasks with a covered pair */
    double hours;          /* the dataset's hours, < 0 unknown */
    double weight;         /* baselines with a train row on the dataset */
    size_t first_new;      /* newly covered elements: new_model/new_task[first_new ..] */
    size_t n_new;          /*   .. first_new + n_new - 1 */
    size_t first_trained;  /* the baselines with a train row on the dataset, in index
                              order: trained_model[first_trained ..] */
    size_t n_trained;      /*   .. first_trained + n_trained - 1 (n_trained == weight) */
} plan_step;

typedef struct {
    const bc_catalog *cat;   /* borrowed: writers need it alive */
    plan_objective objective;
    plan_method method;      /* PLAN_EXACT or PLAN_GREEDY: what produced the plan */
    int role;                /* as in plan_options */
    long k;                  /* as requested (comparable with hours < 0) */
    double hours_budget;     /* < 0 when k was used */
    int *tasks;              /* target task indices, ascending */
    size_t n_tasks;
    int *baselines;          /* baseline model indices, ascending */
    size_t n_baselines;
    size_t universe;         /* pairs (comparable) or coverable target tasks (unseen) */
    size_t universe_tasks;   /* target tasks with at least one universe element */
    size_t candidates;       /* datasets that cover some element and may be chosen */
    size_t skipped_no_hours; /* datasets that cover something but have no hours (--hours) */
    plan_step *steps;
    size_t n_steps;
    int *new_model;          /* per step, the newly covered elements: model index */
    int *new_task;           /*   (-1 for unseen) and task index, model name order */
    int *trained_model;      /* per step, its trained baselines (plan_step.first_trained) */
    size_t covered;          /* pairs (tasks) covered by the plan */
    double total_hours;      /* sum of known hours of the chosen datasets */
    double total_weight;     /* sum of the chosen datasets' weights */
    double bound;            /* comparable: optimum or floor of the LP upper bound;
                                unseen: optimal weight or ceiling of the LP lower bound */
    int bound_is_optimum;    /* 1 when exact */
    int bound_is_simple;     /* 1 when the problem was too large for the LP: the bound is
                                plan_simple_max_bound / plan_simple_cover_bound */
    double stability;        /* median leave-one-baseline-out Jaccard; NAN when not computed */
    size_t stability_runs;   /* baselines the median is over: all, or the sample */
    size_t stability_plans;  /* leave-one-out plans solved (one per class of identical
                                baselines met) */
    int stability_sampled;   /* 1 when stability_runs is a seeded sample of baselines */
    const char *empty_reason; /* static text when the plan has no steps, else NULL */
} bc_plan;

/* Prepares an empty plan. Allocates nothing. */
void plan_init(bc_plan *p);

/* Frees what the plan owns; it is empty afterwards. NULL is fine. */
void plan_release(bc_plan *p);

/*
 * Builds the plan of `cat` under `opt` into `out` (fresh from plan_init).
 * Indices in opt must be valid (the command resolves names first).
 * Returns BC_OK or BC_EX_SOFTWARE (out of memory or a solver failure, with
 * a message in errs).  On failure release `out`.  `out` borrows `cat`.
 * When the exact optimum is also reached by the greedy choice, the greedy
 * choice is kept (ties then follow the documented order, not the solver's
 * path); an exact solve that fails or runs out of time falls back to greedy
 * and the plan says so (method PLAN_GREEDY, LP bound).  Under --hours only
 * datasets with known hours are candidates.  The stability plans are
 * computed with the method the main plan ended up using.
 */
int plan_build(const bc_catalog *cat, const plan_options *opt, bc_plan *out, bc_errors *errs);

/*
 * The report's plan: every task, every model, k = PLAN_DEFAULT_K, any role,
 * comparable, exact when it solves within PLAN_TIME_LIMIT_S, stability on.
 * Returns BC_OK or BC_EX_SOFTWARE.  The gain curve for the chart is
 * (steps[i] step number i + 1, steps[i].covered) against the line `bound`
 * (and `universe`, all pairs).
 */
int plan_default(const bc_catalog *cat, bc_plan *out);

/*
 * The gain curve for the report's chart (chart_lines): n_steps + 1 points,
 * x = 0, 1, ..., n_steps (datasets chosen) and y = pairs (tasks for
 * unseen) covered after them, starting at (0, 0).  Draw `bound` as the
 * dashed reference for comparable plans.  *x and *y are new arrays the
 * caller frees with free().  Returns BC_OK or BC_EX_SOFTWARE (OOM; *x and
 * *y are NULL then).
 */
int plan_gain_curve(const bc_plan *p, double **x, double **y, size_t *n);

/*
 * Writes the plan as Markdown: a summary, one table row and one paragraph
 * per step explaining the choice, the bound and the gap to it, the count of
 * datasets skipped for lack of hours, the stability.  Catalog text goes
 * through fmt_md.  Returns BC_OK or BC_EX_IOERR when the stream failed.
 */
int plan_write_md(FILE *fp, const bc_plan *p);

/* As plan_write_md, with the title a heading of `level` (1-5) and the steps one below. */
int plan_write_md_at(FILE *fp, const bc_plan *p, int level);

/*
 * Writes the plan as CSV (DESIGN.md section 3): the header
 * `step,dataset,gain,covered,tasks_covered`, one row per step, then
 * `bound,,,VALUE,`.  Returns BC_OK or BC_EX_IOERR.
 */
int plan_write_csv(FILE *fp, const bc_plan *p);

#endif
