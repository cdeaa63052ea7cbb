/*
 * assert_near.h - a floating-point assertion for cmocka 1.1, which has
 * none: fails with both values printed when |got - want| > eps.
 * Include after <cmocka.h>.
 */
#ifndef BENCHCOV_ASSERT_NEAR_H
#define BENCHCOV_ASSERT_NEAR_H

#include <math.h>

#define assert_near(got, want, eps) \
    assert_near_at((double)(got), (double)(want), (eps), #got, __FILE__, __LINE__)

static inline void assert_near_at(double got, double want, double eps, const char *expr,
                                  const char *file, int line)
{
    if (!(fabs(got - want) <= eps))
        fail_msg("%s:%d: %s = %.17g, expected %.17g (within %g)", file, line, expr, got, want,
                 eps);
}

#endif
