/*
 * report.c - the gap report (see report.h).
 *
 * The Markdown opens with the headline figures and the Gaps a survey
 * author can act on, then coverage, concentration, overlap, structure,
 * contamination, the suggested evaluation set and the methods.  Catalog text always
 * goes through fmt_md; numbers through fmt_num; every list is in a total
 * order, so the same catalog and seed give the same bytes.
 *
 * This file assembles the parts (report_parts.h): the Gaps section is in
 * report_gaps.c, Contamination in report_contamination.c, the other
 * sections in report_sections.c, the CSV tables
 * in report_tables.c; here are the shared small writers and the
 * directory written all or nothing.
 */
#include "progress.h"
#include "report.h"
#include "render.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "fmt.h"
#include "outfile.h"
#include "report_parts.h"

/* ---- small writers shared by the sections ------------------------------ */

void report_md_models(FILE *fp, const bc_catalog *cat, const int *idx, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", fp);
        fmt_md(fp, cat->models[idx[i]].name);
    }
}

void report_md_datasets(FILE *fp, const bc_catalog *cat, const int *idx, size_t n)
{
    if (n == 0) {
        fputs("none in the catalog", fp);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", fp);
        fmt_md(fp, cat->datasets[idx[i]].name);
    }
}

void report_figure(FILE *fp, int which, const bc_catalog *cat)
{
    fputs("![", fp);
    fmt_md(fp, figures_caption(which, cat));
    fprintf(fp, "](charts/%s.svg)\n\n", figures[which].name);
}

int report_write_md(FILE *fp, const bc_analysis *a, const bc_plan *plan)
{
    int rc;
    report_section_headline(fp, a);
    if ((rc = report_section_gaps(fp, a)) != BC_OK ||
        (rc = report_section_coverage(fp, a)) != BC_OK)
        return rc;
    report_section_concentration(fp, a);
    if ((rc = report_section_overlap(fp, a)) != BC_OK ||
        (rc = report_section_structure(fp, a)) != BC_OK ||
        (rc = report_section_contamination(fp, a)) != BC_OK)
        return rc;
    report_section_plan(fp, plan);
    report_section_methods(fp);
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

/* ---- the directory ------------------------------------------------------ */

/* Joins dir and name into a new string; NULL on OOM. */
static char *path_join(const char *dir, const char *sub, const char *name, const char *ext)
{
    size_t n = strlen(dir) + strlen(sub) + strlen(name) + strlen(ext) + 3;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s%s", dir, sub, name, ext);
    return p;
}

static int open_in(bc_outset *set, const char *out, const char *sub, const char *name,
                   const char *ext, FILE **fp, bc_errors *errs)
{
    char *path = path_join(out, sub, name, ext);
    if (!path)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    int rc = outset_open(set, path, fp, errs);
    free(path);
    return rc;
}

/*
 * Checks the stream of the file the set opened last after its writer ran:
 * a write error (a full disk) is reported with its cause while errno still
 * holds it.  Returns BC_OK or BC_EX_IOERR.
 */
static int check_written(const bc_outset *set, FILE *fp, int writer_rc, bc_errors *errs)
{
    int err = errno;
    if (writer_rc != BC_OK && writer_rc != BC_EX_IOERR)
        return writer_rc;
    if (writer_rc == BC_OK && !ferror(fp))
        return BC_OK;
    return errors_add(errs, BC_EX_IOERR, NULL, 0, 0, "cannot write '%s': %s",
                      set->files[set->n - 1].dest, strerror(err ? err : EIO));
}

int report_write_dir(const char *out, const bc_analysis *a, const bc_plan *plan,
                     bc_errors *errs)
{
    bc_outset set;
    outset_init(&set);
    char *tables = path_join(out, "", "tables", ""), *charts = path_join(out, "", "charts", "");
    int rc = BC_EX_SOFTWARE;
    if (!tables || !charts) {
        errors_add(errs, rc, NULL, 0, 0, "out of memory");
        goto fail;
    }
    if ((rc = outfile_mkdirs(out, errs)) != BC_OK || (rc = outfile_mkdirs(tables, errs)) != BC_OK ||
        (rc = outfile_mkdirs(charts, errs)) != BC_OK)
        goto fail;
    FILE *fp, *dat;
    bc_progress step;
    progress_begin(&step, "report: Markdown, tables and charts");
    if ((rc = open_in(&set, out, "", "README", ".md", &fp, errs)) != BC_OK)
        goto fail;
    errno = 0;
    fputs(REPORT_MARK "\n", fp);
    if ((rc = check_written(&set, fp, report_write_md(fp, a, plan), errs)) != BC_OK)
        goto fail;
    for (int t = 0; t < REPORT_TABLES; t++) {
        if ((rc = open_in(&set, out, "tables/", report_table_names[t], ".csv", &fp, errs)) != BC_OK)
            goto fail;
        errno = 0;
        if ((rc = check_written(&set, fp, report_write_table(t, fp, a, plan), errs)) != BC_OK)
            goto fail;
    }
    for (int f = 0; f < FIGURES_COUNT; f++) {
        if ((rc = open_in(&set, out, "charts/", figures[f].name, ".gp", &fp, errs)) != BC_OK ||
            (rc = open_in(&set, out, "charts/", figures[f].name, ".dat", &dat, errs)) != BC_OK)
            goto fail;
        errno = 0;
        if ((rc = figures_write(f, fp, dat, a, plan, errs)) != BC_OK)
            goto fail;
        if (ferror(fp) || ferror(dat)) {
            rc = errors_add(errs, BC_EX_IOERR, NULL, 0, 0, "cannot write chart '%s': %s",
                            figures[f].name, strerror(errno ? errno : EIO));
            goto fail;
        }
    }
    free(tables);
    free(charts);
    progress_end(&step);
    return outset_commit(&set, errs);
fail:
    outset_abort(&set);
    free(tables);
    free(charts);
    return rc;
}

int report_check_readme(const char *out, bc_errors *errs)
{
    char *path = path_join(out, "", "README", ".md");
    if (!path)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    FILE *fp = fopen(path, "rb");
    int rc = BC_OK;
    if (fp) {
        char line[sizeof REPORT_MARK + 2];
        size_t len = fread(line, 1, sizeof REPORT_MARK - 1, fp);
        if (len != sizeof REPORT_MARK - 1 || memcmp(line, REPORT_MARK, len) != 0)
            rc = errors_add(errs, BC_EX_CANTCREAT, NULL, 0, 0,
                            "refusing to overwrite '%s': benchcov report did not write it "
                            "(its first line is not '%s'); use --force to replace it",
                            path, REPORT_MARK);
        fclose(fp);
    } else if (errno != ENOENT && errno != ENOTDIR) { /* nothing there to protect */
        rc = errors_add(errs, BC_EX_CANTCREAT, NULL, 0, 0,
                        "refusing to overwrite '%s': cannot read it to see who wrote it: %s",
                        path, strerror(errno));
    }
    free(path);
    return rc;
}

int report_render(const char *out, bc_errors *errs)
{
    char *charts = path_join(out, "", "charts", "");
    if (!charts)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    const char *names[FIGURES_COUNT];
    for (int f = 0; f < FIGURES_COUNT; f++)
        names[f] = figures[f].name;
    int rc = render_charts(charts, names, FIGURES_COUNT, errs);
    free(charts);
    return rc;
}
