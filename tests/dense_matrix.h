/*
 * dense_matrix.h - builds a bc_incidence from a dense row-major 0/1
 * array, for tests that write their matrices out in full.  Include after
 * <cmocka.h>.
 */
#ifndef BENCHCOV_DENSE_MATRIX_H
#define BENCHCOV_DENSE_MATRIX_H

#include <stdlib.h>
#include "incidence.h"

static inline void from_dense(bc_incidence *m, size_t R, size_t C, const int *a)
{
    int *rows = malloc((R * C + 1) * sizeof *rows);
    int *cols = malloc((R * C + 1) * sizeof *cols);
    assert_non_null(rows);
    assert_non_null(cols);
    size_t n = 0;
    for (size_t r = 0; r < R; r++)
        for (size_t c = 0; c < C; c++)
            if (a[r * C + c]) {
                rows[n] = (int)r;
                cols[n] = (int)c;
                n++;
            }
    assert_int_equal(incidence_from_pairs(m, R, C, rows, cols, n), 0);
    free(rows);
    free(cols);
}

#endif
