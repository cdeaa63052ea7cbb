/*
 * comparability.c - components of the comparability graph by union-find
 * (see comparability.h).
 */
#include "comparability.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "rng.h"
#include "rowclass.h"

void comparability_init(bc_comparability *c)
{
    memset(c, 0, sizeof *c);
}

void comparability_release(bc_comparability *c)
{
    if (!c)
        return;
    free(c->component);
    free(c->isolated_models);
    comparability_init(c);
}

/* Union-find root with path halving. */
static int uf_find(int *parent, int x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static void uf_union(int *parent, int *size, int x, int y)
{
    x = uf_find(parent, x);
    y = uf_find(parent, y);
    if (x == y)
        return;
    if (size[x] < size[y]) {
        int t = x;
        x = y;
        y = t;
    }
    parent[y] = x;
    size[x] += size[y];
}

/* 1 when two ascending rows have a column in common. */
static int rows_meet(const int *x, size_t nx, const int *y, size_t ny)
{
    size_t i = 0, j = 0;
    while (i < nx && j < ny) {
        if (x[i] == y[j])
            return 1;
        if (x[i] < y[j])
            i++;
        else
            j++;
    }
    return 0;
}

/*
 * Unordered model pairs that share a column of mp, over classes of
 * identical rows; *sampled non-zero when the work budget forced an
 * estimate (then the return value is scaled from the sample).
 */
static int count_sharing(const bc_incidence *mp, const int *order, uint64_t seed,
                         double budget, size_t sample, double *sharing, size_t *sampled)
{
    size_t M = mp->nrows;
    bc_rowclass k;
    bc_incidence cm, cmt;
    incidence_init(&cm);
    incidence_init(&cmt);
    const bc_incidence *mats[1] = { mp };
    if (rowclass_build(&k, mats, 1, order) != BC_OK)
        return -1;
    size_t *stamp = NULL;
    int rc = -1;
    if (rowclass_matrix(&k, mp, &cm) || incidence_transpose(&cm, &cmt))
        goto done;
    double work = 0;
    for (size_t p = 0; p < cmt.nrows; p++)
        work += (double)INC_DEG(&cmt, p) * (double)INC_DEG(&cmt, p);
    *sampled = 0;
    if (work > budget && M > 1) {
        bc_rng rng;
        rng_init(&rng, seed);
        size_t hit = 0;
        for (size_t s = 0; s < sample; s++) {
            size_t x = (size_t)rng_below(&rng, M), y = (size_t)rng_below(&rng, M - 1);
            if (y >= x)
                y++;
            hit += (size_t)rows_meet(mp->col + mp->rowptr[x], INC_DEG(mp, x),
                                     mp->col + mp->rowptr[y], INC_DEG(mp, y));
        }
        *sampled = sample;
        *sharing = (double)M * (double)(M - 1) / 2 * (double)hit / (double)sample;
        rc = 0;
        goto done;
    }
    stamp = calloc(k.n ? k.n : 1, sizeof *stamp);
    if (!stamp)
        goto done;
    double total = 0;
    for (size_t a = 0; a < k.n; a++) {
        double sa = (double)ROWCLASS_SIZE(&k, a);
        if (INC_DEG(&cm, a) > 0)
            total += sa * (sa - 1) / 2;
        for (size_t i = cm.rowptr[a]; i < cm.rowptr[a + 1]; i++) {
            int p = cm.col[i];
            for (size_t j = cmt.rowptr[p]; j < cmt.rowptr[p + 1]; j++) {
                size_t b = (size_t)cmt.col[j];
                if (b > a && stamp[b] != a + 1) {
                    stamp[b] = a + 1;
                    total += sa * (double)ROWCLASS_SIZE(&k, b);
                }
            }
        }
    }
    *sharing = total;
    rc = 0;
done:
    free(stamp);
    incidence_release(&cm);
    incidence_release(&cmt);
    rowclass_release(&k);
    return rc;
}

int comparability_compute(bc_comparability *c, const bc_incidence *mp, const int *order,
                          uint64_t seed)
{
    return comparability_compute_budget(c, mp, order, seed, COMPARABILITY_WORK_BUDGET,
                                        COMPARABILITY_SAMPLE);
}

int comparability_compute_budget(bc_comparability *c, const bc_incidence *mp,
                                 const int *order, uint64_t seed, double work_budget,
                                 size_t sample)
{
    assert(sample > 0);
    size_t M = mp->nrows, alloc = M ? M : 1;
    bc_incidence pm;
    incidence_init(&pm);
    comparability_init(c);
    int *parent = malloc(alloc * sizeof *parent);
    int *size = malloc(alloc * sizeof *size);
    int *label = malloc(alloc * sizeof *label);
    c->component = malloc(alloc * sizeof *c->component);
    c->isolated_models = malloc(alloc * sizeof *c->isolated_models);
    if (!parent || !size || !label || !c->component || !c->isolated_models ||
        incidence_transpose(mp, &pm))
        goto oom;
    c->n_models = M;
    for (size_t m = 0; m < M; m++) {
        parent[m] = (int)m;
        size[m] = 1;
        label[m] = -1;
    }
    /* Every pair column joins all of its models. */
    for (size_t p = 0; p < pm.nrows; p++)
        for (size_t j = pm.rowptr[p] + 1; j < pm.rowptr[p + 1]; j++)
            uf_union(parent, size, pm.col[pm.rowptr[p]], pm.col[j]);

    /* Number components and list isolated models in name order. */
    for (size_t k = 0; k < M; k++) {
        int m = order[k], r = uf_find(parent, m);
        if (size[r] < 2) {
            c->component[m] = -1;
            c->isolated_models[c->isolated++] = m;
            continue;
        }
        if (label[r] < 0)
            label[r] = (int)c->components++;
        c->component[m] = label[r];
    }

    double sharing = 0;
    if (count_sharing(mp, order, seed, work_budget, sample, &sharing, &c->pairs_sampled) != 0)
        goto oom;
    double all = M > 1 ? (double)M * (double)(M - 1) / 2 : 0;
    c->pairs_without_shared = all > 0 ? (all - sharing) / all : 0;

    free(parent);
    free(size);
    free(label);
    incidence_release(&pm);
    return BC_OK;
oom:
    free(parent);
    free(size);
    free(label);
    incidence_release(&pm);
    comparability_release(c);
    return BC_EX_SOFTWARE;
}
