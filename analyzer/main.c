/*
 * main.c - the benchcov command line: finds the command in the table of
 * cli.c, runs it with stdout as its output, and turns what it returns
 * into diagnostics on stderr and a sysexits status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "error.h"
#include "graph.h"
#include "outfile.h"
#include "progress.h"
#include "version.h"

static void print_main_usage(FILE *fp)
{
    fputs("usage: benchcov <command> [<options>]\n"
          "       benchcov --version | --help\n"
          "\n"
          "benchcov reads a catalog of models, datasets and tasks (four CSV files\n"
          "in --data DIR, default 'data') and tells which tasks are uncovered,\n"
          "which datasets carry them, which models can be compared, and which\n"
          "datasets a new model should be evaluated on.\n"
          "\n"
          "commands:\n",
          fp);
    for (const bc_command *c = bc_commands; c->name; c++)
        fprintf(fp, "  %-9s %s\n", c->name, c->summary);
    fputs("\n"
          "'benchcov <command> --help' describes a command's options.\n"
          "\n"
          "exit status: 0 ok, 64 usage, 65 bad catalog data, 66 input missing,\n"
          "70 internal error, 73 cannot create output, 74 I/O error\n",
          fp);
}

/*
 * A usage error: the messages, then one line pointing to the help of
 * `cmd` (or of benchcov when NULL), not the whole help.  Releases errs
 * and returns BC_EX_USAGE.
 */
static int usage_error(bc_errors *errs, const bc_command *cmd)
{
    errors_print(errs, stderr);
    errors_release(errs);
    if (cmd)
        fprintf(stderr, "benchcov: see 'benchcov %s --help' for its usage\n", cmd->name);
    else
        fputs("benchcov: see 'benchcov --help' for the commands\n", stderr);
    return BC_EX_USAGE;
}

/*
 * What argv[1], which names no command, is: an option given before the
 * command ("options follow the command", naming the command when one
 * follows), or a misspelt command ("did you mean").
 */
static void unknown_command(int argc, char **argv, bc_errors *errs)
{
    const char *word = argv[1];
    if (word[0] == '-') {
        const bc_command *later = NULL;
        for (int i = 2; i < argc && !later; i++)
            later = cli_find_command(argv[i]);
        if (later)
            errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                       "option '%s' before the command: options follow the command, as in "
                       "'benchcov %s %s ...'",
                       word, later->name, word);
        else
            errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                       "option '%s' before the command: the command comes first, as in "
                       "'benchcov check %s ...'",
                       word, word);
        return;
    }
    const char *hint = cli_suggest_command(word);
    if (hint)
        errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "unknown command '%s' (did you mean '%s'?)",
                   word, hint);
    else
        errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "unknown command '%s'", word);
}

int main(int argc, char **argv)
{
    bc_errors errs;
    errors_init(&errs);
    int rc;
    const bc_command *cmd = NULL;

    if (argc < 2) {
        errors_add(&errs, BC_EX_USAGE, NULL, 0, 0, "no command given");
        return usage_error(&errs, NULL);
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
        strcmp(argv[1], "help") == 0) {
        print_main_usage(stdout);
        rc = outfile_check_stream(stdout, "standard output", &errs);
        goto out;
    }
    if (strcmp(argv[1], "--version") == 0) {
        /* The commit is "" when built outside a git checkout. */
        if (BENCHCOV_COMMIT[0])
            fputs("benchcov " BENCHCOV_VERSION " (commit " BENCHCOV_COMMIT ")\n", stdout);
        else
            fputs("benchcov " BENCHCOV_VERSION "\n", stdout);
        rc = outfile_check_stream(stdout, "standard output", &errs);
        goto out;
    }
    cmd = cli_find_command(argv[1]);
    if (!cmd) {
        unknown_command(argc, argv, &errs);
        return usage_error(&errs, NULL);
    }

    graph_global_init();
    progress_enable(getenv("BENCHCOV_PROGRESS") ? atoi(getenv("BENCHCOV_PROGRESS")) != 0
                                                : isatty(STDERR_FILENO));
    rc = cmd->run(argc - 1, argv + 1, stdout, &errs);
    int io = outfile_check_stream(stdout, "standard output", &errs);
    if (rc == BC_OK)
        rc = io;
    /* A library writer reports running out of memory by its return value
     * alone: never end with 70 and nothing said. */
    if (rc == BC_EX_SOFTWARE && errs.n == 0 && errs.dropped == 0 && errs.lost == 0)
        errors_add(&errs, rc, NULL, 0, 0, "out of memory");
out:
    if (errs.code > rc)
        rc = errs.code;
    if (rc == BC_EX_USAGE)
        return usage_error(&errs, cmd);
    errors_print(&errs, stderr);
    errors_release(&errs);
    return rc;
}
