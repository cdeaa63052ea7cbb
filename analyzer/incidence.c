/*
 * incidence.c - sparse 0/1 matrices by rows (see incidence.h).
 *
 * Built by a counting sort over the rows, then each row sorted and
 * de-duplicated: O(n log n) in the number of pairs, never dense.
 */
#include "incidence.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

void incidence_init(bc_incidence *m)
{
    memset(m, 0, sizeof *m);
}

void incidence_release(bc_incidence *m)
{
    if (!m)
        return;
    free(m->rowptr);
    free(m->col);
    incidence_init(m);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

void incidence_sort_row(int *a, size_t n)
{
    size_t i = 1;
    while (i < n && a[i - 1] <= a[i])
        i++;
    if (i >= n)
        return;
    if (n > 32) {
        qsort(a, n, sizeof *a, cmp_int);
        return;
    }
    for (; i < n; i++) {
        int x = a[i];
        size_t j = i;
        while (j > 0 && a[j - 1] > x) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

int incidence_from_pairs(bc_incidence *m, size_t nrows, size_t ncols,
                         const int *rows, const int *cols, size_t n)
{
    incidence_init(m);
    size_t *ptr = calloc(nrows + 1, sizeof *ptr);
    int *col = malloc((n ? n : 1) * sizeof *col);
    size_t *fill = calloc(nrows + 1, sizeof *fill);
    if (!ptr || !col || !fill)
        goto fail;
    for (size_t i = 0; i < n; i++) {
        assert(rows[i] >= 0 && (size_t)rows[i] < nrows);
        assert(cols[i] >= 0 && (size_t)cols[i] < ncols);
        ptr[rows[i] + 1]++;
    }
    for (size_t r = 0; r < nrows; r++)
        ptr[r + 1] += ptr[r];
    for (size_t i = 0; i < n; i++)
        col[ptr[rows[i]] + fill[rows[i]]++] = cols[i];
    /* Sort each row and squeeze out duplicates, compacting in place. */
    size_t out = 0;
    for (size_t r = 0; r < nrows; r++) {
        size_t b = ptr[r], e = ptr[r + 1];
        incidence_sort_row(col + b, e - b);
        size_t start = out;
        for (size_t i = b; i < e; i++)
            if (i == b || col[i] != col[i - 1])
                col[out++] = col[i];
        ptr[r] = start;
    }
    ptr[nrows] = out;
    free(fill);
    m->nrows = nrows;
    m->ncols = ncols;
    m->rowptr = ptr;
    m->col = col;
    return BC_OK;
fail:
    free(ptr);
    free(col);
    free(fill);
    return BC_EX_SOFTWARE;
}

int incidence_transpose(const bc_incidence *m, bc_incidence *out)
{
    /* Counting by column, then dealing the rows in order: each row of the
     * transpose comes out ascending, so nothing is sorted. */
    incidence_init(out);
    size_t n = incidence_ones(m), R = m->nrows, C = m->ncols;
    size_t *ptr = calloc(C + 1, sizeof *ptr);
    size_t *fill = malloc((C ? C : 1) * sizeof *fill);
    int *col = malloc((n ? n : 1) * sizeof *col);
    if (!ptr || !fill || !col) {
        free(ptr);
        free(fill);
        free(col);
        return BC_EX_SOFTWARE;
    }
    for (size_t i = 0; i < n; i++)
        ptr[m->col[i] + 1]++;
    for (size_t c = 0; c < C; c++) {
        ptr[c + 1] += ptr[c];
        fill[c] = ptr[c];
    }
    for (size_t r = 0; r < R; r++)
        for (size_t i = m->rowptr[r]; i < m->rowptr[r + 1]; i++)
            col[fill[m->col[i]]++] = (int)r;
    free(fill);
    out->nrows = C;
    out->ncols = R;
    out->rowptr = ptr;
    out->col = col;
    return BC_OK;
}

size_t incidence_ones(const bc_incidence *m)
{
    return m->rowptr ? m->rowptr[m->nrows] : 0;
}

int incidence_get(const bc_incidence *m, size_t r, int c)
{
    size_t lo = m->rowptr[r], hi = m->rowptr[r + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->col[mid] == c)
            return 1;
        if (m->col[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}
