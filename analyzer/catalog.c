/*
 * catalog.c - loads the four catalog files (see catalog.h): the catalog's
 * lifecycle, the enumerations, and the driver that runs the scanner
 * (csvscan.h) over each file and hands its rows to catalog_header.c and
 * catalog_rows.c (catalog_load.h).
 */
#include "catalog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "catalog_load.h"

/* ---------------------------------------------------------------- enums */

const char *const catalog_modality_names[BC_MOD_COUNT] = {
    "", "speech", "sound", "music", "vision", "text", "multi"
};
const char *const catalog_fusion_names[BC_FUSION_COUNT] = {
    "", "projection", "q-former", "cross-attention", "discrete-tokens", "cascade", "other"
};
const char *const catalog_output_names[BC_OUTPUT_COUNT] = { "", "text", "speech", "any" };

const char *modality_name(bc_modality m)
{
    return (unsigned)m < BC_MOD_COUNT ? catalog_modality_names[m] : "";
}

const char *fusion_name(bc_fusion f)
{
    return (unsigned)f < BC_FUSION_COUNT ? catalog_fusion_names[f] : "";
}

const char *output_name(bc_output o)
{
    return (unsigned)o < BC_OUTPUT_COUNT ? catalog_output_names[o] : "";
}

/* Index of `s` among names[1..n), or 0 when absent. */
int catalog_enum_find(const char *const *names, int n, const char *s)
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

/*
 * Reads one file, from `fp` or from data[0..len), into the catalog.
 * Returns the worst code it produced.
 */
static int load_file(bc_catalog *cat, load_ctx *ctx, file_kind kind, const char *path,
                     FILE *fp, const char *data, size_t len, bc_errors *errs)
{
    bc_csvscan s;
    loader L = { .cat = cat, .ctx = ctx, .s = &s, .kind = kind };
    csvscan_init(&s, path, errs, on_row, &L);
    int rc = csvscan_run(&s, fp, data, len);
    if (!s.header_done && !s.stop && s.n_errors == 0)
        rc = errors_add(errs, BC_EX_DATAERR, path, 1, 1, "empty file, expected header '%s'",
                        catalog_kinds[kind].header);
    ctx->file_ok[kind] = s.header_done && !s.stop && !s.oom;
    free(L.dups.slots);
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
        size_t plen = dlen + 1 + strlen(catalog_kinds[k].file) + 1;
        char *path = malloc(plen);
        if (!path) {
            rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
            break;
        }
        snprintf(path, plen, "%s%s%s", dir, slash ? "" : "/", catalog_kinds[k].file);
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
        if (strcmp(which, catalog_kinds[k].which) != 0)
            continue;
        load_ctx ctx = { { 1, 1, 1, 1 }, { 0 } };
        int rc = load_file(cat, &ctx, (file_kind)k, path, NULL, data, len, errs);
        ctx_release(&ctx);
        return rc;
    }
    return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "unknown catalog file kind '%s'", which);
}
