/*
 * catalog_usage.c - one row of usage.csv into usage facts (see
 * catalog_load.h).  Model, dataset and task are resolved through names
 * and aliases, or created by name when the catalog has no file defining
 * them.  Without a `task` column a row covers every task its dataset
 * lists; without a `role` column every fact is `eval`.  Duplicate facts
 * are found with an open-addressing set.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog_load.h"

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

/* Makes room for one more fact in the duplicate set.  0 or -1 on OOM. */
static int set_room(usage_set *set, const bc_catalog *cat)
{
    if ((cat->n_usage + 1) * 2 <= set->n_slots)
        return 0;
    size_t n_slots = set->n_slots ? set->n_slots * 2 : 64;
    size_t *slots = calloc(n_slots, sizeof *slots);
    if (!slots)
        return -1;
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
    return 0;
}

/*
 * -?[0-9]+(\.[0-9]+)?, zero allowed, whatever the locale.  Returns 0 and
 * sets *out, or -1.
 */
static int parse_score(const char *s, double *out)
{
    int neg = *s == '-';
    const char *p = s + neg;
    if (load_parse_decimal(p, out) == 0) {
        if (neg)
            *out = -*out;
        return 0;
    }
    /* load_parse_decimal refuses zero: accept 0, 0.0, 00.000 */
    if (*p < '0' || *p > '9')
        return -1;
    while (*p == '0')
        p++;
    if (*p == '.') {
        if (p[1] < '0' || p[1] > '9')
            return -1;
        for (p++; *p == '0'; p++)
            ;
    }
    if (*p)
        return -1;
    *out = 0.0;
    return 0;
}

/* The role column: train or eval, a case slip named.  Returns the role, or -1. */
static int role_field(loader *L)
{
    if (L->at[UC_ROLE] < 0)
        return BC_ROLE_EVAL;
    const bc_csvfield *f = load_pos(L, UC_ROLE);
    char b[128];
    if (!*f->text) {
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "missing role (expected train or eval)");
        return -1;
    }
    if (strcmp(f->text, "train") == 0)
        return BC_ROLE_TRAIN;
    if (strcmp(f->text, "eval") == 0)
        return BC_ROLE_EVAL;
    const char *fix = strcasecmp(f->text, "train") == 0 ? "train"
                      : strcasecmp(f->text, "eval") == 0 ? "eval" : NULL;
    if (fix)
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col,
                      "invalid role '%s' (expected train or eval; did you mean '%s'?)",
                      csvscan_shown(f->text, b), fix);
    else
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col,
                      "invalid role '%s' (expected train or eval)", csvscan_shown(f->text, b));
    return -1;
}

/*
 * Resolves a model or dataset cell: by name or alias, or created when the
 * catalog has no file that defines such entries.  -1 after an error;
 * -2 when memory runs out.
 */
static int entry_of(loader *L, file_kind kind, const char *cell, const bc_csvfield *f)
{
    bc_catalog *cat = L->cat;
    const bc_names *table = kind == K_MODELS ? cat->model_names : cat->dataset_names;
    int id = table ? names_find(table, cell) : -1;
    if (id >= 0)
        return id;
    if (!HAS_FILE(cat, kind)) {
        id = kind == K_MODELS ? load_new_model(cat, cell) : load_new_dataset(cat, cell);
        return id < 0 ? -2 : id;
    }
    return load_resolve(L, table, kind, kind == K_MODELS ? "model" : "dataset", cell, f);
}

/* The task cell: by code, or created when the catalog has no tasks.csv.  -1 / -2 as above. */
static int task_of(loader *L, const char *cell, const bc_csvfield *f)
{
    bc_catalog *cat = L->cat;
    int id = cat->task_codes ? names_find(cat->task_codes, cell) : -1;
    if (id >= 0)
        return id;
    if (!HAS_FILE(cat, K_TASKS)) {
        id = load_new_task(cat, cell, 0);
        return id < 0 ? -2 : id;
    }
    return load_resolve(L, cat->task_codes, K_TASKS, "task", cell, f);
}

/* Adds fact u unless it repeats one.  Returns 0, 1 for a duplicate (reported), -1 on OOM. */
static int add_fact(loader *L, bc_usage *u, const bc_csvfield *f0)
{
    bc_catalog *cat = L->cat;
    usage_set *set = &L->dups;
    if (set_room(set, cat) < 0)
        return -1;
    size_t j = usage_hash(u) & (set->n_slots - 1);
    for (; set->slots[j]; j = (j + 1) & (set->n_slots - 1)) {
        const bc_usage *first = &cat->usage[set->slots[j] - 1];
        if (usage_same(first, u)) {
            csvscan_error(L->s, BC_EX_DATAERR, f0->line, f0->col,
                          "duplicate usage row (first at line %ld)", first->line);
            return 1;
        }
    }
    if (load_grow((void **)&cat->usage, cat->n_usage, sizeof *cat->usage) < 0)
        return -1;
    u->source = catalog_text(cat, u->source);
    u->metric = catalog_text(cat, u->metric);
    u->split = catalog_text(cat, u->split);
    if (!u->source || !u->metric || !u->split)
        return -1;
    cat->usage[cat->n_usage++] = *u;
    set->slots[j] = cat->n_usage;
    return 0;
}

void load_usage_row(loader *L)
{
    bc_catalog *cat = L->cat;
    char b[128];
    int bad = 0;
    char *cell[UC_COUNT] = { 0 };
    for (int k = 0; k < UC_COUNT; k++) {
        const char *t = load_cell(L, k);
        if (!(cell[k] = load_dup_trim(t, strlen(t))))
            goto oom;
    }
    const bc_csvfield *F[UC_COUNT];
    for (int k = 0; k < UC_COUNT; k++)
        F[k] = load_pos(L, k);
    bc_usage u = { .model = -1, .dataset = -1, .task = -1, .score = NAN };
    if (!*cell[UC_MODEL]) {
        csvscan_error(L->s, BC_EX_DATAERR, F[UC_MODEL]->line, F[UC_MODEL]->col, "missing model");
        bad = 1;
    } else if ((u.model = entry_of(L, K_MODELS, cell[UC_MODEL], F[UC_MODEL])) < 0) {
        if (u.model == -2)
            goto oom;
        bad = 1;
    }
    if (*cell[UC_DATASET] &&
        (u.dataset = entry_of(L, K_DATASETS, cell[UC_DATASET], F[UC_DATASET])) < 0) {
        if (u.dataset == -2)
            goto oom;
        bad = 1;
    }
    if (L->at[UC_TASK] >= 0) {
        if (!*cell[UC_TASK]) {
            if (!*cell[UC_DATASET]) {
                csvscan_error(L->s, BC_EX_DATAERR, F[UC_TASK]->line, F[UC_TASK]->col,
                              "missing task (only rows naming a dataset may leave it empty)");
                bad = 1;
            }
        } else if ((u.task = task_of(L, cell[UC_TASK], F[UC_TASK])) < 0) {
            if (u.task == -2)
                goto oom;
            bad = 1;
        }
    }
    int role = role_field(L);
    if (*cell[UC_SCORE] && parse_score(cell[UC_SCORE], &u.score) < 0) {
        csvscan_error(L->s, BC_EX_DATAERR, F[UC_SCORE]->line, F[UC_SCORE]->col,
                      "invalid score '%s' (expected a number such as 71.3)",
                      csvscan_shown(cell[UC_SCORE], b));
        bad = 1;
    }
    if (role < 0 || bad)
        goto done;
    u.role = (bc_role)role;
    u.source = cell[UC_SOURCE];
    u.metric = cell[UC_METRIC];
    u.split = cell[UC_SPLIT];
    u.line = F[UC_MODEL]->line;
    u.task_col = L->at[UC_TASK] >= 0 ? F[UC_TASK]->col : F[UC_DATASET]->col;

    /* A cell spelled otherwise than the display name named its entry by an alias. */
    size_t spelled = strcmp(cell[UC_MODEL], cat->models[u.model].name) != 0;
    if (u.dataset >= 0)
        spelled += strcmp(cell[UC_DATASET], cat->datasets[u.dataset].name) != 0;
    int added = 0, r;
    if (L->at[UC_TASK] >= 0 || u.dataset < 0 || cat->datasets[u.dataset].n_tasks == 0) {
        /* A row with neither dataset nor task column only names its model. */
        if (L->at[UC_TASK] < 0 && u.dataset < 0)
            goto done;
        if ((r = add_fact(L, &u, F[UC_MODEL])) < 0)
            goto oom;
        added = r == 0;
    } else {
        /* No task column: the row covers every task its dataset lists. */
        const bc_dataset *d = &cat->datasets[u.dataset];
        for (size_t i = 0; i < d->n_tasks; i++) {
            bc_usage v = u;
            v.task = d->tasks[i];
            if ((r = add_fact(L, &v, F[UC_MODEL])) < 0)
                goto oom;
            if (r == 1)
                break;
            added = 1;
        }
    }
    if (added)
        cat->aliases_used += spelled;
    goto done;
oom:
    csvscan_oom(L->s);
done:
    for (int k = 0; k < UC_COUNT; k++)
        free(cell[k]);
}
