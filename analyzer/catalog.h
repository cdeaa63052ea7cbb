/*
 * catalog.h - the catalog of models, datasets, tasks and usage facts.
 *
 * catalog_load() streams the four CSV files of a data directory
 * (tasks.csv, models.csv, datasets.csv, usage.csv), validates every row
 * and resolves every reference (the bytes go through csvscan.h, the only
 * module that includes <csv.h>).  Entries keep their file order; writers sort by name where
 * they need a total order.
 */
#ifndef BENCHCOV_CATALOG_H
#define BENCHCOV_CATALOG_H

#include <stddef.h>
#include "error.h"
#include "csvscan.h"
#include "names.h"
#include "strlist.h"

typedef enum {
    BC_MOD_UNKNOWN = 0,
    BC_MOD_SPEECH, BC_MOD_SOUND, BC_MOD_MUSIC, BC_MOD_VISION, BC_MOD_TEXT, BC_MOD_MULTI,
    BC_MOD_COUNT
} bc_modality;

typedef enum {
    BC_FUSION_UNKNOWN = 0,
    BC_FUSION_PROJECTION, BC_FUSION_QFORMER, BC_FUSION_CROSS_ATTENTION,
    BC_FUSION_DISCRETE_TOKENS, BC_FUSION_CASCADE, BC_FUSION_OTHER,
    BC_FUSION_COUNT
} bc_fusion;

typedef enum {
    BC_OUTPUT_UNKNOWN = 0, BC_OUTPUT_TEXT, BC_OUTPUT_SPEECH, BC_OUTPUT_ANY,
    BC_OUTPUT_COUNT
} bc_output;

typedef enum { BC_ROLE_TRAIN = 1, BC_ROLE_EVAL = 2 } bc_role;
typedef enum { BC_ORIGIN_GLOSSARY = 1, BC_ORIGIN_ADDED = 2 } bc_origin;

/* The spellings used in the CSV files ("speech", "q-former", ...); "" for unknown. */
const char *modality_name(bc_modality m);
const char *fusion_name(bc_fusion f);
const char *output_name(bc_output o);

typedef struct {
    char *code;            /* [A-Z][A-Z0-9-]*, unique */
    char *name;
    bc_modality modality;
    char *category;        /* "" when unknown */
    bc_origin origin;
    long line;             /* line in tasks.csv */
} bc_task;

typedef struct {
    char *name;            /* display name, unique */
    bc_strlist aliases;
    char *paper;           /* "" when unknown, likewise below */
    int year;              /* 0 = unknown */
    char *speech_encoder;
    char *encoder_family;
    char *llm;
    char *llm_family;
    double llm_params_b;   /* billions of parameters; < 0 = unknown */
    bc_fusion fusion;
    bc_output output;
    long line;             /* line in models.csv */
} bc_model;

typedef struct {
    char *name;            /* canonical name, unique */
    bc_strlist aliases;
    bc_modality modality;
    int *tasks;            /* indices into catalog.tasks, ascending, unique */
    size_t n_tasks;
    bc_strlist languages;
    double hours;          /* < 0 = unknown */
    long line;             /* line in datasets.csv */
} bc_dataset;

typedef struct {
    int model;             /* index into catalog.models */
    int dataset;           /* index into catalog.datasets, -1 when empty */
    int task;              /* index into catalog.tasks, -1 when empty */
    bc_role role;
    char *source;
    long line;             /* line in usage.csv */
} bc_usage;

typedef struct {
    bc_task *tasks;       size_t n_tasks;
    bc_model *models;     size_t n_models;
    bc_dataset *datasets; size_t n_datasets;
    bc_usage *usage;      size_t n_usage;
    size_t aliases_used;  /* usage cells that spell a model or dataset otherwise than its
                             display name (an alias, or another case or spacing) */
    bc_names *model_names;   /* name and aliases -> model index */
    bc_names *dataset_names; /* name and aliases -> dataset index */
    bc_names *task_codes;    /* code -> task index */
} bc_catalog;

/* Prepares an empty catalog. Allocates nothing. */
void catalog_init(bc_catalog *cat);

/* Frees everything the catalog owns; it is empty afterwards. NULL is fine. */
void catalog_release(bc_catalog *cat);

/*
 * Loads and validates DIR/tasks.csv, DIR/models.csv, DIR/datasets.csv and
 * DIR/usage.csv into `cat` (which must be fresh from catalog_init).
 * Returns BC_OK, or BC_EX_NOINPUT when the directory or a file is missing,
 * BC_EX_DATAERR when any row is invalid (every error found is in `errs`,
 * up to BC_MAX_ERRORS), BC_EX_IOERR on a read error, BC_EX_SOFTWARE when
 * memory runs out.  On failure `cat` holds whatever was loaded; release it.
 */
int catalog_load(bc_catalog *cat, const char *dir, bc_errors *errs);

/*
 * Loads one catalog file from memory, as catalog_load would from a file
 * named `path` (used for messages only).  `which` is "tasks", "models",
 * "datasets" or "usage"; files must be fed in that order.  Exists for the
 * fuzzer and tests.  Returns as catalog_load.
 */
int catalog_load_buffer(bc_catalog *cat, const char *which, const char *path,
                        const char *data, size_t len, bc_errors *errs);

/* Index of the entry that a name or alias denotes (see names.h), or -1. */
int catalog_find_model(const bc_catalog *cat, const char *name);
int catalog_find_dataset(const bc_catalog *cat, const char *name);
int catalog_find_task(const bc_catalog *cat, const char *code);

#endif
