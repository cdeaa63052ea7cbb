/*
 * test_report.c - the gap report: the Markdown of the good fixture
 * catalog against its golden file (tests/golden/report_good.md; run with
 * BENCHCOV_UPDATE_GOLDEN=1 to rewrite it after an intended change, then
 * read the diff), the section order, and the directory report_write_dir
 * lays out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analysis.h"
#include "figures.h"
#include "graph.h"
#include "plan.h"
#include "report.h"

#define GOOD BENCHCOV_SOURCE_DIR "/tests/fixtures/good"
#define GOLDEN BENCHCOV_SOURCE_DIR "/tests/golden/report_good.md"

typedef struct {
    bc_catalog cat;
    bc_analysis a;
    bc_plan plan;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    bc_errors e;
    errors_init(&e);
    catalog_init(&f->cat);
    analysis_init(&f->a);
    plan_init(&f->plan);
    bc_analysis_opts o = { .thin = 2, .seed = 1 };
    if (catalog_load(&f->cat, GOOD, &e) != BC_OK || analysis_run(&f->a, &f->cat, &o, &e) != BC_OK ||
        plan_default(&f->cat, &f->plan) != BC_OK)
        return -1;
    errors_release(&e);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    plan_release(&f->plan);
    analysis_release(&f->a);
    catalog_release(&f->cat);
    free(f);
    return 0;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    *len = fread(buf, 1, (size_t)n, fp);
    buf[*len] = '\0';
    fclose(fp);
    return buf;
}

static void test_markdown_golden(void **state)
{
    fixture *f = *state;
    char *md = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&md, &len);
    assert_int_equal(report_write_md(fp, &f->a, &f->plan), BC_OK);
    fclose(fp);
    if (getenv("BENCHCOV_UPDATE_GOLDEN")) {
        FILE *g = fopen(GOLDEN, "wb");
        assert_non_null(g);
        fwrite(md, 1, len, g);
        fclose(g);
    }
    size_t glen = 0;
    char *golden = slurp(GOLDEN, &glen);
    assert_non_null(golden);
    if (glen != len || memcmp(golden, md, len) != 0) {
        size_t i = 0;
        while (i < len && i < glen && md[i] == golden[i])
            i++;
        fail_msg("report differs from %s at byte %zu: '%.60s'", GOLDEN, i, md + i);
    }
    /* The sections come in the order the report promises, Gaps first. */
    const char *order[] = { "## Headline figures", "## Gaps", "### Uncovered tasks",
                            "### Thin tasks", "### Tasks carried by a single dataset",
                            "### Isolated models", "### Empty cells", "## Coverage",
                            "## Concentration", "## Overlap", "## Structure",
                            "## Contamination", "## Suggested evaluation set", "## Methods" };
    const char *at = md;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *next = strstr(at, order[i]);
        if (!next)
            fail_msg("section '%s' missing or out of order", order[i]);
        at = next;
    }
    /* The uncovered task and its name are in the Gaps section. */
    assert_non_null(strstr(md, "| MGR | Music genre recognition | music | GTZAN |"));
    /* Every chart is embedded. */
    for (int i = 0; i < FIGURES_COUNT; i++) {
        char want[96];
        snprintf(want, sizeof want, "](charts/%s.svg)", figures[i].name);
        assert_non_null(strstr(md, want));
    }
    free(golden);
    free(md);
}

static void test_directory(void **state)
{
    fixture *f = *state;
    char dir[] = "/tmp/benchcov-report-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char out[128];
    snprintf(out, sizeof out, "%s/new/report", dir);
    bc_errors e;
    errors_init(&e);
    assert_int_equal(report_write_dir(out, &f->a, &f->plan, &e), BC_OK);
    const char *files[] = { "README.md", "tables/coverage_task.csv", "tables/overlap.csv",
                            "tables/metrics.csv", "tables/plan.csv", "tables/gaps.csv",
                            "tables/concentration.csv", "tables/communities.csv",
                            "tables/robustness.csv", "tables/bridging.csv",
                            "tables/coverage_model.csv", "tables/coverage_dataset.csv" };
    char path[256];
    struct stat st;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", out, files[i]);
        if (stat(path, &st) != 0 || st.st_size == 0)
            fail_msg("%s missing or empty", path);
    }
    for (int i = 0; i < FIGURES_COUNT; i++)
        for (int ext = 0; ext < 2; ext++) {
            snprintf(path, sizeof path, "%s/charts/%s.%s", out, figures[i].name,
                     ext ? "dat" : "gp");
            if (stat(path, &st) != 0 || st.st_size == 0)
                fail_msg("%s missing or empty", path);
        }
    errors_release(&e);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    graph_global_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markdown_golden),
        cmocka_unit_test(test_directory),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
