/*
 * test_chart.c - the gnuplot chart writers.
 *
 * Each chart type is written for small fixed inputs (with hostile labels)
 * into memory streams and compared byte for byte with
 * tests/golden/chart_*.gp and .dat.  After an intended change of the
 * output, rewrite the golden files with
 *
 *     BENCHCOV_UPDATE_GOLDEN=1 ./test_chart
 *
 * (run from the build directory; the files land in the source tree),
 * then read the diff and render them before committing.  When gnuplot is
 * on PATH, every golden chart is also rendered in a temporary directory:
 * gnuplot must print nothing on stderr and leave NAME.svg and NAME.png.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "chart.h"
#include "skip.h"
#include "error.h"

#ifndef BENCHCOV_SOURCE_DIR
#define BENCHCOV_SOURCE_DIR "."
#endif
#define GOLDEN_DIR BENCHCOV_SOURCE_DIR "/tests/golden"

/* What one chart writer produced. */
typedef struct {
    char *gp, *dat;
    size_t gp_len, dat_len;
    FILE *gp_fp, *dat_fp;
} mem_chart;

static void mem_open(mem_chart *m)
{
    memset(m, 0, sizeof *m);
    m->gp_fp = open_memstream(&m->gp, &m->gp_len);
    m->dat_fp = open_memstream(&m->dat, &m->dat_len);
    assert_non_null(m->gp_fp);
    assert_non_null(m->dat_fp);
}

static void mem_close(mem_chart *m)
{
    assert_int_equal(fclose(m->gp_fp), 0);
    assert_int_equal(fclose(m->dat_fp), 0);
}

static void mem_free(mem_chart *m)
{
    free(m->gp);
    free(m->dat);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    long n;

    if (!fp)
        return NULL;
    assert_int_equal(fseek(fp, 0, SEEK_END), 0);
    n = ftell(fp);
    assert_true(n >= 0);
    rewind(fp);
    buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
    buf[n] = '\0';
    fclose(fp);
    *len = (size_t)n;
    return buf;
}

static void write_all(const char *path, const char *buf, size_t len)
{
    FILE *fp = fopen(path, "wb");

    assert_non_null(fp);
    assert_int_equal(fwrite(buf, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

/* Compares (or, with BENCHCOV_UPDATE_GOLDEN=1, rewrites) one golden file. */
static void golden(const char *name, const char *ext, const char *got, size_t len)
{
    char path[512];
    const char *update = getenv("BENCHCOV_UPDATE_GOLDEN");
    char *want;
    size_t want_len = 0;

    snprintf(path, sizeof path, "%s/%s.%s", GOLDEN_DIR, name, ext);
    if (update && strcmp(update, "1") == 0) {
        write_all(path, got, len);
        return;
    }
    want = read_all(path, &want_len);
    if (!want)
        fail_msg("missing golden file %s (BENCHCOV_UPDATE_GOLDEN=1 writes it)", path);
    if (want_len != len || memcmp(want, got, len) != 0) {
        fprintf(stderr, "--- got %s.%s:\n%s\n", name, ext, got);
        free(want);
        fail_msg("%s differs from what the writer produced", path);
    }
    free(want);
}

static void golden_pair(const char *name, const mem_chart *m)
{
    golden(name, "gp", m->gp, m->gp_len);
    golden(name, "dat", m->dat, m->dat_len);
}

/*
 * Structural safety of a script whatever its inputs: every backquote,
 * '@' and '$' sits inside a double-quoted string and is escaped there,
 * no line runs a shell or loads a file, every comment line ends without
 * a backslash.
 */
static void assert_script_safe(const char *gp)
{
    const char *line = gp;

    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        size_t i;
        int in_str = 0;

        if (line[0] == '#') {
            assert_true(len == 0 || line[len - 1] != '\\');
        } else {
            assert_true(len < 6 || strncmp(line, "system", 6) != 0);
            assert_true(len < 4 || strncmp(line, "load", 4) != 0);
            assert_true(len < 4 || strncmp(line, "call", 4) != 0);
            assert_true(len < 5 || strncmp(line, "shell", 5) != 0);
            assert_true(len < 1 || line[0] != '!');
            for (i = 0; i < len; i++) {
                char c = line[i];

                if (in_str && c == '\\') {
                    i++;
                    continue;
                }
                if (c == '"') {
                    in_str = !in_str;
                    continue;
                }
                if (in_str)
                    assert_true(c != '`' && c != '@' && c != '$' && c != '\'');
                else
                    assert_true(c != '`' && c != '@' && c != '$' && c != '<' &&
                                c != '|' && c != '\'');
            }
            assert_false(in_str);
        }
        line += len + (end ? 1 : 0);
    }
}

/* Every .dat line has `fields` tab-separated fields and starts safely. */
static void assert_dat_shape(const char *dat, size_t fields)
{
    const char *line = dat;

    while (*line) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        size_t i, tabs = 0;

        if (len > 0) {
            assert_true(line[0] == '"' || line[0] == '-' || (line[0] >= '0' && line[0] <= '9'));
            for (i = 0; i < len; i++) {
                tabs += line[i] == '\t';
                assert_true((unsigned char)line[i] >= 0x20 || line[i] == '\t');
            }
            assert_int_equal(tabs + 1, fields);
        }
        line += len + (end ? 1 : 0);
    }
}

/* Labels that try every trick the writers must defeat. */
static const char *const hostile[] = {
    "`touch PWNED_x`",
    "system(\"touch PWNED_y\")",
    "!touch PWNED_z",
    "<in | out",
    "@macro $0",
    "EOD",
    "say \"1\" 'q' \\ # end\\",
    "Gemütlich 語音 a\tb\nc",
};
#define NHOSTILE (sizeof hostile / sizeof hostile[0])

static void test_heatmap(void **state)
{
    const char *rows[] = { hostile[0], hostile[1], "Qwen-Audio" };
    const char *cols[] = { "ASR", hostile[6], "AAC", hostile[7] };
    const char *groups[] = { "speech", "speech", "sound", "multi" };
    const double v[] = { 1, 0, NAN, 0.5,
                         0, 1, 1, 0,
                         0.25, NAN, 0, 1 };
    bc_heatmap h = { .nrows = 3, .ncols = 4, .row_labels = rows, .col_labels = cols,
                     .col_groups = groups, .values = v, .vmin = 0, .vmax = 1,
                     .cb_label = "used (1) or not (0)" };
    bc_chart_meta meta = { .name = "chart_heatmap",
                           .title = "Coverage: which model evaluates on which task",
                           .xlabel = "task", .ylabel = "model",
                           .comment = "Models x tasks from tables/coverage_model.csv;\n"
                                      "a cell is 1 when the model has a usage row for the task. \\" };
    bc_errors errs;
    mem_chart m;

    (void)state;
    errors_init(&errs);
    mem_open(&m);
    assert_int_equal(chart_heatmap(m.gp_fp, m.dat_fp, &meta, &h, &errs), BC_OK);
    mem_close(&m);
    assert_int_equal(errs.n, 0);
    assert_script_safe(m.gp);
    assert_dat_shape(m.dat, 5);
    /* Ten non-empty cells, one line each. */
    assert_int_equal(m.dat_len > 0, 1);
    {
        size_t lines = 0, i;

        for (i = 0; i < m.dat_len; i++)
            lines += m.dat[i] == '\n';
        assert_int_equal(lines, 10);
    }
    assert_non_null(strstr(m.gp, "set output \"chart_heatmap.svg\"\n"));
    assert_non_null(strstr(m.gp, "set output \"chart_heatmap.png\"\n"));
    assert_non_null(strstr(m.gp, "set termoption noenhanced\n"));
    golden_pair("chart_heatmap", &m);
    mem_free(&m);
    errors_release(&errs);
}

static void test_bars(void **state)
{
    const char *labels[] = { "ASR", "ST", hostile[2], hostile[3], hostile[5], "SER" };
    const char *cats[] = { "speech", "speech", hostile[4], "sound", "speech", "" };
    const double v[] = { 12, 5, 1, 0, 2, 1.5 };
    bc_bars b = { .n = 6, .labels = labels, .values = v, .categories = cats,
                  .threshold = 2, .threshold_label = "thin: fewer than 2 models",
                  .ymax = NAN };
    bc_chart_meta meta = { .name = "chart_bars", .title = "Models per task",
                           .xlabel = "task", .ylabel = "models with a usage row",
                           .comment = "From tables/coverage_task.csv, column models." };
    bc_errors errs;
    mem_chart m;

    (void)state;
    errors_init(&errs);
    mem_open(&m);
    assert_int_equal(chart_bars(m.gp_fp, m.dat_fp, &meta, &b, &errs), BC_OK);
    mem_close(&m);
    assert_int_equal(errs.n, 0);
    assert_script_safe(m.gp);
    assert_dat_shape(m.dat, 5);
    /* Four distinct categories: four key entries, first colours in order. */
    {
        size_t n = 0;
        const char *p = m.gp;

        while ((p = strstr(p, "keyentry")) != NULL) {
            n++;
            p++;
        }
        assert_int_equal(n, 4);
    }
    assert_non_null(strstr(m.dat, "0\t12\t\"ASR\"\t\"speech\"\t29362\n"));  /* #0072B2 */
    /* "@macro $0" is the second category (#E69F00), "sound" the third. */
    assert_non_null(strstr(m.dat, "\t\"@macro $0\"\t15113984\n"));
    assert_non_null(strstr(m.dat, "\t\"sound\"\t40563\n"));
    golden_pair("chart_bars", &m);
    mem_free(&m);
    errors_release(&errs);
}

static void test_lines(void **state)
{
    const double x1[] = { 0, 0.25, 0.5, 0.75, 1 };
    const double y1[] = { 1, 0.9, 0.6, 0.2, 0 };
    const double x2[] = { 0, 0.5, 1 };
    const double y2[] = { 1, 0.8, 0 };
    bc_series series[] = {
        { .name = "most used first", .n = 5, .x = x1, .y = y1 },
        { .name = hostile[0], .n = 0, .x = NULL, .y = NULL },
        { .name = hostile[6], .n = 3, .x = x2, .y = y2 },
    };
    bc_lines l = { .nseries = 3, .series = series, .hline = 0.95,
                   .hline_label = "bound", .xmin = 0, .xmax = 1, .ymin = 0,
                   .ymax = NAN, .points = 1 };
    bc_chart_meta meta = { .name = "chart_lines",
                           .title = "Models left with a dataset as datasets are withdrawn",
                           .xlabel = "share of datasets withdrawn",
                           .ylabel = "share of models with a dataset" };
    bc_errors errs;
    mem_chart m;

    (void)state;
    errors_init(&errs);
    mem_open(&m);
    assert_int_equal(chart_lines(m.gp_fp, m.dat_fp, &meta, &l, &errs), BC_OK);
    mem_close(&m);
    assert_int_equal(errs.n, 0);
    assert_script_safe(m.gp);
    assert_dat_shape(m.dat, 2);
    /* The empty series is left out: two blocks, indexes 0 and 1. */
    assert_non_null(strstr(m.gp, "index 1 "));
    assert_null(strstr(m.gp, "index 2 "));
    assert_non_null(strstr(m.dat, "1\t0\n\n\n0\t1\n"));
    golden_pair("chart_lines", &m);
    mem_free(&m);
    errors_release(&errs);
}

static void test_stacked(void **state)
{
    const char *years[] = { "2022", "2023", "2024" };
    const char *parts[] = { "text", "speech", hostile[6] };
    const double v[] = { 2, 0, 0,
                         7, 2, 1,
                         11, 4, 3 };
    bc_stacked s = { .ngroups = 3, .group_labels = years, .nparts = 3,
                     .part_labels = parts, .values = v };
    bc_chart_meta meta = { .name = "chart_stacked", .title = "Models per year by output",
                           .xlabel = "publication year", .ylabel = "models",
                           .comment = "From models.csv, columns year and output." };
    bc_errors errs;
    mem_chart m;

    (void)state;
    errors_init(&errs);
    mem_open(&m);
    assert_int_equal(chart_stacked(m.gp_fp, m.dat_fp, &meta, &s, &errs), BC_OK);
    mem_close(&m);
    assert_int_equal(errs.n, 0);
    assert_script_safe(m.gp);
    assert_dat_shape(m.dat, 4);
    assert_string_equal(m.dat, "\"2022\"\t2\t0\t0\n\"2023\"\t7\t2\t1\n\"2024\"\t11\t4\t3\n");
    golden_pair("chart_stacked", &m);
    mem_free(&m);
    errors_release(&errs);
}

/* A chart without data still renders (a "no data" frame). */
static void test_empty(void **state)
{
    bc_bars b = { .n = 0, .threshold = NAN, .ymax = NAN };
    bc_chart_meta meta = { .name = "chart_empty", .title = "Nothing to show" };
    bc_errors errs;
    mem_chart m;

    (void)state;
    errors_init(&errs);
    mem_open(&m);
    assert_int_equal(chart_bars(m.gp_fp, m.dat_fp, &meta, &b, &errs), BC_OK);
    mem_close(&m);
    assert_int_equal(m.dat_len, 0);
    assert_non_null(strstr(m.gp, "\"no data\""));
    golden_pair("chart_empty", &m);
    mem_free(&m);
    errors_release(&errs);
}

/*
 * Tick labels at the cut: 32 characters (CHART_LABEL_MAX) are drawn whole;
 * 33 become the first 31 and an ellipsis (U+2026); characters, not bytes,
 * are counted ("é" is two bytes).  The expected strings are built here
 * from the rule, not taken from a run.
 */
static void test_label_cut(void **state)
{
    char a32[40], b33[40], e33[80], want[200];
    memset(a32, 'a', 32);
    a32[32] = '\0';
    memset(b33, 'b', 33);
    b33[33] = '\0';
    e33[0] = '\0';
    for (int i = 0; i < 33; i++)
        strcat(e33, "\xc3\xa9");
    const char *cols[] = { a32, b33, e33 };
    const char *rows[] = { "m" };
    const double v[] = { 1, 2, 3 };
    bc_heatmap h = { .nrows = 1, .ncols = 3, .row_labels = rows, .col_labels = cols,
                     .values = v, .vmin = 0, .vmax = 3 };
    bc_chart_meta meta = { .name = "cut" };
    bc_errors errs;
    mem_chart m;

    (void)state;
    errors_init(&errs);
    mem_open(&m);
    assert_int_equal(chart_heatmap(m.gp_fp, m.dat_fp, &meta, &h, &errs), BC_OK);
    mem_close(&m);
    snprintf(want, sizeof want, "set xtics (\"%s\" 0)\n", a32);
    assert_non_null(strstr(m.gp, want));
    snprintf(want, sizeof want, "set xtics add (\"%.31s\xe2\x80\xa6\" 1)\n", b33);
    assert_non_null(strstr(m.gp, want));
    snprintf(want, sizeof want, "set xtics add (\"%.62s\xe2\x80\xa6\" 2)\n", e33);
    assert_non_null(strstr(m.gp, want));
    /* the .dat keeps every label whole */
    assert_non_null(strstr(m.dat, b33));
    assert_non_null(strstr(m.dat, e33));
    mem_free(&m);
    errors_release(&errs);
}

static void test_bad_arguments(void **state)
{
    static const char *const bad_names[] = { "", "Chart", "1chart", "../x", "a b",
                                             "a\"b", "|x", "x.gp" };
    const char *labels[] = { "a" };
    const double v[] = { 1 };
    bc_bars b = { .n = 1, .labels = labels, .values = v, .threshold = NAN, .ymax = NAN };
    bc_heatmap h = { .nrows = 1, .ncols = 1, .row_labels = labels, .col_labels = labels,
                     .values = v, .vmin = 1, .vmax = 1 };
    bc_chart_meta meta = { .name = "ok" };
    bc_errors errs;
    mem_chart m;
    size_t i;

    (void)state;
    errors_init(&errs);
    mem_open(&m);
    for (i = 0; i < sizeof bad_names / sizeof bad_names[0]; i++) {
        bc_chart_meta bad = { .name = bad_names[i] };

        assert_int_equal(chart_bars(m.gp_fp, m.dat_fp, &bad, &b, &errs), BC_EX_SOFTWARE);
    }
    meta.name = NULL;
    assert_int_equal(chart_bars(m.gp_fp, m.dat_fp, &meta, &b, &errs), BC_EX_SOFTWARE);
    meta.name = "ok";
    assert_int_equal(chart_bars(m.gp_fp, m.dat_fp, &meta, NULL, &errs), BC_EX_SOFTWARE);
    /* An empty colour range is refused. */
    assert_int_equal(chart_heatmap(m.gp_fp, m.dat_fp, &meta, &h, &errs), BC_EX_SOFTWARE);
    b.labels = NULL;
    assert_int_equal(chart_bars(m.gp_fp, m.dat_fp, &meta, &b, &errs), BC_EX_SOFTWARE);
    mem_close(&m);
    /* Nothing was written for a refused chart. */
    assert_int_equal(m.gp_len, 0);
    assert_int_equal(m.dat_len, 0);
    assert_int_equal(errs.code, BC_EX_SOFTWARE);
    assert_int_equal(errs.n, 12);
    assert_string_equal(errs.items[1].msg, "invalid chart name 'Chart'");
    mem_free(&m);
    errors_release(&errs);
}

/*
 * A chart whose arrays are missing is refused with "chart 'NAME': missing
 * WHAT" (70) and nothing written, for every kind of chart and every array.
 */
static void test_missing_parts(void **state)
{
    const char *labels[] = { "a" };
    const double v[] = { 1 }, sv[] = { 0, 1 };
    bc_chart_meta meta = { .name = "part" };
    bc_errors errs;
    mem_chart m;
    struct {
        int rc;
        const char *msg;
    } got[16];
    size_t k = 0;

    (void)state;
    errors_init(&errs);
    mem_open(&m);
#define TRY(call)                                                                           \
    do {                                                                                    \
        got[k].rc = (call);                                                                 \
        got[k].msg = errs.n ? errs.items[errs.n - 1].msg : "";                              \
        k++;                                                                                \
    } while (0)
    bc_heatmap h = { .nrows = 1, .ncols = 1, .col_labels = labels, .values = v, .vmin = 0, .vmax = 1 };
    TRY(chart_heatmap(m.gp_fp, m.dat_fp, &meta, &h, &errs));
    h.row_labels = labels;
    h.col_labels = NULL;
    TRY(chart_heatmap(m.gp_fp, m.dat_fp, &meta, &h, &errs));
    h.col_labels = labels;
    h.values = NULL;
    TRY(chart_heatmap(m.gp_fp, m.dat_fp, &meta, &h, &errs));
    h.values = v;
    h.nstates = 2;
    h.state_values = sv;
    TRY(chart_heatmap(m.gp_fp, m.dat_fp, &meta, &h, &errs));
    bc_lines l = { .nseries = 1, .hline = NAN, .xmin = NAN, .xmax = NAN, .ymin = NAN, .ymax = NAN };
    TRY(chart_lines(m.gp_fp, m.dat_fp, &meta, &l, &errs));
    bc_series se = { .name = "s", .n = 1, .x = v };
    l.series = &se;
    TRY(chart_lines(m.gp_fp, m.dat_fp, &meta, &l, &errs));
    bc_stacked st = { .ngroups = 1, .nparts = 1, .part_labels = labels, .values = v };
    TRY(chart_stacked(m.gp_fp, m.dat_fp, &meta, &st, &errs));
    st.group_labels = labels;
    st.part_labels = NULL;
    TRY(chart_stacked(m.gp_fp, m.dat_fp, &meta, &st, &errs));
    st.part_labels = labels;
    st.values = NULL;
    TRY(chart_stacked(m.gp_fp, m.dat_fp, &meta, &st, &errs));
    bc_paired p = { .n = 1, .labels = labels, .before = v, .ymax = NAN };
    TRY(chart_paired(m.gp_fp, m.dat_fp, &meta, &p, &errs));
#undef TRY
    mem_close(&m);
    assert_int_equal(m.gp_len, 0);
    assert_int_equal(m.dat_len, 0);
    static const char *const want[] = {
        "chart 'part': missing row labels",   "chart 'part': missing column labels",
        "chart 'part': missing values",       "chart 'part': missing states",
        "chart 'part': missing series",       "chart 'part': missing series points",
        "chart 'part': missing group labels", "chart 'part': missing part labels",
        "chart 'part': missing values",       "chart 'part': missing labels or values",
    };
    assert_int_equal(k, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < k; i++) {
        assert_int_equal(got[i].rc, BC_EX_SOFTWARE);
        assert_string_equal(got[i].msg, want[i]);
    }
    assert_int_equal(errs.n, k);
    mem_free(&m);
    errors_release(&errs);
}

static int copy_file(const char *from, const char *to)
{
    size_t len;
    char *buf = read_all(from, &len);

    if (!buf)
        return -1;
    write_all(to, buf, len);
    free(buf);
    return 0;
}

/* Renders every golden chart with gnuplot when gnuplot is installed. */
static void test_render_golden(void **state)
{
    static const char *const names[] = { "chart_heatmap", "chart_bars", "chart_lines",
                                         "chart_stacked", "chart_empty" };
    char dir[] = "/tmp/benchcov-chart-XXXXXX";
    char from[512], to[512], cmd[1024];
    size_t i;

    (void)state;
    if (system("command -v gnuplot >/dev/null 2>&1") != 0)
        TEST_SKIP();
    assert_non_null(mkdtemp(dir));
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        static const char *const exts[] = { "gp", "dat" };
        size_t e, len = 0;
        char *err, *png;

        for (e = 0; e < 2; e++) {
            snprintf(from, sizeof from, "%s/%s.%s", GOLDEN_DIR, names[i], exts[e]);
            snprintf(to, sizeof to, "%s/%s.%s", dir, names[i], exts[e]);
            assert_int_equal(copy_file(from, to), 0);
        }
        snprintf(cmd, sizeof cmd, "cd '%s' && LC_ALL=C gnuplot '%s.gp' 2>'%s.err'",
                 dir, names[i], names[i]);
        assert_int_equal(system(cmd), 0);
        snprintf(to, sizeof to, "%s/%s.err", dir, names[i]);
        err = read_all(to, &len);
        assert_non_null(err);
        if (len)
            fail_msg("gnuplot wrote on stderr for %s: %s", names[i], err);
        free(err);
        unlink(to);
        snprintf(to, sizeof to, "%s/%s.svg", dir, names[i]);
        err = read_all(to, &len);
        assert_non_null(err);
        assert_non_null(strstr(err, "</svg>"));
        free(err);
        unlink(to);
        snprintf(to, sizeof to, "%s/%s.png", dir, names[i]);
        png = read_all(to, &len);
        assert_non_null(png);
        assert_true(len > 8);
        assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
        free(png);
        unlink(to);
        for (e = 0; e < 2; e++) {
            snprintf(to, sizeof to, "%s/%s.%s", dir, names[i], exts[e]);
            unlink(to);
        }
    }
    /* Nothing else appeared: no PWNED file from a hostile label. */
    assert_int_equal(rmdir(dir), 0);
}

int main(int argc, char **argv)
{
    /* `test_chart render`: the part that needs gnuplot. */
    if (argc > 1 && strcmp(argv[1], "render") == 0) {
        const struct CMUnitTest render[] = { cmocka_unit_test(test_render_golden) };
        return test_exit(cmocka_run_group_tests_name("render", render, NULL, NULL));
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_heatmap),
        cmocka_unit_test(test_bars),
        cmocka_unit_test(test_lines),
        cmocka_unit_test(test_stacked),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_label_cut),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_missing_parts),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
