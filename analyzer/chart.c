/*
 * chart.c - writes gnuplot scripts and their data files for the charts
 * of the report: heatmaps, bars, line charts and stacked bars.
 *
 * Every script is self-contained and renders twice: an SVG for the
 * Markdown report and a PNG for places that cannot show SVG.  It reads
 * NAME.dat from the current directory with tab as the only separator, so
 * no catalog text can shift a column.  Catalog text is written into the
 * script only through fmt_gp_string and into the data only through
 * fmt_dat; enhanced text (where '^', '_', '@', '&', '{' would be markup)
 * is off on every terminal.  Colours: a viridis ramp for values (readable
 * in greyscale and by colour-blind readers) and the Okabe-Ito palette
 * for categories (Okabe & Ito 2008, "Color Universal Design").
 */
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

/* Canvas geometry in pixels and the limits it is clamped to. */
#define CHART_FONT "sans,10"
#define CHART_MIN_W 480
#define CHART_MIN_H 360
#define CHART_MAX_PX 4000
#define CHART_CELL_PX 18  /* one heatmap cell, one bar */
#define CHART_CHAR_PX 7   /* rough width of one character at 10 pt */
/* Heat-map layout, in gnuplot margin lines (character heights) and pixels. */
#define HEAT_ROT_PCT 45       /* rotated column labels: lines per character, in percent */
#define HEAT_BOTTOM_LINES 3   /* bottom margin besides the rotated labels */
#define HEAT_GROUP_TENTHS 5   /* group names above the columns: tenths of a line per character */
#define HEAT_TOP_LINES 3      /* top margin besides the group names (title) */
#define HEAT_EXTRA_W_PX 160   /* colour box, its label and the right margin */
#define HEAT_LINE_PX 15       /* one margin line */
#define HEAT_EXTRA_H_PX 40    /* title and padding */

/* Okabe-Ito colours, ordered so that neighbours differ in lightness too. */
static const char *const chart_okabe_ito[] = {
    "#0072B2", "#E69F00", "#009E73", "#CC79A7",
    "#56B4E9", "#D55E00", "#F0E442", "#000000",
};
#define CHART_NCOLOURS (sizeof chart_okabe_ito / sizeof chart_okabe_ito[0])

/* Dash types given to successive line series, for greyscale prints. */
static const int chart_dashes[] = { 1, 4, 5, 3 };
#define CHART_NDASHES (sizeof chart_dashes / sizeof chart_dashes[0])

/* Viridis sampled at nine stops (van der Walt & Smith, matplotlib 2015). */
static const char chart_viridis[] =
    "set palette defined (0 \"#440154\", 1 \"#482878\", 2 \"#3E4A89\", "
    "3 \"#31688E\", 4 \"#26828E\", 5 \"#1F9E89\", 6 \"#35B779\", "
    "7 \"#6DCD59\", 8 \"#FDE725\")\n";

/* True when name is [a-z][a-z0-9_-]* and at most CHART_NAME_MAX bytes. */
static int name_ok(const char *name)
{
    size_t i;

    if (!name || !(name[0] >= 'a' && name[0] <= 'z'))
        return 0;
    for (i = 0; name[i]; i++) {
        char c = name[i];

        if (i >= CHART_NAME_MAX)
            return 0;
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

/* Validates what every writer needs; returns BC_OK or BC_EX_SOFTWARE. */
static int check_common(FILE *gp, FILE *dat, const bc_chart_meta *meta,
                        const void *data, bc_errors *errs)
{
    if (!gp || !dat || !meta || !data)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0,
                          "chart called without its streams or data");
    if (!name_ok(meta->name))
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "invalid chart name '%s'",
                          meta->name ? meta->name : "");
    return BC_OK;
}

/* Colours of the discrete states of a heatmap, in state order. */
static const char *const chart_states[] = { "#0072B2", "#56B4E9", "#E69F00", "#009E73",
                                             "#CC79A7", "#D55E00" };
#define CHART_NSTATES (sizeof chart_states / sizeof chart_states[0])

/* True when s is "#RRGGBB": caller-given colours reach the script only so. */
static int colour_ok(const char *s)
{
    if (!s || s[0] != '#' || strlen(s) != 7)
        return 0;
    for (int i = 1; i < 7; i++)
        if (!strchr("0123456789ABCDEFabcdef", s[i]))
            return 0;
    return 1;
}

static int missing(const char *name, const char *what, bc_errors *errs)
{
    return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "chart '%s': missing %s",
                      name, what);
}

static size_t clamp_px(size_t v, size_t lo)
{
    if (v < lo)
        return lo;
    return v > CHART_MAX_PX ? CHART_MAX_PX : v;
}

/* Number of UTF-8 characters in s, at most CHART_LABEL_MAX + 1. */
static size_t label_chars(const char *s)
{
    size_t n = 0;

    for (; s && *s; s++)
        if (((unsigned char)*s & 0xc0) != 0x80)
            n++;
    return n > CHART_LABEL_MAX + 1 ? CHART_LABEL_MAX + 1 : n;
}

/* Widest label of an array, in characters (cut labels count as cut). */
static size_t widest(const char *const *labels, size_t n)
{
    size_t i, w = 0;

    for (i = 0; labels && i < n; i++) {
        size_t k = label_chars(labels[i]);

        if (k > w)
            w = k;
    }
    return w;
}

/*
 * Writes a tick label as a gnuplot string literal, cut after
 * CHART_LABEL_MAX - 1 characters with an ellipsis when longer.  The cut
 * falls on a character boundary, so UTF-8 stays valid.
 */
static void put_label(FILE *gp, const char *s)
{
    char buf[CHART_LABEL_MAX * 4 + 4];
    size_t chars = 0, i;

    if (!s)
        s = "";
    if (label_chars(s) <= CHART_LABEL_MAX) {
        fmt_gp_string(gp, s);
        return;
    }
    for (i = 0; s[i]; i++) {
        if (((unsigned char)s[i] & 0xc0) != 0x80 && ++chars == CHART_LABEL_MAX)
            break;
        if (i >= sizeof buf - 4)
            break;
        buf[i] = s[i];
    }
    memcpy(buf + i, "\xe2\x80\xa6", 4); /* U+2026 and the terminating NUL */
    fmt_gp_string(gp, buf);
}

/*
 * Writes text as '#' comment lines of at most about 76 columns, breaking
 * at spaces.  Control characters fold to spaces and backslashes become
 * '/', because gnuplot continues a comment that ends in a backslash onto
 * the next line.
 */
static void put_comment(FILE *gp, const char *text)
{
    size_t col = 0;
    const unsigned char *p = (const unsigned char *)text;

    if (!text || !*text)
        return;
    while (*p) {
        const unsigned char *w;
        size_t len = 0;

        while (*p && (*p <= ' ' || *p == 0x7f))
            p++;
        if (!*p)
            break;
        for (w = p; w[len] && w[len] > ' ' && w[len] != 0x7f; len++)
            ;
        if (col > 0 && col + 1 + len > 76) {
            fputc('\n', gp);
            col = 0;
        }
        fputs(col == 0 ? "# " : " ", gp);
        col += col == 0 ? 2 : 1;
        for (; p < w + len; p++)
            fputc(*p == '\\' ? '/' : *p, gp);
        col += len;
    }
    if (col > 0)
        fputc('\n', gp);
}

/* Opening comment block and settings shared by every script. */
static void put_head(FILE *gp, const bc_chart_meta *m, const char *kind)
{
    fprintf(gp, "# %s.gp - %s written by benchcov\n", m->name, kind);
    put_comment(gp, m->title);
    put_comment(gp, m->comment);
    fprintf(gp, "# Data: %s.dat (tab-separated).  Render in this directory with\n"
                "# `gnuplot %s.gp`: writes %s.svg and %s.png.\n\n",
            m->name, m->name, m->name, m->name);
    /*
     * No `set encoding`: labels are UTF-8 and both terminals pass them
     * through as such, while `set encoding utf8` warns under LC_ALL=C.
     */
    fputs("set datafile separator \"\\t\"\n", gp);
}

static void put_svg(FILE *gp, const bc_chart_meta *m, size_t w, size_t h)
{
    fprintf(gp, "set terminal svg size %zu,%zu font \"%s\" noenhanced "
                "background rgb \"white\"\n", w, h, CHART_FONT);
    fputs("set termoption noenhanced\n", gp);
    fprintf(gp, "set output \"%s.svg\"\n", m->name);
}

static void put_png(FILE *gp, const bc_chart_meta *m, size_t w, size_t h)
{
    fprintf(gp, "\nset terminal pngcairo size %zu,%zu noenhanced font \"%s\" "
                "background rgb \"white\"\n", w, h, CHART_FONT);
    fputs("set termoption noenhanced\n", gp);
    fprintf(gp, "set output \"%s.png\"\nreplot\nunset output\n", m->name);
}

static void put_set_text(FILE *gp, const char *what, const char *text)
{
    if (!text)
        return;
    fprintf(gp, "set %s ", what);
    fmt_gp_string(gp, text);
    fputc('\n', gp);
}

/* Title and axis labels. */
static void put_labels(FILE *gp, const bc_chart_meta *m)
{
    put_set_text(gp, "title", m->title);
    put_set_text(gp, "xlabel", m->xlabel);
    put_set_text(gp, "ylabel", m->ylabel);
}

/* Writes "set AXIS ..." range bounds; NaN leaves a side automatic. */
static void put_range(FILE *gp, const char *axis, double lo, double hi)
{
    fprintf(gp, "set %s [", axis);
    if (!isnan(lo))
        fmt_put_num(gp, lo);
    fputc(':', gp);
    if (!isnan(hi))
        fmt_put_num(gp, hi);
    fputs("]\n", gp);
}

/*
 * Top of a y axis that starts at 0: `top` when given, else automatic
 * (NaN) unless no value rises above 0, where gnuplot would warn about an
 * empty range: then 1, so charts of catalogs without data render cleanly.
 */
static double zero_based_top(double top, const double *v, size_t n, const double *v2)
{
    if (!isnan(top))
        return top;
    for (size_t i = 0; i < n; i++)
        if ((v && v[i] > 0) || (v2 && v2[i] > 0))
            return NAN;
    return 1;
}

/*
 * A [lo:hi] range for data spanning [dlo, dhi] (NaN bounds automatic): when
 * the effective range is empty, the free bound moves by 1 so gnuplot has
 * something to draw and no warning to print.
 */
static void put_range_nonempty(FILE *gp, const char *axis, double lo, double hi, double dlo,
                               double dhi)
{
    double elo = isnan(lo) ? dlo : lo, ehi = isnan(hi) ? dhi : hi;
    if (!isnan(elo) && !isnan(ehi) && ehi <= elo) {
        if (isnan(hi))
            hi = elo + 1;
        else if (isnan(lo))
            lo = ehi - 1;
    }
    put_range(gp, axis, lo, hi);
}

/* A plot that draws nothing but says so, for charts without data. */
static void put_empty_plot(FILE *gp)
{
    fputs("set xrange [0:1]\nset yrange [0:1]\nunset xtics\nunset ytics\n"
          "set label 1 \"no data\" at graph 0.5, graph 0.5 center\n"
          "plot NaN notitle\n", gp);
}

/*
 * Colour slot of the category whose first bar is `i`: how many distinct
 * categories appeared before it (first[j] == j marks a first bar).
 * Quadratic, fine for the few modalities of a chart.
 */
static size_t category_index(size_t i, const size_t *first)
{
    size_t j, k = 0;

    for (j = 0; j < i; j++)
        if (first[j] == j)
            k++;
    return k;
}

static unsigned long colour_value(const char *hex)
{
    unsigned long v = 0;
    size_t i;

    for (i = 1; hex[i]; i++) {
        char c = hex[i];

        v = v * 16 + (unsigned long)(c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0');
    }
    return v;
}

int chart_heatmap(FILE *gp, FILE *dat, const bc_chart_meta *meta,
                  const bc_heatmap *h, bc_errors *errs)
{
    size_t i, j, cells = 0, lm, bm, tm, w, hh, gw;
    int rc = check_common(gp, dat, meta, h, errs);

    if (rc)
        return rc;
    if (h->nrows && !h->row_labels)
        return missing(meta->name, "row labels", errs);
    if (h->ncols && !h->col_labels)
        return missing(meta->name, "column labels", errs);
    if (h->nrows && h->ncols && !h->values)
        return missing(meta->name, "values", errs);
    if (!(h->vmin < h->vmax))
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0,
                          "chart '%s': empty colour range", meta->name);
    if (h->nstates && (!h->state_values || !h->state_labels || h->nstates > CHART_NSTATES))
        return missing(meta->name, "states", errs);

    for (i = 0; i < h->nrows; i++)
        for (j = 0; j < h->ncols; j++) {
            double v = h->values[i * h->ncols + j];
            size_t k = 0;

            if (isnan(v))
                continue;
            while (k < h->nstates && h->state_values[k] != v)
                k++;
            if (h->nstates && k == h->nstates)
                return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0,
                                  "chart '%s': a cell value is no state", meta->name);
            fprintf(dat, "%zu\t%zu\t", j, i);
            fmt_put_num(dat, v);
            fputc('\t', dat);
            fmt_dat(dat, h->row_labels[i]);
            fputc('\t', dat);
            fmt_dat(dat, h->col_labels[j]);
            if (h->nstates)
                fprintf(dat, "\t%lu", colour_value(chart_states[k]));
            fputc('\n', dat);
            cells++;
        }

    lm = widest(h->row_labels, h->nrows) + 2;
    bm = (widest(h->col_labels, h->ncols) * HEAT_ROT_PCT + 99) / 100 + HEAT_BOTTOM_LINES;
    gw = h->col_groups ? widest(h->col_groups, h->ncols) : 0;
    tm = HEAT_TOP_LINES + (gw * HEAT_GROUP_TENTHS + 9) / 10;
    w = clamp_px(lm * CHART_CHAR_PX + h->ncols * CHART_CELL_PX + HEAT_EXTRA_W_PX, CHART_MIN_W);
    hh = clamp_px((tm + bm) * HEAT_LINE_PX + h->nrows * CHART_CELL_PX + HEAT_EXTRA_H_PX,
                  CHART_MIN_H);

    put_head(gp, meta, "heatmap");
    put_svg(gp, meta, w, hh);
    put_labels(gp, meta);
    if (!cells) {
        put_empty_plot(gp);
        put_png(gp, meta, w, hh);
        return BC_OK;
    }
    fprintf(gp, "set lmargin %zu\nset bmargin %zu\nset tmargin %zu\nset rmargin %d\n",
            lm, bm, tm, h->nstates ? 24 : 14);
    fprintf(gp, "set xrange [-0.5:%zu.5]\nset yrange [%zu.5:-0.5]\n",
            h->ncols - 1, h->nrows - 1);
    fputs("set xtics nomirror out scale 0 rotate by 90 right\n"
          "set ytics nomirror out scale 0\n"
          "unset key\nset grid noxtics noytics\n", gp);
    for (j = 0; j < h->ncols; j++) {
        fputs(j ? "set xtics add (" : "set xtics (", gp);
        put_label(gp, h->col_labels[j]);
        fprintf(gp, " %zu)\n", j);
    }
    for (i = 0; i < h->nrows; i++) {
        fputs(i ? "set ytics add (" : "set ytics (", gp);
        put_label(gp, h->row_labels[i]);
        fprintf(gp, " %zu)\n", i);
    }
    if (h->col_groups) {
        size_t start = 0;

        fprintf(gp, "set x2range [-0.5:%zu.5]\n"
                    "set x2tics nomirror out scale 0 rotate by 45 left\n",
                h->ncols - 1);
        for (j = 1; j <= h->ncols; j++) {
            const char *a = h->col_groups[start] ? h->col_groups[start] : "";
            const char *b = j < h->ncols && h->col_groups[j] ? h->col_groups[j] : "";

            if (j < h->ncols && strcmp(a, b) == 0)
                continue;
            fputs(start ? "set x2tics add (" : "set x2tics (", gp);
            put_label(gp, a);
            fputc(' ', gp);
            fmt_put_num(gp, (double)(start + j - 1) / 2.0);
            fputs(")\n", gp);
            if (j < h->ncols)
                fprintf(gp, "set arrow from first %zu.5, graph 0 to first %zu.5, graph 1 "
                            "nohead front lw 2 lc rgb \"black\"\n", j - 1, j - 1);
            start = j;
        }
    }
    if (h->nstates) {
        /* One fixed colour per state and a key entry each: no colour scale. */
        fputs("set key outside right top\n", gp);
        fprintf(gp, "plot \"%s.dat\" using 1:2:(0.5):(0.5):6 with boxxyerror "
                    "fs solid 1.0 border lc rgb \"white\" lc rgb variable notitle",
                meta->name);
        for (i = 0; i < h->nstates; i++) {
            fprintf(gp, ", \\\n     keyentry with boxes fs solid 1.0 lc rgb \"%s\" title ",
                    chart_states[i]);
            put_label(gp, h->state_labels[i]);
        }
        if (h->empty_label) {
            fputs(", \\\n     keyentry with boxes fs empty lc rgb \"#404040\" title ", gp);
            put_label(gp, h->empty_label);
        }
        fputc('\n', gp);
        put_png(gp, meta, w, hh);
        return BC_OK;
    }
    fputs(chart_viridis, gp);
    put_range(gp, "cbrange", h->vmin, h->vmax);
    put_set_text(gp, "cblabel", h->cb_label);
    fprintf(gp, "plot \"%s.dat\" using 1:2:(0.5):(0.5):3 with boxxyerror "
                "fs solid 1.0 border lc rgb \"white\" lc palette z notitle\n",
            meta->name);
    put_png(gp, meta, w, hh);
    return BC_OK;
}

int chart_bars(FILE *gp, FILE *dat, const bc_chart_meta *meta, const bc_bars *b,
               bc_errors *errs)
{
    size_t i, w, hh, bm, *first = NULL; /* first[i]: first bar of i's category */
    int rc = check_common(gp, dat, meta, b, errs);

    if (rc)
        return rc;
    if (b->n && (!b->labels || !b->values))
        return missing(meta->name, "labels or values", errs);
    for (i = 0; b->colours && i < b->n; i++)
        if (!colour_ok(b->colours[i]))
            return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "chart '%s': bad colour",
                              meta->name);
    if (b->categories && b->n) {
        first = malloc(b->n * sizeof *first);
        if (!first)
            return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    }

    for (i = 0; i < b->n; i++) {
        size_t k = 0;

        if (first) {
            size_t j;

            first[i] = i;
            for (j = 0; j < i; j++)
                if (first[j] == j &&
                    strcmp(b->categories[j] ? b->categories[j] : "",
                           b->categories[i] ? b->categories[i] : "") == 0) {
                    first[i] = j;
                    break;
                }
            k = category_index(first[i], first);
        }
        fprintf(dat, "%zu\t", i);
        fmt_put_num(dat, b->values[i]);
        fputc('\t', dat);
        fmt_dat(dat, b->labels[i]);
        fputc('\t', dat);
        fmt_dat(dat, first ? b->categories[i] : NULL);
        fprintf(dat, "\t%lu\n", colour_value(b->colours ? b->colours[i]
                                                       : chart_okabe_ito[k % CHART_NCOLOURS]));
    }

    bm = (widest(b->labels, b->n) * 4 + 9) / 10 + 3;
    w = clamp_px(b->n * CHART_CELL_PX * 3 / 2 + 200, CHART_MIN_W);
    hh = clamp_px(bm * 15 + 360, CHART_MIN_H);

    put_head(gp, meta, "bar chart");
    put_svg(gp, meta, w, hh);
    put_labels(gp, meta);
    if (!b->n) {
        put_empty_plot(gp);
        put_png(gp, meta, w, hh);
        free(first);
        return BC_OK;
    }
    fprintf(gp, "set bmargin %zu\n", bm);
    fprintf(gp, "set xrange [-0.5:%zu.5]\n", b->n - 1);
    put_range(gp, "yrange", 0, zero_based_top(b->ymax, b->values, b->n, NULL));
    fputs("set xtics nomirror out scale 0 rotate by 60 right\n"
          "set ytics nomirror\nset grid ytics lc rgb \"#d0d0d0\"\n"
          "set boxwidth 0.8\nset style fill solid 1.0 border lc rgb \"#404040\"\n"
          "set key outside right top\n", gp);
    fprintf(gp, "plot \"%s.dat\" using 1:2:5:xtic(3) with boxes lc rgb variable notitle",
            meta->name);
    for (i = 0; first && i < b->n; i++) {
        if (first[i] != i)
            continue;
        fprintf(gp, ", \\\n     keyentry with boxes lc rgb \"%s\" title ",
                b->colours ? b->colours[i]
                           : chart_okabe_ito[category_index(i, first) % CHART_NCOLOURS]);
        put_label(gp, b->categories[i] && *b->categories[i] ? b->categories[i] : "unknown");
    }
    if (!isnan(b->threshold)) {
        fputs(", \\\n     ", gp);
        fmt_put_num(gp, b->threshold);
        fputs(" with lines dt 2 lw 2 lc rgb \"#D55E00\" ", gp);
        if (b->threshold_label) {
            fputs("title ", gp);
            fmt_gp_string(gp, b->threshold_label);
        } else {
            fputs("notitle", gp);
        }
    }
    fputc('\n', gp);
    put_png(gp, meta, w, hh);
    free(first);
    return BC_OK;
}

int chart_lines(FILE *gp, FILE *dat, const bc_chart_meta *meta, const bc_lines *l,
                bc_errors *errs)
{
    size_t s, i, block = 0, w = 720, hh = 480;
    int rc = check_common(gp, dat, meta, l, errs);

    if (rc)
        return rc;
    if (l->nseries && !l->series)
        return missing(meta->name, "series", errs);
    for (s = 0; s < l->nseries; s++)
        if (l->series[s].n && (!l->series[s].x || !l->series[s].y))
            return missing(meta->name, "series points", errs);

    for (s = 0; s < l->nseries; s++) {
        const bc_series *se = &l->series[s];

        if (!se->n)
            continue;
        if (block++)
            fputs("\n\n", dat);
        for (i = 0; i < se->n; i++) {
            fmt_put_num(dat, se->x[i]);
            fputc('\t', dat);
            fmt_put_num(dat, se->y[i]);
            fputc('\n', dat);
        }
    }

    put_head(gp, meta, "line chart");
    put_svg(gp, meta, w, hh);
    put_labels(gp, meta);
    if (!block && isnan(l->hline)) {
        put_empty_plot(gp);
        put_png(gp, meta, w, hh);
        return BC_OK;
    }
    double xlo = NAN, xhi = NAN, ylo = l->hline, yhi = l->hline;
    for (s = 0; s < l->nseries; s++)
        for (i = 0; i < l->series[s].n; i++) {
            double x = l->series[s].x[i], y = l->series[s].y[i];
            xlo = isnan(xlo) || x < xlo ? x : xlo;
            xhi = isnan(xhi) || x > xhi ? x : xhi;
            ylo = isnan(ylo) || y < ylo ? y : ylo;
            yhi = isnan(yhi) || y > yhi ? y : yhi;
        }
    put_range_nonempty(gp, "xrange", l->xmin, l->xmax, xlo, xhi);
    put_range_nonempty(gp, "yrange", l->ymin, l->ymax, ylo, yhi);
    fputs("set xtics nomirror\nset ytics nomirror\nset grid lc rgb \"#d0d0d0\"\n"
          "set key below\n", gp);
    fputs("plot ", gp);
    block = 0;
    for (s = 0; s < l->nseries; s++) {
        const bc_series *se = &l->series[s];

        if (!se->n)
            continue;
        if (block)
            fputs(", \\\n     ", gp);
        fprintf(gp, "\"%s.dat\" index %zu using 1:2 with %s lw 2 dt %d lc rgb \"%s\" title ",
                meta->name, block, l->points ? "linespoints pt 7 ps 0.6" : "lines",
                chart_dashes[block % CHART_NDASHES],
                chart_okabe_ito[block % CHART_NCOLOURS]);
        fmt_gp_string(gp, se->name);
        block++;
    }
    if (!isnan(l->hline)) {
        if (block)
            fputs(", \\\n     ", gp);
        fmt_put_num(gp, l->hline);
        fputs(" with lines dt 2 lw 1.5 lc rgb \"#404040\" ", gp);
        if (l->hline_label) {
            fputs("title ", gp);
            fmt_gp_string(gp, l->hline_label);
        } else {
            fputs("notitle", gp);
        }
    }
    fputc('\n', gp);
    put_png(gp, meta, w, hh);
    return BC_OK;
}

int chart_stacked(FILE *gp, FILE *dat, const bc_chart_meta *meta,
                  const bc_stacked *st, bc_errors *errs)
{
    size_t g, p, w, hh, bm;
    int rc = check_common(gp, dat, meta, st, errs);

    if (rc)
        return rc;
    if (st->ngroups && !st->group_labels)
        return missing(meta->name, "group labels", errs);
    if (st->nparts && !st->part_labels)
        return missing(meta->name, "part labels", errs);
    if (st->ngroups && st->nparts && !st->values)
        return missing(meta->name, "values", errs);
    for (p = 0; st->part_colours && p < st->nparts; p++)
        if (!colour_ok(st->part_colours[p]))
            return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "chart '%s': bad colour",
                              meta->name);

    for (g = 0; st->nparts && g < st->ngroups; g++) {
        fmt_dat(dat, st->group_labels[g]);
        for (p = 0; p < st->nparts; p++) {
            fputc('\t', dat);
            fmt_put_num(dat, st->values[g * st->nparts + p]);
        }
        fputc('\n', dat);
    }

    bm = (widest(st->group_labels, st->ngroups) * 4 + 9) / 10 + 3;
    w = clamp_px(st->ngroups * CHART_CELL_PX * 2 + 240, CHART_MIN_W);
    hh = clamp_px(bm * 15 + 360, CHART_MIN_H);

    put_head(gp, meta, "stacked bar chart");
    put_svg(gp, meta, w, hh);
    put_labels(gp, meta);
    if (!st->ngroups || !st->nparts) {
        put_empty_plot(gp);
        put_png(gp, meta, w, hh);
        return BC_OK;
    }
    fprintf(gp, "set bmargin %zu\n", bm);
    fputs("set style data histograms\nset style histogram rowstacked\n"
          "set boxwidth 0.75\nset style fill solid 1.0 border lc rgb \"#404040\"\n"
          "set xtics nomirror out scale 0 rotate by 60 right\n"
          "set ytics nomirror\nset grid ytics lc rgb \"#d0d0d0\"\n"
          "set yrange [0:*]\nset key outside right top invert\n", gp);
    fputs("plot ", gp);
    for (p = 0; p < st->nparts; p++) {
        if (p)
            fputs(", \\\n     \"\" ", gp);
        else
            fprintf(gp, "\"%s.dat\" ", meta->name);
        fprintf(gp, "using %zu%s lc rgb \"%s\" title ", p + 2, p ? "" : ":xtic(1)",
                st->part_colours ? st->part_colours[p] : chart_okabe_ito[p % CHART_NCOLOURS]);
        put_label(gp, st->part_labels[p]);
    }
    fputc('\n', gp);
    put_png(gp, meta, w, hh);
    return BC_OK;
}

int chart_paired(FILE *gp, FILE *dat, const bc_chart_meta *meta, const bc_paired *p,
                 bc_errors *errs)
{
    size_t i, w, hh, bm;
    int rc = check_common(gp, dat, meta, p, errs);

    if (rc)
        return rc;
    if (p->n && (!p->labels || !p->before || !p->after))
        return missing(meta->name, "labels or values", errs);

    for (i = 0; i < p->n; i++) {
        fprintf(dat, "%zu\t", i);
        if (isnan(p->before[i]))
            fputc('-', dat);
        else
            fmt_put_num(dat, p->before[i]);
        fputc('\t', dat);
        if (isnan(p->after[i]))
            fputc('-', dat);
        else
            fmt_put_num(dat, p->after[i]);
        fputc('\t', dat);
        fmt_dat(dat, p->labels[i]);
        fputc('\n', dat);
    }

    bm = (widest(p->labels, p->n) * 4 + 9) / 10 + 3;
    w = clamp_px(p->n * CHART_CELL_PX * 2 + 240, CHART_MIN_W);
    hh = clamp_px(bm * 15 + 360, CHART_MIN_H);

    put_head(gp, meta, "paired bar chart");
    put_svg(gp, meta, w, hh);
    put_labels(gp, meta);
    if (!p->n) {
        put_empty_plot(gp);
        put_png(gp, meta, w, hh);
        return BC_OK;
    }
    /* Rotated labels reach left of the first bar: room for them. */
    fprintf(gp, "set bmargin %zu\nset lmargin %zu\n", bm, bm > 10 ? bm : 10);
    fprintf(gp, "set xrange [-0.5:%zu.5]\n", p->n - 1);
    put_range(gp, "yrange", 0, zero_based_top(p->ymax, p->before, p->n, p->after));
    fputs("set datafile missing \"-\"\n"
          "set xtics nomirror out scale 0 rotate by 60 right\n"
          "set ytics nomirror\nset grid ytics lc rgb \"#d0d0d0\"\n"
          "set boxwidth 0.4\nset style fill solid 1.0 border lc rgb \"#404040\"\n"
          "set key outside right top\n", gp);
    fprintf(gp, "plot \"%s.dat\" using ($1-0.2):2:xtic(4) with boxes lc rgb \"%s\" title ",
            meta->name, chart_okabe_ito[4]);
    put_label(gp, p->before_label ? p->before_label : "before");
    fprintf(gp, ", \\\n     \"\" using ($1+0.2):3 with boxes lc rgb \"%s\" title ",
            chart_okabe_ito[0]);
    put_label(gp, p->after_label ? p->after_label : "after");
    fputc('\n', gp);
    put_png(gp, meta, w, hh);
    return BC_OK;
}
