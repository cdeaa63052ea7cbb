/*
 * survey_matrix.h - a survey-shaped models x datasets matrix for the tests
 * that measure a sampled figure against its exact value: each of M models
 * names 5 to 15 datasets drawn with weight 1 / (d + 1) among D (the shape
 * of bench/gen_catalog.py; repeats merge).  Seeded, so every run is the
 * same matrix.
 */
#ifndef BENCHCOV_TEST_SURVEY_MATRIX_H
#define BENCHCOV_TEST_SURVEY_MATRIX_H

#include <stdint.h>
#include <stdlib.h>

#include "error.h"
#include "incidence.h"
#include "rng.h"

static inline void survey_matrix(bc_incidence *md, size_t M, size_t D, uint64_t seed)
{
    bc_rng rng;
    rng_init(&rng, seed);
    double *cum = malloc(D * sizeof *cum);
    int *r = malloc(M * 15 * sizeof *r), *c = malloc(M * 15 * sizeof *c);
    assert_non_null(cum);
    assert_non_null(r);
    assert_non_null(c);
    double total = 0;
    for (size_t d = 0; d < D; d++)
        cum[d] = total += 1.0 / (double)(d + 1);
    size_t n = 0;
    for (size_t m = 0; m < M; m++) {
        size_t k = 5 + (size_t)rng_below(&rng, 11);
        for (size_t j = 0; j < k; j++) {
            double x = rng_uniform(&rng) * total;
            size_t lo = 0, hi = D - 1; /* the first d with cum[d] >= x */
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (cum[mid] < x)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            r[n] = (int)m;
            c[n++] = (int)lo;
        }
    }
    incidence_init(md);
    assert_int_equal(incidence_from_pairs(md, M, D, r, c, n), BC_OK);
    free(cum);
    free(r);
    free(c);
}

#endif
