/*
 * cmd_coverage.c - `benchcov coverage`: coverage by task, model or dataset.
 */
#include <string.h>

#include "bipartite.h"
#include "cli.h"
#include "commands.h"
#include "coverage.h"

const char usage_coverage[] =
    "usage: benchcov coverage [--data <path>] --by task|model|dataset [--format md|csv]\n"
    "\n"
    "Who covers what.  --by task: task,name,modality,models,datasets,share,gini,status\n"
    "(status uncovered, thin (fewer than 2 models) or covered; share = models / all\n"
    "models; datasets = distinct named datasets used for the task; gini = how unevenly\n"
    "the task's uses spread over them).  --by model: model,tasks,datasets,task_share\n"
    "(task_share = tasks / all tasks).  --by dataset: dataset,models,tasks.\n"
    "Rows are sorted by task code or by name.\n"
    "\n"
    "  --data <path>      catalog directory or one usage CSV file (default: data)\n"
    "  --by <what>        task, model or dataset (required)\n"
    "  --format md|csv    Markdown table (default) or CSV with a header row\n"
    "  -h, --help         show this help\n";

int cmd_coverage(int argc, char **argv, FILE *out, bc_errors *errs)
{
    bc_opts o;
    int rc = cli_parse_common(argc, argv, BC_OPT_DATA | BC_OPT_BY | BC_OPT_FORMAT, &o, errs);
    if (rc != BC_OK || o.help) {
        if (o.help)
            fputs(usage_coverage, out);
        return rc;
    }
    bc_coverage_by by = strcmp(o.by, "task") == 0    ? BC_COV_BY_TASK
                        : strcmp(o.by, "model") == 0 ? BC_COV_BY_MODEL
                                                     : BC_COV_BY_DATASET;
    bc_catalog cat;
    bc_bipartite b;
    bc_coverage cov;
    catalog_init(&cat);
    bipartite_init(&b);
    coverage_init(&cov);
    rc = cli_load(&cat, o.data, errs);
    if (rc != BC_OK)
        goto done;
    if (bipartite_build(&b, &cat) != BC_OK || coverage_compute(&cov, &b, 2) != BC_OK) {
        rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
        goto done;
    }
    rc = o.format == BC_FORMAT_CSV ? coverage_write_csv(out, &cat, &cov, by)
                                   : coverage_write_md(out, &cat, &cov, by);
done:
    coverage_release(&cov);
    bipartite_release(&b);
    catalog_release(&cat);
    return rc;
}
