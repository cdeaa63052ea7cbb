/*
 * report.h - `report`'s output directory: README.md (the gap report),
 * tables/NAME.csv and charts/NAME.gp + NAME.dat (DESIGN.md section 6).
 */
#ifndef BENCHCOV_REPORT_H
#define BENCHCOV_REPORT_H

#include <stdio.h>

#include "analysis.h"
#include "error.h"
#include "plan.h"

/*
 * The first line of every README.md that report_write_dir writes (an HTML
 * comment: GitHub shows nothing), so a later run knows the file is its own.
 */
#define REPORT_MARK "<!-- written by benchcov report: edits are overwritten -->"

/*
 * BC_OK when OUT/README.md is absent or starts with REPORT_MARK; else
 * BC_EX_CANTCREAT with a message naming the file and --force (nothing is
 * written).  A README.md that cannot be read is left alone the same way.
 */
int report_check_readme(const char *out, bc_errors *errs);

/*
 * Writes the Markdown report of `a` and `plan` to `fp` (what
 * OUT/README.md holds).  Returns BC_OK, BC_EX_SOFTWARE (OOM) or
 * BC_EX_IOERR (stream error).
 */
int report_write_md(FILE *fp, const bc_analysis *a, const bc_plan *plan);

/*
 * Writes the whole directory `out` (created when missing, with tables/
 * and charts/; README.md starts with REPORT_MARK): every file goes to a temporary first and all are renamed
 * into place only when every one was written, so a failure leaves the
 * previous report as it was.  Returns BC_OK, BC_EX_CANTCREAT,
 * BC_EX_IOERR or BC_EX_SOFTWARE with a message in errs.
 */
int report_write_dir(const char *out, const bc_analysis *a, const bc_plan *plan,
                     bc_errors *errs);

/*
 * Runs gnuplot on OUT/charts/NAME.gp of every figure (render.h).  Returns
 * BC_OK, BC_EX_CANTCREAT or BC_EX_SOFTWARE with messages in errs.
 */
int report_render(const char *out, bc_errors *errs);

#endif
