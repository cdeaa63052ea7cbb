/*
 * plan.c - the evaluation-set planner (see plan.h, DESIGN.md section 5).
 *
 * The file has four parts: the greedy solvers (lazy or plain), the
 * integer and linear programmes handed to GLPK, the translation of a
 * catalog into an abstract problem, and the writers.  Everything is
 * deterministic: ties are broken by a total order and GLPK is
 * deterministic for a given input, so the same catalog gives the same
 * bytes.
 */
#include "plan.h"

#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

/* ====================================================================== */
/* Small helpers                                                           */
/* ====================================================================== */

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

static double set_cost(const plan_problem *p, int s)
{
    return p->cost ? p->cost[s] : 1.0;
}

size_t plan_count_covered(const plan_problem *p, const int *sets, size_t n)
{
    unsigned char *seen = calloc(p->n_elems ? p->n_elems : 1, 1);
    if (!seen)
        return 0;
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
    return count;
}

double plan_pick_cost(const plan_problem *p, const int *sets, size_t n)
{
    double c = 0;
    for (size_t i = 0; i < n; i++)
        c += set_cost(p, sets[i]);
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

/* ====================================================================== */
/* Greedy                                                                  */
/* ====================================================================== */

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
        double l = (double)a->gain * set_cost(p, b->set);
        double r = (double)b->gain * set_cost(p, a->set);
        if (l != r)
            return l > r;
    } else if (g->mode == MODE_COVER) {
        double l = set_cost(p, a->set) * (double)b->gain;
        double r = set_cost(p, b->set) * (double)a->gain;
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
    return set_cost(p, s) <= remaining + 1e-9 * (budget > 1 ? budget : 1);
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
            remaining -= set_cost(p, pick.set);
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
    size_t got = plan_count_covered(p, out->sets, out->n);
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

/* ====================================================================== */
/* Integer and linear programmes (GLPK)                                    */
/* ====================================================================== */

/* 1 when every set cost is a whole number, so a fewest-sets tie-break can be folded in. */
static int integral_costs(const plan_problem *p)
{
    for (size_t s = 0; s < p->n_sets; s++) {
        double c = set_cost(p, (int)s);
        if (c != floor(c) || c < 0 || c > 1e9)
            return 0;
    }
    return 1;
}

/*
 * Builds and solves one programme.  cover = 0: maximum coverage (k or
 * budget); cover = 1: set cover of the coverable elements.  integer = 0
 * solves the LP relaxation.  On return *status is 1 (solved to
 * optimality), 0 (not solved: time limit or solver trouble); `chosen`
 * (n_sets flags, may be NULL for LPs) and *objval are set when solved.
 */
static int glpk_solve(const plan_problem *p, int cover, long k, double budget, int integer,
                      double time_limit_s, unsigned char *chosen, double *objval, int *status)
{
    size_t S = p->n_sets, E = p->n_elems, ones = incidence_ones(&p->cover);
    int *ia = NULL, *ja = NULL, *row_of = NULL;
    double *ar = NULL;
    glp_prob *lp = NULL;
    int rc = BC_EX_SOFTWARE;
    *status = 0;
    if (S > (size_t)INT_MAX / 2 || E > (size_t)INT_MAX / 2 || ones > (size_t)INT_MAX / 2)
        return rc;
    size_t cap = ones + E + S + 1;
    ia = malloc(cap * sizeof *ia);
    ja = malloc(cap * sizeof *ja);
    ar = malloc(cap * sizeof *ar);
    row_of = malloc((E ? E : 1) * sizeof *row_of);
    if (!ia || !ja || !ar || !row_of)
        goto done;

    int old_term = glp_term_out(GLP_OFF);
    lp = glp_create_prob();
    int ne = 0;
    if (!cover) {
        glp_set_obj_dir(lp, GLP_MAX);
        glp_add_cols(lp, (int)(S + E));
        for (size_t s = 0; s < S; s++) {
            glp_set_col_bnds(lp, (int)s + 1, GLP_DB, 0.0, 1.0);
            if (integer)
                glp_set_col_kind(lp, (int)s + 1, GLP_BV);
        }
        for (size_t e = 0; e < E; e++) {
            glp_set_col_bnds(lp, (int)(S + e) + 1, GLP_DB, 0.0, 1.0);
            glp_set_obj_coef(lp, (int)(S + e) + 1, 1.0);
        }
        /* Rows 1..E: y_e - sum_{s covers e} x_s <= 0; row E+1: the budget. */
        glp_add_rows(lp, (int)E + 1);
        for (size_t e = 0; e < E; e++) {
            glp_set_row_bnds(lp, (int)e + 1, GLP_UP, 0.0, 0.0);
            ne++;
            ia[ne] = (int)e + 1, ja[ne] = (int)(S + e) + 1, ar[ne] = 1.0;
        }
        for (size_t s = 0; s < S; s++)
            for (size_t j = p->cover.rowptr[s]; j < p->cover.rowptr[s + 1]; j++) {
                ne++;
                ia[ne] = p->cover.col[j] + 1, ja[ne] = (int)s + 1, ar[ne] = -1.0;
            }
        double cap_row = budget >= 0 ? budget : (double)k;
        glp_set_row_bnds(lp, (int)E + 1, GLP_UP, 0.0, cap_row);
        for (size_t s = 0; s < S; s++) {
            ne++;
            ia[ne] = (int)E + 1, ja[ne] = (int)s + 1;
            ar[ne] = budget >= 0 ? set_cost(p, (int)s) : 1.0;
        }
    } else {
        glp_set_obj_dir(lp, GLP_MIN);
        /* One row per coverable element: sum_{s covers e} x_s >= 1. */
        int rows = 0;
        for (size_t e = 0; e < E; e++)
            row_of[e] = 0;
        for (size_t j = 0; j < ones; j++)
            row_of[p->cover.col[j]] = 1;
        for (size_t e = 0; e < E; e++)
            row_of[e] = row_of[e] ? ++rows : 0;
        glp_add_cols(lp, (int)S);
        glp_add_rows(lp, rows);
        /* Folding "fewest sets" into whole-number costs: cost * (S + 1) + 1
         * orders covers by cost first, because the +1 terms sum to at most S. */
        int fold = integer && integral_costs(p);
        for (size_t s = 0; s < S; s++) {
            glp_set_col_bnds(lp, (int)s + 1, GLP_DB, 0.0, 1.0);
            if (integer)
                glp_set_col_kind(lp, (int)s + 1, GLP_BV);
            double c = set_cost(p, (int)s);
            glp_set_obj_coef(lp, (int)s + 1, fold ? c * (double)(S + 1) + 1.0 : c);
        }
        for (int r = 1; r <= rows; r++)
            glp_set_row_bnds(lp, r, GLP_LO, 1.0, 0.0);
        for (size_t s = 0; s < S; s++)
            for (size_t j = p->cover.rowptr[s]; j < p->cover.rowptr[s + 1]; j++) {
                ne++;
                ia[ne] = row_of[p->cover.col[j]], ja[ne] = (int)s + 1, ar[ne] = 1.0;
            }
    }
    glp_load_matrix(lp, ne, ia, ja, ar);

    if (integer) {
        glp_iocp parm;
        glp_init_iocp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        parm.presolve = GLP_ON;
        parm.tm_lim = time_limit_s > 0 ? (int)(time_limit_s * 1000) : INT_MAX;
        int ret = glp_intopt(lp, &parm);
        if (ret == 0 && glp_mip_status(lp) == GLP_OPT) {
            *status = 1;
            *objval = glp_mip_obj_val(lp);
            for (size_t s = 0; s < S; s++)
                chosen[s] = glp_mip_col_val(lp, (int)s + 1) > 0.5;
        }
    } else {
        glp_smcp parm;
        glp_init_smcp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        parm.presolve = GLP_ON;
        int ret = glp_simplex(lp, &parm);
        if (ret == 0 && glp_get_status(lp) == GLP_OPT) {
            *status = 1;
            *objval = glp_get_obj_val(lp);
        }
    }
    glp_delete_prob(lp);
    glp_term_out(old_term);
    rc = BC_OK;
done:
    free(ia);
    free(ja);
    free(ar);
    free(row_of);
    return rc;
}

/* Orders the chosen sets greedily by gain and drops those that gain nothing. */
static int order_chosen(const plan_problem *p, const unsigned char *chosen, plan_pick *out)
{
    return greedy_run(p, MODE_CARD, -1, -1, 1, chosen, out);
}

static int exact_common(const plan_problem *p, int cover, long k, double budget,
                        double time_limit_s, plan_pick *out, int *solved)
{
    plan_pick_init(out);
    *solved = 0;
    size_t ones = incidence_ones(&p->cover);
    if (p->n_sets == 0 || p->n_elems == 0 || ones == 0) {
        *solved = 1; /* nothing to cover: the empty plan is optimal */
        out->sets = malloc(sizeof *out->sets);
        return out->sets ? BC_OK : BC_EX_SOFTWARE;
    }
    unsigned char *chosen = calloc(p->n_sets, 1);
    if (!chosen)
        return BC_EX_SOFTWARE;
    double obj = 0;
    int st = 0;
    int rc = glpk_solve(p, cover, k, budget, 1, time_limit_s, chosen, &obj, &st);
    if (rc == BC_OK && st) {
        rc = order_chosen(p, chosen, out);
        if (rc == BC_OK)
            *solved = 1;
    }
    free(chosen);
    return rc;
}

int plan_exact_max(const plan_problem *p, long k, double budget, double time_limit_s,
                   plan_pick *out, int *solved)
{
    return exact_common(p, 0, k, budget, time_limit_s, out, solved);
}

int plan_exact_cover(const plan_problem *p, double time_limit_s, plan_pick *out, int *solved)
{
    return exact_common(p, 1, -1, -1, time_limit_s, out, solved);
}

static int lp_common(const plan_problem *p, int cover, long k, double budget, double *bound)
{
    *bound = 0;
    if (p->n_sets == 0 || p->n_elems == 0 || incidence_ones(&p->cover) == 0)
        return BC_OK;
    int st = 0;
    int rc = glpk_solve(p, cover, k, budget, 0, 0, NULL, bound, &st);
    if (rc == BC_OK && !st)
        rc = BC_EX_SOFTWARE;
    return rc;
}

int plan_lp_max(const plan_problem *p, long k, double budget, double *bound)
{
    return lp_common(p, 0, k, budget, bound);
}

int plan_lp_cover(const plan_problem *p, double *bound)
{
    return lp_common(p, 1, -1, -1, bound);
}

/* ====================================================================== */
/* From a catalog to a problem                                             */
/* ====================================================================== */

typedef struct {
    plan_problem prob;
    int *set_dataset;     /* n_sets: catalog dataset of each set */
    int *elem_model;      /* n_elems: model of each element (-1 for unseen) */
    int *elem_task;       /* n_elems: task of each element */
    bc_incidence trained; /* datasets x models: baselines with a train row */
    size_t skipped;       /* datasets covering something, hours unknown (--hours) */
    size_t groups_used;   /* == prob.n_groups */
} cat_problem;

static void cat_problem_release(cat_problem *c)
{
    plan_problem_release(&c->prob);
    free(c->set_dataset);
    free(c->elem_model);
    free(c->elem_task);
    incidence_release(&c->trained);
    memset(c, 0, sizeof *c);
}

typedef struct {
    int model, task, dataset;
} triple;

/* The catalog being sorted by sort_triples (qsort has no context argument). */
static const bc_catalog *sort_cat;

/* Elements in task code order, then model name order; then dataset index. */
static int cmp_triple(const void *a, const void *b)
{
    const triple *x = a, *y = b;
    if (x->task != y->task) {
        int c = strcmp(sort_cat->tasks[x->task].code, sort_cat->tasks[y->task].code);
        return c ? c : (x->task > y->task) - (x->task < y->task);
    }
    if (x->model != y->model) {
        if (x->model < 0 || y->model < 0)
            return (x->model > y->model) - (x->model < y->model);
        int c = strcmp(sort_cat->models[x->model].name, sort_cat->models[y->model].name);
        return c ? c : (x->model > y->model) - (x->model < y->model);
    }
    return (x->dataset > y->dataset) - (x->dataset < y->dataset);
}

static int role_ok(int want, bc_role have)
{
    return want == 0 || (int)have == want;
}

/*
 * Builds the problem of `cat` for baselines base_mask (n_models flags,
 * `excluded` also left out when >= 0) and target tasks task_mask.
 */
static int cat_problem_build(cat_problem *c, const bc_catalog *cat, const plan_options *opt,
                             const unsigned char *base_mask, const unsigned char *task_mask,
                             int excluded)
{
    memset(c, 0, sizeof *c);
    plan_problem_init(&c->prob);
    incidence_init(&c->trained);
    int rc = BC_EX_SOFTWARE;
    size_t cap = cat->n_usage;
    if (opt->objective == PLAN_UNSEEN)
        for (size_t d = 0; d < cat->n_datasets; d++)
            cap += cat->datasets[d].n_tasks;
    triple *tr = malloc((cap ? cap : 1) * sizeof *tr);
    int *rows = malloc((cat->n_usage ? cat->n_usage : 1) * sizeof *rows);
    int *cols = malloc((cat->n_usage ? cat->n_usage : 1) * sizeof *cols);
    int *set_of = malloc((cat->n_datasets ? cat->n_datasets : 1) * sizeof *set_of);
    int *group_of = malloc((cat->n_tasks ? cat->n_tasks : 1) * sizeof *group_of);
    int *prow = NULL, *pcol = NULL;
    if (!tr || !rows || !cols || !set_of || !group_of)
        goto done;

    /* Baselines with a train row on each dataset: the weights of `unseen`. */
    size_t nt = 0;
    for (size_t i = 0; i < cat->n_usage; i++) {
        const bc_usage *u = &cat->usage[i];
        if (u->role != BC_ROLE_TRAIN || u->dataset < 0 || !base_mask[u->model] ||
            u->model == excluded)
            continue;
        rows[nt] = u->dataset;
        cols[nt] = u->model;
        nt++;
    }
    if (incidence_from_pairs(&c->trained, cat->n_datasets, cat->n_models, rows, cols, nt))
        goto done;

    /* The (element, dataset) facts. */
    size_t n = 0;
    if (opt->objective == PLAN_COMPARABLE) {
        for (size_t i = 0; i < cat->n_usage; i++) {
            const bc_usage *u = &cat->usage[i];
            if (u->dataset < 0 || u->task < 0 || !role_ok(opt->role, u->role) ||
                !base_mask[u->model] || u->model == excluded || !task_mask[u->task])
                continue;
            tr[n++] = (triple){ u->model, u->task, u->dataset };
        }
    } else {
        for (size_t i = 0; i < cat->n_usage; i++) {
            const bc_usage *u = &cat->usage[i];
            if (u->dataset < 0 || u->task < 0 || !role_ok(opt->role, u->role) ||
                !task_mask[u->task])
                continue;
            tr[n++] = (triple){ -1, u->task, u->dataset };
        }
        for (size_t d = 0; d < cat->n_datasets; d++)
            for (size_t j = 0; j < cat->datasets[d].n_tasks; j++) {
                int t = cat->datasets[d].tasks[j];
                if (task_mask[t])
                    tr[n++] = (triple){ -1, t, (int)d };
            }
    }

    /* Candidate sets: datasets in some fact, minus those without hours
     * under an hour budget. */
    int hours_mode = opt->objective == PLAN_COMPARABLE && opt->hours >= 0;
    for (size_t d = 0; d < cat->n_datasets; d++)
        set_of[d] = -1;
    for (size_t i = 0; i < n; i++)
        set_of[tr[i].dataset] = 0;
    size_t S = 0;
    for (size_t d = 0; d < cat->n_datasets; d++) {
        if (set_of[d] < 0)
            continue;
        if (hours_mode && cat->datasets[d].hours < 0) {
            set_of[d] = -1;
            c->skipped++;
            continue;
        }
        set_of[d] = (int)S++;
    }

    /* Elements: facts in (task, model) order; the universe counts every
     * element, even one only datasets without hours cover. */
    sort_cat = cat;
    qsort(tr, n, sizeof *tr, cmp_triple);
    size_t E = 0, G = 0;
    for (size_t t = 0; t < cat->n_tasks; t++)
        group_of[t] = -1;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || tr[i].task != tr[i - 1].task || tr[i].model != tr[i - 1].model) {
            E++;
            if (group_of[tr[i].task] < 0)
                group_of[tr[i].task] = (int)G++;
        }
    c->set_dataset = malloc((S ? S : 1) * sizeof *c->set_dataset);
    c->elem_model = malloc((E ? E : 1) * sizeof *c->elem_model);
    c->elem_task = malloc((E ? E : 1) * sizeof *c->elem_task);
    c->prob.group = malloc((E ? E : 1) * sizeof *c->prob.group);
    c->prob.name = malloc((S ? S : 1) * sizeof *c->prob.name);
    prow = malloc((n ? n : 1) * sizeof *prow);
    pcol = malloc((n ? n : 1) * sizeof *pcol);
    if (!c->set_dataset || !c->elem_model || !c->elem_task || !c->prob.group ||
        !c->prob.name || !prow || !pcol)
        goto done;
    if (hours_mode || opt->objective == PLAN_UNSEEN) {
        c->prob.cost = malloc((S ? S : 1) * sizeof *c->prob.cost);
        if (!c->prob.cost)
            goto done;
    }
    for (size_t d = 0; d < cat->n_datasets; d++) {
        int s = set_of[d];
        if (s < 0)
            continue;
        c->set_dataset[s] = (int)d;
        c->prob.name[s] = cat->datasets[d].name;
        if (hours_mode)
            c->prob.cost[s] = cat->datasets[d].hours;
        else if (opt->objective == PLAN_UNSEEN)
            c->prob.cost[s] = (double)INC_DEG(&c->trained, d);
    }
    size_t e = 0, np = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || tr[i].task != tr[i - 1].task || tr[i].model != tr[i - 1].model) {
            c->elem_model[e] = tr[i].model;
            c->elem_task[e] = tr[i].task;
            c->prob.group[e] = group_of[tr[i].task];
            e++;
        }
        int s = set_of[tr[i].dataset];
        if (s >= 0) {
            prow[np] = s;
            pcol[np] = (int)e - 1;
            np++;
        }
    }
    c->prob.n_sets = S;
    c->prob.n_elems = E;
    c->prob.n_groups = G;
    c->groups_used = G;
    if (incidence_from_pairs(&c->prob.cover, S, E, prow, pcol, np))
        goto done;
    rc = BC_OK;
done:
    free(tr);
    free(rows);
    free(cols);
    free(set_of);
    free(group_of);
    free(prow);
    free(pcol);
    if (rc != BC_OK)
        cat_problem_release(c);
    return rc;
}

/* Solves a catalog problem by `method`; fills pick, what was used, and the bound. */
static int cat_problem_solve(const cat_problem *c, const plan_options *opt, plan_method method,
                             plan_pick *pick, plan_method *used, double *bound)
{
    const plan_problem *p = &c->prob;
    int cover = opt->objective == PLAN_UNSEEN;
    double budget = cover ? -1 : opt->hours;
    int rc, solved = 0;
    plan_pick_init(pick);
    if (method != PLAN_GREEDY) {
        double tl = method == PLAN_EXACT ? 0 : PLAN_TIME_LIMIT_S;
        rc = cover ? plan_exact_cover(p, tl, pick, &solved)
                   : plan_exact_max(p, opt->k, budget, tl, pick, &solved);
        if (rc != BC_OK)
            return rc;
        if (solved) {
            *used = PLAN_EXACT;
            *bound = cover ? plan_pick_cost(p, pick->sets, pick->n)
                           : (double)plan_count_covered(p, pick->sets, pick->n);
            /* Optima are rarely unique.  When the greedy choice is one of
             * them, keep it: ties then break by the documented order rather
             * than by the solver's path, and plans stay comparable. */
            plan_pick g;
            plan_pick_init(&g);
            rc = cover ? plan_greedy_cover(p, 1, &g) : plan_greedy_max(p, opt->k, budget, 1, &g);
            if (rc != BC_OK) {
                plan_pick_release(pick);
                return rc;
            }
            int same = cover ? plan_pick_cost(p, g.sets, g.n) <= *bound + 1e-9 &&
                                   g.n <= pick->n
                             : (double)plan_count_covered(p, g.sets, g.n) >= *bound;
            if (same) {
                plan_pick_release(pick);
                *pick = g;
            } else {
                plan_pick_release(&g);
            }
            return BC_OK;
        }
        plan_pick_release(pick);
    }
    *used = PLAN_GREEDY;
    rc = cover ? plan_greedy_cover(p, 1, pick) : plan_greedy_max(p, opt->k, budget, 1, pick);
    if (rc != BC_OK)
        return rc;
    double lp = 0;
    rc = cover ? plan_lp_cover(p, &lp) : plan_lp_max(p, opt->k, budget, &lp);
    if (rc != BC_OK) {
        plan_pick_release(pick);
        return rc;
    }
    /* Whole-number objectives: the integer optimum lies within the LP
     * bound rounded inwards. */
    if (cover)
        *bound = integral_costs(p) ? ceil(lp - 1e-6) : lp;
    else
        *bound = floor(lp + 1e-6);
    return BC_OK;
}

/* ====================================================================== */
/* Plans                                                                   */
/* ====================================================================== */

void plan_options_init(plan_options *o)
{
    memset(o, 0, sizeof *o);
    o->k = PLAN_DEFAULT_K;
    o->hours = -1;
    o->role = 0;
    o->objective = PLAN_COMPARABLE;
    o->method = PLAN_AUTO;
    o->stability = 1;
}

void plan_init(bc_plan *p)
{
    memset(p, 0, sizeof *p);
    p->stability = NAN;
    p->hours_budget = -1;
}

void plan_release(bc_plan *p)
{
    if (!p)
        return;
    free(p->tasks);
    free(p->baselines);
    free(p->steps);
    free(p->new_model);
    free(p->new_task);
    plan_init(p);
}

/* Flags for the listed indices (all when list is NULL); the sorted unique list in *out. */
static unsigned char *mask_of(const int *list, size_t n, size_t total, int **out,
                              size_t *out_n)
{
    unsigned char *m = calloc(total ? total : 1, 1);
    int *l = malloc((total ? total : 1) * sizeof *l);
    if (!m || !l) {
        free(m);
        free(l);
        return NULL;
    }
    if (!list) {
        memset(m, 1, total);
    } else {
        for (size_t i = 0; i < n; i++)
            if (list[i] >= 0 && (size_t)list[i] < total)
                m[list[i]] = 1;
    }
    size_t k = 0;
    for (size_t i = 0; i < total; i++)
        if (m[i])
            l[k++] = (int)i;
    *out = l;
    *out_n = k;
    return m;
}

/* 1 when leaving baseline b out cannot change the problem at all. */
static int baseline_inert(const cat_problem *c, const plan_options *opt, int b)
{
    const plan_problem *p = &c->prob;
    if (opt->objective == PLAN_COMPARABLE) {
        for (size_t e = 0; e < p->n_elems; e++)
            if (c->elem_model[e] == b)
                return 0;
        return 1;
    }
    for (size_t s = 0; s < p->n_sets; s++)
        if (incidence_get(&c->trained, (size_t)c->set_dataset[s], b))
            return 0;
    return 1;
}

static int plan_stability(bc_plan *out, const plan_options *opt, const cat_problem *main_c,
                          const plan_pick *main_pick, const unsigned char *base_mask,
                          const unsigned char *task_mask, bc_errors *errs)
{
    const bc_catalog *cat = out->cat;
    size_t nb = out->n_baselines;
    double *jac = malloc((nb ? nb : 1) * sizeof *jac);
    int *mine = malloc((main_pick->n ? main_pick->n : 1) * sizeof *mine);
    if (!jac || !mine) {
        free(jac);
        free(mine);
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < main_pick->n; i++)
        mine[i] = main_c->set_dataset[main_pick->sets[i]];
    /* Each leave-one-out plan is computed the way the main plan was. */
    plan_method method = out->method == PLAN_GREEDY ? PLAN_GREEDY : opt->method;
    int rc = BC_OK;
    for (size_t i = 0; i < nb && rc == BC_OK; i++) {
        int b = out->baselines[i];
        if (baseline_inert(main_c, opt, b)) {
            jac[i] = 1.0;
            continue;
        }
        cat_problem c;
        rc = cat_problem_build(&c, cat, opt, base_mask, task_mask, b);
        if (rc != BC_OK)
            break;
        plan_pick pick;
        plan_method used;
        double bound;
        rc = cat_problem_solve(&c, opt, method, &pick, &used, &bound);
        if (rc == BC_OK) {
            int *theirs = malloc((pick.n ? pick.n : 1) * sizeof *theirs);
            if (!theirs) {
                rc = BC_EX_SOFTWARE;
            } else {
                for (size_t j = 0; j < pick.n; j++)
                    theirs[j] = c.set_dataset[pick.sets[j]];
                jac[i] = plan_jaccard(mine, main_pick->n, theirs, pick.n);
                if (jac[i] < 0)
                    rc = BC_EX_SOFTWARE;
                free(theirs);
            }
        }
        plan_pick_release(&pick);
        cat_problem_release(&c);
    }
    if (rc == BC_OK) {
        out->stability = plan_median(jac, nb);
        out->stability_runs = nb;
    }
    free(jac);
    free(mine);
    if (rc != BC_OK)
        return errors_add(errs, rc, NULL, 0, 0, "planner: out of memory or solver failure");
    return BC_OK;
}

int plan_build(const bc_catalog *cat, const plan_options *opt, bc_plan *out, bc_errors *errs)
{
    unsigned char *base_mask = NULL, *task_mask = NULL, *seen = NULL, *gseen = NULL;
    cat_problem c;
    plan_pick pick;
    int rc;
    memset(&c, 0, sizeof c);
    plan_pick_init(&pick);

    out->cat = cat;
    out->objective = opt->objective;
    out->role = opt->role;
    out->k = opt->k;
    out->hours_budget = opt->objective == PLAN_COMPARABLE ? opt->hours : -1;
    base_mask = mask_of(opt->baselines, opt->n_baselines, cat->n_models, &out->baselines,
                        &out->n_baselines);
    task_mask = mask_of(opt->tasks, opt->n_tasks, cat->n_tasks, &out->tasks, &out->n_tasks);
    if (!base_mask || !task_mask)
        goto oom;
    rc = cat_problem_build(&c, cat, opt, base_mask, task_mask, -1);
    if (rc != BC_OK)
        goto oom;
    const plan_problem *p = &c.prob;
    out->universe = p->n_elems;
    out->universe_tasks = p->n_groups;
    out->candidates = p->n_sets;
    out->skipped_no_hours = c.skipped;

    rc = cat_problem_solve(&c, opt, opt->method, &pick, &out->method, &out->bound);
    if (rc != BC_OK)
        goto fail;
    out->bound_is_optimum = out->method == PLAN_EXACT;

    /* Steps: replay the choices, recording what each one newly covers. */
    out->steps = malloc((pick.n ? pick.n : 1) * sizeof *out->steps);
    out->new_model = malloc((p->n_elems ? p->n_elems : 1) * sizeof *out->new_model);
    out->new_task = malloc((p->n_elems ? p->n_elems : 1) * sizeof *out->new_task);
    seen = calloc(p->n_elems ? p->n_elems : 1, 1);
    gseen = calloc(p->n_groups ? p->n_groups : 1, 1);
    if (!out->steps || !out->new_model || !out->new_task || !seen || !gseen)
        goto oom;
    size_t covered = 0, groups = 0, nn = 0;
    for (size_t i = 0; i < pick.n; i++) {
        int s = pick.sets[i];
        int d = c.set_dataset[s];
        plan_step *st = &out->steps[i];
        st->dataset = d;
        st->first_new = nn;
        st->gain = 0;
        /* cover rows are ascending element ids, i.e. (task, model) name order */
        for (size_t j = p->cover.rowptr[s]; j < p->cover.rowptr[s + 1]; j++) {
            int e = p->cover.col[j];
            if (seen[e])
                continue;
            seen[e] = 1;
            st->gain++;
            covered++;
            if (!gseen[p->group[e]]) {
                gseen[p->group[e]] = 1;
                groups++;
            }
            out->new_model[nn] = c.elem_model[e];
            out->new_task[nn] = c.elem_task[e];
            nn++;
        }
        st->n_new = nn - st->first_new;
        st->covered = covered;
        st->tasks_covered = groups;
        st->hours = cat->datasets[d].hours;
        st->weight = (double)INC_DEG(&c.trained, d);
        if (st->hours >= 0)
            out->total_hours += st->hours;
        out->total_weight += st->weight;
    }
    out->n_steps = pick.n;
    out->covered = covered;

    if (out->n_steps == 0) {
        if (out->universe == 0)
            out->empty_reason =
                opt->objective == PLAN_UNSEEN
                    ? "no dataset serves any of the target tasks"
                    : "no usage row with a named dataset and the chosen role links a baseline "
                      "to a target task";
        else if (out->candidates == 0)
            out->empty_reason = "no dataset that covers a pair has known hours";
        else
            out->empty_reason = "no candidate dataset fits within the hour budget";
    }

    if (opt->stability) {
        rc = plan_stability(out, opt, &c, &pick, base_mask, task_mask, errs);
        if (rc != BC_OK)
            goto fail;
    }
    rc = BC_OK;
    goto done;
oom:
    rc = BC_EX_SOFTWARE;
    errors_add(errs, rc, NULL, 0, 0, "out of memory");
    goto done;
fail:
    if (errs->code < rc)
        errors_add(errs, rc, NULL, 0, 0, "planner: out of memory or solver failure");
done:
    plan_pick_release(&pick);
    cat_problem_release(&c);
    free(base_mask);
    free(task_mask);
    free(seen);
    free(gseen);
    return rc;
}

int plan_default(const bc_catalog *cat, bc_plan *out)
{
    plan_options o;
    plan_options_init(&o);
    bc_errors errs;
    errors_init(&errs);
    int rc = plan_build(cat, &o, out, &errs);
    errors_release(&errs);
    return rc;
}

int plan_gain_curve(const bc_plan *p, double **x, double **y, size_t *n)
{
    *x = malloc((p->n_steps + 1) * sizeof **x);
    *y = malloc((p->n_steps + 1) * sizeof **y);
    if (!*x || !*y) {
        free(*x);
        free(*y);
        *x = *y = NULL;
        *n = 0;
        return BC_EX_SOFTWARE;
    }
    (*x)[0] = 0;
    (*y)[0] = 0;
    for (size_t i = 0; i < p->n_steps; i++) {
        (*x)[i + 1] = (double)(i + 1);
        (*y)[i + 1] = (double)p->steps[i].covered;
    }
    *n = p->n_steps + 1;
    return BC_OK;
}

/* ====================================================================== */
/* Writers                                                                 */
/* ====================================================================== */

static int stream_rc(FILE *fp)
{
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

int plan_write_csv(FILE *fp, const bc_plan *p)
{
    fputs("step,dataset,gain,covered,tasks_covered\n", fp);
    for (size_t i = 0; i < p->n_steps; i++) {
        const plan_step *s = &p->steps[i];
        fmt_put_num(fp, (double)(i + 1));
        fputc(',', fp);
        fmt_csv(fp, p->cat->datasets[s->dataset].name);
        fputc(',', fp);
        fmt_put_num(fp, (double)s->gain);
        fputc(',', fp);
        fmt_put_num(fp, (double)s->covered);
        fputc(',', fp);
        fmt_put_num(fp, (double)s->tasks_covered);
        fputc('\n', fp);
    }
    fputs("bound,,,", fp);
    fmt_put_num(fp, p->bound);
    fputs(",\n", fp);
    return stream_rc(fp);
}

static const char *role_word(int role)
{
    return role == BC_ROLE_TRAIN ? "train" : role == BC_ROLE_EVAL ? "eval" : "any";
}

static void put_hours(FILE *fp, double h)
{
    if (h < 0)
        fputs("unknown", fp);
    else
        fmt_put_num(fp, h);
}

/* Comma-separated, Markdown-escaped names of the baselines that trained on d. */
static void put_trained(FILE *fp, const bc_plan *p, int d)
{
    const bc_catalog *cat = p->cat;
    int first = 1;
    for (size_t i = 0; i < p->n_baselines; i++) {
        int b = p->baselines[i];
        int hit = 0;
        for (size_t u = 0; u < cat->n_usage && !hit; u++)
            hit = cat->usage[u].model == b && cat->usage[u].dataset == d &&
                  cat->usage[u].role == BC_ROLE_TRAIN;
        if (!hit)
            continue;
        fputs(first ? "" : ", ", fp);
        fmt_md(fp, cat->models[b].name);
        first = 0;
    }
}

/* Writes `level` hash marks and a space: a Markdown heading of that level. */
static void heading(FILE *fp, int level)
{
    for (int i = 0; i < level; i++)
        fputc('#', fp);
    fputc(' ', fp);
}

static void write_step_md(FILE *fp, const bc_plan *p, size_t i, int level)
{
    const bc_catalog *cat = p->cat;
    const plan_step *s = &p->steps[i];
    heading(fp, level);
    fputs("Step ", fp);
    fmt_put_num(fp, (double)(i + 1));
    fputs(": ", fp);
    fmt_md(fp, cat->datasets[s->dataset].name);
    fputs("\n\n", fp);
    if (p->objective == PLAN_COMPARABLE) {
        fputs("Makes ", fp);
        fmt_put_num(fp, (double)s->gain);
        fputs(s->gain == 1 ? " new (baseline, task) pair comparable" :
                             " new (baseline, task) pairs comparable", fp);
        fputs(" (", fp);
        fmt_put_num(fp, (double)s->covered);
        fputs(" of ", fp);
        fmt_put_num(fp, (double)p->universe);
        fputs(" so far); hours: ", fp);
        put_hours(fp, s->hours);
        fputs(".\n\n", fp);
        /* One line per task: the baselines that become comparable on it. */
        for (size_t j = s->first_new; j < s->first_new + s->n_new; j++) {
            int t = p->new_task[j];
            if (j == s->first_new || p->new_task[j - 1] != t) {
                if (j != s->first_new)
                    fputc('\n', fp);
                fputs("- ", fp);
                fmt_md(fp, cat->tasks[t].code);
                fputs(": ", fp);
            } else {
                fputs(", ", fp);
            }
            fmt_md(fp, cat->models[p->new_model[j]].name);
        }
        if (s->n_new)
            fputs("\n\n", fp);
    } else {
        fputs("Serves ", fp);
        fmt_put_num(fp, (double)s->gain);
        fputs(s->gain == 1 ? " new task: " : " new tasks: ", fp);
        for (size_t j = s->first_new; j < s->first_new + s->n_new; j++) {
            if (j != s->first_new)
                fputs(", ", fp);
            fmt_md(fp, cat->tasks[p->new_task[j]].code);
        }
        fputs("; hours: ", fp);
        put_hours(fp, s->hours);
        fputs(".\n", fp);
        if (s->weight > 0) {
            fputs("Trained on by ", fp);
            fmt_put_num(fp, s->weight);
            fputs(s->weight == 1 ? " baseline: " : " baselines: ", fp);
            put_trained(fp, p, s->dataset);
            fputs(".\n\n", fp);
        } else {
            fputs("No baseline trained on it.\n\n", fp);
        }
    }
}

static void write_bound_md(FILE *fp, const bc_plan *p)
{
    if (p->objective == PLAN_COMPARABLE) {
        fputs("**Bound.** The plan covers ", fp);
        fmt_put_num(fp, (double)p->covered);
        fputs(" of ", fp);
        fmt_put_num(fp, (double)p->universe);
        fputs(" pairs. ", fp);
        if (p->bound_is_optimum) {
            fputs("This is the optimum (integer programme solved exactly), gap 0.\n\n", fp);
        } else {
            double gap = p->bound - (double)p->covered;
            fputs("Upper bound from the LP relaxation: ", fp);
            fmt_put_num(fp, p->bound);
            fputs("; gap to it at most ", fp);
            fmt_put_num(fp, gap > 0 ? gap : 0);
            fputs(" pairs", fp);
            if (p->bound > 0) {
                fputs(" (", fp);
                fmt_put_num(fp, 100.0 * (gap > 0 ? gap : 0) / p->bound);
                fputs("%)", fp);
            }
            fputs(".\n\n", fp);
        }
    } else {
        fputs("**Bound.** The plan's weight (for each chosen dataset, the baselines "
              "that trained on it, summed) is ", fp);
        fmt_put_num(fp, p->total_weight);
        fputs(". ", fp);
        if (p->bound_is_optimum) {
            fputs("This is the least weight of any dataset set serving every coverable "
                  "task (integer programme solved exactly), gap 0.\n\n", fp);
        } else {
            double gap = p->total_weight - p->bound;
            fputs("Lower bound on the least weight, from the LP relaxation: ", fp);
            fmt_put_num(fp, p->bound);
            fputs("; gap to it at most ", fp);
            fmt_put_num(fp, gap > 0 ? gap : 0);
            fputs(".\n\n", fp);
        }
    }
}

int plan_write_md(FILE *fp, const bc_plan *p)
{
    return plan_write_md_at(fp, p, 1);
}

int plan_write_md_at(FILE *fp, const bc_plan *p, int level)
{
    heading(fp, level);
    fputs("Evaluation plan\n\n", fp);
    if (p->objective == PLAN_COMPARABLE) {
        fputs("- Objective: comparable: cover the most (baseline, task) pairs with ", fp);
        if (p->hours_budget >= 0) {
            fputs("datasets of at most ", fp);
            fmt_put_num(fp, p->hours_budget);
            fputs(" hours in total\n", fp);
        } else {
            fputs("at most ", fp);
            fmt_put_num(fp, (double)p->k);
            fputs(p->k == 1 ? " dataset\n" : " datasets\n", fp);
        }
    } else {
        fputs("- Objective: unseen: serve every coverable target task, preferring "
              "datasets few baselines trained on\n", fp);
    }
    fputs(p->method == PLAN_EXACT ? "- Method: exact (integer programme, GLPK)\n"
                                  : "- Method: greedy, bounded by the LP relaxation\n",
          fp);
    fputs("- Role: ", fp);
    fputs(role_word(p->role), fp);
    fputs("\n- Baselines: ", fp);
    fmt_put_num(fp, (double)p->n_baselines);
    fputs("; target tasks: ", fp);
    fmt_put_num(fp, (double)p->n_tasks);
    fputs("\n- Universe: ", fp);
    fmt_put_num(fp, (double)p->universe);
    if (p->objective == PLAN_COMPARABLE) {
        fputs(" (baseline, task) pairs over ", fp);
        fmt_put_num(fp, (double)p->universe_tasks);
        fputs(p->universe_tasks == 1 ? " task" : " tasks", fp);
    } else {
        fputs(" coverable target tasks", fp);
    }
    fputs("; candidate datasets: ", fp);
    fmt_put_num(fp, (double)p->candidates);
    fputc('\n', fp);
    if (p->hours_budget >= 0) {
        fputs("- Datasets skipped for lack of hours: ", fp);
        fmt_put_num(fp, (double)p->skipped_no_hours);
        fputc('\n', fp);
    }
    fputc('\n', fp);

    if (p->n_steps == 0) {
        fputs("No dataset was chosen: ", fp);
        fputs(p->empty_reason ? p->empty_reason : "nothing to cover", fp);
        fputs(".\n\n", fp);
    } else {
        fputs("| step | dataset | gain | covered | tasks covered | hours |\n", fp);
        fputs("|---:|---|---:|---:|---:|---:|\n", fp);
        for (size_t i = 0; i < p->n_steps; i++) {
            const plan_step *s = &p->steps[i];
            fmt_printf(fp, "| %N | %M | %N | %N | %N | ", (double)(i + 1),
                       p->cat->datasets[s->dataset].name, (double)s->gain, (double)s->covered,
                       (double)s->tasks_covered);
            put_hours(fp, s->hours);
            fputs(" |\n", fp);
        }
        fputc('\n', fp);
        for (size_t i = 0; i < p->n_steps; i++)
            write_step_md(fp, p, i, level + 1);
        size_t unknown = 0;
        for (size_t i = 0; i < p->n_steps; i++)
            unknown += p->steps[i].hours < 0;
        fputs("Total hours: ", fp);
        fmt_put_num(fp, p->total_hours);
        if (unknown) {
            fputs(" (plus ", fp);
            fmt_put_num(fp, (double)unknown);
            fputs(unknown == 1 ? " dataset of unknown hours)" : " datasets of unknown hours)",
                  fp);
        }
        fputs(".\n\n", fp);
    }
    write_bound_md(fp, p);

    fputs("**Stability.** ", fp);
    if (isnan(p->stability)) {
        fputs("not computed", fp);
        fputs(p->n_baselines == 0 && p->stability_runs == 0 ? " (no baselines)" : "", fp);
        fputs(".\n", fp);
    } else {
        fputs("Median Jaccard similarity ", fp);
        fmt_put_num(fp, p->stability);
        fputs(" between this plan's datasets and the ", fp);
        fmt_put_num(fp, (double)p->stability_runs);
        fputs(p->stability_runs == 1 ? " plan" : " plans", fp);
        fputs(" computed with one baseline left out (1 = the choice does not hinge on "
              "any single baseline).\n",
              fp);
    }
    return stream_rc(fp);
}
