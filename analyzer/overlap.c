/*
 * overlap.c - shared datasets, tasks and (dataset, task) pairs for every
 * unordered pair of models, from sparse co-occurrence (see overlap.h).
 */
#include "overlap.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fmt.h"
#include "nameorder.h"

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

static double ratio(double num, double den)
{
    return den > 0 ? num / den : 0;
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

/* Jaccard and overlap coefficient from the shared count and both sizes. */
static void set_scores(size_t shared, size_t na, size_t nb, double *jac, double *ovl)
{
    *jac = ratio((double)shared, (double)(na + nb - shared));
    *ovl = ratio((double)shared, (double)(na < nb ? na : nb));
}

int overlap_compute(bc_overlap *o, const bc_bipartite *b, const int *order)
{
    size_t M = b->md.nrows;
    bc_incidence mdt, mtt, mpt;
    incidence_init(&mdt);
    incidence_init(&mtt);
    incidence_init(&mpt);
    overlap_init(o);
    size_t np = M > 1 ? M * (M - 1) / 2 : 0;
    int *rank = nameorder_rank(order, M);
    size_t *cnt = calloc(3 * (M ? M : 1), sizeof *cnt);
    o->pairs = malloc((np ? np : 1) * sizeof *o->pairs);
    if (!rank || !cnt || !o->pairs || incidence_transpose(&b->md, &mdt) ||
        incidence_transpose(&b->mt, &mtt) || incidence_transpose(&b->mp, &mpt))
        goto oom;
    o->n = np;
    o->n_models = M;
    size_t *cd = cnt, *ct = cnt + M, *cp = cnt + 2 * M;
    size_t k = 0;
    for (size_t ra = 0; ra < M; ra++) {
        int a = order[ra];
        co_occur(&b->md, &mdt, rank, a, cd);
        co_occur(&b->mt, &mtt, rank, a, ct);
        co_occur(&b->mp, &mpt, rank, a, cp);
        for (size_t rb = ra + 1; rb < M; rb++) {
            int bm = order[rb];
            bc_overlap_pair *p = &o->pairs[k++];
            p->a = a;
            p->b = bm;
            p->shared_datasets = cd[rb];
            p->shared_tasks = ct[rb];
            p->shared_pairs = cp[rb];
            set_scores(cd[rb], INC_DEG(&b->md, a), INC_DEG(&b->md, bm), &p->jaccard_datasets,
                       &p->overlap_datasets);
            set_scores(ct[rb], INC_DEG(&b->mt, a), INC_DEG(&b->mt, bm), &p->jaccard_tasks,
                       &p->overlap_tasks);
            set_scores(cp[rb], INC_DEG(&b->mp, a), INC_DEG(&b->mp, bm), &p->jaccard_pairs,
                       &p->overlap_pairs);
            cd[rb] = ct[rb] = cp[rb] = 0;
        }
    }
    free(rank);
    free(cnt);
    incidence_release(&mdt);
    incidence_release(&mtt);
    incidence_release(&mpt);
    return BC_OK;
oom:
    free(rank);
    free(cnt);
    incidence_release(&mdt);
    incidence_release(&mtt);
    incidence_release(&mpt);
    overlap_release(o);
    return BC_EX_SOFTWARE;
}

/* Most comparable first; pointer order (= name order) breaks ties. */
static int cmp_top(const void *x, const void *y)
{
    const bc_overlap_pair *p = *(const bc_overlap_pair *const *)x;
    const bc_overlap_pair *q = *(const bc_overlap_pair *const *)y;
    if (p->shared_pairs != q->shared_pairs)
        return p->shared_pairs > q->shared_pairs ? -1 : 1;
    if (p->jaccard_datasets != q->jaccard_datasets)
        return p->jaccard_datasets > q->jaccard_datasets ? -1 : 1;
    return (p > q) - (p < q);
}

int overlap_select(const bc_overlap *o, bc_overlap_opts opts, const bc_overlap_pair ***out,
                   size_t *n)
{
    *out = NULL;
    *n = 0;
    const bc_overlap_pair **sel = malloc((o->n ? o->n : 1) * sizeof *sel);
    if (!sel)
        return BC_EX_SOFTWARE;
    size_t k = 0;
    for (size_t i = 0; i < o->n; i++) {
        const bc_overlap_pair *p = &o->pairs[i];
        if (opts.model < 0 || p->a == opts.model || p->b == opts.model)
            sel[k++] = p;
    }
    if (opts.top > 0) {
        qsort(sel, k, sizeof *sel, cmp_top);
        if (k > opts.top)
            k = opts.top;
    }
    *out = sel;
    *n = k;
    return BC_OK;
}

static int write_pairs(FILE *fp, const bc_catalog *cat, const bc_overlap *o,
                       bc_overlap_opts opts, int md)
{
    static const char *const cols[] = { "model_a",      "model_b",       "shared_datasets",
                                        "jaccard_datasets", "shared_tasks", "jaccard_tasks",
                                        "shared_pairs" };
    const bc_overlap_pair **sel;
    size_t n;
    if (overlap_select(o, opts, &sel, &n) != BC_OK)
        return BC_EX_SOFTWARE;
    const char *sep = md ? " | " : ",";
    for (size_t i = 0; i < 7; i++) {
        fputs(i == 0 ? (md ? "| " : "") : sep, fp);
        fputs(cols[i], fp);
    }
    fputs(md ? " |\n|---|---|---|---|---|---|---|\n" : "\n", fp);
    for (size_t i = 0; i < n; i++) {
        const bc_overlap_pair *p = sel[i];
        if (md) {
            fputs("| ", fp);
            fmt_md(fp, cat->models[p->a].name);
            fputs(sep, fp);
            fmt_md(fp, cat->models[p->b].name);
        } else {
            fmt_csv(fp, cat->models[p->a].name);
            fputs(sep, fp);
            fmt_csv(fp, cat->models[p->b].name);
        }
        double v[5] = { (double)p->shared_datasets, p->jaccard_datasets,
                        (double)p->shared_tasks, p->jaccard_tasks, (double)p->shared_pairs };
        for (size_t j = 0; j < 5; j++) {
            fputs(sep, fp);
            fmt_put_num(fp, v[j]);
        }
        fputs(md ? " |\n" : "\n", fp);
    }
    free(sel);
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

int overlap_write_csv(FILE *fp, const bc_catalog *cat, const bc_overlap *o,
                      bc_overlap_opts opts)
{
    return write_pairs(fp, cat, o, opts, 0);
}

int overlap_write_md(FILE *fp, const bc_catalog *cat, const bc_overlap *o,
                     bc_overlap_opts opts)
{
    return write_pairs(fp, cat, o, opts, 1);
}
