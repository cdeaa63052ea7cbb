/*
 * overlap.c - shared datasets, tasks and (dataset, task) pairs for pairs
 * of models: one pair by merging rows, every pair streamed from sparse
 * co-occurrence, and the top lists over classes of identical rows (see
 * overlap.h).
 */
#include "overlap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fmt.h"
#include "nameorder.h"
#include "rowclass.h"

static double ratio(double num, double den)
{
    return den > 0 ? num / den : 0;
}

/* Jaccard and overlap coefficient from the shared count and both sizes. */
static void set_scores(size_t shared, size_t na, size_t nb, double *jac, double *ovl)
{
    *jac = ratio((double)shared, (double)(na + nb - shared));
    *ovl = ratio((double)shared, (double)(na < nb ? na : nb));
}

/* Fills the scores of *p from shared counts and the two models' degrees. */
static void fill_pair(const bc_bipartite *b, int a, int bm, size_t sd, size_t st, size_t sp,
                      bc_overlap_pair *p)
{
    p->a = a;
    p->b = bm;
    p->shared_datasets = sd;
    p->shared_tasks = st;
    p->shared_pairs = sp;
    set_scores(sd, INC_DEG(&b->md, a), INC_DEG(&b->md, bm), &p->jaccard_datasets,
               &p->overlap_datasets);
    set_scores(st, INC_DEG(&b->mt, a), INC_DEG(&b->mt, bm), &p->jaccard_tasks,
               &p->overlap_tasks);
    set_scores(sp, INC_DEG(&b->mp, a), INC_DEG(&b->mp, bm), &p->jaccard_pairs,
               &p->overlap_pairs);
}

/* Columns rows a and b of m have in common (rows ascending). */
static size_t common(const bc_incidence *m, int a, int b)
{
    size_t i = m->rowptr[a], ie = m->rowptr[a + 1], j = m->rowptr[b], je = m->rowptr[b + 1];
    size_t n = 0;
    while (i < ie && j < je) {
        if (m->col[i] == m->col[j]) {
            n++;
            i++;
            j++;
        } else if (m->col[i] < m->col[j]) {
            i++;
        } else {
            j++;
        }
    }
    return n;
}

void overlap_pair(const bc_bipartite *b, int a, int bm, bc_overlap_pair *p)
{
    fill_pair(b, a, bm, common(&b->md, a, bm), common(&b->mt, a, bm), common(&b->mp, a, bm), p);
}

/*
 * Adds to cnt[rank[b]] one for every column that row a of x shares with
 * a row b ranked after a; xt is x transposed.
 */
static void co_occur(const bc_incidence *x, const bc_incidence *xt, const int *rank, int a,
                     size_t *cnt)
{
    for (size_t i = x->rowptr[a]; i < x->rowptr[a + 1]; i++) {
        int c = x->col[i];
        for (size_t j = xt->rowptr[c]; j < xt->rowptr[c + 1]; j++) {
            int bm = xt->col[j];
            if (rank[bm] > rank[a])
                cnt[rank[bm]]++;
        }
    }
}

/* Every pair involving `model`, in name order. */
static int each_of_model(const bc_bipartite *b, const int *order, int model, overlap_fn fn,
                         void *ctx)
{
    size_t M = b->md.nrows;
    int before = 1; /* still before `model` in the name order */
    for (size_t r = 0; r < M; r++) {
        int x = order[r];
        if (x == model) {
            before = 0;
            continue;
        }
        bc_overlap_pair p;
        if (before)
            overlap_pair(b, x, model, &p);
        else
            overlap_pair(b, model, x, &p);
        int rc = fn(&p, ctx);
        if (rc)
            return rc;
    }
    return BC_OK;
}

int overlap_each(const bc_bipartite *b, const int *order, int model, overlap_fn fn, void *ctx)
{
    if (model >= 0)
        return each_of_model(b, order, model, fn, ctx);
    size_t M = b->md.nrows;
    bc_incidence mdt, mtt, mpt;
    incidence_init(&mdt);
    incidence_init(&mtt);
    incidence_init(&mpt);
    int *rank = nameorder_rank(order, M);
    size_t *cnt = calloc(3 * (M ? M : 1), sizeof *cnt);
    int rc = BC_EX_SOFTWARE;
    if (!rank || !cnt || incidence_transpose(&b->md, &mdt) ||
        incidence_transpose(&b->mt, &mtt) || incidence_transpose(&b->mp, &mpt))
        goto done;
    size_t *cd = cnt, *ct = cnt + M, *cp = cnt + 2 * M;
    rc = BC_OK;
    for (size_t ra = 0; ra < M && rc == BC_OK; ra++) {
        int a = order[ra];
        co_occur(&b->md, &mdt, rank, a, cd);
        co_occur(&b->mt, &mtt, rank, a, ct);
        co_occur(&b->mp, &mpt, rank, a, cp);
        for (size_t rb = ra + 1; rb < M; rb++) {
            bc_overlap_pair p;
            if (rc == BC_OK) {
                fill_pair(b, a, order[rb], cd[rb], ct[rb], cp[rb], &p);
                rc = fn(&p, ctx);
            }
            cd[rb] = ct[rb] = cp[rb] = 0;
        }
    }
done:
    free(rank);
    free(cnt);
    incidence_release(&mdt);
    incidence_release(&mtt);
    incidence_release(&mpt);
    return rc;
}

void overlap_init(bc_overlap *o)
{
    memset(o, 0, sizeof *o);
}

void overlap_release(bc_overlap *o)
{
    if (!o)
        return;
    free(o->pairs);
    overlap_init(o);
}

static int store_pair(const bc_overlap_pair *p, void *ctx)
{
    bc_overlap *o = ctx;
    o->pairs[o->n++] = *p;
    return 0;
}

int overlap_compute(bc_overlap *o, const bc_bipartite *b, const int *order)
{
    size_t M = b->md.nrows;
    overlap_init(o);
    size_t np = M > 1 ? M * (M - 1) / 2 : 0;
    o->pairs = malloc((np ? np : 1) * sizeof *o->pairs);
    if (!o->pairs)
        return BC_EX_SOFTWARE;
    o->n_models = M;
    if (overlap_each(b, order, -1, store_pair, o) != BC_OK) {
        overlap_release(o);
        return BC_EX_SOFTWARE;
    }
    return BC_OK;
}

/* ---------------------------------------------------------------------- */
/* Top lists over classes of identical rows                                */
/* ---------------------------------------------------------------------- */

void overlap_top_init(bc_overlap_top *t)
{
    memset(t, 0, sizeof *t);
}

void overlap_top_release(bc_overlap_top *t)
{
    if (!t)
        return;
    free(t->pairs);
    overlap_top_init(t);
}

/* A pair of classes (or, after expansion, of models) with its sort key. */
typedef struct {
    size_t k1;      /* first key, descending */
    double k2;      /* second key, descending */
    int lo, hi;     /* name ranks of the (first) member pair: ties ascending */
    int ci, cj;     /* classes, ci <= cj */
    size_t sd, st, sp;
} entry;

/* 1 when x comes before y in the list. */
static int before(const entry *x, const entry *y)
{
    if (x->k1 != y->k1)
        return x->k1 > y->k1;
    if (x->k2 != y->k2)
        return x->k2 > y->k2;
    if (x->lo != y->lo)
        return x->lo < y->lo;
    return x->hi < y->hi;
}

static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    return before(x, y) ? -1 : before(y, x) ? 1 : 0;
}

/* A bounded heap of the k best entries; the root is the worst kept. */
typedef struct {
    entry *h;
    size_t n, k;
} heap;

static void heap_sift_down(heap *q, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, w = i;
        if (l < q->n && before(&q->h[w], &q->h[l]))
            w = l;
        if (r < q->n && before(&q->h[w], &q->h[r]))
            w = r;
        if (w == i)
            return;
        entry t = q->h[i];
        q->h[i] = q->h[w];
        q->h[w] = t;
        i = w;
    }
}

static void heap_offer(heap *q, const entry *e)
{
    if (q->k == 0)
        return;
    if (q->n < q->k) {
        size_t i = q->n++;
        q->h[i] = *e;
        while (i > 0 && before(&q->h[(i - 1) / 2], &q->h[i])) {
            entry t = q->h[i];
            q->h[i] = q->h[(i - 1) / 2];
            q->h[(i - 1) / 2] = t;
            i = (i - 1) / 2;
        }
    } else if (before(e, &q->h[0])) {
        q->h[0] = *e;
        heap_sift_down(q, 0);
    }
}

typedef struct {
    const bc_bipartite *b;
    bc_overlap_list list;
    bc_rowclass k;
    bc_incidence cd, ct, cp, cdt, ctt, cpt; /* class matrices and transposes */
    int *rank;                              /* name rank of each model */
    unsigned char *cand;                    /* per class: considered */
    double budget;                          /* work up to which every class is considered */
    size_t max_classes;                     /* classes considered above it */
} top_ctx;

/* Sets e's key from its counts; returns 1 when the class pair qualifies for the list. */
static int keyed(const top_ctx *c, entry *e)
{
    if (c->list == OVERLAP_MOST) {
        double jac, ovl;
        int a = c->k.members[c->k.start[e->ci]], bm = c->k.members[c->k.start[e->cj]];
        set_scores(e->sd, INC_DEG(&c->b->md, a), INC_DEG(&c->b->md, bm), &jac, &ovl);
        e->k1 = e->sp;
        e->k2 = jac;
        return e->sd > 0;
    }
    e->k1 = e->st;
    e->k2 = 0;
    return e->sp == 0 && e->st > 0;
}

/* Member pairs of classes i <= j. */
static double members_pairs(const bc_rowclass *k, int i, int j)
{
    double si = (double)ROWCLASS_SIZE(k, i), sj = (double)ROWCLASS_SIZE(k, j);
    return i == j ? si * (si - 1) / 2 : si * sj;
}

/* The model pair (x, y) as an entry with the class pair's counts, x before y by name. */
static entry member_entry(const top_ctx *c, const entry *cls, int x, int y)
{
    entry e = *cls;
    if (c->rank[x] > c->rank[y]) {
        int t = x;
        x = y;
        y = t;
    }
    e.lo = c->rank[x];
    e.hi = c->rank[y];
    return e;
}

/* The transpose of m with only the rows flagged in keep. 0 or -1 (OOM). */
static int transpose_kept(const bc_incidence *m, const unsigned char *keep, bc_incidence *out)
{
    size_t n = 0;
    for (size_t r = 0; r < m->nrows; r++)
        if (keep[r])
            n += INC_DEG(m, r);
    int *rows = malloc((n ? n : 1) * sizeof *rows), *cols = malloc((n ? n : 1) * sizeof *cols);
    int rc = -1;
    if (rows && cols) {
        size_t k = 0;
        for (size_t r = 0; r < m->nrows; r++)
            if (keep[r])
                for (size_t p = m->rowptr[r]; p < m->rowptr[r + 1]; p++) {
                    rows[k] = m->col[p];
                    cols[k++] = (int)r;
                }
        incidence_release(out);
        rc = incidence_from_pairs(out, m->ncols, m->nrows, rows, cols, n);
    }
    free(rows);
    free(cols);
    return rc;
}

/* Classes considered: all, or the max_classes with the most pairs. */
static int choose_candidates(top_ctx *c, size_t *n_models)
{
    size_t C = c->k.n;
    c->cand = calloc(C ? C : 1, 1);
    if (!c->cand)
        return -1;
    double work = 0;
    const bc_incidence *tr[3] = { &c->cdt, &c->ctt, &c->cpt };
    for (size_t m = 0; m < 3; m++)
        for (size_t col = 0; col < tr[m]->nrows; col++)
            work += (double)INC_DEG(tr[m], col) * (double)INC_DEG(tr[m], col);
    if (work <= c->budget || C <= c->max_classes) {
        memset(c->cand, 1, C);
        *n_models = c->k.nrows;
        return 0;
    }
    int rc = -1;
    /* Counting sort of classes by pair-row degree, descending, ties by class. */
    size_t maxdeg = 0;
    for (size_t i = 0; i < C; i++)
        if (INC_DEG(&c->cp, i) > maxdeg)
            maxdeg = INC_DEG(&c->cp, i);
    size_t *count = calloc(maxdeg + 2, sizeof *count);
    if (!count)
        return -1;
    for (size_t i = 0; i < C; i++)
        count[INC_DEG(&c->cp, i)]++;
    /* Lowest degree still taken, and how many classes of it. */
    size_t taken = 0, d = maxdeg + 1;
    while (d > 0 && taken + count[d - 1] <= c->max_classes)
        taken += count[--d];
    size_t room = c->max_classes - taken;
    *n_models = 0;
    for (size_t i = 0; i < C; i++) {
        size_t g = INC_DEG(&c->cp, i);
        if (g >= d || (d > 0 && g == d - 1 && room > 0 && room--)) {
            c->cand[i] = 1;
            *n_models += ROWCLASS_SIZE(&c->k, i);
        }
    }
    /* The columns then list candidate classes only, so co-occurrence
     * costs what the candidates share, not what every class shares. */
    if (transpose_kept(&c->cd, c->cand, &c->cdt) == 0 &&
        transpose_kept(&c->ct, c->cand, &c->ctt) == 0 &&
        transpose_kept(&c->cp, c->cand, &c->cpt) == 0)
        rc = 0;
    free(count);
    return rc;
}

/* Adds to cnt[j] the columns class i shares with each candidate class j > i. */
static void class_co_occur(const top_ctx *c, const bc_incidence *x, const bc_incidence *xt,
                           size_t i, size_t *cnt, int *touched, size_t *nt, unsigned char *mark)
{
    for (size_t p = x->rowptr[i]; p < x->rowptr[i + 1]; p++) {
        int col = x->col[p];
        for (size_t q = xt->rowptr[col]; q < xt->rowptr[col + 1]; q++) {
            int j = xt->col[q];
            if ((size_t)j <= i || !c->cand[j])
                continue;
            if (!mark[j]) {
                mark[j] = 1;
                touched[(*nt)++] = j;
            }
            cnt[j]++;
        }
    }
}

static void ctx_release(top_ctx *c)
{
    rowclass_release(&c->k);
    incidence_release(&c->cd);
    incidence_release(&c->ct);
    incidence_release(&c->cp);
    incidence_release(&c->cdt);
    incidence_release(&c->ctt);
    incidence_release(&c->cpt);
    free(c->rank);
    free(c->cand);
}

int overlap_top(const bc_bipartite *b, const int *order, bc_overlap_list list, size_t kmax,
                bc_overlap_top *t)
{
    return overlap_top_budget(b, order, list, kmax, OVERLAP_WORK_BUDGET, OVERLAP_CANDIDATES, t);
}

int overlap_top_budget(const bc_bipartite *b, const int *order, bc_overlap_list list,
                       size_t kmax, double work_budget, size_t max_classes, bc_overlap_top *t)
{
    overlap_top_init(t);
    top_ctx c;
    memset(&c, 0, sizeof c);
    c.b = b;
    c.list = list;
    c.budget = work_budget;
    c.max_classes = max_classes;
    size_t M = b->md.nrows, C;
    heap q = { NULL, 0, kmax };
    entry *all = NULL;
    size_t *cnt = NULL;
    int *touched = NULL;
    unsigned char *mark = NULL;
    int rc = BC_EX_SOFTWARE;
    const bc_incidence *mats[3] = { &b->md, &b->mt, &b->mp };
    if (rowclass_build(&c.k, mats, 3, order) != BC_OK)
        goto done;
    C = c.k.n;
    c.rank = nameorder_rank(order, M);
    if (!c.rank || rowclass_matrix(&c.k, &b->md, &c.cd) ||
        rowclass_matrix(&c.k, &b->mt, &c.ct) || rowclass_matrix(&c.k, &b->mp, &c.cp) ||
        incidence_transpose(&c.cd, &c.cdt) || incidence_transpose(&c.ct, &c.ctt) ||
        incidence_transpose(&c.cp, &c.cpt) || choose_candidates(&c, &t->candidates))
        goto done;
    q.h = malloc((kmax ? kmax : 1) * sizeof *q.h);
    cnt = calloc(3 * (C ? C : 1), sizeof *cnt);
    touched = malloc((C ? C : 1) * sizeof *touched);
    mark = calloc(C ? C : 1, 1);
    if (!q.h || !cnt || !touched || !mark)
        goto done;
    size_t *kd = cnt, *kt = cnt + C, *kp = cnt + 2 * C;
    double qualifying = 0;
    for (size_t i = 0; i < C; i++) {
        if (!c.cand[i])
            continue;
        const int *mi = c.k.members + c.k.start[i];
        if (ROWCLASS_SIZE(&c.k, i) >= 2) {
            entry e = { 0, 0, c.rank[mi[0]], c.rank[mi[1]], (int)i, (int)i,
                        INC_DEG(&c.cd, i), INC_DEG(&c.ct, i), INC_DEG(&c.cp, i) };
            if (keyed(&c, &e)) {
                qualifying += members_pairs(&c.k, (int)i, (int)i);
                heap_offer(&q, &e);
            }
        }
        size_t nt = 0;
        class_co_occur(&c, &c.cd, &c.cdt, i, kd, touched, &nt, mark);
        class_co_occur(&c, &c.ct, &c.ctt, i, kt, touched, &nt, mark);
        class_co_occur(&c, &c.cp, &c.cpt, i, kp, touched, &nt, mark);
        for (size_t u = 0; u < nt; u++) {
            int j = touched[u];
            entry e = { 0, 0, c.rank[mi[0]], c.rank[c.k.members[c.k.start[j]]], (int)i, j,
                        kd[j], kt[j], kp[j] };
            if (keyed(&c, &e)) {
                qualifying += members_pairs(&c.k, (int)i, j);
                heap_offer(&q, &e);
            }
            kd[j] = kt[j] = kp[j] = 0;
            mark[j] = 0;
        }
    }

    /* Expand the kept class pairs into their first member pairs: the
     * first kmax members of each class suffice, since a later member x
     * of a class pairs with the same partner after kmax earlier ones. */
    size_t cap = 0;
    for (size_t e = 0; e < q.n; e++) {
        size_t si = ROWCLASS_SIZE(&c.k, q.h[e].ci), sj = ROWCLASS_SIZE(&c.k, q.h[e].cj);
        si = si < kmax + 1 ? si : kmax + 1;
        sj = sj < kmax + 1 ? sj : kmax + 1;
        cap += si * sj;
    }
    size_t n = 0;
    all = malloc((cap + kmax + 1) * sizeof *all);
    if (!all)
        goto done;
    for (size_t e = 0; e < q.n; e++) {
        const entry *cls = &q.h[e];
        const int *mi = c.k.members + c.k.start[cls->ci];
        const int *mj = c.k.members + c.k.start[cls->cj];
        size_t si = ROWCLASS_SIZE(&c.k, cls->ci), sj = ROWCLASS_SIZE(&c.k, cls->cj);
        if (cls->ci == cls->cj) {
            size_t s = si < kmax + 1 ? si : kmax + 1;
            for (size_t x = 0; x < s; x++)
                for (size_t y = x + 1; y < s; y++)
                    all[n++] = member_entry(&c, cls, mi[x], mi[y]);
        } else {
            si = si < kmax ? si : kmax;
            sj = sj < kmax ? sj : kmax;
            for (size_t x = 0; x < si; x++)
                for (size_t y = 0; y < sj; y++)
                    all[n++] = member_entry(&c, cls, mi[x], mj[y]);
        }
    }
    qsort(all, n, sizeof *all, cmp_entry);
    if (n > kmax)
        n = kmax;
    t->pairs = malloc((kmax ? kmax : 1) * sizeof *t->pairs);
    if (!t->pairs)
        goto done;
    for (size_t i = 0; i < n; i++)
        fill_pair(b, order[all[i].lo], order[all[i].hi], all[i].sd, all[i].st, all[i].sp,
                  &t->pairs[i]);
    t->n = n;
    /* Most comparable: fewer pairs share a dataset than asked for, so the
     * list goes on with pairs sharing nothing, in name order. */
    if (list == OVERLAP_MOST && n < kmax) {
        for (size_t ra = 0; ra < M && t->n < kmax; ra++) {
            int a = order[ra];
            if (!c.cand[c.k.of[a]])
                continue;
            for (size_t rb = ra + 1; rb < M && t->n < kmax; rb++) {
                int bm = order[rb];
                if (!c.cand[c.k.of[bm]])
                    continue;
                bc_overlap_pair p;
                overlap_pair(b, a, bm, &p);
                if (p.shared_datasets == 0)
                    t->pairs[t->n++] = p;
            }
        }
        double m = (double)t->candidates;
        qualifying = m * (m - 1) / 2;
    } else if (list == OVERLAP_MOST) {
        double m = (double)t->candidates;
        qualifying = m * (m - 1) / 2;
    }
    t->total = qualifying;
    rc = BC_OK;
done:
    if (rc != BC_OK)
        overlap_top_release(t);
    free(q.h);
    free(all);
    free(cnt);
    free(touched);
    free(mark);
    ctx_release(&c);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Writers                                                                 */
/* ---------------------------------------------------------------------- */

typedef struct {
    FILE *fp;
    const bc_catalog *cat;
    int md;
    size_t left; /* rows still allowed; SIZE_MAX = no limit */
} writer;

/* A non-zero value that stops overlap_each when the row limit is reached. */
#define LIMIT_REACHED (-1)

static void write_header(FILE *fp, int md)
{
    static const char *const cols[] = { "model_a",      "model_b",       "shared_datasets",
                                        "jaccard_datasets", "shared_tasks", "jaccard_tasks",
                                        "shared_pairs" };
    const char *sep = md ? " | " : ",";
    for (size_t i = 0; i < 7; i++) {
        fputs(i == 0 ? (md ? "| " : "") : sep, fp);
        fputs(cols[i], fp);
    }
    fputs(md ? " |\n|---|---|---|---|---|---|---|\n" : "\n", fp);
}

static int write_row(const bc_overlap_pair *p, void *ctx)
{
    writer *w = ctx;
    FILE *fp = w->fp;
    if (w->left == 0)
        return LIMIT_REACHED;
    w->left--;
    const char *sep = w->md ? " | " : ",";
    if (w->md) {
        fputs("| ", fp);
        fmt_md(fp, w->cat->models[p->a].name);
        fputs(sep, fp);
        fmt_md(fp, w->cat->models[p->b].name);
    } else {
        fmt_csv(fp, w->cat->models[p->a].name);
        fputs(sep, fp);
        fmt_csv(fp, w->cat->models[p->b].name);
    }
    double v[5] = { (double)p->shared_datasets, p->jaccard_datasets, (double)p->shared_tasks,
                    p->jaccard_tasks, (double)p->shared_pairs };
    for (size_t j = 0; j < 5; j++) {
        fputs(sep, fp);
        fmt_put_num(fp, v[j]);
    }
    fputs(w->md ? " |\n" : "\n", fp);
    return ferror(fp) ? BC_EX_IOERR : 0;
}

/* Most comparable first; name order breaks ties. */
static int cmp_top(const void *x, const void *y)
{
    const bc_overlap_pair *p = x, *q = y;
    if (p->shared_pairs != q->shared_pairs)
        return p->shared_pairs > q->shared_pairs ? -1 : 1;
    if (p->jaccard_datasets != q->jaccard_datasets)
        return p->jaccard_datasets > q->jaccard_datasets ? -1 : 1;
    return 0; /* qsort is not stable: callers keep name order in a tie key */
}

typedef struct {
    bc_overlap_pair *pairs;
    size_t n;
} collected;

static int collect(const bc_overlap_pair *p, void *ctx)
{
    collected *c = ctx;
    c->pairs[c->n++] = *p;
    return 0;
}

/* Pairs of one model, most comparable first: M - 1 pairs, sorted stably. */
static int top_of_model(const bc_bipartite *b, const int *order, int model, size_t k,
                        bc_overlap_top *t)
{
    size_t M = b->md.nrows;
    overlap_top_init(t);
    collected c = { malloc((M ? M : 1) * sizeof *c.pairs), 0 };
    size_t *idx = malloc((M ? M : 1) * sizeof *idx);
    if (!c.pairs || !idx || overlap_each(b, order, model, collect, &c) != BC_OK) {
        free(c.pairs);
        free(idx);
        return BC_EX_SOFTWARE;
    }
    /* Insertion into sorted position by (key, arrival): stable and simple,
     * O(M k) since only the first k are kept. */
    size_t n = 0;
    for (size_t i = 0; i < c.n; i++) {
        size_t pos = n;
        while (pos > 0 && cmp_top(&c.pairs[i], &c.pairs[idx[pos - 1]]) < 0)
            pos--;
        if (pos >= k)
            continue;
        if (n < k)
            n++;
        memmove(idx + pos + 1, idx + pos, (n - 1 - pos) * sizeof *idx);
        idx[pos] = i;
    }
    t->pairs = malloc((n ? n : 1) * sizeof *t->pairs);
    if (!t->pairs) {
        free(c.pairs);
        free(idx);
        return BC_EX_SOFTWARE;
    }
    for (size_t i = 0; i < n; i++)
        t->pairs[i] = c.pairs[idx[i]];
    t->n = n;
    t->total = (double)c.n;
    t->candidates = M;
    free(c.pairs);
    free(idx);
    return BC_OK;
}

static int write_selected(FILE *fp, const bc_catalog *cat, const bc_bipartite *b,
                          const int *order, bc_overlap_opts opts, int md)
{
    writer w = { fp, cat, md, opts.limit && !opts.top ? opts.limit : SIZE_MAX };
    write_header(fp, md);
    if (opts.top == 0) {
        int rc = overlap_each(b, order, opts.model, write_row, &w);
        if (rc != BC_OK && rc != LIMIT_REACHED)
            return rc;
        return ferror(fp) ? BC_EX_IOERR : BC_OK;
    }
    bc_overlap_top t;
    int rc = opts.model >= 0 ? top_of_model(b, order, opts.model, opts.top, &t)
                             : overlap_top(b, order, OVERLAP_MOST, opts.top, &t);
    if (rc != BC_OK)
        return rc;
    for (size_t i = 0; i < t.n && rc == BC_OK; i++)
        rc = write_row(&t.pairs[i], &w);
    overlap_top_release(&t);
    if (rc != BC_OK)
        return rc;
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

int overlap_write_csv(FILE *fp, const bc_catalog *cat, const bc_bipartite *b,
                      const int *order, bc_overlap_opts opts)
{
    return write_selected(fp, cat, b, order, opts, 0);
}

int overlap_write_md(FILE *fp, const bc_catalog *cat, const bc_bipartite *b,
                     const int *order, bc_overlap_opts opts)
{
    return write_selected(fp, cat, b, order, opts, 1);
}

int overlap_write_pairs_md(FILE *fp, const bc_catalog *cat, const bc_overlap_pair *pairs,
                           size_t n)
{
    writer w = { fp, cat, 1, SIZE_MAX };
    write_header(fp, 1);
    for (size_t i = 0; i < n; i++)
        if (write_row(&pairs[i], &w))
            break;
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}
