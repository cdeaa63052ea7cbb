/*
 * test_export.c - the four export formats of a small hand-made catalog,
 * each compared with the text worked out by hand from export.h: resolved
 * names, node ids unique across kinds, one edge per fact and relation,
 * declared dataset tasks, hostile text escaped, empty values left out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export.h"
#include "handmade_catalog.h"

/*
 * Models A and B "q"; datasets D1 (1.5 hours, declares T1 and T2) and
 * "D,2"; tasks T1 (Task one), T2 (Task two).  Facts: A on D1 for T1
 * (eval), B "q" on "D,2" without a task (train), B "q" for T2 without a
 * dataset (eval).
 */
static void make(bc_catalog *cat)
{
    static const char *const models[] = { "A", "B \"q\"" };
    static const char *const datasets[] = { "D1", "D,2" };
    static const char *const tasks[] = { "T1", "T2" };
    static const char *const names[] = { "Task one", "Task two" };
    static const hc_use use[] = { { 0, 0, 0 }, { 1, 1, -1 }, { 1, -1, 1 } };
    static const int d0_tasks[] = { 0, 1 };

    hc_make(cat, models, 2, datasets, 2, tasks, names, 2, use, 3);
    hc_dataset_tasks(cat, 0, d0_tasks, 2);
    cat->datasets[0].hours = 1.5;
    free(cat->models[0].paper);
    cat->models[0].paper = hc_dup("P<1>");
    cat->models[0].year = 2024;
    cat->usage[1].role = BC_ROLE_TRAIN;
}

/* What export_write writes for the hand-made catalog; the caller frees it. */
static char *capture(bc_export_format format, unsigned graphs)
{
    bc_catalog cat;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);

    assert_non_null(fp);
    make(&cat);
    assert_int_equal(export_write(fp, &cat, format, graphs), BC_OK);
    assert_int_equal(fclose(fp), 0);
    hc_free(&cat);
    return buf;
}

static void expect_export(bc_export_format format, unsigned graphs, const char *want)
{
    char *buf = capture(format, graphs);
    assert_string_equal(buf, want);
    free(buf);
}

static void test_edges_all(void **state)
{
    (void)state;
    expect_export(BC_EXPORT_EDGES, BC_EXPORT_ALL,
                  "model,dataset,task,role,score,metric,split,source\n"
                  "A,D1,T1,eval,,,,seed\n"
                  "\"B \"\"q\"\"\",\"D,2\",,train,,,,seed\n"
                  "\"B \"\"q\"\"\",,T2,eval,,,,seed\n");
}

static void test_edges_per_graph(void **state)
{
    (void)state;
    expect_export(BC_EXPORT_EDGES, BC_EXPORT_MODEL_DATASET,
                  "model,dataset,task,role,score,metric,split,source\n"
                  "A,D1,T1,eval,,,,seed\n"
                  "\"B \"\"q\"\"\",\"D,2\",,train,,,,seed\n");
    expect_export(BC_EXPORT_EDGES, BC_EXPORT_MODEL_TASK,
                  "model,dataset,task,role,score,metric,split,source\n"
                  "A,D1,T1,eval,,,,seed\n"
                  "\"B \"\"q\"\"\",,T2,eval,,,,seed\n");
    expect_export(BC_EXPORT_EDGES, BC_EXPORT_DATASET_TASK,
                  "model,dataset,task,role,score,metric,split,source\n"
                  "A,D1,T1,eval,,,,seed\n");
}

static void test_json_model_task(void **state)
{
    (void)state;
    expect_export(
        BC_EXPORT_JSON, BC_EXPORT_MODEL_TASK,
        "{\"directed\": false, \"multigraph\": true, \"graph\": {\"generator\": \"benchcov\", "
        "\"graph\": \"model-task\"},\n"
        "\"nodes\": [\n"
        "{\"id\": \"m0\", \"kind\": \"model\", \"label\": \"A\", \"paper\": \"P<1>\", "
        "\"year\": 2024},\n"
        "{\"id\": \"m1\", \"kind\": \"model\", \"label\": \"B \\\"q\\\"\"},\n"
        "{\"id\": \"t0\", \"kind\": \"task\", \"label\": \"T1\", \"name\": \"Task one\", "
        "\"origin\": \"glossary\"},\n"
        "{\"id\": \"t1\", \"kind\": \"task\", \"label\": \"T2\", \"name\": \"Task two\", "
        "\"origin\": \"glossary\"}\n"
        "],\n"
        "\"edges\": [\n"
        "{\"id\": \"e0\", \"source\": \"m0\", \"target\": \"t0\", \"relation\": \"model-task\", "
        "\"role\": \"eval\", \"dataset\": \"D1\", \"provenance\": \"seed\"},\n"
        "{\"id\": \"e1\", \"source\": \"m1\", \"target\": \"t1\", \"relation\": \"model-task\", "
        "\"role\": \"eval\", \"provenance\": \"seed\"}\n"
        "]}\n");
}

static void test_graphml_dataset_task(void **state)
{
    (void)state;
    expect_export(
        BC_EXPORT_GRAPHML, BC_EXPORT_DATASET_TASK,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
        "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"k0\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
        "  <key id=\"k1\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"k2\" for=\"node\" attr.name=\"modality\" attr.type=\"string\"/>\n"
        "  <key id=\"k3\" for=\"node\" attr.name=\"tasks\" attr.type=\"string\"/>\n"
        "  <key id=\"k4\" for=\"node\" attr.name=\"languages\" attr.type=\"string\"/>\n"
        "  <key id=\"k5\" for=\"node\" attr.name=\"hours\" attr.type=\"double\"/>\n"
        "  <key id=\"k6\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
        "  <key id=\"k7\" for=\"node\" attr.name=\"category\" attr.type=\"string\"/>\n"
        "  <key id=\"k8\" for=\"node\" attr.name=\"origin\" attr.type=\"string\"/>\n"
        "  <key id=\"k9\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
        "  <key id=\"k10\" for=\"edge\" attr.name=\"role\" attr.type=\"string\"/>\n"
        "  <key id=\"k11\" for=\"edge\" attr.name=\"model\" attr.type=\"string\"/>\n"
        "  <key id=\"k12\" for=\"edge\" attr.name=\"dataset\" attr.type=\"string\"/>\n"
        "  <key id=\"k13\" for=\"edge\" attr.name=\"task\" attr.type=\"string\"/>\n"
        "  <key id=\"k14\" for=\"edge\" attr.name=\"provenance\" attr.type=\"string\"/>\n"
        "  <key id=\"k15\" for=\"edge\" attr.name=\"declared\" attr.type=\"boolean\"/>\n"
        "  <graph id=\"benchcov\" edgedefault=\"undirected\">\n"
        "    <node id=\"d0\"><data key=\"k0\">dataset</data><data key=\"k1\">D1</data>"
        "<data key=\"k3\">T1;T2</data><data key=\"k5\">1.5</data></node>\n"
        "    <node id=\"d1\"><data key=\"k0\">dataset</data><data key=\"k1\">D,2</data></node>\n"
        "    <node id=\"t0\"><data key=\"k0\">task</data><data key=\"k1\">T1</data>"
        "<data key=\"k6\">Task one</data><data key=\"k8\">glossary</data></node>\n"
        "    <node id=\"t1\"><data key=\"k0\">task</data><data key=\"k1\">T2</data>"
        "<data key=\"k6\">Task two</data><data key=\"k8\">glossary</data></node>\n"
        "    <edge id=\"e0\" source=\"d0\" target=\"t0\"><data key=\"k9\">dataset-task</data>"
        "<data key=\"k10\">eval</data><data key=\"k11\">A</data>"
        "<data key=\"k14\">seed</data></edge>\n"
        "    <edge id=\"e1\" source=\"d0\" target=\"t0\"><data key=\"k9\">dataset-task</data>"
        "<data key=\"k15\">true</data></edge>\n"
        "    <edge id=\"e2\" source=\"d0\" target=\"t1\"><data key=\"k9\">dataset-task</data>"
        "<data key=\"k15\">true</data></edge>\n"
        "  </graph>\n"
        "</graphml>\n");
}

static void test_dot_model_dataset(void **state)
{
    (void)state;
    expect_export(BC_EXPORT_DOT, BC_EXPORT_MODEL_DATASET,
                  "graph \"benchcov\" {\n"
                  "  \"m0\" [kind=\"model\", label=\"A\", \"paper\"=\"P<1>\", \"year\"=\"2024\"];\n"
                  "  \"m1\" [kind=\"model\", label=\"B \\\"q\\\"\"];\n"
                  "  \"d0\" [kind=\"dataset\", label=\"D1\", \"tasks\"=\"T1;T2\", "
                  "\"hours\"=\"1.5\"];\n"
                  "  \"d1\" [kind=\"dataset\", label=\"D,2\"];\n"
                  "  \"m0\" -- \"d0\" [relation=\"model-dataset\", role=\"eval\", task=\"T1\", "
                  "provenance=\"seed\"];\n"
                  "  \"m1\" -- \"d1\" [relation=\"model-dataset\", role=\"train\", "
                  "provenance=\"seed\"];\n"
                  "}\n");
}

/* With every graph, each fact gives one edge per relation whose two ends it names. */
static void test_all_graphs_edge_count(void **state)
{
    (void)state;
    char *buf = capture(BC_EXPORT_DOT, BC_EXPORT_ALL);
    /* Fact 0: 3 edges; fact 1: model-dataset; fact 2: model-task; 2 declared. */
    size_t edges = 0, nodes = 0;
    for (char *p = buf; (p = strstr(p, " -- ")); p++)
        edges++;
    for (char *p = buf; (p = strstr(p, "[kind=")); p++)
        nodes++;
    assert_int_equal(edges, 3 + 1 + 1 + 2);
    assert_int_equal(nodes, 6);
    free(buf);
}

static void test_names(void **state)
{
    (void)state;
    bc_export_format f = BC_EXPORT_JSON;
    unsigned g = 0;
    assert_int_equal(export_format_from_name("dot", &f), 0);
    assert_int_equal(f, BC_EXPORT_DOT);
    assert_int_equal(export_format_from_name("GraphML", &f), -1);
    assert_int_equal(f, BC_EXPORT_DOT);
    assert_int_equal(export_graph_from_name("dataset-task", &g), 0);
    assert_int_equal(g, BC_EXPORT_DATASET_TASK);
    assert_int_equal(export_graph_from_name("all", &g), 0);
    assert_int_equal(g, BC_EXPORT_ALL);
    assert_int_equal(export_graph_from_name("task-model", &g), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edges_all),
        cmocka_unit_test(test_edges_per_graph),
        cmocka_unit_test(test_json_model_task),
        cmocka_unit_test(test_graphml_dataset_task),
        cmocka_unit_test(test_dot_model_dataset),
        cmocka_unit_test(test_all_graphs_edge_count),
        cmocka_unit_test(test_names),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
