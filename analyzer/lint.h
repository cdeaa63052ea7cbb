/*
 * lint.h - likely curation slips in a catalog that loaded without error
 * (DESIGN.md section 2): `check` prints them as warnings, `check --strict`
 * as errors.
 *
 * - a facet value spelt once that differs from a spelling used more often
 *   in the same column only by case or separators (`Text` beside `text`,
 *   `Q-Former` beside `qformer`), or by one edit (two from 5 letters)
 *   that leaves the digits alone (`whsiper` beside `whisper`; `LLaMA-2`
 *   beside `LLaMA` is a version, not a slip);
 * - a dataset of datasets.csv that no usage fact names;
 * - a usage fact whose task its dataset's `tasks` list omits.
 */
#ifndef BENCHCOV_LINT_H
#define BENCHCOV_LINT_H

#include "catalog.h"
#include "error.h"

/*
 * A facet column whose lone spellings would need more edit-distance
 * comparisons than this (each lone spelling against the common spellings
 * of a length within its edit limit) gets only the case-and-separator
 * lint, and a "note:" diagnostic (BC_OK, also under strict) says so.
 */
#define LINT_MAX_PAIRS 4000000

/*
 * Adds one diagnostic per finding to errs, at the file, line and column
 * of the slip: "warning: ..." with code BC_OK (the exit status stays 0),
 * or, when `strict`, the same text without the prefix as BC_EX_DATAERR.
 * Findings come file by file (models, datasets, tasks facets; then
 * datasets; then usage), each in file order.  Returns the number of
 * findings.
 */
size_t lint_catalog(const bc_catalog *cat, int strict, bc_errors *errs);

#endif
