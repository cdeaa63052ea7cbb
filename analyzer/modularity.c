/*
 * modularity.c - Barber's bipartite modularity by per-community sums
 * (see modularity.h for the formula and its source).
 */
#include "modularity.h"

#include <stdlib.h>

#include "error.h"

int modularity_barber(const bc_incidence *m, const int *row_comm,
                      const int *col_comm, double *q)
{
    size_t E = incidence_ones(m);
    if (E == 0) {
        *q = 0.0;
        return BC_OK;
    }
    /* Communities are numbered 0..ncomm-1; the arrays are sized by the
     * largest number used, on either side. */
    int maxc = -1;
    for (size_t i = 0; i < m->nrows; i++)
        if (row_comm[i] > maxc)
            maxc = row_comm[i];
    for (size_t j = 0; j < m->ncols; j++)
        if (col_comm[j] > maxc)
            maxc = col_comm[j];
    size_t ncomm = (size_t)(maxc + 1);
    /* K_c, D_c and E_c as counts, exact in size_t. */
    size_t *sums = calloc(3 * (ncomm ? ncomm : 1), sizeof *sums);
    if (!sums)
        return BC_EX_SOFTWARE;
    size_t *K = sums, *D = sums + ncomm, *Ec = sums + 2 * ncomm;
    for (size_t i = 0; i < m->nrows; i++) {
        int g = row_comm[i];
        for (size_t p = m->rowptr[i]; p < m->rowptr[i + 1]; p++) {
            int h = col_comm[m->col[p]];
            if (g >= 0)
                K[g]++;
            if (h >= 0)
                D[h]++;
            if (g >= 0 && g == h)
                Ec[g]++;
        }
    }
    double e = (double)E, inside = 0.0, expected = 0.0;
    for (size_t c = 0; c < ncomm; c++) {
        inside += (double)Ec[c];
        expected += ((double)K[c] / e) * ((double)D[c] / e);
    }
    free(sums);
    *q = inside / e - expected;
    return BC_OK;
}
