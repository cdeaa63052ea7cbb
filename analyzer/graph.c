/*
 * graph.c - igraph graphs of the catalog (see graph.h).
 *
 * The IGRAPH_FINALLY discipline stays inside this file: each function
 * either returns a complete result or cleans up everything it made.
 */
#include "graph.h"

#include <igraph.h>
#include <stdlib.h>
#include <string.h>

struct bc_graph {
    igraph_t g;
    size_t nrows; /* row entities: vertices 0 .. nrows-1 */
};

void graph_global_init(void)
{
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    igraph_set_attribute_table(&igraph_cattribute_table);
}

/* Builds the undirected bipartite graph of `m`, rows then columns. */
static igraph_error_t build_from(igraph_t *g, const bc_incidence *m)
{
    igraph_vector_int_t edges;
    size_t ones = incidence_ones(m);
    IGRAPH_CHECK(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * ones)));
    IGRAPH_FINALLY(igraph_vector_int_destroy, &edges);
    size_t k = 0;
    for (size_t r = 0; r < m->nrows; r++)
        for (size_t i = m->rowptr[r]; i < m->rowptr[r + 1]; i++) {
            VECTOR(edges)[k++] = (igraph_integer_t)r;
            VECTOR(edges)[k++] = (igraph_integer_t)(m->nrows + (size_t)m->col[i]);
        }
    IGRAPH_CHECK(igraph_create(g, &edges, (igraph_integer_t)(m->nrows + m->ncols),
                               IGRAPH_UNDIRECTED));
    igraph_vector_int_destroy(&edges);
    IGRAPH_FINALLY_CLEAN(1);
    return IGRAPH_SUCCESS;
}

static igraph_error_t label(igraph_t *g, size_t v, int kind, const char *name)
{
    IGRAPH_CHECK(SETVAN(g, "kind", (igraph_integer_t)v, kind));
    IGRAPH_CHECK(SETVAS(g, "name", (igraph_integer_t)v, name));
    return IGRAPH_SUCCESS;
}

static igraph_error_t label_all(igraph_t *g, const bc_catalog *cat, bc_graph_kind kind)
{
    size_t v = 0;
    if (kind != BC_GRAPH_DATASET_TASK)
        for (size_t i = 0; i < cat->n_models; i++)
            IGRAPH_CHECK(label(g, v++, BC_VERTEX_MODEL, cat->models[i].name));
    if (kind != BC_GRAPH_MODEL_TASK)
        for (size_t i = 0; i < cat->n_datasets; i++)
            IGRAPH_CHECK(label(g, v++, BC_VERTEX_DATASET, cat->datasets[i].name));
    if (kind != BC_GRAPH_MODEL_DATASET)
        for (size_t i = 0; i < cat->n_tasks; i++)
            IGRAPH_CHECK(label(g, v++, BC_VERTEX_TASK, cat->tasks[i].code));
    return IGRAPH_SUCCESS;
}

int graph_from_incidence(const bc_incidence *m, bc_graph **out)
{
    *out = NULL;
    bc_graph *gr = calloc(1, sizeof *gr);
    if (!gr)
        return BC_EX_SOFTWARE;
    if (build_from(&gr->g, m) != IGRAPH_SUCCESS) {
        free(gr);
        return BC_EX_SOFTWARE;
    }
    gr->nrows = m->nrows;
    *out = gr;
    return BC_OK;
}

int graph_build(const bc_catalog *cat, const bc_bipartite *b, bc_graph_kind kind,
                bc_graph **out)
{
    *out = NULL;
    const bc_incidence *m = kind == BC_GRAPH_MODEL_DATASET ? &b->md
                            : kind == BC_GRAPH_MODEL_TASK  ? &b->mt
                                                           : &b->dt;
    bc_graph *gr;
    if (graph_from_incidence(m, &gr) != BC_OK)
        return BC_EX_SOFTWARE;
    if (label_all(&gr->g, cat, kind) != IGRAPH_SUCCESS) {
        graph_free(gr);
        return BC_EX_SOFTWARE;
    }
    *out = gr;
    return BC_OK;
}

void graph_free(bc_graph *g)
{
    if (!g)
        return;
    igraph_destroy(&g->g);
    free(g);
}

size_t graph_vertex_count(const bc_graph *g)
{
    return (size_t)igraph_vcount(&g->g);
}

size_t graph_edge_count(const bc_graph *g)
{
    return (size_t)igraph_ecount(&g->g);
}

size_t graph_row_count(const bc_graph *g)
{
    return g->nrows;
}

const char *graph_vertex_name(const bc_graph *g, size_t v)
{
    return VAS(&g->g, "name", (igraph_integer_t)v);
}

int graph_vertex_kind(const bc_graph *g, size_t v)
{
    return (int)VAN(&g->g, "kind", (igraph_integer_t)v);
}

int graph_communities(const bc_graph *g, uint64_t seed, int *membership)
{
    size_t n = graph_vertex_count(g);
    igraph_vector_int_t memb, deg;
    if (igraph_vector_int_init(&memb, 0) != IGRAPH_SUCCESS)
        return BC_EX_SOFTWARE;
    if (igraph_vector_int_init(&deg, 0) != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&memb);
        return BC_EX_SOFTWARE;
    }
    int rc = BC_EX_SOFTWARE;
    igraph_rng_seed(igraph_rng_default(), (igraph_uint_t)seed);
    if (igraph_community_multilevel(&g->g, NULL, 1.0, &memb, NULL, NULL) == IGRAPH_SUCCESS &&
        igraph_degree(&g->g, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS) ==
            IGRAPH_SUCCESS) {
        for (size_t v = 0; v < n; v++)
            membership[v] = VECTOR(deg)[v] == 0 ? -1 : (int)VECTOR(memb)[v];
        rc = BC_OK;
    }
    igraph_vector_int_destroy(&memb);
    igraph_vector_int_destroy(&deg);
    return rc;
}

int graph_betweenness(const bc_graph *g, double *out)
{
    igraph_vector_t res;
    if (igraph_vector_init(&res, 0) != IGRAPH_SUCCESS)
        return BC_EX_SOFTWARE;
    int rc = BC_EX_SOFTWARE;
    if (igraph_betweenness(&g->g, &res, igraph_vss_all(), IGRAPH_UNDIRECTED, NULL) ==
        IGRAPH_SUCCESS) {
        for (igraph_integer_t v = 0; v < igraph_vector_size(&res); v++)
            out[v] = VECTOR(res)[v];
        rc = BC_OK;
    }
    igraph_vector_destroy(&res);
    return rc;
}
