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
 * Models A (paper P<1>, 2024, facets org "Lab & Co", label "x" -- a name
 * the writers use themselves --, color "red" -- a Graphviz attribute --,
 * Size "7B" -- a Gephi node property, and a Graphviz attribute) and
 * B "q"; datasets D1 (1.5 hours, declares T1 and T2) and "D,2"; tasks T1
 * (Task one, modality speech) and T2 (named by its code).  Facts: A on
 * D1 for T1 (eval, 0.875 WER on test-clean), B "q" on "D,2" without a task
 * (train), B "q" for T2 without a dataset (eval).  With `declared` 0,
 * datasets.csv has no tasks column (D1's tasks come from usage).
 */
static void make(bc_catalog *cat, int declared)
{
    static const char *const models[] = { "A", "B \"q\"" };
    static const char *const datasets[] = { "D1", "D,2" };
    static const char *const tasks[] = { "T1", "T2" };
    static const char *const names[] = { "Task one", "T2" };
    static const hc_use use[] = { { 0, 0, 0 }, { 1, 1, -1 }, { 1, -1, 1 } };
    static const int d0_declared[] = { 0, 1 }, d0_used[] = { 0 };

    hc_make(cat, models, 2, datasets, 2, tasks, names, 2, use, 3);
    cat->datasets_list_tasks = declared;
    hc_dataset_tasks(cat, 0, declared ? d0_declared : d0_used, declared ? 2 : 1);
    cat->datasets[0].hours = 1.5;
    free(cat->models[0].paper);
    cat->models[0].paper = hc_dup("P<1>");
    cat->models[0].year = 2024;
    hc_model_facet(cat, 0, "org", "Lab & Co");
    hc_model_facet(cat, 0, "label", "x");
    hc_model_facet(cat, 0, "color", "red");
    hc_model_facet(cat, 0, "Size", "7B");
    hc_task_facet(cat, 0, "modality", "speech");
    cat->usage[0].score = 0.875;
    cat->usage[0].metric = catalog_text(cat, "WER");
    cat->usage[0].split = catalog_text(cat, "test-clean");
    cat->usage[1].role = BC_ROLE_TRAIN;
}

/* What export_write writes for the hand-made catalog; the caller frees it. */
static char *capture_with(bc_export_format format, unsigned graphs, int declared)
{
    bc_catalog cat;
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);

    assert_non_null(fp);
    make(&cat, declared);
    assert_int_equal(export_write(fp, &cat, format, graphs), BC_OK);
    assert_int_equal(fclose(fp), 0);
    hc_free(&cat);
    return buf;
}

static char *capture(bc_export_format format, unsigned graphs)
{
    return capture_with(format, graphs, 1);
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
                  "A,D1,T1,eval,0.875,WER,test-clean,seed\n"
                  "\"B \"\"q\"\"\",\"D,2\",,train,,,,seed\n"
                  "\"B \"\"q\"\"\",,T2,eval,,,,seed\n");
}

static void test_edges_per_graph(void **state)
{
    (void)state;
    expect_export(BC_EXPORT_EDGES, BC_EXPORT_MODEL_DATASET,
                  "model,dataset,task,role,score,metric,split,source\n"
                  "A,D1,T1,eval,0.875,WER,test-clean,seed\n"
                  "\"B \"\"q\"\"\",\"D,2\",,train,,,,seed\n");
    expect_export(BC_EXPORT_EDGES, BC_EXPORT_MODEL_TASK,
                  "model,dataset,task,role,score,metric,split,source\n"
                  "A,D1,T1,eval,0.875,WER,test-clean,seed\n"
                  "\"B \"\"q\"\"\",,T2,eval,,,,seed\n");
    expect_export(BC_EXPORT_EDGES, BC_EXPORT_DATASET_TASK,
                  "model,dataset,task,role,score,metric,split,source\n"
                  "A,D1,T1,eval,0.875,WER,test-clean,seed\n");
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
        "\"year\": 2024, \"org\": \"Lab & Co\", \"label_\": \"x\", \"color\": \"red\", "
        "\"Size\": \"7B\"},\n"
        "{\"id\": \"m1\", \"kind\": \"model\", \"label\": \"B \\\"q\\\"\"},\n"
        "{\"id\": \"t0\", \"kind\": \"task\", \"label\": \"T1\", \"name\": \"Task one\", "
        "\"modality\": \"speech\"},\n"
        "{\"id\": \"t1\", \"kind\": \"task\", \"label\": \"T2\", \"name\": \"T2\"}\n"
        "],\n"
        "\"edges\": [\n"
        "{\"id\": \"e0\", \"source\": \"m0\", \"target\": \"t0\", \"relation\": \"model-task\", "
        "\"role\": \"eval\", \"dataset\": \"D1\", \"score\": 0.875, \"metric\": \"WER\", "
        "\"split\": \"test-clean\", \"provenance\": \"seed\"},\n"
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
        "  <key id=\"k2\" for=\"node\" attr.name=\"tasks\" attr.type=\"string\"/>\n"
        "  <key id=\"k3\" for=\"node\" attr.name=\"languages\" attr.type=\"string\"/>\n"
        "  <key id=\"k4\" for=\"node\" attr.name=\"hours\" attr.type=\"double\"/>\n"
        "  <key id=\"k5\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
        "  <key id=\"k6\" for=\"node\" attr.name=\"modality\" attr.type=\"string\"/>\n"
        "  <key id=\"k7\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n"
        "  <key id=\"k8\" for=\"edge\" attr.name=\"role\" attr.type=\"string\"/>\n"
        "  <key id=\"k9\" for=\"edge\" attr.name=\"model\" attr.type=\"string\"/>\n"
        "  <key id=\"k10\" for=\"edge\" attr.name=\"dataset\" attr.type=\"string\"/>\n"
        "  <key id=\"k11\" for=\"edge\" attr.name=\"task\" attr.type=\"string\"/>\n"
        "  <key id=\"k12\" for=\"edge\" attr.name=\"score\" attr.type=\"double\"/>\n"
        "  <key id=\"k13\" for=\"edge\" attr.name=\"metric\" attr.type=\"string\"/>\n"
        "  <key id=\"k14\" for=\"edge\" attr.name=\"split\" attr.type=\"string\"/>\n"
        "  <key id=\"k15\" for=\"edge\" attr.name=\"provenance\" attr.type=\"string\"/>\n"
        "  <key id=\"k16\" for=\"edge\" attr.name=\"declared\" attr.type=\"boolean\"/>\n"
        "  <graph id=\"benchcov\" edgedefault=\"undirected\">\n"
        "    <node id=\"d0\"><data key=\"k0\">dataset</data><data key=\"k1\">D1</data>"
        "<data key=\"k2\">T1;T2</data><data key=\"k4\">1.5</data></node>\n"
        "    <node id=\"d1\"><data key=\"k0\">dataset</data><data key=\"k1\">D,2</data></node>\n"
        "    <node id=\"t0\"><data key=\"k0\">task</data><data key=\"k1\">T1</data>"
        "<data key=\"k5\">Task one</data><data key=\"k6\">speech</data></node>\n"
        "    <node id=\"t1\"><data key=\"k0\">task</data><data key=\"k1\">T2</data>"
        "<data key=\"k5\">T2</data></node>\n"
        "    <edge id=\"e0\" source=\"d0\" target=\"t0\"><data key=\"k7\">dataset-task</data>"
        "<data key=\"k8\">eval</data><data key=\"k9\">A</data>"
        "<data key=\"k12\">0.875</data><data key=\"k13\">WER</data>"
        "<data key=\"k14\">test-clean</data><data key=\"k15\">seed</data></edge>\n"
        "    <edge id=\"e1\" source=\"d0\" target=\"t0\"><data key=\"k7\">dataset-task</data>"
        "<data key=\"k16\">true</data></edge>\n"
        "    <edge id=\"e2\" source=\"d0\" target=\"t1\"><data key=\"k7\">dataset-task</data>"
        "<data key=\"k16\">true</data></edge>\n"
        "  </graph>\n"
        "</graphml>\n");
}

/*
 * The model facet `label` is a key of its own, renamed; `org`'s value
 * escaped; `Size`, which Gephi would read as the node size, renamed.
 */
static void test_graphml_model_keys(void **state)
{
    (void)state;
    char *buf = capture(BC_EXPORT_GRAPHML, BC_EXPORT_MODEL_DATASET);
    assert_non_null(strstr(buf, "<key id=\"k5\" for=\"node\" attr.name=\"org\" "
                                "attr.type=\"string\"/>\n"
                                "  <key id=\"k6\" for=\"node\" attr.name=\"label_\" "
                                "attr.type=\"string\"/>\n"));
    assert_non_null(strstr(buf, "<key id=\"k8\" for=\"node\" attr.name=\"Size_\" "
                                "attr.type=\"string\"/>\n"));
    assert_non_null(strstr(buf, "<data key=\"k5\">Lab &amp; Co</data>"
                                "<data key=\"k6\">x</data>"));
    free(buf);
}

/* Without a tasks column in datasets.csv nothing is declared: no edge, no attribute. */
static void test_nothing_declared(void **state)
{
    (void)state;
    char *buf = capture_with(BC_EXPORT_JSON, BC_EXPORT_DATASET_TASK, 0);
    assert_null(strstr(buf, "declared"));
    assert_null(strstr(buf, "\"tasks\""));
    assert_non_null(strstr(buf, "\"source\": \"d0\", \"target\": \"t0\""));
    assert_null(strstr(buf, "\"e1\""));
    free(buf);
}

static void test_dot_model_dataset(void **state)
{
    (void)state;
    expect_export(BC_EXPORT_DOT, BC_EXPORT_MODEL_DATASET,
                  "graph \"benchcov\" {\n"
                  "  \"m0\" [kind=\"model\", label=\"A\", \"paper\"=\"P<1>\", \"year\"=\"2024\", "
                  "\"org\"=\"Lab & Co\", \"label_\"=\"x\", \"color_\"=\"red\", \"Size\"=\"7B\"];\n"
                  "  \"m1\" [kind=\"model\", label=\"B \\\"q\\\"\"];\n"
                  "  \"d0\" [kind=\"dataset\", label=\"D1\", \"tasks\"=\"T1;T2\", "
                  "\"hours\"=\"1.5\"];\n"
                  "  \"d1\" [kind=\"dataset\", label=\"D,2\"];\n"
                  "  \"m0\" -- \"d0\" [relation=\"model-dataset\", role=\"eval\", task=\"T1\", "
                  "score=\"0.875\", metric=\"WER\", split=\"test-clean\", provenance=\"seed\"];\n"
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
        cmocka_unit_test(test_graphml_model_keys),
        cmocka_unit_test(test_nothing_declared),
        cmocka_unit_test(test_dot_model_dataset),
        cmocka_unit_test(test_all_graphs_edge_count),
        cmocka_unit_test(test_names),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
