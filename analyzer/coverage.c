/*
 * coverage.c - per task, model and dataset coverage and the coverage
 * tables (see coverage.h; definitions in DESIGN.md section 4).
 */
#include "coverage.h"

#include <stdlib.h>
#include <string.h>

#include "concentration.h"
#include "error.h"
#include "fmt.h"
#include "nameorder.h"

const char *coverage_status_name(bc_cov_status s)
{
    switch (s) {
    case BC_COV_UNCOVERED: return "uncovered";
    case BC_COV_THIN: return "thin";
    case BC_COV_COVERED: return "covered";
    }
    return "";
}

void coverage_init(bc_coverage *c)
{
    memset(c, 0, sizeof *c);
}

void coverage_release(bc_coverage *c)
{
    if (!c)
        return;
    free(c->tasks);
    free(c->models);
    free(c->datasets);
    coverage_init(c);
}

static double ratio(double num, double den)
{
    return den > 0 ? num / den : 0;
}

bc_cov_status coverage_status_of(size_t models, int thin)
{
    if (models == 0)
        return BC_COV_UNCOVERED;
    return thin > 0 && models < (size_t)thin ? BC_COV_THIN : BC_COV_COVERED;
}

int coverage_compute(bc_coverage *c, const bc_bipartite *b, int thin)
{
    size_t M = b->mt.nrows, T = b->mt.ncols, D = b->md.ncols;
    bc_incidence tm;
    incidence_init(&tm);
    coverage_init(c);
    c->tasks = calloc(T ? T : 1, sizeof *c->tasks);
    c->models = calloc(M ? M : 1, sizeof *c->models);
    c->datasets = calloc(D ? D : 1, sizeof *c->datasets);
    if (!c->tasks || !c->models || !c->datasets || incidence_transpose(&b->mt, &tm))
        goto oom;
    c->n_tasks = T;
    c->n_models = M;
    c->n_datasets = D;
    c->thin = thin;

    /* Datasets available per task: column counts of dt. */
    for (size_t i = 0; i < incidence_ones(&b->dt); i++)
        c->tasks[b->dt.col[i]].available++;
    for (size_t t = 0; t < T; t++) {
        bc_task_cov *tc = &c->tasks[t];
        tc->models = INC_DEG(&tm, t);
        tc->datasets = INC_DEG(&b->tp, t); /* each named pair is one (dataset, task) */
        tc->share = ratio((double)tc->models, (double)M);
        tc->status = coverage_status_of(tc->models, thin);
        bc_concentration k;
        if (concentration_task(b, (int)t, &k) != BC_OK)
            goto oom;
        tc->gini = k.gini;
    }

    double share_sum = 0;
    for (size_t m = 0; m < M; m++) {
        bc_model_cov *mc = &c->models[m];
        mc->tasks = INC_DEG(&b->mt, m);
        mc->datasets = INC_DEG(&b->md, m);
        mc->task_share = ratio((double)mc->tasks, (double)T);
        share_sum += mc->task_share;
    }
    c->mean_task_coverage = ratio(share_sum, (double)M);

    for (size_t i = 0; i < incidence_ones(&b->md); i++)
        c->datasets[b->md.col[i]].models++;
    for (size_t d = 0; d < D && d < b->dt.nrows; d++)
        c->datasets[d].tasks = INC_DEG(&b->dt, d);

    c->connectance_model_task = ratio((double)incidence_ones(&b->mt), (double)M * (double)T);
    c->connectance_model_dataset = ratio((double)incidence_ones(&b->md), (double)M * (double)D);
    incidence_release(&tm);
    return BC_OK;
oom:
    incidence_release(&tm);
    coverage_release(c);
    return BC_EX_SOFTWARE;
}

/* One output language: how a text cell, a separator and a row end look. */
typedef struct {
    int md;
    size_t limit; /* rows at most; 0 = all */
} out_style;

static void cell_text(FILE *fp, out_style st, int first, const char *s)
{
    if (st.md)
        fputs(first ? "| " : " | ", fp);
    else if (!first)
        fputc(',', fp);
    if (st.md)
        fmt_md(fp, s);
    else
        fmt_csv(fp, s);
}

static void cell_num(FILE *fp, out_style st, double v)
{
    fputs(st.md ? " | " : ",", fp);
    fmt_put_num(fp, v);
}

static void row_end(FILE *fp, out_style st)
{
    fputs(st.md ? " |\n" : "\n", fp);
}

static void header(FILE *fp, out_style st, const char *const *cols, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cell_text(fp, st, i == 0, cols[i]);
    row_end(fp, st);
    if (st.md) {
        for (size_t i = 0; i < n; i++)
            fputs("|---", fp);
        fputs("|\n", fp);
    }
}

static int write_table(FILE *fp, const bc_catalog *cat, const bc_coverage *c,
                       bc_coverage_by by, out_style st)
{
    static const char *const task_cols[] = { "task", "name", "modality", "models",
                                             "datasets", "share", "gini", "status" };
    static const char *const model_cols[] = { "model", "tasks", "datasets", "task_share" };
    static const char *const dataset_cols[] = { "dataset", "models", "tasks" };
    int *order = NULL;
    switch (by) {
    case BC_COV_BY_TASK:
        order = nameorder_tasks(cat);
        if (!order)
            return BC_EX_SOFTWARE;
    {
        /* The CSV keeps its columns; Markdown drops modality when tasks have none. */
        int mod = !st.md || catalog_facet_col(&cat->task_facets, "modality") >= 0;
        static const char *const plain_cols[] = { "task", "name", "models", "datasets",
                                                  "share", "gini", "status" };
        if (mod)
            header(fp, st, task_cols, 8);
        else
            header(fp, st, plain_cols, 7);
        for (size_t k = 0; k < c->n_tasks && (!st.limit || k < st.limit); k++) {
            int t = order[k];
            const bc_task_cov *tc = &c->tasks[t];
            cell_text(fp, st, 1, cat->tasks[t].code);
            cell_text(fp, st, 0, cat->tasks[t].name);
            if (mod)
                cell_text(fp, st, 0, catalog_task_modality(cat, (int)t));
            cell_num(fp, st, (double)tc->models);
            cell_num(fp, st, (double)tc->datasets);
            cell_num(fp, st, tc->share);
            cell_num(fp, st, tc->gini);
            cell_text(fp, st, 0, coverage_status_name(tc->status));
            row_end(fp, st);
        }
        break;
    }
    case BC_COV_BY_MODEL:
        order = nameorder_models(cat);
        if (!order)
            return BC_EX_SOFTWARE;
        header(fp, st, model_cols, 4);
        for (size_t k = 0; k < c->n_models && (!st.limit || k < st.limit); k++) {
            int m = order[k];
            const bc_model_cov *mc = &c->models[m];
            cell_text(fp, st, 1, cat->models[m].name);
            cell_num(fp, st, (double)mc->tasks);
            cell_num(fp, st, (double)mc->datasets);
            cell_num(fp, st, mc->task_share);
            row_end(fp, st);
        }
        break;
    case BC_COV_BY_DATASET:
        order = nameorder_datasets(cat);
        if (!order)
            return BC_EX_SOFTWARE;
        header(fp, st, dataset_cols, 3);
        for (size_t k = 0; k < c->n_datasets && (!st.limit || k < st.limit); k++) {
            int d = order[k];
            cell_text(fp, st, 1, cat->datasets[d].name);
            cell_num(fp, st, (double)c->datasets[d].models);
            cell_num(fp, st, (double)c->datasets[d].tasks);
            row_end(fp, st);
        }
        break;
    }
    free(order);
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

int coverage_write_csv(FILE *fp, const bc_catalog *cat, const bc_coverage *c,
                       bc_coverage_by by)
{
    return write_table(fp, cat, c, by, (out_style){ 0, 0 });
}

int coverage_write_md(FILE *fp, const bc_catalog *cat, const bc_coverage *c,
                      bc_coverage_by by)
{
    return write_table(fp, cat, c, by, (out_style){ 1, 0 });
}

int coverage_write_md_first(FILE *fp, const bc_catalog *cat, const bc_coverage *c,
                            bc_coverage_by by, size_t limit)
{
    return write_table(fp, cat, c, by, (out_style){ 1, limit });
}
