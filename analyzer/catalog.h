/*
 * catalog.h - the catalog of models, datasets, tasks and usage facts.
 *
 * catalog_load() streams the CSV files of a data directory (usage.csv,
 * and optionally tasks.csv, models.csv, datasets.csv) or one usage file,
 * validates every row and resolves every reference (DESIGN.md section 2;
 * the bytes go through csvscan.h, the only module that includes <csv.h>).
 * Columns are found by their header name.  Columns the schema does not
 * know are facets: free categorical text, kept per file in a bc_facets
 * and per entry as value ids.  Entries keep their file order; writers
 * sort by name where they need a total order.
 */
#ifndef BENCHCOV_CATALOG_H
#define BENCHCOV_CATALOG_H

#include <stddef.h>
#include "csvscan.h"
#include "error.h"
#include "names.h"
#include "strlist.h"

typedef enum { BC_ROLE_TRAIN = 1, BC_ROLE_EVAL = 2 } bc_role;

/* The files a catalog can hold; bit (1u << BC_FILE_X) in bc_catalog.files. */
typedef enum { BC_FILE_TASKS, BC_FILE_MODELS, BC_FILE_DATASETS, BC_FILE_USAGE, BC_FILES } bc_file;

/* One spelling of a facet value, exactly as written (for the lints). */
typedef struct {
    char *text;
    int value;             /* the value it spells */
    int next;              /* the value's next spelling, -1 at the end */
    size_t count;          /* entries spelling it so */
    long line, col;        /* where it was first seen */
} bc_spelling;

/* One facet column: its distinct values, compared ASCII case-insensitively. */
typedef struct {
    char *name;            /* the column header, trimmed */
    char **values;         /* distinct values, first spelling seen, in first-seen order */
    size_t *count;         /* entries holding each value */
    int *rank;             /* each value's place in case-insensitive name order */
    int *first;            /* each value's first spelling (index into spellings) */
    size_t n_values;
    bc_spelling *spellings;
    size_t n_spellings;
    bc_names *index;       /* value -> value id */
} bc_facet;

/* The facet columns of one file, in header order. */
typedef struct {
    bc_facet *cols;
    size_t n;
} bc_facets;

typedef struct {
    char *code;            /* unique; [A-Z][A-Z0-9-]* when tasks.csv defines it */
    char *name;            /* the code itself when tasks.csv gives no name */
    int *facet;            /* value id per task facet column, -1 when empty; NULL when none */
    long line;             /* line in tasks.csv; 0 when only named elsewhere */
} bc_task;

typedef struct {
    char *name;            /* display name, unique */
    bc_strlist aliases;
    char *paper;           /* "" when unknown */
    int year;              /* 0 = unknown */
    double llm_params_b;   /* billions of parameters; < 0 = unknown */
    int *facet;            /* value id per model facet column, -1 when empty; NULL when none */
    long line;             /* line in models.csv; 0 when only named in usage */
} bc_model;

typedef struct {
    char *name;            /* canonical name, unique */
    bc_strlist aliases;
    int *tasks;            /* indices into catalog.tasks, ascending, unique (see
                              bc_catalog.datasets_list_tasks) */
    size_t n_tasks;
    bc_strlist languages;
    double hours;          /* < 0 = unknown */
    int *facet;            /* value id per dataset facet column, -1 when empty; NULL when none */
    long line;             /* line in datasets.csv; 0 when only named in usage */
} bc_dataset;

typedef struct {
    int model;             /* index into catalog.models */
    int dataset;           /* index into catalog.datasets, -1 when empty */
    int task;              /* index into catalog.tasks, -1 when empty */
    bc_role role;
    const char *source;    /* "" when unknown, likewise metric and split; the three are
                              owned by the catalog's text pool (catalog_text) */
    double score;          /* NAN when empty */
    const char *metric;
    const char *split;
    long line;             /* line in usage.csv (several facts share it when the
                              row covers its dataset's tasks) */
    long task_col;         /* column of its task cell (of its dataset cell when
                              usage.csv has no task column) */
} bc_usage;

typedef struct {
    bc_task *tasks;       size_t n_tasks;
    bc_model *models;     size_t n_models;
    bc_dataset *datasets; size_t n_datasets;
    bc_usage *usage;      size_t n_usage;
    size_t aliases_used;  /* usage cells that spell a model or dataset otherwise than its
                             display name (an alias, or another case or spacing) */
    bc_facets task_facets, model_facets, dataset_facets;
    unsigned files;          /* (1u << BC_FILE_X) for each file read */
    char *path[BC_FILES];    /* the path each file was read from, NULL when absent */
    int usage_has_task;      /* usage.csv has a `task` column */
    int usage_has_role;      /* usage.csv has a `role` column */
    int datasets_list_tasks; /* datasets.csv has a `tasks` column; without it each
                                dataset's tasks are those its usage facts name */
    bc_names *model_names;   /* name and aliases -> model index */
    bc_names *dataset_names; /* name and aliases -> dataset index */
    bc_names *task_codes;    /* code -> task index */
    struct bc_load_ctx *load; /* loader state kept between catalog_load_buffer calls */
    struct bc_strpool *text;  /* usage source, metric and split texts, each held once */
} bc_catalog;

/* Prepares an empty catalog. Allocates nothing. */
void catalog_init(bc_catalog *cat);

/* Frees everything the catalog owns; it is empty afterwards. NULL is fine. */
void catalog_release(bc_catalog *cat);

/*
 * The catalog's copy of `s` for a usage row's source, metric or split,
 * each distinct text stored once; valid until catalog_release.  NULL when
 * memory runs out.
 */
const char *catalog_text(bc_catalog *cat, const char *s);

/*
 * Loads and validates a catalog into `cat` (which must be fresh from
 * catalog_init).  `path` is a directory holding usage.csv and optionally
 * tasks.csv, models.csv and datasets.csv, or a single usage CSV file.
 * Returns BC_OK, or BC_EX_NOINPUT when the path or usage.csv is missing,
 * BC_EX_DATAERR when any row is invalid (every error found is in `errs`,
 * up to BC_MAX_ERRORS), BC_EX_IOERR on a read error, BC_EX_SOFTWARE when
 * memory runs out.  On failure `cat` holds whatever was loaded; release it.
 */
int catalog_load(bc_catalog *cat, const char *path, bc_errors *errs);

/*
 * Loads one catalog file from memory, as catalog_load would from a file
 * named `path` (used for messages only).  `which` is "tasks", "models",
 * "datasets" or "usage"; files must be fed in that order, and a file not
 * fed counts as absent.  Exists for the fuzzer and tests.  Returns as
 * catalog_load.
 */
int catalog_load_buffer(bc_catalog *cat, const char *which, const char *path,
                        const char *data, size_t len, bc_errors *errs);

/* Index of the entry that a name or alias denotes (see names.h), or -1. */
int catalog_find_model(const bc_catalog *cat, const char *name);
int catalog_find_dataset(const bc_catalog *cat, const char *name);
int catalog_find_task(const bc_catalog *cat, const char *code);

/* The column of `fs` whose header is `name` (ASCII case-insensitively), or -1. */
int catalog_facet_col(const bc_facets *fs, const char *name);

/*
 * The value that `facet` (an entry's facet array) holds in column `col`
 * of `fs`, or "" when empty, when col < 0 or when there are no facets.
 * Valid until the catalog is released.
 */
const char *catalog_facet_value(const bc_facets *fs, const int *facet, int col);

/* The value id (index into fs->cols[col].values), or -1 when empty or col < 0. */
int catalog_facet_id(const bc_facets *fs, const int *facet, int col);

/* Whether some dataset has known hours. */
int catalog_has_hours(const bc_catalog *cat);

/*
 * A task's modality: the value of the task facet `modality` when
 * tasks.csv has that column, "" otherwise.
 */
const char *catalog_task_modality(const bc_catalog *cat, int t);

#endif
