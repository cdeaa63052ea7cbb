/*
 * contamination.h - in-domain evaluations (DESIGN.md sections 4 and 6).
 *
 * An evaluation fact (model m, dataset d, task t, role eval) with a named
 * dataset is IN-DOMAIN when m also has a train fact on d: the model saw
 * that dataset's data before it reported results on it.  It is in-domain
 * on the SAME TASK when one of those train facts names t as well; a train
 * fact with an empty task (task-free pre-training on d) makes the
 * evaluation in-domain but not same-task.  Evaluation facts with an empty
 * dataset are never in-domain (nothing names the data).
 *
 * The same relation, read from the other side, is what the planner's
 * `unseen` objective avoids: contamination_trained() lists the (model,
 * dataset) pairs on which an evaluation would be in-domain.
 *
 * Everything here works on plain arrays of facts (indices as in
 * catalog.h), so it can be tested without a catalog; the _catalog
 * variants only build that array.  Work is O(F log F) for F facts.
 * Library code: nothing is printed; failure is BC_EX_SOFTWARE (out of
 * memory) and leaves the outputs empty.
 */
#ifndef BENCHCOV_CONTAMINATION_H
#define BENCHCOV_CONTAMINATION_H

#include <stddef.h>

#include "catalog.h"

/* One usage fact: indices into the catalog's arrays, -1 for an empty
 * dataset or task; role BC_ROLE_TRAIN or BC_ROLE_EVAL. */
typedef struct {
    int model, dataset, task;
    bc_role role;
} bc_fact;

/* A (model, dataset) pair. */
typedef struct {
    int model, dataset;
} bc_md_pair;

/* One evaluation: a distinct eval fact with a named dataset. */
typedef struct {
    int model, dataset, task; /* the eval fact (task may be -1) */
    int in_domain;            /* 1 when the model has a train fact on the dataset */
    int same_task;            /* 1 when one of those train facts names the task too */
} bc_evaluation;

typedef struct {
    size_t n_models;
    bc_evaluation *rows;    /* every evaluation, by model, dataset, task index */
    size_t n_rows;          /* == n_evals */
    size_t *evals;          /* per model: eval facts with a named dataset */
    size_t *indomain;       /* per model: of those, in-domain */
    size_t *same_task;      /* per model: of those, on the same task */
    size_t n_evals, n_indomain, n_same_task;          /* totals */
    size_t models_evaluated; /* models with at least one eval fact on a named dataset */
    size_t models_indomain;  /* models with at least one in-domain evaluation */
} bc_contamination;

/* Prepares an empty result. Allocates nothing. */
void contamination_init(bc_contamination *c);

/* Frees the contents; the result is empty afterwards. NULL is fine. */
void contamination_release(bc_contamination *c);

/*
 * Computes the in-domain evaluations among facts[0..n), whose model
 * indices are below n_models (facts outside [0, n_models) are ignored).
 * Duplicate facts count once.  `c` must be fresh from contamination_init.
 * Returns BC_OK or BC_EX_SOFTWARE (out of memory; `c` is left empty).
 */
int contamination_compute(bc_contamination *c, const bc_fact *facts, size_t n,
                          size_t n_models);

/* contamination_compute over the catalog's usage facts. */
int contamination_from_catalog(bc_contamination *c, const bc_catalog *cat);

/*
 * The distinct (model, dataset) pairs with a train fact, sorted by model
 * then dataset, restricted to models whose flag in model_mask is set
 * (NULL: every model) and to facts with a named dataset.  *out is a new
 * array the caller frees (NULL when *n_out is 0).  Returns BC_OK or
 * BC_EX_SOFTWARE.
 */
int contamination_trained(const bc_fact *facts, size_t n, const unsigned char *model_mask,
                          bc_md_pair **out, size_t *n_out);

/*
 * The usage facts of `cat` as a new array of cat->n_usage facts (the
 * caller frees it), or NULL when memory runs out (a 1-slot array when the
 * catalog has no usage).
 */
bc_fact *contamination_facts(const bc_catalog *cat);

#endif
