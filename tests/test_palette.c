/*
 * test_palette.c - fixed colours per categorical value (palette.h) and
 * the chart features that use them: bars coloured per value, stacked
 * parts coloured per value, the heatmap's discrete states.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "palette.h"

static void test_pinned_and_case(void **state)
{
    (void)state;
    bc_palette p;
    palette_init(&p);
    const char *v[] = { "Music", "speech", NULL, "", "sound", "TEXT" };
    assert_int_equal(palette_build(&p, v, 6), 0);
    assert_int_equal(p.n, 4);
    assert_string_equal(palette_colour(&p, "music"), "#009E73");
    assert_string_equal(palette_colour(&p, "MUSIC"), "#009E73");
    assert_string_equal(palette_colour(&p, "Speech"), "#0072B2");
    assert_string_equal(palette_colour(&p, "text"), "#56B4E9");
    assert_string_equal(palette_colour(&p, "sound"), "#E69F00");
    /* pinned even when the palette was built without it */
    assert_string_equal(palette_colour(&p, "vision"), "#CC79A7");
    assert_string_equal(palette_colour(&p, ""), PALETTE_UNKNOWN);
    assert_string_equal(palette_colour(&p, NULL), PALETTE_UNKNOWN);
    assert_string_equal(palette_colour(&p, "haptics"), PALETTE_UNKNOWN);
    palette_release(&p);
    palette_release(NULL);
}

/* Other values: by folded name order of the whole set, never by input order. */
static void test_order_independent(void **state)
{
    (void)state;
    const char *a[] = { "tactile", "Olfactory", "music", "gesture" };
    const char *b[] = { "gesture", "music", "olfactory", "TACTILE", "gesture" };
    bc_palette pa, pb;
    palette_init(&pa);
    palette_init(&pb);
    assert_int_equal(palette_build(&pa, a, 4), 0);
    assert_int_equal(palette_build(&pb, b, 5), 0);
    /* gesture < olfactory < tactile: the first three of the other colours */
    assert_string_equal(palette_colour(&pa, "gesture"), "#F0E442");
    assert_string_equal(palette_colour(&pa, "olfactory"), "#000000");
    assert_string_equal(palette_colour(&pa, "tactile"), "#882255");
    for (size_t i = 0; i < 4; i++)
        assert_string_equal(palette_colour(&pa, a[i]), palette_colour(&pb, a[i]));
    palette_release(&pa);
    palette_release(&pb);
}

static char *run_chart(int which, const void *spec, int *rc, char **dat)
{
    char *gp = NULL;
    size_t gl = 0, dl = 0;
    FILE *g = open_memstream(&gp, &gl), *d = open_memstream(dat, &dl);
    bc_errors e;
    errors_init(&e);
    bc_chart_meta meta = { "t", "title", NULL, NULL, NULL };
    if (which == 0)
        *rc = chart_bars(g, d, &meta, spec, &e);
    else if (which == 1)
        *rc = chart_stacked(g, d, &meta, spec, &e);
    else
        *rc = chart_heatmap(g, d, &meta, spec, &e);
    fclose(g);
    fclose(d);
    errors_release(&e);
    return gp;
}

static void test_bars_use_given_colours(void **state)
{
    (void)state;
    const char *lab[] = { "A", "B", "C" }, *cat[] = { "text", "music", "text" };
    const char *col[] = { "#56B4E9", "#009E73", "#56B4E9" };
    double v[] = { 3, 2, 1 };
    bc_bars b = { 3, lab, v, cat, NAN, NULL, NAN, col };
    int rc;
    char *dat, *gp = run_chart(0, &b, &rc, &dat);
    assert_int_equal(rc, BC_OK);
    /* 0x56B4E9 = 5682409, 0x009E73 = 40563 */
    assert_non_null(strstr(dat, "0\t3\t\"A\"\t\"text\"\t5682409\n"));
    assert_non_null(strstr(dat, "1\t2\t\"B\"\t\"music\"\t40563\n"));
    assert_non_null(strstr(gp, "keyentry with boxes lc rgb \"#56B4E9\" title \"text\""));
    assert_non_null(strstr(gp, "keyentry with boxes lc rgb \"#009E73\" title \"music\""));
    free(gp);
    free(dat);
    /* Anything but #RRGGBB is refused: colours never carry script text. */
    const char *badcol[] = { "#56B4E9", "red\"; system(\"x", "#56B4E9" };
    b.colours = badcol;
    gp = run_chart(0, &b, &rc, &dat);
    assert_int_equal(rc, BC_EX_SOFTWARE);
    free(gp);
    free(dat);
}

static void test_stacked_part_colours(void **state)
{
    (void)state;
    const char *g[] = { "2023" }, *parts[] = { "speech", "unknown" };
    const char *col[] = { "#0072B2", "#999999" };
    double v[] = { 2, 1 };
    bc_stacked s = { 1, g, 2, parts, v, col };
    int rc;
    char *dat, *gp = run_chart(1, &s, &rc, &dat);
    assert_int_equal(rc, BC_OK);
    assert_non_null(strstr(gp, "using 2:xtic(1) lc rgb \"#0072B2\" title \"speech\""));
    assert_non_null(strstr(gp, "using 3 lc rgb \"#999999\" title \"unknown\""));
    free(gp);
    free(dat);
}

static void test_heatmap_states(void **state)
{
    (void)state;
    const char *rows[] = { "m1", "m2" }, *cols[] = { "ASR", "ST" };
    double v[] = { 1, 0.5, NAN, 1 };
    static const double states[] = { 1.0, 0.5 };
    static const char *const labels[] = { "named dataset", "unnamed data only" };
    bc_heatmap h = { .nrows = 2, .ncols = 2, .row_labels = rows, .col_labels = cols,
                     .values = v, .vmin = 0, .vmax = 1, .nstates = 2,
                     .state_values = states, .state_labels = labels,
                     .empty_label = "not covered" };
    int rc;
    char *dat, *gp = run_chart(2, &h, &rc, &dat);
    assert_int_equal(rc, BC_OK);
    /* colour column: 0x0072B2 = 29362, 0x56B4E9 = 5682409 */
    assert_string_equal(dat, "0\t0\t1\t\"m1\"\t\"ASR\"\t29362\n"
                             "1\t0\t0.5\t\"m1\"\t\"ST\"\t5682409\n"
                             "1\t1\t1\t\"m2\"\t\"ST\"\t29362\n");
    assert_null(strstr(gp, "palette"));
    assert_non_null(strstr(gp, ":6 with boxxyerror"));
    assert_non_null(strstr(gp, "keyentry with boxes fs solid 1.0 lc rgb \"#0072B2\" title \"named dataset\""));
    assert_non_null(strstr(gp, "keyentry with boxes fs empty lc rgb \"#404040\" title \"not covered\""));
    free(gp);
    free(dat);
    v[0] = 0.25; /* no state */
    gp = run_chart(2, &h, &rc, &dat);
    assert_int_equal(rc, BC_EX_SOFTWARE);
    free(gp);
    free(dat);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pinned_and_case),
        cmocka_unit_test(test_order_independent),
        cmocka_unit_test(test_bars_use_given_colours),
        cmocka_unit_test(test_stacked_part_colours),
        cmocka_unit_test(test_heatmap_states),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
