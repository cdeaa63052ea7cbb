/*
 * catalog.c - streams and validates the four catalog files (see catalog.h).
 *
 * Bytes go through two layers.  Our own scanner walks every byte once: it
 * strips a leading BOM, validates UTF-8, rejects NUL bytes and CR-only line
 * ends, counts lines and code-point columns, and enforces BC_FIELD_MAX.  It
 * hands libcsv (strict mode) runs of ordinary bytes and every comma, quote,
 * CR and LF on its own, so each libcsv callback is known to have fired on a
 * given byte and every field gets the line and column where it started.
 * Rows are then checked against DESIGN.md section 2 and turned into entries.
 *
 * A bad row is reported and skipped; loading goes on so that one run shows
 * every error.  A parse error resynchronises at the next line feed.
 */
#include "catalog.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CHUNK_SIZE 65536

/* ---------------------------------------------------------------- enums */

static const char *const modality_names[BC_MOD_COUNT] = {
    "", "speech", "sound", "music", "vision", "text", "multi"
};
static const char *const fusion_names[BC_FUSION_COUNT] = {
    "", "projection", "q-former", "cross-attention", "discrete-tokens", "cascade", "other"
};
static const char *const output_names[BC_OUTPUT_COUNT] = { "", "text", "speech", "any" };

const char *modality_name(bc_modality m)
{
    return (unsigned)m < BC_MOD_COUNT ? modality_names[m] : "";
}

const char *fusion_name(bc_fusion f)
{
    return (unsigned)f < BC_FUSION_COUNT ? fusion_names[f] : "";
}

const char *output_name(bc_output o)
{
    return (unsigned)o < BC_OUTPUT_COUNT ? output_names[o] : "";
}

const char *role_name(bc_role r)
{
    return r == BC_ROLE_TRAIN ? "train" : r == BC_ROLE_EVAL ? "eval" : "";
}

const char *origin_name(bc_origin o)
{
    return o == BC_ORIGIN_GLOSSARY ? "glossary" : o == BC_ORIGIN_ADDED ? "added" : "";
}

/* Index of `s` among names[1..n), or 0 when absent. */
static int enum_find(const char *const *names, int n, const char *s)
{
    for (int i = 1; i < n; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return 0;
}

/* ------------------------------------------------------ catalog basics */

void catalog_init(bc_catalog *cat)
{
    memset(cat, 0, sizeof *cat);
}

static void strlist_release(bc_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

void catalog_release(bc_catalog *cat)
{
    if (!cat)
        return;
    for (size_t i = 0; i < cat->n_tasks; i++) {
        free(cat->tasks[i].code);
        free(cat->tasks[i].name);
        free(cat->tasks[i].category);
    }
    for (size_t i = 0; i < cat->n_models; i++) {
        bc_model *m = &cat->models[i];
        free(m->name);
        strlist_release(&m->aliases);
        free(m->paper);
        free(m->speech_encoder);
        free(m->encoder_family);
        free(m->llm);
        free(m->llm_family);
    }
    for (size_t i = 0; i < cat->n_datasets; i++) {
        bc_dataset *d = &cat->datasets[i];
        free(d->name);
        strlist_release(&d->aliases);
        free(d->tasks);
        strlist_release(&d->languages);
    }
    for (size_t i = 0; i < cat->n_usage; i++)
        free(cat->usage[i].source);
    free(cat->tasks);
    free(cat->models);
    free(cat->datasets);
    free(cat->usage);
    names_free(cat->model_names);
    names_free(cat->dataset_names);
    names_free(cat->task_codes);
    catalog_init(cat);
}

int catalog_find_model(const bc_catalog *cat, const char *name)
{
    return cat->model_names ? names_find(cat->model_names, name) : -1;
}

int catalog_find_dataset(const bc_catalog *cat, const char *name)
{
    return cat->dataset_names ? names_find(cat->dataset_names, name) : -1;
}

int catalog_find_task(const bc_catalog *cat, const char *code)
{
    return cat->task_codes ? names_find(cat->task_codes, code) : -1;
}

/* ------------------------------------------------------------ the files */

typedef enum { K_TASKS, K_MODELS, K_DATASETS, K_USAGE, K_COUNT } file_kind;

#define MAX_COLS 11

static const struct {
    const char *which;              /* as catalog_load_buffer names it */
    const char *file;               /* file name inside the data directory */
    const char *entry;              /* entry noun for messages */
    size_t ncols;
    const char *cols[MAX_COLS];     /* the header, exactly */
    const char *header;             /* the same, joined */
} kinds[K_COUNT] = {
    { "tasks", "tasks.csv", "task", 5,
      { "code", "name", "modality", "category", "origin" },
      "code,name,modality,category,origin" },
    { "models", "models.csv", "model", 11,
      { "model", "aliases", "paper", "year", "speech_encoder", "encoder_family", "llm",
        "llm_family", "llm_params_b", "fusion", "output" },
      "model,aliases,paper,year,speech_encoder,encoder_family,llm,llm_family,"
      "llm_params_b,fusion,output" },
    { "datasets", "datasets.csv", "dataset", 6,
      { "dataset", "aliases", "modality", "tasks", "languages", "hours" },
      "dataset,aliases,modality,tasks,languages,hours" },
    { "usage", "usage.csv", "usage", 5,
      { "model", "dataset", "task", "role", "source" },
      "model,dataset,task,role,source" },
};

/* State shared by the files of one catalog_load call. */
typedef struct {
    int file_ok[K_COUNT];        /* the file was read to its end under a good header */
    bc_names *failed[K_USAGE];   /* names of rejected task, model and dataset rows */
} load_ctx;

typedef struct {
    char *text;                  /* NUL-terminated copy, owned, reused between rows */
    size_t cap;                  /* bytes allocated for text */
    long line, col;              /* where the field starts */
} row_field;

/* Duplicate usage facts: an open-addressing set of (model, dataset, task, role). */
typedef struct {
    size_t *slots;   /* usage index + 1, 0 when empty */
    size_t n_slots;  /* power of two */
} usage_set;

/* The state of one file being read. */
typedef struct {
    bc_catalog *cat;
    load_ctx *ctx;
    bc_errors *errs;
    const char *path;            /* for messages */
    file_kind kind;
    int rc;                      /* worst code this file produced */
    size_t n_errors;             /* diagnostics this file produced */
    int oom;                     /* memory ran out: stop everything */
    int stop;                    /* the rest of the file is ignored */

    struct csv_parser csv;
    int csv_ready;

    /* position of the next byte */
    long line, col;
    int utf8_need;               /* continuation bytes still expected */
    unsigned char utf8_lo, utf8_hi; /* range allowed for the next one */
    long seq_line, seq_col;      /* where the current sequence started */
    unsigned char seq_lead;
    int pending_cr;              /* the previous byte was CR */
    long cr_line, cr_col;

    /* the field libcsv is filling */
    int field_open, field_quoted, row_begun;
    long field_line, field_col;
    size_t field_len;            /* raw bytes fed so far */
    int skip_to_lf;              /* after a parse error: ignore bytes up to the next LF */

    /* the row being collected */
    row_field fields[MAX_COLS + 1]; /* the first ncols + 1 fields */
    size_t n_fields;             /* fields seen in the row, possibly more than stored */
    int row_bad;                 /* the row already produced an error */
    int header_done;
    usage_set dups;              /* usage facts seen, for duplicates */
} loader;

/* Copies at most ~100 bytes of `s` for a message, control characters as '?'. */
static const char *shown(const char *s, char buf[128])
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && n < 100) {
        unsigned char c = *p++;
        buf[n++] = (char)(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (*p) {
        while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
            n--;                                   /* drop a partial sequence */
        if (n > 0 && (unsigned char)buf[n - 1] >= 0xC0)
            n--;
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = '\0';
    return buf;
}

static void add_error(loader *L, int code, long line, long col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void add_error(loader *L, int code, long line, long col, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    errors_add(L->errs, code, L->path, line, col, "%s", msg);
    if (code > L->rc)
        L->rc = code;
    L->n_errors++;
}

static void out_of_memory(loader *L)
{
    if (!L->oom)
        errors_add(L->errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory while reading '%s'",
                   L->path);
    L->oom = 1;
    L->stop = 1;
    L->rc = BC_EX_SOFTWARE;
}

/* ------------------------------------------------------- small parsers */

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* A trimmed copy of s[0..n), or NULL when memory runs out. */
static char *dup_trim(const char *s, size_t n)
{
    while (n > 0 && is_blank((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n > 0 && is_blank((unsigned char)s[n - 1]))
        n--;
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* Splits a ';' list into trimmed, non-empty items.  Returns 0 or -1 on OOM. */
static int split_list(const char *s, bc_strlist *out)
{
    out->items = NULL;
    out->n = 0;
    size_t cap = 0;
    for (;;) {
        const char *end = strchr(s, ';');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        char *item = dup_trim(s, len);
        if (!item)
            goto oom;
        if (*item) {
            if (out->n == cap) {
                cap = cap ? cap * 2 : 4;
                char **items = realloc(out->items, cap * sizeof *items);
                if (!items) {
                    free(item);
                    goto oom;
                }
                out->items = items;
            }
            out->items[out->n++] = item;
        } else {
            free(item);
        }
        if (!end)
            return 0;
        s = end + 1;
    }
oom:
    strlist_release(out);
    return -1;
}

/*
 * A plain positive decimal: [0-9]+(\.[0-9]+)?, finite and > 0.  Parsed by
 * hand, not with strtod, so the locale's decimal mark plays no part.
 * Returns 0 and sets *out, or -1 when the text is not such a number.
 */
static int parse_decimal(const char *s, double *out)
{
    const char *p = s;
    uint64_t mant = 0;      /* the first 19 significant digits */
    int digits = 0;         /* digits kept in mant */
    int exp10 = 0;          /* power of ten to apply to mant */
    int nonzero = 0;
    if (*p < '0' || *p > '9')
        return -1;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (digits < 19) {
            mant = mant * 10 + (uint64_t)(*p - '0');
            if (mant)
                digits++;
        } else {
            exp10++;
        }
        nonzero |= *p != '0';
    }
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9')
            return -1;
        for (; *p >= '0' && *p <= '9'; p++) {
            if (digits < 19) {
                mant = mant * 10 + (uint64_t)(*p - '0');
                if (mant)
                    digits++;
                exp10--;
            }
            nonzero |= *p != '0';
        }
    }
    if (*p != '\0' || !nonzero)
        return -1;
    /* m / 10^k is correctly rounded when both are exact doubles. */
    double v = (double)mant, scale = 1.0;
    int k = exp10 < 0 ? -exp10 : exp10;
    for (int i = 0; i < k && scale < 1e300; i++)
        scale *= 10.0;
    v = exp10 < 0 ? v / scale : v * scale;
    if (!(v > 0.0) || v > 1.7e308)
        return -1;
    *out = v;
    return 0;
}

/* [0-9]+ within 1900..2100.  Returns the year, or -1. */
static int parse_year(const char *s)
{
    long v = 0;
    if (!*s)
        return -1;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9' || v > 100000)
            return -1;
        v = v * 10 + (*p - '0');
    }
    return v >= 1900 && v <= 2100 ? (int)v : -1;
}

/* [A-Z][A-Z0-9-]* */
static int valid_task_code(const char *s)
{
    if (*s < 'A' || *s > 'Z')
        return 0;
    for (s++; *s; s++)
        if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

/* Grows an array of `size`-byte elements to hold one more.  0 or -1. */
static int grow(void **arr, size_t n, size_t size)
{
    /* the capacity is implicit: 0, then the next power of two >= max(n, 8) */
    if (n != 0 && (n < 8 || (n & (n - 1)) != 0))
        return 0;
    size_t cap = n == 0 ? 8 : n * 2;
    void *a = realloc(*arr, cap * size);
    if (!a)
        return -1;
    *arr = a;
    return 0;
}

/* --------------------------------------------------------- references */

/* Whether an unknown reference of `kind` is explained by an earlier error. */
static int reference_excused(const loader *L, file_kind kind, const char *name)
{
    if (!L->ctx->file_ok[kind])
        return 1;
    return L->ctx->failed[kind] && names_find(L->ctx->failed[kind], name) >= 0;
}

/*
 * Resolves `name` in `table` for a field of the current row.  Returns the
 * id, or -1 after reporting it (or keeping quiet when an earlier error
 * explains it).
 */
static int resolve(loader *L, const bc_names *table, file_kind kind, const char *noun,
                   const char *name, const row_field *f)
{
    int id = table ? names_find(table, name) : -1;
    if (id >= 0)
        return id;
    if (reference_excused(L, kind, name))
        return -1;
    char b1[128], b2[128];
    const char *hint = table && L->errs->n < BC_MAX_ERRORS ? names_suggest(table, name) : NULL;
    if (hint)
        add_error(L, BC_EX_DATAERR, f->line, f->col, "unknown %s '%s' (did you mean '%s'?)",
                  noun, shown(name, b1), shown(hint, b2));
    else
        add_error(L, BC_EX_DATAERR, f->line, f->col, "unknown %s '%s'", noun, shown(name, b1));
    return -1;
}

/* Remembers the key (and aliases) of a rejected row to quiet later references. */
static void note_failed(loader *L)
{
    if (L->kind == K_USAGE || L->n_fields == 0)
        return;
    load_ctx *ctx = L->ctx;
    if (!ctx->failed[L->kind] && !(ctx->failed[L->kind] = names_new())) {
        out_of_memory(L);
        return;
    }
    bc_names *t = ctx->failed[L->kind];
    char *key = dup_trim(L->fields[0].text, strlen(L->fields[0].text));
    if (!key || (*key && names_add(t, key, 0, 0) == -2))
        out_of_memory(L);
    free(key);
    if (L->kind != K_TASKS && L->n_fields > 1) {
        bc_strlist al;
        if (split_list(L->fields[1].text, &al) < 0) {
            out_of_memory(L);
            return;
        }
        for (size_t i = 0; i < al.n; i++)
            if (names_add(t, al.items[i], 0, 0) == -2)
                out_of_memory(L);
        strlist_release(&al);
    }
}

/*
 * Checks that the name and aliases of a new model or dataset row are free
 * in `table`.  Reports each clash; returns the number of clashes.
 */
static int check_names_free(loader *L, bc_names *table, const char *name,
                            const bc_strlist *aliases)
{
    int clashes = 0;
    char b1[128], b2[128];
    for (size_t i = 0; i <= aliases->n; i++) {
        const char *s = i == 0 ? name : aliases->items[i - 1];
        if (!*s)
            continue;
        int other = names_find(table, s);
        if (other < 0)
            continue;
        const row_field *f = &L->fields[i == 0 ? 0 : 1];
        const char *other_name = L->kind == K_MODELS ? L->cat->models[other].name
                                                     : L->cat->datasets[other].name;
        long other_line = L->kind == K_MODELS ? L->cat->models[other].line
                                              : L->cat->datasets[other].line;
        add_error(L, BC_EX_DATAERR, f->line, f->col, "name '%s' already used by %s '%s' (line %ld)",
                  shown(s, b1), kinds[L->kind].entry, shown(other_name, b2), other_line);
        clashes++;
    }
    return clashes;
}

/* Claims name and aliases for entry `id`; the caller checked they are free. */
static int claim_names(bc_names **table, const char *name, const bc_strlist *aliases,
                       int id)
{
    if (!*table && !(*table = names_new()))
        return -1;
    if (names_add(*table, name, id, 1) == -2)
        return -1;
    for (size_t i = 0; i < aliases->n; i++)
        if (names_add(*table, aliases->items[i], id, 0) == -2)
            return -1;
    return 0;
}

/* Checks an enumerated field; returns its value, 0 when empty, -1 when invalid. */
static int enum_field(loader *L, size_t i, const char *const *names, int n, const char *what,
                      const char *expected, int required)
{
    const row_field *f = &L->fields[i];
    char b[128];
    if (!*f->text) {
        if (required) {
            add_error(L, BC_EX_DATAERR, f->line, f->col, "missing %s (expected %s)", what,
                      expected);
            return -1;
        }
        return 0;
    }
    int v = enum_find(names, n, f->text);
    if (!v) {
        add_error(L, BC_EX_DATAERR, f->line, f->col, "invalid %s '%s' (expected %s)", what,
                  shown(f->text, b), expected);
        return -1;
    }
    return v;
}

/* An optional positive decimal; -1.0 when empty, sets *bad when invalid. */
static double number_field(loader *L, size_t i, int *bad)
{
    const row_field *f = &L->fields[i];
    double v;
    char b[128];
    if (!*f->text)
        return -1.0;
    if (parse_decimal(f->text, &v) < 0) {
        add_error(L, BC_EX_DATAERR, f->line, f->col, "invalid number '%s'", shown(f->text, b));
        *bad = 1;
        return -1.0;
    }
    return v;
}

/* ---------------------------------------------------------------- rows */

#define MODALITY_LIST "speech, sound, music, vision, text or multi"

static void task_row(loader *L)
{
    bc_catalog *cat = L->cat;
    row_field *F = L->fields;
    char b1[128], b2[128];
    int bad = 0;
    const char *code = F[0].text;
    int dup = -1;
    if (!*code) {
        add_error(L, BC_EX_DATAERR, F[0].line, F[0].col, "missing task code");
        bad = 1;
    } else if (!valid_task_code(code)) {
        add_error(L, BC_EX_DATAERR, F[0].line, F[0].col,
                  "invalid task code '%s' (expected [A-Z][A-Z0-9-]*)", shown(code, b1));
        bad = 1;
    } else if (cat->task_codes && (dup = names_find(cat->task_codes, code)) >= 0) {
        add_error(L, BC_EX_DATAERR, F[0].line, F[0].col,
                  "code '%s' already used by task '%s' (line %ld)", shown(code, b1),
                  shown(cat->tasks[dup].code, b2), cat->tasks[dup].line);
        bad = 1;
    }
    char *name = dup_trim(F[1].text, strlen(F[1].text));
    if (!name) {
        out_of_memory(L);
        return;
    }
    if (!*name) {
        add_error(L, BC_EX_DATAERR, F[1].line, F[1].col, "missing task name");
        bad = 1;
    }
    int mod = enum_field(L, 2, modality_names, BC_MOD_COUNT, "modality", MODALITY_LIST, 1);
    static const char *const origins[] = { "", "glossary", "added" };
    int origin = enum_field(L, 4, origins, 3, "origin", "glossary or added", 1);
    if (mod < 0 || origin < 0)
        bad = 1;
    if (bad) {
        free(name);
        note_failed(L);
        return;
    }
    if (grow((void **)&cat->tasks, cat->n_tasks, sizeof *cat->tasks) < 0)
        goto oom;
    bc_task *t = &cat->tasks[cat->n_tasks];
    memset(t, 0, sizeof *t);
    t->name = name;
    t->code = dup_trim(code, strlen(code));
    t->category = dup_trim(F[3].text, strlen(F[3].text));
    t->modality = (bc_modality)mod;
    t->origin = (bc_origin)origin;
    t->line = F[0].line;
    cat->n_tasks++;
    if (!t->code || !t->category)
        goto oom;
    if (!cat->task_codes && !(cat->task_codes = names_new()))
        goto oom;
    if (names_add(cat->task_codes, code, (int)(cat->n_tasks - 1), 1) == -2)
        goto oom;
    return;
oom:
    out_of_memory(L);
}

static void model_row(loader *L)
{
    bc_catalog *cat = L->cat;
    row_field *F = L->fields;
    char b[128];
    int bad = 0;
    char *text[MAX_COLS] = { 0 };
    bc_strlist aliases = { 0 };
    for (size_t i = 0; i < kinds[K_MODELS].ncols; i++)
        if (i != 1 && !(text[i] = dup_trim(F[i].text, strlen(F[i].text))))
            goto oom;
    if (split_list(F[1].text, &aliases) < 0)
        goto oom;
    if (!*text[0]) {
        add_error(L, BC_EX_DATAERR, F[0].line, F[0].col, "missing model name");
        bad = 1;
    }
    if (cat->model_names && check_names_free(L, cat->model_names, text[0], &aliases))
        bad = 2;
    int year = 0;
    if (*F[3].text && (year = parse_year(F[3].text)) < 0) {
        add_error(L, BC_EX_DATAERR, F[3].line, F[3].col,
                  "invalid year '%s' (expected 1900 to 2100)", shown(F[3].text, b));
        bad = bad ? bad : 1;
    }
    int nbad = 0;
    double params = number_field(L, 8, &nbad);
    int fusion = enum_field(L, 9, fusion_names, BC_FUSION_COUNT, "fusion",
                            "projection, q-former, cross-attention, discrete-tokens, cascade or other", 0);
    int output = enum_field(L, 10, output_names, BC_OUTPUT_COUNT, "output",
                            "text, speech or any", 0);
    if (!bad && (nbad || fusion < 0 || output < 0))
        bad = 1;
    if (bad) {
        note_failed(L);
        goto done;
    }
    if (grow((void **)&cat->models, cat->n_models, sizeof *cat->models) < 0)
        goto oom;
    bc_model *m = &cat->models[cat->n_models++];
    *m = (bc_model){
        .name = text[0], .aliases = aliases, .paper = text[2], .year = year,
        .speech_encoder = text[4], .encoder_family = text[5], .llm = text[6],
        .llm_family = text[7], .llm_params_b = params, .fusion = (bc_fusion)fusion,
        .output = (bc_output)output, .line = F[0].line,
    };
    free(text[3]);
    free(text[8]);
    free(text[9]);
    free(text[10]);
    if (claim_names(&cat->model_names, m->name, &m->aliases, (int)(cat->n_models - 1)) < 0)
        out_of_memory(L);
    return;
oom:
    out_of_memory(L);
done:
    for (size_t i = 0; i < MAX_COLS; i++)
        free(text[i]);
    strlist_release(&aliases);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void dataset_row(loader *L)
{
    bc_catalog *cat = L->cat;
    row_field *F = L->fields;
    int bad = 0;
    char *name = dup_trim(F[0].text, strlen(F[0].text));
    bc_strlist aliases = { 0 }, codes = { 0 }, languages = { 0 };
    int *tasks = NULL;
    size_t n_tasks = 0;
    if (!name || split_list(F[1].text, &aliases) < 0 || split_list(F[3].text, &codes) < 0 ||
        split_list(F[4].text, &languages) < 0)
        goto oom;
    if (!*name) {
        add_error(L, BC_EX_DATAERR, F[0].line, F[0].col, "missing dataset name");
        bad = 1;
    }
    if (cat->dataset_names && check_names_free(L, cat->dataset_names, name, &aliases))
        bad = 2;
    int mod = enum_field(L, 2, modality_names, BC_MOD_COUNT, "modality", MODALITY_LIST, 0);
    if (mod < 0 && !bad)
        bad = 1;
    if (codes.n && !(tasks = malloc(codes.n * sizeof *tasks)))
        goto oom;
    for (size_t i = 0; i < codes.n; i++) {
        int t = resolve(L, cat->task_codes, K_TASKS, "task", codes.items[i], &F[3]);
        if (t < 0)
            bad = bad ? bad : 1;
        else
            tasks[n_tasks++] = t;
    }
    int nbad = 0;
    double hours = number_field(L, 5, &nbad);
    if (nbad && !bad)
        bad = 1;
    if (bad) {
        note_failed(L);
        goto done;
    }
    if (n_tasks)
        qsort(tasks, n_tasks, sizeof *tasks, cmp_int);
    size_t u = 0;
    for (size_t i = 0; i < n_tasks; i++)
        if (u == 0 || tasks[u - 1] != tasks[i])
            tasks[u++] = tasks[i];
    if (grow((void **)&cat->datasets, cat->n_datasets, sizeof *cat->datasets) < 0)
        goto oom;
    bc_dataset *d = &cat->datasets[cat->n_datasets++];
    *d = (bc_dataset){
        .name = name, .aliases = aliases, .modality = (bc_modality)mod, .tasks = tasks,
        .n_tasks = u, .languages = languages, .hours = hours, .line = F[0].line,
    };
    strlist_release(&codes);
    if (claim_names(&cat->dataset_names, d->name, &d->aliases,
                    (int)(cat->n_datasets - 1)) < 0)
        out_of_memory(L);
    return;
oom:
    out_of_memory(L);
done:
    free(name);
    free(tasks);
    strlist_release(&aliases);
    strlist_release(&codes);
    strlist_release(&languages);
}

static uint64_t usage_hash(const bc_usage *u)
{
    uint64_t h = 1469598103934665603u;
    int parts[4] = { u->model, u->dataset, u->task, (int)u->role };
    for (int i = 0; i < 4; i++) {
        h ^= (uint64_t)(uint32_t)parts[i];
        h *= 1099511628211u;
    }
    return h;
}

static int usage_same(const bc_usage *a, const bc_usage *b)
{
    return a->model == b->model && a->dataset == b->dataset && a->task == b->task &&
           a->role == b->role;
}

static void usage_row(loader *L, usage_set *set)
{
    bc_catalog *cat = L->cat;
    row_field *F = L->fields;
    int bad = 0;
    char *cell[3] = { 0 };
    char *source = NULL;
    for (int i = 0; i < 3; i++)
        if (!(cell[i] = dup_trim(F[i].text, strlen(F[i].text))))
            goto oom;
    if (!(source = dup_trim(F[4].text, strlen(F[4].text))))
        goto oom;
    bc_usage u = { .model = -1, .dataset = -1, .task = -1 };
    if (!*cell[0]) {
        add_error(L, BC_EX_DATAERR, F[0].line, F[0].col, "missing model");
        bad = 1;
    } else if ((u.model = resolve(L, cat->model_names, K_MODELS, "model", cell[0], &F[0])) < 0) {
        bad = 1;
    }
    if (*cell[1] &&
        (u.dataset = resolve(L, cat->dataset_names, K_DATASETS, "dataset", cell[1], &F[1])) < 0)
        bad = 1;
    if (!*cell[2]) {
        if (!*cell[1]) {
            add_error(L, BC_EX_DATAERR, F[2].line, F[2].col,
                      "missing task (only rows naming a dataset may leave it empty)");
            bad = 1;
        }
    } else if ((u.task = resolve(L, cat->task_codes, K_TASKS, "task", cell[2], &F[2])) < 0) {
        bad = 1;
    }
    static const char *const roles[] = { "", "train", "eval" };
    int role = enum_field(L, 3, roles, 3, "role", "train or eval", 1);
    if (role < 0 || bad)
        goto done;
    u.role = (bc_role)role;
    u.source = source;
    u.line = F[0].line;

    /* duplicate facts */
    if ((cat->n_usage + 1) * 2 > set->n_slots) {
        size_t n_slots = set->n_slots ? set->n_slots * 2 : 64;
        size_t *slots = calloc(n_slots, sizeof *slots);
        if (!slots)
            goto oom;
        for (size_t i = 0; i < set->n_slots; i++) {
            if (!set->slots[i])
                continue;
            size_t j = usage_hash(&cat->usage[set->slots[i] - 1]) & (n_slots - 1);
            while (slots[j])
                j = (j + 1) & (n_slots - 1);
            slots[j] = set->slots[i];
        }
        free(set->slots);
        set->slots = slots;
        set->n_slots = n_slots;
    }
    size_t j = usage_hash(&u) & (set->n_slots - 1);
    for (; set->slots[j]; j = (j + 1) & (set->n_slots - 1)) {
        const bc_usage *first = &cat->usage[set->slots[j] - 1];
        if (usage_same(first, &u)) {
            add_error(L, BC_EX_DATAERR, F[0].line, F[0].col,
                      "duplicate usage row (first at line %ld)", first->line);
            goto done;
        }
    }
    if (grow((void **)&cat->usage, cat->n_usage, sizeof *cat->usage) < 0)
        goto oom;
    /* A cell spelled otherwise than the display name named its entry by an alias. */
    cat->aliases_used += strcmp(cell[0], cat->models[u.model].name) != 0;
    if (u.dataset >= 0)
        cat->aliases_used += strcmp(cell[1], cat->datasets[u.dataset].name) != 0;
    cat->usage[cat->n_usage++] = u;
    set->slots[j] = cat->n_usage;
    source = NULL;
    goto done;
oom:
    out_of_memory(L);
done:
    for (int i = 0; i < 3; i++)
        free(cell[i]);
    free(source);
}

/* ------------------------------------------------------------- header */

static void header_row(loader *L)
{
    size_t E = kinds[L->kind].ncols, n = L->n_fields;
    const char *const *exp = kinds[L->kind].cols;
    size_t stored = n < E + 1 ? n : E + 1;
    char b1[128];
    for (size_t i = 0; i < (n > E ? E + 1 : E); i++) {
        const row_field *f = i < stored ? &L->fields[i] : NULL;
        const char *cell = f ? f->text : NULL;
        if (cell && i < E && strcmp(cell, exp[i]) == 0)
            continue;
        long line = f ? f->line : L->fields[0].line;
        long col = f ? f->col : 0;
        if (!f) {
            /* just past the last cell */
            const row_field *last = &L->fields[stored - 1];
            col = last->col;
            for (const unsigned char *p = (const unsigned char *)last->text; *p; p++)
                col += (*p & 0xC0) != 0x80;
        }
        int earlier = 0, known = 0, present = 0;
        for (size_t j = 0; cell && j < i; j++)
            earlier |= strcmp(L->fields[j].text, cell) == 0;
        for (size_t j = 0; cell && j < E; j++)
            known |= strcmp(exp[j], cell) == 0;
        for (size_t j = 0; i < E && j < stored; j++)
            present |= strcmp(L->fields[j].text, exp[i]) == 0;
        if (cell && earlier)
            add_error(L, BC_EX_DATAERR, line, col, "repeated column '%s'", shown(cell, b1));
        else if (cell && strncmp(cell, "\xEF\xBB\xBF", 3) == 0)
            add_error(L, BC_EX_DATAERR, line, col,
                      "byte order mark inside a field (only one at the start of the file is allowed)");
        else if (cell && i < E && !known)
            add_error(L, BC_EX_DATAERR, line, col, "unknown column '%s' (expected '%s')",
                      shown(cell, b1), exp[i]);
        else if (i < E && !present)
            add_error(L, BC_EX_DATAERR, line, col, "missing column '%s' (expected header '%s')",
                      exp[i], kinds[L->kind].header);
        else if (i >= E)
            add_error(L, BC_EX_DATAERR, line, col, "unexpected column '%s' (expected header '%s')",
                      shown(cell, b1), kinds[L->kind].header);
        else
            add_error(L, BC_EX_DATAERR, line, col, "column '%s' out of place (expected '%s')",
                      shown(cell, b1), exp[i]);
        L->stop = 1;      /* rows cannot be read under a wrong header */
        return;
    }
}

/* ------------------------------------------------------- the scanner */

/* A whole row arrived from libcsv. */
static void process_row(loader *L)
{
    if (L->stop)
        return;
    if (!L->header_done) {
        L->header_done = 1;
        if (L->row_bad) {
            L->stop = 1;
            return;
        }
        header_row(L);
        return;
    }
    if (L->row_bad) {
        note_failed(L);
        return;
    }
    size_t E = kinds[L->kind].ncols;
    if (L->n_fields != E) {
        const row_field *f = L->n_fields > E ? &L->fields[E] : &L->fields[0];
        add_error(L, BC_EX_DATAERR, f->line, f->col, "expected %zu fields, found %zu%s", E,
                  L->n_fields,
                  L->n_fields == E + 1 && !*L->fields[E].text ? " (trailing comma?)" : "");
        note_failed(L);
        return;
    }
    switch (L->kind) {
    case K_TASKS: task_row(L); break;
    case K_MODELS: model_row(L); break;
    case K_DATASETS: dataset_row(L); break;
    default: usage_row(L, &L->dups); break;
    }
}

static void reset_row(loader *L)
{
    L->n_fields = 0;
    L->row_bad = 0;
    L->row_begun = 0;
    L->field_open = 0;
    L->field_len = 0;
}

static void on_field(void *s, size_t len, void *data)
{
    loader *L = data;
    size_t i = L->n_fields++;
    if (i <= kinds[L->kind].ncols && !L->oom) {
        row_field *f = &L->fields[i];
        if (f->cap < len + 1) {
            char *t = realloc(f->text, len + 1);
            if (!t) {
                out_of_memory(L);
                return;
            }
            f->text = t;
            f->cap = len + 1;
        }
        if (len)
            memcpy(f->text, s, len);
        f->text[len] = '\0';
        f->line = L->field_open ? L->field_line : L->line;
        f->col = L->field_open ? L->field_col : L->col;
    }
    L->field_open = 0;
    L->field_len = 0;
}

static void on_row(int c, void *data)
{
    loader *L = data;
    (void)c;
    process_row(L);
    reset_row(L);
}

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

static int csv_start(loader *L)
{
    if (L->csv_ready)
        csv_free(&L->csv);
    L->csv_ready = 0;
    if (csv_init(&L->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return -1;
    csv_set_space_func(&L->csv, no_space);   /* keep every byte: ' 3' is not '3' */
    L->csv_ready = 1;
    return 0;
}

/* Reports a libcsv failure at the start of the current field and resynchronises. */
static void parse_failed(loader *L, int at_end)
{
    int e = csv_error(&L->csv);
    if (e == CSV_ENOMEM || e == CSV_ETOOBIG) {
        out_of_memory(L);
        return;
    }
    if (!L->row_bad) {
        const char *what = at_end ? "unterminated quoted field"
                           : L->field_quoted ? "unexpected character after closing quote"
                                               " (double a quote inside a quoted field)"
                                             : "stray quote in unquoted field"
                                               " (quote the whole field and double inner quotes)";
        add_error(L, BC_EX_DATAERR, L->field_line, L->field_col, "%s", what);
    }
    if (L->header_done)
        note_failed(L);
    else
        L->stop = 1;
    reset_row(L);
    L->row_bad = 1;
    L->skip_to_lf = 1;
    if (csv_start(L) < 0)
        out_of_memory(L);
}

static void feed_csv(loader *L, const unsigned char *p, size_t n)
{
    if (csv_parse(&L->csv, p, n, on_field, on_row, L) < n && !L->oom)
        parse_failed(L, 0);
}

/* Starts a field at the given position unless one is open. */
static void open_field(loader *L, unsigned char b, long line, long col)
{
    if (L->field_open)
        return;
    if (!L->row_begun && (b == '\r' || b == '\n'))
        return;                   /* libcsv skips blank lines */
    L->field_open = 1;
    L->row_begun = 1;
    L->field_quoted = b == '"';
    L->field_line = line;
    L->field_col = col;
    L->field_len = 0;
}

/* One encoding error per row: `seq` tells a bad sequence from a lone bad byte. */
static void encoding_error(loader *L, long line, long col, int seq, unsigned b,
                           const char *why)
{
    if (!L->row_bad)
        add_error(L, BC_EX_DATAERR, line, col, "invalid UTF-8 %s 0x%02X (%s)",
                  seq ? "sequence starting with byte" : "byte", b, why);
    L->row_bad = 1;
}

/* Validates one byte as UTF-8 and moves the position past it. */
static void track(loader *L, unsigned char b)
{
    if (L->utf8_need) {
        if (b >= L->utf8_lo && b <= L->utf8_hi) {
            L->utf8_lo = 0x80;
            L->utf8_hi = 0xBF;
            L->utf8_need--;
            return;
        }
        const char *why = "truncated";
        if (L->seq_lead == 0xE0 || L->seq_lead == 0xF0) {
            if (b >= 0x80 && b < L->utf8_lo)
                why = "overlong encoding";
        } else if (L->seq_lead == 0xED && b >= 0xA0 && b <= 0xBF) {
            why = "surrogate code point";
        } else if (L->seq_lead == 0xF4 && b >= 0x90 && b <= 0xBF) {
            why = "beyond U+10FFFF";
        }
        encoding_error(L, L->seq_line, L->seq_col, 1, L->seq_lead, why);
        L->utf8_need = 0;
        if (b >= 0x80 && b <= 0xBF)
            return;               /* part of the bad sequence */
    }
    if (b < 0x80) {
        if (b == '\n') {
            L->line++;
            L->col = 1;
            return;
        }
        if (b == 0) {
            if (!L->row_bad)
                add_error(L, BC_EX_DATAERR, L->line, L->col, "NUL byte");
            L->row_bad = 1;
        }
        L->col++;
        return;
    }
    L->seq_line = L->line;
    L->seq_col = L->col;
    L->seq_lead = b;
    L->col++;
    L->utf8_lo = 0x80;
    L->utf8_hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        L->utf8_need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        L->utf8_need = 2;
        if (b == 0xE0)
            L->utf8_lo = 0xA0;
        if (b == 0xED)
            L->utf8_hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        L->utf8_need = 3;
        if (b == 0xF0)
            L->utf8_lo = 0x90;
        if (b == 0xF4)
            L->utf8_hi = 0x8F;
    } else if (b == 0xC0 || b == 0xC1) {
        encoding_error(L, L->seq_line, L->seq_col, 1, b, "overlong encoding");
    } else if (b >= 0xF5) {
        encoding_error(L, L->seq_line, L->seq_col, 0, b, "beyond U+10FFFF");
    } else {
        encoding_error(L, L->seq_line, L->seq_col, 0, b, "continuation byte without a lead byte");
    }
}

static void field_too_long(loader *L)
{
    if (!L->row_bad)
        add_error(L, BC_EX_DATAERR, L->field_line, L->field_col,
                  "field longer than %d bytes", BC_FIELD_MAX);
    if (L->field_quoted || !L->header_done) {
        L->stop = 1;              /* no safe place to resume inside a quoted field */
        return;
    }
    note_failed(L);
    reset_row(L);
    L->row_bad = 1;
    L->skip_to_lf = 1;
    if (csv_start(L) < 0)
        out_of_memory(L);
}

static int is_special(unsigned char b)
{
    return b == ',' || b == '"' || b == '\r' || b == '\n';
}

/* Scans one chunk of the file and feeds it to libcsv. */
static void feed(loader *L, const unsigned char *buf, size_t len)
{
    size_t i = 0;
    while (i < len && !L->stop) {
        unsigned char b = buf[i];
        if (L->pending_cr) {
            L->pending_cr = 0;
            if (b != '\n') {
                add_error(L, BC_EX_DATAERR, L->cr_line, L->cr_col,
                          "carriage return without line feed (line ends must be LF or CRLF)");
                L->stop = 1;
                return;
            }
        }
        if (L->skip_to_lf) {
            if (b == '\r') {
                L->pending_cr = 1;
                L->cr_line = L->line;
                L->cr_col = L->col;
            }
            if (b == '\n') {
                L->skip_to_lf = 0;
                reset_row(L);
                L->line++;
                L->col = 1;
            } else if ((b & 0xC0) != 0x80) {
                L->col++;
            }
            L->utf8_need = 0;
            i++;
            continue;
        }
        if (is_special(b)) {
            long line = L->line, col = L->col;
            open_field(L, b, line, col);
            if (b == '\r') {
                L->pending_cr = 1;
                L->cr_line = line;
                L->cr_col = col;
            }
            track(L, b);
            feed_csv(L, buf + i, 1);
            /* a byte that ended the field is not part of it */
            if (L->field_open && !L->skip_to_lf && ++L->field_len > BC_FIELD_MAX)
                field_too_long(L);
            i++;
            continue;
        }
        long line = L->line, col = L->col;
        size_t j = i;
        while (j < len && !is_special(buf[j]))
            track(L, buf[j++]);
        open_field(L, b, line, col);
        if (L->field_len + (j - i) > BC_FIELD_MAX)
            field_too_long(L);
        else {
            L->field_len += j - i;
            feed_csv(L, buf + i, j - i);
        }
        i = j;
    }
}

/* The end of the file: pending sequences, the last row, an empty file. */
static void finish(loader *L)
{
    if (L->stop)
        return;
    if (L->pending_cr) {
        add_error(L, BC_EX_DATAERR, L->cr_line, L->cr_col,
                  "carriage return without line feed (line ends must be LF or CRLF)");
        L->stop = 1;
        return;
    }
    if (L->utf8_need)
        encoding_error(L, L->seq_line, L->seq_col, 1, L->seq_lead, "truncated at end of file");
    if (!L->skip_to_lf && csv_fini(&L->csv, on_field, on_row, L) != 0 && !L->oom)
        parse_failed(L, 1);
    if (!L->header_done && !L->stop && L->n_errors == 0)
        add_error(L, BC_EX_DATAERR, 1, 1, "empty file, expected header '%s'",
                  kinds[L->kind].header);
}

/*
 * Reads one file, from `fp` or from data[0..len), into the catalog.
 * Returns the worst code it produced.
 */
static int load_file(bc_catalog *cat, load_ctx *ctx, file_kind kind, const char *path,
                     FILE *fp, const char *data, size_t len, bc_errors *errs)
{
    loader *L = calloc(1, sizeof *L);
    unsigned char *buf = fp ? malloc(CHUNK_SIZE) : NULL;
    if (!L || (fp && !buf)) {
        free(L);
        free(buf);
        errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory while reading '%s'", path);
        return BC_EX_SOFTWARE;
    }
    L->cat = cat;
    L->ctx = ctx;
    L->errs = errs;
    L->path = path;
    L->kind = kind;
    L->line = 1;
    L->col = 1;
    if (csv_start(L) < 0) {
        out_of_memory(L);
        goto done;
    }
    int first = 1;
    size_t off = 0;
    for (;;) {
        const unsigned char *chunk;
        size_t n;
        if (fp) {
            n = fread(buf, 1, CHUNK_SIZE, fp);
            chunk = buf;
            if (n == 0) {
                if (ferror(fp)) {
                    add_error(L, BC_EX_IOERR, 0, 0, "cannot read '%s': %s", path,
                              strerror(errno));
                    L->stop = 1;
                }
                break;
            }
        } else {
            n = len - off < CHUNK_SIZE ? len - off : CHUNK_SIZE;
            chunk = (const unsigned char *)data + off;
            off += n;
            if (n == 0)
                break;
        }
        if (first && n >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF) {
            chunk += 3;           /* one leading BOM */
            n -= 3;
        }
        first = 0;
        feed(L, chunk, n);
        if (L->stop)
            break;
    }
    finish(L);
    ctx->file_ok[kind] = L->header_done && !L->stop && !L->oom;
done:
    if (L->csv_ready)
        csv_free(&L->csv);
    for (size_t i = 0; i <= MAX_COLS; i++)
        free(L->fields[i].text);
    int rc = L->rc;
    if (L->oom)
        rc = BC_EX_SOFTWARE;
    free(L->dups.slots);
    free(L);
    free(buf);
    return rc;
}

/* ------------------------------------------------------------- entries */

static void ctx_release(load_ctx *ctx)
{
    for (int k = 0; k < K_USAGE; k++)
        names_free(ctx->failed[k]);
}

int catalog_load(bc_catalog *cat, const char *dir, bc_errors *errs)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return errors_add(errs, BC_EX_NOINPUT, NULL, 0, 0, "cannot open '%s': %s", dir,
                          strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return errors_add(errs, BC_EX_NOINPUT, NULL, 0, 0, "cannot open '%s': %s", dir,
                          strerror(ENOTDIR));
    load_ctx ctx = { { 0 }, { 0 } };
    int rc = BC_OK;
    size_t dlen = strlen(dir);
    int slash = dlen > 0 && dir[dlen - 1] == '/';
    for (int k = 0; k < K_COUNT && rc != BC_EX_SOFTWARE; k++) {
        size_t plen = dlen + 1 + strlen(kinds[k].file) + 1;
        char *path = malloc(plen);
        if (!path) {
            rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
            break;
        }
        snprintf(path, plen, "%s%s%s", dir, slash ? "" : "/", kinds[k].file);
        FILE *fp = fopen(path, "rb");
        int r;
        if (!fp) {
            int e = errno;
            r = errors_add(errs, e == ENOENT || e == ENOTDIR ? BC_EX_NOINPUT : BC_EX_IOERR,
                           NULL, 0, 0, "cannot open '%s': %s", path, strerror(e));
        } else {
            r = load_file(cat, &ctx, (file_kind)k, path, fp, NULL, 0, errs);
            fclose(fp);
        }
        free(path);
        if (r > rc)
            rc = r;
    }
    ctx_release(&ctx);
    return rc;
}

int catalog_load_buffer(bc_catalog *cat, const char *which, const char *path,
                        const char *data, size_t len, bc_errors *errs)
{
    for (int k = 0; k < K_COUNT; k++) {
        if (strcmp(which, kinds[k].which) != 0)
            continue;
        load_ctx ctx = { { 1, 1, 1, 1 }, { 0 } };
        int rc = load_file(cat, &ctx, (file_kind)k, path, NULL, data, len, errs);
        ctx_release(&ctx);
        return rc;
    }
    return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "unknown catalog file kind '%s'", which);
}
