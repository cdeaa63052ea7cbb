/*
 * commands.h - the benchcov commands, one per cmd_NAME.c (see cli.h for
 * the calling convention).
 */
#ifndef BENCHCOV_COMMANDS_H
#define BENCHCOV_COMMANDS_H

#include <stdio.h>
#include "error.h"

int cmd_check(int argc, char **argv, FILE *out, bc_errors *errs);
int cmd_coverage(int argc, char **argv, FILE *out, bc_errors *errs);
int cmd_overlap(int argc, char **argv, FILE *out, bc_errors *errs);
int cmd_metrics(int argc, char **argv, FILE *out, bc_errors *errs);
int cmd_plan(int argc, char **argv, FILE *out, bc_errors *errs);
int cmd_report(int argc, char **argv, FILE *out, bc_errors *errs);
int cmd_diff(int argc, char **argv, FILE *out, bc_errors *errs);
int cmd_import(int argc, char **argv, FILE *out, bc_errors *errs);
int cmd_export(int argc, char **argv, FILE *out, bc_errors *errs);

extern const char usage_check[], usage_coverage[], usage_overlap[], usage_metrics[],
    usage_plan[], usage_report[];
extern const char usage_diff[];
extern const char usage_import[];
extern const char usage_export[];

#endif
