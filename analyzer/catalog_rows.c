/*
 * catalog_rows.c - one data row of tasks.csv, models.csv or datasets.csv
 * into one entry (see catalog_load.h): the field parsers, the checks of
 * DESIGN.md section 2, facets, and the resolution of names, aliases and
 * task codes.  Usage rows are in catalog_usage.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog_load.h"

/* ------------------------------------------------------- small parsers */

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

/* A trimmed copy of s[0..n), or NULL when memory runs out. */
char *load_dup_trim(const char *s, size_t n)
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

/*
 * A plain positive decimal: [0-9]+(\.[0-9]+)?, finite and > 0.  Parsed by
 * hand, not with strtod, so the locale's decimal mark plays no part.
 * Returns 0 and sets *out, or -1 when the text is not such a number.
 */
int load_parse_decimal(const char *s, double *out)
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
int load_grow(void **arr, size_t n, size_t size)
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


/* --------------------------------------------------------------- cells */

const char *load_cell(const loader *L, int k)
{
    int i = L->at[k];
    return i >= 0 ? L->fields[i].text : "";
}

const bc_csvfield *load_pos(const loader *L, int k)
{
    int i = L->at[k];
    return &L->fields[i >= 0 ? i : 0];
}

/* Trimmed copy of known column k ("" when absent); NULL on OOM. */
static char *cell_dup(const loader *L, int k)
{
    const char *t = load_cell(L, k);
    return load_dup_trim(t, strlen(t));
}

/* Splits known column k as a ';' list (empty when absent).  0 or -1 on OOM. */
static int cell_list(const loader *L, int k, bc_strlist *out)
{
    return strlist_split(load_cell(L, k), ";", out);
}

/*
 * The facet value ids of the row, interned into fs (counts go up).
 * *row is NULL when the file has no facets.  Returns 0, or -1 on OOM.
 */
static int row_facets(loader *L, bc_facets *fs, int **row)
{
    *row = NULL;
    if (!L->n_facets)
        return 0;
    if (!(*row = facets_new_row(fs->n)))
        return -1;
    for (size_t j = 0; j < L->n_facets; j++) {
        const bc_csvfield *f = &L->fields[L->facet_at[j]];
        char *v = load_dup_trim(f->text, strlen(f->text));
        if (!v)
            return -1;
        if (*v && ((*row)[j] = facets_intern(fs, j, v, f->line, f->col)) < 0) {
            free(v);
            return -1;
        }
        free(v);
    }
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

int load_resolve(loader *L, const bc_names *table, file_kind kind, const char *noun,
                 const char *name, const bc_csvfield *f)
{
    int id = table ? names_find(table, name) : -1;
    if (id >= 0)
        return id;
    if (reference_excused(L, kind, name))
        return -1;
    char b1[128], b2[128];
    const char *hint = table && L->s->errs->n < BC_MAX_ERRORS ? names_suggest(table, name) : NULL;
    if (hint)
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col,
                      "unknown %s '%s' (did you mean '%s'?)", noun, csvscan_shown(name, b1),
                      csvscan_shown(hint, b2));
    else if (strchr(name, ','))
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col,
                      "unknown %s '%s' (separate list items with ';', not ',')", noun,
                      csvscan_shown(name, b1));
    else
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "unknown %s '%s'", noun,
                      csvscan_shown(name, b1));
    return -1;
}

void catalog_note_failed(loader *L)
{
    if (L->kind == K_USAGE || L->n_fields == 0 || !L->n_cols)
        return;
    load_ctx *ctx = L->ctx;
    if (!ctx->failed[L->kind] && !(ctx->failed[L->kind] = names_new())) {
        csvscan_oom(L->s);
        return;
    }
    bc_names *t = ctx->failed[L->kind];
    int key_col = L->at[0], alias_col = L->kind == K_TASKS ? -1 : L->at[MC_ALIASES];
    if (key_col >= 0 && (size_t)key_col < L->n_fields && key_col < BC_MAX_COLUMNS) {
        const char *text = L->fields[key_col].text;
        char *key = load_dup_trim(text, strlen(text));
        if (!key || (*key && names_add(t, key, 0, 0) == BC_EX_SOFTWARE))
            csvscan_oom(L->s);
        free(key);
    }
    if (alias_col >= 0 && (size_t)alias_col < L->n_fields && alias_col < BC_MAX_COLUMNS) {
        bc_strlist al;
        if (strlist_split(L->fields[alias_col].text, ";", &al) < 0) {
            csvscan_oom(L->s);
            return;
        }
        for (size_t i = 0; i < al.n; i++)
            if (names_add(t, al.items[i], 0, 0) == BC_EX_SOFTWARE)
                csvscan_oom(L->s);
        strlist_release(&al);
    }
}

/*
 * Checks that the name and aliases of a new model or dataset row are free
 * in `table`.  Reports each clash, naming both entries; returns the number
 * of clashes.
 */
static int check_names_free(loader *L, bc_names *table, const char *name,
                            const bc_strlist *aliases)
{
    int clashes = 0;
    char b1[128], b2[128], b3[128];
    const char *noun = catalog_kinds[L->kind].entry;
    for (size_t i = 0; i <= aliases->n; i++) {
        const char *s = i == 0 ? name : aliases->items[i - 1];
        if (!*s)
            continue;
        int other = names_find(table, s);
        if (other < 0)
            continue;
        const bc_csvfield *f = load_pos(L, i == 0 ? 0 : MC_ALIASES);
        const char *other_name = L->kind == K_MODELS ? L->cat->models[other].name
                                                     : L->cat->datasets[other].name;
        long other_line = L->kind == K_MODELS ? L->cat->models[other].line
                                              : L->cat->datasets[other].line;
        if (i == 0)
            csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col,
                          "name '%s' already used by %s '%s' (line %ld)",
                          csvscan_shown(s, b1), noun, csvscan_shown(other_name, b2), other_line);
        else
            csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col,
                          "alias '%s' of %s '%s' already names %s '%s' (line %ld)",
                          csvscan_shown(s, b1), noun, csvscan_shown(name, b3), noun,
                          csvscan_shown(other_name, b2), other_line);
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
    if (names_add(*table, name, id, 1) == BC_EX_SOFTWARE)
        return -1;
    for (size_t i = 0; i < aliases->n; i++)
        if (names_add(*table, aliases->items[i], id, 0) == BC_EX_SOFTWARE)
            return -1;
    return 0;
}

double load_number(loader *L, int k, int *bad)
{
    const char *t = load_cell(L, k);
    const bc_csvfield *f = load_pos(L, k);
    double v;
    char b[128];
    if (!*t)
        return -1.0;
    if (load_parse_decimal(t, &v) < 0) {
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "invalid number '%s'",
                      csvscan_shown(t, b));
        *bad = 1;
        return -1.0;
    }
    return v;
}

/* ------------------------------------------------- entries by name only */

int load_new_task(bc_catalog *cat, const char *code, long line)
{
    if (load_grow((void **)&cat->tasks, cat->n_tasks, sizeof *cat->tasks) < 0)
        return -1;
    bc_task *t = &cat->tasks[cat->n_tasks];
    memset(t, 0, sizeof *t);
    t->code = strdup(code);
    t->name = strdup(code);
    t->facet = facets_new_row(cat->task_facets.n);
    t->line = line;
    cat->n_tasks++;
    if (!t->code || !t->name || (cat->task_facets.n && !t->facet))
        return -1;
    if (!cat->task_codes && !(cat->task_codes = names_new()))
        return -1;
    if (names_add(cat->task_codes, code, (int)(cat->n_tasks - 1), 1) == BC_EX_SOFTWARE)
        return -1;
    return (int)(cat->n_tasks - 1);
}

int load_new_model(bc_catalog *cat, const char *name)
{
    if (load_grow((void **)&cat->models, cat->n_models, sizeof *cat->models) < 0)
        return -1;
    bc_model *m = &cat->models[cat->n_models];
    *m = (bc_model){ .name = strdup(name), .paper = strdup(""), .llm_params_b = -1.0,
                     .facet = facets_new_row(cat->model_facets.n) };
    cat->n_models++;
    if (!m->name || !m->paper || (cat->model_facets.n && !m->facet))
        return -1;
    bc_strlist none = { NULL, 0 };
    if (claim_names(&cat->model_names, m->name, &none, (int)(cat->n_models - 1)) < 0)
        return -1;
    return (int)(cat->n_models - 1);
}

int load_new_dataset(bc_catalog *cat, const char *name)
{
    if (load_grow((void **)&cat->datasets, cat->n_datasets, sizeof *cat->datasets) < 0)
        return -1;
    bc_dataset *d = &cat->datasets[cat->n_datasets];
    *d = (bc_dataset){ .name = strdup(name), .hours = -1.0,
                       .facet = facets_new_row(cat->dataset_facets.n) };
    cat->n_datasets++;
    if (!d->name || (cat->dataset_facets.n && !d->facet))
        return -1;
    bc_strlist none = { NULL, 0 };
    if (claim_names(&cat->dataset_names, d->name, &none, (int)(cat->n_datasets - 1)) < 0)
        return -1;
    return (int)(cat->n_datasets - 1);
}

/* ---------------------------------------------------------------- rows */

static void task_row(loader *L)
{
    bc_catalog *cat = L->cat;
    char b1[128], b2[128];
    int bad = 0;
    const bc_csvfield *fc = load_pos(L, TC_CODE), *fn = load_pos(L, TC_NAME);
    char *code = cell_dup(L, TC_CODE), *name = cell_dup(L, TC_NAME);
    int *facet = NULL;
    if (!code || !name)
        goto oom;
    int dup = -1;
    if (!*code) {
        csvscan_error(L->s, BC_EX_DATAERR, fc->line, fc->col, "missing task code");
        bad = 1;
    } else if (!valid_task_code(code)) {
        csvscan_error(L->s, BC_EX_DATAERR, fc->line, fc->col,
                      "invalid task code '%s' (expected [A-Z][A-Z0-9-]*)",
                      csvscan_shown(code, b1));
        bad = 1;
    } else if (cat->task_codes && (dup = names_find(cat->task_codes, code)) >= 0) {
        csvscan_error(L->s, BC_EX_DATAERR, fc->line, fc->col,
                      "code '%s' already used by task '%s' (line %ld)", csvscan_shown(code, b1),
                      csvscan_shown(cat->tasks[dup].code, b2), cat->tasks[dup].line);
        bad = 1;
    }
    if (L->at[TC_NAME] >= 0 && !*name) {
        csvscan_error(L->s, BC_EX_DATAERR, fn->line, fn->col, "missing task name");
        bad = 1;
    }
    if (bad) {
        catalog_note_failed(L);
        goto done;
    }
    if (!*name) {
        free(name);
        if (!(name = strdup(code)))
            goto oom;
    }
    if (row_facets(L, &cat->task_facets, &facet) < 0 ||
        load_grow((void **)&cat->tasks, cat->n_tasks, sizeof *cat->tasks) < 0)
        goto oom;
    cat->tasks[cat->n_tasks++] = (bc_task){ .code = code, .name = name, .facet = facet,
                                            .line = fc->line };
    if (!cat->task_codes && !(cat->task_codes = names_new()))
        goto oom_kept;
    if (names_add(cat->task_codes, code, (int)(cat->n_tasks - 1), 1) == BC_EX_SOFTWARE)
        goto oom_kept;
    return;
oom:
    csvscan_oom(L->s);
done:
    free(code);
    free(name);
    free(facet);
    return;
oom_kept:
    csvscan_oom(L->s);
}

static void model_row(loader *L)
{
    bc_catalog *cat = L->cat;
    char b[128];
    int bad = 0;
    char *name = cell_dup(L, MC_MODEL), *paper = cell_dup(L, MC_PAPER);
    bc_strlist aliases = { 0 };
    int *facet = NULL;
    if (!name || !paper || cell_list(L, MC_ALIASES, &aliases) < 0)
        goto oom;
    const bc_csvfield *f0 = load_pos(L, MC_MODEL), *fy = load_pos(L, MC_YEAR);
    if (!*name) {
        csvscan_error(L->s, BC_EX_DATAERR, f0->line, f0->col, "missing model name");
        bad = 1;
    }
    if (cat->model_names && check_names_free(L, cat->model_names, name, &aliases))
        bad = 2;
    int year = 0;
    const char *ytext = load_cell(L, MC_YEAR);
    if (*ytext && (year = parse_year(ytext)) < 0) {
        csvscan_error(L->s, BC_EX_DATAERR, fy->line, fy->col,
                      "invalid year '%s' (expected 1900 to 2100)", csvscan_shown(ytext, b));
        bad = bad ? bad : 1;
    }
    int nbad = 0;
    double params = load_number(L, MC_PARAMS, &nbad);
    if (!bad && nbad)
        bad = 1;
    if (bad) {
        catalog_note_failed(L);
        goto done;
    }
    if (row_facets(L, &cat->model_facets, &facet) < 0 ||
        load_grow((void **)&cat->models, cat->n_models, sizeof *cat->models) < 0)
        goto oom;
    bc_model *m = &cat->models[cat->n_models++];
    *m = (bc_model){
        .name = name, .aliases = aliases, .paper = paper, .year = year,
        .llm_params_b = params, .facet = facet, .line = f0->line,
    };
    if (claim_names(&cat->model_names, m->name, &m->aliases, (int)(cat->n_models - 1)) < 0)
        csvscan_oom(L->s);
    return;
oom:
    csvscan_oom(L->s);
done:
    free(name);
    free(paper);
    free(facet);
    strlist_release(&aliases);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* A list item holding ',' (a list written with the wrong separator).  1 when reported. */
static int comma_item(loader *L, int k, const bc_strlist *l, const char *what)
{
    char b[128];
    for (size_t i = 0; i < l->n; i++)
        if (strchr(l->items[i], ',')) {
            const bc_csvfield *f = load_pos(L, k);
            csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col,
                          "%s '%s' holds a ',' (separate list items with ';')", what,
                          csvscan_shown(l->items[i], b));
            return 1;
        }
    return 0;
}

static void dataset_row(loader *L)
{
    bc_catalog *cat = L->cat;
    int bad = 0;
    char *name = cell_dup(L, DC_DATASET);
    bc_strlist aliases = { 0 }, codes = { 0 }, languages = { 0 };
    int *tasks = NULL, *facet = NULL;
    size_t n_tasks = 0;
    if (!name || cell_list(L, DC_ALIASES, &aliases) < 0 || cell_list(L, DC_TASKS, &codes) < 0 ||
        cell_list(L, DC_LANGUAGES, &languages) < 0)
        goto oom;
    const bc_csvfield *f0 = load_pos(L, DC_DATASET), *ft = load_pos(L, DC_TASKS);
    if (!*name) {
        csvscan_error(L->s, BC_EX_DATAERR, f0->line, f0->col, "missing dataset name");
        bad = 1;
    }
    if (cat->dataset_names && check_names_free(L, cat->dataset_names, name, &aliases))
        bad = 2;
    if (codes.n && !(tasks = malloc(codes.n * sizeof *tasks)))
        goto oom;
    int implicit = !HAS_FILE(cat, K_TASKS);
    if (implicit && comma_item(L, DC_TASKS, &codes, "task"))
        bad = bad ? bad : 1;
    for (size_t i = 0; i < codes.n; i++) {
        int t = cat->task_codes ? names_find(cat->task_codes, codes.items[i]) : -1;
        if (t < 0 && implicit && (t = load_new_task(cat, codes.items[i], 0)) < 0)
            goto oom;
        if (t < 0)
            t = load_resolve(L, cat->task_codes, K_TASKS, "task", codes.items[i], ft);
        if (t < 0)
            bad = bad ? bad : 1;
        else
            tasks[n_tasks++] = t;
    }
    if (comma_item(L, DC_LANGUAGES, &languages, "language"))
        bad = bad ? bad : 1;
    int nbad = 0;
    double hours = load_number(L, DC_HOURS, &nbad);
    if (nbad && !bad)
        bad = 1;
    if (bad) {
        catalog_note_failed(L);
        goto done;
    }
    if (n_tasks)
        qsort(tasks, n_tasks, sizeof *tasks, cmp_int);
    size_t u = 0;
    for (size_t i = 0; i < n_tasks; i++)
        if (u == 0 || tasks[u - 1] != tasks[i])
            tasks[u++] = tasks[i];
    if (row_facets(L, &cat->dataset_facets, &facet) < 0 ||
        load_grow((void **)&cat->datasets, cat->n_datasets, sizeof *cat->datasets) < 0)
        goto oom;
    bc_dataset *d = &cat->datasets[cat->n_datasets++];
    *d = (bc_dataset){
        .name = name, .aliases = aliases, .tasks = tasks, .n_tasks = u,
        .languages = languages, .hours = hours, .facet = facet, .line = f0->line,
    };
    strlist_release(&codes);
    if (claim_names(&cat->dataset_names, d->name, &d->aliases,
                    (int)(cat->n_datasets - 1)) < 0)
        csvscan_oom(L->s);
    return;
oom:
    csvscan_oom(L->s);
done:
    free(name);
    free(tasks);
    free(facet);
    strlist_release(&aliases);
    strlist_release(&codes);
    strlist_release(&languages);
}

/* ------------------------------------------------------------ dispatch */

void catalog_data_row(loader *L)
{
    size_t E = L->n_cols;
    if (L->n_fields != E) {
        const bc_csvfield *f = L->n_fields > E ? &L->fields[E] : &L->fields[0];
        const char *hint = "";
        if (L->n_fields == E + 1 && !*L->fields[E].text)
            hint = " (trailing comma?)";
        else if (L->n_fields > E && L->has_list)
            hint = " (a ',' inside a list? separate list items with ';')";
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "expected %zu fields, found %zu%s",
                      E, L->n_fields, hint);
        catalog_note_failed(L);
        return;
    }
    switch (L->kind) {
    case K_TASKS: task_row(L); break;
    case K_MODELS: model_row(L); break;
    case K_DATASETS: dataset_row(L); break;
    default: load_usage_row(L); break;
    }
}
