/*
 * figures.c - the data behind each chart of the report (see figures.h).
 *
 * Orders are total (counts, then names in byte order) so the same catalog
 * always draws the same picture.  Labels are catalog text and go to
 * chart.c, which escapes them; chart names and titles are fixed here.
 */
#include "figures.h"
#include "palette.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "gaps.h"

/* A number macro as a string literal, for fixed captions. */
#define FIGURES_STR_(x) #x
#define FIGURES_STR(x) FIGURES_STR_(x)

const bc_figure figures[FIGURES_COUNT] = {
    { "coverage_matrix", "Coverage matrix: models x tasks in nested order, tasks grouped by modality" },
    { "task_coverage", "Models per task, coloured by modality, with the thin threshold" },
    { "dataset_popularity", "The " FIGURES_STR(FIGURES_TOP_N) " most used datasets" },
    { "model_overlap", "Jaccard similarity of the models' datasets, models in community order" },
    { "concentration", "Gini concentration of dataset use per task" },
    { "robustness", "Share of models left with data as datasets are withdrawn" },
    { "models_per_year", "Models per publication year" },
    { "plan_gain", "Gain curve of the suggested evaluation set and its bound" },
};

/* Sort keys for a total order: primary descending count, then a label. */
typedef struct {
    int idx;
    int group;        /* ascending, first */
    double key;       /* descending, second */
    const char *name; /* ascending, last */
} sort_item;

static int cmp_item(const void *x, const void *y)
{
    const sort_item *a = x, *b = y;
    if (a->group != b->group)
        return a->group < b->group ? -1 : 1;
    if (a->key != b->key)
        return a->key > b->key ? -1 : 1;
    int c = strcmp(a->name, b->name);
    return c ? c : (a->idx > b->idx) - (a->idx < b->idx);
}

/*
 * The colour group of task t: the place of its `modality` facet value in
 * name order; tasks without one come last.
 */
static int task_group(const bc_catalog *cat, int t)
{
    const bc_facets *fs = &cat->task_facets;
    int col = catalog_facet_col(fs, "modality");
    int v = catalog_facet_id(fs, cat->tasks[t].facet, col);
    return v >= 0 ? fs->cols[col].rank[v] : (int)(col >= 0 ? fs->cols[col].n_values : 0);
}

/* The category of a bar: the facet value, "" when the entry has none, NULL without the facet. */
static const char *facet_category(const bc_facets *fs, const int *facet, const char *col_name)
{
    int col = catalog_facet_col(fs, col_name);
    return col < 0 ? NULL : catalog_facet_value(fs, facet, col);
}

/*
 * The report's colours of categorical values: every value a chart may
 * colour by (task and dataset modalities, the values of the year chart's
 * model facet), so one value has one colour in every chart (palette.h).
 */
static int report_palette(const bc_analysis *a, bc_palette *p)
{
    const bc_catalog *cat = a->cat;
    size_t n = cat->n_tasks + cat->n_datasets + cat->n_models, k = 0;
    const char **v = malloc((n + 1) * sizeof *v);
    if (!v)
        return -1;
    for (size_t t = 0; t < cat->n_tasks; t++)
        v[k++] = facet_category(&cat->task_facets, cat->tasks[t].facet, "modality");
    for (size_t d = 0; d < cat->n_datasets; d++)
        v[k++] = facet_category(&cat->dataset_facets, cat->datasets[d].facet, "modality");
    int col = figures_year_facet(cat);
    for (size_t m = 0; col >= 0 && m < cat->n_models; m++)
        v[k++] = catalog_facet_value(&cat->model_facets, cat->models[m].facet, col);
    int rc = palette_build(p, v, k);
    free(v);
    return rc;
}

static int oom(bc_errors *errs)
{
    return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory while drawing charts");
}

/* 1: models x tasks heatmap, rows in nested order, tasks by modality then nested order. */
static int fig_coverage_matrix(FILE *gp, FILE *dat, const bc_figure *f, const bc_analysis *a,
                               bc_errors *errs)
{
    const bc_catalog *cat = a->cat;
    size_t nt = cat->n_tasks;
    size_t nm = cat->n_models < FIGURES_MAX_MODELS ? cat->n_models : FIGURES_MAX_MODELS;
    int rc = BC_EX_SOFTWARE;
    int *row_of = malloc((cat->n_models + 1) * sizeof *row_of); /* drawn row, -1 none */
    sort_item *cols = malloc((nt + 1) * sizeof *cols);
    int *rank = malloc((nt + 1) * sizeof *rank);
    const char **rl = malloc((nm + 1) * sizeof *rl), **cl = malloc((nt + 1) * sizeof *cl);
    const char **cg = malloc((nt + 1) * sizeof *cg);
    double *v = malloc((nm * nt + 1) * sizeof *v);
    unsigned char *named = calloc(nm * nt + 1, 1);
    if (!cols || !rank || !rl || !cl || !cg || !v || !named || !row_of) {
        rc = oom(errs);
        goto done;
    }
    for (size_t m = 0; m < cat->n_models; m++)
        row_of[m] = -1;
    for (size_t r = 0; r < nm; r++)
        row_of[a->row_nested_mt[r]] = (int)r;
    for (size_t k = 0; k < nt; k++)
        rank[a->col_nested_mt[k]] = (int)k;
    for (size_t t = 0; t < nt; t++)
        cols[t] = (sort_item){ (int)t, task_group(cat, (int)t), -(double)rank[t],
                               cat->tasks[t].code };
    qsort(cols, nt, sizeof *cols, cmp_item);
    /* Cells with a named dataset score 1, cells covered only by unnamed data 0.5. */
    for (size_t i = 0; i < cat->n_usage; i++) {
        const bc_usage *u = &cat->usage[i];
        if (u->task >= 0 && u->dataset >= 0 && row_of[u->model] >= 0)
            named[(size_t)row_of[u->model] * nt + (size_t)u->task] = 1;
    }
    for (size_t r = 0; r < nm; r++) {
        int m = a->row_nested_mt[r];
        rl[r] = cat->models[m].name;
        for (size_t c = 0; c < nt; c++) {
            int t = cols[c].idx;
            double val = NAN;
            if (incidence_get(&a->b.mt, (size_t)m, t))
                val = named[r * nt + (size_t)t] ? 1.0 : 0.5;
            v[r * nt + c] = val;
        }
    }
    for (size_t c = 0; c < nt; c++) {
        cl[c] = cat->tasks[cols[c].idx].code;
        cg[c] = catalog_task_modality(cat, cols[c].idx);
    }
    bc_chart_meta meta = { f->name, "Which model covers which task",
                           catalog_facet_col(&cat->task_facets, "modality") >= 0
                               ? "task (grouped by modality)" : "task",
                           "model",
                           "Coverage matrix from tables/coverage_task.csv and usage: "
                           "1 = the model used a named dataset for the task, 0.5 = unnamed "
                           "data only, blank = not covered. Rows and columns in nested order." };
    char note[512];
    if (nm < cat->n_models) {
        snprintf(note, sizeof note,
                 "%s Only the first %zu of %zu models in nested order are drawn; "
                 "tables/coverage_model.csv lists them all.",
                 meta.comment, nm, cat->n_models);
        meta.comment = note;
    }
    static const double states[] = { 1.0, 0.5 };
    static const char *const state_labels[] = { "named dataset", "unnamed data only" };
    bc_heatmap h = { .nrows = nm, .ncols = nt, .row_labels = rl, .col_labels = cl,
                     .col_groups = cg, .values = v, .vmin = 0.0, .vmax = 1.0,
                     .cb_label = NULL, .nstates = 2, .state_values = states,
                     .state_labels = state_labels, .empty_label = "not covered" };
    rc = chart_heatmap(gp, dat, &meta, &h, errs);
done:
    free(row_of);
    free(cols);
    free(rank);
    free(rl);
    free(cl);
    free(cg);
    free(v);
    free(named);
    return rc;
}

/* What a bar shows: its label, its colour category and its height. */
typedef void (*bar_fill_fn)(const bc_analysis *a, int idx, const char **label,
                            const char **category, double *value);

/*
 * Sorts `it` (n items), keeps the first `limit`, and draws them as bars
 * whose label, category and value `fill` derives from each item's index.
 */
static int bars_of(FILE *gp, FILE *dat, const bc_chart_meta *meta, const bc_analysis *a,
                   sort_item *it, size_t n, size_t limit, bar_fill_fn fill, double threshold,
                   const char *threshold_label, double ymax, bc_errors *errs)
{
    qsort(it, n, sizeof *it, cmp_item);
    if (n > limit)
        n = limit;
    const char **lab = malloc((n + 1) * sizeof *lab), **cats = malloc((n + 1) * sizeof *cats);
    const char **colours = malloc((n + 1) * sizeof *colours);
    double *val = malloc((n + 1) * sizeof *val);
    bc_palette pal;
    palette_init(&pal);
    int rc;
    if (!lab || !cats || !colours || !val || report_palette(a, &pal) != 0) {
        rc = oom(errs);
        goto done;
    }
    int any_category = 0;
    for (size_t k = 0; k < n; k++) {
        fill(a, it[k].idx, &lab[k], &cats[k], &val[k]);
        any_category |= cats[k] != NULL;
        colours[k] = palette_colour(&pal, cats[k]);
    }
    /* Without the colouring facet: plain bars and no legend. */
    bc_bars b = { n, lab, val, any_category ? cats : NULL, threshold, threshold_label, ymax,
                  any_category ? colours : NULL };
    rc = chart_bars(gp, dat, meta, &b, errs);
done:
    palette_release(&pal);
    free(lab);
    free(cats);
    free(colours);
    free(val);
    return rc;
}

static void fill_task_models(const bc_analysis *a, int t, const char **label,
                             const char **category, double *value)
{
    *label = a->cat->tasks[t].code;
    *category = facet_category(&a->cat->task_facets, a->cat->tasks[t].facet, "modality");
    *value = (double)a->cov.tasks[t].models;
}

static void fill_dataset_models(const bc_analysis *a, int d, const char **label,
                                const char **category, double *value)
{
    *label = a->cat->datasets[d].name;
    *category = facet_category(&a->cat->dataset_facets, a->cat->datasets[d].facet, "modality");
    *value = (double)a->cov.datasets[d].models;
}

static void fill_task_gini(const bc_analysis *a, int t, const char **label,
                           const char **category, double *value)
{
    *label = a->cat->tasks[t].code;
    *category = facet_category(&a->cat->task_facets, a->cat->tasks[t].facet, "modality");
    *value = a->conc[t].gini;
}

/* 2: models per task, tasks grouped by modality, most covered first. */
static int fig_task_coverage(FILE *gp, FILE *dat, const bc_figure *f, const bc_analysis *a,
                             bc_errors *errs)
{
    const bc_catalog *cat = a->cat;
    size_t nt = cat->n_tasks;
    sort_item *it = malloc((nt + 1) * sizeof *it);
    if (!it)
        return oom(errs);
    for (size_t t = 0; t < nt; t++)
        it[t] = (sort_item){ (int)t, task_group(cat, (int)t),
                             (double)a->cov.tasks[t].models, cat->tasks[t].code };
    bc_chart_meta meta = { f->name, "Models covering each task", "task", "models",
                           "Task coverage from tables/coverage_task.csv (column models); "
                           "the dashed line is the thin threshold: tasks below it are thin, "
                           "tasks at 0 uncovered." };
    int rc = bars_of(gp, dat, &meta, a, it, nt, nt, fill_task_models, (double)a->opts.thin,
                     "thin threshold", NAN, errs);
    free(it);
    return rc;
}

/* 3: the FIGURES_TOP_N datasets used by most models. */
static int fig_dataset_popularity(FILE *gp, FILE *dat, const bc_figure *f,
                                  const bc_analysis *a, bc_errors *errs)
{
    const bc_catalog *cat = a->cat;
    size_t nd = cat->n_datasets;
    sort_item *it = malloc((nd + 1) * sizeof *it);
    if (!it)
        return oom(errs);
    for (size_t d = 0; d < nd; d++)
        it[d] = (sort_item){ (int)d, 0, (double)a->cov.datasets[d].models,
                             cat->datasets[d].name };
    bc_chart_meta meta = { f->name, "Models using each dataset (top " FIGURES_STR(FIGURES_TOP_N) ")", "dataset", "models",
                           "Dataset popularity from tables/coverage_dataset.csv (column "
                           "models), the " FIGURES_STR(FIGURES_TOP_N) " most used datasets, coloured by modality." };
    int rc = bars_of(gp, dat, &meta, a, it, nd, FIGURES_TOP_N, fill_dataset_models, NAN, NULL, NAN, errs);
    free(it);
    return rc;
}

/* 4: models x models Jaccard on datasets, models in community order (the first FIGURES_MAX_MODELS). */
static int fig_model_overlap(FILE *gp, FILE *dat, const bc_figure *f, const bc_analysis *a,
                             bc_errors *errs)
{
    const bc_catalog *cat = a->cat;
    size_t all = cat->n_models;
    size_t nm = all < FIGURES_MAX_MODELS ? all : FIGURES_MAX_MODELS;
    sort_item *it = malloc((all + 1) * sizeof *it);
    const char **lab = malloc((nm + 1) * sizeof *lab);
    double *v = malloc((nm * nm + 1) * sizeof *v);
    int rc;
    if (!it || !lab || !v) {
        rc = oom(errs);
        goto done;
    }
    for (size_t m = 0; m < all; m++) {
        int c = a->community_model[m];
        it[m] = (sort_item){ (int)m, c < 0 ? (int)all + 1 : c, 0.0, cat->models[m].name };
    }
    qsort(it, all, sizeof *it, cmp_item);
    for (size_t k = 0; k < nm; k++)
        lab[k] = cat->models[it[k].idx].name;
    for (size_t k = 0; k < nm * nm; k++)
        v[k] = NAN;
    for (size_t i = 0; i < nm; i++) {
        if (INC_DEG(&a->b.md, (size_t)it[i].idx) > 0)
            v[i * nm + i] = 1.0;
        for (size_t j = i + 1; j < nm; j++) {
            bc_overlap_pair op;
            overlap_pair(&a->b, it[i].idx, it[j].idx, &op);
            if (op.shared_datasets > 0)
                v[i * nm + j] = v[j * nm + i] = op.jaccard_datasets;
        }
    }
    bc_chart_meta meta = { f->name, "Shared datasets between models (Jaccard)", "model",
                           "model",
                           "Model overlap from tables/overlap.csv (jaccard_datasets); models "
                           "in the order of their communities on the model-dataset graph "
                           "(tables/communities.csv); blank = nothing shared." };
    char note[512];
    if (nm < all) {
        snprintf(note, sizeof note,
                 "%s Only the first %zu of %zu models in community order are drawn; "
                 "benchcov overlap lists every pair.",
                 meta.comment, nm, all);
        meta.comment = note;
    }
    bc_heatmap h = { .nrows = nm, .ncols = nm, .row_labels = lab, .col_labels = lab,
                     .values = v, .vmin = 0.0, .vmax = 1.0, .cb_label = "Jaccard on datasets" };
    rc = chart_heatmap(gp, dat, &meta, &h, errs);
done:
    free(it);
    free(lab);
    free(v);
    return rc;
}

/* 5: Gini per task with at least two datasets. */
static int fig_concentration(FILE *gp, FILE *dat, const bc_figure *f, const bc_analysis *a,
                             bc_errors *errs)
{
    const bc_catalog *cat = a->cat;
    size_t nt = cat->n_tasks, n = 0;
    sort_item *it = malloc((nt + 1) * sizeof *it);
    if (!it)
        return oom(errs);
    for (size_t t = 0; t < nt; t++)
        if (a->conc[t].n >= 2)
            it[n++] = (sort_item){ (int)t, task_group(cat, (int)t), a->conc[t].gini,
                                   cat->tasks[t].code };
    bc_chart_meta meta = { f->name, "Concentration of dataset use per task (Gini)", "task",
                           "Gini (0 even, 1 one dataset)",
                           "Concentration from tables/concentration.csv: Gini of the number "
                           "of models using each dataset for the task, tasks with two or more "
                           "datasets (Koch et al. 2021)." };
    int rc = bars_of(gp, dat, &meta, a, it, n, n, fill_task_gini, NAN, NULL, 1.0, errs);
    free(it);
    return rc;
}

/* 6: the two withdrawal curves. */
static int fig_robustness(FILE *gp, FILE *dat, const bc_figure *f, const bc_analysis *a,
                          bc_errors *errs)
{
    size_t n = a->rob.n_datasets + 1;
    double *x = malloc(n * sizeof *x);
    if (!x)
        return oom(errs);
    for (size_t k = 0; k < n; k++)
        x[k] = n > 1 ? (double)k / (double)(n - 1) : 0.0;
    bc_series s[2] = { { "most used first", n, x, a->rob.most_used },
                       { "random order (mean)", n, x, a->rob.random } };
    bc_chart_meta meta = { f->name, "Models left with data as datasets are withdrawn",
                           "share of datasets withdrawn", "share of models with a dataset",
                           "Robustness (Burgos et al. 2007) from tables/robustness.csv: "
                           "datasets withdrawn most used first, and in random order (mean of "
                           "seeded runs); the area under each curve is its robustness." };
    bc_lines l = { 2, s, NAN, NULL, 0.0, 1.0, 0.0, 1.0, 0 };
    int rc = chart_lines(gp, dat, &meta, &l, errs);
    free(x);
    return rc;
}

const char *figures_caption(int which, const bc_catalog *cat)
{
    if (catalog_facet_col(&cat->task_facets, "modality") < 0) {
        if (which == 0)
            return "Coverage matrix: models x tasks in nested order";
        if (which == 1)
            return "Models per task, with the thin threshold";
    }
    return figures[which].caption;
}

/* Parts the models-per-year chart may stack: the chart palette has 8 colours. */
#define YEAR_MAX_PARTS 8

int figures_year_facet(const bc_catalog *cat)
{
    int col = catalog_facet_col(&cat->model_facets, "output");
    if (col >= 0)
        return col;
    int *cols = malloc((cat->model_facets.n + 1) * sizeof *cols);
    if (!cols)
        return -1;
    size_t n = gaps_default_facets(cat, cols);
    for (size_t i = 0; i < n && col < 0; i++)
        if (cat->model_facets.cols[cols[i]].n_values < YEAR_MAX_PARTS)
            col = cols[i];
    free(cols);
    return col;
}

/*
 * 7: models per year, stacked by the values of a model facet
 * (figures_year_facet) in name order, "unknown" on top when some model
 * has no value; one plain part without such a facet.
 */
static int fig_models_per_year(FILE *gp, FILE *dat, const bc_figure *f, const bc_analysis *a,
                               bc_errors *errs)
{
    const bc_catalog *cat = a->cat;
    const bc_facets *fs = &cat->model_facets;
    size_t nm = cat->n_models;
    int lo = 0, hi = 0, unknown = 0, col = figures_year_facet(cat);
    size_t nv = col >= 0 ? fs->cols[col].n_values : 0;
    int no_value = col < 0;
    for (size_t m = 0; m < nm; m++) {
        int y = cat->models[m].year;
        no_value |= catalog_facet_id(fs, cat->models[m].facet, col) < 0;
        if (!y) {
            unknown = 1;
            continue;
        }
        if (!lo || y < lo)
            lo = y;
        if (y > hi)
            hi = y;
    }
    size_t ny = (lo ? (size_t)(hi - lo + 1) : 0) + (size_t)unknown;
    size_t parts = nv + (size_t)no_value;     /* values in name order, then "unknown" */
    char(*years)[16] = calloc(ny + 1, sizeof *years);
    const char **glab = malloc((ny + 1) * sizeof *glab);
    const char **plab = malloc((parts + 1) * sizeof *plab);
    double *v = calloc((ny + 1) * (parts + 1), sizeof *v);
    int rc;
    if (!years || !glab || !plab || !v) {
        rc = oom(errs);
        goto done;
    }
    for (size_t g = 0; g < ny; g++) {
        if (lo && g < (size_t)(hi - lo + 1))
            snprintf(years[g], sizeof years[g], "%d", lo + (int)g);
        else
            snprintf(years[g], sizeof years[g], "unknown");
        glab[g] = years[g];
    }
    for (size_t i = 0; i < nv; i++)
        plab[fs->cols[col].rank[i]] = fs->cols[col].values[i];
    if (no_value)
        plab[nv] = col >= 0 ? "unknown" : "models";
    for (size_t m = 0; m < nm; m++) {
        int y = cat->models[m].year;
        size_t g = y ? (size_t)(y - lo) : ny - 1;
        int id = catalog_facet_id(fs, cat->models[m].facet, col);
        v[g * parts + (id >= 0 ? (size_t)fs->cols[col].rank[id] : nv)] += 1.0;
    }
    char title[160], caption[320];
    if (col >= 0) {
        snprintf(title, sizeof title, "Models per publication year by %.100s",
                 fs->cols[col].name);
        snprintf(caption, sizeof caption,
                 "Models per year from models.csv (year, %.100s): each bar stacks the models "
                 "of one year by their %.100s.",
                 fs->cols[col].name, fs->cols[col].name);
    } else {
        snprintf(title, sizeof title, "Models per publication year");
        snprintf(caption, sizeof caption, "Models per year from the year column of models.csv.");
    }
    bc_chart_meta meta = { f->name, title, "year", "models", caption };
    bc_palette pal;
    palette_init(&pal);
    const char **pcol = malloc((parts + 1) * sizeof *pcol);
    if (!pcol || report_palette(a, &pal) != 0) {
        free(pcol);
        rc = oom(errs);
        goto done;
    }
    for (size_t i = 0; i < parts; i++)
        pcol[i] = col >= 0 ? palette_colour(&pal, i < nv ? plab[i] : "") : "#0072B2";
    bc_stacked st = { ny, glab, parts, plab, v, pcol };
    rc = chart_stacked(gp, dat, &meta, &st, errs);
    palette_release(&pal);
    free(pcol);
done:
    free(years);
    free(glab);
    free(plab);
    free(v);
    return rc;
}

/* 8: covered pairs after each step of the default plan, with the bound. */
static int fig_plan_gain(FILE *gp, FILE *dat, const bc_figure *f, const bc_plan *p,
                         bc_errors *errs)
{
    size_t n = p->n_steps + 1;
    double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
    int rc;
    if (!x || !y) {
        rc = oom(errs);
        goto done;
    }
    x[0] = 0;
    y[0] = 0;
    for (size_t k = 1; k < n; k++) {
        x[k] = (double)k;
        y[k] = (double)p->steps[k - 1].covered;
    }
    bc_series s = { "covered (baseline, task) pairs", n, x, y };
    bc_chart_meta meta = { f->name, "Suggested evaluation set: pairs covered per dataset",
                           "datasets chosen", "(baseline, task) pairs covered",
                           "Gain curve of the default plan from tables/plan.csv: running total "
                           "of covered pairs after each chosen dataset; the dashed line is the "
                           "plan's bound (the optimum when solved exactly, else the LP bound)." };
    bc_lines l = { 1, &s, p->bound, p->bound_is_optimum ? "optimum" : "LP upper bound",
                   0.0, (double)(n > 1 ? n - 1 : 1), 0.0, NAN, 1 };
    rc = chart_lines(gp, dat, &meta, &l, errs);
done:
    free(x);
    free(y);
    return rc;
}

int figures_write(int which, FILE *gp, FILE *dat, const bc_analysis *a, const bc_plan *plan,
                  bc_errors *errs)
{
    const bc_figure *f = &figures[which];
    switch (which) {
    case 0: return fig_coverage_matrix(gp, dat, f, a, errs);
    case 1: return fig_task_coverage(gp, dat, f, a, errs);
    case 2: return fig_dataset_popularity(gp, dat, f, a, errs);
    case 3: return fig_model_overlap(gp, dat, f, a, errs);
    case 4: return fig_concentration(gp, dat, f, a, errs);
    case 5: return fig_robustness(gp, dat, f, a, errs);
    case 6: return fig_models_per_year(gp, dat, f, a, errs);
    case 7: return fig_plan_gain(gp, dat, f, plan, errs);
    default: return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "no figure %d", which);
    }
}
