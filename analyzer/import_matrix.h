/*
 * import_matrix.h - a catalog from a wide leaderboard CSV: one row per
 * model, one column per benchmark, a number in a cell is an evaluation
 * fact with that score.
 *
 * The bytes go through the project's CSV scanner (csvscan.h), so a
 * leaderboard is held to the same rules as a catalog file: UTF-8, RFC
 * 4180 quoting, positions in every message.  Each benchmark is a dataset
 * whose task comes from --task-map or is the benchmark name itself.
 */
#ifndef BENCHCOV_IMPORT_MATRIX_H
#define BENCHCOV_IMPORT_MATRIX_H

#include <stddef.h>
#include "catalog.h"
#include "draft.h"
#include "error.h"

typedef struct {
    const char *model_column;      /* header of the model column; NULL = model/name or the first */
    const char *const *facets;     /* headers of metadata columns (models.csv facets) */
    size_t n_facets;
    const char *task_map;          /* CSV file with benchmark,task columns; NULL = none */
    const char *metric;            /* metric of every fact; NULL = empty */
    bc_role role;                  /* role of every fact */
    const char *source;            /* source of every fact; NULL = the input path */
} import_matrix_opts;

/*
 * Reads the CSV text data[0..len) (named `path` in messages) into the
 * started draft.  Returns BC_OK; BC_EX_DATAERR with positions in errs
 * for malformed CSV, a repeated or empty header, a row with the wrong
 * number of fields or a bad task map; BC_EX_USAGE when --model-column or
 * --facet names no column; BC_EX_NOINPUT / BC_EX_IOERR when the task map
 * cannot be read; BC_EX_SOFTWARE when memory runs out.
 */
int import_matrix(bc_draft *d, const char *path, const char *data, size_t len,
                  const import_matrix_opts *o, bc_errors *errs);

#endif
