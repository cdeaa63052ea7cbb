/*
 * diff_write.c - prints a bc_diff (see diff_write.h).  Catalog text goes
 * through fmt_md, fmt_csv or the JSON string writer below; the labels of
 * the two versions are paths the user typed and are escaped the same way.
 */
#include "diff_write.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "fmt.h"
#include "outfile.h"

/* ---------------------------------------------------------------------- */
/* Markdown                                                               */
/* ---------------------------------------------------------------------- */

/* Rows [*from, end) of kind k: the range, found by scanning forward. */
static size_t kind_end(const bc_diff *d, size_t from, bc_diff_kind k)
{
    while (from < d->n && d->rows[from].kind == k)
        from++;
    return from;
}

static size_t kind_start(const bc_diff *d, bc_diff_kind k)
{
    size_t i = 0;
    while (i < d->n && d->rows[i].kind < k)
        i++;
    return i;
}

static void md_rows(FILE *fp, const bc_diff *d, bc_diff_kind k, const char *first_col,
                    const char *none)
{
    size_t a = kind_start(d, k), b = kind_end(d, a, k);
    if (a == b) {
        fmt_printf(fp, "%s\n\n", none);
        return;
    }
    fmt_printf(fp, "| %s | change | before | after |\n|---|---|---|---|\n", first_col);
    for (size_t i = a; i < b; i++) {
        const bc_diff_row *r = &d->rows[i];
        fmt_printf(fp, "| %M | %M | %M | %M |\n", r->name, r->change, r->before, r->after);
    }
    fputc('\n', fp);
}

static void md_entities(FILE *fp, const bc_diff *d)
{
    size_t a = kind_start(d, DIFF_MODEL), b = kind_start(d, DIFF_FACT);
    fputs("### Models, datasets and tasks\n\n", fp);
    if (a == b) {
        fputs("No model, dataset or task was added, removed or renamed.\n\n", fp);
        return;
    }
    fputs("| kind | name | change | before | after |\n|---|---|---|---|---|\n", fp);
    for (size_t i = a; i < b; i++) {
        const bc_diff_row *r = &d->rows[i];
        fmt_printf(fp, "| %s | %M | %M | %M | %M |\n", diff_kind_name(r->kind), r->name,
                   r->change, r->before, r->after);
    }
    fputc('\n', fp);
}

static void md_facts(FILE *fp, const bc_diff *d)
{
    size_t a = kind_start(d, DIFF_FACT), b = kind_end(d, a, DIFF_FACT);
    fputs("### Usage facts\n\n", fp);
    if (a == b) {
        fputs("No usage fact was added or removed.\n\n", fp);
        return;
    }
    size_t added = 0;
    for (size_t i = a; i < b; i++)
        added += strcmp(d->rows[i].change, "added") == 0;
    fmt_printf(fp, "%N added, %N removed, grouped by model (dataset / task / role).\n\n",
               (double)added, (double)(b - a - added));
    fputs("| model | change | fact |\n|---|---|---|\n", fp);
    for (size_t i = a; i < b; i++) {
        const bc_diff_row *r = &d->rows[i];
        int first = i == a || strcmp(r->name, d->rows[i - 1].name) != 0;
        fmt_printf(fp, "| %M | %M | %M |\n", first ? r->name : "", r->change,
                   *r->after ? r->after : r->before);
    }
    fputc('\n', fp);
}

static void md_metrics(FILE *fp, const bc_diff *d)
{
    size_t a = kind_start(d, DIFF_METRIC), b = kind_end(d, a, DIFF_METRIC);
    fputs("### Headline figures\n\n", fp);
    size_t moved = 0;
    for (size_t i = a; i < b; i++)
        moved += d->rows[i].notable || strcmp(d->rows[i].before, d->rows[i].after) != 0;
    if (moved) {
        fputs("| figure | before | after | change |\n|---|---:|---:|---|\n", fp);
        for (size_t i = a; i < b; i++) {
            const bc_diff_row *r = &d->rows[i];
            if (!r->notable && strcmp(r->before, r->after) == 0)
                continue;
            fmt_printf(fp, "| %M | %M | %M | ", r->name, r->before, r->after);
            const char *sp = strchr(r->change, ' ');
            if (sp && strcmp(sp + 1, "within-null-spread") == 0) {
                fwrite(r->change, 1, (size_t)(sp - r->change), fp);
                fputs(" (within the null spread: noise, not news)", fp);
            } else if (sp && strcmp(sp + 1, "beyond-null-spread") == 0) {
                fwrite(r->change, 1, (size_t)(sp - r->change), fp);
                fputs(" (**beyond the null spread**)", fp);
            } else {
                fmt_printf(fp, "%M", r->change);
            }
            fputs(" |\n", fp);
        }
        fputc('\n', fp);
    }
    if (moved < b - a) {
        fputs(moved ? "Unchanged: " : "No headline figure changed: ", fp);
        int first = 1;
        for (size_t i = a; i < b; i++) {
            const bc_diff_row *r = &d->rows[i];
            if (r->notable || strcmp(r->before, r->after) != 0)
                continue;
            fmt_printf(fp, "%s%M (%M)", first ? "" : ", ", r->name, r->after);
            first = 0;
        }
        fputs(".\n\n", fp);
    }
    fmt_printf(fp, "A z-score counts as moved only when it changed by at least %N null "
                   "standard deviations.\n\n",
               DIFF_Z_SPREAD);
}

static void md_plan_list(FILE *fp, const char *what, const char *const *names, size_t n)
{
    fmt_printf(fp, "- %s: ", what);
    if (!n)
        fputs("none", fp);
    for (size_t i = 0; i < n; i++)
        fmt_printf(fp, "%s%M", i ? ", " : "", names[i]);
    fputc('\n', fp);
}

int diff_write_md(FILE *fp, const bc_diff *d, const char *old_label, const char *new_label)
{
    fmt_printf(fp, "## Catalog changes: %M → %M\n\n", old_label, new_label);
    size_t n = diff_changes(d);
    if (!n)
        fputs("Nothing changed in the catalog or in any figure.\n\n", fp);
    else
        fmt_printf(fp,
                   "%N models, %N datasets, %N tasks changed; %N usage facts; "
                   "%N task statuses; %N comparability changes; %N headline figures moved; "
                   "%N changes to the suggested evaluation set.\n\n",
                   (double)d->count[DIFF_MODEL], (double)d->count[DIFF_DATASET],
                   (double)d->count[DIFF_TASK], (double)d->count[DIFF_FACT],
                   (double)d->count[DIFF_STATUS], (double)d->count[DIFF_COMPARABILITY],
                   (double)d->count[DIFF_METRIC], (double)d->count[DIFF_PLAN]);
    md_entities(fp, d);
    md_facts(fp, d);
    fputs("### Task status\n\n", fp);
    md_rows(fp, d, DIFF_STATUS, "task",
            "No task changed status or the datasets it rests on.");
    fputs("### Comparability\n\n", fp);
    md_rows(fp, d, DIFF_COMPARABILITY, "model or component",
            "No model became comparable or isolated; no component merged or split.");
    md_metrics(fp, d);
    fputs("### Suggested evaluation set\n\n", fp);
    md_plan_list(fp, "before", d->plan_before, d->n_plan_before);
    md_plan_list(fp, "after", d->plan_after, d->n_plan_after);
    fputc('\n', fp);
    md_rows(fp, d, DIFF_PLAN, "dataset", "The suggested evaluation set did not change.");
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

/* ---------------------------------------------------------------------- */
/* CSV and JSON                                                           */
/* ---------------------------------------------------------------------- */

int diff_write_csv(FILE *fp, const bc_diff *d)
{
    fputs("kind,name,change,before,after\n", fp);
    for (size_t i = 0; i < d->n; i++) {
        const bc_diff_row *r = &d->rows[i];
        fputs(diff_kind_name(r->kind), fp);
        const char *f[4] = { r->name, r->change, r->before, r->after };
        for (int k = 0; k < 4; k++) {
            fputc(',', fp);
            fmt_csv(fp, f[k]);
        }
        fputc('\n', fp);
    }
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

/* A JSON string literal (RFC 8259): quotes, backslash and controls escaped. */
static void json_str(FILE *fp, const char *s)
{
    fputc('"', fp);
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(fp, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(fp, "\\u%04x", *p);
        else
            fputc(*p, fp);
    }
    fputc('"', fp);
}

static void json_list(FILE *fp, const char *const *v, size_t n)
{
    fputc('[', fp);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", fp);
        json_str(fp, v[i]);
    }
    fputc(']', fp);
}

int diff_write_json(FILE *fp, const bc_diff *d, const char *old_label, const char *new_label)
{
    fputs("{\n  \"old\": ", fp);
    json_str(fp, old_label);
    fputs(",\n  \"new\": ", fp);
    json_str(fp, new_label);
    fprintf(fp, ",\n  \"changes\": %zu,\n  \"new_uncovered\": %zu,\n  \"new_isolated\": %zu,\n"
                "  \"removed_models\": %zu,\n  \"plan_before\": ",
            diff_changes(d), d->new_uncovered, d->new_isolated, d->removed_models);
    json_list(fp, d->plan_before, d->n_plan_before);
    fputs(",\n  \"plan_after\": ", fp);
    json_list(fp, d->plan_after, d->n_plan_after);
    fputs(",\n  \"rows\": [", fp);
    for (size_t i = 0; i < d->n; i++) {
        const bc_diff_row *r = &d->rows[i];
        fputs(i ? ",\n    {\"kind\": " : "\n    {\"kind\": ", fp);
        json_str(fp, diff_kind_name(r->kind));
        const char *keys[4] = { "name", "change", "before", "after" };
        const char *f[4] = { r->name, r->change, r->before, r->after };
        for (int k = 0; k < 4; k++) {
            fprintf(fp, ", \"%s\": ", keys[k]);
            json_str(fp, f[k]);
        }
        fputc('}', fp);
    }
    fputs(d->n ? "\n  ]\n}\n" : "]\n}\n", fp);
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

/* ---------------------------------------------------------------------- */
/* Charts                                                                 */
/* ---------------------------------------------------------------------- */

/* The headline figures drawn on one 0-1 axis, and the factor that gets them there. */
static const struct {
    const char *name, *label;
    double scale;
} headline_shares[] = {
    { "connectance_model_task", "connectance_model_task", 1 },
    { "connectance_model_dataset", "connectance_model_dataset", 1 },
    { "mean_task_coverage", "mean_task_coverage", 1 },
    { "pairs_without_shared", "pairs_without_shared", 1 },
    { "nodf_model_task", "nodf_model_task / 100", 0.01 },
    { "nodf_model_dataset", "nodf_model_dataset / 100", 0.01 },
    { "modularity_barber", "modularity_barber", 1 },
    { "robustness_models", "robustness_models", 1 },
    { "robustness_models_random", "robustness_models_random", 1 },
};
#define N_SHARES (sizeof headline_shares / sizeof headline_shares[0])

static int open_pair(bc_outset *set, const char *dir, const char *name, FILE **gp, FILE **dat,
                     bc_errors *errs)
{
    size_t len = strlen(dir) + strlen(name) + 8;
    char *path = malloc(len);
    if (!path)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    snprintf(path, len, "%s/%s.gp", dir, name);
    int rc = outset_open(set, path, gp, errs);
    if (rc == BC_OK) {
        snprintf(path, len, "%s/%s.dat", dir, name);
        rc = outset_open(set, path, dat, errs);
    }
    free(path);
    return rc;
}

int diff_write_charts(const char *dir, const bc_diff *d, bc_errors *errs)
{
    const char *labels[N_SHARES];
    double before[N_SHARES], after[N_SHARES];
    size_t n = 0;
    for (size_t k = 0; k < N_SHARES; k++)
        for (size_t i = 0; i < d->n; i++) {
            const bc_diff_row *r = &d->rows[i];
            if (r->kind != DIFF_METRIC || strcmp(r->name, headline_shares[k].name) != 0)
                continue;
            labels[n] = headline_shares[k].label;
            before[n] = r->vbefore * headline_shares[k].scale;
            after[n++] = r->vafter * headline_shares[k].scale;
        }

    const char **codes = malloc((d->n_tasks + 1) * sizeof *codes);
    double *tb = malloc((d->n_tasks + 1) * sizeof *tb), *ta = malloc((d->n_tasks + 1) * sizeof *ta);
    bc_outset set;
    outset_init(&set);
    FILE *gp, *dat;
    int rc = BC_EX_SOFTWARE;
    if (!codes || !tb || !ta) {
        errors_add(errs, rc, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < d->n_tasks; i++) {
        codes[i] = d->tasks[i].code;
        tb[i] = d->tasks[i].before;
        ta[i] = d->tasks[i].after;
    }
    if ((rc = outfile_mkdirs(dir, errs)) != BC_OK)
        goto done;
    bc_paired cov = { d->n_tasks, codes, tb, ta, "before", "after", NAN };
    bc_chart_meta cm = { "diff_coverage", "Models covering each task, before and after",
                         "task", "models",
                         "Paired bars: models with a usage row for each task in the old "
                         "and the new catalog (benchcov diff).  A task absent from one "
                         "version has no bar there." };
    if ((rc = open_pair(&set, dir, cm.name, &gp, &dat, errs)) != BC_OK ||
        (rc = chart_paired(gp, dat, &cm, &cov, errs)) != BC_OK)
        goto done;
    bc_paired head = { n, labels, before, after, "before", "after", NAN };
    bc_chart_meta hm = { "diff_headline", "Headline figures, before and after", NULL,
                         "value (0-1)",
                         "Paired bars: the headline figures that are shares, NODF divided "
                         "by 100, in the old and the new catalog (benchcov diff --format "
                         "csv lists every figure)." };
    if ((rc = open_pair(&set, dir, hm.name, &gp, &dat, errs)) != BC_OK ||
        (rc = chart_paired(gp, dat, &hm, &head, errs)) != BC_OK)
        goto done;
    rc = outset_commit(&set, errs);
done:
    outset_abort(&set);
    free(codes);
    free(tb);
    free(ta);
    return rc;
}
