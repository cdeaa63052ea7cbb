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

typedef enum { BC_FORMAT_MD = 0, BC_FORMAT_CSV = 1 } bc_format;

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
 * Option value parsers.  Each returns BC_OK and stores the value, or
 * BC_EX_USAGE with "invalid value 'V' for --OPT: WHY" in errs.
 */
int cli_parse_format(const char *opt, const char *val, bc_format *out, bc_errors *errs);
int cli_parse_long(const char *opt, const char *val, long min, long max, long *out,
                   bc_errors *errs);
int cli_parse_u64(const char *opt, const char *val, unsigned long long *out, bc_errors *errs);
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

/* Reports an unknown option or a missing argument as getopt saw it. */
int cli_bad_option(const char *cmd, char **argv, int optind_at_error, int optopt_val,
                   bc_errors *errs);

/*
 * Loads the catalog of `dir` for a command.  Returns catalog_load's code;
 * the catalog must be released by the caller in every case.
 */
int cli_load(bc_catalog *cat, const char *dir, bc_errors *errs);

#endif
