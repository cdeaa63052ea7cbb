/*
 * catalog_facets.c - the values of the catalog's facet columns (see
 * catalog_load.h and catalog.h): interned case-insensitively, counted,
 * ranked in name order once the file is read, every exact spelling kept
 * for the lints of `check`.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog_load.h"

int facets_add_col(bc_facets *fs, const char *name)
{
    bc_facet *cols = realloc(fs->cols, (fs->n + 1) * sizeof *cols);
    if (!cols)
        return -1;
    fs->cols = cols;
    bc_facet *f = &cols[fs->n];
    memset(f, 0, sizeof *f);
    if (!(f->name = strdup(name)) || !(f->index = names_new())) {
        free(f->name);
        names_free(f->index);
        return -1;
    }
    return (int)fs->n++;
}

/* Room for element n of an array that grows by doubling from 8.  0 or -1. */
static int room(void **arr, size_t n, size_t size)
{
    if (n != 0 && (n < 8 || (n & (n - 1)) != 0))
        return 0;
    void *a = realloc(*arr, (n == 0 ? 8 : n * 2) * size);
    if (!a)
        return -1;
    *arr = a;
    return 0;
}

/* Adds spelling `text` of value v.  Returns its index, or -1 when memory runs out. */
static int add_spelling(bc_facet *f, const char *text, int v, long line, long c)
{
    if (room((void **)&f->spellings, f->n_spellings, sizeof *f->spellings) < 0)
        return -1;
    char *copy = strdup(text);
    if (!copy)
        return -1;
    f->spellings[f->n_spellings] = (bc_spelling){ copy, v, -1, 1, line, c };
    return (int)f->n_spellings++;
}

int facets_intern(bc_facets *fs, size_t col, const char *value, long line, long c)
{
    bc_facet *f = &fs->cols[col];
    int id = names_find(f->index, value);
    if (id >= 0) {
        f->count[id]++;
        int k = f->first[id], last = k;
        for (; k >= 0; last = k, k = f->spellings[k].next)
            if (strcmp(f->spellings[k].text, value) == 0) {
                f->spellings[k].count++;
                return id;
            }
        int s = add_spelling(f, value, id, line, c);
        if (s < 0)
            return -1;
        f->spellings[last].next = s;
        return id;
    }
    size_t n = f->n_values;
    if (room((void **)&f->values, n, sizeof *f->values) < 0 ||
        room((void **)&f->count, n, sizeof *f->count) < 0 ||
        room((void **)&f->first, n, sizeof *f->first) < 0)
        return -1;
    int s = add_spelling(f, value, (int)n, line, c);
    if (s < 0)
        return -1;
    if (names_add(f->index, value, (int)n, 1) != BC_OK)
        return -1;        /* the spelling stays, counted in n_spellings: released later */
    f->values[n] = f->spellings[s].text;
    f->count[n] = 1;
    f->first[n] = s;
    f->n_values = n + 1;
    return (int)n;
}

static const bc_facet *sort_facet;

/* Case-insensitive name order, then the spelling, then first seen. */
static int cmp_value(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    int c = strcasecmp(sort_facet->values[x], sort_facet->values[y]);
    if (!c)
        c = strcmp(sort_facet->values[x], sort_facet->values[y]);
    return c ? c : (x > y) - (x < y);
}

int facets_finish(bc_facets *fs)
{
    for (size_t c = 0; c < fs->n; c++) {
        bc_facet *f = &fs->cols[c];
        size_t n = f->n_values;
        free(f->rank);
        int *order = malloc((n + 1) * sizeof *order);
        f->rank = malloc((n + 1) * sizeof *f->rank);
        if (!order || !f->rank) {
            free(order);
            return -1;
        }
        for (size_t i = 0; i < n; i++)
            order[i] = (int)i;
        sort_facet = f;
        if (n > 1)
            qsort(order, n, sizeof *order, cmp_value);
        for (size_t i = 0; i < n; i++)
            f->rank[order[i]] = (int)i;
        free(order);
    }
    return 0;
}

void facet_release(bc_facet *f)
{
    free(f->name);
    for (size_t i = 0; i < f->n_spellings; i++)
        free(f->spellings[i].text);   /* values[] point into these */
    free(f->spellings);
    free(f->values);
    free(f->count);
    free(f->first);
    free(f->rank);
    names_free(f->index);
    memset(f, 0, sizeof *f);
}

void facets_release(bc_facets *fs)
{
    for (size_t c = 0; c < fs->n; c++)
        facet_release(&fs->cols[c]);
    free(fs->cols);
    fs->cols = NULL;
    fs->n = 0;
}

int *facets_new_row(size_t n)
{
    if (n == 0)
        return NULL;
    int *row = malloc(n * sizeof *row);
    if (row)
        for (size_t i = 0; i < n; i++)
            row[i] = -1;
    return row;
}

int catalog_facet_col(const bc_facets *fs, const char *name)
{
    for (size_t c = 0; c < fs->n; c++)
        if (strcasecmp(fs->cols[c].name, name) == 0)
            return (int)c;
    return -1;
}

int catalog_facet_id(const bc_facets *fs, const int *facet, int col)
{
    if (!facet || col < 0 || (size_t)col >= fs->n)
        return -1;
    return facet[col];
}

const char *catalog_facet_value(const bc_facets *fs, const int *facet, int col)
{
    int id = catalog_facet_id(fs, facet, col);
    return id >= 0 ? fs->cols[col].values[id] : "";
}

const char *catalog_task_modality(const bc_catalog *cat, int t)
{
    int col = catalog_facet_col(&cat->task_facets, "modality");
    return catalog_facet_value(&cat->task_facets, cat->tasks[t].facet, col);
}
