/*
 * communities.h - communities of the model-dataset graph, exact on small
 * graphs and from a seeded sample of models on large ones.
 *
 * Exact: igraph's multilevel (Louvain) method on the whole graph (graph.h)
 * while it has at most COMMUNITIES_EXACT_EDGES edges.
 *
 * Sampled, above that: a seeded uniform sample of models is drawn until
 * their edges reach COMMUNITIES_SAMPLE_EDGES; multilevel runs on the
 * subgraph of those models and the datasets they name.  Every other vertex
 * then joins, one at a time (models in index order, then datasets, repeated
 * while any joins), the neighbouring community with the largest gain in
 * Barber's modularity (modularity.h):
 *
 *     gain(v, c) = k_vc - k_v S_c / E
 *
 * with k_vc the edges from v into c, k_v the degree of v, S_c the degree
 * sum of the other side's vertices in c and E the edges of the whole
 * graph; ties go to the lower community number.  A component the sample
 * never reached becomes one community of its own.  Each step is O(E), so
 * the whole costs multilevel on the sample plus a few linear passes.
 *
 * The partition is then numbered 0.. by decreasing size, ties by the
 * smallest vertex (models first, then datasets, in catalog order).  How
 * far the sampled Q lies from the exact one is measured in
 * tests/test_communities.c on a catalog of medium size.
 */
#ifndef BENCHCOV_COMMUNITIES_H
#define BENCHCOV_COMMUNITIES_H

#include <stddef.h>
#include <stdint.h>

#include "incidence.h"

/* Largest model-dataset graph, in edges, whose communities are exact. */
#define COMMUNITIES_EXACT_EDGES 2000000
/* Edges of the sampled models' subgraph above it. */
#define COMMUNITIES_SAMPLE_EDGES 1000000

typedef struct {
    size_t exact_edges;  /* COMMUNITIES_EXACT_EDGES, or smaller in tests */
    size_t sample_edges; /* COMMUNITIES_SAMPLE_EDGES, or smaller in tests */
} bc_communities_limits;

#define BC_COMMUNITIES_LIMITS ((bc_communities_limits){ COMMUNITIES_EXACT_EDGES, \
                                                        COMMUNITIES_SAMPLE_EDGES })

typedef struct {
    int *model;            /* per row of md: its community, -1 when it has no edge */
    int *dataset;          /* per column of md: likewise */
    size_t n;              /* communities, numbered 0 .. n-1 */
    size_t models_sampled; /* models multilevel saw: every row of md when exact */
} bc_communities;

/* Prepares an empty result. Allocates nothing. */
void communities_init(bc_communities *c);

/* Frees the arrays; the result is empty afterwards. NULL is fine. */
void communities_release(bc_communities *c);

/*
 * Communities of the bipartite graph of `md` (rows: models, columns:
 * datasets) under `lim`, igraph's RNG and the model sample seeded with
 * `seed`, so the result repeats.  `out` is fresh or released.  Returns
 * BC_OK, or BC_EX_SOFTWARE (out of memory or an igraph failure; `out`
 * is then empty).
 */
int communities_compute(bc_communities *out, const bc_incidence *md, uint64_t seed,
                        bc_communities_limits lim);

#endif
