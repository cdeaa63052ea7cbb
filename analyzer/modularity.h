/*
 * modularity.h - Barber's bipartite modularity of a partition of a 0/1
 * matrix's rows and columns.
 *
 * Barber, "Modularity and community detection in bipartite networks",
 * Physical Review E 76 (2007) 066102, eq. (6):
 *
 *     Q = (1/E) sum_ij (A_ij - k_i d_j / E) delta(g_i, h_j)
 *
 * with E the number of ones, k_i the degree of row i, d_j that of column
 * j, g_i and h_j their communities.  Collecting terms by community c,
 *
 *     Q = sum_c [ E_c / E - (K_c / E) (D_c / E) ]
 *
 * where E_c counts the ones whose row and column are both in c, and K_c
 * and D_c sum the row and column degrees in c.  That form is what is
 * computed: O(E + R + C + communities), never over all (i, j) pairs.
 */
#ifndef BENCHCOV_MODULARITY_H
#define BENCHCOV_MODULARITY_H

#include "incidence.h"

/*
 * Sets *q to Barber's Q for the partition: row i is in community
 * row_comm[i] (m->nrows entries), column j in col_comm[j] (m->ncols
 * entries).  Communities are numbered from 0, a row and a column match
 * only when their numbers are equal, and a negative number (-1: no
 * community) never matches anything, though the row's or column's ones
 * still count in E.  A matrix without ones has Q = 0.  Q <= 1 always.
 * Returns BC_OK, or BC_EX_SOFTWARE when memory runs out (*q untouched).
 */
int modularity_barber(const bc_incidence *m, const int *row_comm,
                      const int *col_comm, double *q);

#endif
