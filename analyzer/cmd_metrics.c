/*
 * cmd_metrics.c - `benchcov metrics`: the headline figures as metric,value.
 */
#include "analysis.h"
#include "cli.h"
#include "commands.h"

const char usage_metrics[] =
    "usage: benchcov metrics [--data <path>] [--seed <s>] [--format md|csv]\n"
    "\n"
    "Headline figures of the catalog, one per row (CSV: metric,value): counts,\n"
    "connectance, mean task coverage (HELM's figure), tasks by status, NODF\n"
    "nestedness of models x tasks and models x datasets with z-scores against\n"
    "199 curveball null matrices, communities of the model-dataset graph and\n"
    "their Barber modularity, comparability components, isolated models, the\n"
    "share of model pairs sharing nothing, and robustness to dataset withdrawal.\n"
    "Fractions are 0-1.  Same catalog and seed, same bytes.\n"
    "\n"
    "  --data <path>      catalog directory or one usage CSV file (default: data)\n"
    "  --seed <s>         seed of every random choice (default: 1)\n"
    "  --format md|csv    Markdown table (default) or CSV with a header row\n"
    "  -h, --help         show this help\n";

int cmd_metrics(int argc, char **argv, FILE *out, bc_errors *errs)
{
    bc_opts o;
    int rc = cli_parse_common(argc, argv, BC_OPT_DATA | BC_OPT_SEED | BC_OPT_FORMAT, &o, errs);
    if (rc != BC_OK || o.help) {
        if (o.help)
            fputs(usage_metrics, out);
        return rc;
    }
    bc_catalog cat;
    bc_analysis a;
    catalog_init(&cat);
    analysis_init(&a);
    rc = cli_load(&cat, o.data, errs);
    if (rc == BC_OK) {
        bc_analysis_opts ao = { .thin = 2, .seed = o.seed };
        rc = analysis_run(&a, &cat, &ao, errs);
        if (rc == BC_OK)
            rc = analysis_write_metrics(out, &a, o.format);
    }
    analysis_release(&a);
    catalog_release(&cat);
    return rc;
}
