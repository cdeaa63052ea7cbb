/*
 * cli.h - what the commands share: the command table entry, and parsers
 * for option values that turn a bad value into a usage error (64).
 *
 * Every cmd_NAME.c defines `int cmd_NAME(int argc, char **argv, FILE *out,
 * bc_errors *errs)` and `const char usage_NAME[]`.  argv[0] is the command
 * name; options are parsed with getopt_long (optind reset to 0 first).
 * A command writes its result to `out` (stdout in main, a memory stream in
 * tests), returns a BC_EX_* code and leaves messages in `errs`; main
 * prints them and, for BC_EX_USAGE, the command's usage on stderr.
 * `-h/--help` writes the usage to `out` and returns BC_OK.
 */
#ifndef BENCHCOV_CLI_H
#define BENCHCOV_CLI_H

#include <stdio.h>
#include "error.h"
#include "catalog.h"
#include "fmt.h"


typedef int (*bc_command_fn)(int argc, char **argv, FILE *out, bc_errors *errs);

typedef struct {
    const char *name;
    bc_command_fn run;
    const char *usage;   /* the whole --help text, ends with a newline */
    const char *summary; /* one line for the command list */
} bc_command;

/* The table main.c dispatches on, ended by a zero entry. */
extern const bc_command bc_commands[];

/* Looks a command up by exact name; NULL when unknown. */
const bc_command *cli_find_command(const char *name);

/*
 * The command whose name is closest to `word` (as names_suggest finds
 * catalog names: a few edits for the length, case-insensitively), or NULL
 * when none is close or memory runs out.
 */
const char *cli_suggest_command(const char *word);

/*
 * Reports a name given to option `opt` (for example "--baselines") that
 * `table` does not hold: "OPT: unknown WHAT 'NAME'", with "(did you mean
 * 'X'?)" when `table` (may be NULL) has a close name.  Returns BC_EX_USAGE:
 * an option value naming nothing in the catalog is a usage error.
 */
int cli_unknown_name(const char *opt, const char *what, const char *name,
                     const bc_names *table, bc_errors *errs);

/*
 * Option value parsers.  Each returns BC_OK and stores the value, or
 * BC_EX_USAGE with "invalid value 'V' for --OPT: WHY" in errs.
 */
int cli_parse_format(const char *opt, const char *val, bc_format *out, bc_errors *errs);
/* One of choices[] (NULL-terminated), exactly; *out is its index.  A value
 * that matches but for case gets "(did you mean 'csv'?)". */
int cli_parse_choice(const char *opt, const char *val, const char *const *choices, int *out,
                     bc_errors *errs);
int cli_parse_long(const char *opt, const char *val, long min, long max, long *out,
                   bc_errors *errs);
int cli_parse_u64(const char *opt, const char *val, unsigned long long *out, bc_errors *errs);
/* cli_parse_double accepts digits with at most one '.' between digits
 * ("12", "0.5"; not ".5", "5.", "1e3", "-1", "1,5"), from min to max. */
int cli_parse_double(const char *opt, const char *val, double min, double max, double *out,
                     bc_errors *errs);

/*
 * Splits a list option ("ASR,ST" or "ASR;ST"; white space around items
 * ignored, empty items dropped) into a bc_strlist the caller frees with
 * cli_strlist_release.  Returns BC_OK, BC_EX_USAGE when the list is empty,
 * BC_EX_SOFTWARE on OOM.
 */
int cli_split_list(const char *opt, const char *val, bc_strlist *out, bc_errors *errs);
void cli_strlist_release(bc_strlist *l);

/*
 * Reports what getopt_long refused (call it with opterr = 0 and an
 * optstring that starts with ':'): `getopt_rc` is getopt's return value,
 * ':' for a missing value, '?' for an unknown option; `optind_now` is
 * optind right after that call.  Returns BC_EX_USAGE.
 */
int cli_bad_option(const char *cmd, char **argv, int optind_now, int getopt_rc,
                   bc_errors *errs);

/*
 * Reports a word left over after the options ("unexpected argument 'X'").
 * Returns BC_EX_USAGE.
 */
int cli_extra_argument(const char *cmd, const char *word, bc_errors *errs);

/* The options several commands share; each command accepts a subset. */
enum {
    BC_OPT_DATA = 1u << 0,   /* --data DIR (default "data") */
    BC_OPT_FORMAT = 1u << 1, /* --format md|csv (default md) */
    BC_OPT_SEED = 1u << 2,   /* --seed S (default 1) */
    BC_OPT_OUT = 1u << 3,    /* --out DIR (default "reports") */
    BC_OPT_THIN = 1u << 4,   /* --thin N (default 2) */
    BC_OPT_BY = 1u << 5,     /* --by task|model|dataset (required when accepted) */
    BC_OPT_MODEL = 1u << 6,  /* --model NAME */
    BC_OPT_TOP = 1u << 7,    /* --top N (default 0: all) */
    BC_OPT_FACETS = 1u << 8, /* --facets LIST (model facets for the facet gaps) */
    BC_OPT_RENDER = 1u << 9, /* --render (report: run gnuplot on the charts) */
    BC_OPT_FORCE = 1u << 10  /* --force (report: overwrite a README.md it did not write) */
};

typedef struct {
    const char *data;        /* --data */
    const char *out;         /* --out */
    const char *by;          /* --by: "task", "model" or "dataset"; NULL when absent */
    const char *model;       /* --model; NULL when absent */
    const char *facets;      /* --facets; NULL when absent */
    bc_format format;        /* --format */
    unsigned long long seed; /* --seed */
    long thin;               /* --thin, >= 1 */
    long top;                /* --top, 0 = all */
    int help;                /* -h/--help was given: print usage, do nothing else */
    int render;              /* --render */
    int force;               /* --force */
} bc_opts;

/*
 * Parses argv (argv[0] is the command name) for the options in `accepted`
 * (a set of BC_OPT_* bits) into `o`, defaults first.  Returns BC_OK or
 * BC_EX_USAGE with the reason in errs (unknown option, missing or bad
 * value, a leftover argument, --by missing where accepted).
 */
int cli_parse_common(int argc, char **argv, unsigned accepted, bc_opts *o, bc_errors *errs);

/*
 * Loads the catalog of `dir` for a command.  Returns catalog_load's code;
 * the catalog must be released by the caller in every case.
 */
int cli_load(bc_catalog *cat, const char *dir, bc_errors *errs);

#endif
