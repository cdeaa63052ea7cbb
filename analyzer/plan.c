/*
 * plan.c - the evaluation-set planner over a catalog (see plan.h,
 * DESIGN.md section 5): the translation of a catalog into an abstract
 * problem (plan_problem.h), the choice of solver, the replay of the
 * chosen datasets into steps, and the leave-one-baseline-out stability.
 * Everything is deterministic: ties are broken by a total order and GLPK
 * is deterministic for a given input, so the same catalog gives the same
 * bytes.
 */
#include "plan.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "contamination.h"
#include <limits.h>

#include "nameorder.h"
#include "progress.h"
#include "rng.h"
#include "rowclass.h"

/*
 * A fact (element, dataset) with its sort key: the element's task rank
 * (task code order) and model rank (model name order, -1 for unseen).
 */
typedef struct {
    int model, task, dataset;
    int task_rank, model_rank;
} triple;

/*
 * What every problem of one plan is built from, made once: the main plan
 * and each leave-one-out plan of the stability filter these facts instead
 * of collecting and sorting the catalog again.
 */
typedef struct {
    triple *tr;           /* (element, dataset) facts of every selected baseline, sorted */
    size_t n;
    bc_incidence trained; /* datasets x models: selected baselines with a train row */
} plan_facts;

typedef struct {
    plan_problem prob;
    int *set_dataset;     /* n_sets: catalog dataset of each set */
    int *elem_model;      /* n_elems: model of each element (-1 for unseen) */
    int *elem_task;       /* n_elems: task of each element */
    size_t skipped;       /* datasets covering something, hours unknown (--hours) */
} cat_problem;

static void cat_problem_release(cat_problem *c)
{
    plan_problem_release(&c->prob);
    free(c->set_dataset);
    free(c->elem_model);
    free(c->elem_task);
    memset(c, 0, sizeof *c);
}

static void plan_facts_release(plan_facts *f)
{
    free(f->tr);
    incidence_release(&f->trained);
    memset(f, 0, sizeof *f);
}

/* Elements in task code order, then model name order; then dataset index. */
static int cmp_triple(const void *a, const void *b)
{
    const triple *x = a, *y = b;
    if (x->task_rank != y->task_rank)
        return (x->task_rank > y->task_rank) - (x->task_rank < y->task_rank);
    if (x->model_rank != y->model_rank)
        return (x->model_rank > y->model_rank) - (x->model_rank < y->model_rank);
    return (x->dataset > y->dataset) - (x->dataset < y->dataset);
}

static int role_ok(int want, bc_role have)
{
    return want == 0 || (int)have == want;
}

/*
 * Collects the facts of baselines base_mask (n_models flags) on target
 * tasks task_mask, sorted, and the train facts behind the weights of
 * `unseen`.  `f` is fresh; on failure it is left empty.
 */
static int plan_facts_build(plan_facts *f, const bc_catalog *cat, const plan_options *opt,
                            const unsigned char *base_mask, const unsigned char *task_mask)
{
    memset(f, 0, sizeof *f);
    incidence_init(&f->trained);
    int rc = BC_EX_SOFTWARE;
    size_t cap = cat->n_usage;
    if (opt->objective == PLAN_UNSEEN)
        for (size_t d = 0; d < cat->n_datasets; d++)
            cap += cat->datasets[d].n_tasks;
    f->tr = malloc((cap ? cap : 1) * sizeof *f->tr);
    int *rows = malloc((cat->n_usage ? cat->n_usage : 1) * sizeof *rows);
    int *cols = malloc((cat->n_usage ? cat->n_usage : 1) * sizeof *cols);
    bc_fact *facts = contamination_facts(cat);
    bc_md_pair *pairs = NULL;
    int *morder = nameorder_models(cat), *torder = nameorder_tasks(cat);
    int *mrank = morder ? nameorder_rank(morder, cat->n_models) : NULL;
    int *trank = torder ? nameorder_rank(torder, cat->n_tasks) : NULL;
    if (!f->tr || !rows || !cols || !facts || !mrank || !trank)
        goto done;

    /* The weights of `unseen`: for each dataset, the baselines whose
     * evaluation on it would be in-domain (contamination.h: a train fact
     * on the dataset, for any task or none). */
    size_t nt = 0;
    if (contamination_trained(facts, cat->n_usage, base_mask, &pairs, &nt) != BC_OK)
        goto done;
    for (size_t i = 0; i < nt; i++) {
        rows[i] = pairs[i].dataset;
        cols[i] = pairs[i].model;
    }
    if (incidence_from_pairs(&f->trained, cat->n_datasets, cat->n_models, rows, cols, nt))
        goto done;

    /* The (element, dataset) facts. */
    size_t n = 0;
    if (opt->objective == PLAN_COMPARABLE) {
        for (size_t i = 0; i < cat->n_usage; i++) {
            const bc_usage *u = &cat->usage[i];
            if (u->dataset < 0 || u->task < 0 || !role_ok(opt->role, u->role) ||
                !base_mask[u->model] || !task_mask[u->task])
                continue;
            f->tr[n++] = (triple){ u->model, u->task, u->dataset, trank[u->task],
                                   mrank[u->model] };
        }
    } else {
        for (size_t i = 0; i < cat->n_usage; i++) {
            const bc_usage *u = &cat->usage[i];
            if (u->dataset < 0 || u->task < 0 || !role_ok(opt->role, u->role) ||
                !task_mask[u->task])
                continue;
            f->tr[n++] = (triple){ -1, u->task, u->dataset, trank[u->task], -1 };
        }
        for (size_t d = 0; d < cat->n_datasets; d++)
            for (size_t j = 0; j < cat->datasets[d].n_tasks; j++) {
                int t = cat->datasets[d].tasks[j];
                if (task_mask[t])
                    f->tr[n++] = (triple){ -1, t, (int)d, trank[t], -1 };
            }
    }
    qsort(f->tr, n, sizeof *f->tr, cmp_triple);
    f->n = n;
    rc = BC_OK;
done:
    free(rows);
    free(cols);
    free(facts);
    free(pairs);
    free(morder);
    free(torder);
    free(mrank);
    free(trank);
    if (rc != BC_OK)
        plan_facts_release(f);
    return rc;
}

/*
 * Builds the problem of the facts `f`, without baseline `excluded` when it
 * is >= 0 (a leave-one-out plan).  O(facts + datasets + tasks).
 */
static int cat_problem_build(cat_problem *c, const plan_facts *f, const bc_catalog *cat,
                             const plan_options *opt, int excluded)
{
    memset(c, 0, sizeof *c);
    plan_problem_init(&c->prob);
    int rc = BC_EX_SOFTWARE;
    const triple *tr = f->tr;
    size_t n = f->n;
    int *set_of = malloc((cat->n_datasets ? cat->n_datasets : 1) * sizeof *set_of);
    int *group_of = malloc((cat->n_tasks ? cat->n_tasks : 1) * sizeof *group_of);
    int *prow = malloc((n ? n : 1) * sizeof *prow);
    int *pcol = malloc((n ? n : 1) * sizeof *pcol);
    if (!set_of || !group_of || !prow || !pcol)
        goto done;
#define KEPT(i) (excluded < 0 || tr[i].model != excluded)

    /* Candidate sets: datasets in some fact, minus those without hours
     * under an hour budget. */
    int hours_mode = opt->objective == PLAN_COMPARABLE && opt->hours >= 0;
    for (size_t d = 0; d < cat->n_datasets; d++)
        set_of[d] = -1;
    for (size_t i = 0; i < n; i++)
        if (KEPT(i))
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
    size_t E = 0, G = 0;
    const triple *prev = NULL;
    for (size_t t = 0; t < cat->n_tasks; t++)
        group_of[t] = -1;
    for (size_t i = 0; i < n; i++) {
        if (!KEPT(i))
            continue;
        if (!prev || tr[i].task != prev->task || tr[i].model != prev->model) {
            E++;
            if (group_of[tr[i].task] < 0)
                group_of[tr[i].task] = (int)G++;
        }
        prev = &tr[i];
    }
    c->set_dataset = malloc((S ? S : 1) * sizeof *c->set_dataset);
    c->elem_model = malloc((E ? E : 1) * sizeof *c->elem_model);
    c->elem_task = malloc((E ? E : 1) * sizeof *c->elem_task);
    c->prob.group = malloc((E ? E : 1) * sizeof *c->prob.group);
    c->prob.name = malloc((S ? S : 1) * sizeof *c->prob.name);
    if (!c->set_dataset || !c->elem_model || !c->elem_task || !c->prob.group || !c->prob.name)
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
            c->prob.cost[s] = (double)INC_DEG(&f->trained, d) -
                              (excluded >= 0 && incidence_get(&f->trained, d, excluded));
    }
    size_t e = 0, np = 0;
    prev = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!KEPT(i))
            continue;
        if (!prev || tr[i].task != prev->task || tr[i].model != prev->model) {
            c->elem_model[e] = tr[i].model;
            c->elem_task[e] = tr[i].task;
            c->prob.group[e] = group_of[tr[i].task];
            e++;
        }
        prev = &tr[i];
        int s = set_of[tr[i].dataset];
        if (s >= 0) {
            prow[np] = s;
            pcol[np] = (int)e - 1;
            np++;
        }
    }
#undef KEPT
    c->prob.n_sets = S;
    c->prob.n_elems = E;
    c->prob.n_groups = G;
    if (incidence_from_pairs(&c->prob.cover, S, E, prow, pcol, np))
        goto done;
    rc = BC_OK;
done:
    free(set_of);
    free(group_of);
    free(prow);
    free(pcol);
    if (rc != BC_OK)
        cat_problem_release(c);
    return rc;
}

/* The greedy choice for the problem's objective, into `pick` (initialised). */
static int cat_problem_greedy(const cat_problem *c, const plan_options *opt, plan_pick *pick)
{
    if (opt->objective == PLAN_UNSEEN)
        return plan_greedy_cover(&c->prob, 1, pick);
    return plan_greedy_max(&c->prob, opt->k, opt->hours, 1, pick);
}

/* Solves a catalog problem by `method`; fills pick, what was used, and the bound. */
static int cat_problem_solve(const cat_problem *c, const plan_options *opt, plan_method method,
                             plan_pick *pick, plan_method *used, double *bound, int *simple)
{
    const plan_problem *p = &c->prob;
    int cover = opt->objective == PLAN_UNSEEN;
    double budget = cover ? -1 : opt->hours;
    int rc, solved = 0;
    plan_pick_init(pick);
    /* Compressing never adds ones, so a cover within the limit needs no
     * compression to decide; the solvers compress it themselves. */
    *simple = incidence_ones(&p->cover) > PLAN_SOLVER_MAX_ONES;
    if (*simple) {
        size_t patterns = 0, ones = 0;
        if (plan_compressed_size(p, &patterns, &ones) != BC_OK)
            return BC_EX_SOFTWARE;
        *simple = ones > PLAN_SOLVER_MAX_ONES;
    }
    if (*simple) {
        /* Too large for GLPK within the command's time: greedy, solver-free bound. */
        *used = PLAN_GREEDY;
        rc = cat_problem_greedy(c, opt, pick);
        if (rc != BC_OK)
            return rc;
        *bound = cover ? plan_simple_cover_bound(p)
                       : floor(plan_simple_max_bound(p, opt->k, budget) + 1e-6);
        return BC_OK;
    }
    if (method != PLAN_GREEDY) {
        double tl = method == PLAN_EXACT ? 0 : PLAN_TIME_LIMIT_S;
        rc = cover ? plan_exact_cover(p, tl, pick, &solved)
                   : plan_exact_max(p, opt->k, budget, tl, pick, &solved);
        if (rc != BC_OK)
            return rc;
        if (solved) {
            *used = PLAN_EXACT;
            size_t got = 0;
            if (!cover && (rc = plan_count_covered(p, pick->sets, pick->n, &got)) != BC_OK) {
                plan_pick_release(pick);
                return rc;
            }
            *bound = cover ? plan_pick_cost(p, pick->sets, pick->n) : (double)got;
            /* Optima are rarely unique.  When the greedy choice is one of
             * them, keep it: ties then break by the documented order rather
             * than by the solver's path, and plans stay comparable. */
            plan_pick g;
            plan_pick_init(&g);
            rc = cat_problem_greedy(c, opt, &g);
            if (rc != BC_OK) {
                plan_pick_release(pick);
                return rc;
            }
            size_t g_got = 0;
            if (!cover && (rc = plan_count_covered(p, g.sets, g.n, &g_got)) != BC_OK) {
                plan_pick_release(&g);
                plan_pick_release(pick);
                return rc;
            }
            int same = cover ? plan_pick_cost(p, g.sets, g.n) <= *bound + 1e-9 &&
                                   g.n <= pick->n
                             : (double)g_got >= *bound;
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
    rc = cat_problem_greedy(c, opt, pick);
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
        *bound = plan_integral_costs(p) ? ceil(lp - 1e-6) : lp;
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
    o->seed = 1;
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
    free(p->trained_model);
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
static int baseline_inert(const cat_problem *c, const plan_facts *f, const plan_options *opt,
                          int b)
{
    const plan_problem *p = &c->prob;
    if (opt->objective == PLAN_COMPARABLE) {
        for (size_t e = 0; e < p->n_elems; e++)
            if (c->elem_model[e] == b)
                return 0;
        return 1;
    }
    for (size_t s = 0; s < p->n_sets; s++)
        if (incidence_get(&f->trained, (size_t)c->set_dataset[s], b))
            return 0;
    return 1;
}

/*
 * Classes of baselines that leave-one-out cannot tell apart: identical
 * rows of the facts the problem reads (role and target tasks applied)
 * and identical train datasets (the weights of `unseen`).
 */
static int baseline_classes(const bc_catalog *cat, const plan_options *opt,
                            const unsigned char *task_mask, bc_rowclass *k)
{
    size_t n = cat->n_usage, T = cat->n_tasks, D = cat->n_datasets;
    int *rows = malloc((2 * n + 1) * sizeof *rows), *cols = malloc((2 * n + 1) * sizeof *cols);
    int *order = malloc((cat->n_models + 1) * sizeof *order);
    bc_incidence facts;
    incidence_init(&facts);
    int rc = BC_EX_SOFTWARE;
    if (!rows || !cols || !order || (size_t)D * (T + 1) > (size_t)INT_MAX)
        goto done;
    size_t e = 0;
    for (size_t i = 0; i < n; i++) {
        const bc_usage *u = &cat->usage[i];
        if (u->dataset >= 0 && u->task >= 0 && role_ok(opt->role, u->role) && task_mask[u->task]) {
            rows[e] = u->model;
            cols[e++] = u->dataset * (int)T + u->task;
        }
        if (u->dataset >= 0 && u->role == BC_ROLE_TRAIN) {
            rows[e] = u->model;
            cols[e++] = (int)(D * T) + u->dataset;
        }
    }
    for (size_t m = 0; m < cat->n_models; m++)
        order[m] = (int)m;
    if (incidence_from_pairs(&facts, cat->n_models, D * (T + 1), rows, cols, e))
        goto done;
    const bc_incidence *mats[1] = { &facts };
    rc = rowclass_build(k, mats, 1, order);
done:
    incidence_release(&facts);
    free(rows);
    free(cols);
    free(order);
    return rc;
}

static int plan_stability(bc_plan *out, const plan_options *opt, const plan_facts *f,
                          const cat_problem *main_c, const plan_pick *main_pick,
                          const unsigned char *task_mask, bc_errors *errs)
{
    const bc_catalog *cat = out->cat;
    size_t nb = out->n_baselines;
    bc_rowclass k;
    rowclass_init(&k);
    double *jac = malloc((nb ? nb : 1) * sizeof *jac);
    int *mine = malloc((main_pick->n ? main_pick->n : 1) * sizeof *mine);
    int *who = malloc((nb ? nb : 1) * sizeof *who);
    double *cls_jac = NULL;
    int rc = BC_EX_SOFTWARE;
    if (!jac || !mine || !who || baseline_classes(cat, opt, task_mask, &k) != BC_OK)
        goto done;
    cls_jac = malloc((k.n ? k.n : 1) * sizeof *cls_jac);
    if (!cls_jac)
        goto done;
    for (size_t c = 0; c < k.n; c++)
        cls_jac[c] = NAN;
    for (size_t i = 0; i < main_pick->n; i++)
        mine[i] = main_c->set_dataset[main_pick->sets[i]];
    /* The baselines left out: all of them, or a seeded sample when they
     * fall into more classes than PLAN_STABILITY_MAX (PLAN_STABILITY_SAMPLE
     * of them then). */
    size_t classes = 0, n = nb;
    unsigned char *seen_cls = calloc(k.n ? k.n : 1, 1);
    if (!seen_cls)
        goto done;
    for (size_t i = 0; i < nb; i++) {
        who[i] = out->baselines[i];
        if (!seen_cls[k.of[who[i]]]++)
            classes++;
    }
    free(seen_cls);
    if (classes > PLAN_STABILITY_MAX) {
        bc_rng rng;
        rng_init(&rng, opt->seed);
        n = PLAN_STABILITY_SAMPLE;
        for (size_t i = 0; i < n; i++) {
            size_t j = i + (size_t)rng_below(&rng, nb - i);
            int t = who[i];
            who[i] = who[j];
            who[j] = t;
        }
        out->stability_sampled = 1;
    }
    /* Each leave-one-out plan is computed the way the main plan was. */
    plan_method method = out->method == PLAN_GREEDY ? PLAN_GREEDY : opt->method;
    rc = BC_OK;
    for (size_t i = 0; i < n && rc == BC_OK; i++) {
        int b = who[i], cls = k.of[b];
        if (!isnan(cls_jac[cls])) {
            jac[i] = cls_jac[cls];
            continue;
        }
        if (baseline_inert(main_c, f, opt, b)) {
            jac[i] = cls_jac[cls] = 1.0;
            continue;
        }
        cat_problem c;
        rc = cat_problem_build(&c, f, cat, opt, b);
        if (rc != BC_OK)
            break;
        out->stability_plans++;
        plan_pick pick;
        plan_method used;
        double bound;
        int simple;
        /* Only the choice matters here: a greedy plan needs no size check or bound. */
        plan_pick_init(&pick);
        if (method == PLAN_GREEDY)
            rc = cat_problem_greedy(&c, opt, &pick);
        else
            rc = cat_problem_solve(&c, opt, method, &pick, &used, &bound, &simple);
        if (rc == BC_OK) {
            int *theirs = malloc((pick.n ? pick.n : 1) * sizeof *theirs);
            if (!theirs) {
                rc = BC_EX_SOFTWARE;
            } else {
                for (size_t j = 0; j < pick.n; j++)
                    theirs[j] = c.set_dataset[pick.sets[j]];
                jac[i] = cls_jac[cls] = plan_jaccard(mine, main_pick->n, theirs, pick.n);
                if (jac[i] < 0)
                    rc = BC_EX_SOFTWARE;
                free(theirs);
            }
        }
        plan_pick_release(&pick);
        cat_problem_release(&c);
    }
    if (rc == BC_OK) {
        out->stability = plan_median(jac, n);
        out->stability_runs = n;
    }
done:
    free(jac);
    free(mine);
    free(who);
    free(cls_jac);
    rowclass_release(&k);
    if (rc != BC_OK)
        return errors_add(errs, rc, NULL, 0, 0, "planner: out of memory or solver failure");
    return BC_OK;
}

int plan_build(const bc_catalog *cat, const plan_options *opt, bc_plan *out, bc_errors *errs)
{
    unsigned char *base_mask = NULL, *task_mask = NULL, *seen = NULL, *gseen = NULL;
    cat_problem c;
    plan_facts f;
    plan_pick pick;
    int rc;
    memset(&c, 0, sizeof c);
    memset(&f, 0, sizeof f);
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
    bc_progress step;
    progress_begin(&step, "plan");
    rc = plan_facts_build(&f, cat, opt, base_mask, task_mask);
    if (rc == BC_OK)
        rc = cat_problem_build(&c, &f, cat, opt, -1);
    if (rc != BC_OK)
        goto oom;
    const plan_problem *p = &c.prob;
    out->universe = p->n_elems;
    out->universe_tasks = p->n_groups;
    out->candidates = p->n_sets;
    out->skipped_no_hours = c.skipped;

    rc = cat_problem_solve(&c, opt, opt->method, &pick, &out->method, &out->bound,
                           &out->bound_is_simple);
    if (rc != BC_OK)
        goto fail;
    out->bound_is_optimum = out->method == PLAN_EXACT;

    /* Steps: replay the choices, recording what each one newly covers. */
    out->steps = malloc((pick.n ? pick.n : 1) * sizeof *out->steps);
    out->new_model = malloc((p->n_elems ? p->n_elems : 1) * sizeof *out->new_model);
    out->new_task = malloc((p->n_elems ? p->n_elems : 1) * sizeof *out->new_task);
    seen = calloc(p->n_elems ? p->n_elems : 1, 1);
    gseen = calloc(p->n_groups ? p->n_groups : 1, 1);
    size_t n_trained = 0;
    for (size_t i = 0; i < pick.n; i++)
        n_trained += INC_DEG(&f.trained, (size_t)c.set_dataset[pick.sets[i]]);
    out->trained_model = malloc((n_trained ? n_trained : 1) * sizeof *out->trained_model);
    if (!out->steps || !out->new_model || !out->new_task || !seen || !gseen ||
        !out->trained_model)
        goto oom;
    size_t nt_done = 0;
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
        st->weight = (double)INC_DEG(&f.trained, d);
        st->first_trained = nt_done;
        st->n_trained = INC_DEG(&f.trained, d);
        memcpy(out->trained_model + nt_done, f.trained.col + f.trained.rowptr[d],
               st->n_trained * sizeof *out->trained_model);
        nt_done += st->n_trained;
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

    progress_end(&step);
    if (opt->stability) {
        progress_begin(&step, "plan stability");
        rc = plan_stability(out, opt, &f, &c, &pick, task_mask, errs);
        progress_end(&step);
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
    plan_facts_release(&f);
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

