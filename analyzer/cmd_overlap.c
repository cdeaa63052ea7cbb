/*
 * cmd_overlap.c - `benchcov overlap`: what every pair of models shares.
 */
#include "bipartite.h"
#include "cli.h"
#include "commands.h"
#include "nameorder.h"
#include "names.h"
#include "overlap.h"

#include <stdlib.h>

const char usage_overlap[] =
    "usage: benchcov overlap [--data <path>] [--model <name>] [--top <n>] [--format md|csv]\n"
    "\n"
    "For every unordered pair of models: the datasets, tasks and (dataset, task)\n"
    "pairs both have a usage row for, with Jaccard similarities.  CSV columns:\n"
    "model_a,model_b,shared_datasets,jaccard_datasets,shared_tasks,jaccard_tasks,\n"
    "shared_pairs (model_a before model_b in name order).  Without --top, pairs are\n"
    "in name order; with it, the most comparable first (shared pairs, then Jaccard\n"
    "on datasets).\n"
    "\n"
    "  --data <path>      catalog directory or one usage CSV file (default: data)\n"
    "  --model <name>     only the pairs involving this model (name or alias)\n"
    "  --top <n>          only the n most comparable pairs\n"
    "  --format md|csv    Markdown table (default) or CSV with a header row\n"
    "  -h, --help         show this help\n";

int cmd_overlap(int argc, char **argv, FILE *out, bc_errors *errs)
{
    bc_opts o;
    int rc = cli_parse_common(argc, argv, BC_OPT_DATA | BC_OPT_MODEL | BC_OPT_TOP | BC_OPT_FORMAT,
                              &o, errs);
    if (rc != BC_OK || o.help) {
        if (o.help)
            fputs(usage_overlap, out);
        return rc;
    }
    bc_catalog cat;
    bc_bipartite b;
    int *order = NULL;
    catalog_init(&cat);
    bipartite_init(&b);
    rc = cli_load(&cat, o.data, errs);
    if (rc != BC_OK)
        goto done;
    bc_overlap_opts sel = { -1, (size_t)o.top, 0 };
    if (o.model) {
        sel.model = catalog_find_model(&cat, o.model);
        if (sel.model < 0) {
            rc = cli_unknown_name("--model", "model", o.model, cat.model_names, errs);
            goto done;
        }
    }
    order = nameorder_models(&cat);
    if (!order || bipartite_build(&b, &cat) != BC_OK) {
        rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
        goto done;
    }
    rc = o.format == BC_FORMAT_CSV ? overlap_write_csv(out, &cat, &b, order, sel)
                                   : overlap_write_md(out, &cat, &b, order, sel);
    if (rc == BC_EX_SOFTWARE)
        rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
done:
    free(order);
    bipartite_release(&b);
    catalog_release(&cat);
    return rc;
}
