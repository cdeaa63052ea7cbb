/*
 * contamination.c - in-domain evaluations (see contamination.h).
 *
 * The train facts with a named dataset are sorted by (model, dataset,
 * task); each distinct eval fact is then looked up by binary search:
 * the first train fact at or after (model, dataset, -inf) says whether
 * the model trained on the dataset at all, an exact search whether it
 * trained on it for the same task.
 */
#include "contamination.h"

#include <stdlib.h>
#include <string.h>

void contamination_init(bc_contamination *c)
{
    memset(c, 0, sizeof *c);
}

void contamination_release(bc_contamination *c)
{
    if (!c)
        return;
    free(c->rows);
    free(c->evals);
    free(c->indomain);
    free(c->same_task);
    memset(c, 0, sizeof *c);
}

static int cmp_int(int a, int b)
{
    return (a > b) - (a < b);
}

/* (model, dataset, task) order. */
static int cmp_fact(const void *pa, const void *pb)
{
    const bc_fact *a = pa, *b = pb;
    int r = cmp_int(a->model, b->model);
    if (!r)
        r = cmp_int(a->dataset, b->dataset);
    if (!r)
        r = cmp_int(a->task, b->task);
    return r;
}

/* Index of the first fact in sorted f[0..n) not below key, or n. */
static size_t lower_bound(const bc_fact *f, size_t n, const bc_fact *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cmp_fact(&f[mid], key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/*
 * Copies the facts of role `role` with a named dataset and a model in
 * [0, n_models) into a new sorted, duplicate-free array.  Returns it
 * (a 1-slot array when none) or NULL on OOM; *n_out gets the count.
 */
static bc_fact *select_sorted(const bc_fact *facts, size_t n, size_t n_models, bc_role role,
                              const unsigned char *model_mask, size_t *n_out)
{
    bc_fact *s = malloc((n ? n : 1) * sizeof *s);
    if (!s)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const bc_fact *f = &facts[i];
        if (f->role != role || f->dataset < 0 || f->model < 0 || (size_t)f->model >= n_models)
            continue;
        if (model_mask && !model_mask[f->model])
            continue;
        s[k++] = *f;
    }
    if (k > 1)
        qsort(s, k, sizeof *s, cmp_fact);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || cmp_fact(&s[u - 1], &s[i]) != 0)
            s[u++] = s[i];
    *n_out = u;
    return s;
}

/* The largest model index + 1 among the facts (for contamination_trained). */
static size_t model_bound(const bc_fact *facts, size_t n)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (facts[i].model >= 0 && (size_t)facts[i].model + 1 > m)
            m = (size_t)facts[i].model + 1;
    return m;
}

int contamination_compute(bc_contamination *c, const bc_fact *facts, size_t n,
                          size_t n_models)
{
    size_t nt = 0, ne = 0;
    bc_fact *train = select_sorted(facts, n, n_models, BC_ROLE_TRAIN, NULL, &nt);
    bc_fact *eval = select_sorted(facts, n, n_models, BC_ROLE_EVAL, NULL, &ne);
    size_t per = n_models ? n_models : 1;
    c->n_models = n_models;
    c->evals = calloc(per, sizeof *c->evals);
    c->indomain = calloc(per, sizeof *c->indomain);
    c->same_task = calloc(per, sizeof *c->same_task);
    c->rows = malloc((ne ? ne : 1) * sizeof *c->rows);
    if (!train || !eval || !c->evals || !c->indomain || !c->same_task || !c->rows) {
        free(train);
        free(eval);
        contamination_release(c);
        return BC_EX_SOFTWARE;
    }
    for (size_t i = 0; i < ne; i++) {
        const bc_fact *e = &eval[i];
        c->evals[e->model]++;
        c->n_evals++;
        bc_fact key = { e->model, e->dataset, -2, BC_ROLE_TRAIN };
        size_t j = lower_bound(train, nt, &key);
        int in = j < nt && train[j].model == e->model && train[j].dataset == e->dataset;
        int same = 0;
        if (in && e->task >= 0) {
            key.task = e->task;
            size_t k = lower_bound(train, nt, &key);
            same = k < nt && cmp_fact(&train[k], &key) == 0;
        }
        c->rows[c->n_rows++] = (bc_evaluation){ e->model, e->dataset, e->task, in, same };
        if (!in)
            continue;
        c->indomain[e->model]++;
        c->n_indomain++;
        if (same) {
            c->same_task[e->model]++;
            c->n_same_task++;
        }
    }
    for (size_t m = 0; m < n_models; m++) {
        c->models_evaluated += c->evals[m] > 0;
        c->models_indomain += c->indomain[m] > 0;
    }
    free(train);
    free(eval);
    return BC_OK;
}

bc_fact *contamination_facts(const bc_catalog *cat)
{
    bc_fact *f = malloc((cat->n_usage ? cat->n_usage : 1) * sizeof *f);
    if (!f)
        return NULL;
    for (size_t i = 0; i < cat->n_usage; i++) {
        const bc_usage *u = &cat->usage[i];
        f[i] = (bc_fact){ u->model, u->dataset, u->task, u->role };
    }
    return f;
}

int contamination_from_catalog(bc_contamination *c, const bc_catalog *cat)
{
    bc_fact *f = contamination_facts(cat);
    if (!f)
        return BC_EX_SOFTWARE;
    int rc = contamination_compute(c, f, cat->n_usage, cat->n_models);
    free(f);
    return rc;
}

int contamination_trained(const bc_fact *facts, size_t n, const unsigned char *model_mask,
                          bc_md_pair **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    size_t nt = 0;
    bc_fact *train = select_sorted(facts, n, model_bound(facts, n), BC_ROLE_TRAIN, model_mask,
                                   &nt);
    if (!train)
        return BC_EX_SOFTWARE;
    size_t k = 0;
    for (size_t i = 0; i < nt; i++)
        if (k == 0 || train[i].model != train[k - 1].model ||
            train[i].dataset != train[k - 1].dataset)
            train[k++] = train[i];
    if (k == 0) {
        free(train);
        return BC_OK;
    }
    bc_md_pair *p = malloc(k * sizeof *p);
    if (!p) {
        free(train);
        return BC_EX_SOFTWARE;
    }
    for (size_t i = 0; i < k; i++)
        p[i] = (bc_md_pair){ train[i].model, train[i].dataset };
    free(train);
    *out = p;
    *n_out = k;
    return BC_OK;
}
