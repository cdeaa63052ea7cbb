/*
 * report_tables.c - the CSV files of the report's tables/ directory (see
 * report_parts.h): the ones other modules write, and the concentration,
 * communities, bridging and robustness tables written here.
 */
#include <stdlib.h>

#include "fmt.h"
#include "report_parts.h"

const char *const report_table_names[REPORT_TABLES] = {
    "coverage_task", "coverage_model", "coverage_dataset", "overlap", "metrics",
    "concentration", "communities", "bridging", "robustness", "gaps", "plan",
    "contamination", "contamination_by_model", "isolated",
};

static int table_concentration(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("task,datasets,uses,gini,hhi,effective_datasets,top_dataset,top_share\n", fp);
    for (size_t k = 0; k < cat->n_tasks; k++) {
        int t = a->task_order[k];
        const bc_concentration *c = &a->conc[t];
        int d = a->top_dataset[t];
        fmt_csv(fp, cat->tasks[t].code);
        double v[5] = { (double)c->n, c->total, c->gini, c->hhi, c->effective };
        for (int i = 0; i < 5; i++) {
            fputc(',', fp);
            fmt_put_num(fp, v[i]);
        }
        fputc(',', fp);
        if (d >= 0)
            fmt_csv(fp, cat->datasets[d].name);
        fputc(',', fp);
        fmt_put_num(fp, c->top_share);
        fputc('\n', fp);
    }
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

/* Every member of every community: models, then datasets, each in name order. */
static int table_communities(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    size_t nc = a->n_communities;
    const report_members side[2] = {
        { a->model_order, cat->n_models, a->community_model, 1 },
        { a->dataset_order, cat->n_datasets, a->community_dataset, 0 } };
    size_t *start[2] = { NULL, NULL };
    int *member[2] = { NULL, NULL };
    int rc = BC_OK;
    for (int l = 0; l < 2 && rc == BC_OK; l++)
        rc = report_bucket(&side[l], nc, &start[l], &member[l]);
    if (rc == BC_OK) {
        fputs("community,kind,name\n", fp);
        for (size_t c = 0; c < nc; c++)
            for (int l = 0; l < 2; l++)
                for (size_t i = start[l][c]; i < start[l][c + 1]; i++) {
                    int v = member[l][i];
                    fprintf(fp, "%zu,%s,", c + 1, l == 0 ? "model" : "dataset");
                    fmt_csv(fp, l == 0 ? cat->models[v].name : cat->datasets[v].name);
                    fputc('\n', fp);
                }
        rc = ferror(fp) ? BC_EX_IOERR : BC_OK;
    }
    for (int l = 0; l < 2; l++) {
        free(start[l]);
        free(member[l]);
    }
    return rc;
}

/* Every isolated model, in name order, with why it shares nothing. */
static int table_isolated(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("model,tasks,named_datasets,why\n", fp);
    for (size_t i = 0; i < a->comp.isolated; i++) {
        int m = a->comp.isolated_models[i];
        fmt_csv(fp, cat->models[m].name);
        fputc(',', fp);
        fmt_put_num(fp, (double)a->cov.models[m].tasks);
        fputc(',', fp);
        fmt_put_num(fp, (double)a->cov.models[m].datasets);
        fputc(',', fp);
        fmt_csv(fp, report_isolated_why(a, m));
        fputc('\n', fp);
    }
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

static int table_bridging(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("dataset,betweenness,models\n", fp);
    for (size_t k = 0; k < cat->n_datasets; k++) {
        int d = a->dataset_order[k];
        fmt_csv(fp, cat->datasets[d].name);
        fputc(',', fp);
        fmt_put_num(fp, a->betweenness[d]);
        fputc(',', fp);
        fmt_put_num(fp, (double)a->cov.datasets[d].models);
        fputc('\n', fp);
    }
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

static int table_robustness(FILE *fp, const bc_analysis *a)
{
    size_t n = a->rob.n_datasets + 1;
    fputs("withdrawn,share_withdrawn,most_used,random\n", fp);
    for (size_t k = 0; k < n; k++) {
        fprintf(fp, "%zu,", k);
        fmt_put_num(fp, n > 1 ? (double)k / (double)(n - 1) : 0.0);
        fputc(',', fp);
        fmt_put_num(fp, a->rob.most_used[k]);
        fputc(',', fp);
        fmt_put_num(fp, a->rob.random[k]);
        fputc('\n', fp);
    }
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

int report_pairs_complete(const bc_analysis *a)
{
    double m = (double)a->cat->n_models;
    return m * (m - 1) / 2 <= (double)REPORT_MAX_PAIR_ROWS;
}

int report_write_table(int which, FILE *fp, const bc_analysis *a, const bc_plan *plan)
{
    const bc_catalog *cat = a->cat;
    switch (which) {
    case T_COV_TASK: return coverage_write_csv(fp, cat, &a->cov, BC_COV_BY_TASK);
    case T_COV_MODEL: return coverage_write_csv(fp, cat, &a->cov, BC_COV_BY_MODEL);
    case T_COV_DATASET: return coverage_write_csv(fp, cat, &a->cov, BC_COV_BY_DATASET);
    case T_OVERLAP:
        return overlap_write_csv(fp, cat, &a->b, a->model_order,
                                 (bc_overlap_opts){ -1, 0, REPORT_MAX_PAIR_ROWS });
    case T_METRICS: return analysis_write_metrics(fp, a, BC_FORMAT_CSV);
    case T_CONC: return table_concentration(fp, a);
    case T_COMM: return table_communities(fp, a);
    case T_BRIDGE: return table_bridging(fp, a);
    case T_ROBUST: return table_robustness(fp, a);
    case T_GAPS: return gaps_write_csv(fp, cat, &a->gaps);
    case T_CONTAM: return report_table_contamination(fp, a);
    case T_CONTAM_MODEL: return report_table_contamination_by_model(fp, a);
    case T_ISOLATED: return table_isolated(fp, a);
    default: return plan_write_csv(fp, plan);
    }
}
