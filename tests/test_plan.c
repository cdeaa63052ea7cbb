/*
 * test_plan.c - the planner: greedy and exact solvers against brute force
 * on hundreds of seeded random instances (approximation guarantees,
 * bounds, budgets, lazy = plain greedy, exact set cover), hand-worked
 * plans on a small catalog (CSV golden, hours budget, unseen, stability),
 * and `benchcov plan` option errors through cmd_plan.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "catalog.h"
#include "commands.h"
#include "error.h"
#include "incidence.h"
#include "plan.h"

#ifndef BENCHCOV_SOURCE_DIR
#define BENCHCOV_SOURCE_DIR "."
#endif
#define PLAN_FIXTURE BENCHCOV_SOURCE_DIR "/tests/fixtures/plan"

#define INSTANCES 300
#define MAX_SETS 8
#define MAX_ELEMS 12

/* ---------------------------------------------------------------------- */
/* Random instances                                                        */
/* ---------------------------------------------------------------------- */

/* Knuth's MMIX linear congruential generator, high bits only. */
typedef struct {
    uint64_t s;
} lcg;


/* Elements covered by a pick; the count itself must succeed. */
static size_t covered(const plan_problem *p, const plan_pick *k)
{
    size_t n = 0;
    assert_int_equal(plan_count_covered(p, k->sets, k->n, &n), BC_OK);
    return n;
}

static uint32_t lcg_next(lcg *r)
{
    r->s = r->s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(r->s >> 33);
}

static int lcg_below(lcg *r, int n)
{
    return (int)(lcg_next(r) % (uint32_t)n);
}

static const char *const set_names[MAX_SETS] = { "delta", "alpha", "hotel", "bravo",
                                                  "golf",  "echo",  "charlie", "foxtrot" };

enum { COST_UNIT, COST_HOURS, COST_WEIGHT };

/* A random instance; bits[s] is the element mask of set s. */
/* When non-zero, elements copy one of this many random patterns (many equal columns). */
static int dup_patterns;

static void random_instance(lcg *r, plan_problem *p, int cost_kind, uint32_t *bits)
{
    plan_problem_init(p);
    size_t S = 1 + (size_t)lcg_below(r, MAX_SETS);
    size_t E = 1 + (size_t)lcg_below(r, MAX_ELEMS);
    size_t G = 1 + (size_t)lcg_below(r, 4);
    int density = 15 + lcg_below(r, 40);
    int rows[MAX_SETS * MAX_ELEMS], cols[MAX_SETS * MAX_ELEMS];
    size_t n = 0;
    unsigned char pat[4][MAX_SETS];
    for (int k = 0; k < dup_patterns; k++)
        for (size_t s = 0; s < S; s++)
            pat[k][s] = lcg_below(r, 100) < density;
    for (size_t s = 0; s < S; s++) {
        bits[s] = 0;
        for (size_t e = 0; e < E; e++)
            if (dup_patterns ? pat[e % (size_t)dup_patterns][s] : lcg_below(r, 100) < density) {
                rows[n] = (int)s;
                cols[n] = (int)e;
                n++;
                bits[s] |= 1u << e;
            }
    }
    assert_int_equal(incidence_from_pairs(&p->cover, S, E, rows, cols, n), 0);
    p->n_sets = S;
    p->n_elems = E;
    p->n_groups = G;
    p->group = malloc(E * sizeof *p->group);
    assert_non_null(p->group);
    for (size_t e = 0; e < E; e++)
        p->group[e] = lcg_below(r, (int)G);
    if (cost_kind != COST_UNIT) {
        p->cost = malloc(S * sizeof *p->cost);
        assert_non_null(p->cost);
        for (size_t s = 0; s < S; s++)
            p->cost[s] = cost_kind == COST_HOURS ? (1 + lcg_below(r, 50)) / 10.0
                                                 : (double)lcg_below(r, 5);
    }
    const char **names = malloc(S * sizeof *names);
    assert_non_null(names);
    for (size_t s = 0; s < S; s++)
        names[s] = set_names[s];
    p->name = names;
}

static size_t popcount(uint32_t x)
{
    size_t n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* Best coverage over every subset of at most k sets (or of cost at most budget). */
static size_t brute_max(const plan_problem *p, const uint32_t *bits, long k, double budget)
{
    size_t best = 0;
    for (uint32_t m = 0; m < (1u << p->n_sets); m++) {
        uint32_t u = 0;
        double c = 0;
        for (size_t s = 0; s < p->n_sets; s++)
            if (m & (1u << s)) {
                u |= bits[s];
                c += p->cost ? p->cost[s] : 1;
            }
        if (budget < 0 ? (long)popcount(m) > k : c > budget + 1e-9)
            continue;
        if (popcount(u) > best)
            best = popcount(u);
    }
    return best;
}

/* Least cost (then fewest sets) of a subset covering every coverable element. */
static void brute_cover(const plan_problem *p, const uint32_t *bits, double *cost,
                        size_t *count)
{
    uint32_t all = 0;
    for (size_t s = 0; s < p->n_sets; s++)
        all |= bits[s];
    *cost = INFINITY;
    *count = SIZE_MAX;
    for (uint32_t m = 0; m < (1u << p->n_sets); m++) {
        uint32_t u = 0;
        double c = 0;
        for (size_t s = 0; s < p->n_sets; s++)
            if (m & (1u << s)) {
                u |= bits[s];
                c += p->cost[s];
            }
        if (u != all)
            continue;
        if (c < *cost - 1e-9 || (fabs(c - *cost) <= 1e-9 && popcount(m) < *count)) {
            *cost = c;
            *count = popcount(m);
        }
    }
}

static void assert_same_pick(const plan_pick *a, const plan_pick *b)
{
    assert_int_equal(a->n, b->n);
    for (size_t i = 0; i < a->n; i++)
        assert_int_equal(a->sets[i], b->sets[i]);
}

static void assert_distinct(const plan_pick *k)
{
    for (size_t i = 0; i < k->n; i++)
        for (size_t j = i + 1; j < k->n; j++)
            assert_int_not_equal(k->sets[i], k->sets[j]);
}

/* ---------------------------------------------------------------------- */
/* Solvers against brute force                                             */
/* ---------------------------------------------------------------------- */

/*
 * The programmes handed to GLPK merge elements covered by the same sets
 * into one weighted element.  On instances made of a few repeated
 * patterns (the shape of a leaderboard) the compressed optimum and bound
 * equal the brute-force optimum over the plain universe.
 */
static void test_compressed_universe(void **state)
{
    (void)state;
    lcg r = { 77 };
    for (int it = 0; it < INSTANCES; it++) {
        dup_patterns = 1 + (int)lcg_below(&r, 4);
        plan_problem p;
        uint32_t bits[MAX_SETS];
        random_instance(&r, &p, it % 2 ? COST_HOURS : COST_UNIT, bits);
        long k = 1 + lcg_below(&r, 3);
        double budget = it % 2 ? (1 + lcg_below(&r, 60)) / 10.0 : -1;
        size_t opt = brute_max(&p, bits, budget >= 0 ? -1 : k, budget);
        plan_pick exact;
        int solved = 0;
        assert_int_equal(plan_exact_max(&p, k, budget, 0, &exact, &solved), BC_OK);
        assert_true(solved);
        assert_int_equal(covered(&p, &exact), opt);
        assert_true(budget < 0 || plan_pick_cost(&p, exact.sets, exact.n) <= budget + 1e-9);
        double lp = -1;
        assert_int_equal(plan_lp_max(&p, k, budget, &lp), BC_OK);
        assert_true(lp >= (double)opt - 1e-6);
        plan_pick_release(&exact);
        plan_problem_release(&p);
    }
    dup_patterns = 0;
}

static void test_max_coverage_k(void **state)
{
    (void)state;
    lcg r = { 20240611 };
    const double ratio = 1 - exp(-1);
    for (int it = 0; it < INSTANCES; it++) {
        plan_problem p;
        uint32_t bits[MAX_SETS];
        random_instance(&r, &p, COST_UNIT, bits);
        long k = 1 + lcg_below(&r, 4);
        size_t opt = brute_max(&p, bits, k, -1);

        plan_pick lazy, plain, exact;
        plan_pick_init(&lazy);
        plan_pick_init(&plain);
        assert_int_equal(plan_greedy_max(&p, k, -1, 1, &lazy), BC_OK);
        assert_int_equal(plan_greedy_max(&p, k, -1, 0, &plain), BC_OK);
        assert_same_pick(&lazy, &plain);
        assert_distinct(&lazy);
        assert_true((long)lazy.n <= k);
        size_t g = covered(&p, &lazy);
        assert_true(g <= opt);
        assert_true((double)g >= ratio * (double)opt - 1e-9);

        int solved = 0;
        assert_int_equal(plan_exact_max(&p, k, -1, 0, &exact, &solved), BC_OK);
        assert_true(solved);
        assert_true((long)exact.n <= k);
        assert_distinct(&exact);
        assert_int_equal(covered(&p, &exact), opt);

        double lp = -1;
        assert_int_equal(plan_lp_max(&p, k, -1, &lp), BC_OK);
        assert_true(lp >= (double)opt - 1e-6);
        assert_true(lp <= (double)p.n_elems + 1e-6);

        plan_pick_release(&lazy);
        plan_pick_release(&plain);
        plan_pick_release(&exact);
        plan_problem_release(&p);
    }
}

static void test_max_coverage_hours(void **state)
{
    (void)state;
    lcg r = { 7 };
    const double ratio = (1 - exp(-1)) / 2;
    for (int it = 0; it < INSTANCES; it++) {
        plan_problem p;
        uint32_t bits[MAX_SETS];
        random_instance(&r, &p, COST_HOURS, bits);
        double budget = (1 + lcg_below(&r, 100)) / 10.0;
        size_t opt = brute_max(&p, bits, -1, budget);

        plan_pick lazy, plain, exact;
        plan_pick_init(&lazy);
        plan_pick_init(&plain);
        assert_int_equal(plan_greedy_max(&p, 1, budget, 1, &lazy), BC_OK);
        assert_int_equal(plan_greedy_max(&p, 1, budget, 0, &plain), BC_OK);
        assert_same_pick(&lazy, &plain);
        assert_distinct(&lazy);
        assert_true(plan_pick_cost(&p, lazy.sets, lazy.n) <= budget + 1e-9);
        size_t g = covered(&p, &lazy);
        assert_true(g <= opt);
        assert_true((double)g >= ratio * (double)opt - 1e-9);

        int solved = 0;
        assert_int_equal(plan_exact_max(&p, 1, budget, 0, &exact, &solved), BC_OK);
        assert_true(solved);
        assert_true(plan_pick_cost(&p, exact.sets, exact.n) <= budget + 1e-9);
        assert_int_equal(covered(&p, &exact), opt);

        double lp = -1;
        assert_int_equal(plan_lp_max(&p, 1, budget, &lp), BC_OK);
        assert_true(lp >= (double)opt - 1e-6);

        plan_pick_release(&lazy);
        plan_pick_release(&plain);
        plan_pick_release(&exact);
        plan_problem_release(&p);
    }
}

static void test_set_cover(void **state)
{
    (void)state;
    lcg r = { 99 };
    for (int it = 0; it < INSTANCES; it++) {
        plan_problem p;
        uint32_t bits[MAX_SETS];
        random_instance(&r, &p, COST_WEIGHT, bits);
        uint32_t all = 0;
        for (size_t s = 0; s < p.n_sets; s++)
            all |= bits[s];
        double best;
        size_t best_n;
        brute_cover(&p, bits, &best, &best_n);

        plan_pick lazy, plain, exact;
        plan_pick_init(&lazy);
        plan_pick_init(&plain);
        assert_int_equal(plan_greedy_cover(&p, 1, &lazy), BC_OK);
        assert_int_equal(plan_greedy_cover(&p, 0, &plain), BC_OK);
        assert_same_pick(&lazy, &plain);
        assert_distinct(&lazy);
        assert_int_equal(covered(&p, &lazy), popcount(all));
        assert_true(plan_pick_cost(&p, lazy.sets, lazy.n) >= best - 1e-9);

        int solved = 0;
        assert_int_equal(plan_exact_cover(&p, 0, &exact, &solved), BC_OK);
        assert_true(solved);
        assert_int_equal(covered(&p, &exact), popcount(all));
        assert_true(fabs(plan_pick_cost(&p, exact.sets, exact.n) - best) < 1e-9);
        assert_int_equal(exact.n, best_n);

        double lp = -1;
        assert_int_equal(plan_lp_cover(&p, &lp), BC_OK);
        assert_true(lp <= best + 1e-6);
        assert_true(lp >= -1e-9);

        plan_pick_release(&lazy);
        plan_pick_release(&plain);
        plan_pick_release(&exact);
        plan_problem_release(&p);
    }
}

/* Equal gains go to more groups served, then to the smaller name. */
static void test_greedy_ties(void **state)
{
    (void)state;
    plan_problem p;
    plan_problem_init(&p);
    /* set 0 "zulu": {0,1} groups {0,1}; set 1 "mike": {2,3} group {0};
     * set 2 "kilo": {4,5} group {1}. */
    int rows[] = { 0, 0, 1, 1, 2, 2 }, cols[] = { 0, 1, 2, 3, 4, 5 };
    assert_int_equal(incidence_from_pairs(&p.cover, 3, 6, rows, cols, 6), 0);
    p.n_sets = 3;
    p.n_elems = 6;
    p.n_groups = 2;
    int group[] = { 0, 1, 0, 0, 1, 1 };
    const char *names[] = { "zulu", "mike", "kilo" };
    p.group = group;
    p.name = names;
    plan_pick k;
    plan_pick_init(&k);
    assert_int_equal(plan_greedy_max(&p, 3, -1, 1, &k), BC_OK);
    assert_int_equal(k.n, 3);
    assert_int_equal(k.sets[0], 0); /* two groups beat one */
    assert_int_equal(k.sets[1], 2); /* "kilo" < "mike" */
    assert_int_equal(k.sets[2], 1);
    plan_pick_release(&k);
    incidence_release(&p.cover);
}

/* Khuller, Moss and Naor's fix: the ratio greedy alone takes the cheap
 * set and then cannot afford the big one; the best single set wins. */
static void test_budget_best_single(void **state)
{
    (void)state;
    plan_problem p;
    plan_problem_init(&p);
    int rows[11], cols[11];
    rows[0] = 0, cols[0] = 0;
    for (int e = 1; e <= 10; e++)
        rows[e] = 1, cols[e] = e;
    assert_int_equal(incidence_from_pairs(&p.cover, 2, 11, rows, cols, 11), 0);
    p.n_sets = 2;
    p.n_elems = 11;
    p.n_groups = 1;
    double cost[] = { 0.1, 10 };
    p.cost = cost;
    for (int lazy = 0; lazy <= 1; lazy++) {
        plan_pick k;
        plan_pick_init(&k);
        assert_int_equal(plan_greedy_max(&p, 1, 10, lazy, &k), BC_OK);
        assert_int_equal(k.n, 1);
        assert_int_equal(k.sets[0], 1);
        plan_pick_release(&k);
    }
    incidence_release(&p.cover);
}

static void test_jaccard_median(void **state)
{
    (void)state;
    int a[] = { 1, 2, 3 }, b[] = { 3, 4 }, c[] = { 2, 1, 1, 3 };
    assert_true(fabs(plan_jaccard(a, 3, b, 2) - 0.25) < 1e-12);
    assert_true(fabs(plan_jaccard(a, 3, c, 4) - 1.0) < 1e-12);
    assert_true(fabs(plan_jaccard(NULL, 0, NULL, 0) - 1.0) < 1e-12);
    assert_true(fabs(plan_jaccard(a, 3, NULL, 0)) < 1e-12);
    double v[] = { 3, 1, 2 }, w[] = { 4, 1, 3, 2 };
    assert_true(plan_median(v, 3) == 2);
    assert_true(plan_median(w, 4) == 2.5);
    assert_true(isnan(plan_median(v, 0)));
}

/* ---------------------------------------------------------------------- */
/* A hand-made catalog (the same as tests/fixtures/plan)                   */
/* ---------------------------------------------------------------------- */

enum { ASR, ST, AAC };
enum { SALMONN, QWEN, LTU };
enum { LS, CV, CLOTHO, AUDIOCAPS };

static int ls_tasks[] = { ASR }, cv_tasks[] = { ST, ASR }, aac_tasks[] = { AAC };

static bc_task hand_tasks[] = {
    { .code = "ASR", .name = "Automatic speech recognition", .line = 2 },
    { .code = "ST", .name = "Speech translation", .line = 3 },
    { .code = "AAC", .name = "Automated audio captioning", .line = 4 },
};

static bc_model hand_models[3];
static bc_dataset hand_datasets[4];

static bc_usage hand_usage[] = {
    { .model = SALMONN, .dataset = LS, .task = ASR, .role = BC_ROLE_EVAL, .source = "seed", .metric = "", .split = "", .line = 2 },
    { .model = QWEN, .dataset = LS, .task = ASR, .role = BC_ROLE_EVAL, .source = "seed", .metric = "", .split = "", .line = 3 },
    { .model = LTU, .dataset = LS, .task = ASR, .role = BC_ROLE_TRAIN, .source = "seed", .metric = "", .split = "", .line = 4 },
    { .model = SALMONN, .dataset = CV, .task = ST, .role = BC_ROLE_EVAL, .source = "seed", .metric = "", .split = "", .line = 5 },
    { .model = QWEN, .dataset = CV, .task = ST, .role = BC_ROLE_EVAL, .source = "seed", .metric = "", .split = "", .line = 6 },
    { .model = SALMONN, .dataset = CV, .task = ASR, .role = BC_ROLE_TRAIN, .source = "seed", .metric = "", .split = "", .line = 7 },
    { .model = LTU, .dataset = CLOTHO, .task = AAC, .role = BC_ROLE_EVAL, .source = "seed", .metric = "", .split = "", .line = 8 },
    { .model = QWEN, .dataset = AUDIOCAPS, .task = AAC, .role = BC_ROLE_EVAL, .source = "seed", .metric = "", .split = "", .line = 9 },
    { .model = LTU, .dataset = AUDIOCAPS, .task = AAC, .role = BC_ROLE_EVAL, .source = "seed", .metric = "", .split = "", .line = 10 },
    { .model = SALMONN, .dataset = -1, .task = AAC, .role = BC_ROLE_EVAL, .source = "seed", .metric = "", .split = "", .line = 11 },
};

static void hand_catalog(bc_catalog *cat)
{
    memset(cat, 0, sizeof *cat);
    static const char *mnames[] = { "SALMONN", "Qwen-Audio", "LTU" };
    for (int m = 0; m < 3; m++) {
        memset(&hand_models[m], 0, sizeof hand_models[m]);
        hand_models[m].name = (char *)mnames[m];
        hand_models[m].llm_params_b = -1;
    }
    static const char *dnames[] = { "LibriSpeech", "CoVoST 2", "Clotho", "AudioCaps" };
    static const double hours[] = { 960, 430, 24, -1 };
    int *dtasks[] = { ls_tasks, cv_tasks, aac_tasks, aac_tasks };
    size_t ndt[] = { 1, 2, 1, 1 };
    for (int d = 0; d < 4; d++) {
        memset(&hand_datasets[d], 0, sizeof hand_datasets[d]);
        hand_datasets[d].name = (char *)dnames[d];
        hand_datasets[d].hours = hours[d];
        hand_datasets[d].tasks = dtasks[d];
        hand_datasets[d].n_tasks = ndt[d];
    }
    cat->tasks = hand_tasks;
    cat->n_tasks = 3;
    cat->models = hand_models;
    cat->n_models = 3;
    cat->datasets = hand_datasets;
    cat->n_datasets = 4;
    cat->usage = hand_usage;
    cat->n_usage = sizeof hand_usage / sizeof hand_usage[0];
}

/* Writes the plan with `writer` into a new string the caller frees. */
static char *written(int (*writer)(FILE *, const bc_plan *), const bc_plan *p)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    assert_int_equal(writer(fp, p), BC_OK);
    assert_int_equal(fclose(fp), 0);
    return buf;
}

/* Worked by hand in tests/fixtures/plan/README.md. */
static const char golden_k2[] = "step,dataset,gain,covered,tasks_covered\n"
                                "1,CoVoST 2,3,3,2\n"
                                "2,AudioCaps,2,5,3\n"
                                "bound,,,5,\n";

static const char golden_hours500[] = "step,dataset,gain,covered,tasks_covered\n"
                                      "1,Clotho,1,1,1\n"
                                      "2,CoVoST 2,3,4,3\n"
                                      "bound,,,4,\n";

static void test_catalog_greedy_csv(void **state)
{
    (void)state;
    bc_catalog cat;
    hand_catalog(&cat);
    plan_options o;
    plan_options_init(&o);
    o.k = 2;
    o.method = PLAN_GREEDY;
    bc_plan p;
    plan_init(&p);
    bc_errors errs;
    errors_init(&errs);
    assert_int_equal(plan_build(&cat, &o, &p, &errs), BC_OK);
    assert_int_equal(p.universe, 7);
    assert_int_equal(p.universe_tasks, 3);
    assert_int_equal(p.candidates, 4);
    assert_int_equal(p.method, PLAN_GREEDY);
    assert_false(p.bound_is_optimum);
    char *csv = written(plan_write_csv, &p);
    assert_string_equal(csv, golden_k2);
    free(csv);
    /* Step 2 makes (Qwen-Audio, AAC) and (LTU, AAC) comparable, in name order. */
    assert_int_equal(p.steps[1].n_new, 2);
    assert_int_equal(p.new_model[p.steps[1].first_new], LTU);
    assert_int_equal(p.new_model[p.steps[1].first_new + 1], QWEN);
    char *md = written(plan_write_md, &p);
    assert_non_null(strstr(md, "| 1 | CoVoST 2 | 3 | 3 | 2 | 430 |"));
    assert_non_null(strstr(md, "| 2 | AudioCaps | 2 | 5 | 3 | unknown |"));
    assert_non_null(strstr(md, "- AAC: LTU, Qwen-Audio"));
    assert_non_null(strstr(md, "- ASR: SALMONN\n- ST: Qwen-Audio, SALMONN"));
    assert_non_null(strstr(md, "Upper bound from the LP relaxation: 5; gap to it at most 0"));
    assert_non_null(strstr(md, "**Stability.**"));
    free(md);
    double *x, *y;
    size_t n;
    assert_int_equal(plan_gain_curve(&p, &x, &y, &n), BC_OK);
    assert_int_equal(n, 3);
    assert_true(x[0] == 0 && y[0] == 0 && x[1] == 1 && y[1] == 3 && x[2] == 2 && y[2] == 5);
    free(x);
    free(y);
    plan_release(&p);

    /* Exact: the optimum is 5 too, and it is stated as such. */
    o.method = PLAN_EXACT;
    plan_init(&p);
    assert_int_equal(plan_build(&cat, &o, &p, &errs), BC_OK);
    assert_int_equal(p.method, PLAN_EXACT);
    assert_true(p.bound_is_optimum);
    assert_int_equal(p.covered, 5);
    assert_true(p.bound == 5);
    assert_true(p.n_steps <= 2);
    plan_release(&p);
    errors_release(&errs);
}

static void test_catalog_hours(void **state)
{
    (void)state;
    bc_catalog cat;
    hand_catalog(&cat);
    plan_options o;
    plan_options_init(&o);
    o.hours = 500;
    bc_errors errs;
    errors_init(&errs);
    for (int m = PLAN_EXACT; m <= PLAN_GREEDY; m++) {
        o.method = (plan_method)m;
        bc_plan p;
        plan_init(&p);
        assert_int_equal(plan_build(&cat, &o, &p, &errs), BC_OK);
        assert_int_equal(p.skipped_no_hours, 1);
        assert_int_equal(p.candidates, 3);
        assert_int_equal(p.covered, 4);
        assert_true(p.total_hours <= 500);
        if (m == PLAN_GREEDY) {
            char *csv = written(plan_write_csv, &p);
            assert_string_equal(csv, golden_hours500);
            free(csv);
        }
        char *md = written(plan_write_md, &p);
        assert_non_null(strstr(md, "Datasets skipped for lack of hours: 1"));
        free(md);
        plan_release(&p);
    }
    /* A budget nothing fits: zero steps, and the reason is given. */
    o.hours = 10;
    o.method = PLAN_AUTO;
    bc_plan p;
    plan_init(&p);
    assert_int_equal(plan_build(&cat, &o, &p, &errs), BC_OK);
    assert_int_equal(p.n_steps, 0);
    char *csv = written(plan_write_csv, &p);
    assert_string_equal(csv, "step,dataset,gain,covered,tasks_covered\nbound,,,0,\n");
    free(csv);
    char *md = written(plan_write_md, &p);
    assert_non_null(strstr(md, "no candidate dataset fits within the hour budget"));
    free(md);
    plan_release(&p);
    errors_release(&errs);
}

static void test_catalog_unseen(void **state)
{
    (void)state;
    bc_catalog cat;
    hand_catalog(&cat);
    plan_options o;
    plan_options_init(&o);
    o.objective = PLAN_UNSEEN;
    bc_errors errs;
    errors_init(&errs);
    for (int m = PLAN_EXACT; m <= PLAN_GREEDY; m++) {
        o.method = (plan_method)m;
        bc_plan p;
        plan_init(&p);
        assert_int_equal(plan_build(&cat, &o, &p, &errs), BC_OK);
        /* ST only through CoVoST 2 (SALMONN trained on it: weight 1); AAC
         * through Clotho or AudioCaps (weight 0).  Least weight 1. */
        assert_int_equal(p.universe, 3);
        assert_int_equal(p.covered, 3);
        assert_true(p.total_weight == 1);
        assert_true(p.bound == 1);
        assert_int_equal(p.n_steps, 2);
        int has_cv = 0;
        for (size_t i = 0; i < p.n_steps; i++)
            has_cv |= p.steps[i].dataset == CV;
        assert_true(has_cv);
        if (m == PLAN_GREEDY) {
            /* zero-weight AudioCaps first (name before Clotho), then CoVoST 2 */
            char *csv = written(plan_write_csv, &p);
            assert_string_equal(csv, "step,dataset,gain,covered,tasks_covered\n"
                                     "1,AudioCaps,1,1,1\n"
                                     "2,CoVoST 2,2,3,3\n"
                                     "bound,,,1,\n");
            free(csv);
            char *md = written(plan_write_md, &p);
            assert_non_null(strstr(md, "Trained on by 1 baseline: SALMONN"));
            free(md);
        }
        plan_release(&p);
    }
    errors_release(&errs);
}

/*
 * Stability with baselines SALMONN and Qwen-Audio, k = 1, greedy: the plan
 * is CoVoST 2 (3 pairs).  Without SALMONN every dataset gains 1 and
 * AudioCaps wins on name (Jaccard 0); without Qwen-Audio CoVoST 2 still
 * wins (Jaccard 1).  Median of {0, 1} = 0.5.
 */
static void test_stability(void **state)
{
    (void)state;
    bc_catalog cat;
    hand_catalog(&cat);
    plan_options o;
    plan_options_init(&o);
    int base[] = { QWEN, SALMONN };
    o.baselines = base;
    o.n_baselines = 2;
    o.k = 1;
    o.method = PLAN_GREEDY;
    bc_errors errs;
    errors_init(&errs);
    bc_plan p;
    plan_init(&p);
    assert_int_equal(plan_build(&cat, &o, &p, &errs), BC_OK);
    assert_int_equal(p.n_steps, 1);
    assert_int_equal(p.steps[0].dataset, CV);
    assert_int_equal(p.stability_runs, 2);
    assert_true(fabs(p.stability - 0.5) < 1e-12);
    char *md = written(plan_write_md, &p);
    assert_non_null(strstr(md, "Median Jaccard similarity 0.5 between"));
    free(md);
    plan_release(&p);
    errors_release(&errs);
}

/*
 * Stability under --objective unseen, baselines LTU and SALMONN, greedy.
 * Weights (baselines with a train row): LibriSpeech 1 (LTU), CoVoST 2 1
 * (SALMONN), Clotho 0, AudioCaps 0.  The plan: AudioCaps (cost 0, before
 * Clotho by name), then CoVoST 2 (ASR and ST for cost 1).
 * Without LTU, LibriSpeech costs 0: AudioCaps, LibriSpeech (cost 0 beats
 * CoVoST 2's 1 for 2), then CoVoST 2 for ST: Jaccard 2/3.
 * Without SALMONN, CoVoST 2 costs 0 and gains 2: CoVoST 2, AudioCaps:
 * Jaccard 1.  Median of {2/3, 1} = 5/6.
 */
static void test_stability_unseen(void **state)
{
    (void)state;
    bc_catalog cat;
    hand_catalog(&cat);
    plan_options o;
    plan_options_init(&o);
    int base[] = { LTU, SALMONN };
    o.baselines = base;
    o.n_baselines = 2;
    o.objective = PLAN_UNSEEN;
    o.method = PLAN_GREEDY;
    bc_errors errs;
    errors_init(&errs);
    bc_plan p;
    plan_init(&p);
    assert_int_equal(plan_build(&cat, &o, &p, &errs), BC_OK);
    assert_int_equal(p.n_steps, 2);
    assert_int_equal(p.steps[0].dataset, AUDIOCAPS);
    assert_int_equal(p.steps[1].dataset, CV);
    assert_int_equal(p.stability_runs, 2);
    assert_true(fabs(p.stability - 5.0 / 6.0) < 1e-12);
    plan_release(&p);
    errors_release(&errs);
}

/*
 * A baseline that covers nothing counts as a plan left unchanged.
 * Target ST, baselines LTU and SALMONN, k = 1: the universe is
 * (SALMONN, ST), covered by CoVoST 2 alone; LTU has no ST row.  Without
 * LTU the plan is the same (Jaccard 1); without SALMONN the universe is
 * empty and so is the plan (Jaccard 0 against {CoVoST 2}).  Median of
 * {1, 0} = 0.5 over 2 plans.
 */
static void test_stability_idle_baseline(void **state)
{
    (void)state;
    bc_catalog cat;
    hand_catalog(&cat);
    plan_options o;
    plan_options_init(&o);
    int base[] = { LTU, SALMONN };
    int tasks[] = { ST };
    o.baselines = base;
    o.n_baselines = 2;
    o.tasks = tasks;
    o.n_tasks = 1;
    o.k = 1;
    bc_errors errs;
    errors_init(&errs);
    for (int m = PLAN_EXACT; m <= PLAN_GREEDY; m++) {
        o.method = (plan_method)m;
        bc_plan p;
        plan_init(&p);
        assert_int_equal(plan_build(&cat, &o, &p, &errs), BC_OK);
        assert_int_equal(p.universe, 1);
        assert_int_equal(p.n_steps, 1);
        assert_int_equal(p.steps[0].dataset, CV);
        assert_int_equal(p.stability_runs, 2);
        assert_true(fabs(p.stability - 0.5) < 1e-12);
        plan_release(&p);
    }
    errors_release(&errs);
}

static void test_empty_universe(void **state)
{
    (void)state;
    bc_catalog cat;
    hand_catalog(&cat);
    plan_options o;
    plan_options_init(&o);
    int base[] = { SALMONN };
    int tasks[] = { AAC };
    o.baselines = base;
    o.n_baselines = 1;
    o.tasks = tasks;
    o.n_tasks = 1; /* SALMONN's AAC row names no dataset */
    bc_errors errs;
    errors_init(&errs);
    bc_plan p;
    plan_init(&p);
    assert_int_equal(plan_build(&cat, &o, &p, &errs), BC_OK);
    assert_int_equal(p.universe, 0);
    assert_int_equal(p.n_steps, 0);
    assert_non_null(p.empty_reason);
    char *md = written(plan_write_md, &p);
    assert_non_null(strstr(md, "No dataset was chosen: "));
    free(md);
    plan_release(&p);
    errors_release(&errs);
}

/* ---------------------------------------------------------------------- */
/* The command                                                             */
/* ---------------------------------------------------------------------- */

/* Runs cmd_plan on a NULL-ended argument list; output and errors back. */
static int run_plan(char **out, bc_errors *errs, ...)
{
    char *argv[32];
    int argc = 0;
    va_list ap;
    va_start(ap, errs);
    argv[argc++] = "plan";
    for (char *a; (a = va_arg(ap, char *)) != NULL;)
        argv[argc++] = a;
    va_end(ap);
    argv[argc] = NULL;
    size_t len = 0;
    *out = NULL;
    FILE *fp = open_memstream(out, &len);
    assert_non_null(fp);
    errors_init(errs);
    int rc = cmd_plan(argc, argv, fp, errs);
    assert_int_equal(fclose(fp), 0);
    return rc;
}

static void expect_message(const bc_errors *errs, const char *text)
{
    for (size_t i = 0; i < errs->n; i++)
        if (strstr(errs->items[i].msg, text)) {
            assert_null(errs->items[i].file);
            return;
        }
    fail_msg("no message containing \"%s\"", text);
}

static void test_cmd_usage_errors(void **state)
{
    (void)state;
    char *out;
    bc_errors errs;
    struct {
        const char *a, *b, *c, *d, *msg;
    } cases[] = {
        { "--k", "x", NULL, NULL,
          "invalid value 'x' for --k: expected a whole number from 1 to 1000" },
        { "--k", "0", NULL, NULL, "invalid value '0' for --k" },
        { "--k", "1001", NULL, NULL, "invalid value '1001' for --k" },
        { "--hours", "0", NULL, NULL, "invalid value '0' for --hours" },
        { "--hours", "-3", NULL, NULL, "invalid value '-3' for --hours" },
        { "--role", "test", NULL, NULL, "invalid value 'test' for --role" },
        { "--objective", "fast", NULL, NULL, "invalid value 'fast' for --objective" },
        { "--format", "xml", NULL, NULL, "invalid value 'xml' for --format" },
        { "--k", "2", "--hours", "5", "'--k' and '--hours' cannot be combined" },
        { "--exact", "--greedy", NULL, NULL, "'--exact' and '--greedy' cannot be combined" },
        { "--tasks", "ASR", "--all-tasks", NULL, "'--tasks' and '--all-tasks' cannot be combined" },
        { "--bogus", NULL, NULL, NULL, "unknown option '--bogus'" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rc = run_plan(&out, &errs, "--data", PLAN_FIXTURE, cases[i].a, cases[i].b,
                          cases[i].c, cases[i].d, (char *)NULL);
        assert_int_equal(rc, BC_EX_USAGE);
        expect_message(&errs, cases[i].msg);
        assert_string_equal(out, "");
        free(out);
        errors_release(&errs);
    }
    /* --help prints the usage and succeeds. */
    assert_int_equal(run_plan(&out, &errs, "--help", (char *)NULL), BC_OK);
    assert_string_equal(out, usage_plan);
    free(out);
    errors_release(&errs);
}

static void test_cmd_data_errors(void **state)
{
    (void)state;
    char *out;
    bc_errors errs;
    int rc = run_plan(&out, &errs, "--data", PLAN_FIXTURE, "--baselines", "SALMON,LTU",
                      (char *)NULL);
    assert_int_equal(rc, BC_EX_USAGE);
    expect_message(&errs, "--baselines: unknown model 'SALMON' (did you mean 'SALMONN'?)");
    free(out);
    errors_release(&errs);

    rc = run_plan(&out, &errs, "--data", PLAN_FIXTURE, "--tasks", "ASRR,ST", (char *)NULL);
    assert_int_equal(rc, BC_EX_USAGE);
    expect_message(&errs, "--tasks: unknown task 'ASRR' (did you mean 'ASR'?)");
    free(out);
    errors_release(&errs);
}

static void test_cmd_csv(void **state)
{
    (void)state;
    char *out;
    bc_errors errs;
    int rc = run_plan(&out, &errs, "--data", PLAN_FIXTURE, "--k", "2", "--greedy", "--format",
                      "csv", (char *)NULL);
    assert_int_equal(rc, BC_OK);
    assert_string_equal(out, golden_k2);
    free(out);
    errors_release(&errs);

    rc = run_plan(&out, &errs, "--data", PLAN_FIXTURE, "--hours", "500", "--greedy",
                  "--format", "csv", (char *)NULL);
    assert_int_equal(rc, BC_OK);
    assert_string_equal(out, golden_hours500);
    free(out);
    errors_release(&errs);

    /* Aliases name baselines; the same input gives the same bytes. */
    char *again;
    rc = run_plan(&out, &errs, "--data", PLAN_FIXTURE, "--baselines", "qwenaudio, salmonn",
                  "--k", "1", "--greedy", (char *)NULL);
    assert_int_equal(rc, BC_OK);
    assert_non_null(strstr(out, "Median Jaccard similarity 0.5 between"));
    errors_release(&errs);
    rc = run_plan(&again, &errs, "--data", PLAN_FIXTURE, "--baselines", "qwenaudio, salmonn",
                  "--k", "1", "--greedy", (char *)NULL);
    assert_int_equal(rc, BC_OK);
    assert_string_equal(out, again);
    free(out);
    free(again);
    errors_release(&errs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compressed_universe),
        cmocka_unit_test(test_max_coverage_k),
        cmocka_unit_test(test_max_coverage_hours),
        cmocka_unit_test(test_set_cover),
        cmocka_unit_test(test_greedy_ties),
        cmocka_unit_test(test_budget_best_single),
        cmocka_unit_test(test_jaccard_median),
        cmocka_unit_test(test_catalog_greedy_csv),
        cmocka_unit_test(test_catalog_hours),
        cmocka_unit_test(test_catalog_unseen),
        cmocka_unit_test(test_stability),
        cmocka_unit_test(test_stability_unseen),
        cmocka_unit_test(test_stability_idle_baseline),
        cmocka_unit_test(test_empty_universe),
        cmocka_unit_test(test_cmd_usage_errors),
        cmocka_unit_test(test_cmd_data_errors),
        cmocka_unit_test(test_cmd_csv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
