/*
 * render.h - runs gnuplot on chart scripts benchcov wrote (`report
 * --render`), without a shell: fork, chdir into the charts directory,
 * exec `gnuplot NAME.gp` with LC_ALL=C.  Chart names are benchcov's own
 * ([a-z][a-z0-9_-]*, figures.h), never catalog text.
 */
#ifndef BENCHCOV_RENDER_H
#define BENCHCOV_RENDER_H

#include <stddef.h>
#include "error.h"

/*
 * Renders DIR/NAME.gp for each of the n names (each script writes NAME.svg
 * and NAME.png beside it).  A chart fails when gnuplot cannot be started,
 * exits non-zero or prints anything on standard error (warnings included).
 * Returns BC_OK, or BC_EX_CANTCREAT with one message per failing chart
 * (gnuplot's first line quoted), or BC_EX_SOFTWARE when no process can be
 * created.
 */
int render_charts(const char *dir, const char *const *names, size_t n, bc_errors *errs);

#endif
