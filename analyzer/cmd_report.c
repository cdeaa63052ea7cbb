/*
 * cmd_report.c - `benchcov report`: the gap report directory.
 */
#include <stdlib.h>

#include "analysis.h"
#include "cli.h"
#include "commands.h"
#include "plan.h"
#include "report.h"

const char usage_report[] =
    "usage: benchcov report [--data <path>] [--out <dir>] [--thin <n>] [--seed <s>]\n"
    "                       [--facets <list>] [--render] [--force]\n"
    "\n"
    "Writes the gap report of the catalog to <out>: README.md (headline figures,\n"
    "the Gaps section -- uncovered and thin tasks, tasks resting on one dataset,\n"
    "isolated models, the empty cells of task x each model facet, and the\n"
    "datasets that could fill each gap -- then coverage, concentration,\n"
    "overlap, structure, a suggested evaluation set and the methods),\n"
    "tables/*.csv with every figure, and charts/NAME.gp + NAME.dat for eight\n"
    "charts (--render, or scripts/render-charts.sh <out>, makes NAME.svg and\n"
    "NAME.png).  Files are written to temporaries and renamed into place only\n"
    "when all succeeded.  README.md starts with a marker line; an existing\n"
    "README.md without it is not benchcov's and is left alone (exit 73).\n"
    "Same catalog and seed, same bytes, in any locale and time zone.\n"
    "\n"
    "  --data <path>  catalog directory, or one usage CSV file (default: data)\n"
    "  --out <dir>    output directory, created when missing (default: reports)\n"
    "  --thin <n>     a task is thin when covered by fewer than n models (default: 2)\n"
    "  --seed <s>     seed of every random choice (default: 1)\n"
    "  --facets <list>  models.csv columns to cross with the tasks, separated\n"
    "                 by ',' (default: every facet with 2 to 40 values whose\n"
    "                 groups hold 1.5 models or more on average)\n"
    "  --render       run gnuplot (no shell) on the charts; fails on any gnuplot\n"
    "                 error or warning\n"
    "  --force        overwrite a README.md that benchcov report did not write\n"
    "  -h, --help     show this help\n";

/*
 * The models.csv facet columns that --facets names, in its order, into a
 * new array.  Returns BC_OK, BC_EX_USAGE for a name that is no facet
 * (with a suggestion), BC_EX_SOFTWARE.
 */
static int facet_columns(const bc_catalog *cat, const char *val, int **cols, size_t *n,
                         bc_errors *errs)
{
    bc_strlist names;
    int rc = cli_split_list("--facets", val, &names, errs);
    if (rc != BC_OK)
        return rc;
    const bc_facets *fs = &cat->model_facets;
    bc_names *known = names_new();
    *cols = malloc((names.n + 1) * sizeof **cols);
    *n = 0;
    if (!known || !*cols) {
        rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t c = 0; c < fs->n; c++)
        if (names_add(known, fs->cols[c].name, (int)c, 1) == BC_EX_SOFTWARE) {
            rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
            goto done;
        }
    for (size_t i = 0; i < names.n && rc == BC_OK; i++) {
        int c = catalog_facet_col(fs, names.items[i]);
        if (c < 0)
            rc = cli_unknown_name("--facets", "model facet", names.items[i], known, errs);
        else
            (*cols)[(*n)++] = c;
    }
done:
    names_free(known);
    cli_strlist_release(&names);
    return rc;
}

int cmd_report(int argc, char **argv, FILE *out, bc_errors *errs)
{
    bc_opts o;
    int rc = cli_parse_common(argc, argv,
                              BC_OPT_DATA | BC_OPT_OUT | BC_OPT_THIN | BC_OPT_SEED | BC_OPT_FACETS |
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
    int *facets = NULL;
    catalog_init(&cat);
    analysis_init(&a);
    plan_init(&plan);
    if (!o.force && (rc = report_check_readme(o.out, errs)) != BC_OK)
        return rc;
    rc = cli_load(&cat, o.data, errs);
    if (rc != BC_OK)
        goto done;
    bc_analysis_opts ao = { .thin = (int)o.thin, .seed = o.seed };
    if (o.facets) {
        if ((rc = facet_columns(&cat, o.facets, &facets, &ao.n_facets, errs)) != BC_OK)
            goto done;
        ao.facets = facets;
        ao.facets_given = 1;
    }
    if ((rc = analysis_run(&a, &cat, &ao, errs)) != BC_OK)
        goto done;
    if ((rc = plan_default(&cat, &plan)) != BC_OK) {
        errors_add(errs, rc, NULL, 0, 0, "cannot compute the suggested evaluation set%s",
                   rc == BC_EX_SOFTWARE ? ": out of memory" : "");
        goto done;
    }
    rc = report_write_dir(o.out, &a, &plan, errs);
    if (rc == BC_OK && o.render)
        rc = report_render(o.out, errs);
done:
    free(facets);
    plan_release(&plan);
    analysis_release(&a);
    catalog_release(&cat);
    return rc;
}
