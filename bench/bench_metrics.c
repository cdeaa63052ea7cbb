/*
 * bench_metrics.c - the benchmark behind the performance claims of
 * DESIGN.md section 7 ("overlap works from sparse co-occurrence,
 * nestedness on bitsets ... no quadratic dense matrix over models") and
 * of the loader ("loading is streaming").
 *
 * Each claim is measured as a ratio against a peer run in the same
 * process on the same input, never as an absolute time:
 *
 *   nodf     nested_nodf() against the textbook dense NODF of
 *            Almeida-Neto et al. (Oikos 117, 2008): a dense 0/1 matrix,
 *            rows and columns sorted by degree, and for every pair of rows
 *            (then of columns) the shared count found by scanning every
 *            column (row), O(R^2 C + C^2 R).  Both values are compared.
 *   overlap  overlap_compute() against a dense M x D (M x T, M x P) scan
 *            of every model pair; every shared count is compared.
 *   load     catalog_load() of a generated catalog (the peer, Python's
 *            csv module, runs from bench/load_peer.py).
 *   gen      writes a valid generated catalog for `load`.
 *
 * Times are CLOCK_MONOTONIC, best of up to N repetitions (fewer when a
 * repetition budget in seconds runs out, at least one).  Output is one
 * tab-separated line per measurement, numbers printed with fmt_num, for
 * scripts/bench.sh to put into tables.  This program is not part of the
 * library nor of the tests: nothing here runs under ctest.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "bipartite.h"
#include "catalog.h"
#include "error.h"
#include "fmt.h"
#include "incidence.h"
#include "nested.h"
#include "overlap.h"
#include "rng.h"

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(const char *what)
{
    fprintf(stderr, "bench_metrics: %s\n", what);
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        die("out of memory");
    return p;
}

/* Writes fmt_num(v) followed by `sep` to stdout. */
static void put(double v, char sep)
{
    char buf[FMT_NUM_MAX];
    fputs(fmt_num(buf, v), stdout);
    putchar(sep);
}

/* Repetition control: best of up to `reps` runs, stopping once `budget`
 * seconds have been spent (after at least one run). */
typedef struct {
    unsigned reps;
    double budget;
    double best;  /* best time so far, seconds */
    double spent; /* total time so far */
    unsigned done;
} timer;

static void timer_init(timer *t, unsigned reps, double budget)
{
    t->reps = reps ? reps : 1;
    t->budget = budget;
    t->best = -1;
    t->spent = 0;
    t->done = 0;
}

static int timer_more(const timer *t)
{
    return t->done == 0 || (t->done < t->reps && t->spent < t->budget);
}

static void timer_add(timer *t, double secs)
{
    if (t->best < 0 || secs < t->best)
        t->best = secs;
    t->spent += secs;
    t->done++;
}

/* ------------------------------------------------------------------ */
/* Random matrices                                                     */

/*
 * Column weights with mean 1: uniform (all 1), or skewed like dataset
 * popularity in a catalog (weight of column c proportional to
 * 1 / (c + 1)^0.7, a few columns used by most rows, a long tail).
 */
static double *column_weights(size_t C, int skewed)
{
    double *w = xmalloc(C * sizeof *w);
    double sum = 0;
    for (size_t c = 0; c < C; c++) {
        w[c] = 1.0;
        if (skewed)
            w[c] = pow((double)(c + 1), -0.7);
        sum += w[c];
    }
    for (size_t c = 0; c < C; c++)
        w[c] *= (double)C / sum;
    return w;
}

/*
 * An R x C random 0/1 matrix: cell (r, c) is one with probability
 * min(1, density * w[c]).  An empty row then gets one cell, an empty
 * column one cell, so no row or column is empty and vegan (which keeps
 * empties) and benchcov (which drops them) score the same matrix.
 * Fills the sparse form `m` (fresh) and returns the dense row-major bytes.
 */
static uint8_t *random_matrix(bc_incidence *m, size_t R, size_t C, double density, int skewed,
                              uint64_t seed)
{
    bc_rng rng;
    rng_init(&rng, seed);
    double *w = column_weights(C, skewed);
    uint8_t *d = xcalloc(R * C, 1);
    size_t *cdeg = xcalloc(C, sizeof *cdeg);
    for (size_t r = 0; r < R; r++) {
        size_t deg = 0;
        for (size_t c = 0; c < C; c++) {
            if (rng_uniform(&rng) < density * w[c]) {
                d[r * C + c] = 1;
                deg++;
                cdeg[c]++;
            }
        }
        if (!deg) {
            size_t c = rng_below(&rng, C);
            d[r * C + c] = 1;
            cdeg[c]++;
        }
    }
    for (size_t c = 0; c < C; c++) {
        if (!cdeg[c]) {
            size_t r = rng_below(&rng, R);
            d[r * C + c] = 1;
            cdeg[c]++;
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < R * C; i++)
        n += d[i];
    int *rows = xmalloc(n * sizeof *rows), *cols = xmalloc(n * sizeof *cols);
    size_t k = 0;
    for (size_t r = 0; r < R; r++)
        for (size_t c = 0; c < C; c++)
            if (d[r * C + c]) {
                rows[k] = (int)r;
                cols[k] = (int)c;
                k++;
            }
    if (incidence_from_pairs(m, R, C, rows, cols, n) != 0)
        die("out of memory");
    free(rows);
    free(cols);
    free(w);
    free(cdeg);
    return d;
}

/* ------------------------------------------------------------------ */
/* NODF: the dense textbook peer                                       */

/* Indices 0..n-1 by decreasing deg, ties by index (a stable sort). */
static int *dense_order(const size_t *deg, size_t n)
{
    int *o = xmalloc(n * sizeof *o);
    for (size_t i = 0; i < n; i++)
        o[i] = (int)i;
    /* insertion sort would be quadratic; a merge sort keeps it stable */
    int *tmp = xmalloc(n * sizeof *tmp);
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = deg[o[j]] > deg[o[i]] ? o[j++] : o[i++];
            while (i < mid)
                tmp[k++] = o[i++];
            while (j < hi)
                tmp[k++] = o[j++];
        }
        memcpy(o, tmp, n * sizeof *o);
    }
    free(tmp);
    return o;
}

/*
 * Sum over pairs i < j of `n` lines (in degree order) with
 * deg_i > deg_j > 0 of 100 * shared / deg_j, where shared is found by
 * scanning all `len` cells of both lines of the dense matrix `x`
 * (line k starts at x + k * len).  Returns the sum; *nonempty gets the
 * number of non-empty lines.
 */
static double dense_part(const uint8_t *x, size_t n, size_t len, size_t *nonempty)
{
    size_t *deg = xmalloc(n * sizeof *deg);
    for (size_t i = 0; i < n; i++) {
        size_t s = 0;
        const uint8_t *a = x + i * len;
        for (size_t k = 0; k < len; k++)
            s += a[k];
        deg[i] = s;
    }
    int *o = dense_order(deg, n);
    size_t ne = 0;
    while (ne < n && deg[o[ne]] > 0)
        ne++;
    double total = 0;
    for (size_t i = 0; i + 1 < ne; i++) {
        const uint8_t *a = x + (size_t)o[i] * len;
        for (size_t j = i + 1; j < ne; j++) {
            size_t di = deg[o[i]], dj = deg[o[j]];
            if (di <= dj)
                continue;
            const uint8_t *b = x + (size_t)o[j] * len;
            size_t shared = 0;
            for (size_t k = 0; k < len; k++)
                shared += a[k] & b[k];
            total += 100.0 * (double)shared / (double)dj;
        }
    }
    free(o);
    free(deg);
    *nonempty = ne;
    return total;
}

/* Transpose of a dense R x C byte matrix. */
static uint8_t *dense_transpose(const uint8_t *d, size_t R, size_t C)
{
    uint8_t *t = xmalloc(R * C);
    for (size_t r = 0; r < R; r++)
        for (size_t c = 0; c < C; c++)
            t[c * R + r] = d[r * C + c];
    return t;
}

/*
 * The textbook NODF on the dense matrix d (row-major) and its transpose
 * dt (given, so that the column pass scans contiguous memory too: the
 * peer gets its best layout).  Empty rows and columns are dropped, as
 * nested_nodf does.
 */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void dense_nodf(const uint8_t *d, const uint8_t *dt, size_t R, size_t C, bc_nodf *out)
{
    size_t nr, nc;
    double rs = dense_part(d, R, C, &nr);
    double cs = dense_part(dt, C, R, &nc);
    double pr = nr > 1 ? (double)nr * (double)(nr - 1) / 2 : 0;
    double pc = nc > 1 ? (double)nc * (double)(nc - 1) / 2 : 0;
    out->rows = pr > 0 ? rs / pr : 0;
    out->cols = pc > 0 ? cs / pc : 0;
    out->nodf = pr + pc > 0 ? (rs + cs) / (pr + pc) : 0;
    out->nrows = nr;
    out->ncols = nc;
}

static int close_enough(double a, double b)
{
    double d = a > b ? a - b : b - a;
    double s = (a > 0 ? a : -a) + (b > 0 ? b : -b);
    return d <= 1e-9 * (s > 1 ? s : 1);
}

/* Writes the ones of m as "row col" lines (1-based) after a "R C" line. */
static void write_triplets(const char *path, const bc_incidence *m)
{
    FILE *fp = fopen(path, "w");
    if (!fp)
        die("cannot write the matrix file");
    fprintf(fp, "%zu %zu\n", m->nrows, m->ncols);
    for (size_t r = 0; r < m->nrows; r++)
        for (size_t i = m->rowptr[r]; i < m->rowptr[r + 1]; i++)
            fprintf(fp, "%zu %d\n", r + 1, m->col[i] + 1);
    if (fclose(fp) != 0)
        die("cannot write the matrix file");
}

/*
 * nodf R C DENSITY SHAPE SEED REPS BUDGET DENSE(0|1) [MATRIX_FILE]
 * prints: nodf R C ones benchcov_best benchcov_reps dense_best dense_reps
 *         nodf_benchcov nodf_dense rows cols same
 * dense_best is -1 when the dense peer is not run.
 */
static int cmd_nodf(int argc, char **argv)
{
    if (argc < 9)
        die("usage: nodf R C DENSITY uniform|skewed SEED REPS BUDGET DENSE [FILE]");
    size_t R = strtoul(argv[1], NULL, 10), C = strtoul(argv[2], NULL, 10);
    double density = strtod(argv[3], NULL);
    int skewed = strcmp(argv[4], "skewed") == 0;
    uint64_t seed = strtoull(argv[5], NULL, 10);
    unsigned reps = (unsigned)strtoul(argv[6], NULL, 10);
    double budget = strtod(argv[7], NULL);
    int run_dense = atoi(argv[8]);

    bc_incidence m;
    incidence_init(&m);
    uint8_t *d = random_matrix(&m, R, C, density, skewed, seed);
    if (argc > 9)
        write_triplets(argv[9], &m);

    bc_nodf fast = { 0 }, slow = { 0 };
    timer tf, ts;
    timer_init(&tf, reps, budget);
    while (timer_more(&tf)) {
        double t0 = now();
        if (nested_nodf(&m, &fast) != BC_OK)
            die("nested_nodf failed");
        timer_add(&tf, now() - t0);
    }
    timer_init(&ts, reps, budget);
    int same = -1;
    if (run_dense) {
        uint8_t *dt = dense_transpose(d, R, C);
        while (timer_more(&ts)) {
            double t0 = now();
            dense_nodf(d, dt, R, C, &slow);
            timer_add(&ts, now() - t0);
        }
        free(dt);
        same = close_enough(fast.nodf, slow.nodf) && close_enough(fast.rows, slow.rows) &&
               close_enough(fast.cols, slow.cols) && fast.nrows == slow.nrows &&
               fast.ncols == slow.ncols;
    }
    fputs("nodf\t", stdout);
    put((double)R, '\t');
    put((double)C, '\t');
    put((double)incidence_ones(&m), '\t');
    put(tf.best, '\t');
    put(tf.done, '\t');
    put(run_dense ? ts.best : -1, '\t');
    put(ts.done * (run_dense != 0), '\t');
    put(fast.nodf, '\t');
    put(run_dense ? slow.nodf : -1, '\t');
    put(fast.rows, '\t');
    put(fast.cols, '\t');
    put(same, '\n');
    /* full precision for the comparison with vegan */
    fprintf(stderr, "nodf %zu %zu %.17g %.17g %.17g\n", R, C, fast.nodf, fast.rows, fast.cols);
    free(d);
    incidence_release(&m);
    return same == 0 ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Overlap                                                             */

/*
 * A random catalog-shaped bipartite structure: each of M models uses
 * about density * D datasets (skewed popularity, at least one); each
 * dataset serves task d % T and, for every third dataset, also task
 * (d + 1) % T; a model uses a dataset for one of its tasks.  Builds
 * b->md, b->mt, b->mp (b->dt is left empty: overlap does not read it),
 * and the dense byte matrices of the same three, row-major.
 */
typedef struct {
    uint8_t *md, *mt, *mp; /* dense M x D, M x T, M x P */
    size_t D, T, P;
} dense3;

static void random_bipartite(bc_bipartite *b, dense3 *x, size_t M, size_t D, size_t T,
                             double density, uint64_t seed)
{
    bc_rng rng;
    rng_init(&rng, seed);
    double *w = column_weights(D, 1);
    /* facts (m, d, t) */
    size_t cap = 1024, n = 0;
    int *fm = xmalloc(cap * sizeof *fm), *fd = xmalloc(cap * sizeof *fd),
        *ft = xmalloc(cap * sizeof *ft);
    for (size_t m = 0; m < M; m++) {
        size_t before = n;
        for (size_t d = 0; d <= D; d++) {
            size_t dd = d;
            if (d == D) {
                if (n > before)
                    break;
                dd = rng_below(&rng, D); /* no model without a dataset */
            } else if (!(rng_uniform(&rng) < density * w[d])) {
                continue;
            }
            if (n == cap) {
                cap *= 2;
                fm = realloc(fm, cap * sizeof *fm);
                fd = realloc(fd, cap * sizeof *fd);
                ft = realloc(ft, cap * sizeof *ft);
                if (!fm || !fd || !ft)
                    die("out of memory");
            }
            int t = (int)(dd % T);
            if (dd % 3 == 0 && rng_below(&rng, 2))
                t = (int)((dd + 1) % T);
            fm[n] = (int)m;
            fd[n] = (int)dd;
            ft[n] = t;
            n++;
        }
    }
    /* pair index of (d, t): d * 2 + (t != d % T), then compacted */
    size_t *pid = xcalloc(2 * D, sizeof *pid);
    for (size_t i = 0; i < n; i++)
        pid[(size_t)fd[i] * 2 + ((size_t)ft[i] != (size_t)fd[i] % T)] = 1;
    size_t P = 0;
    for (size_t k = 0; k < 2 * D; k++)
        pid[k] = pid[k] ? ++P : 0;
    int *fp = xmalloc(n * sizeof *fp);
    for (size_t i = 0; i < n; i++)
        fp[i] = (int)pid[(size_t)fd[i] * 2 + ((size_t)ft[i] != (size_t)fd[i] % T)] - 1;
    b->pair_dataset = xmalloc(P * sizeof *b->pair_dataset);
    b->pair_task = xmalloc(P * sizeof *b->pair_task);
    for (size_t k = 0; k < 2 * D; k++) {
        if (pid[k]) {
            size_t d = k / 2;
            b->pair_dataset[pid[k] - 1] = (int)d;
            b->pair_task[pid[k] - 1] = (int)(k % 2 ? (d + 1) % T : d % T);
        }
    }
    b->n_pairs = P;
    if (incidence_from_pairs(&b->md, M, D, fm, fd, n) || incidence_from_pairs(&b->mt, M, T, fm, ft, n) ||
        incidence_from_pairs(&b->mp, M, P, fm, fp, n))
        die("out of memory");
    x->D = D;
    x->T = T;
    x->P = P;
    x->md = xcalloc(M * D, 1);
    x->mt = xcalloc(M * T, 1);
    x->mp = xcalloc(M * (P ? P : 1), 1);
    for (size_t i = 0; i < n; i++) {
        x->md[(size_t)fm[i] * D + (size_t)fd[i]] = 1;
        x->mt[(size_t)fm[i] * T + (size_t)ft[i]] = 1;
        x->mp[(size_t)fm[i] * P + (size_t)fp[i]] = 1;
    }
    free(fm);
    free(fd);
    free(ft);
    free(fp);
    free(pid);
    free(w);
}

/* Shared count and size of two dense lines of `len` cells. */
static size_t dense_shared(const uint8_t *a, const uint8_t *b, size_t len)
{
    size_t s = 0;
    for (size_t k = 0; k < len; k++)
        s += a[k] & b[k];
    return s;
}

static size_t dense_count(const uint8_t *a, size_t len)
{
    size_t s = 0;
    for (size_t k = 0; k < len; k++)
        s += a[k];
    return s;
}

static double ratio(double num, double den)
{
    return den > 0 ? num / den : 0;
}

/*
 * The dense peer: for every pair of models in `order`, scans every
 * dataset, task and pair column of both rows.  Fills `pairs` (M(M-1)/2,
 * same layout as bc_overlap) with shared counts and Jaccard indices.
 */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void dense_overlap(const dense3 *x, size_t M, const int *order, bc_overlap_pair *pairs)
{
    size_t *nd = xmalloc(M * sizeof *nd), *nt = xmalloc(M * sizeof *nt),
           *np = xmalloc(M * sizeof *np);
    for (size_t m = 0; m < M; m++) {
        nd[m] = dense_count(x->md + m * x->D, x->D);
        nt[m] = dense_count(x->mt + m * x->T, x->T);
        np[m] = dense_count(x->mp + m * x->P, x->P);
    }
    size_t k = 0;
    for (size_t ra = 0; ra < M; ra++) {
        size_t a = (size_t)order[ra];
        for (size_t rb = ra + 1; rb < M; rb++) {
            size_t bm = (size_t)order[rb];
            bc_overlap_pair *p = &pairs[k++];
            p->a = (int)a;
            p->b = (int)bm;
            p->shared_datasets = dense_shared(x->md + a * x->D, x->md + bm * x->D, x->D);
            p->shared_tasks = dense_shared(x->mt + a * x->T, x->mt + bm * x->T, x->T);
            p->shared_pairs = dense_shared(x->mp + a * x->P, x->mp + bm * x->P, x->P);
            p->jaccard_datasets =
                ratio((double)p->shared_datasets, (double)(nd[a] + nd[bm] - p->shared_datasets));
            p->jaccard_tasks =
                ratio((double)p->shared_tasks, (double)(nt[a] + nt[bm] - p->shared_tasks));
            p->jaccard_pairs =
                ratio((double)p->shared_pairs, (double)(np[a] + np[bm] - p->shared_pairs));
        }
    }
    free(nd);
    free(nt);
    free(np);
}

/*
 * overlap M D T DENSITY SEED REPS BUDGET
 * prints: overlap M D T pairs ones_md benchcov_best benchcov_reps
 *         dense_best dense_reps mean_shared_datasets same
 */
static int cmd_overlap(int argc, char **argv)
{
    if (argc < 8)
        die("usage: overlap M D T DENSITY SEED REPS BUDGET");
    size_t M = strtoul(argv[1], NULL, 10), D = strtoul(argv[2], NULL, 10),
           T = strtoul(argv[3], NULL, 10);
    double density = strtod(argv[4], NULL);
    uint64_t seed = strtoull(argv[5], NULL, 10);
    unsigned reps = (unsigned)strtoul(argv[6], NULL, 10);
    double budget = strtod(argv[7], NULL);
    if (M < 2 || D < 1 || T < 2)
        die("overlap needs M >= 2, D >= 1, T >= 2");

    bc_bipartite b;
    bipartite_init(&b);
    dense3 x;
    random_bipartite(&b, &x, M, D, T, density, seed);
    int *order = xmalloc(M * sizeof *order);
    for (size_t i = 0; i < M; i++)
        order[i] = (int)i;

    bc_overlap o;
    overlap_init(&o);
    timer tf, ts;
    timer_init(&tf, reps, budget);
    while (timer_more(&tf)) {
        overlap_release(&o);
        double t0 = now();
        if (overlap_compute(&o, &b, order) != BC_OK)
            die("overlap_compute failed");
        timer_add(&tf, now() - t0);
    }
    size_t np = M * (M - 1) / 2;
    bc_overlap_pair *dp = NULL;
    timer_init(&ts, reps, budget);
    while (timer_more(&ts)) {
        free(dp);
        double t0 = now();
        dp = malloc(np * sizeof *dp);
        if (!dp)
            die("out of memory");
        dense_overlap(&x, M, order, dp);
        timer_add(&ts, now() - t0);
    }
    int same = o.n == np;
    double sum_shared = 0;
    for (size_t k = 0; same && k < np; k++) {
        const bc_overlap_pair *p = &o.pairs[k], *q = &dp[k];
        same = p->a == q->a && p->b == q->b && p->shared_datasets == q->shared_datasets &&
               p->shared_tasks == q->shared_tasks && p->shared_pairs == q->shared_pairs &&
               close_enough(p->jaccard_datasets, q->jaccard_datasets) &&
               close_enough(p->jaccard_tasks, q->jaccard_tasks) &&
               close_enough(p->jaccard_pairs, q->jaccard_pairs);
        sum_shared += (double)p->shared_datasets;
    }
    fputs("overlap\t", stdout);
    put((double)M, '\t');
    put((double)D, '\t');
    put((double)T, '\t');
    put((double)b.n_pairs, '\t');
    put((double)incidence_ones(&b.md), '\t');
    put(tf.best, '\t');
    put(tf.done, '\t');
    put(ts.best, '\t');
    put(ts.done, '\t');
    put(same ? sum_shared / (double)np : -1, '\t');
    put(same, '\n');
    free(dp);
    free(order);
    free(x.md);
    free(x.mt);
    free(x.mp);
    overlap_release(&o);
    bipartite_release(&b);
    return same ? 0 : 1;
}

/* ------------------------------------------------------------------ */
/* Catalog loading                                                     */

static FILE *open_in(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    if (!fp)
        die("cannot create a catalog file");
    return fp;
}

static void close_out(FILE *fp)
{
    if (ferror(fp) || fclose(fp) != 0)
        die("cannot write a catalog file");
}

/*
 * gen DIR ROWS SEED: a valid catalog with 60 tasks, ROWS / 100 models
 * (at least 10), 2000 datasets and exactly ROWS usage rows, no duplicate
 * facts.  One usage row in ten names its model and dataset by aliases
 * in another case, another one in ten by their names in another case with
 * extra white space, quoted; every paper title is quoted.
 */
static int cmd_gen(int argc, char **argv)
{
    if (argc < 4)
        die("usage: gen DIR ROWS SEED");
    const char *dir = argv[1];
    size_t rows = strtoul(argv[2], NULL, 10);
    uint64_t seed = strtoull(argv[3], NULL, 10);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        die("cannot create the catalog directory");
    const size_t T = 60, D = 2000;
    size_t M = rows / 100 < 10 ? 10 : rows / 100;
    size_t per = (rows + M - 1) / M; /* rows per model, < D */
    if (per > D)
        die("too many rows per model");
    bc_rng rng;
    rng_init(&rng, seed);
    static const char *const mods[] = { "speech", "sound", "music", "vision", "text", "multi" };
    static const char *const cats[] = { "content", "speaker", "paralinguistic", "semantic",
                                        "scene", "music" };

    FILE *fp = open_in(dir, "tasks.csv");
    fputs("code,name,modality,category,origin\n", fp);
    for (size_t t = 0; t < T; t++)
        fprintf(fp, "T%zu,Task number %zu,%s,%s,%s\n", t, t, mods[t % 6], cats[t % 6],
                t % 4 ? "glossary" : "added");
    close_out(fp);

    fp = open_in(dir, "models.csv");
    fputs("model,aliases,paper,year,speech_encoder,encoder_family,llm,llm_family,llm_params_b,"
          "fusion,output\n",
          fp);
    static const char *const fus[] = { "projection", "q-former", "cross-attention",
                                       "discrete-tokens", "cascade", "other" };
    for (size_t m = 0; m < M; m++)
        fprintf(fp,
                "Model %zu,model-%zu;Mdl%zu,\"Paper %zu: a study, with a comma\",%zu,"
                "Whisper large,whisper,LLaMA 2,llama,%zu.5,%s,text\n",
                m, m, m, m, 2018 + m % 7, 1 + m % 70, fus[m % 6]);
    close_out(fp);

    fp = open_in(dir, "datasets.csv");
    fputs("dataset,aliases,modality,tasks,languages,hours\n", fp);
    for (size_t d = 0; d < D; d++)
        fprintf(fp, "Dataset %zu,DS-%zu,%s,T%zu;T%zu,en;de,%zu\n", d, d, mods[d % 6], d % T,
                (d + 7) % T, 10 + d);
    close_out(fp);

    fp = open_in(dir, "usage.csv");
    fputs("model,dataset,task,role,source\n", fp);
    size_t written = 0;
    for (size_t m = 0; m < M && written < rows; m++) {
        size_t start = rng_below(&rng, D), step = 1 + 2 * rng_below(&rng, 5); /* odd */
        /* D = 2000 is 2^4 * 5^3: an odd step not divisible by 5 is coprime */
        if (step % 5 == 0)
            step += 2;
        for (size_t j = 0; j < per && written < rows; j++) {
            size_t d = (start + j * step) % D;
            unsigned u = (unsigned)rng_below(&rng, 10);
            if (u == 0)
                fprintf(fp, "model-%zu,ds-%zu,T%zu,%s,seed\n", m, d, d % T, j % 2 ? "eval" : "train");
            else if (u == 1)
                fprintf(fp, "\"MODEL  %zu\",\" dataset %zu\",T%zu,%s,\"paper, table 2\"\n", m, d,
                        (d + 7) % T, j % 2 ? "eval" : "train");
            else
                fprintf(fp, "Model %zu,Dataset %zu,T%zu,%s,seed\n", m, d, d % T,
                        j % 2 ? "eval" : "train");
            written++;
        }
    }
    close_out(fp);
    printf("gen\t%zu\t%zu\t%zu\t%zu\n", T, M, D, written);
    return 0;
}

/*
 * load DIR REPS BUDGET
 * prints: load usage_rows bytes_of_usage best reps
 */
static int cmd_load(int argc, char **argv)
{
    if (argc < 4)
        die("usage: load DIR REPS BUDGET");
    const char *dir = argv[1];
    unsigned reps = (unsigned)strtoul(argv[2], NULL, 10);
    double budget = strtod(argv[3], NULL);
    char path[4096];
    snprintf(path, sizeof path, "%s/usage.csv", dir);
    struct stat st;
    if (stat(path, &st) != 0)
        die("no usage.csv");
    timer t;
    timer_init(&t, reps, budget);
    size_t n_usage = 0;
    while (timer_more(&t)) {
        bc_catalog cat;
        bc_errors errs;
        catalog_init(&cat);
        errors_init(&errs);
        double t0 = now();
        int rc = catalog_load(&cat, dir, &errs);
        double secs = now() - t0;
        if (rc != BC_OK) {
            errors_print(&errs, stderr);
            die("catalog_load failed on the generated catalog");
        }
        n_usage = cat.n_usage;
        catalog_release(&cat);
        errors_release(&errs);
        timer_add(&t, secs);
    }
    fputs("load\t", stdout);
    put((double)n_usage, '\t');
    put((double)st.st_size, '\t');
    put(t.best, '\t');
    put(t.done, '\n');
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: bench_metrics nodf|overlap|gen|load ARGS...\n", stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "nodf") == 0)
        return cmd_nodf(argc - 1, argv + 1);
    if (strcmp(cmd, "overlap") == 0)
        return cmd_overlap(argc - 1, argv + 1);
    if (strcmp(cmd, "gen") == 0)
        return cmd_gen(argc - 1, argv + 1);
    if (strcmp(cmd, "load") == 0)
        return cmd_load(argc - 1, argv + 1);
    fprintf(stderr, "bench_metrics: unknown command '%s'\n", cmd);
    return 2;
}
