/*
 * test_graph.c - the igraph module: graph shape and attributes, seeded
 * communities, betweenness against hand-worked values.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "assert_near.h"
#include "bipartite.h"
#include "graph.h"
#include "handmade_catalog.h"

/* Two bicliques {A,B} x {d0,d1} and {C,D} x {d2,d3}, one task. */
static void two_islands(bc_catalog *cat, bc_bipartite *b)
{
    static const char *const models[] = { "A", "B", "C", "D" };
    static const char *const datasets[] = { "d0", "d1", "d2", "d3" };
    static const char *const tasks[] = { "ASR" };
    static const hc_use u[] = { { 0, 0, 0 }, { 0, 1, 0 }, { 1, 0, 0 }, { 1, 1, 0 },
                                { 2, 2, 0 }, { 2, 3, 0 }, { 3, 2, 0 }, { 3, 3, 0 } };
    hc_make(cat, models, 4, datasets, 4, tasks, NULL, 1, u, 8);
    bipartite_init(b);
    assert_int_equal(bipartite_build(b, cat), BC_OK);
}

static void test_shape_and_attributes(void **state)
{
    (void)state;
    bc_catalog cat;
    bc_bipartite b;
    two_islands(&cat, &b);
    bc_graph *g;
    assert_int_equal(graph_build(&cat, &b, BC_GRAPH_MODEL_DATASET, &g), BC_OK);
    assert_int_equal(graph_vertex_count(g), 8);
    assert_int_equal(graph_edge_count(g), 8);
    assert_int_equal(graph_row_count(g), 4);
    assert_string_equal(graph_vertex_name(g, 0), "A");
    assert_int_equal(graph_vertex_kind(g, 0), BC_VERTEX_MODEL);
    assert_string_equal(graph_vertex_name(g, 6), "d2");
    assert_int_equal(graph_vertex_kind(g, 6), BC_VERTEX_DATASET);
    graph_free(g);

    assert_int_equal(graph_build(&cat, &b, BC_GRAPH_MODEL_TASK, &g), BC_OK);
    assert_int_equal(graph_vertex_count(g), 5);
    assert_int_equal(graph_edge_count(g), 4);
    assert_string_equal(graph_vertex_name(g, 4), "ASR");
    assert_int_equal(graph_vertex_kind(g, 4), BC_VERTEX_TASK);
    graph_free(g);

    assert_int_equal(graph_build(&cat, &b, BC_GRAPH_DATASET_TASK, &g), BC_OK);
    assert_int_equal(graph_vertex_count(g), 5);
    assert_int_equal(graph_row_count(g), 4);
    assert_int_equal(graph_vertex_kind(g, 0), BC_VERTEX_DATASET);
    graph_free(g);
    graph_free(NULL);
    bipartite_release(&b);
    hc_free(&cat);
}

static void test_communities(void **state)
{
    (void)state;
    bc_catalog cat;
    bc_bipartite b;
    two_islands(&cat, &b);
    bc_graph *g;
    assert_int_equal(graph_build(&cat, &b, BC_GRAPH_MODEL_DATASET, &g), BC_OK);
    int memb[8], again[8];
    assert_int_equal(graph_communities(g, 7, memb), BC_OK);
    /* Each island is one community, in igraph's numbering. */
    int island0[] = { 0, 1, 4, 5 }, island1[] = { 2, 3, 6, 7 };
    assert_true(memb[0] >= 0 && memb[2] >= 0 && memb[0] != memb[2]);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(memb[island0[i]], memb[0]);
        assert_int_equal(memb[island1[i]], memb[2]);
    }
    assert_int_equal(graph_communities(g, 7, again), BC_OK);
    assert_memory_equal(memb, again, sizeof memb);
    graph_free(g);
    bipartite_release(&b);
    hc_free(&cat);
}

static void test_isolated_vertices_have_no_community(void **state)
{
    (void)state;
    static const char *const models[] = { "A", "B", "lonely" };
    static const char *const datasets[] = { "d0", "unused" };
    static const char *const tasks[] = { "ASR" };
    static const hc_use u[] = { { 0, 0, 0 }, { 1, 0, 0 }, { 2, -1, 0 } };
    bc_catalog cat;
    bc_bipartite b;
    hc_make(&cat, models, 3, datasets, 2, tasks, NULL, 1, u, 3);
    bipartite_init(&b);
    assert_int_equal(bipartite_build(&b, &cat), BC_OK);
    bc_graph *g;
    assert_int_equal(graph_build(&cat, &b, BC_GRAPH_MODEL_DATASET, &g), BC_OK);
    int memb[5];
    assert_int_equal(graph_communities(g, 1, memb), BC_OK);
    assert_true(memb[0] >= 0);
    assert_int_equal(memb[1], memb[0]);
    assert_int_equal(memb[2], -1); /* "lonely" has no named dataset */
    assert_int_equal(memb[3], memb[0]);
    assert_int_equal(memb[4], -1); /* "unused" has no model */
    graph_free(g);
    bipartite_release(&b);
    hc_free(&cat);
}

/*
 * The path M0 - D0 - M1 - D1 - M2.  Betweenness counts the unordered
 * pairs whose shortest path runs through a vertex: D0 lies between M0 and
 * each of M1, D1, M2 (3); M1 between {M0, D0} and {D1, M2} (4); D1
 * between {M0, D0, M1} and M2 (3); the ends lie between nothing (0).
 */
static void test_betweenness_on_a_path(void **state)
{
    (void)state;
    static const char *const models[] = { "M0", "M1", "M2" };
    static const char *const datasets[] = { "D0", "D1" };
    static const char *const tasks[] = { "ASR" };
    static const hc_use u[] = { { 0, 0, 0 }, { 1, 0, 0 }, { 1, 1, 0 }, { 2, 1, 0 } };
    bc_catalog cat;
    bc_bipartite b;
    hc_make(&cat, models, 3, datasets, 2, tasks, NULL, 1, u, 4);
    bipartite_init(&b);
    assert_int_equal(bipartite_build(&b, &cat), BC_OK);
    bc_graph *g;
    assert_int_equal(graph_build(&cat, &b, BC_GRAPH_MODEL_DATASET, &g), BC_OK);
    double bt[5];
    assert_int_equal(graph_betweenness(g, bt), BC_OK);
    const double want[5] = { 0, 4, 0, 3, 3 }; /* M0 M1 M2 D0 D1 */
    for (int v = 0; v < 5; v++)
        assert_near(bt[v], want[v], 1e-12);
    graph_free(g);
    bipartite_release(&b);
    hc_free(&cat);
}

int main(void)
{
    graph_global_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shape_and_attributes),
        cmocka_unit_test(test_communities),
        cmocka_unit_test(test_isolated_vertices_have_no_community),
        cmocka_unit_test(test_betweenness_on_a_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
