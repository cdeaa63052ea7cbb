/*
 * gaps.c - empty cells of task x facet value, and the datasets that could
 * fill uncovered or thin tasks (see gaps.h).
 */
#include "gaps.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coverage.h"
#include "error.h"
#include "fmt.h"
#include "nameorder.h"

void gaps_init(bc_gaps *g)
{
    memset(g, 0, sizeof *g);
}

static void crosstab_release(bc_crosstab *x)
{
    for (size_t i = 0; i < x->n_cols; i++)
        free(x->col_names[i]);
    free(x->col_names);
    free(x->count);
    memset(x, 0, sizeof *x);
}

void gaps_release(bc_gaps *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n_facets; i++)
        crosstab_release(&g->facets[i].x);
    free(g->facets);
    for (size_t i = 0; i < g->n_fills; i++)
        free(g->fills[i].datasets);
    free(g->fills);
    gaps_init(g);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Position of `s` among the sorted names, or -1. */
static int find_name(char **names, size_t n, const char *s)
{
    char **hit = bsearch(&s, names, n, sizeof *names, cmp_str);
    return hit ? (int)(hit - names) : -1;
}

/*
 * Fills `x` with the groups group[m] (NULL or "" = no group) of the M
 * models and counts, per task, the models of each group covering it.
 */
static int crosstab_build(bc_crosstab *x, const bc_bipartite *b, const char *const *group,
                          size_t *empty)
{
    size_t M = b->mt.nrows, T = b->mt.ncols;
    memset(x, 0, sizeof *x);
    x->col_names = malloc((M ? M : 1) * sizeof *x->col_names);
    int *gm = malloc((M ? M : 1) * sizeof *gm);
    if (!x->col_names || !gm)
        goto oom;
    /* Distinct group names, sorted. */
    size_t n = 0;
    for (size_t m = 0; m < M; m++)
        if (group[m] && group[m][0])
            x->col_names[n++] = (char *)group[m];
    qsort(x->col_names, n, sizeof *x->col_names, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || strcmp(x->col_names[u - 1], x->col_names[i]) != 0)
            x->col_names[u++] = x->col_names[i];
    for (size_t m = 0; m < M; m++)
        gm[m] = group[m] && group[m][0] ? find_name(x->col_names, u, group[m]) : -1;
    /* Own the names: replace the borrowed pointers by copies. */
    for (size_t i = 0; i < u; i++) {
        char *c = strdup(x->col_names[i]);
        if (!c) {
            x->n_cols = i;
            goto oom;
        }
        x->col_names[i] = c;
    }
    x->n_cols = u;
    x->n_rows = T;
    x->count = calloc(T * u > 0 ? T * u : 1, sizeof *x->count);
    if (!x->count)
        goto oom;
    for (size_t m = 0; m < M; m++) {
        if (gm[m] < 0)
            continue;
        for (size_t i = b->mt.rowptr[m]; i < b->mt.rowptr[m + 1]; i++)
            GAPS_CELL(x, b->mt.col[i], gm[m])++;
    }
    *empty = 0;
    for (size_t i = 0; i < T * u; i++)
        if (x->count[i] == 0)
            (*empty)++;
    free(gm);
    return BC_OK;
oom:
    free(gm);
    crosstab_release(x);
    return BC_EX_SOFTWARE;
}

size_t gaps_default_facets(const bc_catalog *cat, int *cols)
{
    const bc_facets *fs = &cat->model_facets;
    size_t n = 0;
    for (size_t c = 0; c < fs->n; c++) {
        size_t with = 0, values = fs->cols[c].n_values;
        for (size_t v = 0; v < values; v++)
            with += fs->cols[c].count[v];
        if (values >= 2 && values <= GAPS_MAX_VALUES && 3 * values <= 2 * with)
            cols[n++] = (int)c;
    }
    /* Name order, so that the order of the columns in the file plays no part. */
    for (size_t i = 1; i < n; i++) {
        int x = cols[i];
        size_t j = i;
        while (j > 0 && strcasecmp(fs->cols[cols[j - 1]].name, fs->cols[x].name) > 0) {
            cols[j] = cols[j - 1];
            j--;
        }
        cols[j] = x;
    }
    return n;
}

int gaps_compute(bc_gaps *g, const bc_catalog *cat, const bc_bipartite *b, int thin,
                 const int *cols, size_t n_cols)
{
    size_t M = cat->n_models, T = cat->n_tasks;
    gaps_init(g);
    const char **grp = calloc(M ? M : 1, sizeof *grp); /* group name per model */
    int *torder = nameorder_tasks(cat);
    int *dorder = nameorder_datasets(cat);
    size_t *cov = calloc(T ? T : 1, sizeof *cov); /* c(t) */
    long *slot = malloc((T ? T : 1) * sizeof *slot);
    if (!grp || !torder || !dorder || !cov || !slot)
        goto oom;
    g->facets = calloc(n_cols ? n_cols : 1, sizeof *g->facets);
    if (!g->facets)
        goto oom;
    for (size_t i = 0; i < n_cols; i++) {
        bc_facet_gaps *fg = &g->facets[i];
        fg->col = cols[i];
        for (size_t m = 0; m < M; m++)
            grp[m] = catalog_facet_value(&cat->model_facets, cat->models[m].facet, cols[i]);
        if (crosstab_build(&fg->x, b, grp, &fg->empty) != BC_OK)
            goto oom;
        g->n_facets++;
    }

    for (size_t i = 0; i < incidence_ones(&b->mt); i++)
        cov[b->mt.col[i]]++;
    g->fills = calloc(T ? T : 1, sizeof *g->fills);
    if (!g->fills)
        goto oom;
    /* slot[t]: the fill of task t, or -1 when t is covered. */
    for (size_t k = 0; k < T; k++) {
        int t = torder[k];
        slot[t] = -1;
        if (coverage_status_of(cov[t], thin) == BC_COV_COVERED)
            continue;
        slot[t] = (long)g->n_fills;
        g->fills[g->n_fills].task = t;
        g->fills[g->n_fills++].models = cov[t];
    }
    /* Two passes over datasets.tasks in dataset name order: count, then fill. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t j = 0; j < cat->n_datasets; j++) {
            const bc_dataset *ds = &cat->datasets[dorder[j]];
            for (size_t q = 0; q < ds->n_tasks; q++) {
                long at = slot[ds->tasks[q]];
                if (at < 0)
                    continue;
                bc_gap_fill *f = &g->fills[at];
                if (pass == 0)
                    f->n++;
                else
                    f->datasets[f->n++] = dorder[j];
            }
        }
        if (pass == 1)
            break;
        for (size_t i = 0; i < g->n_fills; i++) {
            bc_gap_fill *f = &g->fills[i];
            f->datasets = malloc((f->n ? f->n : 1) * sizeof *f->datasets);
            if (!f->datasets)
                goto oom;
            f->n = 0;
        }
    }
    free(grp);
    free(torder);
    free(dorder);
    free(cov);
    free(slot);
    return BC_OK;
oom:
    free(grp);
    free(torder);
    free(dorder);
    free(cov);
    free(slot);
    gaps_release(g);
    return BC_EX_SOFTWARE;
}

int gaps_write_csv(FILE *fp, const bc_catalog *cat, const bc_gaps *g)
{
    int *torder = nameorder_tasks(cat);
    if (!torder)
        return BC_EX_SOFTWARE;
    fputs("task,dimension,group\n", fp);
    for (size_t k = 0; k < cat->n_tasks; k++) {
        int t = torder[k];
        for (size_t i = 0; i < g->n_facets; i++) {
            const bc_crosstab *x = &g->facets[i].x;
            for (size_t c = 0; c < x->n_cols; c++)
                if (GAPS_CELL(x, t, c) == 0) {
                    fmt_csv(fp, cat->tasks[t].code);
                    fputc(',', fp);
                    fmt_csv(fp, cat->model_facets.cols[g->facets[i].col].name);
                    fputc(',', fp);
                    fmt_csv(fp, x->col_names[c]);
                    fputc('\n', fp);
                }
        }
    }
    free(torder);
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}
