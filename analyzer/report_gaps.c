/*
 * report_gaps.c - the Gaps section of the report (see report_parts.h):
 * uncovered and thin tasks with the datasets that could fill them, tasks
 * resting on one dataset, isolated models and the empty cross-tab cells.
 */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "report_parts.h"


/* Models covering task t (mt column), in name order, into a new array. */
static int *task_models(const bc_analysis *a, int t, size_t *n)
{
    const bc_catalog *cat = a->cat;
    int *out = malloc((cat->n_models + 1) * sizeof *out);
    *n = 0;
    if (!out)
        return NULL;
    for (size_t k = 0; k < cat->n_models; k++) {
        int m = a->model_order[k];
        if (incidence_get(&a->b.mt, (size_t)m, t))
            out[(*n)++] = m;
    }
    return out;
}

/*
 * The datasets that other models used for model m's tasks, most models
 * first (ties in name order), at most three: where m would have to be
 * evaluated to become comparable.
 */
static int md_bridges(FILE *fp, const bc_analysis *a, int m)
{
    const bc_catalog *cat = a->cat;
    size_t nd = cat->n_datasets, shown = 0;
    size_t *score = calloc(nd + 1, sizeof *score);
    if (!score)
        return BC_EX_SOFTWARE;
    for (size_t p = 0; p < a->b.n_pairs; p++)
        if (incidence_get(&a->b.mt, (size_t)m, a->b.pair_task[p])) {
            /* Other models only: a pair m already has makes nobody comparable. */
            if (!incidence_get(&a->b.mp, (size_t)m, (int)p))
                score[a->b.pair_dataset[p]] += a->b.pair_models[p];
        }
    for (; shown < 3; shown++) {
        int best = -1;
        for (size_t k = 0; k < nd; k++) {
            int d = a->dataset_order[k];
            if (score[d] && (best < 0 || score[d] > score[best]))
                best = d;
        }
        if (best < 0)
            break;
        fputs(shown ? ", " : "", fp);
        fmt_md(fp, cat->datasets[best].name);
        score[best] = 0;
    }
    if (!shown)
        fputs("none in the catalog", fp);
    free(score);
    return BC_OK;
}


/*
 * The table of uncovered tasks (thin = 0: task, name, modality, fillers)
 * or of thin tasks (thin = 1: task, name, models, which ones, fillers).
 */
static int write_fill_table(FILE *fp, const bc_analysis *a, int thin)
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
            size_t nm;
            int *ms = task_models(a, f->task, &nm);
            if (!ms)
                return BC_EX_SOFTWARE;
            fmt_put_num(fp, (double)f->models);
            fputs(" | ", fp);
            report_md_models(fp, cat, ms, nm);
            free(ms);
        } else if (with_modality) {
            fmt_md(fp, catalog_task_modality(cat, f->task));
        }
        if (thin || with_modality)
            fputs(" | ", fp);
        report_md_datasets(fp, cat, f->datasets, f->n);
        fputs(" |\n", fp);
    }
    fputc('\n', fp);
    return BC_OK;
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

int report_section_gaps(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    int rc;
    fputs("## Gaps\n\n", fp);
    fputs("What the field has not evaluated, and the catalog's datasets that could fill "
          "each gap (datasets whose `tasks` list the task).\n\n",
          fp);

    fputs("### Uncovered tasks\n\n", fp);
    if (!a->uncovered)
        fputs("Every task has at least one model.\n\n", fp);
    else if ((rc = write_fill_table(fp, a, 0)) != BC_OK)
        return rc;
    fputs("### Thin tasks\n\n", fp);
    if (!a->thin_tasks)
        fputs("No task is thin.\n\n", fp);
    else if ((rc = write_fill_table(fp, a, 1)) != BC_OK)
        return rc;

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
            for (size_t j = 0; j < cat->n_datasets; j++) {
                int o = a->dataset_order[j];
                if (o == d || !incidence_get(&a->b.dt, (size_t)o, t))
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

    fputs("### Isolated models\n\n", fp);
    if (!a->comp.isolated)
        fputs("Every model shares a (dataset, task) pair with another model.\n\n", fp);
    else {
        fputs("Models that share no (dataset, task) pair with any other model cannot be "
              "compared with anyone on the catalog's data. The last column names the "
              "datasets other models used for the same tasks, most used first: evaluating "
              "on them would make the model comparable.\n\n"
              "| model | tasks | named datasets | why | datasets that would make it comparable |\n"
              "|---|---:|---:|---|---|\n",
              fp);
        for (size_t i = 0; i < a->comp.isolated; i++) {
            int m = a->comp.isolated_models[i];
            fmt_printf(fp, "| %M | %N | %N | ", cat->models[m].name,
                       (double)a->cov.models[m].tasks, (double)a->cov.models[m].datasets);
            if (INC_DEG(&a->b.mt, (size_t)m) == 0 && INC_DEG(&a->b.md, (size_t)m) == 0)
                fputs("no usage fact at all", fp);
            else if (INC_DEG(&a->b.mt, (size_t)m) == 0)
                fputs("its named data has no task (pre-training only)", fp);
            else if (INC_DEG(&a->b.mp, (size_t)m) == 0)
                fputs("no named dataset for any task", fp);
            else
                fputs("its (dataset, task) pairs are its own", fp);
            fputs(" | ", fp);
            if ((rc = md_bridges(fp, a, m)) != BC_OK)
                return rc;
            fputs(" |\n", fp);
        }
        fputc('\n', fp);
    }

    write_facet_gaps(fp, a);
    return BC_OK;
}
