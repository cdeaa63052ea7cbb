/*
 * betweenness.c - Brandes' dependency accumulation from sampled sources
 * on the model-dataset graph (see betweenness.h).
 */
#include "betweenness.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "rng.h"

int betweenness_exact_fits(const bc_incidence *md)
{
    double v = (double)(md->nrows + md->ncols), e = (double)incidence_ones(md);
    return v * e <= BETWEENNESS_EXACT_WORK;
}

size_t betweenness_sources_for(const bc_incidence *md)
{
    double per = (double)(md->nrows + md->ncols) + (double)incidence_ones(md);
    double fit = per > 0 ? BETWEENNESS_SAMPLED_WORK / per : BETWEENNESS_SOURCES;
    if (fit >= BETWEENNESS_SOURCES)
        return BETWEENNESS_SOURCES;
    return fit < BETWEENNESS_MIN_SOURCES ? BETWEENNESS_MIN_SOURCES : (size_t)fit;
}

/*
 * The whole graph's adjacency in one array: vertex v's neighbours are
 * adj[ptr[v] .. ptr[v+1]), models 0..M-1 then datasets M..M+D-1, so the
 * searches below need no branch on the side a vertex is on.
 */
static int adjacency(const bc_incidence *md, size_t **ptr_out, int **adj_out)
{
    size_t M = md->nrows, D = md->ncols, V = M + D, E = incidence_ones(md);
    bc_incidence dm;
    incidence_init(&dm);
    size_t *ptr = malloc((V + 1) * sizeof *ptr);
    int *adj = malloc((2 * E + 1) * sizeof *adj);
    if (!ptr || !adj || incidence_transpose(md, &dm) != BC_OK) {
        free(ptr);
        free(adj);
        incidence_release(&dm);
        return BC_EX_SOFTWARE;
    }
    for (size_t v = 0; v <= M; v++)
        ptr[v] = md->rowptr[v];
    for (size_t i = 0; i < E; i++)
        adj[i] = md->col[i] + (int)M;
    for (size_t d = 0; d < D; d++)
        ptr[M + d + 1] = E + dm.rowptr[d + 1];
    memcpy(adj + E, dm.col, E * sizeof *adj);
    incidence_release(&dm);
    *ptr_out = ptr;
    *adj_out = adj;
    return BC_OK;
}

int betweenness_sampled(const bc_incidence *md, size_t sources, uint64_t seed, double *out)
{
    size_t V = md->nrows + md->ncols, alloc = V ? V : 1;
    size_t *ptr = NULL;
    int *adj = NULL;
    int *pick = malloc(alloc * sizeof *pick);
    int *queue = malloc(alloc * sizeof *queue);
    int *dist = malloc(alloc * sizeof *dist);
    double *sigma = malloc(alloc * sizeof *sigma);
    double *delta = malloc(alloc * sizeof *delta);
    int rc = BC_EX_SOFTWARE;
    if (!pick || !queue || !dist || !sigma || !delta || adjacency(md, &ptr, &adj) != BC_OK)
        goto done;
    memset(out, 0, V * sizeof *out);
    for (size_t v = 0; v < V; v++) {
        pick[v] = (int)v;
        dist[v] = -1;
    }
    size_t k = sources < V ? sources : V;
    if (k < V) { /* the first k of a partial Fisher-Yates shuffle */
        bc_rng rng;
        rng_init(&rng, seed);
        for (size_t i = 0; i < k; i++) {
            size_t j = i + (size_t)rng_below(&rng, V - i);
            int t = pick[i];
            pick[i] = pick[j];
            pick[j] = t;
        }
    }
    for (size_t i = 0; i < k; i++) {
        int s = pick[i];
        size_t head = 0, tail = 0;
        queue[tail++] = s;
        dist[s] = 0;
        sigma[s] = 1;
        while (head < tail) {
            int v = queue[head++], dv = dist[v];
            double sv = sigma[v];
            for (size_t p = ptr[v]; p < ptr[v + 1]; p++) {
                int w = adj[p];
                if (dist[w] < 0) {
                    dist[w] = dv + 1;
                    sigma[w] = 0;
                    queue[tail++] = w;
                }
                if (dist[w] == dv + 1)
                    sigma[w] += sv;
            }
        }
        for (size_t q = 0; q < tail; q++)
            delta[queue[q]] = 0;
        /* Vertices in reverse breadth-first order pass their dependency
         * to their predecessors (neighbours one step closer to s). */
        for (size_t q = tail; q-- > 0;) {
            int w = queue[q], dw = dist[w];
            double share = (1 + delta[w]) / sigma[w];
            for (size_t p = ptr[w]; p < ptr[w + 1]; p++) {
                int v = adj[p];
                if (dist[v] == dw - 1)
                    delta[v] += sigma[v] * share;
            }
            if (w != s)
                out[w] += delta[w];
        }
        for (size_t q = 0; q < tail; q++)
            dist[queue[q]] = -1;
    }
    double scale = k ? (double)V / (2.0 * (double)k) : 0;
    for (size_t v = 0; v < V; v++)
        out[v] *= scale;
    rc = BC_OK;
done:
    free(ptr);
    free(adj);
    free(pick);
    free(queue);
    free(dist);
    free(sigma);
    free(delta);
    return rc;
}
