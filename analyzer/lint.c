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

/* Code points of s. */
static size_t code_points(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        n += (*p & 0xC0) != 0x80;
    return n;
}

/* s folded as same_loosely compares it: ASCII lower case, no ' ', '-', '_', '.'. */
static char *loose_key(const char *s)
{
    char *k = malloc(strlen(s) + 1), *o = k;
    if (!k)
        return NULL;
    for (; *s; s++) {
        if (*s == ' ' || *s == '-' || *s == '_' || *s == '.')
            continue;
        *o++ = *s >= 'A' && *s <= 'Z' ? (char)(*s + 32) : *s;
    }
    *o = '\0';
    return k;
}

typedef struct {
    const char *key;       /* loose key, or NULL when sorting by length */
    size_t len;            /* code points */
    size_t idx;            /* spelling index */
} lint_entry;

static int by_key(const void *a, const void *b)
{
    const lint_entry *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

static int by_len(const void *a, const void *b)
{
    const lint_entry *x = a, *y = b;
    if (x->len != y->len)
        return (x->len > y->len) - (x->len < y->len);
    return (x->idx > y->idx) - (x->idx < y->idx);
}

/* First entry of e[0..n) (sorted by length) with len >= l. */
static size_t lower_len(const lint_entry *e, size_t n, size_t l)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e[mid].len < l)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether spelling j (count cj) beats the current best b: more entries, ties the first seen. */
static int better(const bc_facet *f, size_t j, long b)
{
    if (b < 0)
        return 1;
    size_t cj = f->spellings[j].count, cb = f->spellings[b].count;
    return cj > cb || (cj == cb && j < (size_t)b);
}

/*
 * The spellings seen once in one facet column that look like a slip for
 * a spelling seen more often (the most common one is named; ties: the
 * first seen).  Never every pair: the case-and-separator slips come from
 * sorting by the folded key; the edit slips compare a lone spelling only
 * with common spellings whose length is within its edit limit, and when
 * those comparisons would exceed LINT_MAX_PAIRS the edit search is left
 * out for the column and a note says so.
 */
static size_t lint_facet(const bc_facet *f, const char *file, int strict, bc_errors *errs)
{
    size_t n = 0, ns = f->n_spellings, nt = 0;
    char b1[128], b2[128], b3[128];
    lint_entry *keys = calloc(ns + 1, sizeof *keys), *targets = calloc(ns + 1, sizeof *targets);
    long *best = malloc((ns + 1) * sizeof *best);
    int ok = keys && targets && best;
    for (size_t i = 0; ok && i < ns; i++) {
        keys[i].key = loose_key(f->spellings[i].text);
        keys[i].idx = i;
        keys[i].len = code_points(f->spellings[i].text);
        best[i] = -1;
        if (!keys[i].key)
            ok = 0;
        else if (f->spellings[i].count >= 2)
            targets[nt++] = keys[i];
    }
    if (!ok) {
        errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
        goto done;
    }

    /* Case and separator slips: runs of one folded key. */
    qsort(keys, ns, sizeof *keys, by_key);
    for (size_t a = 0, b; a < ns; a = b) {
        long top = -1;
        for (b = a; b < ns && strcmp(keys[b].key, keys[a].key) == 0; b++)
            if (f->spellings[keys[b].idx].count >= 2 && better(f, keys[b].idx, top))
                top = (long)keys[b].idx;
        for (size_t c = a; c < b; c++)
            if (f->spellings[keys[c].idx].count == 1)
                best[keys[c].idx] = top;
    }

    /* Edit slips: common spellings by length, a window of +-limit per lone spelling. */
    qsort(targets, nt, sizeof *targets, by_len);
    size_t pairs = 0;
    for (size_t i = 0; i < ns; i++) {
        const bc_spelling *s = &f->spellings[i];
        size_t len = code_points(s->text), k = edit_limit(s->text);
        if (s->count == 1 && k)
            pairs += lower_len(targets, nt, len + k + 1) - lower_len(targets, nt, len - k);
    }
    if (pairs > LINT_MAX_PAIRS) {
        errors_add(errs, BC_OK, file, 0, 0,
                   "note: %s has %zu distinct spellings; only slips of case and separators "
                   "were searched, not one- or two-edit slips (%zu comparisons, limit %d)",
                   csvscan_shown(f->name, b3), ns, pairs, LINT_MAX_PAIRS);
    } else {
        for (size_t i = 0; i < ns; i++) {
            const bc_spelling *s = &f->spellings[i];
            size_t len = code_points(s->text), k = edit_limit(s->text);
            if (s->count != 1 || !k)
                continue;
            size_t hi = lower_len(targets, nt, len + k + 1);
            for (size_t t = lower_len(targets, nt, len - k); t < hi; t++) {
                size_t j = targets[t].idx;
                if (better(f, j, best[i]) && looks_like_slip(s->text, f->spellings[j].text))
                    best[i] = (long)j;
            }
        }
    }

    for (size_t i = 0; i < ns; i++) {
        if (best[i] < 0)
            continue;
        const bc_spelling *s = &f->spellings[i], *t = &f->spellings[best[i]];
        finding(errs, strict, file, s->line, s->col,
                "%s '%s' appears once; elsewhere it is '%s' (%zu entries)",
                csvscan_shown(f->name, b3), csvscan_shown(s->text, b1),
                csvscan_shown(t->text, b2), t->count);
        n++;
    }
done:
    if (keys)
        for (size_t i = 0; i < ns; i++)
            free((char *)keys[i].key);
    free(keys);
    free(targets);
    free(best);
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
