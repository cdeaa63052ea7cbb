/*
 * analysis.c - runs every metric over one catalog (see analysis.h).
 *
 * The order of work follows the data: matrices first, then the figures
 * that read them.  Nothing here computes a formula itself; each figure
 * lives in its own module and this file only wires them together.
 */
#include "analysis.h"

#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "betweenness.h"
#include "communities.h"
#include "fmt.h"
#include "graph.h"
#include "modularity.h"
#include "nameorder.h"
#include "progress.h"

void analysis_init(bc_analysis *a)
{
    memset(a, 0, sizeof *a);
    bipartite_init(&a->b);
    coverage_init(&a->cov);
    overlap_top_init(&a->most_comparable);
    overlap_top_init(&a->unshared);
    comparability_init(&a->comp);
    robustness_init(&a->rob);
    gaps_init(&a->gaps);
    contamination_init(&a->contam);
}

void analysis_release(bc_analysis *a)
{
    if (!a)
        return;
    bipartite_release(&a->b);
    free(a->model_order);
    free(a->dataset_order);
    free(a->task_order);
    coverage_release(&a->cov);
    free(a->conc);
    free(a->top_dataset);
    overlap_top_release(&a->most_comparable);
    overlap_top_release(&a->unshared);
    contamination_release(&a->contam);
    comparability_release(&a->comp);
    free(a->row_nested_mt);
    free(a->col_nested_mt);
    free(a->community_model);
    free(a->community_dataset);
    robustness_release(&a->rob);
    free(a->betweenness);
    gaps_release(&a->gaps);
    analysis_init(a);
}

/* Communities and their modularity on the model-dataset graph. */
static int run_communities(bc_analysis *a)
{
    bc_communities comm;
    if (communities_compute(&comm, &a->b.md, a->opts.seed, BC_COMMUNITIES_LIMITS) != BC_OK)
        return BC_EX_SOFTWARE;
    a->community_model = comm.model;
    a->community_dataset = comm.dataset;
    a->n_communities = comm.n;
    a->communities_models_sampled = comm.models_sampled;
    return modularity_barber(&a->b.md, a->community_model, a->community_dataset,
                             &a->modularity);
}

/* Betweenness of the datasets on the model-dataset graph. */
static int run_betweenness(bc_analysis *a)
{
    size_t m = a->cat->n_models, d = a->cat->n_datasets;
    double *btw = malloc((m + d + 1) * sizeof *btw);
    a->betweenness = calloc(d + 1, sizeof *a->betweenness);
    bc_graph *g = NULL;
    int rc = BC_EX_SOFTWARE;
    if (!btw || !a->betweenness)
        goto done;
    /* Exact (igraph) on small graphs; sampled sources above the work limit. */
    if (betweenness_exact_fits(&a->b.md)) {
        a->betweenness_sources = m + d;
        if (graph_from_incidence(&a->b.md, &g) != BC_OK || graph_betweenness(g, btw) != BC_OK)
            goto done;
    } else {
        a->betweenness_sources = betweenness_sources_for(&a->b.md);
        if (betweenness_sampled(&a->b.md, a->betweenness_sources, a->opts.seed, btw) != BC_OK)
            goto done;
    }
    memcpy(a->betweenness, btw + m, d * sizeof *btw);
    rc = BC_OK;
done:
    free(btw);
    graph_free(g);
    return rc;
}

/*
 * Nestedness with its null models and robustness: the seeded, independent
 * half of the analysis, run on a second thread on large catalogs.  Writes
 * only its own fields of `a` and a->nulls_rc; reads the matrices.
 */
static int run_nulls(void *arg)
{
    bc_analysis *a = arg;
    const bc_catalog *cat = a->cat;
    size_t nt = cat->n_tasks, nm = cat->n_models;
    bc_progress step;
    progress_begin(&step, "nestedness and its null model");
    unsigned n_mt, n_md;
    size_t t_mt, t_md;
    nested_null_size(&a->b.mt, ANALYSIS_NULL_MATRICES, &n_mt, &t_mt);
    nested_null_size(&a->b.md, ANALYSIS_NULL_MATRICES, &n_md, &t_md);
    a->row_nested_mt = malloc((nm + 1) * sizeof *a->row_nested_mt);
    a->col_nested_mt = malloc((nt + 1) * sizeof *a->col_nested_mt);
    a->nulls_rc = BC_EX_SOFTWARE;
    if (nested_nodf_z_sized(&a->b.mt, n_mt, t_mt, a->opts.seed, &a->nodf_mt, &a->null_mt) !=
            BC_OK ||
        nested_nodf_z_sized(&a->b.md, n_md, t_md, a->opts.seed, &a->nodf_md, &a->null_md) !=
            BC_OK ||
        !a->row_nested_mt || !a->col_nested_mt ||
        nested_order(&a->b.mt, a->row_nested_mt, a->col_nested_mt) != BC_OK)
        return a->nulls_rc;
    progress_end(&step);
    progress_begin(&step, "robustness");
    a->nulls_rc = robustness_compute(&a->rob, &a->b.md, a->dataset_order, a->opts.seed,
                                     robustness_runs_for(&a->b.md, ANALYSIS_ROBUSTNESS_RUNS));
    progress_end(&step);
    return a->nulls_rc;
}

int analysis_parallel(const bc_analysis *a)
{
    if (a->opts.parallel)
        return a->opts.parallel > 0;
    return (double)incidence_ones(&a->b.md) >= ANALYSIS_PARALLEL_ONES;
}

/* The dataset most models used for task t, ties in name order; -1 when none. */
static int top_dataset(const bc_analysis *a, int t)
{
    const bc_bipartite *b = &a->b;
    int best = -1;
    for (size_t i = b->tp.rowptr[t]; i < b->tp.rowptr[t + 1]; i++) {
        int p = b->tp.col[i], d = b->pair_dataset[p];
        if (best < 0 || b->pair_models[p] > b->pair_models[best] ||
            (b->pair_models[p] == b->pair_models[best] &&
             strcmp(a->cat->datasets[d].name, a->cat->datasets[b->pair_dataset[best]].name) < 0))
            best = p;
    }
    return best < 0 ? -1 : b->pair_dataset[best];
}

int analysis_run(bc_analysis *a, const bc_catalog *cat, const bc_analysis_opts *opts,
                 bc_errors *errs)
{
    a->cat = cat;
    a->opts = *opts;
    size_t nt = cat->n_tasks;
    bc_progress step;
    progress_begin(&step, "matrices and coverage");
    if (bipartite_build(&a->b, cat) != BC_OK)
        goto oom;
    a->model_order = nameorder_models(cat);
    a->dataset_order = nameorder_datasets(cat);
    a->task_order = nameorder_tasks(cat);
    if (!a->model_order || !a->dataset_order || !a->task_order)
        goto oom;
    if (coverage_compute(&a->cov, &a->b, opts->thin) != BC_OK)
        goto oom;
    a->conc = calloc(nt + 1, sizeof *a->conc);
    a->top_dataset = malloc((nt + 1) * sizeof *a->top_dataset);
    if (!a->conc || !a->top_dataset)
        goto oom;
    for (size_t t = 0; t < nt; t++) {
        if (concentration_task(&a->b, (int)t, &a->conc[t]) != BC_OK)
            goto oom;
        a->top_dataset[t] = top_dataset(a, (int)t);
        switch (a->cov.tasks[t].status) {
        case BC_COV_UNCOVERED: a->uncovered++; break;
        case BC_COV_THIN: a->thin_tasks++; break;
        case BC_COV_COVERED: a->covered++; break;
        }
        if (analysis_single_dataset(a, (int)t))
            a->single_dataset++;
    }
    progress_end(&step);
    progress_begin(&step, "model pairs and comparability");
    if (overlap_top(&a->b, a->model_order, OVERLAP_MOST, ANALYSIS_TOP_PAIRS,
                    &a->most_comparable) != BC_OK ||
        overlap_top(&a->b, a->model_order, OVERLAP_UNSHARED, ANALYSIS_TOP_PAIRS,
                    &a->unshared) != BC_OK ||
        comparability_compute(&a->comp, &a->b.mp, a->model_order, opts->seed) != BC_OK)
        goto oom;
    progress_end(&step);
    /* The null models and robustness on a second thread while this one
     * finds communities and betweenness (igraph stays on this thread). */
    thrd_t worker;
    int threaded = analysis_parallel(a) && thrd_create(&worker, run_nulls, a) == thrd_success;
    if (!threaded)
        run_nulls(a);
    progress_begin(&step, "communities");
    int rc = run_communities(a);
    progress_end(&step);
    if (rc == BC_OK) {
        progress_begin(&step, "betweenness");
        rc = run_betweenness(a);
        progress_end(&step);
    }
    if (threaded)
        thrd_join(worker, NULL);
    if (rc != BC_OK || a->nulls_rc != BC_OK)
        goto oom;
    progress_begin(&step, "gaps");
    int *cols = malloc((cat->model_facets.n + 1) * sizeof *cols);
    if (!cols)
        goto oom;
    size_t n_cols = opts->facets_given ? opts->n_facets : gaps_default_facets(cat, cols);
    int gr = gaps_compute(&a->gaps, cat, &a->b, opts->thin,
                          opts->facets_given ? opts->facets : cols, n_cols);
    free(cols);
    if (gr != BC_OK)
        goto oom;
    if (contamination_from_catalog(&a->contam, cat) != BC_OK)
        goto oom;
    progress_end(&step);
    return BC_OK;
oom:
    return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory while analysing");
}

int analysis_single_dataset(const bc_analysis *a, int task)
{
    return a->cov.tasks[task].status != BC_COV_UNCOVERED && a->conc[task].n == 1;
}

/*
 * The headline figures, once: name, what it means (the Markdown table's
 * third column) and its value, an expression over `a` and the catalog `c`.
 * Sample sizes of every randomised figure follow the figure.
 */
#define ANALYSIS_METRICS(X)                                                                  \
    X(models, "models in the catalog", c->n_models)                                          \
    X(datasets, "datasets in the catalog", c->n_datasets)                                    \
    X(tasks, "tasks in the catalog", c->n_tasks)                                             \
    X(usage_rows, "usage facts (model, dataset, task, role)", c->n_usage)                    \
    X(connectance_model_task, "filled share of the models x tasks matrix",                   \
      a->cov.connectance_model_task)                                                         \
    X(connectance_model_dataset, "filled share of the models x datasets matrix",             \
      a->cov.connectance_model_dataset)                                                      \
    X(mean_task_coverage, "mean share of all tasks a model covers", a->cov.mean_task_coverage) \
    X(tasks_uncovered, "tasks no model covers", a->uncovered)                                \
    X(tasks_thin, "tasks covered by fewer models than the thin threshold", a->thin_tasks)    \
    X(tasks_covered, "tasks covered by at least the thin threshold", a->covered)             \
    X(tasks_single_dataset, "covered or thin tasks whose named data is one dataset",         \
      a->single_dataset)                                                                     \
    X(nodf_model_task, "nestedness NODF of models x tasks, 0-100", a->nodf_mt.nodf)          \
    X(nodf_model_task_rows, "its row (model) part", a->nodf_mt.rows)                         \
    X(nodf_model_task_cols, "its column (task) part", a->nodf_mt.cols)                       \
    X(nodf_model_task_z, "z-score of that NODF against curveball null matrices",             \
      a->null_mt.z)                                                                          \
    X(null_matrices_model_task, "curveball null matrices behind that z-score", a->null_mt.n) \
    X(null_trades_model_task, "curveball trades between two of them", a->null_mt.trades)    \
    X(nodf_model_dataset, "nestedness NODF of models x datasets, 0-100", a->nodf_md.nodf)    \
    X(nodf_model_dataset_rows, "its row (model) part", a->nodf_md.rows)                      \
    X(nodf_model_dataset_cols, "its column (dataset) part", a->nodf_md.cols)                 \
    X(nodf_model_dataset_z, "z-score of that NODF against curveball null matrices",          \
      a->null_md.z)                                                                          \
    X(null_matrices_model_dataset, "curveball null matrices behind that z-score",            \
      a->null_md.n)                                                                          \
    X(null_trades_model_dataset, "curveball trades between two of them", a->null_md.trades)  \
    X(modularity_barber, "Barber's bipartite modularity of the communities", a->modularity)  \
    X(communities, "communities of the model-dataset graph", a->n_communities)               \
    X(communities_models_sampled, "models behind the communities (all models when exact)",    \
      a->communities_models_sampled)                                                         \
    X(betweenness_sources, "breadth-first sources behind dataset betweenness (all vertices " \
      "when exact)", a->betweenness_sources)                                                 \
    X(comparability_components, "groups of two or more models linked by shared data",       \
      a->comp.components)                                                                    \
    X(isolated_models, "models sharing no (dataset, task) pair with any other",              \
      a->comp.isolated)                                                                      \
    X(pairs_without_shared, "share of model pairs sharing no (dataset, task) pair",          \
      a->comp.pairs_without_shared)                                                          \
    X(pairs_sampled, "random model pairs behind that share (0 = every pair counted)",        \
      a->comp.pairs_sampled)                                                                 \
    X(robustness_models, "area under the curve, most used datasets withdrawn first",         \
      a->rob.area_most_used)                                                                 \
    X(robustness_models_random, "area under the curve, random withdrawal order",             \
      a->rob.area_random)                                                                    \
    X(robustness_runs, "random withdrawal orders averaged for it", a->rob.runs)

#define METRIC_COUNT(name, meaning, value) +1
_Static_assert(0 ANALYSIS_METRICS(METRIC_COUNT) <= ANALYSIS_MAX_METRICS,
               "ANALYSIS_MAX_METRICS is too small for the metric table");

size_t analysis_metrics(const bc_analysis *a, bc_metric *out)
{
    const bc_catalog *c = a->cat;
    size_t n = 0;
#define METRIC_PUT(name, meaning, value) out[n++] = (bc_metric){ #name, (double)(value) };
    ANALYSIS_METRICS(METRIC_PUT)
#undef METRIC_PUT
    return n;
}

/* What each figure means, for the Markdown table. */
static const char *metric_meaning(const char *name)
{
    static const struct {
        const char *name, *meaning;
    } m[] = {
#define METRIC_MEANING(name, meaning, value) { #name, meaning },
        ANALYSIS_METRICS(METRIC_MEANING)
#undef METRIC_MEANING
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (strcmp(m[i].name, name) == 0)
            return m[i].meaning;
    return "";
}

int analysis_write_metrics(FILE *fp, const bc_analysis *a, bc_format format)
{
    bc_metric m[ANALYSIS_MAX_METRICS];
    size_t n = analysis_metrics(a, m);
    if (format == BC_FORMAT_CSV) {
        fputs("metric,value\n", fp);
        for (size_t i = 0; i < n; i++) {
            fprintf(fp, "%s,", m[i].name);
            fmt_put_num(fp, m[i].value);
            fputc('\n', fp);
        }
    } else {
        fputs("| metric | value | meaning |\n|---|---:|---|\n", fp);
        for (size_t i = 0; i < n; i++) {
            fputs("| ", fp);
            fmt_md(fp, m[i].name);
            fputs(" | ", fp);
            fmt_put_num(fp, m[i].value);
            fputs(" | ", fp);
            fmt_md(fp, metric_meaning(m[i].name));
            fputs(" |\n", fp);
        }
    }
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}
