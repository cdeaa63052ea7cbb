/*
 * betweenness.h - betweenness centrality of the datasets on the
 * model-dataset graph (undirected, unweighted), estimated from a seeded
 * sample of source vertices when the graph is large.
 *
 * Brandes, "A faster algorithm for betweenness centrality", J. Math.
 * Sociol. 25 (2001): one breadth-first search per source s gives the
 * dependencies delta_s(v) of every vertex, and the betweenness of v is
 * half the sum of delta_s(v) over all sources (each unordered pair of
 * endpoints counted once, as igraph counts it).  With k sources drawn
 * uniformly without replacement from the V vertices, V / (2k) times the
 * sum over the sample is an unbiased estimate (Brandes and Pich,
 * "Centrality estimation in large networks", Int. J. Bifurcation and
 * Chaos 17, 2007).  Each search costs O(V + E).
 *
 * The exact values come from igraph (graph.h) while V x E is at most
 * BETWEENNESS_EXACT_WORK; above it analysis uses betweenness_sampled with
 * betweenness_sources_for() sources and says so (metric betweenness_sources).
 */
#ifndef BENCHCOV_BETWEENNESS_H
#define BENCHCOV_BETWEENNESS_H

#include <stddef.h>
#include <stdint.h>
#include "incidence.h"

/* Largest V x E computed exactly (about a second of breadth-first searches). */
#define BETWEENNESS_EXACT_WORK 50000000.0
/* Sources sampled above it: BETWEENNESS_SOURCES while they fit in
 * BETWEENNESS_SAMPLED_WORK steps (V + E each), fewer on larger graphs but
 * never below BETWEENNESS_MIN_SOURCES. */
#define BETWEENNESS_SOURCES 500
#define BETWEENNESS_MIN_SOURCES 16
#define BETWEENNESS_SAMPLED_WORK 20000000.0

/* The number of sources to sample for the graph of `md` (see above). */
size_t betweenness_sources_for(const bc_incidence *md);

/* 1 when the model-dataset graph of `md` is small enough to compute exactly. */
int betweenness_exact_fits(const bc_incidence *md);

/*
 * Betweenness of every vertex of the bipartite graph of `md` (models
 * 0..M-1, then datasets M..M+D-1) into out[0..M+D), from `sources`
 * sources drawn with `seed` (all M + D vertices, exactly, when sources >=
 * M + D).  Returns BC_OK or BC_EX_SOFTWARE (out of memory).
 */
int betweenness_sampled(const bc_incidence *md, size_t sources, uint64_t seed, double *out);

#endif
