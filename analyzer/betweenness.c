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

int betweenness_sampled(const bc_incidence *md, size_t sources, uint64_t seed, double *out)
{
    size_t M = md->nrows, V = M + md->ncols, alloc = V ? V : 1;
    bc_incidence dm;
    incidence_init(&dm);
    int *pick = malloc(alloc * sizeof *pick);
    int *queue = malloc(alloc * sizeof *queue);
    long *dist = malloc(alloc * sizeof *dist);
    double *sigma = malloc(alloc * sizeof *sigma);
    double *delta = malloc(alloc * sizeof *delta);
    int rc = BC_EX_SOFTWARE;
    if (!pick || !queue || !dist || !sigma || !delta || incidence_transpose(md, &dm))
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
            int v = queue[head++];
            const bc_incidence *adj = (size_t)v < M ? md : &dm;
            size_t row = (size_t)v < M ? (size_t)v : (size_t)v - M;
            int off = (size_t)v < M ? (int)M : 0;
            for (size_t p = adj->rowptr[row]; p < adj->rowptr[row + 1]; p++) {
                int w = adj->col[p] + off;
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    sigma[w] = 0;
                    queue[tail++] = w;
                }
                if (dist[w] == dist[v] + 1)
                    sigma[w] += sigma[v];
            }
        }
        for (size_t q = 0; q < tail; q++)
            delta[queue[q]] = 0;
        /* Vertices in reverse breadth-first order pass their dependency
         * to their predecessors (neighbours one step closer to s). */
        for (size_t q = tail; q-- > 0;) {
            int w = queue[q];
            const bc_incidence *adj = (size_t)w < M ? md : &dm;
            size_t row = (size_t)w < M ? (size_t)w : (size_t)w - M;
            int off = (size_t)w < M ? (int)M : 0;
            for (size_t p = adj->rowptr[row]; p < adj->rowptr[row + 1]; p++) {
                int v = adj->col[p] + off;
                if (dist[v] == dist[w] - 1)
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
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
    incidence_release(&dm);
    free(pick);
    free(queue);
    free(dist);
    free(sigma);
    free(delta);
    return rc;
}
