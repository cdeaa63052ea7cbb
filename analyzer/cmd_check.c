/*
 * cmd_check.c - `benchcov check`: validates the catalog and prints a
 * short summary of what it holds.
 */
#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "lint.h"

const char usage_check[] =
    "usage: benchcov check [--data <path>] [--strict]\n"
    "\n"
    "Validates the catalog: usage.csv and, when present, tasks.csv, models.csv\n"
    "and datasets.csv of the directory <path>, or the one usage file <path>.\n"
    "Checks header names, field counts, role values, numbers, unique names and\n"
    "aliases, resolvable references, duplicate usage facts, UTF-8.  Prints\n"
    "every error found as FILE:LINE:COL and exits 65, or prints a summary and\n"
    "exits 0.  Likely slips are printed as warnings that do not change the\n"
    "exit status: a facet value spelt once and one or two edits (or only the\n"
    "case) away from a more common spelling, a dataset no usage row names, a\n"
    "usage task its dataset's `tasks` list omits.  A column that would need\n"
    "over 4,000,000 edit comparisons gets only the case search, with a note.\n"
    "\n"
    "  --data <path>  catalog directory, or one usage CSV file (default: data)\n"
    "  --strict       the warnings are errors: exit 65 when there is one\n"
    "  -h, --help     show this help\n";

/* Takes --strict out of argv (for cli_parse_common); returns whether it was there. */
static int take_strict(int *argc, char **argv)
{
    int strict = 0, n = 1;
    for (int i = 1; i < *argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            while (i < *argc)
                argv[n++] = argv[i++];
            break;
        }
        if (strcmp(argv[i], "--strict") == 0)
            strict = 1;
        else
            argv[n++] = argv[i];
    }
    *argc = n;
    argv[n] = NULL;
    return strict;
}

int cmd_check(int argc, char **argv, FILE *out, bc_errors *errs)
{
    bc_opts o;
    int strict = take_strict(&argc, argv);
    int rc = cli_parse_common(argc, argv, BC_OPT_DATA, &o, errs);
    if (rc != BC_OK || o.help) {
        if (o.help)
            fputs(usage_check, out);
        return rc;
    }
    bc_catalog cat;
    catalog_init(&cat);
    rc = cli_load(&cat, o.data, errs);
    size_t slips = rc == BC_OK ? lint_catalog(&cat, strict, errs) : 0;
    if (rc == BC_OK && strict && slips)
        rc = BC_EX_DATAERR;
    else if (rc == BC_OK) {
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
        if (slips)
            fprintf(out, "  warnings      %zu (on standard error)\n", slips);
    }
    catalog_release(&cat);
    return rc;
}
