/*
 * graph.h - the catalog's bipartite graphs in igraph: model-dataset,
 * model-task and dataset-task, with "kind" and "name" vertex attributes.
 *
 * The only module that includes <igraph.h>; everything igraph computes
 * for benchcov (communities, betweenness) goes through here and comes
 * back as plain arrays.  Vertices are the row entities first (models, or
 * datasets for dataset-task) in catalog order, then the column entities.
 */
#ifndef BENCHCOV_GRAPH_H
#define BENCHCOV_GRAPH_H

#include <stddef.h>
#include <stdint.h>
#include "bipartite.h"
#include "catalog.h"

typedef enum {
    BC_GRAPH_MODEL_DATASET,
    BC_GRAPH_MODEL_TASK,
    BC_GRAPH_DATASET_TASK
} bc_graph_kind;

/* Vertex kinds, stored as the numeric attribute "kind". */
enum { BC_VERTEX_MODEL = 0, BC_VERTEX_DATASET = 1, BC_VERTEX_TASK = 2 };

typedef struct bc_graph bc_graph;

/*
 * Sets igraph's error and warning handlers (errors come back as codes,
 * nothing is printed or aborted) and the attribute table.  Call once, in
 * main, before any other graph function.
 */
void graph_global_init(void);

/*
 * Builds the graph of `kind` from the catalog and its matrices.  Returns
 * BC_OK with *out set (free with graph_free), or BC_EX_SOFTWARE.
 */
int graph_build(const bc_catalog *cat, const bc_bipartite *b, bc_graph_kind kind,
                bc_graph **out);

/*
 * The bipartite graph of `m` alone, rows then columns, without the
 * "kind" and "name" attributes (graph_vertex_name and graph_vertex_kind
 * must not be called on it): the cheap form the metrics compute on.
 * Returns BC_OK with *out set (free with graph_free), or BC_EX_SOFTWARE.
 */
int graph_from_incidence(const bc_incidence *m, bc_graph **out);

/* Frees the graph. NULL is fine. */
void graph_free(bc_graph *g);

size_t graph_vertex_count(const bc_graph *g);
size_t graph_edge_count(const bc_graph *g);
/* Row entities come first: vertices 0 .. graph_row_count()-1. */
size_t graph_row_count(const bc_graph *g);

/* The "name" attribute of vertex v; valid until the graph is freed. */
const char *graph_vertex_name(const bc_graph *g, size_t v);
/* The "kind" attribute of vertex v (BC_VERTEX_*). */
int graph_vertex_kind(const bc_graph *g, size_t v);

/*
 * Communities by igraph's multilevel (Louvain) method, igraph's RNG seeded
 * with `seed` first so the result repeats.  membership[v] (one slot per
 * vertex) receives igraph's community number of v (0 .. vertices-1, not
 * necessarily contiguous); vertices without edges get -1.  communities.h
 * numbers them for the report.  Returns BC_OK or BC_EX_SOFTWARE.
 */
int graph_communities(const bc_graph *g, uint64_t seed, int *membership);

/*
 * Betweenness centrality of every vertex (undirected, unweighted), into
 * out[v].  Returns BC_OK or BC_EX_SOFTWARE.
 */
int graph_betweenness(const bc_graph *g, double *out);

#endif
