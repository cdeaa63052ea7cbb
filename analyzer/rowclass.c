/*
 * rowclass.c - classes of identical rows by hashing (see
 * rowclass.h).
 */
#include "rowclass.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

void rowclass_init(bc_rowclass *k)
{
    memset(k, 0, sizeof *k);
}

void rowclass_release(bc_rowclass *k)
{
    if (!k)
        return;
    free(k->of);
    free(k->start);
    free(k->members);
    rowclass_init(k);
}

/* FNV-1a style mix of every matrix row, with the row lengths as separators. */
static uint64_t row_hash(const bc_incidence *const *mats, size_t n_mats, size_t r)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n_mats; i++) {
        const bc_incidence *m = mats[i];
        h = (h ^ (uint64_t)INC_DEG(m, r)) * 1099511628211ULL;
        for (size_t j = m->rowptr[r]; j < m->rowptr[r + 1]; j++)
            h = (h ^ (uint64_t)(unsigned)m->col[j]) * 1099511628211ULL;
        h ^= h >> 29;
    }
    return h;
}

static int rows_equal(const bc_incidence *const *mats, size_t n_mats, size_t a, size_t b)
{
    for (size_t i = 0; i < n_mats; i++) {
        const bc_incidence *m = mats[i];
        size_t n = INC_DEG(m, a);
        if (n != INC_DEG(m, b) ||
            (n && memcmp(m->col + m->rowptr[a], m->col + m->rowptr[b], n * sizeof *m->col)))
            return 0;
    }
    return 1;
}

/*
 * Rows are taken in `order`; each looks its hash up in an open-addressing
 * table of the classes opened so far (first member and hash per class)
 * and joins the first identical one, or opens the next class.  Classes
 * are thus numbered by their first member in `order` without sorting.
 */
int rowclass_build(bc_rowclass *k, const bc_incidence *const *mats, size_t n_mats,
                   const int *order)
{
    rowclass_init(k);
    size_t R = mats[0]->nrows, alloc = R ? R : 1, n_slots = 16;
    while (n_slots < 2 * R)
        n_slots *= 2;
    int *slot = malloc(n_slots * sizeof *slot);         /* class, -1 when empty */
    uint64_t *hash = malloc(alloc * sizeof *hash);      /* per class */
    int *first = malloc(alloc * sizeof *first);         /* per class: its first row */
    size_t *fill = NULL;
    k->of = malloc(alloc * sizeof *k->of);
    k->members = malloc(alloc * sizeof *k->members);
    if (!slot || !hash || !first || !k->of || !k->members)
        goto oom;
    memset(slot, 0xff, n_slots * sizeof *slot);
    size_t n = 0, mask = n_slots - 1;
    for (size_t i = 0; i < R; i++) {
        int r = order[i];
        uint64_t h = row_hash(mats, n_mats, (size_t)r);
        size_t j = (size_t)(h ^ (h >> 32)) & mask;
        int c = -1;
        for (; slot[j] >= 0; j = (j + 1) & mask) {
            int x = slot[j];
            if (hash[x] == h && rows_equal(mats, n_mats, (size_t)r, (size_t)first[x])) {
                c = x;
                break;
            }
        }
        if (c < 0) {
            c = (int)n++;
            slot[j] = c;
            hash[c] = h;
            first[c] = r;
        }
        k->of[r] = c;
    }
    k->start = calloc(n + 1, sizeof *k->start);
    fill = calloc(n + 1, sizeof *fill);
    if (!k->start || !fill)
        goto oom;
    for (size_t r = 0; r < R; r++)
        k->start[k->of[r] + 1]++;
    for (size_t c = 0; c < n; c++)
        k->start[c + 1] += k->start[c];
    for (size_t i = 0; i < R; i++) {
        int r = order[i], c = k->of[r];
        k->members[k->start[c] + fill[c]++] = r;
    }
    k->n = n;
    k->nrows = R;
    free(slot);
    free(hash);
    free(first);
    free(fill);
    return BC_OK;
oom:
    free(slot);
    free(hash);
    free(first);
    free(fill);
    rowclass_release(k);
    return BC_EX_SOFTWARE;
}

int rowclass_matrix(const bc_rowclass *k, const bc_incidence *m, bc_incidence *out)
{
    incidence_init(out);
    size_t ones = 0;
    for (size_t c = 0; c < k->n; c++)
        ones += INC_DEG(m, (size_t)k->members[k->start[c]]);
    out->rowptr = malloc((k->n + 1) * sizeof *out->rowptr);
    out->col = malloc((ones ? ones : 1) * sizeof *out->col);
    if (!out->rowptr || !out->col) {
        incidence_release(out);
        return BC_EX_SOFTWARE;
    }
    out->nrows = k->n;
    out->ncols = m->ncols;
    out->rowptr[0] = 0;
    for (size_t c = 0; c < k->n; c++) {
        size_t r = (size_t)k->members[k->start[c]], d = INC_DEG(m, r);
        if (d)
            memcpy(out->col + out->rowptr[c], m->col + m->rowptr[r], d * sizeof *out->col);
        out->rowptr[c + 1] = out->rowptr[c] + d;
    }
    return BC_OK;
}
