/*
 * catalog_header.c - the schema of each catalog file and the mapping of
 * its header row (see catalog_load.h): known columns are found by name in
 * any order, ASCII case-insensitively; every other column of tasks.csv,
 * models.csv and datasets.csv is a facet, other columns of usage.csv are
 * ignored.  A column one or two edits from a known name is taken for a
 * slip and refused with a suggestion.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "catalog_load.h"

const file_schema catalog_kinds[K_COUNT] = {
    { "tasks", "tasks.csv", "task", TC_COUNT, 1, { "code", "name" }, 1 },
    { "models", "models.csv", "model", MC_COUNT, 1,
      { "model", "aliases", "paper", "year", "llm_params_b" }, 1 },
    { "datasets", "datasets.csv", "dataset", DC_COUNT, 1,
      { "dataset", "aliases", "tasks", "languages", "hours" }, 1 },
    { "usage", "usage.csv", "usage", UC_COUNT, 2,
      { "model", "dataset", "task", "role", "source", "score", "metric", "split" }, 0 },
};

const char *catalog_expected_header(file_kind kind)
{
    static const char *const shown[K_COUNT] = {
        "code[,name,...]", "model[,aliases,paper,year,llm_params_b,...]",
        "dataset[,aliases,tasks,languages,hours,...]",
        "model,dataset[,task,role,source,score,metric,split]",
    };
    return shown[kind];
}

/* A trimmed copy of s, or NULL when memory runs out. */
static char *trimmed(const char *s)
{
    return load_dup_trim(s, strlen(s));
}

/*
 * The absent known column `name` is a slip for, or -1: one edit from 4
 * letters, two from 8.  In usage.csv, where another column is dropped
 * silently, two edits from 4 letters (`taks`).
 */
static int near_known(const file_schema *k, const char *name, const int *at)
{
    size_t len = strlen(name);
    size_t limit = len >= 8 || (len >= 4 && !k->facets) ? 2 : len >= 4 ? 1 : 0;
    if (!limit)
        return -1;
    for (size_t j = 0; j < k->n_known; j++)
        if (at[j] < 0 && names_distance(name, k->known[j], limit) <= limit)
            return (int)j;
    return -1;
}

/* The column just past the last field of the header. */
static long past_end(const loader *L, size_t stored)
{
    const bc_csvfield *last = &L->fields[stored - 1];
    long col = last->col;
    for (const unsigned char *p = (const unsigned char *)last->text; *p; p++)
        col += (*p & 0xC0) != 0x80;
    return col;
}

void catalog_header_row(loader *L)
{
    const file_schema *k = &catalog_kinds[L->kind];
    bc_catalog *cat = L->cat;
    bc_facets *fs = L->kind == K_TASKS ? &cat->task_facets
                    : L->kind == K_MODELS ? &cat->model_facets
                                          : &cat->dataset_facets;
    size_t n = L->n_fields, stored = n < BC_MAX_COLUMNS ? n : BC_MAX_COLUMNS;
    char b1[128], b2[128];
    for (size_t j = 0; j < MAX_KNOWN; j++)
        L->at[j] = -1;
    L->n_cols = n;
    L->n_facets = 0;
    if (n > BC_MAX_COLUMNS) {
        const bc_csvfield *f = &L->fields[BC_MAX_COLUMNS - 1];
        csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "more than %d columns",
                      BC_MAX_COLUMNS);
        L->s->stop = 1;
        return;
    }
    /* One field holding the column names between ';': the wrong delimiter. */
    if (n == 1 && strchr(L->fields[0].text, ';')) {
        const bc_csvfield *f = &L->fields[0];
        long col = f->col;
        for (const unsigned char *p = (const unsigned char *)f->text; *p != ';'; p++)
            col += (*p & 0xC0) != 0x80;
        csvscan_error(L->s, BC_EX_DATAERR, f->line, col,
                      "header separated by ';' (columns must be separated by ',')");
        L->s->stop = 1;
        return;
    }
    int facet_base = (int)fs->n;
    unsigned char *unknown = calloc(n + 1, 1);   /* the column is no known one */
    if (!unknown) {
        csvscan_oom(L->s);
        return;
    }
    for (size_t i = 0; i < n && !L->s->stop; i++) {
        const bc_csvfield *f = &L->fields[i];
        char *cell = trimmed(f->text);
        if (!cell) {
            csvscan_oom(L->s);
            break;
        }
        int known = -1, earlier = 0;
        for (size_t j = 0; j < k->n_known && known < 0; j++)
            if (strcasecmp(cell, k->known[j]) == 0)
                known = (int)j;
        for (size_t j = 0; j < i && !earlier; j++) {
            char *other = trimmed(L->fields[j].text);
            earlier = other && strcasecmp(other, cell) == 0;
            free(other);
        }
        if (strncmp(cell, "\xEF\xBB\xBF", 3) == 0) {
            csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col,
                          "byte order mark inside a field (only one at the start of the file "
                          "is allowed)");
            L->s->stop = 1;
        } else if (!*cell) {
            csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "empty column name%s",
                          i + 1 == n && n > 1 ? " (trailing comma?)" : "");
            L->s->stop = 1;
        } else if (earlier) {
            csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col, "repeated column '%s'",
                          csvscan_shown(cell, b1));
            L->s->stop = 1;
        } else if (known >= 0) {
            L->at[known] = (int)i;
        } else {
            unknown[i] = 1;
        }
        free(cell);
    }
    /* Then the other columns, now that every known one is placed. */
    for (size_t i = 0; i < n && !L->s->stop; i++) {
        if (!unknown[i])
            continue;
        const bc_csvfield *f = &L->fields[i];
        char *cell = trimmed(f->text);
        if (!cell) {
            csvscan_oom(L->s);
            break;
        }
        int near = near_known(k, cell, L->at);
        if (near >= 0) {
            csvscan_error(L->s, BC_EX_DATAERR, f->line, f->col,
                          "unknown column '%s' (did you mean '%s'?)", csvscan_shown(cell, b1),
                          csvscan_shown(k->known[near], b2));
            L->s->stop = 1;
        } else if (k->facets) {
            if (facets_add_col(fs, cell) < 0)
                csvscan_oom(L->s);
            else
                L->facet_at[L->n_facets++] = i;
        }
        free(cell);
    }
    free(unknown);
    if (L->s->stop) {
        /* Rows cannot be read under a wrong header: drop its facets again. */
        while ((int)fs->n > facet_base)
            facet_release(&fs->cols[--fs->n]);
        return;
    }
    for (size_t j = 0; j < k->n_required; j++) {
        if (L->at[j] >= 0)
            continue;
        csvscan_error(L->s, BC_EX_DATAERR, L->fields[0].line, past_end(L, stored),
                      "missing column '%s' (expected header '%s')", k->known[j],
                      catalog_expected_header(L->kind));
        L->s->stop = 1;
        return;
    }
    L->has_list = (L->kind == K_MODELS && L->at[MC_ALIASES] >= 0) ||
                  (L->kind == K_DATASETS &&
                   (L->at[DC_ALIASES] >= 0 || L->at[DC_TASKS] >= 0 || L->at[DC_LANGUAGES] >= 0));
    if (L->kind == K_DATASETS)
        cat->datasets_list_tasks = L->at[DC_TASKS] >= 0;
    if (L->kind == K_USAGE) {
        cat->usage_has_task = L->at[UC_TASK] >= 0;
        cat->usage_has_role = L->at[UC_ROLE] >= 0;
    }
}
