/*
 * test_overlap.c - model pair overlap and the comparability graph:
 * hand-worked cases, the writers and their options, the figures of
 * tests/reference/overlap_networkx.py on seeded random catalogs, and the
 * top lists against a brute force, also under a work budget.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "assert_near.h"
#include "bipartite.h"
#include "comparability.h"
#include "handmade_catalog.h"
#include "nameorder.h"
#include "overlap.h"
#include "rng.h"

#define EPS 1e-12

typedef struct {
    bc_catalog cat;
    bc_bipartite b;
    int *order;
    bc_overlap o;
} fixture;

static void fixture_build(fixture *f)
{
    bipartite_init(&f->b);
    assert_int_equal(bipartite_build(&f->b, &f->cat), BC_OK);
    f->order = nameorder_models(&f->cat);
    assert_non_null(f->order);
    assert_int_equal(overlap_compute(&f->o, &f->b, f->order), BC_OK);
}

static void fixture_free(fixture *f)
{
    overlap_release(&f->o);
    overlap_release(&f->o);
    overlap_release(NULL);
    free(f->order);
    bipartite_release(&f->b);
    hc_free(&f->cat);
}

static char *write_to_string(const fixture *f, int md, bc_overlap_opts opts)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_non_null(fp);
    int rc = md ? overlap_write_md(fp, &f->cat, &f->b, f->order, opts)
                : overlap_write_csv(fp, &f->cat, &f->b, f->order, opts);
    assert_int_equal(rc, BC_OK);
    fclose(fp);
    return buf;
}

/*
 * The hand-made example (handmade_catalog.h), pairs in name order
 * Alpha < Beta < Gamma:
 *   datasets Alpha {LS, AudioCaps}  Beta {LS, CoVoST2}  Gamma {LS}
 *   tasks    Alpha {ASR, ST, AAC}   Beta {ASR, ST}      Gamma {ASR}
 *   pairs    Alpha {LS/ASR, AudioCaps/AAC}  Beta {LS/ASR, CoVoST2/ASR,
 *            CoVoST2/ST}  Gamma {LS/ASR}
 * Alpha-Beta: datasets 1 of 3 -> 1/3, overlap 1/2; tasks 2 of 3 -> 2/3,
 *             overlap 2/2 = 1; pairs 1 of 4 -> 1/4, overlap 1/2.
 * Alpha-Gamma: datasets 1 of 2 -> 1/2, overlap 1; tasks 1 of 3 -> 1/3;
 *             pairs 1 of 2 -> 1/2, overlap 1.
 * Beta-Gamma: datasets 1 of 2 -> 1/2; tasks 1 of 2 -> 1/2; pairs 1 of 3.
 */
static void test_hand_worked(void **state)
{
    (void)state;
    fixture f;
    hc_example(&f.cat);
    fixture_build(&f);
    assert_int_equal(f.o.n, 3);
    const bc_overlap_pair *p = f.o.pairs;
    assert_int_equal(p[0].a, 1); /* Alpha */
    assert_int_equal(p[0].b, 0); /* Beta */
    assert_int_equal(p[0].shared_datasets, 1);
    assert_near(p[0].jaccard_datasets, 1.0 / 3.0, EPS);
    assert_near(p[0].overlap_datasets, 0.5, EPS);
    assert_int_equal(p[0].shared_tasks, 2);
    assert_near(p[0].jaccard_tasks, 2.0 / 3.0, EPS);
    assert_near(p[0].overlap_tasks, 1, EPS);
    assert_int_equal(p[0].shared_pairs, 1);
    assert_near(p[0].jaccard_pairs, 0.25, EPS);
    assert_near(p[0].overlap_pairs, 0.5, EPS);
    assert_int_equal(p[1].a, 1); /* Alpha */
    assert_int_equal(p[1].b, 2); /* Gamma */
    assert_near(p[1].jaccard_datasets, 0.5, EPS);
    assert_near(p[1].overlap_datasets, 1, EPS);
    assert_near(p[1].jaccard_tasks, 1.0 / 3.0, EPS);
    assert_near(p[1].jaccard_pairs, 0.5, EPS);
    assert_near(p[1].overlap_pairs, 1, EPS);
    assert_int_equal(p[2].a, 0); /* Beta */
    assert_int_equal(p[2].b, 2); /* Gamma */
    assert_near(p[2].jaccard_tasks, 0.5, EPS);
    assert_near(p[2].jaccard_pairs, 1.0 / 3.0, EPS);

    char *s = write_to_string(&f, 0, BC_OVERLAP_OPTS_ALL);
    assert_string_equal(s, "model_a,model_b,shared_datasets,jaccard_datasets,shared_tasks,"
                           "jaccard_tasks,shared_pairs\n"
                           "Alpha,Beta,1,0.333333,2,0.666667,1\n"
                           "Alpha,Gamma,1,0.5,1,0.333333,1\n"
                           "Beta,Gamma,1,0.5,1,0.5,1\n");
    free(s);
    /* --top 2: every pair shares 1 pair; jaccard_datasets 0.5 beats 1/3, and
       the tie between Alpha-Gamma and Beta-Gamma goes by name. */
    s = write_to_string(&f, 0, (bc_overlap_opts){ -1, 2, 0 });
    assert_string_equal(s, "model_a,model_b,shared_datasets,jaccard_datasets,shared_tasks,"
                           "jaccard_tasks,shared_pairs\n"
                           "Alpha,Gamma,1,0.5,1,0.333333,1\n"
                           "Beta,Gamma,1,0.5,1,0.5,1\n");
    free(s);
    /* --model Beta: the two pairs with Beta, in name order. */
    s = write_to_string(&f, 0, (bc_overlap_opts){ 0, 0, 0 });
    assert_string_equal(s, "model_a,model_b,shared_datasets,jaccard_datasets,shared_tasks,"
                           "jaccard_tasks,shared_pairs\n"
                           "Alpha,Beta,1,0.333333,2,0.666667,1\n"
                           "Beta,Gamma,1,0.5,1,0.5,1\n");
    free(s);
    /* --model Alpha --top 1 */
    s = write_to_string(&f, 1, (bc_overlap_opts){ 1, 1, 0 });
    assert_string_equal(s, "| model_a | model_b | shared_datasets | jaccard_datasets | "
                           "shared_tasks | jaccard_tasks | shared_pairs |\n"
                           "|---|---|---|---|---|---|---|\n"
                           "| Alpha | Gamma | 1 | 0.5 | 1 | 0.333333 | 1 |\n");
    free(s);
    fixture_free(&f);
}

/* --top ranks shared_pairs before Jaccard; a model with nothing scores 0. */
static void test_top_order_and_zero(void **state)
{
    (void)state;
    static const char *const m[] = { "c", "a", "b", "z" }, *const d[] = { "D0", "D1", "D2" },
                             *const t[] = { "T0", "T1" };
    /* a: D0/T0 D0/T1 D1/T0   b: D0/T0 D0/T1   c: D0/T0 D2/T0 D1/T0   z: nothing */
    static const hc_use u[] = { { 1, 0, 0 }, { 1, 0, 1 }, { 1, 1, 0 }, { 2, 0, 0 }, { 2, 0, 1 },
                                { 0, 0, 0 }, { 0, 2, 0 }, { 0, 1, 0 } };
    fixture f;
    hc_make(&f.cat, m, 4, d, 3, t, NULL, 2, u, 8);
    fixture_build(&f);
    /* a-b: pairs 2, datasets {D0,D1}/{D0} -> 1/2.  a-c: pairs 2 (D0/T0, D1/T0),
       datasets {D0,D1}/{D0,D1,D2} -> 2/3.  b-c: pairs 1.  z: 0 everywhere. */
    char *s = write_to_string(&f, 0, (bc_overlap_opts){ -1, 3, 0 });
    assert_string_equal(s, "model_a,model_b,shared_datasets,jaccard_datasets,shared_tasks,"
                           "jaccard_tasks,shared_pairs\n"
                           "a,c,2,0.666667,1,0.5,2\n"
                           "a,b,1,0.5,2,1,2\n"
                           "b,c,1,0.333333,1,0.5,1\n");
    free(s);
    s = write_to_string(&f, 0, (bc_overlap_opts){ 3, 0, 0 });
    assert_string_equal(s, "model_a,model_b,shared_datasets,jaccard_datasets,shared_tasks,"
                           "jaccard_tasks,shared_pairs\n"
                           "a,z,0,0,0,0,0\n"
                           "b,z,0,0,0,0,0\n"
                           "c,z,0,0,0,0,0\n");
    free(s);
    fixture_free(&f);
}

/*
 * Comparability, by hand on a models x pairs matrix:
 *   A {p0}  B {p0, p1}  C {p1}  D {p2}  E {p3}  F {p3}  G {}
 * Components with >= 2 models: {A, B, C} and {E, F} -> 2; isolated D, G.
 * Pairs sharing a pair: A-B, B-C, E-F = 3 of 7 * 6 / 2 = 21, so
 * pairs_without_shared = 18 / 21.  (A and C share nothing directly but are
 * in one component through B.)
 */
static void test_comparability_hand_worked(void **state)
{
    (void)state;
    int rows[] = { 0, 1, 1, 2, 3, 4, 5 }, cols[] = { 0, 0, 1, 1, 2, 3, 3 };
    bc_incidence mp;
    assert_int_equal(incidence_from_pairs(&mp, 7, 4, rows, cols, 7), 0);
    /* Name order: G, F, ..., A (reversed), so component labels follow it. */
    int order[] = { 6, 5, 4, 3, 2, 1, 0 };
    bc_comparability c;
    assert_int_equal(comparability_compute(&c, &mp, order, 1), BC_OK);
    assert_int_equal(c.components, 2);
    assert_int_equal(c.isolated, 2);
    assert_near(c.pairs_without_shared, 18.0 / 21.0, EPS);
    int want[] = { 1, 1, 1, -1, 0, 0, -1 }; /* {E, F} first: F comes first in order */
    for (size_t m = 0; m < 7; m++)
        assert_int_equal(c.component[m], want[m]);
    assert_int_equal(c.isolated_models[0], 6); /* G */
    assert_int_equal(c.isolated_models[1], 3); /* D */
    comparability_release(&c);
    comparability_release(&c);
    comparability_release(NULL);
    incidence_release(&mp);

    /* One model or none: no pair at all, share 0. */
    assert_int_equal(incidence_from_pairs(&mp, 1, 1, rows, cols, 1), 0);
    assert_int_equal(comparability_compute(&c, &mp, order + 6, 1), BC_OK);
    assert_int_equal(c.components, 0);
    assert_int_equal(c.isolated, 1);
    assert_near(c.pairs_without_shared, 0, 0);
    comparability_release(&c);
    incidence_release(&mp);
}

/* Reads one fixture of overlap_networkx.py and compares everything. */
static void check_reference(const char *path)
{
    FILE *fp = fopen(path, "r");
    assert_non_null(fp);
    size_t M, D, T, nu;
    assert_int_equal(fscanf(fp, "%zu %zu %zu %zu", &M, &D, &T, &nu), 4);
    hc_use *u = calloc(nu, sizeof *u);
    for (size_t i = 0; i < nu; i++)
        assert_int_equal(fscanf(fp, "%d %d %d", &u[i].m, &u[i].d, &u[i].t), 3);
    char **mn = calloc(M, sizeof *mn), **dn = calloc(D, sizeof *dn), **tn = calloc(T, sizeof *tn);
    for (size_t i = 0; i < M; i++) {
        mn[i] = malloc(32);
        snprintf(mn[i], 32, "m%03zu", i);
    }
    for (size_t i = 0; i < D; i++) {
        dn[i] = malloc(32);
        snprintf(dn[i], 32, "d%03zu", i);
    }
    for (size_t i = 0; i < T; i++) {
        tn[i] = malloc(32);
        snprintf(tn[i], 32, "T%03zu", i);
    }
    fixture f;
    hc_make(&f.cat, (const char *const *)mn, M, (const char *const *)dn, D,
            (const char *const *)tn, NULL, T, u, nu);
    fixture_build(&f);
    size_t np;
    assert_int_equal(fscanf(fp, "%zu", &np), 1);
    assert_int_equal(f.o.n, np);
    for (size_t k = 0; k < np; k++) {
        int a, b;
        size_t sd, st, sp;
        double jd, od, jt, ot, jp, op;
        assert_int_equal(fscanf(fp, "%d %d %zu %lf %lf %zu %lf %lf %zu %lf %lf", &a, &b, &sd,
                                &jd, &od, &st, &jt, &ot, &sp, &jp, &op),
                         11);
        const bc_overlap_pair *p = &f.o.pairs[k];
        assert_int_equal(p->a, a);
        assert_int_equal(p->b, b);
        assert_int_equal(p->shared_datasets, sd);
        assert_int_equal(p->shared_tasks, st);
        assert_int_equal(p->shared_pairs, sp);
        assert_near(p->jaccard_datasets, jd, 1e-9);
        assert_near(p->overlap_datasets, od, 1e-9);
        assert_near(p->jaccard_tasks, jt, 1e-9);
        assert_near(p->overlap_tasks, ot, 1e-9);
        assert_near(p->jaccard_pairs, jp, 1e-9);
        assert_near(p->overlap_pairs, op, 1e-9);
    }
    size_t comps, iso, nm;
    double without;
    assert_int_equal(fscanf(fp, " components %zu isolated %zu without %lf %zu", &comps, &iso,
                            &without, &nm),
                     4);
    bc_comparability c;
    assert_int_equal(comparability_compute(&c, &f.b.mp, f.order, 1), BC_OK);
    assert_int_equal(c.components, comps);
    assert_int_equal(c.isolated, iso);
    assert_near(c.pairs_without_shared, without, 1e-9);
    for (size_t i = 0; i < nm; i++) {
        int m, lab;
        assert_int_equal(fscanf(fp, "%d %d", &m, &lab), 2);
        assert_int_equal(c.component[m], lab);
    }
    comparability_release(&c);
    fclose(fp);
    fixture_free(&f);
    for (size_t i = 0; i < M; i++)
        free(mn[i]);
    for (size_t i = 0; i < D; i++)
        free(dn[i]);
    for (size_t i = 0; i < T; i++)
        free(tn[i]);
    free(mn);
    free(dn);
    free(tn);
    free(u);
}

static void test_reference(void **state)
{
    (void)state;
    check_reference("tests/fixtures/overlap/random_1.txt");
    check_reference("tests/fixtures/overlap/random_2.txt");
    check_reference("tests/fixtures/overlap/random_3.txt");
}

/* Brute-force list: every pair, filtered and stably sorted by the list's key. */
static int plain_key_before(bc_overlap_list list, const bc_overlap_pair *x,
                            const bc_overlap_pair *y)
{
    if (list == OVERLAP_MOST) {
        if (x->shared_pairs != y->shared_pairs)
            return x->shared_pairs > y->shared_pairs;
        return x->jaccard_datasets > y->jaccard_datasets;
    }
    return x->shared_tasks > y->shared_tasks;
}

static void check_top_against_plain(const fixture *f, bc_overlap_list list, size_t k)
{
    const bc_overlap *o = &f->o;
    const bc_overlap_pair **sel = calloc(o->n + 1, sizeof *sel);
    size_t n = 0;
    for (size_t i = 0; i < o->n; i++) {
        const bc_overlap_pair *p = &o->pairs[i];
        if (list == OVERLAP_UNSHARED && !(p->shared_pairs == 0 && p->shared_tasks > 0))
            continue;
        /* insertion keeps name order among equal keys */
        size_t j = n++;
        while (j > 0 && plain_key_before(list, p, sel[j - 1])) {
            sel[j] = sel[j - 1];
            j--;
        }
        sel[j] = p;
    }
    bc_overlap_top t;
    assert_int_equal(overlap_top(&f->b, f->order, list, k, &t), BC_OK);
    assert_int_equal(t.candidates, f->cat.n_models);
    assert_int_equal(t.n, n < k ? n : k);
    assert_near(t.total, (double)n, 0);
    for (size_t i = 0; i < t.n; i++) {
        assert_int_equal(t.pairs[i].a, sel[i]->a);
        assert_int_equal(t.pairs[i].b, sel[i]->b);
        assert_int_equal(t.pairs[i].shared_datasets, sel[i]->shared_datasets);
        assert_int_equal(t.pairs[i].shared_tasks, sel[i]->shared_tasks);
        assert_int_equal(t.pairs[i].shared_pairs, sel[i]->shared_pairs);
        assert_near(t.pairs[i].jaccard_datasets, sel[i]->jaccard_datasets, 0);
        assert_near(t.pairs[i].jaccard_pairs, sel[i]->jaccard_pairs, 0);
    }
    overlap_top_release(&t);
    free(sel);
}

/*
 * Random catalogs shaped like leaderboards (many models copying a few
 * suites, so classes of identical rows are large) and like surveys (every
 * model its own row): the grouped top lists and the grouped count of
 * pairs sharing nothing equal the plain all-pairs answers.
 */
static void test_grouped_equals_plain(void **state)
{
    (void)state;
    bc_rng rng;
    rng_init(&rng, 2024);
    for (int round = 0; round < 40; round++) {
        size_t M = 2 + (size_t)rng_below(&rng, 60), D = 1 + (size_t)rng_below(&rng, 8);
        size_t T = 1 + (size_t)rng_below(&rng, 4), suites = 1 + (size_t)rng_below(&rng, 4);
        int survey = round % 4 == 3;
        hc_use *u = calloc(M * D * T + 1, sizeof *u);
        size_t nu = 0;
        /* suite s: a fixed random set of (dataset, task) facts */
        unsigned char *suite = calloc(suites * D * T, 1);
        for (size_t s = 0; s < suites * D * T; s++)
            suite[s] = rng_below(&rng, 3) == 0;
        for (size_t m = 0; m < M; m++) {
            size_t s = (size_t)rng_below(&rng, suites);
            for (size_t d = 0; d < D; d++)
                for (size_t t = 0; t < T; t++) {
                    int on = survey ? rng_below(&rng, 4) == 0 : suite[(s * D + d) * T + t];
                    if (on)
                        u[nu++] = (hc_use){ (int)m, rng_below(&rng, 6) == 0 ? -1 : (int)d,
                                            (int)t };
                }
        }
        char **mn = calloc(M, sizeof *mn), **dn = calloc(D, sizeof *dn), **tn = calloc(T, sizeof *tn);
        for (size_t i = 0; i < M; i++) {
            mn[i] = malloc(32);
            /* names not in index order, so name ranks differ from indices */
            snprintf(mn[i], 32, "m%03zu", (i * 37) % 1000);
        }
        for (size_t i = 0; i < D; i++) {
            dn[i] = malloc(32);
            snprintf(dn[i], 32, "d%zu", i);
        }
        for (size_t i = 0; i < T; i++) {
            tn[i] = malloc(32);
            snprintf(tn[i], 32, "T%zu", i);
        }
        fixture f;
        hc_make(&f.cat, (const char *const *)mn, M, (const char *const *)dn, D,
                (const char *const *)tn, NULL, T, u, nu);
        fixture_build(&f);
        size_t ks[] = { 1, 3, 10, 200 };
        for (size_t i = 0; i < 4; i++) {
            check_top_against_plain(&f, OVERLAP_MOST, ks[i]);
            check_top_against_plain(&f, OVERLAP_UNSHARED, ks[i]);
        }
        size_t without = 0;
        for (size_t i = 0; i < f.o.n; i++)
            without += f.o.pairs[i].shared_pairs == 0;
        bc_comparability c;
        assert_int_equal(comparability_compute(&c, &f.b.mp, f.order, 1), BC_OK);
        assert_int_equal(c.pairs_sampled, 0);
        assert_near(c.pairs_without_shared, f.o.n ? (double)without / (double)f.o.n : 0, 1e-12);
        comparability_release(&c);
        fixture_free(&f);
        for (size_t i = 0; i < M; i++)
            free(mn[i]);
        for (size_t i = 0; i < D; i++)
            free(dn[i]);
        for (size_t i = 0; i < T; i++)
            free(tn[i]);
        free(mn);
        free(dn);
        free(tn);
        free(u);
        free(suite);
    }
}

/* ---------------------------------------------------------------------- */
/* The top lists under a work budget: candidate classes only              */
/* ---------------------------------------------------------------------- */

/* One pair of models with its figures, computed here by merging rows. */
typedef struct {
    int a, b;   /* model indices, a first in name order */
    int ra, rb; /* their name ranks */
    size_t sd, st, sp;
    double jd, jp;
} bf_pair;

static size_t bf_common(const bc_incidence *m, int a, int b)
{
    size_t n = 0, i = m->rowptr[a], j = m->rowptr[b];
    while (i < m->rowptr[a + 1] && j < m->rowptr[b + 1]) {
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

static double bf_jaccard(size_t shared, size_t na, size_t nb)
{
    size_t uni = na + nb - shared;
    return uni ? (double)shared / (double)uni : 0;
}

static bc_overlap_list bf_list; /* the list bf_cmp sorts by */

/* The list's key descending, then name order. */
static int bf_cmp(const void *x, const void *y)
{
    const bf_pair *p = x, *q = y;
    size_t kp = bf_list == OVERLAP_MOST ? p->sp : p->st;
    size_t kq = bf_list == OVERLAP_MOST ? q->sp : q->st;
    if (kp != kq)
        return kp > kq ? -1 : 1;
    if (bf_list == OVERLAP_MOST && p->jd != q->jd)
        return p->jd > q->jd ? -1 : 1;
    if (p->ra != q->ra)
        return p->ra < q->ra ? -1 : 1;
    return p->rb < q->rb ? -1 : p->rb > q->rb;
}

/*
 * Every pair of models flagged in `keep` that qualifies for `list`
 * (MOST: every pair; UNSHARED: shared tasks but no shared pair), sorted
 * as the list is; *n gets their number.  free() the array.
 */
static bf_pair *bf_sorted(const fixture *f, const unsigned char *keep, bc_overlap_list list,
                          size_t *n)
{
    const bc_bipartite *b = &f->b;
    size_t M = f->cat.n_models, cap = M * (M - 1) / 2 + 1;
    bf_pair *v = malloc(cap * sizeof *v);
    assert_non_null(v);
    *n = 0;
    for (size_t ra = 0; ra < M; ra++)
        for (size_t rb = ra + 1; rb < M; rb++) {
            int a = f->order[ra], bm = f->order[rb];
            if (!keep[a] || !keep[bm])
                continue;
            bf_pair p = { a, bm, (int)ra, (int)rb, bf_common(&b->md, a, bm),
                          bf_common(&b->mt, a, bm), bf_common(&b->mp, a, bm), 0, 0 };
            if (list == OVERLAP_UNSHARED && !(p.sp == 0 && p.st > 0))
                continue;
            p.jd = bf_jaccard(p.sd, INC_DEG(&b->md, a), INC_DEG(&b->md, bm));
            p.jp = bf_jaccard(p.sp, INC_DEG(&b->mp, a), INC_DEG(&b->mp, bm));
            v[(*n)++] = p;
        }
    bf_list = list;
    qsort(v, *n, sizeof *v, bf_cmp);
    return v;
}

/* 1 when models x and y have the same datasets, tasks and pairs. */
static int bf_same_rows(const bc_bipartite *b, int x, int y)
{
    const bc_incidence *m[3] = { &b->md, &b->mt, &b->mp };
    for (size_t i = 0; i < 3; i++) {
        size_t nx = INC_DEG(m[i], x);
        if (nx != INC_DEG(m[i], y) ||
            memcmp(m[i]->col + m[i]->rowptr[x], m[i]->col + m[i]->rowptr[y],
                   nx * sizeof *m[i]->col) != 0)
            return 0;
    }
    return 1;
}

/*
 * What overlap.h promises about the restriction, derived here: classes
 * of models with identical rows, numbered in name order of their first
 * member; the work (over the classes' rows, the summed squared column
 * degrees of the dataset, task and pair matrices); and, when the work
 * exceeds `budget` and there are more than `max_classes` classes, the
 * candidates: the max_classes classes with the most pairs, ties in class
 * order.  keep[m] = 1 for candidate models; returns their number.
 * *work gets the work, *max_out the most pairs of a model left out,
 * *classes the number of classes.
 */
static size_t bf_candidates(const fixture *f, double budget, size_t max_classes,
                            unsigned char *keep, double *work, size_t *max_out,
                            size_t *classes)
{
    const bc_bipartite *b = &f->b;
    size_t M = f->cat.n_models, C = 0;
    int *first = malloc((M ? M : 1) * sizeof *first); /* class -> first member */
    int *cls = malloc((M ? M : 1) * sizeof *cls);
    assert_true(first && cls);
    for (size_t r = 0; r < M; r++) {
        int m = f->order[r];
        size_t c = 0;
        while (c < C && !bf_same_rows(b, first[c], m))
            c++;
        if (c == C)
            first[C++] = m;
        cls[m] = (int)c;
    }
    const bc_incidence *mats[3] = { &b->md, &b->mt, &b->mp };
    *work = 0;
    for (size_t i = 0; i < 3; i++) {
        double *deg = calloc(mats[i]->ncols + 1, sizeof *deg);
        assert_non_null(deg);
        for (size_t c = 0; c < C; c++)
            for (size_t k = mats[i]->rowptr[first[c]]; k < mats[i]->rowptr[first[c] + 1]; k++)
                deg[mats[i]->col[k]] += 1;
        for (size_t col = 0; col < mats[i]->ncols; col++)
            *work += deg[col] * deg[col];
        free(deg);
    }
    unsigned char *taken = calloc(C + 1, 1);
    assert_non_null(taken);
    if (*work <= budget || C <= max_classes) {
        memset(taken, 1, C);
    } else {
        /* max_classes times: the class with the most pairs, the first in class order on a tie */
        for (size_t n = 0; n < max_classes; n++) {
            size_t best = C;
            for (size_t c = 0; c < C; c++)
                if (!taken[c] &&
                    (best == C || INC_DEG(&b->mp, first[c]) > INC_DEG(&b->mp, first[best])))
                    best = c;
            taken[best] = 1;
        }
    }
    size_t kept = 0;
    *max_out = 0;
    for (size_t m = 0; m < M; m++) {
        keep[m] = taken[cls[m]];
        kept += keep[m];
        if (!keep[m] && INC_DEG(&b->mp, m) > *max_out)
            *max_out = INC_DEG(&b->mp, m);
    }
    *classes = C;
    free(first);
    free(cls);
    free(taken);
    return kept;
}

/* The list t equals the first k of the brute-force list v[0..n). */
static void assert_list(const bc_overlap_top *t, const bf_pair *v, size_t n, size_t k)
{
    assert_int_equal(t->n, n < k ? n : k);
    for (size_t i = 0; i < t->n; i++) {
        assert_int_equal(t->pairs[i].a, v[i].a);
        assert_int_equal(t->pairs[i].b, v[i].b);
        assert_int_equal(t->pairs[i].shared_datasets, v[i].sd);
        assert_int_equal(t->pairs[i].shared_tasks, v[i].st);
        assert_int_equal(t->pairs[i].shared_pairs, v[i].sp);
        assert_near(t->pairs[i].jaccard_datasets, v[i].jd, 0);
        assert_near(t->pairs[i].jaccard_pairs, v[i].jp, 0);
    }
}

/* Counts of what check_restricted met, so the test can insist it met each case. */
typedef struct {
    size_t restricted; /* lists computed over fewer models than the catalog has */
    size_t global;     /* restricted MOST lists that the guarantee says are the all-pairs list */
    size_t fallback;   /* restricted MOST lists going on with pairs sharing no dataset */
} bf_seen;

/*
 * overlap_top_budget(list, k, budget, max_classes) against the brute
 * force: the candidates, the total and the list over candidate pairs;
 * and, for MOST, the all-pairs list wherever its k-th pair shares more
 * (dataset, task) pairs than any model left out has (no pair with a
 * model left out can then rank among the first k).
 */
static void check_restricted(const fixture *f, bc_overlap_list list, size_t k, double budget,
                             size_t max_classes, bf_seen *seen)
{
    size_t M = f->cat.n_models, max_out, n, C;
    unsigned char *keep = malloc(M + 1), *all = malloc(M + 1);
    assert_true(keep && all);
    memset(all, 1, M + 1);
    double work;
    size_t kept = bf_candidates(f, budget, max_classes, keep, &work, &max_out, &C);
    bc_overlap_top t;
    assert_int_equal(overlap_top_budget(&f->b, f->order, list, k, budget, max_classes, &t), BC_OK);
    assert_int_equal(t.candidates, kept);
    bf_pair *v = bf_sorted(f, keep, list, &n);
    assert_list(&t, v, n, k);
    assert_near(t.total, list == OVERLAP_MOST ? (double)kept * (double)(kept - 1) / 2 : (double)n,
                0);
    if (kept < M) {
        seen->restricted++;
        if (list == OVERLAP_MOST && t.n > 0 && t.pairs[t.n - 1].shared_datasets == 0)
            seen->fallback++;
        if (list == OVERLAP_MOST && t.n == k && t.pairs[k - 1].shared_pairs > max_out) {
            size_t na;
            bf_pair *w = bf_sorted(f, all, list, &na);
            assert_list(&t, w, na, k);
            free(w);
            seen->global++;
        }
    }
    free(v);
    overlap_top_release(&t);
    free(keep);
    free(all);
}

/*
 * A random catalog of M models on D datasets and T tasks: `suites` fixed
 * random sets of (dataset, task) facts of growing density, each model
 * copying one (so many share a class), or, one time in `own`, its own
 * sparse random facts; one fact in six has no dataset.  Names are not in
 * index order.
 */
static void random_catalog(fixture *f, bc_rng *rng, size_t M, size_t D, size_t T, size_t suites,
                           unsigned own)
{
    hc_use *u = calloc(M * D * T + 1, sizeof *u);
    unsigned char *suite = calloc(suites * D * T + 1, 1);
    char **mn = calloc(M, sizeof *mn), **dn = calloc(D, sizeof *dn), **tn = calloc(T, sizeof *tn);
    assert_true(u && suite && mn && dn && tn);
    size_t nu = 0;
    for (size_t s = 0; s < suites; s++)
        for (size_t c = 0; c < D * T; c++)
            suite[s * D * T + c] = rng_below(rng, suites + 1) <= s;
    for (size_t m = 0; m < M; m++) {
        int mine = rng_below(rng, own) == 0;
        size_t s = (size_t)rng_below(rng, suites);
        for (size_t d = 0; d < D; d++)
            for (size_t t = 0; t < T; t++) {
                int on = mine ? rng_below(rng, 8) == 0 : suite[(s * D + d) * T + t];
                if (on)
                    u[nu++] = (hc_use){ (int)m, rng_below(rng, 6) == 0 ? -1 : (int)d, (int)t };
            }
    }
    for (size_t i = 0; i < M; i++) {
        mn[i] = malloc(32);
        snprintf(mn[i], 32, "m%04zu", (i * 7919) % 10007);
    }
    for (size_t i = 0; i < D; i++) {
        dn[i] = malloc(32);
        snprintf(dn[i], 32, "d%zu", i);
    }
    for (size_t i = 0; i < T; i++) {
        tn[i] = malloc(32);
        snprintf(tn[i], 32, "T%zu", i);
    }
    hc_make(&f->cat, (const char *const *)mn, M, (const char *const *)dn, D,
            (const char *const *)tn, NULL, T, u, nu);
    fixture_build(f);
    for (size_t i = 0; i < M; i++)
        free(mn[i]);
    for (size_t i = 0; i < D; i++)
        free(dn[i]);
    for (size_t i = 0; i < T; i++)
        free(tn[i]);
    free(mn);
    free(dn);
    free(tn);
    free(u);
    free(suite);
}

/*
 * The guarantee of overlap.h under a work budget, on random catalogs,
 * with the budget and the number of candidate classes passed in so the
 * restriction is reached at 40 to 300 models: the list is exactly the
 * brute-force list over pairs of candidate models (the classes with the
 * most pairs), each pair's figures its own, `total` and `candidates`
 * counted over them; for the most comparable pairs it is the all-pairs
 * list where its k-th pair shares more pairs than any model left out
 * has.  Also: a budget equal to the work, or as many candidate classes as
 * there are classes, leaves every model in.
 */
static void test_top_restricted(void **state)
{
    (void)state;
    bc_rng rng;
    rng_init(&rng, 1010);
    bf_seen seen = { 0, 0, 0 };
    for (int round = 0; round < 24; round++) {
        size_t M = 40 + (size_t)rng_below(&rng, round < 20 ? 120 : 260);
        size_t D = 2 + (size_t)rng_below(&rng, 7), T = 1 + (size_t)rng_below(&rng, 4);
        size_t suites = 1 + (size_t)rng_below(&rng, 5);
        unsigned own = 1 + (unsigned)rng_below(&rng, 4);
        fixture f;
        random_catalog(&f, &rng, M, D, T, suites, own);
        unsigned char *keep = malloc(M + 1);
        double work;
        size_t max_out, C;
        assert_non_null(keep);
        bf_candidates(&f, 0, M, keep, &work, &max_out, &C); /* the work and the classes */
        free(keep);
        bc_overlap_top t;
        /* As many candidate classes as classes: every model; one fewer: not. */
        assert_int_equal(overlap_top_budget(&f.b, f.order, OVERLAP_MOST, 5, 0, C, &t), BC_OK);
        assert_int_equal(t.candidates, M);
        overlap_top_release(&t);
        check_restricted(&f, OVERLAP_MOST, 5, 0, C - 1, &seen);
        size_t ks[] = { 1, 4, 25, 400 };
        for (size_t i = 0; i < 4; i++) {
            size_t k = ks[i], cand = 1 + (size_t)rng_below(&rng, 12);
            check_restricted(&f, OVERLAP_MOST, k, 0, cand, &seen);
            check_restricted(&f, OVERLAP_UNSHARED, k, 0, cand, &seen);
            /* the budget at the work: every model; one step below: restricted */
            assert_int_equal(
                overlap_top_budget(&f.b, f.order, OVERLAP_MOST, k, work, cand, &t), BC_OK);
            assert_int_equal(t.candidates, M);
            overlap_top_release(&t);
            check_restricted(&f, OVERLAP_MOST, k, work - 1, cand, &seen);
        }
        fixture_free(&f);
    }
    /* Every case above was met, not skipped. */
    assert_true(seen.restricted >= 100);
    assert_true(seen.global >= 10);
    assert_true(seen.fallback >= 5);
}

/*
 * overlap_top at its own figures (OVERLAP_WORK_BUDGET 2e7 steps,
 * OVERLAP_CANDIDATES 2,000 classes), on catalogs large but cheap: N
 * models, each with the pair (d0, t0) and one or two datasets of its own
 * (with t0): every 5th model has one, the others two.  All rows differ,
 * so the work is 3 N^2 (d0, t0 and (d0, t0) in every row) plus one per
 * own dataset and own pair.  N = 2,580: 19,969,200 + 9,288 steps, every
 * model considered, and the most comparable pairs are those of models
 * with one own dataset (Jaccard 1/3), first 0-5, 0-10, ...
 * N = 2,600: 20,280,000 + 9,360 steps, over the budget: the 2,000 classes
 * with the most pairs are the first 2,000 models with two own datasets
 * in name order, every pair of them has Jaccard 1/5, so the list is 1-2,
 * 1-3, 1-4, 1-6, 1-7.
 */
static void check_public_budget(size_t N, int restricted)
{
    hc_use *u = calloc(3 * N, sizeof *u);
    char **mn = calloc(N, sizeof *mn), **dn = calloc(1 + 2 * N, sizeof *dn);
    const char *const tn[] = { "T0" };
    assert_true(u && mn && dn);
    size_t nu = 0, D = 1;
    dn[0] = strdup("d0");
    for (size_t m = 0; m < N; m++) {
        mn[m] = malloc(32);
        snprintf(mn[m], 32, "m%05zu", m); /* name order = index order */
        u[nu++] = (hc_use){ (int)m, 0, 0 };
        for (size_t j = 0; j < (m % 5 == 0 ? 1u : 2u); j++) {
            dn[D] = malloc(32);
            snprintf(dn[D], 32, "u%06zu", D);
            u[nu++] = (hc_use){ (int)m, (int)D++, 0 };
        }
    }
    fixture f;
    hc_make(&f.cat, (const char *const *)mn, N, (const char *const *)dn, D, tn, NULL, 1, u, nu);
    bipartite_init(&f.b);
    assert_int_equal(bipartite_build(&f.b, &f.cat), BC_OK);
    f.order = nameorder_models(&f.cat);
    assert_non_null(f.order);
    double own = (double)(D - 1), work = 3 * (double)N * (double)N + 2 * own;
    assert_true(restricted ? work > OVERLAP_WORK_BUDGET : work <= OVERLAP_WORK_BUDGET);
    bc_overlap_top t;
    assert_int_equal(overlap_top(&f.b, f.order, OVERLAP_MOST, 5, &t), BC_OK);
    assert_int_equal(t.candidates, restricted ? OVERLAP_CANDIDATES : N);
    assert_near(t.total, (double)t.candidates * (double)(t.candidates - 1) / 2, 0);
    assert_int_equal(t.n, 5);
    int want_a = restricted ? 1 : 0;
    int want_b[2][5] = { { 5, 10, 15, 20, 25 }, { 2, 3, 4, 6, 7 } };
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(t.pairs[i].a, want_a);
        assert_int_equal(t.pairs[i].b, want_b[restricted][i]);
        assert_int_equal(t.pairs[i].shared_pairs, 1);
        assert_near(t.pairs[i].jaccard_datasets, restricted ? 1.0 / 5 : 1.0 / 3, 0);
    }
    overlap_top_release(&t);
    free(f.order);
    bipartite_release(&f.b);
    hc_free(&f.cat);
    for (size_t m = 0; m < N; m++)
        free(mn[m]);
    for (size_t d = 0; d < D; d++)
        free(dn[d]);
    free(mn);
    free(dn);
    free(u);
}

static void test_top_public_budget(void **state)
{
    (void)state;
    check_public_budget(2580, 0);
    check_public_budget(2600, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_worked),
        cmocka_unit_test(test_top_order_and_zero),
        cmocka_unit_test(test_comparability_hand_worked),
        cmocka_unit_test(test_reference),
        cmocka_unit_test(test_grouped_equals_plain),
        cmocka_unit_test(test_top_restricted),
        cmocka_unit_test(test_top_public_budget),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
