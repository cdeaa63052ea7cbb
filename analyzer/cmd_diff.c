/*
 * cmd_diff.c - `benchcov diff OLD NEW`: what changed between two versions
 * of a catalog, and whether a --fail-on condition holds (exit 1).
 */
#include <getopt.h>
#include <string.h>

#include "analysis.h"
#include "cli.h"
#include "commands.h"
#include "diff.h"
#include "diff_write.h"
#include "plan.h"

const char usage_diff[] =
    "usage: benchcov diff <old> <new> [--format md|csv|json] [--fail-on <list>]\n"
    "                     [--seed <s>] [--charts <dir>]\n"
    "\n"
    "Compares two versions of a catalog (directories, or one-file catalogs),\n"
    "each loaded and analysed once, and prints in this order: models, datasets\n"
    "and tasks added, removed or renamed (a name or alias of one version that\n"
    "resolves to an entry of the other under another name is a rename); usage\n"
    "facts added and removed, grouped by model; tasks whose status changed\n"
    "(uncovered, thin, covered) or that lost, gained or came to rest on their\n"
    "only dataset; models that became comparable or isolated, components merged\n"
    "or split; every headline figure before and after, z-scores marked as moved\n"
    "only beyond 2 null standard deviations; the suggested evaluation set before\n"
    "and after.  CSV columns: kind,name,change,before,after (kind: model,\n"
    "dataset, task, fact, status, comparability, metric, plan).\n"
    "\n"
    "  --format md|csv|json  Markdown (default), CSV or JSON\n"
    "  --fail-on <list>      exit 1 when one of these holds, naming it:\n"
    "                          new-uncovered  a task of <new> is uncovered that\n"
    "                                         <old> lacked or covered\n"
    "                          new-isolated   a model of <new> is isolated that\n"
    "                                         <old> lacked or had comparable\n"
    "                          removed-model  a model of <old> is gone (renames\n"
    "                                         excepted)\n"
    "                          errors         <new> fails `benchcov check`\n"
    "  --seed <s>            seed of every random choice (default: 1)\n"
    "  --charts <dir>        also write diff_coverage and diff_headline gnuplot\n"
    "                        scripts and data to <dir> (render with\n"
    "                        scripts/render-charts.sh or gnuplot NAME.gp there)\n"
    "  -h, --help            show this help\n"
    "\n"
    "exit status: 0 ok, 1 a --fail-on condition holds, 64 usage, 65 bad catalog\n"
    "data, 66 input missing, 70 internal error, 73/74 output errors\n";

/* The exit status of a --fail-on condition that holds (DESIGN.md section 3). */
#define DIFF_EXIT_FAIL 1

enum { FAIL_UNCOVERED = 1, FAIL_ISOLATED = 2, FAIL_REMOVED = 4, FAIL_ERRORS = 8 };

static int parse_fail_on(const char *val, unsigned *out, bc_errors *errs)
{
    bc_strlist l;
    int rc = cli_split_list("--fail-on", val, &l, errs);
    if (rc != BC_OK)
        return rc;
    static const struct {
        const char *name;
        unsigned bit;
    } known[] = { { "new-uncovered", FAIL_UNCOVERED },
                  { "new-isolated", FAIL_ISOLATED },
                  { "removed-model", FAIL_REMOVED },
                  { "errors", FAIL_ERRORS } };
    for (size_t i = 0; i < l.n && rc == BC_OK; i++) {
        size_t k = 0;
        while (k < 4 && strcmp(known[k].name, l.items[i]) != 0)
            k++;
        if (k == 4)
            rc = errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                            "invalid value '%s' for --fail-on: expected 'new-uncovered', "
                            "'new-isolated', 'removed-model' or 'errors'",
                            l.items[i]);
        else
            *out |= known[k].bit;
    }
    cli_strlist_release(&l);
    return rc;
}

/* "A, B, C" of the rows of kind k whose change is one of c1, c2 (NULL: any). */
static void list_rows(bc_errors *errs, const char *what, const bc_diff *d, bc_diff_kind k,
                      const char *c1, const char *c2, const char *after)
{
    char buf[512];
    size_t used = 0, shown = 0, total = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < d->n; i++) {
        const bc_diff_row *r = &d->rows[i];
        if (r->kind != k || (strcmp(r->change, c1) && (!c2 || strcmp(r->change, c2))))
            continue;
        if (after && strcmp(r->after, after) != 0)
            continue;
        total++;
        size_t len = strlen(r->name);
        if (used + len + 8 < sizeof buf) {
            used += (size_t)snprintf(buf + used, sizeof buf - used, "%s'%s'",
                                     shown ? ", " : "", r->name);
            shown++;
        }
    }
    errors_add(errs, DIFF_EXIT_FAIL, NULL, 0, 0, "fail-on %s: %zu (%s%s)", what, total, buf,
               shown < total ? ", ..." : "");
}

typedef struct {
    bc_catalog cat;
    bc_analysis a;
    bc_plan plan;
} side;

static void side_init(side *s)
{
    catalog_init(&s->cat);
    analysis_init(&s->a);
    plan_init(&s->plan);
}

static void side_release(side *s)
{
    plan_release(&s->plan);
    analysis_release(&s->a);
    catalog_release(&s->cat);
}

static int side_run(side *s, unsigned long long seed, bc_errors *errs)
{
    bc_analysis_opts ao = { .thin = 2, .seed = seed };
    int rc = analysis_run(&s->a, &s->cat, &ao, errs);
    if (rc != BC_OK)
        return rc;
    plan_options po;
    plan_options_init(&po);
    po.stability = 0; /* the diff shows the chosen datasets, not their stability */
    return plan_build(&s->cat, &po, &s->plan, errs);
}

int cmd_diff(int argc, char **argv, FILE *out, bc_errors *errs)
{
    static const struct option longopts[] = {
        { "format", required_argument, NULL, 'f' }, { "fail-on", required_argument, NULL, 'x' },
        { "seed", required_argument, NULL, 's' },   { "charts", required_argument, NULL, 'c' },
        { "help", no_argument, NULL, 'h' },         { NULL, 0, NULL, 0 },
    };
    const char *format = "md", *charts = NULL, *paths[2] = { NULL, NULL };
    unsigned long long seed = 1;
    unsigned fail_on = 0;
    size_t npaths = 0;
    int c, rc = BC_OK;
    optind = 0;
    opterr = 0;
    /* '-' first: positional arguments come back as 1, in order, among the options. */
    while ((c = getopt_long(argc, argv, "-:h", longopts, NULL)) != -1) {
        switch (c) {
        case 1:
            if (npaths == 2)
                return cli_extra_argument(argv[0], optarg, errs);
            paths[npaths++] = optarg;
            break;
        case 'f':
            if (strcmp(optarg, "md") && strcmp(optarg, "csv") && strcmp(optarg, "json"))
                return errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                                  "invalid value '%s' for --format: expected 'md', 'csv' or "
                                  "'json'",
                                  optarg);
            format = optarg;
            break;
        case 'x': rc = parse_fail_on(optarg, &fail_on, errs); break;
        case 's': rc = cli_parse_u64("--seed", optarg, &seed, errs); break;
        case 'c': charts = optarg; break;
        case 'h': fputs(usage_diff, out); return BC_OK;
        default: return cli_bad_option(argv[0], argv, optind, c, errs);
        }
        if (rc != BC_OK)
            return rc;
    }
    if (npaths < 2)
        return errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "diff: needs two catalogs, <old> and <new>");

    side o, n;
    bc_diff d;
    side_init(&o);
    side_init(&n);
    diff_init(&d);
    if ((rc = cli_load(&o.cat, paths[0], errs)) != BC_OK)
        goto done;
    if ((rc = cli_load(&n.cat, paths[1], errs)) != BC_OK) {
        if (rc == BC_EX_DATAERR && (fail_on & FAIL_ERRORS)) {
            errors_add(errs, DIFF_EXIT_FAIL, NULL, 0, 0, "fail-on errors: '%s' fails check",
                       paths[1]);
            /* The condition asked for decides the status, not the data error it found. */
            errs->code = rc = DIFF_EXIT_FAIL;
        }
        goto done;
    }
    if ((rc = side_run(&o, seed, errs)) != BC_OK || (rc = side_run(&n, seed, errs)) != BC_OK)
        goto done;
    bc_diff_side so = { &o.cat, &o.a, &o.plan }, sn = { &n.cat, &n.a, &n.plan };
    if ((rc = diff_compute(&d, &so, &sn, errs)) != BC_OK)
        goto done;
    if (strcmp(format, "csv") == 0)
        rc = diff_write_csv(out, &d);
    else if (strcmp(format, "json") == 0)
        rc = diff_write_json(out, &d, paths[0], paths[1]);
    else
        rc = diff_write_md(out, &d, paths[0], paths[1]);
    if (rc != BC_OK)
        goto done;
    if (charts && (rc = diff_write_charts(charts, &d, errs)) != BC_OK)
        goto done;
    if ((fail_on & FAIL_UNCOVERED) && d.new_uncovered)
        list_rows(errs, "new-uncovered: tasks newly uncovered", &d, DIFF_STATUS,
                  "added-uncovered", "worsened", "uncovered");
    if ((fail_on & FAIL_ISOLATED) && d.new_isolated)
        list_rows(errs, "new-isolated: models newly isolated", &d, DIFF_COMPARABILITY,
                  "added-isolated", "isolated", NULL);
    if ((fail_on & FAIL_REMOVED) && d.removed_models)
        list_rows(errs, "removed-model: models removed", &d, DIFF_MODEL, "removed", NULL,
                  NULL);
    if (errs->code == DIFF_EXIT_FAIL)
        rc = DIFF_EXIT_FAIL;
done:
    diff_release(&d);
    side_release(&n);
    side_release(&o);
    return rc;
}
