/*
 * lint.c - likely curation slips (see lint.h).
 */
#include "lint.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "csvscan.h"
#include "names.h"

static void finding(bc_errors *errs, int strict, const char *file, long line, long col,
                    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

static void finding(bc_errors *errs, int strict, const char *file, long line, long col,
                    const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (strict)
        errors_add(errs, BC_EX_DATAERR, file, line, col, "%s", msg);
    else
        errors_add(errs, BC_OK, file, line, col, "warning: %s", msg);
}

/* Edits allowed between a lone spelling and an established one: 1 from 4 code points, 2 from 5. */
static size_t edit_limit(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xC0) != 0x80;
    return n >= 5 ? 2 : n >= 4 ? 1 : 0;
}

/* Equal but for ASCII case, ' ', '-', '_' and '.': `Q-Former` and `qformer`. */
static int same_loosely(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ' || *a == '-' || *a == '_' || *a == '.')
            a++;
        while (*b == ' ' || *b == '-' || *b == '_' || *b == '.')
            b++;
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
        if (x != y)
            return 0;
        if (!x)
            return 1;
        a++, b++;
    }
}

/* Whether the digits of a and b, read in order, are the same ('LLaMA 3' and 'LLaMA' differ). */
static int same_digits(const char *a, const char *b)
{
    for (;;) {
        while (*a && (*a < '0' || *a > '9'))
            a++;
        while (*b && (*b < '0' || *b > '9'))
            b++;
        if (*a != *b)
            return 0;
        if (!*a)
            return 1;
        a++, b++;
    }
}

/*
 * Whether a lone spelling s looks like a slip for t: the same but for
 * case or separators, or within edit_limit(s) edits with the same digits
 * (a version number is no slip: `LLaMA-2` beside `LLaMA`).
 */
static int looks_like_slip(const char *s, const char *t)
{
    if (same_loosely(s, t))
        return 1;
    size_t limit = edit_limit(s);
    return limit && same_digits(s, t) && names_distance(s, t, limit) <= limit;
}

/*
 * The spellings seen once in one facet column that look like a slip for
 * a spelling seen more often (the most common one is named; ties: the
 * first seen).
 */
static size_t lint_facet(const bc_facet *f, const char *file, int strict, bc_errors *errs)
{
    size_t n = 0;
    char b1[128], b2[128], b3[128];
    if (f->n_spellings > LINT_MAX_SPELLINGS)
        return 0;
    for (size_t i = 0; i < f->n_spellings; i++) {
        const bc_spelling *s = &f->spellings[i];
        if (s->count != 1)
            continue;
        const bc_spelling *best = NULL;
        for (size_t j = 0; j < f->n_spellings; j++) {
            const bc_spelling *t = &f->spellings[j];
            if (j == i || t->count < 2)
                continue;
            if (looks_like_slip(s->text, t->text) && (!best || t->count > best->count)) {
                best = t;
            }
        }
        if (!best)
            continue;
        finding(errs, strict, file, s->line, s->col,
                "%s '%s' appears once; elsewhere it is '%s' (%zu entries)",
                csvscan_shown(f->name, b3), csvscan_shown(s->text, b1),
                csvscan_shown(best->text, b2), best->count);
        n++;
    }
    return n;
}

size_t lint_catalog(const bc_catalog *cat, int strict, bc_errors *errs)
{
    size_t n = 0;
    char b1[128], b2[128];
    const bc_facets *sets[3] = { &cat->model_facets, &cat->dataset_facets, &cat->task_facets };
    const char *files[3] = { cat->path[BC_FILE_MODELS], cat->path[BC_FILE_DATASETS],
                             cat->path[BC_FILE_TASKS] };
    for (int k = 0; k < 3; k++)
        for (size_t c = 0; c < sets[k]->n; c++)
            n += lint_facet(&sets[k]->cols[c], files[k], strict, errs);

    /* Datasets of datasets.csv that no usage fact names. */
    unsigned char *used = calloc(cat->n_datasets + 1, 1);
    if (!used) {
        errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
        return n;
    }
    for (size_t i = 0; i < cat->n_usage; i++)
        if (cat->usage[i].dataset >= 0)
            used[cat->usage[i].dataset] = 1;
    for (size_t d = 0; d < cat->n_datasets; d++)
        if (!used[d] && cat->datasets[d].line > 0) {
            finding(errs, strict, cat->path[BC_FILE_DATASETS], cat->datasets[d].line, 1,
                    "dataset '%s' is never used in usage.csv",
                    csvscan_shown(cat->datasets[d].name, b1));
            n++;
        }
    free(used);

    /* Usage tasks the dataset's own `tasks` list omits (an empty list is unknown). */
    if (cat->datasets_list_tasks) {
        for (size_t i = 0; i < cat->n_usage; i++) {
            const bc_usage *u = &cat->usage[i];
            if (u->dataset < 0 || u->task < 0)
                continue;
            const bc_dataset *d = &cat->datasets[u->dataset];
            if (!d->n_tasks || d->line == 0)
                continue;
            size_t lo = 0, hi = d->n_tasks;   /* d->tasks is ascending */
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (d->tasks[mid] < u->task)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo < d->n_tasks && d->tasks[lo] == u->task)
                continue;
            finding(errs, strict, cat->path[BC_FILE_USAGE], u->line, u->task_col,
                    "task '%s' is not in the tasks of dataset '%s' (datasets.csv line %ld)",
                    csvscan_shown(cat->tasks[u->task].code, b1), csvscan_shown(d->name, b2),
                    d->line);
            n++;
        }
    }
    return n;
}
