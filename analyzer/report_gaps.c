/*
 * report_gaps.c - the Gaps section of the report (see report_parts.h):
 * uncovered and thin tasks with the datasets that could fill them, tasks
 * resting on one dataset, isolated models and the empty cross-tab cells.
 */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "nameorder.h"
#include "report_parts.h"


/*
 * Per task, in name order, the models covering it (mt) and the datasets
 * that list it or serve it (dt): built once for the section by walking
 * the name orders, O(ones + models + datasets + tasks).
 */
typedef struct {
    size_t *mstart; /* T + 1 offsets into models */
    int *models;
    size_t *dstart; /* T + 1 offsets into datasets */
    int *datasets;
} task_lists;

static void task_lists_release(task_lists *l)
{
    free(l->mstart);
    free(l->models);
    free(l->dstart);
    free(l->datasets);
}

/* The rows of m (a rows x T matrix) dealt to their columns, rows in `order`. */
static int by_column(const bc_incidence *m, const int *order, size_t T, size_t **start,
                     int **items)
{
    size_t E = incidence_ones(m);
    size_t *fill = calloc(T + 1, sizeof *fill);
    *start = calloc(T + 1, sizeof **start);
    *items = malloc((E ? E : 1) * sizeof **items);
    if (!fill || !*start || !*items) {
        free(fill);
        return BC_EX_SOFTWARE;
    }
    for (size_t i = 0; i < E; i++)
        (*start)[m->col[i] + 1]++;
    for (size_t t = 0; t < T; t++)
        (*start)[t + 1] += (*start)[t];
    for (size_t k = 0; k < m->nrows; k++) {
        int r = order[k];
        for (size_t p = m->rowptr[r]; p < m->rowptr[r + 1]; p++) {
            int t = m->col[p];
            (*items)[(*start)[t] + fill[t]++] = r;
        }
    }
    free(fill);
    return BC_OK;
}

static int task_lists_build(task_lists *l, const bc_analysis *a)
{
    memset(l, 0, sizeof *l);
    size_t T = a->cat->n_tasks;
    if (by_column(&a->b.mt, a->model_order, T, &l->mstart, &l->models) != BC_OK ||
        by_column(&a->b.dt, a->dataset_order, T, &l->dstart, &l->datasets) != BC_OK) {
        task_lists_release(l);
        return BC_EX_SOFTWARE;
    }
    return BC_OK;
}

/* Scratch for md_bridges, kept across the isolated models. */
typedef struct {
    size_t *score; /* per dataset: models that used it for one of m's tasks */
    int *touched;  /* datasets with score > 0 */
    int *rank;     /* per dataset: its position in name order */
} bridge_ws;

/*
 * The datasets that other models used for model m's tasks, most models
 * first (ties in name order), at most three: where m would have to be
 * evaluated to become comparable.  O(pairs of m's tasks).
 */
static void md_bridges(FILE *fp, const bc_analysis *a, int m, bridge_ws *w)
{
    const bc_bipartite *b = &a->b;
    size_t nt = 0;
    for (size_t i = b->mt.rowptr[m]; i < b->mt.rowptr[m + 1]; i++) {
        int t = b->mt.col[i];
        for (size_t j = b->tp.rowptr[t]; j < b->tp.rowptr[t + 1]; j++) {
            int p = b->tp.col[j], d = b->pair_dataset[p];
            /* Other models only: a pair m already has makes nobody comparable. */
            if (incidence_get(&b->mp, (size_t)m, p))
                continue;
            if (!w->score[d])
                w->touched[nt++] = d;
            w->score[d] += b->pair_models[p];
        }
    }
    size_t shown = 0;
    for (; shown < 3; shown++) {
        int best = -1;
        for (size_t i = 0; i < nt; i++) {
            int d = w->touched[i];
            if (w->score[d] && (best < 0 || w->score[d] > w->score[best] ||
                                (w->score[d] == w->score[best] && w->rank[d] < w->rank[best])))
                best = d;
        }
        if (best < 0)
            break;
        fputs(shown ? ", " : "", fp);
        fmt_md(fp, a->cat->datasets[best].name);
        w->score[best] = 0;
    }
    if (!shown)
        fputs("none in the catalog", fp);
    for (size_t i = 0; i < nt; i++)
        w->score[w->touched[i]] = 0;
}

/*
 * The table of uncovered tasks (thin = 0: task, name, modality, fillers)
 * or of thin tasks (thin = 1: task, name, models, which ones, fillers).
 */
static void write_fill_table(FILE *fp, const bc_analysis *a, const task_lists *l, int thin)
{
    const bc_catalog *cat = a->cat;
    const bc_gaps *g = &a->gaps;
    int with_modality = catalog_facet_col(&cat->task_facets, "modality") >= 0;
    fputs(thin ? "| task | name | models | covered by | datasets that could fill it |\n"
                 "|---|---|---:|---|---|\n"
             : with_modality ? "| task | name | modality | datasets that could fill it |\n"
                               "|---|---|---|---|\n"
                             : "| task | name | datasets that could fill it |\n|---|---|---|\n",
          fp);
    for (size_t i = 0; i < g->n_fills; i++) {
        const bc_gap_fill *f = &g->fills[i];
        if ((f->models > 0) != thin)
            continue;
        const bc_task *t = &cat->tasks[f->task];
        fputs("| ", fp);
        fmt_md(fp, t->code);
        fputs(" | ", fp);
        fmt_md(fp, t->name);
        fputs(" | ", fp);
        if (thin) {
            fmt_put_num(fp, (double)f->models);
            fputs(" | ", fp);
            report_md_models(fp, cat, l->models + l->mstart[f->task],
                             l->mstart[f->task + 1] - l->mstart[f->task]);
        } else if (with_modality) {
            fmt_md(fp, catalog_task_modality(cat, f->task));
        }
        if (thin || with_modality)
            fputs(" | ", fp);
        report_md_datasets(fp, cat, f->datasets, f->n);
        fputs(" |\n", fp);
    }
    fputc('\n', fp);
}

/* The empty cells of each facet's cross-table, covered tasks only. */
static void write_facet_gaps(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    const bc_gaps *g = &a->gaps;
    fputs("### Empty cells: task x model facet\n\n", fp);
    if (!g->n_facets) {
        fputs("No model facet groups the models (a models.csv column with 2 to 40 values "
              "held by 1.5 models or more on average; `report --facets` names others).\n\n",
              fp);
        return;
    }
    fputs("A cell (task, value) is empty when no model with that value of the facet covers "
          "the task. Uncovered tasks are empty across every column and are left out below; "
          "the full list is `tables/gaps.csv`.\n\n",
          fp);
    for (size_t i = 0; i < g->n_facets; i++) {
        const bc_crosstab *x = &g->facets[i].x;
        const char *name = cat->model_facets.cols[g->facets[i].col].name;
        fmt_printf(fp, "#### %M\n\nOf the task x %M cells, %N of %N have no model.\n\n", name,
                   name, (double)g->facets[i].empty, (double)(x->n_rows * x->n_cols));
        size_t rows = 0;
        for (size_t k = 0; k < cat->n_tasks; k++) {
            int t = a->task_order[k];
            if (a->cov.tasks[t].status == BC_COV_UNCOVERED)
                continue;
            size_t n_empty = 0;
            for (size_t c = 0; c < x->n_cols; c++)
                if (!GAPS_CELL(x, t, c))
                    n_empty++;
            if (!n_empty)
                continue;
            if (!rows++)
                fmt_printf(fp, "| task | %M values with no model |\n|---|---|\n", name);
            fputs("| ", fp);
            fmt_md(fp, cat->tasks[t].code);
            fputs(" | ", fp);
            size_t w = 0;
            for (size_t c = 0; c < x->n_cols; c++)
                if (!GAPS_CELL(x, t, c)) {
                    fputs(w++ ? ", " : "", fp);
                    fmt_md(fp, x->col_names[c]);
                }
            fputs(" |\n", fp);
        }
        if (rows)
            fputc('\n', fp);
        else
            fmt_printf(fp, "Every covered task has a model of every %M value.\n\n", name);
    }
}

const char *report_isolated_why(const bc_analysis *a, int m)
{
    const bc_bipartite *b = &a->b;
    if (INC_DEG(&b->mt, (size_t)m) == 0 && INC_DEG(&b->md, (size_t)m) == 0)
        return "no usage fact at all";
    if (INC_DEG(&b->mt, (size_t)m) == 0)
        return "its named data has no task (pre-training only)";
    if (INC_DEG(&b->mp, (size_t)m) == 0)
        return "no named dataset for any task";
    return "its (dataset, task) pairs are its own";
}

/* The first REPORT_MAX_ROWS isolated models with the datasets that would link them. */
static int write_isolated(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    size_t nd = cat->n_datasets, shown = a->comp.isolated;
    if (shown > REPORT_MAX_ROWS)
        shown = REPORT_MAX_ROWS;
    bridge_ws w = { calloc(nd + 1, sizeof *w.score), malloc((nd + 1) * sizeof *w.touched),
                    nameorder_rank(a->dataset_order, nd) };
    if (!w.score || !w.touched || !w.rank) {
        free(w.score);
        free(w.touched);
        free(w.rank);
        return BC_EX_SOFTWARE;
    }
    fputs("Models that share no (dataset, task) pair with any other model cannot be "
          "compared with anyone on the catalog's data. The last column names the "
          "datasets other models used for the same tasks, most used first: evaluating "
          "on them would make the model comparable.\n\n"
          "| model | tasks | named datasets | why | datasets that would make it comparable |\n"
          "|---|---:|---:|---|---|\n",
          fp);
    for (size_t i = 0; i < shown; i++) {
        int m = a->comp.isolated_models[i];
        fmt_printf(fp, "| %M | %N | %N | %s | ", cat->models[m].name,
                   (double)a->cov.models[m].tasks, (double)a->cov.models[m].datasets,
                   report_isolated_why(a, m));
        md_bridges(fp, a, m, &w);
        fputs(" |\n", fp);
    }
    report_more(fp, a->comp.isolated, shown, "isolated models", "isolated");
    fputc('\n', fp);
    free(w.score);
    free(w.touched);
    free(w.rank);
    return BC_OK;
}

int report_section_gaps(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    task_lists l;
    if (task_lists_build(&l, a) != BC_OK)
        return BC_EX_SOFTWARE;
    fputs("## Gaps\n\n", fp);
    fputs("What the field has not evaluated, and the catalog's datasets that could fill "
          "each gap (datasets whose `tasks` list the task).\n\n",
          fp);

    fputs("### Uncovered tasks\n\n", fp);
    if (!a->uncovered)
        fputs("Every task has at least one model.\n\n", fp);
    else
        write_fill_table(fp, a, &l, 0);
    fputs("### Thin tasks\n\n", fp);
    if (!a->thin_tasks)
        fputs("No task is thin.\n\n", fp);
    else
        write_fill_table(fp, a, &l, 1);

    fputs("### Tasks carried by a single dataset\n\n", fp);
    if (!a->single_dataset)
        fputs("No covered task rests on a single named dataset.\n\n", fp);
    else {
        fputs("| task | models | the one dataset | other datasets that could serve it |\n"
              "|---|---:|---|---|\n",
              fp);
        for (size_t k = 0; k < cat->n_tasks; k++) {
            int t = a->task_order[k];
            if (!analysis_single_dataset(a, t))
                continue;
            int d = a->top_dataset[t];
            fmt_printf(fp, "| %M | %N | %M | ", cat->tasks[t].code,
                       (double)a->cov.tasks[t].models, d >= 0 ? cat->datasets[d].name : "");
            size_t n_other = 0;
            for (size_t j = l.dstart[t]; j < l.dstart[t + 1]; j++) {
                int o = l.datasets[j];
                if (o == d)
                    continue;
                fputs(n_other++ ? ", " : "", fp);
                fmt_md(fp, cat->datasets[o].name);
            }
            if (!n_other)
                fputs("none in the catalog", fp);
            fputs(" |\n", fp);
        }
        fputc('\n', fp);
    }
    task_lists_release(&l);

    fputs("### Isolated models\n\n", fp);
    if (!a->comp.isolated)
        fputs("Every model shares a (dataset, task) pair with another model.\n\n", fp);
    else if (write_isolated(fp, a) != BC_OK)
        return BC_EX_SOFTWARE;

    write_facet_gaps(fp, a);
    return BC_OK;
}
