/*
 * robustness.c - attack tolerance curves of the model-dataset matrix
 * (Burgos et al. 2007; see robustness.h).
 */
#include "robustness.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "rng.h"

void robustness_init(bc_robustness *r)
{
    memset(r, 0, sizeof *r);
}

void robustness_release(bc_robustness *r)
{
    if (!r)
        return;
    free(r->most_used);
    free(r->random);
    robustness_init(r);
}

/* The curve, with the transpose dm (datasets x models) built by the caller. */
static int curve_with(const bc_incidence *md, const bc_incidence *dm, const int *removal,
                      double *y)
{
    size_t M = md->nrows, D = md->ncols;
    size_t *left = malloc((M ? M : 1) * sizeof *left); /* datasets a model still has */
    if (!left)
        return BC_EX_SOFTWARE;
    size_t alive = 0;
    for (size_t m = 0; m < M; m++) {
        left[m] = INC_DEG(md, m);
        if (left[m] > 0)
            alive++;
    }
    double denom = (double)M;
    y[0] = M ? (double)alive / denom : 0;
    for (size_t k = 0; k < D; k++) {
        int d = removal[k];
        for (size_t j = dm->rowptr[d]; j < dm->rowptr[d + 1]; j++)
            if (--left[dm->col[j]] == 0)
                alive--;
        y[k + 1] = M ? (double)alive / denom : 0;
    }
    free(left);
    return BC_OK;
}

int robustness_curve(const bc_incidence *md, const int *removal, double *y)
{
    bc_incidence dm;
    if (incidence_transpose(md, &dm))
        return BC_EX_SOFTWARE;
    int rc = curve_with(md, &dm, removal, y);
    incidence_release(&dm);
    return rc;
}

double robustness_area(const double *y, size_t n)
{
    if (n < 2)
        return 0;
    double sum = 0, h = 1.0 / (double)(n - 1);
    for (size_t k = 0; k + 1 < n; k++)
        sum += (y[k] + y[k + 1]) * h / 2;
    return sum;
}

/* Sort keys of the most-used order. */
typedef struct {
    size_t models;
    int pos; /* position in the name order */
    int d;
} used_key;

static int cmp_used(const void *a, const void *b)
{
    const used_key *x = a, *y = b;
    if (x->models != y->models)
        return x->models > y->models ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

int *robustness_most_used_order(const bc_incidence *md, const int *name_order)
{
    size_t D = md->ncols;
    used_key *k = calloc(D ? D : 1, sizeof *k);
    int *out = malloc((D ? D : 1) * sizeof *out);
    if (!k || !out) {
        free(k);
        free(out);
        return NULL;
    }
    for (size_t i = 0; i < D; i++) {
        k[name_order[i]].pos = (int)i;
        k[name_order[i]].d = name_order[i];
    }
    for (size_t i = 0; i < incidence_ones(md); i++)
        k[md->col[i]].models++;
    qsort(k, D, sizeof *k, cmp_used);
    for (size_t i = 0; i < D; i++)
        out[i] = k[i].d;
    free(k);
    return out;
}

size_t robustness_runs_for(const bc_incidence *md, size_t n_max)
{
    double per = (double)incidence_ones(md) + (double)md->nrows + (double)md->ncols;
    if (per * (double)n_max <= ROBUSTNESS_WORK)
        return n_max;
    double fit = ROBUSTNESS_WORK / per;
    size_t runs = fit < ROBUSTNESS_MIN_RUNS ? ROBUSTNESS_MIN_RUNS : (size_t)fit;
    return runs < n_max ? runs : n_max;
}

int robustness_compute(bc_robustness *r, const bc_incidence *md, const int *name_order,
                       uint64_t seed, size_t runs)
{
    size_t D = md->ncols, npts = D + 1;
    bc_incidence dm;
    incidence_init(&dm);
    robustness_init(r);
    int *order = robustness_most_used_order(md, name_order);
    double *y = malloc(npts * sizeof *y);
    r->most_used = calloc(npts, sizeof *r->most_used);
    r->random = calloc(npts, sizeof *r->random);
    if (!order || !y || !r->most_used || !r->random || incidence_transpose(md, &dm))
        goto oom;
    r->n_datasets = D;
    r->runs = runs;
    r->seed = seed;
    if (curve_with(md, &dm, order, r->most_used) != BC_OK)
        goto oom;
    r->area_most_used = robustness_area(r->most_used, npts);

    bc_rng rng;
    rng_init(&rng, seed);
    for (size_t run = 0; run < runs; run++) {
        /* Each run shuffles the name order afresh: runs differ only by the stream. */
        memcpy(order, name_order, D * sizeof *order);
        rng_shuffle_int(&rng, order, D);
        if (curve_with(md, &dm, order, y) != BC_OK)
            goto oom;
        for (size_t k = 0; k < npts; k++)
            r->random[k] += y[k];
    }
    if (runs > 0)
        for (size_t k = 0; k < npts; k++)
            r->random[k] /= (double)runs;
    r->area_random = robustness_area(r->random, npts);
    free(order);
    free(y);
    incidence_release(&dm);
    return BC_OK;
oom:
    free(order);
    free(y);
    incidence_release(&dm);
    robustness_release(r);
    return BC_EX_SOFTWARE;
}
