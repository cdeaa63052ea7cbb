/*
 * analysis.h - every figure of the catalog, computed once: the matrices,
 * coverage, concentration, overlap, comparability, nestedness with its
 * null model, communities and Barber modularity, robustness, bridging
 * datasets and gaps.  `metrics` prints its headline list; `report`
 * writes all of it.
 */
#ifndef BENCHCOV_ANALYSIS_H
#define BENCHCOV_ANALYSIS_H

#include <stdint.h>
#include <stdio.h>

#include "bipartite.h"
#include "catalog.h"
#include "comparability.h"
#include "concentration.h"
#include "contamination.h"
#include "coverage.h"
#include "error.h"
#include "fmt.h"
#include "gaps.h"
#include "nested.h"
#include "overlap.h"
#include "robustness.h"

/* Curveball null matrices drawn for each NODF z-score. */
#define ANALYSIS_NULL_MATRICES 199
/* Pairs in the report's "most comparable" and "least comparable" lists. */
#define ANALYSIS_TOP_PAIRS 10
/*
 * From this many ones in the models x datasets matrix on, the null models
 * and robustness run on a second thread beside communities and
 * betweenness.  Every figure is seeded on its own, so the results are the
 * same either way; below it one thread is cheaper than starting another.
 */
#define ANALYSIS_PARALLEL_ONES 200000.0
/* Random withdrawal orders averaged for the random robustness curve. */
#define ANALYSIS_ROBUSTNESS_RUNS 100

typedef struct {
    int thin;      /* --thin: a task is thin when 0 < models < thin */
    uint64_t seed; /* --seed: null models, random withdrawal, communities */
    const int *facets; /* --facets: columns of cat->model_facets for the facet gaps */
    size_t n_facets;
    int facets_given;  /* 0: the facets gaps_default_facets chooses */
    int parallel;      /* 0: a second thread from ANALYSIS_PARALLEL_ONES on; 1: always;
                          -1: never (tests compare the two) */
} bc_analysis_opts;

typedef struct {
    const bc_catalog *cat;      /* borrowed */
    bc_analysis_opts opts;
    bc_bipartite b;
    int *model_order;           /* model indices in name order */
    int *dataset_order;         /* dataset indices in name order */
    int *task_order;            /* task indices in code order */
    bc_coverage cov;
    bc_concentration *conc;     /* per task index */
    int *top_dataset;           /* per task: the dataset most models used for it (ties in
                                   name order), -1 when none is named */
    bc_overlap_top most_comparable;  /* the ANALYSIS_TOP_PAIRS most comparable pairs */
    bc_overlap_top unshared;         /* first pairs with shared tasks but no shared pair */
    bc_comparability comp;
    bc_nodf nodf_mt, nodf_md;   /* models x tasks, models x datasets */
    bc_nodf_null null_mt, null_md;
    int *row_nested_mt;         /* model indices in nested order of models x tasks */
    int *col_nested_mt;         /* task indices in that nested order */
    int *community_model;       /* per model: community on the model-dataset graph, -1 none */
    int *community_dataset;     /* per dataset: likewise */
    size_t n_communities;
    size_t communities_models_sampled; /* models the community search saw: all when exact,
                                          a seeded sample on large graphs (communities.h) */
    double modularity;          /* Barber's Q of that partition */
    bc_robustness rob;
    int nulls_rc;               /* BC_OK once the null models and robustness are done */
    double *betweenness;        /* per dataset: betweenness on the model-dataset graph */
    size_t betweenness_sources; /* breadth-first sources behind it: every vertex when exact,
                                   BETWEENNESS_SOURCES sampled on large graphs */
    bc_gaps gaps;
    bc_contamination contam;    /* in-domain evaluations (contamination.h) */
    size_t uncovered, thin_tasks, covered; /* tasks by status */
    size_t single_dataset;      /* covered or thin tasks whose models all used one dataset */
} bc_analysis;

/* One headline figure of `metrics` (DESIGN.md section 3). */
typedef struct {
    const char *name;
    double value;
} bc_metric;

/* Prepares an empty analysis. Allocates nothing. */
void analysis_init(bc_analysis *a);

/* Frees the contents. NULL is fine. */
void analysis_release(bc_analysis *a);

/*
 * Computes everything for `cat` (which must outlive `a`).  Returns BC_OK
 * or BC_EX_SOFTWARE with a message in errs; release `a` in every case.
 */
int analysis_run(bc_analysis *a, const bc_catalog *cat, const bc_analysis_opts *opts,
                 bc_errors *errs);

/*
 * The headline figures in their fixed order, into a static-size array
 * that the caller provides with room for ANALYSIS_MAX_METRICS; returns how
 * many were written.
 */
#define ANALYSIS_MAX_METRICS 40
size_t analysis_metrics(const bc_analysis *a, bc_metric *out);

/* 1 when analysis_run uses a second thread for `a` (opts.parallel, or its size). */
int analysis_parallel(const bc_analysis *a);

/*
 * `metric,value` CSV, or a two-column Markdown table with a short
 * explanation per figure.  Returns BC_OK or BC_EX_IOERR (stream error).
 */
int analysis_write_metrics(FILE *fp, const bc_analysis *a, bc_format format);

/*
 * The task's status as a count helper: tasks whose every named-dataset use
 * goes to one dataset (concentration n == 1).
 */
int analysis_single_dataset(const bc_analysis *a, int task);

#endif
