/*
 * concentration.c - Gini, HHI and Lorenz curve of dataset use per task
 * (Koch et al. 2021; see concentration.h).
 */
#include "concentration.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* A sorted copy of x, or NULL on OOM (n = 0 gives a 1-slot array). */
static double *sorted_copy(const double *x, size_t n)
{
    double *s = malloc((n ? n : 1) * sizeof *s);
    if (!s)
        return NULL;
    if (n)
        memcpy(s, x, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_double);
    return s;
}

/* Gini of values already sorted ascending. */
static double gini_sorted(const double *s, size_t n)
{
    double total = 0, acc = 0;
    for (size_t i = 0; i < n; i++) {
        total += s[i];
        /* weight 2i - n - 1 with i counted from 1 */
        acc += (2.0 * (double)(i + 1) - (double)n - 1.0) * s[i];
    }
    if (n == 0 || total <= 0)
        return 0;
    return acc / ((double)n * total);
}

double concentration_gini(const double *x, size_t n)
{
    double *s = sorted_copy(x, n);
    if (!s)
        return -1;
    double g = gini_sorted(s, n);
    free(s);
    return g;
}

int concentration_of(const double *x, size_t n, bc_concentration *out)
{
    memset(out, 0, sizeof *out);
    double *s = sorted_copy(x, n);
    if (!s)
        return BC_EX_SOFTWARE;
    double total = 0, top = 0;
    for (size_t i = 0; i < n; i++) {
        total += s[i];
        if (s[i] > top)
            top = s[i];
    }
    out->n = n;
    out->total = total;
    if (n > 0 && total > 0) {
        double hhi = 0;
        for (size_t i = 0; i < n; i++)
            hhi += (s[i] / total) * (s[i] / total);
        out->gini = gini_sorted(s, n);
        out->hhi = hhi;
        out->effective = 1.0 / hhi;
        out->top_share = top / total;
    }
    free(s);
    return BC_OK;
}

double *concentration_task_counts(const bc_bipartite *b, int task, size_t *n)
{
    /* The task's pairs, ascending; pairs are sorted by dataset, so x follows dataset order. */
    size_t lo = b->tp.rowptr[task], k = b->tp.rowptr[task + 1] - lo;
    *n = 0;
    if (k == 0)
        return NULL;
    double *x = malloc(k * sizeof *x);
    if (!x) {
        *n = (size_t)-1;
        return NULL;
    }
    for (size_t i = 0; i < k; i++)
        x[i] = (double)b->pair_models[b->tp.col[lo + i]];
    *n = k;
    return x;
}

int concentration_task(const bc_bipartite *b, int task, bc_concentration *out)
{
    size_t n;
    double *x = concentration_task_counts(b, task, &n);
    if (!x && n == (size_t)-1) {
        memset(out, 0, sizeof *out);
        return BC_EX_SOFTWARE;
    }
    int rc = concentration_of(x, n, out);
    free(x);
    return rc;
}

int concentration_lorenz(const double *x, size_t n, double **px, double **py, size_t *npts)
{
    *px = *py = NULL;
    *npts = 0;
    double *s = sorted_copy(x, n);
    double *cx = malloc((n + 1) * sizeof *cx);
    double *cy = malloc((n + 1) * sizeof *cy);
    if (!s || !cx || !cy) {
        free(s);
        free(cx);
        free(cy);
        return BC_EX_SOFTWARE;
    }
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += s[i];
    double run = 0;
    cx[0] = cy[0] = 0;
    for (size_t i = 1; i <= n; i++) {
        run += s[i - 1];
        cx[i] = (double)i / (double)n;
        cy[i] = total > 0 ? run / total : cx[i];
    }
    if (n > 0)
        cy[n] = 1; /* exact, whatever the rounding of the running sum */
    free(s);
    *px = cx;
    *py = cy;
    *npts = n + 1;
    return BC_OK;
}
