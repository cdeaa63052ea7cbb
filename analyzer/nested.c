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

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/*
 * The pair scores of the rows of `m` (Almeida-Neto et al. 2008): sets
 * *sum to the sum over pairs with deg_i > deg_j > 0 of shared / deg_j
 * (fractions, not yet times 100) and *kept to the non-empty rows.
 *
 * The sum is regrouped by the smaller row j and its columns:
 *   sum_j (1 / deg_j) sum_{c in j} #{i in column c : deg_i > deg_j},
 * so no pair of rows is visited.  Each column lists its rows by
 * decreasing degree (rows dealt in a counting-sort order), and the rows
 * of c above j are the position where j's run of equal degrees starts.
 * O(E + R + C + max degree).  Returns 0 or -1 (out of memory).
 */
static int side_scores(const bc_incidence *m, double *sum, size_t *kept)
{
    size_t R = m->nrows, C = m->ncols, E = incidence_ones(m);
    size_t *deg = malloc((R ? R : 1) * sizeof *deg);
    int *order = malloc((R ? R : 1) * sizeof *order);
    size_t *colptr = calloc(C + 1, sizeof *colptr);
    size_t *fill = malloc((C ? C : 1) * sizeof *fill);
    size_t *bycol = malloc((E ? E : 1) * sizeof *bycol); /* row degrees, per column */
    int rc = -1;
    if (!deg || !order || !colptr || !fill || !bycol)
        goto done;
    row_degrees(m, deg);
    if (order_by_degree(deg, R, order) != 0)
        goto done;
    for (size_t i = 0; i < E; i++)
        colptr[m->col[i] + 1]++;
    for (size_t c = 0; c < C; c++) {
        colptr[c + 1] += colptr[c];
        fill[c] = colptr[c];
    }
    size_t nonempty = 0;
    for (size_t k = 0; k < R; k++) {
        int i = order[k];
        nonempty += deg[i] > 0;
        for (size_t p = m->rowptr[i]; p < m->rowptr[i + 1]; p++)
            bycol[fill[m->col[p]]++] = deg[i];
    }
    double total = 0;
    for (size_t c = 0; c < C; c++) {
        size_t run = colptr[c];
        for (size_t q = colptr[c]; q < colptr[c + 1]; q++) {
            if (bycol[q] != bycol[run])
                run = q;
            if (run > colptr[c])
                total += (double)(run - colptr[c]) / (double)bycol[q];
        }
    }
    *sum = total;
    *kept = nonempty;
    rc = 0;
done:
    free(deg);
    free(order);
    free(colptr);
    free(fill);
    free(bycol);
    return rc;
}

int nested_nodf(const bc_incidence *m, bc_nodf *out)
{
    bc_incidence t;
    incidence_init(&t);
    if (incidence_transpose(m, &t) != 0)
        return BC_EX_SOFTWARE;
    double srow, scol;
    size_t R, C;
    if (side_scores(m, &srow, &R) != 0 || side_scores(&t, &scol, &C) != 0) {
        incidence_release(&t);
        return BC_EX_SOFTWARE;
    }
    incidence_release(&t);
    double prow = (double)R * (double)(R ? R - 1 : 0) / 2.0;
    double pcol = (double)C * (double)(C ? C - 1 : 0) / 2.0;
    out->rows = prow > 0 ? 100.0 * srow / prow : 0.0;
    out->cols = pcol > 0 ? 100.0 * scol / pcol : 0.0;
    out->nodf = prow + pcol > 0 ? 100.0 * (srow + scol) / (prow + pcol) : 0.0;
    out->nrows = R;
    out->ncols = C;
    return BC_OK;
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
    if (nextra <= 32) { /* insertion sort: the same order as qsort, without its overhead */
        for (size_t i = 1; i < nextra; i++) {
            int x = extra[i];
            size_t j = i;
            while (j > 0 && extra[j - 1] > x) {
                extra[j] = extra[j - 1];
                j--;
            }
            extra[j] = x;
        }
    } else {
        qsort(extra, nextra, sizeof *extra, cmp_int);
    }
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
    if (copy_incidence(m, &work) != 0)
        return BC_EX_SOFTWARE;
    if (ws_init(&ws, &work) != 0) {
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
        rc = nested_nodf(&work, &x);
        if (rc != BC_OK)
            break;
        double delta = x.nodf - mean;
        mean += delta / (double)(k + 1);
        m2 += delta * (x.nodf - mean);
    }
    ws_release(&ws);
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
