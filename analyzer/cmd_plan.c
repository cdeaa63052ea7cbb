/*
 * cmd_plan.c - `benchcov plan`: chooses the datasets to evaluate on
 * (DESIGN.md section 5).  Parses and checks the options, resolves task
 * and model names through the catalog, and hands the work to plan.c.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "names.h"
#include "plan.h"

const char usage_plan[] =
    "usage: benchcov plan [--data <path>] [--tasks <list> | --all-tasks]\n"
    "                     [--baselines <list>] [--k <n> | --hours <h>]\n"
    "                     [--role train|eval|any] [--objective comparable|unseen]\n"
    "                     [--exact | --greedy] [--format md|csv] [--seed <s>]\n"
    "\n"
    "Chooses evaluation datasets.  The universe is every (baseline, task) pair,\n"
    "baseline among --baselines and task among the target tasks, for which a\n"
    "usage row with a named dataset and the chosen role exists; a dataset covers\n"
    "(b, t) when usage has the row (b, dataset, t).\n"
    "\n"
    "  comparable  cover the most pairs with at most <n> datasets, or with\n"
    "              datasets of at most <h> hours in total (hours from\n"
    "              datasets.csv; datasets without hours cannot be chosen and\n"
    "              are counted as skipped)\n"
    "  unseen      give every coverable target task a dataset (one that lists\n"
    "              the task in datasets.csv or has a usage row for it), keeping\n"
    "              the in-domain evaluations least: a dataset weighs the number\n"
    "              of baselines with a train row on it (for any task or none),\n"
    "              since their results on it would be in-domain, as the\n"
    "              report's Contamination section counts; --k and --hours do\n"
    "              not apply\n"
    "\n"
    "By default the integer programme is solved exactly with GLPK when that\n"
    "takes at most 5 seconds, and greedily otherwise.  Greedy ties go to the\n"
    "larger gain, then more target tasks served, then the dataset name in byte\n"
    "order.  Every plan states a bound: the optimum when exact, else the LP\n"
    "relaxation (an upper bound on coverable pairs for comparable, a lower\n"
    "bound on the least summed weight for unseen).  Greedy is within 1 - 1/e of\n"
    "the optimum under --k and within (1 - 1/e)/2 under --hours.  The Markdown\n"
    "output also gives the stability: the median Jaccard similarity between\n"
    "the plan and the plans with one baseline left out (one plan per class of\n"
    "baselines with identical rows; when there are more than 50 classes, a\n"
    "seeded sample of 10 baselines is left out and the output says so).  The\n"
    "CSV output skips it.\n"
    "\n"
    "  --data <path>       catalog directory or one usage CSV file (default: data)\n"
    "  --tasks <list>      target task codes, separated by ',' (default: all)\n"
    "  --all-tasks         every task of the catalog (the default)\n"
    "  --baselines <list>  baseline models, names or aliases (default: all)\n"
    "  --k <n>             number of datasets, 1 to 1000 (default: 5)\n"
    "  --hours <h>         total hours of the chosen datasets instead of --k:\n"
    "                      a decimal number such as 12 or 0.5, 0.001 to 1000000000;\n"
    "                      a usage error when no dataset of the catalog has hours\n"
    "  --role <role>       usage rows counted: train, eval or any (default: any)\n"
    "  --objective <obj>   comparable or unseen (default: comparable)\n"
    "  --exact             solve the integer programme, without a time limit\n"
    "  --greedy            greedy choice with the LP bound\n"
    "  --format md|csv     output format (default: md); CSV columns are\n"
    "                      step,dataset,gain,covered,tasks_covered then a\n"
    "                      row bound,,,VALUE,\n"
    "  --seed <s>          seeds the stability sample on large catalogs (default: 1)\n"
    "  -h, --help          show this help\n";

enum {
    OPT_TASKS = 256, OPT_ALL_TASKS, OPT_BASELINES, OPT_K, OPT_HOURS, OPT_ROLE,
    OPT_OBJECTIVE, OPT_EXACT, OPT_GREEDY, OPT_FORMAT, OPT_SEED, OPT_DATA
};

static int conflict(const char *a, const char *b, bc_errors *errs)
{
    return errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "plan: options '%s' and '%s' cannot be combined",
                      a, b);
}

/*
 * Resolves every name of `list` (the value of option `opt`) through
 * `table` into indices (n of them in *out, which the caller frees).
 * Unknown names are usage errors with a suggestion; all of them are
 * reported.
 */
static int resolve(const bc_strlist *list, const char *opt, const bc_names *table,
                   const char *what, int (*find)(const bc_catalog *, const char *),
                   const bc_catalog *cat, int **out, bc_errors *errs)
{
    int *idx = malloc((list->n ? list->n : 1) * sizeof *idx);
    if (!idx)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    int rc = BC_OK;
    for (size_t i = 0; i < list->n; i++) {
        idx[i] = find(cat, list->items[i]);
        if (idx[i] >= 0)
            continue;
        rc = cli_unknown_name(opt, what, list->items[i], table, errs);
    }
    if (rc != BC_OK) {
        free(idx);
        return rc;
    }
    *out = idx;
    return BC_OK;
}

int cmd_plan(int argc, char **argv, FILE *out, bc_errors *errs)
{
    static const struct option longopts[] = {
        { "data", required_argument, NULL, OPT_DATA },
        { "tasks", required_argument, NULL, OPT_TASKS },
        { "all-tasks", no_argument, NULL, OPT_ALL_TASKS },
        { "baselines", required_argument, NULL, OPT_BASELINES },
        { "k", required_argument, NULL, OPT_K },
        { "hours", required_argument, NULL, OPT_HOURS },
        { "role", required_argument, NULL, OPT_ROLE },
        { "objective", required_argument, NULL, OPT_OBJECTIVE },
        { "exact", no_argument, NULL, OPT_EXACT },
        { "greedy", no_argument, NULL, OPT_GREEDY },
        { "format", required_argument, NULL, OPT_FORMAT },
        { "seed", required_argument, NULL, OPT_SEED },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    const char *data = "data";
    bc_format format = BC_FORMAT_MD;
    unsigned long long seed = 1;
    bc_strlist tasks = { NULL, 0 }, baselines = { NULL, 0 };
    int have_tasks = 0, all_tasks = 0, have_k = 0, have_hours = 0, exact = 0, greedy = 0;
    int *task_idx = NULL, *base_idx = NULL;
    plan_options opt;
    plan_options_init(&opt);
    bc_catalog cat;
    catalog_init(&cat);
    bc_plan plan;
    plan_init(&plan);
    int rc = BC_OK, c;

    optind = 0;
    opterr = 0;
    while (rc == BC_OK && (c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DATA: data = optarg; break;
        case OPT_TASKS:
            if (have_tasks) {
                cli_strlist_release(&tasks);
            }
            have_tasks = 1;
            rc = cli_split_list("--tasks", optarg, &tasks, errs);
            break;
        case OPT_ALL_TASKS: all_tasks = 1; break;
        case OPT_BASELINES:
            cli_strlist_release(&baselines);
            rc = cli_split_list("--baselines", optarg, &baselines, errs);
            break;
        case OPT_K:
            have_k = 1;
            rc = cli_parse_long("--k", optarg, 1, PLAN_MAX_K, &opt.k, errs);
            break;
        case OPT_HOURS:
            have_hours = 1;
            /* Above 0: a thousandth of an hour is the smallest budget. */
            rc = cli_parse_double("--hours", optarg, 0.001, 1e9, &opt.hours, errs);
            break;
        case OPT_ROLE: {
            static const char *const roles[] = { "train", "eval", "any", NULL };
            static const int role_of[] = { BC_ROLE_TRAIN, BC_ROLE_EVAL, 0 };
            int i;
            if ((rc = cli_parse_choice("--role", optarg, roles, &i, errs)) == BC_OK)
                opt.role = role_of[i];
            break;
        }
        case OPT_OBJECTIVE: {
            static const char *const objectives[] = { "comparable", "unseen", NULL };
            int i;
            if ((rc = cli_parse_choice("--objective", optarg, objectives, &i, errs)) == BC_OK)
                opt.objective = i ? PLAN_UNSEEN : PLAN_COMPARABLE;
            break;
        }
        case OPT_EXACT: exact = 1; break;
        case OPT_GREEDY: greedy = 1; break;
        case OPT_FORMAT: rc = cli_parse_format("--format", optarg, &format, errs); break;
        case OPT_SEED: rc = cli_parse_u64("--seed", optarg, &seed, errs); break;
        case 'h':
            fputs(usage_plan, out);
            goto done;
        default: rc = cli_bad_option(argv[0], argv, optind, c, errs); break;
        }
    }
    if (rc != BC_OK)
        goto done;
    if (optind < argc) {
        rc = cli_extra_argument(argv[0], argv[optind], errs);
        goto done;
    }
    if (have_k && have_hours)
        rc = conflict("--k", "--hours", errs);
    if (exact && greedy)
        rc = conflict("--exact", "--greedy", errs);
    if (have_tasks && all_tasks)
        rc = conflict("--tasks", "--all-tasks", errs);
    if (rc != BC_OK)
        goto done;
    if (!have_hours)
        opt.hours = -1;
    opt.method = exact ? PLAN_EXACT : greedy ? PLAN_GREEDY : PLAN_AUTO;
    opt.seed = seed;
    /* The CSV has no stability line: skip the leave-one-out plans. */
    opt.stability = format != BC_FORMAT_CSV;

    rc = cli_load(&cat, data, errs);
    if (rc != BC_OK)
        goto done;
    if (have_hours && !catalog_has_hours(&cat)) {
        rc = errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                        "--hours: no dataset of the catalog has hours (datasets.csv has no "
                        "'hours' column or it is empty); use --k");
        goto done;
    }
    if (have_tasks) {
        int r = resolve(&tasks, "--tasks", cat.task_codes, "task", catalog_find_task, &cat,
                        &task_idx, errs);
        if (r != BC_OK)
            rc = r;
        opt.tasks = task_idx;
        opt.n_tasks = tasks.n;
    }
    if (baselines.n) {
        int r = resolve(&baselines, "--baselines", cat.model_names, "model",
                        catalog_find_model, &cat, &base_idx, errs);
        if (r != BC_OK && rc == BC_OK)
            rc = r;
        opt.baselines = base_idx;
        opt.n_baselines = baselines.n;
    }
    if (rc != BC_OK)
        goto done;

    rc = plan_build(&cat, &opt, &plan, errs);
    if (rc != BC_OK)
        goto done;
    rc = format == BC_FORMAT_CSV ? plan_write_csv(out, &plan) : plan_write_md(out, &plan);
    if (rc != BC_OK)
        errors_add(errs, rc, NULL, 0, 0, "cannot write the plan");

done:
    plan_release(&plan);
    catalog_release(&cat);
    cli_strlist_release(&tasks);
    cli_strlist_release(&baselines);
    free(task_idx);
    free(base_idx);
    return rc;
}
