/*
 * draft.h - the catalog an import builds, and its review list.
 *
 * A draft holds three tables (tasks, models, datasets: ordered columns,
 * rows of text, one key column plus an `aliases` list), the usage facts
 * and the review notes.  It starts empty or from a loaded catalog
 * (--catalog D: D's rows come first, unchanged); importers resolve the
 * names they read through it (draft_resolve, draft_task_label) and add
 * rows, facts and notes.  draft_write renders it as a catalog directory
 * in the schema of DESIGN.md section 2, loads those bytes back through
 * the catalog loader, and only then renames them into place together
 * with DIR/review.csv.
 *
 * Text stored in a draft is copied, with control characters turned into
 * spaces and cut below DRAFT_TEXT_MAX bytes; every pointer a draft returns is
 * valid until the draft is released.  Functions that allocate return
 * BC_EX_SOFTWARE when memory runs out (with a message in errs where
 * they take one).
 */
#ifndef BENCHCOV_DRAFT_H
#define BENCHCOV_DRAFT_H

#include <stddef.h>
#include "catalog.h"
#include "error.h"
#include "names.h"

typedef enum { DRAFT_TASKS = 0, DRAFT_MODELS = 1, DRAFT_DATASETS = 2, DRAFT_KINDS = 3 } draft_kind;

/*
 * "Did you mean" scans every name of a table, so it is looked for only
 * while the table has at most DRAFT_SUGGEST_MAX rows, and for the first
 * DRAFT_SUGGEST_LOOKUPS unknown names of each kind: the work stays bounded
 * whatever the input's size.
 */
#define DRAFT_SUGGEST_MAX 5000
#define DRAFT_SUGGEST_LOOKUPS 500

/* Text kept in a cell is cut below this many bytes (the loader's field cap). */
#define DRAFT_TEXT_MAX 60000

/* Names longer than this (bytes) are not names: importers review them. */
#define DRAFT_NAME_MAX 300

typedef struct {
    char **cells;        /* cells[c] for column c (< n); NULL or missing means empty */
    size_t n;
} draft_row;

typedef struct {
    char **cols;         /* column names; cols[0] is the key: code, model, dataset */
    size_t n_cols, cap_cols;
    draft_row *rows;
    size_t n_rows, cap_rows;
    bc_names *names;     /* key and aliases -> row (tasks: code -> row) */
    bc_names *labels;    /* tasks only: name -> row */
} draft_table;

typedef struct {
    int model;           /* row of the models table */
    int dataset;         /* row of the datasets table, -1 when the fact names no data */
    int task;            /* row of the tasks table, -1 when task-free */
    bc_role role;
    char *source, *score, *metric, *split; /* owned; "" when unknown */
} draft_fact;

typedef struct {
    char *where;         /* "FILE:LINE:COL" of the mention in the input */
    char *mention;       /* the text as read */
    char *problem;       /* what is unsure, lower case */
    char *action;        /* what the import did with it */
    char *suggestion;    /* what to check or write instead; "" when none */
} draft_note;

typedef struct {
    draft_table t[DRAFT_KINDS];
    size_t n_base[DRAFT_KINDS];  /* rows that came from --catalog */
    size_t n_base_facts;
    draft_fact *facts;
    size_t n_facts, cap_facts;
    size_t *fact_slots;          /* open addressing: fact index + 1, 0 = empty */
    size_t n_fact_slots;
    draft_note *notes;
    size_t n_notes, cap_notes;
    int has_base;                /* seeded from a catalog */
    int known_only;              /* --known-only: unknown names are reviewed, not added */
    int suggest;                 /* look for "did you mean" among existing names */
    size_t suggested[DRAFT_KINDS]; /* lookups made so far, per kind */
} bc_draft;

/* Prepares an empty draft. Allocates nothing. */
void draft_init(bc_draft *d);

/* Frees everything; the draft is empty afterwards. NULL is fine. */
void draft_release(bc_draft *d);

/*
 * Creates the empty tables with their key columns.  Must be called once
 * after draft_init (draft_from_catalog calls it).  Returns BC_OK or
 * BC_EX_SOFTWARE.
 */
int draft_start(bc_draft *d);

/*
 * Starts the draft from a loaded catalog: every task, model, dataset and
 * usage fact of `cat`, in its order, with its columns.  Returns BC_OK or
 * BC_EX_SOFTWARE.
 */
int draft_from_catalog(bc_draft *d, const bc_catalog *cat);

/* The index of column `col` of table k, added when missing; -1 when memory runs out. */
int draft_column(bc_draft *d, draft_kind k, const char *col);

/*
 * Whether `s` is blank as the loader sees it: only white space and
 * control characters.  Importers never add a blank name.
 */
int draft_blank(const char *s);

/* The row that `name` (a key or an alias, folded as names.h does) denotes, or -1. */
int draft_find(const bc_draft *d, draft_kind k, const char *name);

/* The text of column `col` in `row`, "" when empty or when the column is absent. */
const char *draft_get(const bc_draft *d, draft_kind k, int row, const char *col);

/*
 * Adds a row keyed `name` unless one is found; *row receives its index
 * and *created whether it is new (either may be NULL).  Returns BC_OK or
 * BC_EX_SOFTWARE.
 */
int draft_add(bc_draft *d, draft_kind k, const char *name, int *row, int *created);

/*
 * Sets column `col` (added when missing) of `row` to `value` when the
 * cell is empty, or always when `overwrite`.  Returns BC_OK or
 * BC_EX_SOFTWARE.
 */
int draft_set(bc_draft *d, draft_kind k, int row, const char *col, const char *value,
              int overwrite);

/*
 * Appends `item` to the ';' list in column `col` of `row` unless an item
 * folding to the same key is there.  For col "aliases" the alias also
 * resolves to the row from then on, unless another row holds it.
 * Returns BC_OK or BC_EX_SOFTWARE.
 */
int draft_list_add(bc_draft *d, draft_kind k, int row, const char *col, const char *item);

/*
 * Adds a usage fact unless one with the same (model, dataset, task, role)
 * is there (the catalog's key: a second one would be a duplicate row);
 * *added (may be NULL) says which.  Strings may be NULL for empty.
 * Returns BC_OK or BC_EX_SOFTWARE.
 */
int draft_add_fact(bc_draft *d, int model, int dataset, int task, bc_role role,
                   const char *source, const char *score, const char *metric, const char *split,
                   int *added);

/*
 * Appends a review note.  `file` may be NULL (no position).  Strings
 * other than `problem` and `action` may be NULL.  Returns BC_OK or
 * BC_EX_SOFTWARE.
 */
int draft_note_add(bc_draft *d, const char *file, long line, long col, const char *mention,
                   const char *problem, const char *action, const char *suggestion);

/*
 * Resolves a model or dataset name read at FILE:LINE:COL.  Known names
 * (key or alias) resolve silently.  Unknown ones become new rows, noted
 * for review when the draft has a base catalog (with "did you mean" when
 * d->suggest); under known_only they are noted and *row is -1.
 * Returns BC_OK or BC_EX_SOFTWARE.
 */
int draft_resolve(bc_draft *d, draft_kind k, const char *name, const char *file, long line,
                  long col, int *row);

/* The task row a label denotes as a code or a name, or -1. */
int draft_task_find(const bc_draft *d, const char *label);

/*
 * Writes into `code` (at least DRAFT_CODE_MAX bytes) a task code made
 * from a task name: letters upper-cased, digits kept, every other run
 * of characters one '-', ends trimmed, "T-" in front when it does not
 * start with a letter, at most DRAFT_CODE_MAX - 1 bytes ("T" for a name
 * with no letter or digit).
 */
#define DRAFT_CODE_MAX 40
void draft_code_from_name(const char *name, char code[DRAFT_CODE_MAX]);

/*
 * Resolves a task named by `label` (a code or a name).  Unknown labels
 * become new tasks with a code derived from the name (made unique with a
 * numeric suffix, "-N" with N above the number of tasks) and `label` as
 * their name, noted for review when
 * `note_new` (with the position given); under known_only they are noted
 * and *row is -1.  Returns BC_OK or BC_EX_SOFTWARE.
 */
int draft_task_label(bc_draft *d, const char *label, int note_new, const char *file, long line,
                     long col, int *row);

/*
 * Reads a score as leaderboards write it: a decimal number with an
 * optional sign and exponent, an optional '%' after it.  Copies the
 * number (without a '+') into `out` (cap bytes) and returns 1 when
 * nothing but white space follows, 2 when other text follows ("85.3 ±
 * 0.4": the number is still copied), 0 when `text` does not start with
 * a number (after white space).
 */
int draft_parse_score(const char *text, char *out, size_t cap);

/*
 * Writes the catalog (tasks.csv, models.csv, datasets.csv, usage.csv) and
 * DIR/review.csv.  The catalog bytes are first loaded back with
 * catalog_load_buffer; when they do not load, nothing is written and the
 * loader's messages are in errs (BC_EX_SOFTWARE: an import must never
 * write a catalog that does not load).  DIR is created when missing;
 * files are written to temporaries and renamed only when all are
 * written, so earlier outputs stay untouched on failure.  Returns BC_OK,
 * BC_EX_CANTCREAT, BC_EX_IOERR or BC_EX_SOFTWARE.
 */
int draft_write(bc_draft *d, const char *dir, bc_errors *errs);

/*
 * Renders file `k` ("tasks", "models", "datasets", "usage" or "review")
 * to `fp`.  Exists for draft_write and tests.
 */
void draft_render(const bc_draft *d, const char *which, FILE *fp);

#endif
