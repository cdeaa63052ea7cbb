/*
 * export.h - the catalog as a graph for the tools people already use.
 *
 * Four writers of one graph: GraphML (networkx, Gephi, igraph, Cytoscape),
 * DOT (Graphviz), a long edge-list CSV (DuckDB, Spark, pandas; it is also
 * a valid one-file catalog) and JSON nodes and edges (networkx's
 * node-link layout).  The graph is undirected and may hold parallel
 * edges: one edge per usage fact and relation, so every role, task and
 * score stays on its own edge.
 *
 * Nodes are the catalog's models, datasets and tasks under their resolved
 * names (never an alias as written in usage.csv), with ids "m<i>", "d<i>"
 * and "t<i>" (i = the entry's index in the catalog), unique across kinds.
 * Every node carries `kind` (model, dataset, task) and `label` (the name;
 * a task's code), then its known catalog columns and its facets under
 * their header names (a facet named id, kind, label, source, target or key
 * with '_' added; in GraphML also one Gephi draws with, in DOT one
 * Graphviz would read).  Edges carry
 * `relation` (model-dataset, model-task, dataset-task), the fact's role,
 * the third party of the fact (a model-dataset edge its task, a model-task
 * edge its dataset, a dataset-task edge its model), score, metric, split
 * and `provenance` (the fact's source); when datasets.csv has a tasks
 * column, the dataset-task graph also holds one edge with `declared` true
 * for every task a dataset lists.  Empty values are left out.
 *
 * The writers stream: memory is the attribute list, work is linear in the
 * catalog.  The edge list (format `edges`) holds usage facts only, one row
 * each; see export_write.
 */
#ifndef BENCHCOV_EXPORT_H
#define BENCHCOV_EXPORT_H

#include <stdio.h>
#include "catalog.h"

typedef enum {
    BC_EXPORT_GRAPHML = 0,
    BC_EXPORT_DOT,
    BC_EXPORT_EDGES,
    BC_EXPORT_JSON
} bc_export_format;

/* The graphs to write: a set of these bits. */
enum {
    BC_EXPORT_MODEL_DATASET = 1u,
    BC_EXPORT_MODEL_TASK = 2u,
    BC_EXPORT_DATASET_TASK = 4u,
    BC_EXPORT_ALL = 7u
};

/*
 * "graphml", "dot", "edges" or "json" to *f; "model-dataset",
 * "model-task", "dataset-task" or "all" to *graphs.  Return 0, or -1 for
 * any other name (nothing stored).
 */
int export_format_from_name(const char *name, bc_export_format *f);
int export_graph_from_name(const char *name, unsigned *graphs);

/*
 * The header of the `edges` format, without the line end:
 * "model,dataset,task,role,score,metric,split,source".
 */
extern const char export_edges_header[];

/*
 * Writes the graphs `graphs` (a non-empty set of BC_EXPORT_* bits) of
 * `cat` to fp in `format`.  The node kinds are those the graphs join.
 * For BC_EXPORT_EDGES the rows are the usage facts behind the graphs'
 * edges, in usage order: with BC_EXPORT_ALL every fact; model-dataset
 * the facts naming a dataset; model-task those naming a task;
 * dataset-task those naming both (declared dataset tasks are not facts
 * and appear only in the other formats).
 * Same catalog, same bytes.  Returns BC_OK, or BC_EX_SOFTWARE when memory
 * runs out; write errors are left in fp's error flag for the caller.
 */
int export_write(FILE *fp, const bc_catalog *cat, bc_export_format format, unsigned graphs);

#endif
