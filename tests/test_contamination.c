/*
 * test_contamination.c - in-domain evaluations on a fixture worked out by
 * hand, and the trained (model, dataset) pairs the planner weighs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "contamination.h"

/* Models */
enum { A, B, C };
/* Datasets */
enum { LS, CV, CLOTHO, ESC };
/* Tasks */
enum { ASR, ST, AAC, SEC };

#define T BC_ROLE_TRAIN
#define E BC_ROLE_EVAL

/*
 * Train:  A LS ASR;  A CV (task-free);  A Clotho AAC;  B LS ST;  B ESC SEC;
 *         C (no dataset) ASR.
 * Eval:   A LS ASR   in-domain, same task
 *         A LS ST    in-domain (A trained on LS for ASR), other task
 *         A CV ASR   in-domain through task-free training, not same task
 *         A ESC SEC  not in-domain (B trained on ESC, A did not)
 *         A (none) ASR  no dataset: not an evaluation that can be in-domain
 *         B LS ASR   in-domain (B trained on LS for ST), other task
 *         B ESC SEC  in-domain, same task; listed twice, counts once
 *         C LS ASR   not in-domain (C's train fact names no dataset)
 *         model 7    outside [0, 3): ignored
 * So: evals A 4, B 2, C 1 = 7; in-domain A 3, B 2, C 0 = 5; same task
 * A 1, B 1 = 2; 3 models evaluated, 2 with an in-domain evaluation.
 */
static const bc_fact facts[] = {
    { B, ESC, SEC, E },   { A, LS, ASR, T },  { A, CV, -1, T },   { A, CLOTHO, AAC, T },
    { B, LS, ST, T },     { B, ESC, SEC, T }, { C, -1, ASR, T },  { A, LS, ASR, E },
    { A, LS, ST, E },     { A, CV, ASR, E },  { A, ESC, SEC, E }, { A, -1, ASR, E },
    { B, LS, ASR, E },    { B, ESC, SEC, E }, { C, LS, ASR, E },  { 7, LS, ASR, E },
};
#define NF (sizeof facts / sizeof facts[0])

static void test_hand_worked(void **state)
{
    (void)state;
    bc_contamination c;
    contamination_init(&c);
    assert_int_equal(contamination_compute(&c, facts, NF, 3), BC_OK);
    assert_int_equal(c.n_evals, 7);
    assert_int_equal(c.n_indomain, 5);
    assert_int_equal(c.n_same_task, 2);
    assert_int_equal(c.models_evaluated, 3);
    assert_int_equal(c.models_indomain, 2);
    assert_int_equal(c.evals[A], 4);
    assert_int_equal(c.evals[B], 2);
    assert_int_equal(c.evals[C], 1);
    assert_int_equal(c.indomain[A], 3);
    assert_int_equal(c.indomain[B], 2);
    assert_int_equal(c.indomain[C], 0);
    assert_int_equal(c.same_task[A], 1);
    assert_int_equal(c.same_task[B], 1);
    assert_int_equal(c.same_task[C], 0);
    /* Every evaluation, in (model, dataset, task) index order. */
    static const bc_evaluation want[] = {
        { A, LS, ASR, 1, 1 },  { A, LS, ST, 1, 0 },  { A, CV, ASR, 1, 0 }, { A, ESC, SEC, 0, 0 },
        { B, LS, ASR, 1, 0 },  { B, ESC, SEC, 1, 1 }, { C, LS, ASR, 0, 0 },
    };
    assert_int_equal(c.n_rows, 7);
    for (size_t i = 0; i < 7; i++) {
        assert_int_equal(c.rows[i].model, want[i].model);
        assert_int_equal(c.rows[i].dataset, want[i].dataset);
        assert_int_equal(c.rows[i].task, want[i].task);
        assert_int_equal(c.rows[i].in_domain, want[i].in_domain);
        assert_int_equal(c.rows[i].same_task, want[i].same_task);
    }
    contamination_release(&c);
    contamination_release(&c); /* idempotent */
    contamination_release(NULL);
}

/* No eval facts, or no facts at all: zero everywhere, no rows. */
static void test_empty(void **state)
{
    (void)state;
    bc_contamination c;
    contamination_init(&c);
    assert_int_equal(contamination_compute(&c, facts + 1, 6, 3), BC_OK); /* train facts only */
    assert_int_equal(c.n_evals, 0);
    assert_int_equal(c.n_rows, 0);
    assert_int_equal(c.models_evaluated, 0);
    contamination_release(&c);
    contamination_init(&c);
    assert_int_equal(contamination_compute(&c, NULL, 0, 0), BC_OK);
    assert_int_equal(c.n_indomain, 0);
    contamination_release(&c);
}

/* An eval fact with an empty task is in-domain but never same-task. */
static void test_eval_without_task(void **state)
{
    (void)state;
    static const bc_fact f[] = { { A, LS, -1, T }, { A, LS, -1, E } };
    bc_contamination c;
    contamination_init(&c);
    assert_int_equal(contamination_compute(&c, f, 2, 1), BC_OK);
    assert_int_equal(c.n_indomain, 1);
    assert_int_equal(c.n_same_task, 0);
    assert_int_equal(c.rows[0].task, -1);
    contamination_release(&c);
}

static void test_trained_pairs(void **state)
{
    (void)state;
    bc_md_pair *p = NULL;
    size_t n = 0;
    assert_int_equal(contamination_trained(facts, NF, NULL, &p, &n), BC_OK);
    static const bc_md_pair all[] = { { A, LS }, { A, CV }, { A, CLOTHO }, { B, LS }, { B, ESC } };
    assert_int_equal(n, 5);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(p[i].model, all[i].model);
        assert_int_equal(p[i].dataset, all[i].dataset);
    }
    free(p);
    /* Only B and C as baselines: B's two datasets. */
    static const unsigned char mask[] = { 0, 1, 1, 0, 0, 0, 0, 0 };
    assert_int_equal(contamination_trained(facts, NF, mask, &p, &n), BC_OK);
    assert_int_equal(n, 2);
    assert_int_equal(p[0].dataset, LS);
    assert_int_equal(p[1].dataset, ESC);
    free(p);
    /* Nothing trained: NULL and 0. */
    assert_int_equal(contamination_trained(facts + 7, NF - 7, NULL, &p, &n), BC_OK);
    assert_null(p);
    assert_int_equal(n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_worked),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_eval_without_task),
        cmocka_unit_test(test_trained_pairs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
