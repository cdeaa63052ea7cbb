/*
 * plan_glpk.c - the planner's integer and linear programmes, handed to
 * GLPK (the only glpk.h user; see plan_problem.h).  GLPK is deterministic
 * for a given input, so the same problem gives the same optimum.
 */
#include "plan_problem.h"

#include <glpk.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "rowclass.h"

int plan_integral_costs(const plan_problem *p)
{
    for (size_t s = 0; s < p->n_sets; s++) {
        double c = plan_set_cost(p, (int)s);
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
/*
 * The universe compressed: elements covered by the same sets become one
 * element of weight their number (classes of identical rows of the
 * transposed cover).  The programmes over it are the same programmes --
 * equal elements have equal constraints -- sized by distinct patterns:
 * a leaderboard of thousands of models on one suite has a handful.
 * *q shares everything with *p but its cover (release q->cover only);
 * *weight (q->n_elems entries) is freed by the caller.  0 or -1 (OOM).
 */
static int compress(const plan_problem *p, plan_problem *q, double **weight)
{
    bc_incidence tr, pat;
    incidence_init(&tr);
    incidence_init(&pat);
    bc_rowclass k;
    rowclass_init(&k);
    size_t E = p->n_elems;
    int *order = malloc((E ? E : 1) * sizeof *order);
    int rc = -1;
    *weight = NULL;
    if (!order || incidence_transpose(&p->cover, &tr))
        goto done;
    for (size_t e = 0; e < E; e++)
        order[e] = (int)e;
    const bc_incidence *mats[1] = { &tr };
    if (rowclass_build(&k, mats, 1, order) != BC_OK || rowclass_matrix(&k, &tr, &pat))
        goto done;
    *q = *p;
    incidence_init(&q->cover);
    *weight = malloc((k.n ? k.n : 1) * sizeof **weight);
    if (!*weight || incidence_transpose(&pat, &q->cover)) {
        free(*weight);
        *weight = NULL;
        goto done;
    }
    q->cover.ncols = k.n;
    q->n_elems = k.n;
    for (size_t c = 0; c < k.n; c++)
        (*weight)[c] = (double)ROWCLASS_SIZE(&k, c);
    rc = 0;
done:
    free(order);
    incidence_release(&tr);
    incidence_release(&pat);
    rowclass_release(&k);
    return rc;
}

static int glpk_solve(const plan_problem *full, int cover, long k, double budget, int integer,
                      double time_limit_s, unsigned char *chosen, double *objval, int *status)
{
    plan_problem q;
    double *weight = NULL;
    *status = 0;
    if (compress(full, &q, &weight) != 0)
        return BC_EX_SOFTWARE;
    const plan_problem *p = &q;
    size_t S = p->n_sets, E = p->n_elems, ones = incidence_ones(&p->cover);
    int *ia = NULL, *ja = NULL, *row_of = NULL;
    double *ar = NULL;
    glp_prob *lp = NULL;
    int rc = BC_EX_SOFTWARE;
    if (S > (size_t)INT_MAX / 2 || E > (size_t)INT_MAX / 2 || ones > (size_t)INT_MAX / 2)
        goto done;
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
            glp_set_obj_coef(lp, (int)(S + e) + 1, weight[e]);
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
            ar[ne] = budget >= 0 ? plan_set_cost(p, (int)s) : 1.0;
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
        int fold = integer && plan_integral_costs(p);
        for (size_t s = 0; s < S; s++) {
            glp_set_col_bnds(lp, (int)s + 1, GLP_DB, 0.0, 1.0);
            if (integer)
                glp_set_col_kind(lp, (int)s + 1, GLP_BV);
            double c = plan_set_cost(p, (int)s);
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
    free(weight);
    incidence_release(&q.cover);
    return rc;
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
        rc = plan_greedy_order(p, chosen, out);
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


int plan_compressed_size(const plan_problem *p, size_t *patterns, size_t *ones)
{
    plan_problem q;
    double *weight = NULL;
    if (compress(p, &q, &weight) != 0)
        return BC_EX_SOFTWARE;
    *patterns = q.n_elems;
    *ones = incidence_ones(&q.cover);
    free(weight);
    incidence_release(&q.cover);
    return BC_OK;
}
