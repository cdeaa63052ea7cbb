/*
 * import_matrix.c - a catalog from a wide leaderboard CSV (see
 * import_matrix.h).
 *
 * The header decides the columns: the model column, the --facet
 * columns, and every other column a benchmark.  Each benchmark is
 * resolved once (dataset and task), then every row adds its numeric
 * cells as facts.  Spreadsheets export numbers in many dresses: "85.3",
 * "85.3%", "+1.2", "85.3 ± 0.4"; the first three are scores, the last
 * keeps its leading number and is noted for review; "-", "n/a" and empty
 * cells are no fact at all.
 */
#include "import_matrix.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvscan.h"

enum { ROLE_BENCH = 0, ROLE_MODEL = 1, ROLE_FACET = 2, ROLE_SKIP = 3 };

typedef struct {
    char *name;        /* header text */
    int role;
    char *facet;       /* models.csv column for ROLE_FACET */
    int dataset, task; /* draft rows for ROLE_BENCH */
} mx_col;

typedef struct {
    bc_draft *d;
    const import_matrix_opts *o;
    const char *path;
    bc_errors *errs;
    mx_col *cols;
    size_t n_cols;
    int model_col;
    bc_strlist map_bench, map_task; /* the task map, in file order */
    int map_b, map_t;               /* task-map columns */
    int rc;
} mx_reader;

static void fail(mx_reader *r, int rc)
{
    if (rc > r->rc)
        r->rc = rc;
}

/* A models.csv column name from a header: lower case, other runs '_'. */
static char *facet_name(const char *h)
{
    size_t n = strlen(h), k = 0;
    char *f = malloc(n + 3);
    if (!f)
        return NULL;
    int us = 0;
    for (const unsigned char *p = (const unsigned char *)h; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
            if (us && k)
                f[k++] = '_';
            us = 0;
            f[k++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        } else {
            us = 1;
        }
    }
    f[k] = '\0';
    /* the schema's own columns of models.csv are not facets */
    static const char *const known[] = { "model", "aliases", "year", "llm_params_b", "paper" };
    int clash = 0;
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        clash |= strcmp(f, known[i]) == 0;
    if (!k || clash || !(f[0] >= 'a' && f[0] <= 'z')) {
        memmove(f + 2, f, k + 1);
        f[0] = 'f';
        f[1] = '_';
    }
    return f;
}

/* Trimmed copy of a field. */
static char *trimmed(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    char *t = malloc(n + 1);
    if (t) {
        memcpy(t, s, n);
        t[n] = '\0';
    }
    return t;
}

static const char *const empty_marks[] = { "-", "--", "\xE2\x80\x94", "\xE2\x80\x93", "n/a",
                                           "na", "nan", "none", "?", "x", "tbd", NULL };

/* ---------------------------------------------------------------- task map */

static void on_map_row(bc_csvscan *s, void *user, int bad)
{
    mx_reader *r = user;
    if (bad)
        return;
    size_t n = s->n_fields < BC_MAX_COLUMNS ? s->n_fields : BC_MAX_COLUMNS;
    if (s->rows == 1) {
        r->map_b = r->map_t = -1;
        for (size_t i = 0; i < n; i++) {
            if (strcmp(s->fields[i].text, "benchmark") == 0)
                r->map_b = (int)i;
            else if (strcmp(s->fields[i].text, "task") == 0)
                r->map_t = (int)i;
        }
        if (r->map_b < 0 || r->map_t < 0) {
            csvscan_error(s, BC_EX_DATAERR, s->fields[0].line, s->fields[0].col,
                          "task map header needs columns 'benchmark' and 'task'");
            s->stop = 1;
        }
        return;
    }
    if ((size_t)r->map_b >= n || (size_t)r->map_t >= n) {
        csvscan_error(s, BC_EX_DATAERR, s->fields[0].line, s->fields[0].col,
                      "expected a benchmark and a task");
        return;
    }
    const bc_csvfield *t = &s->fields[r->map_t];
    char *task = trimmed(t->text), *bench = trimmed(s->fields[r->map_b].text);
    if (!task || !bench || strlist_push(&r->map_bench, bench) < 0 ||
        strlist_push(&r->map_task, task) < 0)
        csvscan_oom(s);
    else if (!*task)
        csvscan_error(s, BC_EX_DATAERR, t->line, t->col, "missing task for benchmark '%s'",
                      bench);
    free(task);
    free(bench);
}

static int read_task_map(mx_reader *r)
{
    FILE *fp = fopen(r->o->task_map, "rb");
    if (!fp)
        return errors_add(r->errs, errno == ENOENT ? BC_EX_NOINPUT : BC_EX_IOERR, NULL, 0, 0,
                          "cannot open '%s': %s", r->o->task_map, strerror(errno));
    bc_csvscan s;
    csvscan_init(&s, r->o->task_map, r->errs, on_map_row, r);
    int rc = csvscan_run(&s, fp, NULL, 0);
    fclose(fp);
    if (rc == BC_OK && s.rows == 0)
        rc = errors_add(r->errs, BC_EX_DATAERR, r->o->task_map, 1, 1,
                        "empty task map, expected header 'benchmark,task'");
    return rc;
}

/* ---------------------------------------------------------------- header */

static int find_col(mx_reader *r, const char *want)
{
    char *key = names_fold(want);
    int hit = -1;
    for (size_t i = 0; key && i < r->n_cols && hit < 0; i++) {
        char *k2 = names_fold(r->cols[i].name);
        if (k2 && strcmp(k2, key) == 0)
            hit = (int)i;
        free(k2);
    }
    free(key);
    return hit;
}

static int no_column(mx_reader *r, const char *opt, const char *want)
{
    bc_names *t = names_new();
    const char *near = NULL;
    for (size_t i = 0; t && i < r->n_cols; i++)
        names_add(t, r->cols[i].name, (int)i, 1);
    if (t)
        near = names_suggest(t, want);
    int rc = near ? errors_add(r->errs, BC_EX_USAGE, NULL, 0, 0,
                               "%s: no column '%s' in the header of '%s' (did you mean '%s'?)",
                               opt, want, r->path, near)
                  : errors_add(r->errs, BC_EX_USAGE, NULL, 0, 0,
                               "%s: no column '%s' in the header of '%s'", opt, want, r->path);
    names_free(t);
    return rc;
}

/* Resolves a benchmark column: its dataset and its task. */
static int bench_column(mx_reader *r, mx_col *c, const bc_csvfield *f)
{
    int rc = draft_resolve(r->d, DRAFT_DATASETS, c->name, r->path, f->line, f->col, &c->dataset);
    if (rc != BC_OK)
        return rc;
    const char *label = c->name;
    int mapped = 0;
    char *key = names_fold(c->name);
    if (!key)
        return BC_EX_SOFTWARE;
    for (size_t i = 0; i < r->map_bench.n && !mapped; i++) {
        char *k2 = names_fold(r->map_bench.items[i]);
        if (k2 && strcmp(k2, key) == 0) {
            label = r->map_task.items[i];
            mapped = 1;
        }
        free(k2);
    }
    free(key);
    if (r->o->task_map && !mapped)
        rc = draft_note_add(r->d, r->path, f->line, f->col, c->name,
                            "benchmark not in the task map", "its task is its own name",
                            "add a row for it to the task map");
    if (rc == BC_OK)
        rc = draft_task_label(r->d, label, r->d->has_base, r->path, f->line, f->col,
                              &c->task);
    return rc;
}

static void header_row(bc_csvscan *s, mx_reader *r)
{
    size_t n = s->n_fields < BC_MAX_COLUMNS ? s->n_fields : BC_MAX_COLUMNS;
    if (s->n_fields > BC_MAX_COLUMNS) {
        csvscan_error(s, BC_EX_DATAERR, s->fields[0].line, s->fields[0].col,
                      "more than %d columns", BC_MAX_COLUMNS);
        s->stop = 1;
        return;
    }
    r->cols = calloc(n, sizeof *r->cols);
    if (!r->cols) {
        csvscan_oom(s);
        return;
    }
    r->n_cols = n;
    for (size_t i = 0; i < n; i++) {
        r->cols[i].dataset = r->cols[i].task = -1;
        if (!(r->cols[i].name = trimmed(s->fields[i].text))) {
            csvscan_oom(s);
            return;
        }
        if (!*r->cols[i].name) {
            csvscan_error(s, BC_EX_DATAERR, s->fields[i].line, s->fields[i].col,
                          "empty column name in the header");
            s->stop = 1;
            return;
        }
        for (size_t j = 0; j < i; j++) {
            if (strcmp(r->cols[j].name, r->cols[i].name) == 0) {
                csvscan_error(s, BC_EX_DATAERR, s->fields[i].line, s->fields[i].col,
                              "repeated column '%s'", r->cols[i].name);
                s->stop = 1;
                return;
            }
        }
    }
    if (r->o->model_column) {
        r->model_col = find_col(r, r->o->model_column);
        if (r->model_col < 0) {
            fail(r, no_column(r, "--model-column", r->o->model_column));
            s->stop = 1;
            return;
        }
    } else {
        r->model_col = find_col(r, "model");
        if (r->model_col < 0)
            r->model_col = find_col(r, "name");
        if (r->model_col < 0)
            r->model_col = 0;
    }
    r->cols[r->model_col].role = ROLE_MODEL;
    for (size_t i = 0; i < r->o->n_facets; i++) {
        int c = find_col(r, r->o->facets[i]);
        if (c < 0) {
            fail(r, no_column(r, "--facet", r->o->facets[i]));
            s->stop = 1;
            return;
        }
        if (c == r->model_col)
            continue;
        r->cols[c].role = ROLE_FACET;
        if (!(r->cols[c].facet = facet_name(r->cols[c].name))) {
            csvscan_oom(s);
            return;
        }
    }
    for (size_t i = 0; i < n && !s->stop; i++) {
        if (r->cols[i].role != ROLE_BENCH)
            continue;
        int rc = bench_column(r, &r->cols[i], &s->fields[i]);
        if (rc == BC_EX_SOFTWARE)
            csvscan_oom(s);
    }
}

/* ---------------------------------------------------------------- rows */

static int score_cell(mx_reader *r, const bc_csvfield *f, int model, const mx_col *c)
{
    char *v = trimmed(f->text);
    if (!v)
        return BC_EX_SOFTWARE;
    int rc = BC_OK;
    for (size_t k = 0; empty_marks[k]; k++)
        if (strcasecmp(empty_marks[k], v) == 0)
            v[0] = '\0';
    if (!*v || c->dataset < 0)
        goto out;
    char score[64];
    int kind = draft_parse_score(v, score, sizeof score);
    if (!kind) {
        rc = draft_note_add(r->d, r->path, f->line, f->col, v, "not a number",
                            "no fact written", "write the score as a decimal number");
        goto out;
    }
    if (kind == 2) {
        char action[96];
        snprintf(action, sizeof action, "score %s kept", score);
        rc = draft_note_add(r->d, r->path, f->line, f->col, v, "text after the number", action,
                            "keep one number per cell");
    }
    int added = 0;
    if (rc == BC_OK)
        rc = draft_add_fact(r->d, model, c->dataset, c->task, r->o->role,
                            r->o->source ? r->o->source : r->path, score, r->o->metric, NULL,
                            &added);
    if (rc == BC_OK && !added)
        rc = draft_note_add(r->d, r->path, f->line, f->col, v,
                            "a second score for this model and benchmark", "first score kept",
                            "keep one row per model");
out:
    free(v);
    return rc;
}

static void on_row(bc_csvscan *s, void *user, int bad)
{
    mx_reader *r = user;
    if (s->rows == 1) {
        header_row(s, r);
        return;
    }
    if (bad || s->stop)
        return;
    if (s->n_fields == 1 && !*s->fields[0].text)
        return; /* a blank line */
    if (s->n_fields != r->n_cols) {
        const bc_csvfield *f = &s->fields[s->n_fields < BC_MAX_COLUMNS ? 0 : 0];
        csvscan_error(s, BC_EX_DATAERR, f->line, f->col, "expected %zu fields, found %zu",
                      r->n_cols, s->n_fields);
        return;
    }
    const bc_csvfield *mf = &s->fields[r->model_col];
    char *name = trimmed(mf->text);
    int model = -1, rc = BC_OK;
    if (!name) {
        csvscan_oom(s);
        return;
    }
    if (!*name) {
        rc = draft_note_add(r->d, r->path, mf->line, mf->col, "", "row without a model name",
                            "row skipped", "fill in the model column");
    } else if (strlen(name) > DRAFT_NAME_MAX) {
        rc = draft_note_add(r->d, r->path, mf->line, mf->col, "", "model name too long",
                            "row skipped", "shorten the model cell");
    } else {
        rc = draft_resolve(r->d, DRAFT_MODELS, name, r->path, mf->line, mf->col, &model);
    }
    free(name);
    for (size_t i = 0; i < r->n_cols && rc == BC_OK && model >= 0; i++) {
        const mx_col *c = &r->cols[i];
        if (c->role == ROLE_FACET) {
            char *v = trimmed(s->fields[i].text);
            rc = v ? draft_set(r->d, DRAFT_MODELS, model, c->facet, v, 0) : BC_EX_SOFTWARE;
            free(v);
        } else if (c->role == ROLE_BENCH) {
            rc = score_cell(r, &s->fields[i], model, c);
        }
    }
    if (rc == BC_EX_SOFTWARE)
        csvscan_oom(s);
}

int import_matrix(bc_draft *d, const char *path, const char *data, size_t len,
                  const import_matrix_opts *o, bc_errors *errs)
{
    mx_reader r = { .d = d, .o = o, .path = path, .errs = errs, .model_col = -1 };
    int rc = BC_OK;
    if (o->task_map && (rc = read_task_map(&r)) != BC_OK)
        goto out;
    bc_csvscan s;
    csvscan_init(&s, path, errs, on_row, &r);
    rc = csvscan_run(&s, NULL, data, len);
    if (r.rc > rc)
        rc = r.rc;
    if (rc == BC_OK && s.rows == 0)
        rc = errors_add(errs, BC_EX_DATAERR, path, 1, 1,
                        "empty file, expected a header row (model, then one column per "
                        "benchmark)");
out:
    for (size_t i = 0; i < r.n_cols; i++) {
        free(r.cols[i].name);
        free(r.cols[i].facet);
    }
    free(r.cols);
    strlist_release(&r.map_bench);
    strlist_release(&r.map_task);
    return rc;
}
