/*
 * comparability.c - components of the comparability graph by union-find
 * (see comparability.h).
 */
#include "comparability.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

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

int comparability_compute(bc_comparability *c, const bc_incidence *mp, const int *order)
{
    size_t M = mp->nrows, alloc = M ? M : 1;
    bc_incidence pm;
    incidence_init(&pm);
    comparability_init(c);
    int *parent = malloc(alloc * sizeof *parent);
    int *size = malloc(alloc * sizeof *size);
    int *label = malloc(alloc * sizeof *label);
    size_t *stamp = malloc(alloc * sizeof *stamp);
    c->component = malloc(alloc * sizeof *c->component);
    c->isolated_models = malloc(alloc * sizeof *c->isolated_models);
    if (!parent || !size || !label || !stamp || !c->component || !c->isolated_models ||
        incidence_transpose(mp, &pm))
        goto oom;
    c->n_models = M;
    for (size_t m = 0; m < M; m++) {
        parent[m] = (int)m;
        size[m] = 1;
        label[m] = -1;
        stamp[m] = 0;
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

    /* Partners of each model with a larger index, counted once via stamps. */
    size_t sharing = 0;
    for (size_t a = 0; a < M; a++)
        for (size_t i = mp->rowptr[a]; i < mp->rowptr[a + 1]; i++) {
            int p = mp->col[i];
            for (size_t j = pm.rowptr[p]; j < pm.rowptr[p + 1]; j++) {
                size_t b = (size_t)pm.col[j];
                if (b > a && stamp[b] != a + 1) {
                    stamp[b] = a + 1;
                    sharing++;
                }
            }
        }
    double all = M > 1 ? (double)M * (double)(M - 1) / 2 : 0;
    c->pairs_without_shared = all > 0 ? (all - (double)sharing) / all : 0;

    free(parent);
    free(size);
    free(label);
    free(stamp);
    incidence_release(&pm);
    return BC_OK;
oom:
    free(parent);
    free(size);
    free(label);
    free(stamp);
    incidence_release(&pm);
    comparability_release(c);
    return BC_EX_SOFTWARE;
}
