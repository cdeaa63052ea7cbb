/*
 * figures.h - the eight charts of the report (DESIGN.md section 6): turns
 * an analysis and the default plan into the plain arrays of chart.h and
 * writes each NAME.gp / NAME.dat pair.
 */
#ifndef BENCHCOV_FIGURES_H
#define BENCHCOV_FIGURES_H

#include <stdio.h>

#include "analysis.h"
#include "error.h"
#include "plan.h"

/* A chart of the report: its file name stem and its caption. */
typedef struct {
    const char *name;     /* charts/NAME.gp, NAME.dat, NAME.svg, NAME.png */
    const char *caption;  /* alt text and caption in the Markdown */
} bc_figure;

/*
 * Bars drawn at most in a ranked bar chart (the most used datasets): the
 * first FIGURES_TOP_N in the chart's order.
 */
#define FIGURES_TOP_N 25

/*
 * Models drawn at most in the coverage matrix and the overlap heat map:
 * the first FIGURES_MAX_MODELS in the chart's order (nested order,
 * community order); the caption says when models were left out.
 */
#define FIGURES_MAX_MODELS 50

/* The eight figures, in the order the report shows them. */
#define FIGURES_COUNT 8
extern const bc_figure figures[FIGURES_COUNT];

/*
 * Writes figure number `which` (an index into `figures`) to `gp` and
 * `dat`.  `plan` may have no steps.  Returns BC_OK, or BC_EX_SOFTWARE
 * with a message in errs.
 */
int figures_write(int which, FILE *gp, FILE *dat, const bc_analysis *a, const bc_plan *plan,
                  bc_errors *errs);

/*
 * The caption of figure `which` for `cat`: without a task `modality`
 * facet, the captions that promise grouping by modality drop it.
 */
const char *figures_caption(int which, const bc_catalog *cat);

/*
 * The model facet the models-per-year chart stacks by: `output` when
 * models.csv has it, else the first facet gaps_default_facets chooses
 * with fewer values than the chart palette has colours; -1 for plain bars.
 */
int figures_year_facet(const bc_catalog *cat);

#endif
