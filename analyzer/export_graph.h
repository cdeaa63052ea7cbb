/*
 * export_graph.h - the graph `export` writes, as the format writers see it
 * (export_graphml.c, export_dot.c, export_json.c; not for other modules).
 *
 * export.c owns what a node or an edge carries: the attribute lists (one
 * table per node kind, one for edges) and the walk over nodes and edges.
 * A format writer only says how a node, an edge and a value are spelled:
 * it fills an ex_writer and calls ex_walk between its header and footer.
 */
#ifndef BENCHCOV_EXPORT_GRAPH_H
#define BENCHCOV_EXPORT_GRAPH_H

#include <stddef.h>
#include <stdio.h>

#include "catalog.h"
#include "fmt.h"

typedef enum { EX_MODEL = 0, EX_DATASET, EX_TASK, EX_KINDS } ex_kind;

/* "model", "dataset", "task"; and the id prefixes 'm', 'd', 't'. */
extern const char *const ex_kind_name[EX_KINDS];
extern const char ex_kind_prefix[EX_KINDS];

typedef enum { EX_STRING, EX_INT, EX_DOUBLE, EX_LIST, EX_BOOL } ex_type;

/* One attribute value of one node or edge; valid until the catalog is freed. */
typedef struct {
    int present;          /* 0: unknown or empty, the attribute is left out */
    const char *str;      /* EX_STRING */
    double num;           /* EX_INT, EX_DOUBLE; EX_BOOL: 0 or 1 */
    char *const *items;   /* EX_LIST of strings ... */
    const int *tasks;     /* ... or, when non-NULL, of task indices (spelled as codes) */
    size_t n;             /* EX_LIST: items, > 0 when present */
} ex_value;

/* An attribute: its name and type for the writers, its getter for export.c. */
typedef struct {
    const char *name;  /* the catalog column's header name, or the edge attribute's */
    ex_type type;
    int reserved;      /* a name the writers use themselves: written with '_' added */
    void (*get)(const bc_catalog *cat, size_t i, size_t slot, ex_value *v); /* nodes only */
    size_t slot;       /* passed to get: which facet */
} ex_attr;

/* One edge: a relation between two nodes, from a fact or declared by datasets.csv. */
typedef struct {
    unsigned relation;     /* one BC_EXPORT_* bit */
    const bc_usage *u;     /* the fact; NULL for a dataset task datasets.csv declares */
    ex_kind from_kind, to_kind;
    size_t from, to;       /* indices in the catalog */
} ex_edge;

/*
 * The graph of one export: the catalog, the graphs asked for and the
 * attributes of every node kind (ex_graph_init fills them).
 */
typedef struct {
    const bc_catalog *cat;
    unsigned graphs;            /* BC_EXPORT_* bits */
    ex_attr *attrs[EX_KINDS];   /* node attributes per kind, in output order */
    size_t n_attrs[EX_KINDS];
} ex_graph;

/* The edge attributes, in output order, the same for every edge. */
extern const ex_attr ex_edge_attrs[];
extern const size_t ex_n_edge_attrs;

/* Whether the graphs join nodes of kind k. */
int ex_kind_included(const ex_graph *g, ex_kind k);

/* "model-dataset", "model-task", "dataset-task"; "all" for every graph. */
const char *ex_graphs_name(unsigned graphs);

/*
 * What a writer does with each part; ctx is the writer's own state.  Each
 * returns BC_OK or BC_EX_SOFTWARE (out of memory), which ends the walk.
 * node_attr and edge_attr see present values only; `a` is the attribute's
 * index in its list.
 */
typedef struct {
    int (*node_open)(void *ctx, ex_kind k, size_t i, const char *label);
    int (*node_attr)(void *ctx, ex_kind k, size_t a, const ex_value *v);
    int (*node_close)(void *ctx);
    int (*edges_begin)(void *ctx); /* between the last node and the first edge; may be NULL */
    int (*edge_open)(void *ctx, size_t id, const ex_edge *e);
    int (*edge_attr)(void *ctx, size_t a, const ex_value *v);
    int (*edge_close)(void *ctx);
} ex_writer;

/*
 * Every node of the included kinds (models, datasets, tasks, each in file
 * order) with its attributes, then every edge (for each usage row its
 * model-dataset, model-task and dataset-task edges where the row names
 * both ends, then for each dataset its declared tasks), ids from 0.
 * Returns the first failing callback's code, else BC_OK.
 */
int ex_walk(const ex_graph *g, const ex_writer *w, void *ctx);

/* A growable text buffer; zero-initialised is empty. */
typedef struct {
    char *s;
    size_t len, cap;
} ex_text;

/* Appends s; returns 0, or -1 when memory runs out. */
int ex_text_put(ex_text *b, const char *s);

/*
 * The value as text: a string as it is, a number through fmt_num_exact, a
 * boolean "true" or "false", a list joined with ';' as in the catalog.
 * Returns NULL when memory runs out; valid until the next call with b or
 * num.
 */
const char *ex_value_text(const ex_graph *g, const ex_value *v, ex_type type, ex_text *b,
                          char num[FMT_NUM_MAX]);

/* Item k of a list value (a string, or a task's code). */
const char *ex_list_item(const ex_graph *g, const ex_value *v, size_t k);

/*
 * Writes `prefix` (when not '\0') and then i in decimal: node, edge and
 * key ids, without printf's cost on millions of them.
 */
void ex_put_id(FILE *fp, char prefix, size_t i);

/* The format writers: they return BC_OK or BC_EX_SOFTWARE. */
int export_graphml_write(FILE *fp, const ex_graph *g);
int export_dot_write(FILE *fp, const ex_graph *g);
int export_json_write(FILE *fp, const ex_graph *g);

#endif
