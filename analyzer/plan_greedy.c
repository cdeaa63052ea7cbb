/*
 * plan_greedy.c - the greedy solvers of the planner (see plan_problem.h):
 * maximum coverage by count or by gain per cost, weighted set cover, each
 * lazy (a priority queue of stale gains, Minoux 1978) or a plain scan
 * with the same choices.  Ties are broken by a total order, so the same
 * problem gives the same pick.
 */
#include "plan_problem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

enum {
    MODE_CARD,  /* largest gain */
    MODE_RATIO, /* largest gain per cost (budgeted coverage) */
    MODE_COVER  /* least cost per gain (set cover) */
};

typedef struct {
    int set;
    size_t gain;   /* elements newly covered */
    size_t groups; /* distinct groups among them */
} cand;

typedef struct {
    const plan_problem *p;
    int mode;
    unsigned char *covered; /* n_elems flags */
    unsigned *stamp;        /* n_groups marks for counting distinct groups */
    unsigned now;
} greedy;

static void eval_set(greedy *g, cand *c)
{
    const bc_incidence *m = &g->p->cover;
    if (++g->now == 0) { /* wrapped: clear the marks */
        memset(g->stamp, 0, (g->p->n_groups ? g->p->n_groups : 1) * sizeof *g->stamp);
        g->now = 1;
    }
    c->gain = 0;
    c->groups = 0;
    for (size_t j = m->rowptr[c->set]; j < m->rowptr[c->set + 1]; j++) {
        int e = m->col[j];
        if (g->covered[e])
            continue;
        c->gain++;
        int grp = g->p->group ? g->p->group[e] : 0;
        if (g->stamp[grp] != g->now) {
            g->stamp[grp] = g->now;
            c->groups++;
        }
    }
}

/* 1 when candidate a comes strictly before b in the greedy's total order. */
static int better(const greedy *g, const cand *a, const cand *b)
{
    const plan_problem *p = g->p;
    if (g->mode == MODE_RATIO) {
        double l = (double)a->gain * plan_set_cost(p, b->set);
        double r = (double)b->gain * plan_set_cost(p, a->set);
        if (l != r)
            return l > r;
    } else if (g->mode == MODE_COVER) {
        double l = plan_set_cost(p, a->set) * (double)b->gain;
        double r = plan_set_cost(p, b->set) * (double)a->gain;
        if (l != r)
            return l < r;
    }
    if (a->gain != b->gain)
        return a->gain > b->gain;
    if (a->groups != b->groups)
        return a->groups > b->groups;
    if (p->name) {
        int c = strcmp(p->name[a->set], p->name[b->set]);
        if (c)
            return c < 0;
    }
    return a->set < b->set;
}

static void heap_down(const greedy *g, cand *h, size_t n, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, best = i;
        if (l < n && better(g, &h[l], &h[best]))
            best = l;
        if (r < n && better(g, &h[r], &h[best]))
            best = r;
        if (best == i)
            return;
        cand t = h[i];
        h[i] = h[best];
        h[best] = t;
        i = best;
    }
}

static int fits(const plan_problem *p, int s, double remaining, double budget)
{
    if (budget < 0)
        return 1;
    return plan_set_cost(p, s) <= remaining + 1e-9 * (budget > 1 ? budget : 1);
}

/*
 * The greedy core.  k < 0: no limit on the count; budget < 0: no budget;
 * allowed NULL: every set.  Appends the choices to `out`.
 */
static int greedy_run(const plan_problem *p, int mode, long k, double budget, int lazy,
                      const unsigned char *allowed, plan_pick *out)
{
    greedy g = { p, mode, NULL, NULL, 0 };
    cand *heap = NULL;
    int rc = BC_EX_SOFTWARE;
    g.covered = calloc(p->n_elems ? p->n_elems : 1, 1);
    g.stamp = calloc(p->n_groups ? p->n_groups : 1, sizeof *g.stamp);
    heap = malloc((p->n_sets ? p->n_sets : 1) * sizeof *heap);
    out->sets = malloc((p->n_sets ? p->n_sets : 1) * sizeof *out->sets);
    out->n = 0;
    if (!g.covered || !g.stamp || !heap || !out->sets)
        goto done;
    double remaining = budget;
    size_t n = 0;
    for (size_t s = 0; s < p->n_sets; s++) {
        if (allowed && !allowed[s])
            continue;
        if (!fits(p, (int)s, remaining, budget))
            continue;
        cand c = { (int)s, 0, 0 };
        eval_set(&g, &c);
        if (c.gain)
            heap[n++] = c;
    }
    if (lazy)
        for (size_t i = n / 2; i-- > 0;)
            heap_down(&g, heap, n, i);
    while ((k < 0 || (long)out->n < k) && n > 0) {
        cand pick;
        if (lazy) {
            /* Minoux's accelerated greedy: stale gains only overestimate,
             * so a top whose fresh value is unchanged is the true best. */
            cand top = heap[0];
            heap[0] = heap[--n];
            heap_down(&g, heap, n, 0);
            if (!fits(p, top.set, remaining, budget))
                continue; /* never fits again: the budget only shrinks */
            cand fresh = top;
            eval_set(&g, &fresh);
            if (fresh.gain == 0)
                continue;
            if (fresh.gain != top.gain || fresh.groups != top.groups) {
                heap[n++] = fresh;
                for (size_t i = n - 1; i > 0;) { /* sift up */
                    size_t parent = (i - 1) / 2;
                    if (!better(&g, &heap[i], &heap[parent]))
                        break;
                    cand t = heap[i];
                    heap[i] = heap[parent];
                    heap[parent] = t;
                    i = parent;
                }
                continue;
            }
            pick = fresh;
        } else {
            /* Plain scan: re-evaluate every remaining candidate. */
            size_t best = SIZE_MAX, m = 0;
            for (size_t i = 0; i < n; i++) {
                if (!fits(p, heap[i].set, remaining, budget))
                    continue;
                eval_set(&g, &heap[i]);
                if (heap[i].gain == 0)
                    continue;
                heap[m] = heap[i];
                if (best == SIZE_MAX || better(&g, &heap[m], &heap[best]))
                    best = m;
                m++;
            }
            n = m;
            if (best == SIZE_MAX)
                break;
            pick = heap[best];
            heap[best] = heap[--n];
        }
        out->sets[out->n++] = pick.set;
        if (budget >= 0)
            remaining -= plan_set_cost(p, pick.set);
        const bc_incidence *mx = &p->cover;
        for (size_t j = mx->rowptr[pick.set]; j < mx->rowptr[pick.set + 1]; j++)
            g.covered[mx->col[j]] = 1;
    }
    rc = BC_OK;
done:
    free(g.covered);
    free(g.stamp);
    free(heap);
    if (rc != BC_OK)
        plan_pick_release(out);
    return rc;
}

int plan_greedy_max(const plan_problem *p, long k, double budget, int lazy, plan_pick *out)
{
    if (budget < 0)
        return greedy_run(p, MODE_CARD, k, -1, lazy, NULL, out);
    int rc = greedy_run(p, MODE_RATIO, -1, budget, lazy, NULL, out);
    if (rc != BC_OK)
        return rc;
    /* Khuller, Moss and Naor: keep the best single affordable set when it
     * beats the ratio greedy; that gives the (1 - 1/e)/2 guarantee. */
    size_t got = 0;
    if ((rc = plan_count_covered(p, out->sets, out->n, &got)) != BC_OK) {
        plan_pick_release(out);
        return rc;
    }
    greedy g = { p, MODE_CARD, NULL, NULL, 0 };
    g.covered = calloc(p->n_elems ? p->n_elems : 1, 1);
    g.stamp = calloc(p->n_groups ? p->n_groups : 1, sizeof *g.stamp);
    if (!g.covered || !g.stamp) {
        free(g.covered);
        free(g.stamp);
        plan_pick_release(out);
        return BC_EX_SOFTWARE;
    }
    cand best = { -1, 0, 0 };
    for (size_t s = 0; s < p->n_sets; s++) {
        if (!fits(p, (int)s, budget, budget))
            continue;
        cand c = { (int)s, 0, 0 };
        eval_set(&g, &c);
        if (c.gain && (best.set < 0 || better(&g, &c, &best)))
            best = c;
    }
    free(g.covered);
    free(g.stamp);
    if (best.set >= 0 && best.gain > got) {
        out->sets[0] = best.set;
        out->n = 1;
    }
    return BC_OK;
}

int plan_greedy_cover(const plan_problem *p, int lazy, plan_pick *out)
{
    return greedy_run(p, MODE_COVER, -1, -1, lazy, NULL, out);
}


int plan_greedy_order(const plan_problem *p, const unsigned char *chosen, plan_pick *out)
{
    return greedy_run(p, MODE_CARD, -1, -1, 1, chosen, out);
}
