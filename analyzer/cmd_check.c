/*
 * cmd_check.c - `benchcov check`: validates the catalog and prints a
 * short summary of what it holds.
 */
#include "cli.h"
#include "commands.h"

const char usage_check[] =
    "usage: benchcov check [--data <dir>]\n"
    "\n"
    "Validates the four catalog files of <dir> (tasks.csv, models.csv,\n"
    "datasets.csv, usage.csv): header names, field counts, enumerated values,\n"
    "numbers, unique names and aliases, resolvable references, duplicate\n"
    "usage facts, UTF-8.  Prints every error found as FILE:LINE:COL and exits\n"
    "65, or prints a summary and exits 0.\n"
    "\n"
    "  --data <dir>   catalog directory (default: data)\n"
    "  -h, --help     show this help\n";

int cmd_check(int argc, char **argv, FILE *out, bc_errors *errs)
{
    bc_opts o;
    int rc = cli_parse_common(argc, argv, BC_OPT_DATA, &o, errs);
    if (rc != BC_OK || o.help) {
        if (o.help)
            fputs(usage_check, out);
        return rc;
    }
    bc_catalog cat;
    catalog_init(&cat);
    rc = cli_load(&cat, o.data, errs);
    if (rc == BC_OK) {
        size_t train = 0, eval = 0;
        for (size_t i = 0; i < cat.n_usage; i++) {
            if (cat.usage[i].role == BC_ROLE_TRAIN)
                train++;
            else
                eval++;
        }
        fprintf(out, "catalog '%s' is valid\n", o.data);
        fprintf(out, "  models        %zu\n", cat.n_models);
        fprintf(out, "  datasets      %zu\n", cat.n_datasets);
        fprintf(out, "  tasks         %zu\n", cat.n_tasks);
        fprintf(out, "  usage rows    %zu (%zu train, %zu eval)\n", cat.n_usage, train, eval);
        fprintf(out, "  aliases used  %zu\n", cat.aliases_used);
    }
    catalog_release(&cat);
    return rc;
}
