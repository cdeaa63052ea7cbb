/*
 * bipartite.c - builds the catalog's bipartite matrices (see bipartite.h).
 *
 * One pass over usage collects (row, column) pairs for each matrix; the
 * sparse matrices are then built by incidence_from_pairs, which sorts and
 * merges duplicates.  The (dataset, task) pair index is the sorted set of
 * named pairs seen in usage, looked up by binary search, so the whole
 * build costs O(usage rows * log(usage rows)) plus datasets.tasks.
 */
#include "bipartite.h"

#include <stdlib.h>
#include <string.h>

void bipartite_init(bc_bipartite *b)
{
    memset(b, 0, sizeof *b);
    incidence_init(&b->mt);
    incidence_init(&b->md);
    incidence_init(&b->dt);
    incidence_init(&b->mp);
    incidence_init(&b->tp);
}

void bipartite_release(bc_bipartite *b)
{
    if (!b)
        return;
    incidence_release(&b->mt);
    incidence_release(&b->md);
    incidence_release(&b->dt);
    incidence_release(&b->mp);
    free(b->pair_dataset);
    free(b->pair_task);
    free(b->pair_models);
    incidence_release(&b->tp);
    bipartite_init(b);
}

/* A named (dataset, task) pair packed for sorting. */
typedef struct {
    int d, t;
} dt_key;

static int cmp_key(const void *a, const void *b)
{
    const dt_key *x = a, *y = b;
    if (x->d != y->d)
        return (x->d > y->d) - (x->d < y->d);
    return (x->t > y->t) - (x->t < y->t);
}

/* Index of (d, t) in the sorted, unique keys[0..n), or -1. */
static long find_key(const dt_key *keys, size_t n, int d, int t)
{
    size_t lo = 0, hi = n;
    dt_key k = { d, t };
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_key(&keys[mid], &k);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Scratch arrays of the build, released together. */
typedef struct {
    int *r, *c;
    size_t n;
} pair_buf;

static int buf_alloc(pair_buf *p, size_t cap)
{
    p->n = 0;
    p->r = malloc((cap ? cap : 1) * sizeof *p->r);
    p->c = malloc((cap ? cap : 1) * sizeof *p->c);
    return p->r && p->c ? 0 : -1;
}

static void buf_free(pair_buf *p)
{
    free(p->r);
    free(p->c);
}

static void buf_push(pair_buf *p, int r, int c)
{
    p->r[p->n] = r;
    p->c[p->n] = c;
    p->n++;
}

int bipartite_build(bc_bipartite *b, const bc_catalog *cat)
{
    size_t nu = cat->n_usage, ndt = 0;
    for (size_t d = 0; d < cat->n_datasets; d++)
        ndt += cat->datasets[d].n_tasks;

    int rc = BC_EX_SOFTWARE;
    pair_buf mt = { 0 }, md = { 0 }, dt = { 0 }, mp = { 0 };
    dt_key *keys = malloc((nu ? nu : 1) * sizeof *keys);
    if (!keys || buf_alloc(&mt, nu) || buf_alloc(&md, nu) || buf_alloc(&dt, nu + ndt) ||
        buf_alloc(&mp, nu))
        goto done;

    size_t nk = 0;
    for (size_t i = 0; i < nu; i++) {
        const bc_usage *u = &cat->usage[i];
        if (u->task >= 0)
            buf_push(&mt, u->model, u->task);
        if (u->dataset >= 0)
            buf_push(&md, u->model, u->dataset);
        if (u->dataset >= 0 && u->task >= 0) {
            buf_push(&dt, u->dataset, u->task);
            keys[nk++] = (dt_key){ u->dataset, u->task };
        }
    }
    for (size_t d = 0; d < cat->n_datasets; d++)
        for (size_t j = 0; j < cat->datasets[d].n_tasks; j++)
            buf_push(&dt, (int)d, cat->datasets[d].tasks[j]);

    /* The pair index: sorted, duplicates squeezed out. */
    qsort(keys, nk, sizeof *keys, cmp_key);
    size_t np = 0;
    for (size_t i = 0; i < nk; i++)
        if (np == 0 || cmp_key(&keys[np - 1], &keys[i]) != 0)
            keys[np++] = keys[i];
    for (size_t i = 0; i < nu; i++) {
        const bc_usage *u = &cat->usage[i];
        if (u->dataset >= 0 && u->task >= 0)
            buf_push(&mp, u->model, (int)find_key(keys, np, u->dataset, u->task));
    }

    bipartite_release(b);
    b->pair_dataset = malloc((np ? np : 1) * sizeof *b->pair_dataset);
    b->pair_task = malloc((np ? np : 1) * sizeof *b->pair_task);
    if (!b->pair_dataset || !b->pair_task)
        goto done;
    for (size_t p = 0; p < np; p++) {
        b->pair_dataset[p] = keys[p].d;
        b->pair_task[p] = keys[p].t;
    }
    b->n_pairs = np;
    size_t M = cat->n_models, D = cat->n_datasets, T = cat->n_tasks;
    if (incidence_from_pairs(&b->mt, M, T, mt.r, mt.c, mt.n) ||
        incidence_from_pairs(&b->md, M, D, md.r, md.c, md.n) ||
        incidence_from_pairs(&b->dt, D, T, dt.r, dt.c, dt.n) ||
        incidence_from_pairs(&b->mp, M, np, mp.r, mp.c, mp.n))
        goto done;
    /* Per pair: how many models have it; per task: its pairs. */
    b->pair_models = calloc(np ? np : 1, sizeof *b->pair_models);
    int *pidx = malloc((np ? np : 1) * sizeof *pidx);
    if (!b->pair_models || !pidx) {
        free(pidx);
        goto done;
    }
    for (size_t i = 0; i < incidence_ones(&b->mp); i++)
        b->pair_models[b->mp.col[i]]++;
    for (size_t p = 0; p < np; p++)
        pidx[p] = (int)p;
    int fail = incidence_from_pairs(&b->tp, T, np, b->pair_task, pidx, np);
    free(pidx);
    if (fail)
        goto done;
    rc = BC_OK;
done:
    if (rc != BC_OK)
        bipartite_release(b);
    free(keys);
    buf_free(&mt);
    buf_free(&md);
    buf_free(&dt);
    buf_free(&mp);
    return rc;
}
