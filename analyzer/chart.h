/*
 * chart.h - gnuplot chart writers: a self-contained NAME.gp script and
 * its NAME.dat data for each chart of the report.
 *
 * Every writer takes plain arrays (no catalog types), writes the script
 * to `gp` and the tab-separated data to `dat`, and returns BC_OK, or
 * BC_EX_SOFTWARE with a message in errs when its arguments are invalid
 * (bad chart name, missing array).  Write errors on the streams are left
 * for the caller to detect (ferror / outset_commit).
 *
 * The script, run as `gnuplot NAME.gp` in the directory that holds
 * NAME.dat, writes NAME.svg and NAME.png there.  Catalog text (labels,
 * series and category names) reaches the script only as fmt_gp_string
 * literals and the data only as fmt_dat fields; enhanced text mode is
 * off on both terminals.  Output is a pure function of the arguments.
 */
#ifndef BENCHCOV_CHART_H
#define BENCHCOV_CHART_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"

/* Longest chart name accepted, in bytes. */
#define CHART_NAME_MAX 64

/* Tick labels longer than this many characters are cut with an ellipsis
 * in the picture (the .dat keeps them whole). */
#define CHART_LABEL_MAX 32

/* What every chart carries besides its data. */
typedef struct {
    const char *name;    /* [a-z][a-z0-9_-]*, chosen by benchcov, never catalog
                            text: the script reads NAME.dat, writes NAME.svg/.png */
    const char *title;   /* says what is counted; NULL for none */
    const char *xlabel;  /* NULL for none */
    const char *ylabel;  /* NULL for none */
    const char *comment; /* what the chart shows and from which table; written as
                            '#' lines at the top of the script, line breaks folded;
                            NULL for none */
} bc_chart_meta;

/* A matrix of cells coloured by value (viridis palette). */
typedef struct {
    size_t nrows, ncols;
    const char *const *row_labels; /* nrows labels, drawn top to bottom */
    const char *const *col_labels; /* ncols labels, drawn left to right */
    const char *const *col_groups; /* ncols group names (modality) or NULL: a
                                      separator is drawn where the group
                                      changes and the name is printed above */
    const double *values;          /* nrows * ncols, row-major; NaN = empty cell */
    double vmin, vmax;             /* colour range; vmin < vmax */
    const char *cb_label;          /* colour box label (what a colour means) or NULL */
    size_t nstates;                /* > 0: the values are these discrete states, drawn
                                      with one fixed colour each and a key entry each
                                      instead of a colour box */
    const double *state_values;    /* nstates values a cell may hold */
    const char *const *state_labels; /* nstates key titles */
    const char *empty_label;       /* key title of empty (NaN) cells, or NULL for none */
} bc_heatmap;

/*
 * Heatmap of `h` (coverage matrix, model overlap).  The .dat holds one
 * line per non-empty cell: column index, row index, value, row label,
 * column label, and with states the cell's colour as an integer 0xRRGGBB.
 * Returns BC_OK or BC_EX_SOFTWARE (also for a value that is no state).
 */
int chart_heatmap(FILE *gp, FILE *dat, const bc_chart_meta *meta,
                  const bc_heatmap *h, bc_errors *errs);

/* Vertical bars, optionally coloured by category. */
typedef struct {
    size_t n;
    const char *const *labels;     /* n bar labels (x tics), left to right */
    const double *values;          /* n bar heights */
    const char *const *categories; /* n category names (modality) or NULL: bars
                                      are coloured by category, Okabe-Ito
                                      colours in order of first appearance,
                                      with a key entry each */
    double threshold;              /* dashed horizontal line at this value
                                      (the thin limit); NaN for none */
    const char *threshold_label;   /* key entry of that line, or NULL */
    double ymax;                   /* top of the y axis; NaN = automatic */
    const char *const *colours;    /* n colours "#RRGGBB", one per bar (the colour of
                                      its category, fixed per value: palette.h), or
                                      NULL: Okabe-Ito in order of first appearance */
} bc_bars;

/*
 * Bar chart of `b` (task coverage, dataset popularity, Gini per task).
 * The .dat holds one line per bar: index, value, label, category (or
 * "-"), colour as an integer 0xRRGGBB.  Returns BC_OK or BC_EX_SOFTWARE.
 */
int chart_bars(FILE *gp, FILE *dat, const bc_chart_meta *meta, const bc_bars *b,
               bc_errors *errs);

/* One curve of a line chart. */
typedef struct {
    const char *name; /* key title */
    size_t n;         /* points; a series without points is left out */
    const double *x;  /* n abscissae, in drawing order */
    const double *y;  /* n ordinates */
} bc_series;

/* Curves sharing axes, with an optional dashed horizontal reference. */
typedef struct {
    size_t nseries;
    const bc_series *series;
    double hline;             /* dashed horizontal line (a bound); NaN for none */
    const char *hline_label;  /* key entry of that line, or NULL */
    double xmin, xmax;        /* axis range; NaN = automatic */
    double ymin, ymax;        /* axis range; NaN = automatic */
    int points;               /* nonzero: mark every point (linespoints) */
} bc_lines;

/*
 * Line chart of `l` (robustness curves, the plan's gain curve).  The
 * .dat holds one block of "x<TAB>y" lines per non-empty series, blocks
 * separated by two empty lines (gnuplot's `index`).  Returns BC_OK or
 * BC_EX_SOFTWARE.
 */
int chart_lines(FILE *gp, FILE *dat, const bc_chart_meta *meta, const bc_lines *l,
                bc_errors *errs);

/* Stacked bars: one bar per group, one stacked part per component. */
typedef struct {
    size_t ngroups;
    const char *const *group_labels; /* ngroups x tics (years), left to right */
    size_t nparts;
    const char *const *part_labels;  /* nparts key titles (output kind), bottom
                                        to top */
    const double *values;            /* ngroups * nparts, row-major */
    const char *const *part_colours; /* nparts "#RRGGBB" (palette.h), or NULL:
                                        Okabe-Ito in part order */
} bc_stacked;

/*
 * Stacked bar chart of `s` (models per year by output kind).  The .dat
 * holds one line per group: label, then one value per part.  Returns
 * BC_OK or BC_EX_SOFTWARE.
 */
int chart_stacked(FILE *gp, FILE *dat, const bc_chart_meta *meta,
                  const bc_stacked *s, bc_errors *errs);

/* Paired bars: for each label a bar before and a bar after (two versions). */
typedef struct {
    size_t n;
    const char *const *labels; /* n x tics, left to right */
    const double *before;      /* n values; NaN = absent in that version (no bar) */
    const double *after;       /* likewise */
    const char *before_label;  /* key titles of the two series */
    const char *after_label;
    double ymax;               /* top of the y axis; NaN = automatic */
} bc_paired;

/*
 * Paired bar chart of `p` (`diff --charts`: task coverage and headline
 * figures before and after).  The .dat holds one line per label: index,
 * before, after (an absent value as "-", gnuplot's missing mark), label.
 * Returns BC_OK or BC_EX_SOFTWARE.
 */
int chart_paired(FILE *gp, FILE *dat, const bc_chart_meta *meta, const bc_paired *p,
                 bc_errors *errs);

#endif
