/*
 * nested.c - NODF by sparse co-occurrence, the nested display order and
 * the curveball null model (see nested.h for the definitions and costs).
 */
#include "nested.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

/*
 * Stable counting sort of n items by decreasing deg[], ties by index:
 * order[k] is the item at position k.  Returns 0 or -1 (out of memory).
 */
static int order_by_degree(const size_t *deg, size_t n, int *order)
{
    size_t maxdeg = 0;
    for (size_t i = 0; i < n; i++)
        if (deg[i] > maxdeg)
            maxdeg = deg[i];
    /* start[d] = first position of degree d, positions by decreasing d. */
    size_t *start = calloc(maxdeg + 2, sizeof *start);
    if (!start)
        return -1;
    for (size_t i = 0; i < n; i++)
        start[maxdeg - deg[i] + 1]++;
    for (size_t k = 1; k <= maxdeg + 1; k++)
        start[k] += start[k - 1];
    for (size_t i = 0; i < n; i++)
        order[start[maxdeg - deg[i]]++] = (int)i;
    free(start);
    return 0;
}

static void row_degrees(const bc_incidence *m, size_t *deg)
{
    for (size_t r = 0; r < m->nrows; r++)
        deg[r] = INC_DEG(m, r);
}

static void col_degrees(const bc_incidence *m, size_t *deg)
{
    memset(deg, 0, m->ncols * sizeof *deg);
    size_t e = incidence_ones(m);
    for (size_t i = 0; i < e; i++)
        deg[m->col[i]]++;
}

int nested_order(const bc_incidence *m, int *row_order, int *col_order)
{
    size_t n = m->nrows > m->ncols ? m->nrows : m->ncols;
    size_t *deg = malloc((n ? n : 1) * sizeof *deg);
    if (!deg)
        return BC_EX_SOFTWARE;
    int rc = BC_OK;
    if (row_order) {
        row_degrees(m, deg);
        if (order_by_degree(deg, m->nrows, row_order) != 0)
            rc = BC_EX_SOFTWARE;
    }
    if (rc == BC_OK && col_order) {
        col_degrees(m, deg);
        if (order_by_degree(deg, m->ncols, col_order) != 0)
            rc = BC_EX_SOFTWARE;
    }
    free(deg);
    return rc;
}

/* Scratch space of one NODF computation, kept across the null matrices. */
typedef struct {
    size_t R, C, E;     /* the shape it was made for */
    size_t *deg;        /* R: row degrees */
    int *order;         /* R: rows by decreasing degree */
    size_t *colptr;     /* C + 1: start of each column's run in bycol */
    size_t *fill;       /* C: next free slot of each column */
    unsigned *bycol;    /* E: row degrees, per column, decreasing */
    unsigned *coldeg;   /* C: column degrees */
    unsigned *rowbuf;   /* largest row: its columns' degrees */
} nodf_ws;

static void nodf_ws_release(nodf_ws *w)
{
    free(w->deg);
    free(w->order);
    free(w->colptr);
    free(w->fill);
    free(w->bycol);
    free(w->coldeg);
    free(w->rowbuf);
    memset(w, 0, sizeof *w);
}

static int nodf_ws_init(nodf_ws *w, const bc_incidence *m)
{
    memset(w, 0, sizeof *w);
    size_t R = m->nrows, C = m->ncols, E = incidence_ones(m), maxdeg = 0;
    for (size_t r = 0; r < R; r++)
        if (INC_DEG(m, r) > maxdeg)
            maxdeg = INC_DEG(m, r);
    w->R = R;
    w->C = C;
    w->E = E;
    w->deg = malloc((R ? R : 1) * sizeof *w->deg);
    w->order = malloc((R ? R : 1) * sizeof *w->order);
    w->colptr = malloc((C + 1) * sizeof *w->colptr);
    w->fill = malloc((C ? C : 1) * sizeof *w->fill);
    w->bycol = malloc((E ? E : 1) * sizeof *w->bycol);
    w->coldeg = malloc((C ? C : 1) * sizeof *w->coldeg);
    w->rowbuf = malloc((maxdeg ? maxdeg : 1) * sizeof *w->rowbuf);
    if (!w->deg || !w->order || !w->colptr || !w->fill || !w->bycol || !w->coldeg ||
        !w->rowbuf) {
        nodf_ws_release(w);
        return -1;
    }
    return 0;
}

/*
 * The pair score of the rows of `m` (Almeida-Neto et al. 2008): the sum
 * over pairs with deg_i > deg_j > 0 of shared / deg_j (fractions, not yet
 * times 100); *kept gets the non-empty rows.
 *
 * The sum is regrouped by the smaller row j and its columns:
 *   sum_j (1 / deg_j) sum_{c in j} #{i in column c : deg_i > deg_j},
 * so no pair of rows is visited.  Each column lists its rows by
 * decreasing degree (rows dealt in a counting-sort order), and the rows
 * of c above j are the position where j's run of equal degrees starts.
 * O(E + R + C + max degree).  Returns 0 or -1 (out of memory).
 */
static int row_score(const bc_incidence *m, nodf_ws *w, double *sum, size_t *kept)
{
    size_t R = m->nrows, C = m->ncols, E = incidence_ones(m);
    row_degrees(m, w->deg);
    if (order_by_degree(w->deg, R, w->order) != 0)
        return -1;
    memset(w->colptr, 0, (C + 1) * sizeof *w->colptr);
    for (size_t i = 0; i < E; i++)
        w->colptr[m->col[i] + 1]++;
    for (size_t c = 0; c < C; c++) {
        w->colptr[c + 1] += w->colptr[c];
        w->fill[c] = w->colptr[c];
    }
    size_t nonempty = 0;
    for (size_t k = 0; k < R; k++) {
        int i = w->order[k];
        nonempty += w->deg[i] > 0;
        for (size_t p = m->rowptr[i]; p < m->rowptr[i + 1]; p++)
            w->bycol[w->fill[m->col[p]]++] = (unsigned)w->deg[i];
    }
    double total = 0;
    for (size_t c = 0; c < C; c++) {
        size_t run = w->colptr[c];
        for (size_t q = w->colptr[c]; q < w->colptr[c + 1]; q++) {
            if (w->bycol[q] != w->bycol[run])
                run = q;
            if (run > w->colptr[c])
                total += (double)(run - w->colptr[c]) / (double)w->bycol[q];
        }
    }
    *sum = total;
    *kept = nonempty;
    return 0;
}

/* Sorts a[0..n) into decreasing order (rows are short: insertion sort). */
static void sort_desc(unsigned *a, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        unsigned x = a[i];
        size_t j = i;
        while (j > 0 && a[j - 1] < x) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

static int cmp_unsigned_desc(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return (x < y) - (x > y);
}

/*
 * The same score for the columns, without a transpose: a row of `m` is a
 * column's list of the transpose, so each row's column degrees, sorted
 * decreasing, play the part of bycol above.  Terms are added in the same
 * order as row_score of the transpose would add them.  *kept gets the
 * non-empty columns.
 */
static void col_score(const bc_incidence *m, nodf_ws *w, double *sum, size_t *kept)
{
    size_t R = m->nrows, C = m->ncols, E = incidence_ones(m), nonempty = 0;
    memset(w->coldeg, 0, C * sizeof *w->coldeg);
    for (size_t i = 0; i < E; i++)
        w->coldeg[m->col[i]]++;
    for (size_t c = 0; c < C; c++)
        nonempty += w->coldeg[c] > 0;
    double total = 0;
    for (size_t r = 0; r < R; r++) {
        size_t n = INC_DEG(m, r);
        const int *cols = m->col + m->rowptr[r];
        for (size_t q = 0; q < n; q++)
            w->rowbuf[q] = w->coldeg[cols[q]];
        if (n <= 32)
            sort_desc(w->rowbuf, n);
        else
            qsort(w->rowbuf, n, sizeof *w->rowbuf, cmp_unsigned_desc);
        size_t run = 0;
        for (size_t q = 0; q < n; q++) {
            if (w->rowbuf[q] != w->rowbuf[run])
                run = q;
            if (run > 0)
                total += (double)run / (double)w->rowbuf[q];
        }
    }
    *sum = total;
    *kept = nonempty;
}

/* NODF of `m` with the scratch space `w` (made for m's shape). */
static int nodf_with(const bc_incidence *m, nodf_ws *w, bc_nodf *out)
{
    double srow, scol;
    size_t R, C;
    if (row_score(m, w, &srow, &R) != 0)
        return BC_EX_SOFTWARE;
    col_score(m, w, &scol, &C);
    double prow = (double)R * (double)(R ? R - 1 : 0) / 2.0;
    double pcol = (double)C * (double)(C ? C - 1 : 0) / 2.0;
    out->rows = prow > 0 ? 100.0 * srow / prow : 0.0;
    out->cols = pcol > 0 ? 100.0 * scol / pcol : 0.0;
    out->nodf = prow + pcol > 0 ? 100.0 * (srow + scol) / (prow + pcol) : 0.0;
    out->nrows = R;
    out->ncols = C;
    return BC_OK;
}

int nested_nodf(const bc_incidence *m, bc_nodf *out)
{
    nodf_ws w;
    if (nodf_ws_init(&w, m) != 0)
        return BC_EX_SOFTWARE;
    int rc = nodf_with(m, &w, out);
    nodf_ws_release(&w);
    return rc;
}

/* Scratch space for curveball trades, sized by the largest row. */
typedef struct {
    int *nonempty; /* the rows that can trade */
    size_t n_nonempty;
    int *both;     /* columns two rows share */
    int *pool;     /* columns only one of them has */
    int *merged;   /* a row being rebuilt */
} curveball_ws;

/* Rebuilds row r from the sorted `both` and the unsorted pool slice. */
static void rebuild_row(bc_incidence *m, size_t r, const int *both, size_t nboth,
                        int *extra, size_t nextra, int *merged)
{
    incidence_sort_row(extra, nextra);
    size_t a = 0, b = 0, k = 0;
    while (a < nboth || b < nextra) {
        if (b == nextra || (a < nboth && both[a] < extra[b]))
            merged[k++] = both[a++];
        else
            merged[k++] = extra[b++];
    }
    assert(k == INC_DEG(m, r));
    memcpy(m->col + m->rowptr[r], merged, k * sizeof *merged);
}

/* One curveball trade between rows ra and rb (Strona et al. 2014). */
static void trade(bc_incidence *m, size_t ra, size_t rb, curveball_ws *ws,
                  bc_rng *rng)
{
    const int *a = m->col + m->rowptr[ra], *b = m->col + m->rowptr[rb];
    size_t na = INC_DEG(m, ra), nb = INC_DEG(m, rb);
    size_t i = 0, j = 0, nboth = 0, nonly_a = 0, npool = 0;
    /* Walk both sorted rows: a's own columns first in the pool, then b's. */
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            ws->both[nboth++] = a[i];
            i++;
            j++;
        } else if (a[i] < b[j]) {
            ws->pool[npool++] = a[i++];
        } else {
            j++;
        }
    }
    while (i < na)
        ws->pool[npool++] = a[i++];
    nonly_a = npool;
    if (nonly_a == 0 || nonly_a == na + nb - 2 * nboth)
        return; /* one row contains the other: nothing to swap */
    i = j = 0;
    while (j < nb) {
        if (i < na && a[i] < b[j])
            i++;
        else if (i < na && a[i] == b[j]) {
            i++;
            j++;
        } else
            ws->pool[npool++] = b[j++];
    }
    rng_shuffle_int(rng, ws->pool, npool);
    rebuild_row(m, ra, ws->both, nboth, ws->pool, nonly_a, ws->merged);
    rebuild_row(m, rb, ws->both, nboth, ws->pool + nonly_a, npool - nonly_a,
                ws->merged);
}

static void ws_release(curveball_ws *ws)
{
    free(ws->nonempty);
    free(ws->both);
    free(ws->pool);
    free(ws->merged);
    memset(ws, 0, sizeof *ws);
}

static int ws_init(curveball_ws *ws, const bc_incidence *m)
{
    memset(ws, 0, sizeof *ws);
    size_t maxdeg = 0;
    for (size_t r = 0; r < m->nrows; r++)
        if (INC_DEG(m, r) > maxdeg)
            maxdeg = INC_DEG(m, r);
    ws->nonempty = malloc((m->nrows ? m->nrows : 1) * sizeof *ws->nonempty);
    ws->both = malloc((maxdeg ? maxdeg : 1) * sizeof *ws->both);
    ws->pool = malloc((maxdeg ? 2 * maxdeg : 1) * sizeof *ws->pool);
    ws->merged = malloc((maxdeg ? maxdeg : 1) * sizeof *ws->merged);
    if (!ws->nonempty || !ws->both || !ws->pool || !ws->merged) {
        ws_release(ws);
        return -1;
    }
    for (size_t r = 0; r < m->nrows; r++)
        if (INC_DEG(m, r) > 0)
            ws->nonempty[ws->n_nonempty++] = (int)r;
    return 0;
}

static void run_trades(bc_incidence *m, size_t trades, curveball_ws *ws,
                       bc_rng *rng)
{
    size_t n = ws->n_nonempty;
    if (n < 2)
        return;
    for (size_t k = 0; k < trades; k++) {
        size_t x = (size_t)rng_below(rng, n);
        size_t y = (size_t)rng_below(rng, n - 1);
        if (y >= x)
            y++;
        trade(m, (size_t)ws->nonempty[x], (size_t)ws->nonempty[y], ws, rng);
    }
}

int nested_curveball(bc_incidence *m, size_t trades, bc_rng *rng)
{
    curveball_ws ws;
    if (ws_init(&ws, m) != 0)
        return BC_EX_SOFTWARE;
    run_trades(m, trades, &ws, rng);
    ws_release(&ws);
    return BC_OK;
}

/* Deep copy into `out` (fresh). Returns 0 or -1 (out of memory). */
static int copy_incidence(const bc_incidence *m, bc_incidence *out)
{
    incidence_init(out);
    size_t e = incidence_ones(m);
    out->rowptr = malloc((m->nrows + 1) * sizeof *out->rowptr);
    out->col = malloc((e ? e : 1) * sizeof *out->col);
    if (!out->rowptr || !out->col) {
        incidence_release(out);
        return -1;
    }
    out->nrows = m->nrows;
    out->ncols = m->ncols;
    if (m->rowptr)
        memcpy(out->rowptr, m->rowptr, (m->nrows + 1) * sizeof *out->rowptr);
    else
        out->rowptr[0] = 0;
    if (e)
        memcpy(out->col, m->col, e * sizeof *out->col);
    return 0;
}

void nested_null_size(const bc_incidence *m, unsigned n_max, unsigned *n, size_t *trades)
{
    size_t rows = 0, E = incidence_ones(m);
    for (size_t r = 0; r < m->nrows; r++)
        rows += INC_DEG(m, r) > 0;
    double per_trade = rows ? 2.0 * (double)E / (double)rows : 0;
    size_t t = 5 * rows;
    double per_matrix = (double)t * per_trade + 4.0 * (double)E;
    unsigned k = n_max;
    if (per_matrix * k > NESTED_NULL_WORK) {
        double fit = NESTED_NULL_WORK / per_matrix;
        k = fit < NESTED_NULL_MIN ? NESTED_NULL_MIN : (unsigned)fit;
        if (k > n_max)
            k = n_max;
    }
    if (per_matrix * k > NESTED_NULL_WORK && per_trade > 0) {
        double fit = (NESTED_NULL_WORK / k - 4.0 * (double)E) / per_trade;
        t = fit < (double)rows / 2 ? (rows + 1) / 2 : (size_t)fit;
    }
    *n = k;
    *trades = t;
}

int nested_nodf_z(const bc_incidence *m, unsigned n_null, uint64_t seed,
                  bc_nodf *obs, bc_nodf_null *out)
{
    size_t rows = 0;
    for (size_t r = 0; r < m->nrows; r++)
        rows += INC_DEG(m, r) > 0;
    return nested_nodf_z_sized(m, n_null, 5 * rows, seed, obs, out);
}

int nested_nodf_z_sized(const bc_incidence *m, unsigned n_null, size_t trades, uint64_t seed,
                        bc_nodf *obs, bc_nodf_null *out)
{
    bc_nodf o;
    int rc = nested_nodf(m, &o);
    if (rc != BC_OK)
        return rc;
    bc_incidence work;
    curveball_ws ws;
    nodf_ws nw;
    if (copy_incidence(m, &work) != 0)
        return BC_EX_SOFTWARE;
    if (ws_init(&ws, &work) != 0) {
        incidence_release(&work);
        return BC_EX_SOFTWARE;
    }
    if (nodf_ws_init(&nw, &work) != 0) {
        ws_release(&ws);
        incidence_release(&work);
        return BC_EX_SOFTWARE;
    }
    bc_rng rng;
    rng_init(&rng, seed);
    /* Welford's running mean and sum of squared deviations. */
    double mean = 0, m2 = 0;
    rc = BC_OK;
    for (unsigned k = 0; k < n_null; k++) {
        run_trades(&work, trades, &ws, &rng);
        bc_nodf x;
        rc = nodf_with(&work, &nw, &x);
        if (rc != BC_OK)
            break;
        double delta = x.nodf - mean;
        mean += delta / (double)(k + 1);
        m2 += delta * (x.nodf - mean);
    }
    ws_release(&ws);
    nodf_ws_release(&nw);
    incidence_release(&work);
    if (rc != BC_OK)
        return rc;
    double sd = n_null >= 2 ? sqrt(m2 / (double)(n_null - 1)) : 0.0;
    if (n_null == 0)
        mean = o.nodf;
    if (sd < 1e-9)
        sd = 0.0;
    out->mean = mean;
    out->sd = sd;
    out->z = sd > 0 ? (o.nodf - mean) / sd : 0.0;
    out->n = n_null;
    out->trades = trades;
    if (obs)
        *obs = o;
    return BC_OK;
}
