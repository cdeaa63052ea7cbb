/*
 * plan_problem.c - the planner's abstract problem: lifecycles, coverage
 * and cost of a pick, and the small statistics the stability uses (see
 * plan_problem.h).
 */
#include "plan_problem.h"
#include "error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void plan_problem_init(plan_problem *p)
{
    memset(p, 0, sizeof *p);
}

void plan_problem_release(plan_problem *p)
{
    if (!p)
        return;
    incidence_release(&p->cover);
    free(p->group);
    free(p->cost);
    free((void *)p->name);
    plan_problem_init(p);
}

void plan_pick_init(plan_pick *k)
{
    k->sets = NULL;
    k->n = 0;
}

void plan_pick_release(plan_pick *k)
{
    if (!k)
        return;
    free(k->sets);
    plan_pick_init(k);
}

double plan_set_cost(const plan_problem *p, int s)
{
    return p->cost ? p->cost[s] : 1.0;
}

int plan_count_covered(const plan_problem *p, const int *sets, size_t n, size_t *count_out)
{
    *count_out = 0;
    unsigned char *seen = calloc(p->n_elems ? p->n_elems : 1, 1);
    if (!seen)
        return BC_EX_SOFTWARE;
    size_t count = 0;
    for (size_t i = 0; i < n; i++) {
        const bc_incidence *m = &p->cover;
        for (size_t j = m->rowptr[sets[i]]; j < m->rowptr[sets[i] + 1]; j++)
            if (!seen[m->col[j]]) {
                seen[m->col[j]] = 1;
                count++;
            }
    }
    free(seen);
    *count_out = count;
    return BC_OK;
}

double plan_pick_cost(const plan_problem *p, const int *sets, size_t n)
{
    double c = 0;
    for (size_t i = 0; i < n; i++)
        c += plan_set_cost(p, sets[i]);
    return c;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sorts a copy of a[0..n-1] and drops duplicates; NULL on OOM. */
static int *sorted_unique(const int *a, size_t n, size_t *out_n)
{
    int *c = malloc((n ? n : 1) * sizeof *c);
    if (!c)
        return NULL;
    if (n)
        memcpy(c, a, n * sizeof *c);
    qsort(c, n, sizeof *c, cmp_int);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (m == 0 || c[m - 1] != c[i])
            c[m++] = c[i];
    *out_n = m;
    return c;
}

double plan_jaccard(const int *a, size_t na, const int *b, size_t nb)
{
    size_t ma, mb;
    int *x = sorted_unique(a, na, &ma);
    int *y = sorted_unique(b, nb, &mb);
    double j = -1;
    if (x && y) {
        size_t i = 0, k = 0, shared = 0;
        while (i < ma && k < mb) {
            if (x[i] == y[k]) {
                shared++;
                i++;
                k++;
            } else if (x[i] < y[k]) {
                i++;
            } else {
                k++;
            }
        }
        size_t uni = ma + mb - shared;
        j = uni ? (double)shared / (double)uni : 1.0;
    }
    free(x);
    free(y);
    return j;
}

double plan_median(double *v, size_t n)
{
    if (n == 0)
        return NAN;
    qsort(v, n, sizeof *v, cmp_double);
    if (n % 2)
        return v[n / 2];
    return (v[n / 2 - 1] + v[n / 2]) / 2;
}


/* Sets by size per cost, descending (the fractional knapsack order). */
typedef struct {
    double size, cost;
} sized;

static int cmp_ratio(const void *a, const void *b)
{
    const sized *x = a, *y = b;
    double l = x->size * y->cost, r = y->size * x->cost;
    return (l < r) - (l > r);
}

double plan_simple_max_bound(const plan_problem *p, long k, double budget)
{
    size_t S = p->n_sets;
    sized *v = malloc((S ? S : 1) * sizeof *v);
    if (!v)
        return (double)p->n_elems;
    for (size_t s = 0; s < S; s++)
        v[s] = (sized){ (double)INC_DEG(&p->cover, s), budget >= 0 ? plan_set_cost(p, (int)s) : 1 };
    qsort(v, S, sizeof *v, cmp_ratio);
    double total = 0, room = budget >= 0 ? budget : (double)k;
    for (size_t s = 0; s < S && room > 0; s++) {
        double take = v[s].cost <= room ? 1 : room / v[s].cost;
        total += take * v[s].size;
        room -= take * v[s].cost;
    }
    free(v);
    return total < (double)p->n_elems ? total : (double)p->n_elems;
}

double plan_simple_cover_bound(const plan_problem *p)
{
    double *least = malloc((p->n_elems ? p->n_elems : 1) * sizeof *least);
    if (!least)
        return 0;
    for (size_t e = 0; e < p->n_elems; e++)
        least[e] = -1;
    for (size_t s = 0; s < p->n_sets; s++)
        for (size_t j = p->cover.rowptr[s]; j < p->cover.rowptr[s + 1]; j++) {
            double c = plan_set_cost(p, (int)s);
            int e = p->cover.col[j];
            if (least[e] < 0 || c < least[e])
                least[e] = c;
        }
    double b = 0;
    for (size_t e = 0; e < p->n_elems; e++)
        if (least[e] > b)
            b = least[e];
    free(least);
    return b;
}
