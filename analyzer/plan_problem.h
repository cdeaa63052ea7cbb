/*
 * plan_problem.h - the planner's abstract problem (sets over elements,
 * elements in groups) and its solvers: greedy (plan_greedy.c) and the
 * integer and linear programmes handed to GLPK (plan_glpk.c, the only
 * glpk.h user).  Tests build problems by hand; plan.h turns a catalog
 * into one.  Nothing here prints or exits.
 */
#ifndef BENCHCOV_PLAN_PROBLEM_H
#define BENCHCOV_PLAN_PROBLEM_H

#include <stddef.h>
#include "incidence.h"

/* ---------------------------------------------------------------------- */
/* The abstract problem and its solvers                                    */
/* ---------------------------------------------------------------------- */

typedef struct {
    size_t n_sets;       /* candidates (datasets) */
    size_t n_elems;      /* universe elements: (baseline, task) pairs or tasks */
    size_t n_groups;     /* element groups (target tasks) */
    bc_incidence cover;  /* n_sets x n_elems: set s covers element e */
    int *group;          /* n_elems entries in [0, n_groups): the task of each element */
    double *cost;        /* n_sets entries: hours (budgeted coverage) or weight
                            (cover); NULL = 1 for every set */
    const char **name;   /* n_sets tie-break names (byte order); NULL = index order */
} plan_problem;

/* Prepares an empty problem. Allocates nothing. */
void plan_problem_init(plan_problem *p);

/*
 * Frees cover and the group, cost and name arrays (the name strings
 * themselves are borrowed, never freed).  NULL is fine.
 */
void plan_problem_release(plan_problem *p);

/* Chosen sets in choice order. */
typedef struct {
    int *sets;   /* set indices, in the order they were chosen */
    size_t n;
} plan_pick;

void plan_pick_init(plan_pick *k);
void plan_pick_release(plan_pick *k);   /* NULL is fine */

/*
 * Stores in *count the number of elements covered by the given sets.
 * Returns BC_OK, or BC_EX_SOFTWARE when memory runs out (*count is then 0).
 */
int plan_count_covered(const plan_problem *p, const int *sets, size_t n, size_t *count);

/*
 * Greedy maximum coverage.  With budget < 0: at most k sets, each step the
 * set of largest gain (newly covered elements), ties to the one serving
 * more distinct groups among them, then to the smaller name; stops early
 * when no set gains anything.  This is within 1 - 1/e of the optimum
 * (Nemhauser, Wolsey and Fisher 1978).
 * With budget >= 0 (hours): sets of total cost at most `budget`; each step
 * the affordable set of largest gain per cost (then gain, groups, name),
 * and the result is the better of that and the best single affordable set,
 * which is within (1 - 1/e)/2 of the optimum (Khuller, Moss and Naor 1999,
 * "The budgeted maximum coverage problem").  `k` is ignored then.
 * `lazy` non-zero keeps stale gains in a priority queue and re-evaluates
 * only the top (Minoux 1978); the choice is identical to the plain scan.
 * Returns BC_OK or BC_EX_SOFTWARE (out of memory); `out` must be fresh.
 */
int plan_greedy_max(const plan_problem *p, long k, double budget, int lazy, plan_pick *out);

/*
 * Exact maximum coverage with GLPK: max sum y_e subject to
 * y_e <= sum_{s covers e} x_s, sum x_s <= k (or sum cost_s x_s <= budget
 * when budget >= 0), x binary, 0 <= y <= 1.  time_limit_s <= 0 means none.
 * On success *solved = 1 and `out` holds the optimal sets that gain
 * something, ordered greedily by gain; when the limit ran out *solved = 0
 * and `out` stays empty.  Returns BC_OK or BC_EX_SOFTWARE.
 */
int plan_exact_max(const plan_problem *p, long k, double budget, double time_limit_s,
                   plan_pick *out, int *solved);

/*
 * The LP relaxation of the programme above (x in [0, 1]): an upper bound
 * on the optimum, in *bound.  Returns BC_OK or BC_EX_SOFTWARE.
 */
int plan_lp_max(const plan_problem *p, long k, double budget, double *bound);

/*
 * Size of the universe compressed as the GLPK programmes see it (elements
 * covered by the same sets merged): *patterns distinct elements and
 * *ones cover entries between them and the sets.  Returns BC_OK or
 * BC_EX_SOFTWARE.
 */
int plan_compressed_size(const plan_problem *p, size_t *patterns, size_t *ones);

/*
 * Bounds that need no solver, for problems too large for GLPK.  Maximum
 * coverage: the k largest set sizes summed (under a budget, the
 * fractional knapsack of set sizes by cost), at most n_elems -- no pick
 * covers more.  Cover: the largest, over coverable elements, of the least
 * cost of a set covering it -- no cover costs less.
 */
double plan_simple_max_bound(const plan_problem *p, long k, double budget);
double plan_simple_cover_bound(const plan_problem *p);

/*
 * The sets flagged in `chosen` (n_sets flags) in greedy order of largest
 * gain, those that gain nothing dropped: how an exact solution is listed.
 * Returns BC_OK or BC_EX_SOFTWARE; `out` must be fresh.
 */
int plan_greedy_order(const plan_problem *p, const unsigned char *chosen, plan_pick *out);

/*
 * Greedy weighted set cover of every element some set covers: each step
 * the set of least cost per newly covered element (then larger gain,
 * groups, name), until nothing is left (Chvatal 1979, within H(max set
 * size) of the optimum).  Returns BC_OK or BC_EX_SOFTWARE.
 */
int plan_greedy_cover(const plan_problem *p, int lazy, plan_pick *out);

/*
 * Exact weighted set cover with GLPK: min sum cost_s x_s subject to every
 * coverable element being covered.  Among covers of least cost it takes one
 * with the fewest sets.  Same conventions as plan_exact_max.
 */
int plan_exact_cover(const plan_problem *p, double time_limit_s, plan_pick *out, int *solved);

/* The LP relaxation of the cover: a lower bound on its least cost, in *bound. */
int plan_lp_cover(const plan_problem *p, double *bound);

/* Summed cost of the given sets (1 each when p->cost is NULL). */
double plan_pick_cost(const plan_problem *p, const int *sets, size_t n);

/* Cost of set s: p->cost[s], or 1 when p->cost is NULL. */
double plan_set_cost(const plan_problem *p, int s);

/* 1 when every set cost is a whole number in [0, 1e9] (a cover's bound can then be rounded up). */
int plan_integral_costs(const plan_problem *p);

/*
 * Jaccard similarity of two sets of ints (duplicates ignored): 1 when both
 * are empty.  Returns -1 when memory runs out.
 */
double plan_jaccard(const int *a, size_t na, const int *b, size_t nb);

/* Median of v[0..n-1] (sorted in place; mean of the middle two when n is even); NAN when n == 0. */
double plan_median(double *v, size_t n);

#endif
