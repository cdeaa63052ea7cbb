/*
 * draft_io.c - a draft to and from catalogs (see draft.h): started from a
 * loaded catalog, rendered as the four CSV files of DESIGN.md section 2
 * and review.csv, and written only after the catalog loader accepted the
 * rendered bytes.
 */
#include "draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "outfile.h"

static const char *role_text(bc_role r)
{
    return r == BC_ROLE_TRAIN ? "train" : "eval";
}

static const char *const file_names[DRAFT_KINDS] = { "tasks", "models", "datasets" };

/* The text of column c of a row, "" when empty. */
static const char *cell(const draft_table *t, int row, int c)
{
    if (row < 0 || (size_t)row >= t->n_rows || c < 0)
        return "";
    const draft_row *r = &t->rows[row];
    return (size_t)c < r->n && r->cells[c] ? r->cells[c] : "";
}

/* ---------------------------------------------------------------- seeding */

static int put(bc_draft *d, draft_kind k, int row, const char *col, const char *v)
{
    return v && *v ? draft_set(d, k, row, col, v, 1) : (draft_column(d, k, col) < 0
                                                            ? BC_EX_SOFTWARE : BC_OK);
}

static int put_list(bc_draft *d, draft_kind k, int row, const char *col, const bc_strlist *l)
{
    if (draft_column(d, k, col) < 0)
        return BC_EX_SOFTWARE;
    for (size_t i = 0; i < l->n; i++)
        if (draft_list_add(d, k, row, col, l->items[i]) != BC_OK)
            return BC_EX_SOFTWARE;
    return BC_OK;
}

/* A number as the shortest plain decimal (no exponent) that reads back as the same double. */
static void score_text(double v, char out[40])
{
    out[0] = '\0';
    if (v != v || v > 1e30 || v < -1e30)
        return;
    for (int p = 0; p <= 17; p++) {
        snprintf(out, 40, "%.*f", p, v);
        if (strtod(out, NULL) == v)
            return;
    }
}

static int put_num(bc_draft *d, draft_kind k, int row, const char *col, double v)
{
    char b[40];
    score_text(v, b);
    return put(d, k, row, col, v < 0 ? "" : b);
}

/* Every facet column of `fs` for entry `facet` of `row`, in header order. */
static int put_facets(bc_draft *d, draft_kind k, int row, const bc_facets *fs, const int *facet)
{
    for (size_t c = 0; c < fs->n; c++) {
        int rc = put(d, k, row, fs->cols[c].name, catalog_facet_value(fs, facet, (int)c));
        if (rc != BC_OK)
            return rc;
    }
    return BC_OK;
}

int draft_from_catalog(bc_draft *d, const bc_catalog *cat)
{
    int rc = draft_start(d);
    int row;
    const unsigned has_models = 1u << BC_FILE_MODELS, has_datasets = 1u << BC_FILE_DATASETS;
    for (size_t i = 0; rc == BC_OK && i < cat->n_tasks; i++) {
        const bc_task *t = &cat->tasks[i];
        rc = draft_add(d, DRAFT_TASKS, t->code, &row, NULL);
        /* a task named only in usage has its code as its name, as the loader gives it */
        if (rc == BC_OK)
            rc = put(d, DRAFT_TASKS, row, "name", t->name);
        if (rc == BC_OK)
            rc = put_facets(d, DRAFT_TASKS, row, &cat->task_facets, t->facet);
    }
    for (size_t i = 0; rc == BC_OK && i < cat->n_models; i++) {
        const bc_model *m = &cat->models[i];
        char year[16] = "";
        if (m->year > 0)
            snprintf(year, sizeof year, "%d", m->year);
        rc = draft_add(d, DRAFT_MODELS, m->name, &row, NULL);
        if (rc != BC_OK || !(cat->files & has_models))
            continue;
        rc = put_list(d, DRAFT_MODELS, row, "aliases", &m->aliases);
        if (rc == BC_OK)
            rc = put(d, DRAFT_MODELS, row, "paper", m->paper);
        if (rc == BC_OK)
            rc = put(d, DRAFT_MODELS, row, "year", year);
        if (rc == BC_OK)
            rc = put_num(d, DRAFT_MODELS, row, "llm_params_b", m->llm_params_b);
        if (rc == BC_OK)
            rc = put_facets(d, DRAFT_MODELS, row, &cat->model_facets, m->facet);
    }
    for (size_t i = 0; rc == BC_OK && i < cat->n_datasets; i++) {
        const bc_dataset *s = &cat->datasets[i];
        rc = draft_add(d, DRAFT_DATASETS, s->name, &row, NULL);
        if (rc != BC_OK || !(cat->files & has_datasets))
            continue;
        rc = put_list(d, DRAFT_DATASETS, row, "aliases", &s->aliases);
        if (rc == BC_OK && draft_column(d, DRAFT_DATASETS, "tasks") < 0)
            rc = BC_EX_SOFTWARE;
        for (size_t j = 0; rc == BC_OK && j < s->n_tasks; j++)
            rc = draft_list_add(d, DRAFT_DATASETS, row, "tasks", cat->tasks[s->tasks[j]].code);
        if (rc == BC_OK)
            rc = put_list(d, DRAFT_DATASETS, row, "languages", &s->languages);
        if (rc == BC_OK)
            rc = put_num(d, DRAFT_DATASETS, row, "hours", s->hours);
        if (rc == BC_OK)
            rc = put_facets(d, DRAFT_DATASETS, row, &cat->dataset_facets, s->facet);
    }
    for (size_t i = 0; rc == BC_OK && i < cat->n_usage; i++) {
        const bc_usage *u = &cat->usage[i];
        char score[40];
        score_text(u->score, score);
        rc = draft_add_fact(d, u->model, u->dataset, u->task, u->role, u->source, score,
                            u->metric, u->split, NULL);
    }
    for (int k = 0; k < DRAFT_KINDS; k++)
        d->n_base[k] = d->t[k].n_rows;
    d->n_base_facts = d->n_facts;
    d->has_base = 1;
    return rc;
}

/* ---------------------------------------------------------------- writing */

static void csv_row_end(FILE *fp)
{
    fputc('\n', fp);
}

static void render_table(const draft_table *t, FILE *fp)
{
    for (size_t c = 0; c < t->n_cols; c++) {
        if (c)
            fputc(',', fp);
        fmt_csv(fp, t->cols[c]);
    }
    csv_row_end(fp);
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t c = 0; c < t->n_cols; c++) {
            if (c)
                fputc(',', fp);
            fmt_csv(fp, cell(t, (int)r, (int)c));
        }
        csv_row_end(fp);
    }
}

static void render_usage(const bc_draft *d, FILE *fp)
{
    int extra = 0;
    for (size_t i = 0; i < d->n_facts && !extra; i++)
        extra = *d->facts[i].score || *d->facts[i].metric || *d->facts[i].split;
    fputs(extra ? "model,dataset,task,role,source,score,metric,split\n"
                : "model,dataset,task,role,source\n",
          fp);
    for (size_t i = 0; i < d->n_facts; i++) {
        const draft_fact *f = &d->facts[i];
        fmt_csv(fp, cell(&d->t[DRAFT_MODELS], f->model, 0));
        fputc(',', fp);
        fmt_csv(fp, cell(&d->t[DRAFT_DATASETS], f->dataset, 0));
        fputc(',', fp);
        fmt_csv(fp, cell(&d->t[DRAFT_TASKS], f->task, 0));
        fputc(',', fp);
        fputs(role_text(f->role), fp);
        fputc(',', fp);
        fmt_csv(fp, f->source);
        if (extra) {
            fputc(',', fp);
            fmt_csv(fp, f->score);
            fputc(',', fp);
            fmt_csv(fp, f->metric);
            fputc(',', fp);
            fmt_csv(fp, f->split);
        }
        csv_row_end(fp);
    }
}

static void render_review(const bc_draft *d, FILE *fp)
{
    fputs("position,mention,problem,action,suggestion\n", fp);
    for (size_t i = 0; i < d->n_notes; i++) {
        const draft_note *n = &d->notes[i];
        const char *f[5] = { n->where, n->mention, n->problem, n->action, n->suggestion };
        for (int j = 0; j < 5; j++) {
            if (j)
                fputc(',', fp);
            fmt_csv(fp, f[j]);
        }
        csv_row_end(fp);
    }
}

void draft_render(const bc_draft *d, const char *which, FILE *fp)
{
    for (int k = 0; k < DRAFT_KINDS; k++)
        if (strcmp(which, file_names[k]) == 0)
            render_table(&d->t[k], fp);
    if (strcmp(which, "usage") == 0)
        render_usage(d, fp);
    else if (strcmp(which, "review") == 0)
        render_review(d, fp);
}

typedef struct {
    char *buf;
    size_t len;
} rendered;

static const char *const out_files[5] = { "tasks", "models", "datasets", "usage", "review" };

int draft_write(bc_draft *d, const char *dir, bc_errors *errs)
{
    rendered r[5] = { { 0 } };
    bc_catalog cat;
    catalog_init(&cat);
    bc_outset set;
    outset_init(&set);
    int rc = BC_OK;

    for (int i = 0; i < 5 && rc == BC_OK; i++) {
        FILE *fp = open_memstream(&r[i].buf, &r[i].len);
        if (!fp) {
            rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
            break;
        }
        draft_render(d, out_files[i], fp);
        if (fclose(fp) != 0)
            rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    }
    /* The catalog loader decides: what it refuses is never written. */
    for (int i = 0; i < 4 && rc == BC_OK; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.csv", dir, out_files[i]);
        int lr = catalog_load_buffer(&cat, out_files[i], path, r[i].buf, r[i].len, errs);
        if (lr != BC_OK)
            rc = errors_add(errs, lr == BC_EX_DATAERR ? BC_EX_SOFTWARE : lr, NULL, 0, 0,
                            "the imported catalog does not load; nothing was written");
    }
    if (rc == BC_OK)
        rc = outfile_mkdirs(dir, errs);
    for (int i = 0; i < 5 && rc == BC_OK; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s.csv", dir, out_files[i]);
        FILE *fp;
        rc = outset_open(&set, path, &fp, errs);
        if (rc == BC_OK && r[i].len && fwrite(r[i].buf, 1, r[i].len, fp) != r[i].len)
            rc = errors_add(errs, BC_EX_IOERR, NULL, 0, 0, "cannot write '%s'", path);
    }
    if (rc == BC_OK)
        rc = outset_commit(&set, errs);
    else
        outset_abort(&set);
    for (int i = 0; i < 5; i++)
        free(r[i].buf);
    catalog_release(&cat);
    return rc;
}
