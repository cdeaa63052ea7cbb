/*
 * cmd_export.c - `benchcov export`: the catalog as a graph file for
 * networkx, Gephi, Graphviz, DuckDB or Spark (see export.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <strings.h>

#include "cli.h"
#include "commands.h"
#include "export.h"
#include "outfile.h"

const char usage_export[] =
    "usage: benchcov export [--data <dir>] --format graphml|dot|edges|json\n"
    "                       [--graph model-dataset|model-task|dataset-task|all]\n"
    "                       [--out <file>]\n"
    "\n"
    "Writes the catalog as a graph for other tools.  Nodes are models, datasets\n"
    "and tasks under their resolved names (no aliases), ids m<i>, d<i>, t<i>,\n"
    "each with kind, label (the name; a task's code), its known columns and\n"
    "its facets.  The graph is undirected with one edge per usage fact and\n"
    "relation: relation, role, the fact's third party (task, dataset or\n"
    "model), score, metric, split, provenance (the usage source); dataset-task\n"
    "also holds an edge with declared=true for every task datasets.csv lists\n"
    "for a dataset.\n"
    "\n"
    "  graphml  GraphML for networkx, Gephi, igraph (typed <key>s)\n"
    "  dot      Graphviz DOT, every id and value quoted\n"
    "  edges    CSV, one row per usage fact (facts only), header\n"
    "           model,dataset,task,role,score,metric,split,source: reads in\n"
    "           DuckDB, Spark, pandas, and as a one-file catalog (--data FILE)\n"
    "  json     {\"nodes\": [...], \"edges\": [...]} (networkx node_link_graph\n"
    "           with link=\"edges\")\n"
    "\n"
    "  --data <dir>      catalog directory, or one usage CSV file (default: data)\n"
    "  --format <f>      graphml, dot, edges or json (required)\n"
    "  --graph <g>       which bipartite graph (default: all three)\n"
    "  --out <file>      write to <file> through a temporary renamed into place\n"
    "                    (default: standard output)\n"
    "  -h, --help        show this help\n";

/* "invalid value" with the accepted words, and the word in another case when that is it. */
static int bad_choice(const char *opt, const char *val, const char *const *words,
                      const char *expected, bc_errors *errs)
{
    for (const char *const *w = words; *w; w++)
        if (strcasecmp(val, *w) == 0)
            return errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                              "invalid value '%s' for %s: expected %s (did you mean '%s'?)",
                              val, opt, expected, *w);
    return errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "invalid value '%s' for %s: expected %s",
                      val, opt, expected);
}

int cmd_export(int argc, char **argv, FILE *out, bc_errors *errs)
{
    static const struct option longopts[] = {
        { "data", required_argument, NULL, 'd' }, { "format", required_argument, NULL, 'f' },
        { "graph", required_argument, NULL, 'g' }, { "out", required_argument, NULL, 'o' },
        { "help", no_argument, NULL, 'h' },       { NULL, 0, NULL, 0 },
    };
    static const char *const formats[] = { "graphml", "dot", "edges", "json", NULL };
    static const char *const graphs_words[] = { "model-dataset", "model-task", "dataset-task",
                                                "all", NULL };
    const char *data = "data", *outpath = NULL;
    bc_export_format format = BC_EXPORT_GRAPHML;
    unsigned graphs = BC_EXPORT_ALL;
    int have_format = 0, c;

    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': data = optarg; break;
        case 'o': outpath = optarg; break;
        case 'f':
            if (export_format_from_name(optarg, &format) != 0)
                return bad_choice("--format", optarg, formats,
                                  "'graphml', 'dot', 'edges' or 'json'", errs);
            have_format = 1;
            break;
        case 'g':
            if (export_graph_from_name(optarg, &graphs) != 0)
                return bad_choice("--graph", optarg, graphs_words,
                                  "'model-dataset', 'model-task', 'dataset-task' or 'all'",
                                  errs);
            break;
        case 'h': fputs(usage_export, out); return BC_OK;
        default: return cli_bad_option(argv[0], argv, optind, c, errs);
        }
    }
    if (optind < argc)
        return cli_extra_argument(argv[0], argv[optind], errs);
    if (!have_format)
        return errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "%s: --format is required", argv[0]);

    bc_catalog cat;
    bc_outset set;
    FILE *fp = out;
    int rc;
    catalog_init(&cat);
    outset_init(&set);
    if ((rc = cli_load(&cat, data, errs)) != BC_OK)
        goto done;
    if (outpath && (rc = outset_open(&set, outpath, &fp, errs)) != BC_OK)
        goto done;
    if ((rc = export_write(fp, &cat, format, graphs)) != BC_OK) {
        errors_add(errs, rc, NULL, 0, 0, "out of memory");
        goto done;
    }
    if (outpath)
        rc = outset_commit(&set, errs);
done:
    outset_abort(&set);
    catalog_release(&cat);
    return rc;
}
