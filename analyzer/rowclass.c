/*
 * rowclass.c - classes of identical rows by hashing and sorting (see
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

typedef struct {
    uint64_t hash;
    int rank; /* position in the given order */
    int row;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return (x->rank > y->rank) - (x->rank < y->rank);
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

int rowclass_build(bc_rowclass *k, const bc_incidence *const *mats, size_t n_mats,
                   const int *order)
{
    rowclass_init(k);
    size_t R = mats[0]->nrows, alloc = R ? R : 1;
    keyed *key = malloc(alloc * sizeof *key);
    int *rank = malloc(alloc * sizeof *rank);
    int *first_rank = malloc(alloc * sizeof *first_rank); /* per provisional class */
    int *renum = malloc(alloc * sizeof *renum);
    k->of = malloc(alloc * sizeof *k->of);
    k->members = malloc(alloc * sizeof *k->members);
    if (!key || !rank || !first_rank || !renum || !k->of || !k->members)
        goto oom;
    for (size_t i = 0; i < R; i++)
        rank[order[i]] = (int)i;
    for (size_t r = 0; r < R; r++)
        key[r] = (keyed){ row_hash(mats, n_mats, r), rank[r], (int)r };
    qsort(key, R, sizeof *key, cmp_keyed);
    /* Provisional classes: within a run of equal hashes, compare with the
     * first member of each class opened in that run (collisions are rare,
     * so runs hold one class almost always). */
    size_t n = 0;
    for (size_t i = 0; i < R;) {
        size_t j = i;
        while (j < R && key[j].hash == key[i].hash)
            j++;
        size_t run_first = n;
        for (size_t x = i; x < j; x++) {
            int r = key[x].row, c = -1;
            for (size_t y = run_first; y < n && c < 0; y++)
                if (rows_equal(mats, n_mats, (size_t)r, (size_t)order[first_rank[y]]))
                    c = (int)y;
            if (c < 0) {
                c = (int)n++;
                first_rank[c] = key[x].rank; /* ranks ascend within the run */
            }
            k->of[r] = c;
        }
        i = j;
    }
    /* Number classes by their first member in `order`, members in order. */
    k->start = calloc(n + 1, sizeof *k->start);
    if (!k->start)
        goto oom;
    for (size_t c = 0; c < n; c++)
        renum[c] = -1;
    size_t next = 0;
    for (size_t i = 0; i < R; i++) {
        int c = k->of[order[i]];
        if (renum[c] < 0)
            renum[c] = (int)next++;
    }
    for (size_t r = 0; r < R; r++) {
        k->of[r] = renum[k->of[r]];
        k->start[k->of[r] + 1]++;
    }
    for (size_t c = 0; c < n; c++)
        k->start[c + 1] += k->start[c];
    for (size_t c = 0; c < n; c++)
        renum[c] = 0; /* reused as fill counters */
    for (size_t i = 0; i < R; i++) {
        int r = order[i], c = k->of[r];
        k->members[k->start[c] + (size_t)renum[c]++] = r;
    }
    k->n = n;
    k->nrows = R;
    free(key);
    free(rank);
    free(first_rank);
    free(renum);
    return BC_OK;
oom:
    free(key);
    free(rank);
    free(first_rank);
    free(renum);
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
