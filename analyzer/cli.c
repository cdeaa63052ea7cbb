/*
 * cli.c - the command table and the option-value parsers the commands
 * share (see cli.h).  Every bad value becomes a usage error naming the
 * option and what it accepts.
 */
#include "cli.h"
#include "commands.h"
#include "names.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const bc_command bc_commands[] = {
    { "check", cmd_check, usage_check, "validate the catalog and summarise it" },
    { "report", cmd_report, usage_report, "write the Markdown gap report, tables and charts" },
    { "coverage", cmd_coverage, usage_coverage, "coverage by task, model or dataset" },
    { "overlap", cmd_overlap, usage_overlap, "what every pair of models shares" },
    { "metrics", cmd_metrics, usage_metrics, "headline, nestedness and structure figures" },
    { "plan", cmd_plan, usage_plan, "choose the datasets to evaluate on" },
    { "diff", cmd_diff, usage_diff, "what changed between two versions of a catalog" },
    { "import", cmd_import, usage_import, "a catalog from a Markdown table, a leaderboard CSV or a PwC dump" },
    { "export", cmd_export, usage_export, "the catalog as GraphML, DOT, an edge list or JSON" },
    { NULL, NULL, NULL, NULL },
};

const bc_command *cli_find_command(const char *name)
{
    for (const bc_command *c = bc_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}

const char *cli_suggest_command(const char *word)
{
    bc_names *t = names_new();
    const char *hint = NULL;
    if (!t)
        return NULL;
    int ok = 1;
    for (const bc_command *c = bc_commands; c->name && ok; c++)
        ok = names_add(t, c->name, (int)(c - bc_commands), 1) == BC_OK;
    if (ok) {
        const char *name = names_suggest(t, word);
        const bc_command *c = name ? cli_find_command(name) : NULL;
        hint = c ? c->name : NULL; /* the table's copy dies with it */
    }
    names_free(t);
    return hint;
}

int cli_unknown_name(const char *opt, const char *what, const char *name,
                     const bc_names *table, bc_errors *errs)
{
    const char *hint = table ? names_suggest(table, name) : NULL;
    if (hint)
        return errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "%s: unknown %s '%s' (did you mean '%s'?)",
                          opt, what, name, hint);
    return errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "%s: unknown %s '%s'", opt, what, name);
}

static int bad_value(const char *opt, const char *val, const char *why, bc_errors *errs)
{
    return errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "invalid value '%s' for %s: %s", val,
                      opt, why);
}

int cli_parse_choice(const char *opt, const char *val, const char *const *choices, int *out,
                     bc_errors *errs)
{
    size_t n = 0;
    const char *fix = NULL;
    for (; choices[n]; n++) {
        if (strcmp(val, choices[n]) == 0) {
            *out = (int)n;
            return BC_OK;
        }
        if (strcasecmp(val, choices[n]) == 0)
            fix = choices[n];
    }
    char why[256];
    size_t w = (size_t)snprintf(why, sizeof why, "expected");
    for (size_t i = 0; i < n && w < sizeof why; i++)
        w += (size_t)snprintf(why + w, sizeof why - w, "%s'%s'",
                              i == 0 ? " " : i + 1 == n ? " or " : ", ", choices[i]);
    if (fix && w < sizeof why)
        snprintf(why + w, sizeof why - w, " (did you mean '%s'?)", fix);
    return bad_value(opt, val, why, errs);
}

int cli_parse_format(const char *opt, const char *val, bc_format *out, bc_errors *errs)
{
    static const char *const formats[] = { "md", "csv", NULL };
    int i;
    int rc = cli_parse_choice(opt, val, formats, &i, errs);
    if (rc == BC_OK)
        *out = i ? BC_FORMAT_CSV : BC_FORMAT_MD;
    return rc;
}

/* Plain digits only: no sign, no space, no base prefix. */
static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

int cli_parse_long(const char *opt, const char *val, long min, long max, long *out,
                   bc_errors *errs)
{
    char why[96];
    snprintf(why, sizeof why, "expected a whole number from %ld to %ld", min, max);
    if (!all_digits(val) || strlen(val) > 18)
        return bad_value(opt, val, why, errs);
    long v = strtol(val, NULL, 10);
    if (v < min || v > max)
        return bad_value(opt, val, why, errs);
    *out = v;
    return BC_OK;
}

int cli_parse_u64(const char *opt, const char *val, unsigned long long *out, bc_errors *errs)
{
    const char *why = "expected a whole number from 0 to 18446744073709551615";
    if (!all_digits(val) || strlen(val) > 20)
        return bad_value(opt, val, why, errs);
    errno = 0;
    unsigned long long v = strtoull(val, NULL, 10);
    if (errno == ERANGE)
        return bad_value(opt, val, why, errs);
    *out = v;
    return BC_OK;
}

int cli_parse_double(const char *opt, const char *val, double min, double max, double *out,
                     bc_errors *errs)
{
    /* Digits with at most one '.', digits on both sides: the catalog's own
     * number grammar, so "1,5", "nan", "1e3" and "0x1A" are refused alike. */
    char why[128];
    snprintf(why, sizeof why, "expected a decimal number such as 12 or 0.5, from %.15g to %.15g",
             min, max);
    const char *p = val;
    size_t int_digits = 0, frac_digits = 0;
    while (*p >= '0' && *p <= '9')
        p++, int_digits++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9')
            p++, frac_digits++;
        if (!frac_digits)
            return bad_value(opt, val, why, errs);
    }
    if (*p || !int_digits || int_digits > 15)
        return bad_value(opt, val, why, errs);
    /* strtod follows LC_NUMERIC; benchcov never changes it from "C". */
    double v = strtod(val, NULL);
    if (!isfinite(v) || v < min || v > max)
        return bad_value(opt, val, why, errs);
    *out = v;
    return BC_OK;
}

void cli_strlist_release(bc_strlist *l)
{
    strlist_release(l);
}

int cli_split_list(const char *opt, const char *val, bc_strlist *out, bc_errors *errs)
{
    if (strlist_split(val, ",;", out) < 0)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    if (out->n == 0)
        return bad_value(opt, val, "expected a list of names separated by ','", errs);
    return BC_OK;
}

int cli_bad_option(const char *cmd, char **argv, int optind_now, int getopt_rc,
                   bc_errors *errs)
{
    const char *word = optind_now > 0 ? argv[optind_now - 1] : NULL;
    if (getopt_rc == ':')
        return errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "%s: option '%s' needs a value", cmd,
                          word ? word : "?");
    return errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "%s: unknown option '%s'", cmd,
                      word ? word : "?");
}

int cli_extra_argument(const char *cmd, const char *word, bc_errors *errs)
{
    return errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "%s: unexpected argument '%s'", cmd, word);
}

int cli_load(bc_catalog *cat, const char *dir, bc_errors *errs)
{
    return catalog_load(cat, dir, errs);
}

int cli_parse_common(int argc, char **argv, unsigned accepted, bc_opts *o, bc_errors *errs)
{
    static const struct option all[] = {
        { "data", required_argument, NULL, 'd' },  { "format", required_argument, NULL, 'f' },
        { "seed", required_argument, NULL, 's' },  { "out", required_argument, NULL, 'o' },
        { "thin", required_argument, NULL, 't' },  { "by", required_argument, NULL, 'b' },
        { "model", required_argument, NULL, 'm' }, { "top", required_argument, NULL, 'n' },
        { "facets", required_argument, NULL, 'F' },
        { "render", no_argument, NULL, 'r' },      { "force", no_argument, NULL, 'R' },
        { "help", no_argument, NULL, 'h' },
    };
    static const unsigned bit[] = { BC_OPT_DATA, BC_OPT_FORMAT, BC_OPT_SEED,   BC_OPT_OUT,
                                    BC_OPT_THIN, BC_OPT_BY,     BC_OPT_MODEL,  BC_OPT_TOP,
                                    BC_OPT_FACETS, BC_OPT_RENDER, BC_OPT_FORCE, 0 };
    struct option longopts[sizeof all / sizeof all[0] + 1];
    size_t n = 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (!bit[i] || (accepted & bit[i]))
            longopts[n++] = all[i];
    memset(&longopts[n], 0, sizeof longopts[n]);

    *o = (bc_opts){ .data = "data", .out = "reports", .format = BC_FORMAT_MD, .seed = 1,
                    .thin = 2 };
    const char *cmd = argv[0];
    optind = 0;
    opterr = 0;
    int c, rc = BC_OK;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': o->data = optarg; break;
        case 'o': o->out = optarg; break;
        case 'm': o->model = optarg; break;
        case 'F': o->facets = optarg; break;
        case 'r': o->render = 1; break;
        case 'R': o->force = 1; break;
        case 'f': rc = cli_parse_format("--format", optarg, &o->format, errs); break;
        case 's': rc = cli_parse_u64("--seed", optarg, &o->seed, errs); break;
        case 't': rc = cli_parse_long("--thin", optarg, 1, 1000000, &o->thin, errs); break;
        case 'n': rc = cli_parse_long("--top", optarg, 1, 1000000000, &o->top, errs); break;
        case 'b': {
            static const char *const by[] = { "task", "model", "dataset", NULL };
            int i;
            rc = cli_parse_choice("--by", optarg, by, &i, errs);
            o->by = rc == BC_OK ? by[i] : optarg;
            break;
        }
        case 'h': o->help = 1; return BC_OK;
        default: return cli_bad_option(cmd, argv, optind, c, errs);
        }
        if (rc != BC_OK)
            return rc;
    }
    if (optind < argc)
        return cli_extra_argument(cmd, argv[optind], errs);
    if ((accepted & BC_OPT_BY) && !o->by)
        return errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "%s: --by is required", cmd);
    return BC_OK;
}
