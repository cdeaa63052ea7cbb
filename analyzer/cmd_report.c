/*
 * cmd_report.c - `benchcov report`: the gap report directory.
 */
#include "analysis.h"
#include "cli.h"
#include "commands.h"
#include "plan.h"
#include "report.h"

const char usage_report[] =
    "usage: benchcov report [--data <dir>] [--out <dir>] [--thin <n>] [--seed <s>]\n"
    "                       [--render] [--force]\n"
    "\n"
    "Writes the gap report of the catalog to <out>: README.md (headline figures,\n"
    "the Gaps section -- uncovered and thin tasks, tasks resting on one dataset,\n"
    "isolated models, empty task x encoder-family and task x fusion cells, and\n"
    "the datasets that could fill each gap -- then coverage, concentration,\n"
    "overlap, structure, a suggested evaluation set and the methods),\n"
    "tables/*.csv with every figure, and charts/NAME.gp + NAME.dat for eight\n"
    "charts (--render, or scripts/render-charts.sh <out>, makes NAME.svg and\n"
    "NAME.png).  Files are written to temporaries and renamed into place only\n"
    "when all succeeded.  README.md starts with a marker line; an existing\n"
    "README.md without it is not benchcov's and is left alone (exit 73).\n"
    "Same catalog and seed, same bytes, in any locale and time zone.\n"
    "\n"
    "  --data <dir>   catalog directory (default: data)\n"
    "  --out <dir>    output directory, created when missing (default: reports)\n"
    "  --thin <n>     a task is thin when covered by fewer than n models (default: 2)\n"
    "  --seed <s>     seed of every random choice (default: 1)\n"
    "  --render       run gnuplot (no shell) on the charts; fails on any gnuplot\n"
    "                 error or warning\n"
    "  --force        overwrite a README.md that benchcov report did not write\n"
    "  -h, --help     show this help\n";

int cmd_report(int argc, char **argv, FILE *out, bc_errors *errs)
{
    bc_opts o;
    int rc = cli_parse_common(argc, argv, BC_OPT_DATA | BC_OPT_OUT | BC_OPT_THIN | BC_OPT_SEED |
                                                  BC_OPT_RENDER | BC_OPT_FORCE,
                              &o, errs);
    if (rc != BC_OK || o.help) {
        if (o.help)
            fputs(usage_report, out);
        return rc;
    }
    bc_catalog cat;
    bc_analysis a;
    bc_plan plan;
    catalog_init(&cat);
    analysis_init(&a);
    plan_init(&plan);
    if (!o.force && (rc = report_check_readme(o.out, errs)) != BC_OK)
        return rc;
    rc = cli_load(&cat, o.data, errs);
    if (rc != BC_OK)
        goto done;
    bc_analysis_opts ao = { (int)o.thin, o.seed };
    if ((rc = analysis_run(&a, &cat, &ao, errs)) != BC_OK)
        goto done;
    if ((rc = plan_default(&cat, &plan)) != BC_OK) {
        errors_add(errs, rc, NULL, 0, 0, "cannot compute the suggested evaluation set");
        goto done;
    }
    rc = report_write_dir(o.out, &a, &plan, errs);
    if (rc == BC_OK && o.render)
        rc = report_render(o.out, errs);
done:
    plan_release(&plan);
    analysis_release(&a);
    catalog_release(&cat);
    return rc;
}
