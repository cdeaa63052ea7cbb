/*
 * error.c - the diagnostic list (see error.h).
 */
#include "error.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void errors_init(bc_errors *e)
{
    memset(e, 0, sizeof *e);
}

void errors_release(bc_errors *e)
{
    if (!e)
        return;
    for (size_t i = 0; i < e->n; i++) {
        free(e->items[i].file);
        free(e->items[i].msg);
    }
    free(e->items);
    errors_init(e);
}

static char *dup_or_null(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

int errors_add(bc_errors *e, int code, const char *file, long line, long col,
               const char *fmt, ...)
{
    if (code > e->code)
        e->code = code;
    if (e->n >= BC_MAX_ERRORS) {
        e->dropped++;
        return code;
    }
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 8;
        bc_diag *items = realloc(e->items, cap * sizeof *items);
        if (!items)
            goto oom;
        e->items = items;
        e->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        goto oom;
    char *msg = malloc((size_t)len + 1);
    if (!msg)
        goto oom;
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)len + 1, fmt, ap);
    va_end(ap);
    char *f = dup_or_null(file);
    if (file && !f) {
        free(msg);
        goto oom;
    }
    e->items[e->n++] = (bc_diag){ f, line, col, msg };
    return code;
oom:
    e->lost++;
    if (e->code < BC_EX_SOFTWARE)
        e->code = BC_EX_SOFTWARE;
    return code;
}

void errors_print(const bc_errors *e, FILE *fp)
{
    for (size_t i = 0; i < e->n; i++) {
        const bc_diag *d = &e->items[i];
        fputs("benchcov: ", fp);
        if (d->file) {
            fputs(d->file, fp);
            if (d->line > 0) {
                fprintf(fp, ":%ld", d->line);
                if (d->col > 0)
                    fprintf(fp, ":%ld", d->col);
            }
            fputs(": ", fp);
        }
        fputs(d->msg, fp);
        fputc('\n', fp);
    }
    if (e->dropped)
        fprintf(fp, "benchcov: %zu more error%s not shown\n", e->dropped,
                e->dropped == 1 ? "" : "s");
    if (e->lost)
        fprintf(fp, "benchcov: out of memory (%zu message%s lost)\n", e->lost,
                e->lost == 1 ? "" : "s");
}
