/*
 * diff_write.h - the diff writer: a computed bc_diff (diff.h) as Markdown
 * for people (a job summary, a pull request comment), as CSV
 * `kind,name,change,before,after` and as JSON for scripts, and as two
 * gnuplot charts.  Nothing here computes a figure.
 */
#ifndef BENCHCOV_DIFF_WRITE_H
#define BENCHCOV_DIFF_WRITE_H

#include <stdio.h>

#include "diff.h"
#include "error.h"

/*
 * Markdown: a heading naming the two versions (`old_label`, `new_label`,
 * escaped), then one section per kind in diff.h's order; a section
 * without change says so in one line.  Headline figures that did not move
 * are named in one line, not tabled.  Returns BC_OK or BC_EX_IOERR.
 */
int diff_write_md(FILE *fp, const bc_diff *d, const char *old_label, const char *new_label);

/*
 * CSV: the header `kind,name,change,before,after`, then every row (metric
 * rows included whether they moved or not).  Returns BC_OK or BC_EX_IOERR.
 */
int diff_write_csv(FILE *fp, const bc_diff *d);

/*
 * JSON: an object {"old", "new", "changes", "new_uncovered",
 * "new_isolated", "removed_models", "plan_before", "plan_after",
 * "rows": [{"kind", "name", "change", "before", "after"}, ...]} whose row
 * fields are the CSV's strings.  Returns BC_OK or BC_EX_IOERR.
 */
int diff_write_json(FILE *fp, const bc_diff *d, const char *old_label, const char *new_label);

/*
 * Writes DIR/diff_coverage.gp + .dat (models per task, before and after,
 * as paired bars) and DIR/diff_headline.gp + .dat (the headline figures
 * that are shares, NODF scaled to 0-1, before and after), creating DIR
 * when missing; all four files are renamed into place together.  Returns
 * BC_OK, BC_EX_CANTCREAT, BC_EX_IOERR or BC_EX_SOFTWARE with a message in
 * errs.
 */
int diff_write_charts(const char *dir, const bc_diff *d, bc_errors *errs);

#endif
