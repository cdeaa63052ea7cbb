/*
 * catalog_rows.c - one data row of a catalog file into one entry (see
 * catalog_load.h): the field parsers, the checks of DESIGN.md section 2,
 * and the resolution of names, aliases and task codes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_load.h"

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
    return strlist_split(s, ";", out);
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
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "unknown %s '%s' (did you mean '%s'?)",
                  noun, csvscan_shown(name, b1), csvscan_shown(hint, b2));
    else
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "unknown %s '%s'", noun, csvscan_shown(name, b1));
    return -1;
}

/* Remembers the key (and aliases) of a rejected row to quiet later references. */
void catalog_note_failed(loader *L)
{
    if (L->kind == K_USAGE || L->n_fields == 0)
        return;
    load_ctx *ctx = L->ctx;
    if (!ctx->failed[L->kind] && !(ctx->failed[L->kind] = names_new())) {
        csvscan_oom(L->s);
        return;
    }
    bc_names *t = ctx->failed[L->kind];
    char *key = dup_trim(L->fields[0].text, strlen(L->fields[0].text));
    if (!key || (*key && names_add(t, key, 0, 0) == -2))
        csvscan_oom(L->s);
    free(key);
    if (L->kind != K_TASKS && L->n_fields > 1) {
        bc_strlist al;
        if (split_list(L->fields[1].text, &al) < 0) {
            csvscan_oom(L->s);
            return;
        }
        for (size_t i = 0; i < al.n; i++)
            if (names_add(t, al.items[i], 0, 0) == -2)
                csvscan_oom(L->s);
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
        const bc_csvfield *f = &L->fields[i == 0 ? 0 : 1];
        const char *other_name = L->kind == K_MODELS ? L->cat->models[other].name
                                                     : L->cat->datasets[other].name;
        long other_line = L->kind == K_MODELS ? L->cat->models[other].line
                                              : L->cat->datasets[other].line;
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "name '%s' already used by %s '%s' (line %ld)",
                  csvscan_shown(s, b1), catalog_kinds[L->kind].entry, csvscan_shown(other_name, b2), other_line);
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
    const bc_csvfield *f = &L->fields[i];
    char b[128];
    if (!*f->text) {
        if (required) {
            csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "missing %s (expected %s)", what,
                      expected);
            return -1;
        }
        return 0;
    }
    int v = catalog_enum_find(names, n, f->text);
    if (!v) {
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "invalid %s '%s' (expected %s)", what,
                  csvscan_shown(f->text, b), expected);
        return -1;
    }
    return v;
}

/* An optional positive decimal; -1.0 when empty, sets *bad when invalid. */
static double number_field(loader *L, size_t i, int *bad)
{
    const bc_csvfield *f = &L->fields[i];
    double v;
    char b[128];
    if (!*f->text)
        return -1.0;
    if (parse_decimal(f->text, &v) < 0) {
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "invalid number '%s'", csvscan_shown(f->text, b));
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
    bc_csvfield *F = L->fields;
    char b1[128], b2[128];
    int bad = 0;
    const char *code = F[0].text;
    int dup = -1;
    if (!*code) {
        csvscan_error(L->s, BC_EX_DATAERR, F[0].line, F[0].col, "missing task code");
        bad = 1;
    } else if (!valid_task_code(code)) {
        csvscan_error(L->s, BC_EX_DATAERR, F[0].line, F[0].col,
                  "invalid task code '%s' (expected [A-Z][A-Z0-9-]*)", csvscan_shown(code, b1));
        bad = 1;
    } else if (cat->task_codes && (dup = names_find(cat->task_codes, code)) >= 0) {
        csvscan_error(L->s, BC_EX_DATAERR, F[0].line, F[0].col,
                  "code '%s' already used by task '%s' (line %ld)", csvscan_shown(code, b1),
                  csvscan_shown(cat->tasks[dup].code, b2), cat->tasks[dup].line);
        bad = 1;
    }
    char *name = dup_trim(F[1].text, strlen(F[1].text));
    if (!name) {
        csvscan_oom(L->s);
        return;
    }
    if (!*name) {
        csvscan_error(L->s, BC_EX_DATAERR, F[1].line, F[1].col, "missing task name");
        bad = 1;
    }
    int mod = enum_field(L, 2, catalog_modality_names, BC_MOD_COUNT, "modality", MODALITY_LIST, 1);
    static const char *const origins[] = { "", "glossary", "added" };
    int origin = enum_field(L, 4, origins, 3, "origin", "glossary or added", 1);
    if (mod < 0 || origin < 0)
        bad = 1;
    if (bad) {
        free(name);
        catalog_note_failed(L);
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
    csvscan_oom(L->s);
}

static void model_row(loader *L)
{
    bc_catalog *cat = L->cat;
    bc_csvfield *F = L->fields;
    char b[128];
    int bad = 0;
    char *text[MAX_COLS] = { 0 };
    bc_strlist aliases = { 0 };
    for (size_t i = 0; i < catalog_kinds[K_MODELS].ncols; i++)
        if (i != 1 && !(text[i] = dup_trim(F[i].text, strlen(F[i].text))))
            goto oom;
    if (split_list(F[1].text, &aliases) < 0)
        goto oom;
    if (!*text[0]) {
        csvscan_error(L->s, BC_EX_DATAERR, F[0].line, F[0].col, "missing model name");
        bad = 1;
    }
    if (cat->model_names && check_names_free(L, cat->model_names, text[0], &aliases))
        bad = 2;
    int year = 0;
    if (*F[3].text && (year = parse_year(F[3].text)) < 0) {
        csvscan_error(L->s, BC_EX_DATAERR, F[3].line, F[3].col,
                  "invalid year '%s' (expected 1900 to 2100)", csvscan_shown(F[3].text, b));
        bad = bad ? bad : 1;
    }
    int nbad = 0;
    double params = number_field(L, 8, &nbad);
    int fusion = enum_field(L, 9, catalog_fusion_names, BC_FUSION_COUNT, "fusion",
                            "projection, q-former, cross-attention, discrete-tokens, cascade or other", 0);
    int output = enum_field(L, 10, catalog_output_names, BC_OUTPUT_COUNT, "output",
                            "text, speech or any", 0);
    if (!bad && (nbad || fusion < 0 || output < 0))
        bad = 1;
    if (bad) {
        catalog_note_failed(L);
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
        csvscan_oom(L->s);
    return;
oom:
    csvscan_oom(L->s);
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
    bc_csvfield *F = L->fields;
    int bad = 0;
    char *name = dup_trim(F[0].text, strlen(F[0].text));
    bc_strlist aliases = { 0 }, codes = { 0 }, languages = { 0 };
    int *tasks = NULL;
    size_t n_tasks = 0;
    if (!name || split_list(F[1].text, &aliases) < 0 || split_list(F[3].text, &codes) < 0 ||
        split_list(F[4].text, &languages) < 0)
        goto oom;
    if (!*name) {
        csvscan_error(L->s, BC_EX_DATAERR, F[0].line, F[0].col, "missing dataset name");
        bad = 1;
    }
    if (cat->dataset_names && check_names_free(L, cat->dataset_names, name, &aliases))
        bad = 2;
    int mod = enum_field(L, 2, catalog_modality_names, BC_MOD_COUNT, "modality", MODALITY_LIST, 0);
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
        catalog_note_failed(L);
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
        csvscan_oom(L->s);
    return;
oom:
    csvscan_oom(L->s);
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
    bc_csvfield *F = L->fields;
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
        csvscan_error(L->s, BC_EX_DATAERR, F[0].line, F[0].col, "missing model");
        bad = 1;
    } else if ((u.model = resolve(L, cat->model_names, K_MODELS, "model", cell[0], &F[0])) < 0) {
        bad = 1;
    }
    if (*cell[1] &&
        (u.dataset = resolve(L, cat->dataset_names, K_DATASETS, "dataset", cell[1], &F[1])) < 0)
        bad = 1;
    if (!*cell[2]) {
        if (!*cell[1]) {
            csvscan_error(L->s, BC_EX_DATAERR, F[2].line, F[2].col,
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
            csvscan_error(L->s, BC_EX_DATAERR, F[0].line, F[0].col,
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
    csvscan_oom(L->s);
done:
    for (int i = 0; i < 3; i++)
        free(cell[i]);
    free(source);
}


/* ------------------------------------------------------------ dispatch */

void catalog_data_row(loader *L)
{
    size_t E = catalog_kinds[L->kind].ncols;
    if (L->n_fields != E) {
        const bc_csvfield *f = L->n_fields > E ? &L->fields[E] : &L->fields[0];
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "expected %zu fields, found %zu%s", E,
                      L->n_fields,
                      L->n_fields == E + 1 && !*L->fields[E].text ? " (trailing comma?)" : "");
        catalog_note_failed(L);
        return;
    }
    switch (L->kind) {
    case K_TASKS: task_row(L); break;
    case K_MODELS: model_row(L); break;
    case K_DATASETS: dataset_row(L); break;
    default: usage_row(L, &L->dups); break;
    }
}
