/*
 * import_markdown.h - a catalog from a GitHub-flavoured Markdown pipe
 * table, as survey authors keep one in their README.
 *
 * One table of the file (the first whose header has a model column, or
 * --table N) is read: one row per model, columns found by header (with
 * defaults for common header words, or --map KEY=HEADER), the datasets
 * cell split into mentions with their task labels.  Every mention that
 * is not plainly a known or a new name becomes a review note in the
 * draft with its FILE:LINE:COL.
 */
#ifndef BENCHCOV_IMPORT_MARKDOWN_H
#define BENCHCOV_IMPORT_MARKDOWN_H

#include <stddef.h>
#include "catalog.h"
#include "draft.h"
#include "error.h"

typedef struct {
    long table;            /* 1-based table to read; 0 = the first with a model column */
    const char *const *maps; /* "KEY=Header" pairs, n_maps of them; may be NULL */
    size_t n_maps;
    bc_role role;          /* role of every fact (train or eval) */
    const char *source;    /* `source` of every fact; NULL = the input path */
} import_markdown_opts;

/*
 * Reads the Markdown text data[0..len) (named `path` in messages) into
 * the draft, which must have been started (draft_start or
 * draft_from_catalog).  Returns BC_OK; BC_EX_DATAERR with positions in
 * errs when the text is not valid UTF-8, holds a NUL byte, has no table
 * or no model column; BC_EX_USAGE when --table or --map names a table or
 * header the file does not have; BC_EX_SOFTWARE when memory runs out.
 * Never reads outside data[0..len).
 */
int import_markdown(bc_draft *d, const char *path, const char *data, size_t len,
                    const import_markdown_opts *o, bc_errors *errs);

#endif
