/*
 * report_contamination.c - the report's Contamination section and its two
 * CSV tables (see report_parts.h): where each model reported results, and
 * which of those evaluations are on a dataset it also trained on
 * (contamination.h computes them; analysis.h holds the result).
 *
 * Rows are listed by model name, dataset name and task code; the Markdown
 * table shows the first REPORT_CONTAM_ROWS models with the most in-domain
 * evaluations, each with its first REPORT_CONTAM_LIST evaluations, and
 * points to the CSV for the rest.
 */
#include <stdlib.h>

#include "fmt.h"
#include "nameorder.h"
#include "report_parts.h"

/* Models shown in the Markdown table; datasets listed per model. */
#define REPORT_CONTAM_ROWS 20
#define REPORT_CONTAM_LIST 12

typedef struct {
    size_t row;              /* index into contam.rows */
    int mrank, drank, trank; /* name ranks; task -1 sorts first */
} keyed_row;

static int cmp_keyed(const void *pa, const void *pb)
{
    const keyed_row *a = pa, *b = pb;
    if (a->mrank != b->mrank)
        return (a->mrank > b->mrank) - (a->mrank < b->mrank);
    if (a->drank != b->drank)
        return (a->drank > b->drank) - (a->drank < b->drank);
    return (a->trank > b->trank) - (a->trank < b->trank);
}

/*
 * The evaluations in name order: a new array of indices into contam.rows,
 * or NULL on OOM (a 1-slot array when there are none).
 */
static size_t *rows_in_name_order(const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    const bc_contamination *c = &a->contam;
    keyed_row *k = malloc((c->n_rows ? c->n_rows : 1) * sizeof *k);
    size_t *out = malloc((c->n_rows ? c->n_rows : 1) * sizeof *out);
    int *mr = nameorder_rank(a->model_order, cat->n_models);
    int *dr = nameorder_rank(a->dataset_order, cat->n_datasets);
    int *tr = nameorder_rank(a->task_order, cat->n_tasks);
    if (!k || !out || !mr || !dr || !tr) {
        free(out);
        out = NULL;
        goto done;
    }
    for (size_t i = 0; i < c->n_rows; i++) {
        const bc_evaluation *r = &c->rows[i];
        k[i] = (keyed_row){ i, mr[r->model], dr[r->dataset], r->task >= 0 ? tr[r->task] : -1 };
    }
    qsort(k, c->n_rows, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < c->n_rows; i++)
        out[i] = k[i].row;
done:
    free(k);
    free(mr);
    free(dr);
    free(tr);
    return out;
}

/* Models with an eval fact, most in-domain first, then by name. */
static int *models_by_indomain(const bc_analysis *a, size_t *n_out)
{
    const bc_catalog *cat = a->cat;
    const bc_contamination *c = &a->contam;
    int *m = malloc((cat->n_models ? cat->n_models : 1) * sizeof *m);
    if (!m)
        return NULL;
    size_t n = 0;
    for (size_t k = 0; k < cat->n_models; k++) {
        int i = a->model_order[k];
        if (c->evals[i])
            m[n++] = i;
    }
    /* Stable insertion by count keeps name order among equals; n is small
     * next to the facts, but use a counting pass to stay linear. */
    size_t maxc = 0;
    for (size_t i = 0; i < n; i++)
        if (c->indomain[m[i]] > maxc)
            maxc = c->indomain[m[i]];
    int *out = malloc((n ? n : 1) * sizeof *out);
    size_t *start = calloc(maxc + 2, sizeof *start);
    if (!out || !start) {
        free(m);
        free(out);
        free(start);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        start[maxc - c->indomain[m[i]] + 1]++;
    for (size_t b = 1; b <= maxc + 1; b++)
        start[b] += start[b - 1];
    for (size_t i = 0; i < n; i++)
        out[start[maxc - c->indomain[m[i]]]++] = m[i];
    free(m);
    free(start);
    *n_out = n;
    return out;
}

/* "Dataset (TASK)", in bold when in-domain. */
static void put_eval_name(FILE *fp, const bc_catalog *cat, const bc_evaluation *r)
{
    if (r->in_domain)
        fputs("**", fp);
    fmt_md(fp, cat->datasets[r->dataset].name);
    if (r->task >= 0) {
        fputs(" (", fp);
        fmt_md(fp, cat->tasks[r->task].code);
        fputc(')', fp);
    }
    if (r->in_domain)
        fputs("**", fp);
}

int report_section_contamination(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    const bc_contamination *c = &a->contam;
    fputs("## Contamination\n\n", fp);
    size_t n_train = 0, n_eval = 0;
    for (size_t i = 0; i < cat->n_usage; i++) {
        n_train += cat->usage[i].role == BC_ROLE_TRAIN;
        n_eval += cat->usage[i].role == BC_ROLE_EVAL;
    }
    if (!n_train || !n_eval || !c->n_evals) {
        fputs(!n_eval || !c->n_evals
                  ? "The catalog has no evaluation fact with a named dataset, so no "
                    "evaluation can be in-domain.\n\n"
                  : "The catalog has no training fact, so no evaluation can be in-domain.\n\n",
              fp);
        return BC_OK;
    }
    fmt_printf(fp,
               "Where the models reported results (their `eval` facts with a named dataset), "
               "and which of those evaluations are **in-domain**: on a dataset the model also "
               "trained on (a `train` fact on the same dataset, for any task or none); "
               "*same task* when a training fact names the same task too.\n\n"
               "- **%N of %N evaluations (%P) are in-domain**, %N of them on the same task.\n"
               "- %N of the %N models with evaluation facts have at least one in-domain "
               "evaluation.\n\n",
               (double)c->n_indomain, (double)c->n_evals,
               c->n_evals ? (double)c->n_indomain / (double)c->n_evals : 0.0,
               (double)c->n_same_task, (double)c->models_indomain,
               (double)c->models_evaluated);
    size_t nm = 0;
    int *models = models_by_indomain(a, &nm);
    size_t *rows = rows_in_name_order(a);
    if (!models || !rows) {
        free(models);
        free(rows);
        return BC_EX_SOFTWARE;
    }
    /* First evaluation of each model, in name order. */
    size_t *first = malloc((cat->n_models ? cat->n_models : 1) * sizeof *first);
    if (!first) {
        free(models);
        free(rows);
        return BC_EX_SOFTWARE;
    }
    for (size_t m = 0; m < cat->n_models; m++)
        first[m] = c->n_rows;
    for (size_t i = c->n_rows; i-- > 0;)
        first[c->rows[rows[i]].model] = i;
    size_t shown = nm < REPORT_CONTAM_ROWS ? nm : REPORT_CONTAM_ROWS;
    if (shown < nm)
        fmt_printf(fp, "The first %N of %N evaluated models, most in-domain evaluations "
                       "first; all of them are in `tables/contamination_by_model.csv`.\n\n",
                   (double)shown, (double)nm);
    fputs("| model | evaluations | in-domain | same task | evaluated on (in-domain in bold) |\n"
          "|---|--:|--:|--:|---|\n",
          fp);
    for (size_t k = 0; k < shown; k++) {
        int m = models[k];
        fmt_printf(fp, "| %M | %N | %N | %N | ", cat->models[m].name, (double)c->evals[m],
                   (double)c->indomain[m], (double)c->same_task[m]);
        size_t listed = 0;
        for (size_t i = first[m]; i < c->n_rows && c->rows[rows[i]].model == m; i++) {
            if (listed == REPORT_CONTAM_LIST) {
                fmt_printf(fp, " and %N more", (double)(c->evals[m] - listed));
                break;
            }
            if (listed)
                fputs(", ", fp);
            put_eval_name(fp, cat, &c->rows[rows[i]]);
            listed++;
        }
        fputs(" |\n", fp);
    }
    fputs("\nEvery evaluation, with both flags, is in `tables/contamination.csv`. The planner's "
          "`unseen` objective (`benchcov plan --objective unseen`) prefers datasets on "
          "which few baselines' evaluations would be in-domain.\n\n",
          fp);
    free(first);
    free(models);
    free(rows);
    return BC_OK;
}

int report_table_contamination(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    const bc_contamination *c = &a->contam;
    size_t *rows = rows_in_name_order(a);
    if (!rows)
        return BC_EX_SOFTWARE;
    fputs("model,dataset,task,in_domain,same_task\n", fp);
    for (size_t i = 0; i < c->n_rows; i++) {
        const bc_evaluation *r = &c->rows[rows[i]];
        fmt_csv(fp, cat->models[r->model].name);
        fputc(',', fp);
        fmt_csv(fp, cat->datasets[r->dataset].name);
        fputc(',', fp);
        if (r->task >= 0)
            fmt_csv(fp, cat->tasks[r->task].code);
        fputs(r->in_domain ? ",yes" : ",no", fp);
        fputs(r->same_task ? ",yes\n" : ",no\n", fp);
    }
    free(rows);
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

int report_table_contamination_by_model(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    const bc_contamination *c = &a->contam;
    fputs("model,evaluations,in_domain,same_task\n", fp);
    for (size_t k = 0; k < cat->n_models; k++) {
        int m = a->model_order[k];
        if (!c->evals[m])
            continue;
        fmt_csv(fp, cat->models[m].name);
        fprintf(fp, ",%zu,%zu,%zu\n", c->evals[m], c->indomain[m], c->same_task[m]);
    }
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}
