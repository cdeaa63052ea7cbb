/*
 * catalog_load.h - the state of the catalog loader, shared by its files
 * (private to catalog.c, catalog_header.c, catalog_rows.c and
 * catalog_facets.c).
 *
 * catalog.c opens the files and runs the scanner (csvscan.h) on each;
 * catalog_header.c maps the header row onto the file's schema (known
 * columns by name, every other column a facet); catalog_rows.c turns each
 * row into an entry and resolves references; catalog_facets.c keeps the
 * facet values.  A bad row is reported and skipped; loading goes on so
 * that one run shows every error.
 */
#ifndef BENCHCOV_CATALOG_LOAD_H
#define BENCHCOV_CATALOG_LOAD_H

#include "catalog.h"
#include "csvscan.h"

typedef enum {
    K_TASKS = BC_FILE_TASKS, K_MODELS = BC_FILE_MODELS, K_DATASETS = BC_FILE_DATASETS,
    K_USAGE = BC_FILE_USAGE, K_COUNT = BC_FILES
} file_kind;

/* The known columns of every file, one id space. */
typedef enum {
    TC_CODE, TC_NAME, TC_COUNT,
    MC_MODEL = 0, MC_ALIASES, MC_PAPER, MC_YEAR, MC_PARAMS, MC_COUNT,
    DC_DATASET = 0, DC_ALIASES, DC_TASKS, DC_LANGUAGES, DC_HOURS, DC_COUNT,
    UC_MODEL = 0, UC_DATASET, UC_TASK, UC_ROLE, UC_SOURCE, UC_SCORE, UC_METRIC, UC_SPLIT,
    UC_COUNT
} column_id;

#define MAX_KNOWN 8

/* The schema of each file. */
typedef struct {
    const char *which;              /* as catalog_load_buffer names it */
    const char *file;               /* file name inside the data directory */
    const char *entry;              /* entry noun for messages */
    size_t n_known;
    size_t n_required;              /* the first n_required known columns must be there */
    const char *known[MAX_KNOWN];   /* known column names */
    int facets;                     /* other columns are facets (else they are ignored) */
} file_schema;

extern const file_schema catalog_kinds[K_COUNT];

/* State shared by the files of one catalog (catalog_load, or catalog_load_buffer calls). */
typedef struct bc_load_ctx {
    int file_ok[K_COUNT];        /* the file was read to its end under a good header */
    bc_names *failed[K_USAGE];   /* names of rejected task, model and dataset rows */
} load_ctx;

/* Duplicate usage facts: an open-addressing set of (model, dataset, task, role). */
typedef struct {
    size_t *slots;   /* usage index + 1, 0 when empty */
    size_t n_slots;  /* power of two */
} usage_set;

/* The state of one file being read. */
typedef struct {
    bc_catalog *cat;
    load_ctx *ctx;
    bc_csvscan *s;               /* the scanner: errors, stop, the row's fields */
    file_kind kind;
    bc_csvfield *fields;         /* the row's fields (the scanner's) */
    size_t n_fields;             /* fields in the row, possibly more than stored */

    /* from the header */
    size_t n_cols;               /* columns of the header */
    int at[MAX_KNOWN];           /* column of each known column, -1 when absent */
    size_t facet_at[BC_MAX_COLUMNS]; /* column of each facet of the file's bc_facets */
    size_t n_facets;
    int has_list;                /* the file has a `;` list column */

    usage_set dups;              /* usage facts seen, for duplicates */
} loader;

/* Maps the header row; stops the file when it cannot be read under it. */
void catalog_header_row(loader *L);

/* The header the schema expects, for messages ("model,dataset[,task,...]"). */
const char *catalog_expected_header(file_kind kind);

/* Remembers the key (and aliases) of a rejected row to quiet later references. */
void catalog_note_failed(loader *L);

/* Turns one data row into an entry of the catalog, or reports why not. */
void catalog_data_row(loader *L);

/* ---- shared by the row loaders (catalog_rows.c, catalog_usage.c) ---- */

/* A trimmed copy of s[0..n), or NULL when memory runs out. */
char *load_dup_trim(const char *s, size_t n);

/* Grows an array of `size`-byte elements to hold one more.  0 or -1. */
int load_grow(void **arr, size_t n, size_t size);

/* [0-9]+(\.[0-9]+)?, > 0, whatever the locale.  0 and *out set, or -1. */
int load_parse_decimal(const char *s, double *out);

/* The text of known column k in the row, "" when the file has no such column. */
const char *load_cell(const loader *L, int k);

/* The field of known column k (the first field when the column is absent). */
const bc_csvfield *load_pos(const loader *L, int k);

/* An optional positive decimal of column k; -1.0 when empty, *bad = 1 when invalid. */
double load_number(loader *L, int k, int *bad);

/*
 * Resolves `name` in `table` for field f.  Returns the id, or -1 after
 * reporting it (or keeping quiet when an earlier error explains it).
 */
int load_resolve(loader *L, const bc_names *table, file_kind kind, const char *noun,
                 const char *name, const bc_csvfield *f);

/*
 * Entries that no file defines, created with only their name (line 0 for
 * models and datasets; `line` for tasks).  Return the new index, or -1
 * when memory runs out.
 */
int load_new_task(bc_catalog *cat, const char *code, long line);
int load_new_model(bc_catalog *cat, const char *name);
int load_new_dataset(bc_catalog *cat, const char *name);

/* One row of usage.csv (catalog_usage.c). */
void load_usage_row(loader *L);

/* Whether the file `kind` was read (or fed) into this catalog. */
#define HAS_FILE(cat, kind) (((cat)->files >> (kind)) & 1u)

/*
 * Adds a facet column named `name` to fs.  Returns its index, or -1 when
 * memory runs out.
 */
int facets_add_col(bc_facets *fs, const char *name);

/*
 * The value id of `value` (trimmed, non-empty) in column col, added when
 * new (first seen at line:col); its count goes up by one.  Returns the id,
 * or -1 when memory runs out.
 */
int facets_intern(bc_facets *fs, size_t col, const char *value, long line, long c);

/* Computes every column's rank array.  Returns 0, or -1 when memory runs out. */
int facets_finish(bc_facets *fs);

/* Frees one column and its values. */
void facet_release(bc_facet *f);

/* Frees the columns and their values. */
void facets_release(bc_facets *fs);

/* A facet array of n entries, all -1 (NULL when n == 0 or memory runs out: check n). */
int *facets_new_row(size_t n);

#endif
