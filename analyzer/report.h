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
 * Writes the Markdown report of `a` and `plan` to `fp` (what
 * OUT/README.md holds).  Returns BC_OK, BC_EX_SOFTWARE (OOM) or
 * BC_EX_IOERR (stream error).
 */
int report_write_md(FILE *fp, const bc_analysis *a, const bc_plan *plan);

/*
 * Writes the whole directory `out` (created when missing, with tables/
 * and charts/): every file goes to a temporary first and all are renamed
 * into place only when every one was written, so a failure leaves the
 * previous report as it was.  Returns BC_OK, BC_EX_CANTCREAT,
 * BC_EX_IOERR or BC_EX_SOFTWARE with a message in errs.
 */
int report_write_dir(const char *out, const bc_analysis *a, const bc_plan *plan,
                     bc_errors *errs);

#endif
