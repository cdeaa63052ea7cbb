/*
 * nameorder.c - sorting catalog indices by name (see nameorder.h).
 */
#include "nameorder.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *key;
    int idx;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Sorts the n keys and returns their indices, or NULL on OOM. */
static int *order_keys(keyed *k, size_t n)
{
    int *out = malloc((n ? n : 1) * sizeof *out);
    if (!k || !out) {
        free(k);
        free(out);
        return NULL;
    }
    qsort(k, n, sizeof *k, cmp_keyed);
    for (size_t i = 0; i < n; i++)
        out[i] = k[i].idx;
    free(k);
    return out;
}

int *nameorder_models(const bc_catalog *cat)
{
    size_t n = cat->n_models;
    keyed *k = malloc((n ? n : 1) * sizeof *k);
    for (size_t i = 0; k && i < n; i++)
        k[i] = (keyed){ cat->models[i].name, (int)i };
    return order_keys(k, n);
}

int *nameorder_datasets(const bc_catalog *cat)
{
    size_t n = cat->n_datasets;
    keyed *k = malloc((n ? n : 1) * sizeof *k);
    for (size_t i = 0; k && i < n; i++)
        k[i] = (keyed){ cat->datasets[i].name, (int)i };
    return order_keys(k, n);
}

int *nameorder_tasks(const bc_catalog *cat)
{
    size_t n = cat->n_tasks;
    keyed *k = malloc((n ? n : 1) * sizeof *k);
    for (size_t i = 0; k && i < n; i++)
        k[i] = (keyed){ cat->tasks[i].code, (int)i };
    return order_keys(k, n);
}

int *nameorder_rank(const int *order, size_t n)
{
    int *rank = malloc((n ? n : 1) * sizeof *rank);
    if (!rank)
        return NULL;
    for (size_t k = 0; k < n; k++)
        rank[order[k]] = (int)k;
    return rank;
}
