/*
 * catalog.c - loads a catalog (see catalog.h): the catalog's lifecycle and
 * the driver that runs the scanner (csvscan.h) over each file and hands
 * its rows to catalog_header.c, catalog_rows.c and catalog_usage.c
 * (catalog_load.h).
 */
#include "catalog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog_load.h"
#include "strpool.h"

/* ------------------------------------------------------ catalog basics */

void catalog_init(bc_catalog *cat)
{
    memset(cat, 0, sizeof *cat);
}

static void ctx_release(load_ctx *ctx)
{
    for (int k = 0; k < K_USAGE; k++)
        names_free(ctx->failed[k]);
}

const char *catalog_text(bc_catalog *cat, const char *s)
{
    if (!cat->text && !(cat->text = strpool_new()))
        return NULL;
    return strpool_intern(cat->text, s);
}

void catalog_release(bc_catalog *cat)
{
    if (!cat)
        return;
    if (cat->load) {
        ctx_release(cat->load);
        free(cat->load);
    }
    for (size_t i = 0; i < cat->n_tasks; i++) {
        free(cat->tasks[i].code);
        free(cat->tasks[i].name);
        free(cat->tasks[i].facet);
    }
    for (size_t i = 0; i < cat->n_models; i++) {
        bc_model *m = &cat->models[i];
        free(m->name);
        strlist_release(&m->aliases);
        free(m->paper);
        free(m->facet);
    }
    for (size_t i = 0; i < cat->n_datasets; i++) {
        bc_dataset *d = &cat->datasets[i];
        free(d->name);
        strlist_release(&d->aliases);
        free(d->tasks);
        strlist_release(&d->languages);
        free(d->facet);
    }
    strpool_free(cat->text);
    free(cat->tasks);
    free(cat->models);
    free(cat->datasets);
    free(cat->usage);
    facets_release(&cat->task_facets);
    facets_release(&cat->model_facets);
    facets_release(&cat->dataset_facets);
    names_free(cat->model_names);
    names_free(cat->dataset_names);
    names_free(cat->task_codes);
    for (int k = 0; k < BC_FILES; k++)
        free(cat->path[k]);
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

int catalog_has_hours(const bc_catalog *cat)
{
    for (size_t d = 0; d < cat->n_datasets; d++)
        if (cat->datasets[d].hours >= 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------ one file */

/* A row from the scanner: the header, a data row, or one it rejected. */
static void on_row(bc_csvscan *s, void *user, int bad)
{
    loader *L = user;
    L->fields = s->fields;
    L->n_fields = s->n_fields;
    if (bad) {
        catalog_note_failed(L);
        return;
    }
    if (s->rows == 1) {
        catalog_header_row(L);
        return;
    }
    catalog_data_row(L);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/*
 * Without a `tasks` column in datasets.csv, a dataset serves the tasks its
 * usage facts name.  Returns 0, or -1 when memory runs out.
 */
static int derive_dataset_tasks(bc_catalog *cat)
{
    size_t nd = cat->n_datasets;
    size_t *count = calloc(nd + 1, sizeof *count);
    if (!count)
        return -1;
    for (size_t i = 0; i < cat->n_usage; i++)
        if (cat->usage[i].dataset >= 0 && cat->usage[i].task >= 0)
            count[cat->usage[i].dataset]++;
    for (size_t d = 0; d < nd; d++) {
        bc_dataset *ds = &cat->datasets[d];
        free(ds->tasks);
        ds->n_tasks = 0;
        if (!(ds->tasks = malloc((count[d] + 1) * sizeof *ds->tasks))) {
            free(count);
            return -1;
        }
    }
    free(count);
    for (size_t i = 0; i < cat->n_usage; i++) {
        const bc_usage *u = &cat->usage[i];
        if (u->dataset >= 0 && u->task >= 0) {
            bc_dataset *ds = &cat->datasets[u->dataset];
            ds->tasks[ds->n_tasks++] = u->task;
        }
    }
    for (size_t d = 0; d < nd; d++) {
        bc_dataset *ds = &cat->datasets[d];
        if (ds->n_tasks > 1)
            qsort(ds->tasks, ds->n_tasks, sizeof *ds->tasks, cmp_int);
        size_t u = 0;
        for (size_t i = 0; i < ds->n_tasks; i++)
            if (u == 0 || ds->tasks[u - 1] != ds->tasks[i])
                ds->tasks[u++] = ds->tasks[i];
        ds->n_tasks = u;
    }
    return 0;
}

static bc_facets *facets_of(bc_catalog *cat, file_kind kind)
{
    return kind == K_TASKS ? &cat->task_facets
           : kind == K_MODELS ? &cat->model_facets
           : kind == K_DATASETS ? &cat->dataset_facets : NULL;
}

/*
 * Reads one file, from `fp` or from data[0..len), into the catalog.
 * Returns the worst code it produced.
 */
static int load_file(bc_catalog *cat, load_ctx *ctx, file_kind kind, const char *path,
                     FILE *fp, const char *data, size_t len, bc_errors *errs)
{
    if (HAS_FILE(cat, kind))
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "catalog file '%s' read twice",
                          catalog_kinds[kind].file);
    /* Files come in schema order: a later file would find its references missing. */
    for (int k = kind + 1; k < K_COUNT; k++)
        if (HAS_FILE(cat, k))
            return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0,
                              "catalog file '%s' read after '%s'", catalog_kinds[kind].file,
                              catalog_kinds[k].file);
    cat->files |= 1u << kind;
    if (!(cat->path[kind] = strdup(path)))
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    bc_csvscan s;
    loader *L = calloc(1, sizeof *L);
    if (!L)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory while reading '%s'",
                          path);
    *L = (loader){ .cat = cat, .ctx = ctx, .s = &s, .kind = kind };
    csvscan_init(&s, path, errs, on_row, L);
    int rc = csvscan_run(&s, fp, data, len);
    if (!s.header_done && !s.stop && s.n_errors == 0)
        rc = errors_add(errs, BC_EX_DATAERR, path, 1, 1, "empty file, expected header '%s'",
                        catalog_expected_header(kind));
    ctx->file_ok[kind] = s.header_done && !s.stop && !s.oom;
    bc_facets *fs = facets_of(cat, kind);
    if ((fs && facets_finish(fs) < 0) ||
        (kind == K_USAGE && !cat->datasets_list_tasks && derive_dataset_tasks(cat) < 0))
        rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory while reading '%s'",
                        path);
    free(L->dups.slots);
    free(L);
    return rc;
}

/* ------------------------------------------------------------- entries */


/* Opens and loads one file; a missing optional file is skipped.  Returns the worst code. */
static int load_path(bc_catalog *cat, load_ctx *ctx, file_kind kind, const char *path,
                     int optional, bc_errors *errs)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        int e = errno;
        if (optional && e == ENOENT)
            return BC_OK;
        return errors_add(errs, e == ENOENT || e == ENOTDIR ? BC_EX_NOINPUT : BC_EX_IOERR, NULL,
                          0, 0, "cannot open '%s': %s", path, strerror(e));
    }
    struct stat st;
    int rc;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode))
        rc = errors_add(errs, BC_EX_NOINPUT, NULL, 0, 0, "cannot open '%s': %s", path,
                        strerror(EISDIR));
    else
        rc = load_file(cat, ctx, kind, path, fp, NULL, 0, errs);
    fclose(fp);
    return rc;
}

int catalog_load(bc_catalog *cat, const char *path, bc_errors *errs)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return errors_add(errs, BC_EX_NOINPUT, NULL, 0, 0, "cannot open '%s': %s", path,
                          strerror(errno));
    load_ctx ctx = { { 0 }, { 0 } };
    int rc = BC_OK;
    if (!S_ISDIR(st.st_mode)) {
        /* One usage file: every model, dataset and task is named by it. */
        rc = load_path(cat, &ctx, K_USAGE, path, 0, errs);
        ctx_release(&ctx);
        return rc;
    }
    size_t dlen = strlen(path);
    int slash = dlen > 0 && path[dlen - 1] == '/';
    for (int k = 0; k < K_COUNT && rc != BC_EX_SOFTWARE; k++) {
        size_t plen = dlen + 1 + strlen(catalog_kinds[k].file) + 1;
        char *file = malloc(plen);
        if (!file) {
            rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
            break;
        }
        snprintf(file, plen, "%s%s%s", path, slash ? "" : "/", catalog_kinds[k].file);
        int r = load_path(cat, &ctx, (file_kind)k, file, k != K_USAGE, errs);
        free(file);
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
        if (strcmp(which, catalog_kinds[k].which) != 0)
            continue;
        if (!cat->load && !(cat->load = calloc(1, sizeof *cat->load)))
            return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
        return load_file(cat, cat->load, (file_kind)k, path, NULL, data, len, errs);
    }
    return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "unknown catalog file kind '%s'", which);
}
