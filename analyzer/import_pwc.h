/*
 * import_pwc.h - a catalog from the Papers-with-Code evaluation-tables.json
 * dump (the sota-extractor format).
 *
 * The file is an array of tasks; each task has datasets (with optional
 * subdatasets) whose sota.rows name a model, its paper and its metrics,
 * and subtasks of the same shape.  Every row is an evaluation fact of
 * its model on the dataset for the task, one per numeric metric (with
 * `score` and `metric`), or one without a score when it has none.
 * Tasks get codes derived from their names (unique, [A-Z][A-Z0-9-]*),
 * the full name in `name`.  Known variants are accepted: `task` as a
 * list of names (the first is used), `metrics` as a string (JSON text or
 * a bare number).  This is the only module that includes <jansson.h>.
 */
#ifndef BENCHCOV_IMPORT_PWC_H
#define BENCHCOV_IMPORT_PWC_H

#include <stddef.h>
#include "draft.h"
#include "error.h"

/*
 * Reads the JSON text data[0..len) (named `path` in messages) into the
 * started draft, one top-level task at a time, so memory holds the text
 * and one task's tree.  `source` is the source of every fact; NULL = the
 * row's paper_url, or `path` when it has none.  Returns BC_OK;
 * BC_EX_DATAERR with FILE:LINE:COL in errs for malformed JSON or a value
 * of the wrong type (the position of the top-level task that holds it,
 * and its path in the message); BC_EX_SOFTWARE when memory runs out.
 */
int import_pwc(bc_draft *d, const char *path, const char *data, size_t len, const char *source,
               bc_errors *errs);

#endif
