/*
 * catalog_load.h - the state of the catalog loader, shared by its files
 * (private to catalog.c, catalog_header.c and catalog_rows.c).
 *
 * catalog.c opens the files and runs the scanner (csvscan.h) on each;
 * catalog_header.c checks the header row against the file's schema;
 * catalog_rows.c turns each row into an entry and resolves references.
 * A bad row is reported and skipped; loading goes on so that one run
 * shows every error.
 */
#ifndef BENCHCOV_CATALOG_LOAD_H
#define BENCHCOV_CATALOG_LOAD_H

#include "catalog.h"
#include "csvscan.h"

typedef enum { K_TASKS, K_MODELS, K_DATASETS, K_USAGE, K_COUNT } file_kind;

#define MAX_COLS 11

/* The schema of each file. */
typedef struct {
    const char *which;              /* as catalog_load_buffer names it */
    const char *file;               /* file name inside the data directory */
    const char *entry;              /* entry noun for messages */
    size_t ncols;
    const char *cols[MAX_COLS];     /* the header, exactly */
    const char *header;             /* the same, joined */
} file_schema;

extern const file_schema catalog_kinds[K_COUNT];

/* State shared by the files of one catalog_load call. */
typedef struct {
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
    usage_set dups;              /* usage facts seen, for duplicates */
} loader;

/* Index of `s` among names[1..n), or 0 when absent. */
int catalog_enum_find(const char *const *names, int n, const char *s);
extern const char *const catalog_modality_names[BC_MOD_COUNT];
extern const char *const catalog_fusion_names[BC_FUSION_COUNT];
extern const char *const catalog_output_names[BC_OUTPUT_COUNT];

/* Checks the header row; stops the file when it is wrong. */
void catalog_header_row(loader *L);

/* Remembers the key (and aliases) of a rejected row to quiet later references. */
void catalog_note_failed(loader *L);

/* Turns one data row into an entry of the catalog, or reports why not. */
void catalog_data_row(loader *L);

#endif
