/*
 * import_pwc.c - a catalog from Papers-with-Code evaluation-tables.json
 * (see import_pwc.h).
 *
 * jansson parses one top-level task at a time (json_loadb with
 * JSON_DISABLE_EOF_CHECK stops after one value and says how many bytes
 * it used), so a dump of hundreds of thousands of rows needs the text
 * and one task's tree in memory, never the whole tree.  Our own code
 * only walks the white space and commas between tasks, counting lines
 * and columns so that every message can name the task's position; a
 * JSON syntax error is placed exactly from jansson's line and column.
 */
#include "import_pwc.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    bc_draft *d;
    const char *path;
    const char *source;
    bc_errors *errs;
    long line, col;      /* position of the task being read */
    int rc;
} pwc_reader;

/* Raises the reader's code; notes go to the draft, errors to errs. */
static void bad(pwc_reader *r, const char *where, const char *what)
{
    errors_add(r->errs, BC_EX_DATAERR, r->path, r->line, r->col, "%s: %s", where, what);
    if (r->rc < BC_EX_DATAERR)
        r->rc = BC_EX_DATAERR;
}

static void oom(pwc_reader *r)
{
    r->rc = BC_EX_SOFTWARE;
}

static void note(pwc_reader *r, const char *mention, const char *problem, const char *action)
{
    if (r->rc != BC_OK)
        return;
    if (draft_note_add(r->d, r->path, r->line, r->col, mention, problem, action, "") != BC_OK)
        oom(r);
}

/* A string member, or "" when absent or null; NULL (and an error) when of another type. */
static const char *opt_string(pwc_reader *r, json_t *obj, const char *key, const char *where)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return "";
    if (!json_is_string(v)) {
        char what[96];
        snprintf(what, sizeof what, "'%s' is not a string", key);
        bad(r, where, what);
        return NULL;
    }
    return json_string_value(v);
}

/* An array member, or NULL when absent or null; sets *err when of another type. */
static json_t *opt_array(pwc_reader *r, json_t *obj, const char *key, const char *where)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_array(v)) {
        char what[96];
        snprintf(what, sizeof what, "'%s' is not an array", key);
        bad(r, where, what);
        return NULL;
    }
    return v;
}

/* Copies `s` into a short buffer for a JSON path in messages. */
static void shorten(char *out, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n < cap) {
        memcpy(out, s, n + 1);
        return;
    }
    n = cap - 4;
    while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    memcpy(out, s, n);
    memcpy(out + n, "...", 4);
}

/* A metric value as a score: 1 with the number in score, 0 when it holds none ("-", null). */
static int value_score(json_t *v, char score[64])
{
    char num[64];
    const char *text;
    if (json_is_string(v)) {
        text = json_string_value(v);
    } else if (json_is_integer(v)) {
        snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
        text = num;
    } else if (json_is_real(v)) {
        snprintf(num, sizeof num, "%.15g", json_real_value(v));
        text = num;
    } else {
        return 0;
    }
    return draft_parse_score(text, score, 64) != 0;
}

/*
 * Picks the row's score: the first metric of the table's own list
 * (sota.metrics) that the row fills with a number, else the first such
 * metric of the row.  One fact per model, dataset and task is what the
 * catalog keeps, so the other metrics are left out.  Returns 1 when found.
 */
static int pick_metric(json_t *metrics, json_t *names, char score[64], const char **metric)
{
    size_t i;
    json_t *n;
    if (json_is_array(names))
        json_array_foreach(names, i, n) {
            if (json_is_string(n) &&
                value_score(json_object_get(metrics, json_string_value(n)), score)) {
                *metric = json_string_value(n);
                return 1;
            }
        }
    const char *key;
    json_t *v;
    json_object_foreach(metrics, key, v) {
        if (value_score(v, score)) {
            *metric = key;
            return 1;
        }
    }
    return 0;
}

static void read_row(pwc_reader *r, json_t *row, int dataset, int task, json_t *metric_names,
                     const char *where)
{
    if (!json_is_object(row)) {
        bad(r, where, "a row is not an object");
        return;
    }
    const char *name = opt_string(r, row, "model_name", where);
    const char *title = opt_string(r, row, "paper_title", where);
    const char *url = opt_string(r, row, "paper_url", where);
    const char *date = opt_string(r, row, "paper_date", where);
    if (!name || !title || !url || !date)
        return;
    char shown[DRAFT_NAME_MAX + 8];
    size_t nl = strlen(name);
    while (nl && (name[nl - 1] == ' ' || name[nl - 1] == '\t'))
        nl--;
    if (draft_blank(name))
        nl = 0;
    if (nl == 0 || nl > DRAFT_NAME_MAX) {
        shorten(shown, 60, name);
        note(r, shown, nl ? "model name too long" : "row without a model name", "row skipped");
        return;
    }
    int model;
    if (draft_resolve(r->d, DRAFT_MODELS, name, r->path, r->line, r->col, &model) != BC_OK) {
        oom(r);
        return;
    }
    if (model < 0)
        return;
    if (*title && draft_set(r->d, DRAFT_MODELS, model, "paper", title, 0) != BC_OK)
        oom(r);
    if (strlen(date) >= 4 && date[0] >= '1' && date[0] <= '2') {
        char y[5];
        memcpy(y, date, 4);
        y[4] = '\0';
        long year = strtol(y, NULL, 10);
        if (year >= 1900 && year <= 2100 && y[1] >= '0' && y[1] <= '9' && y[2] >= '0' &&
            y[2] <= '9' && y[3] >= '0' && y[3] <= '9' &&
            draft_set(r->d, DRAFT_MODELS, model, "year", y, 0) != BC_OK)
            oom(r);
    }
    const char *source = r->source ? r->source : *url ? url : r->path;
    json_t *m = json_object_get(row, "metrics");
    json_t *parsed = NULL;
    char score[64];
    const char *metric = NULL;
    int found = 0;
    if (m && json_is_string(m)) {
        /* the variant with metrics as text: JSON inside a string, or one number */
        parsed = json_loads(json_string_value(m), 0, NULL);
        if (parsed && json_is_object(parsed)) {
            found = pick_metric(parsed, metric_names, score, &metric);
        } else if ((found = value_score(m, score))) {
            json_t *first = json_is_array(metric_names) && json_array_size(metric_names) == 1
                                ? json_array_get(metric_names, 0) : NULL;
            metric = json_is_string(first) ? json_string_value(first) : "";
        }
    } else if (m && json_is_object(m)) {
        found = pick_metric(m, metric_names, score, &metric);
    } else if (m && !json_is_null(m)) {
        bad(r, where, "'metrics' is neither an object nor a string");
    }
    int added = 0;
    if (r->rc != BC_EX_SOFTWARE &&
        draft_add_fact(r->d, model, dataset, task, BC_ROLE_EVAL, source, found ? score : NULL,
                       found ? metric : NULL, NULL, &added) != BC_OK)
        oom(r);
    json_decref(parsed);
    if (!added && r->rc == BC_OK)
        note(r, name, "a second row for this model on the same dataset and task",
             "first row kept");
}

static void read_datasets(pwc_reader *r, json_t *list, int task, const char *task_where,
                          int depth)
{
    size_t i;
    json_t *ds;
    json_array_foreach(list, i, ds) {
        if (r->rc == BC_EX_SOFTWARE)
            return;
        char where[300];
        if (!json_is_object(ds)) {
            snprintf(where, sizeof where, "%s, dataset %zu", task_where, i + 1);
            bad(r, where, "not an object");
            continue;
        }
        const char *name = opt_string(r, ds, "dataset", task_where);
        if (!name)
            continue;
        char shown[80];
        shorten(shown, sizeof shown, name);
        snprintf(where, sizeof where, "%s, dataset '%s'", task_where, shown);
        size_t nl = draft_blank(name) ? 0 : strlen(name);
        if (nl == 0 || nl > DRAFT_NAME_MAX) {
            note(r, shown, nl ? "dataset name too long" : "dataset without a name",
                 "its rows skipped");
            continue;
        }
        int dataset;
        if (draft_resolve(r->d, DRAFT_DATASETS, name, r->path, r->line, r->col, &dataset) !=
            BC_OK) {
            oom(r);
            return;
        }
        json_t *sota = json_object_get(ds, "sota");
        if (sota && !json_is_null(sota) && !json_is_object(sota)) {
            bad(r, where, "'sota' is not an object");
            continue;
        }
        json_t *rows = sota ? opt_array(r, sota, "rows", where) : NULL;
        json_t *metric_names = sota ? json_object_get(sota, "metrics") : NULL;
        size_t k;
        json_t *row;
        if (dataset >= 0 && rows)
            json_array_foreach(rows, k, row) {
                if (r->rc == BC_EX_SOFTWARE)
                    return;
                read_row(r, row, dataset, task, metric_names, where);
            }
        json_t *sub = opt_array(r, ds, "subdatasets", where);
        if (sub && depth < 64)
            read_datasets(r, sub, task, task_where, depth + 1);
    }
}

static void read_task(pwc_reader *r, json_t *t, const char *parent, int depth)
{
    char where[300];
    if (!json_is_object(t)) {
        snprintf(where, sizeof where, "%s", parent ? parent : "top level");
        bad(r, where, "a task is not an object");
        return;
    }
    json_t *tv = json_object_get(t, "task");
    const char *name = NULL;
    if (json_is_string(tv))
        name = json_string_value(tv);
    else if (json_is_array(tv) && json_array_size(tv) > 0 &&
             json_is_string(json_array_get(tv, 0)))
        name = json_string_value(json_array_get(tv, 0)); /* the list variant */
    snprintf(where, sizeof where, "%s%s", parent ? parent : "", parent ? ", subtask" : "task");
    if (!name || draft_blank(name) || strlen(name) > DRAFT_NAME_MAX) {
        bad(r, where, name && !draft_blank(name) ? "'task' is too long"
                                                 : "'task' is missing or not a name");
        return;
    }
    char shown[80];
    shorten(shown, sizeof shown, name);
    snprintf(where, sizeof where, "%s%s '%s'", parent ? parent : "", parent ? ", subtask" : "task",
             shown);
    int task;
    if (draft_task_label(r->d, name, r->d->has_base, r->path, r->line, r->col, &task) != BC_OK) {
        oom(r);
        return;
    }
    json_t *datasets = opt_array(r, t, "datasets", where);
    if (datasets)
        read_datasets(r, datasets, task, where, 0);
    json_t *subtasks = opt_array(r, t, "subtasks", where);
    size_t i;
    json_t *st;
    if (subtasks && depth < 64)
        json_array_foreach(subtasks, i, st) {
            if (r->rc == BC_EX_SOFTWARE)
                return;
            read_task(r, st, where, depth + 1);
        }
}

/* Moves past white space from *i, counting lines and code-point columns. */
static void skip_space(const char *s, size_t n, size_t *i, long *line, long *col)
{
    while (*i < n && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == '\n' || s[*i] == '\r')) {
        if (s[*i] == '\n') {
            (*line)++;
            *col = 1;
        } else {
            (*col)++;
        }
        (*i)++;
    }
}

/* Advances the position over bytes s[from..to). */
static void advance(const char *s, size_t from, size_t to, long *line, long *col)
{
    for (size_t i = from; i < to; i++) {
        if (s[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)s[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

int import_pwc(bc_draft *d, const char *path, const char *data, size_t len, const char *source,
               bc_errors *errs)
{
    pwc_reader r = { .d = d, .path = path, .source = source, .errs = errs, .rc = BC_OK };
    long line = 1, col = 1;
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    skip_space(data, len, &i, &line, &col);
    if (i >= len)
        return errors_add(errs, BC_EX_DATAERR, path, line, col,
                          "empty file, expected a JSON array of tasks");
    int single = data[i] == '{';
    if (!single && data[i] != '[')
        return errors_add(errs, BC_EX_DATAERR, path, line, col,
                          "expected '[' (a JSON array of tasks)");
    if (!single) {
        i++;
        col++;
    }
    size_t tasks = 0;
    for (;;) {
        skip_space(data, len, &i, &line, &col);
        if (i >= len) {
            if (single && tasks)
                break;
            return errors_add(errs, BC_EX_DATAERR, path, line, col,
                              "the array of tasks is not closed (']' expected)");
        }
        if (!single && data[i] == ']' && tasks == 0) {
            i++;
            col++;
            break;
        }
        if (single && tasks) {
            return errors_add(errs, BC_EX_DATAERR, path, line, col,
                              "text after the task object");
        }
        json_error_t err;
        json_t *t = json_loadb(data + i, len - i, JSON_DISABLE_EOF_CHECK, &err);
        if (!t) {
            long el = err.line > 0 ? line + err.line - 1 : line;
            long ec = err.line == 1 ? col + err.column - 1 : err.column > 0 ? err.column : 1;
            return errors_add(errs, BC_EX_DATAERR, path, el, ec, "invalid JSON: %s", err.text);
        }
        r.line = line;
        r.col = col;
        read_task(&r, t, NULL, 0);
        json_decref(t);
        tasks++;
        if (r.rc == BC_EX_SOFTWARE)
            return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
        size_t used = err.position > 0 ? (size_t)err.position : 0;
        advance(data, i, i + used, &line, &col);
        i += used;
        if (single)
            continue;
        skip_space(data, len, &i, &line, &col);
        if (i < len && data[i] == ',') {
            i++;
            col++;
            continue;
        }
        if (i < len && data[i] == ']') {
            i++;
            col++;
            break;
        }
        return errors_add(errs, BC_EX_DATAERR, path, line, col,
                          i < len ? "expected ',' or ']' after a task" :
                                    "the array of tasks is not closed (']' expected)");
    }
    skip_space(data, len, &i, &line, &col);
    if (i < len)
        return errors_add(errs, BC_EX_DATAERR, path, line, col, "text after the array of tasks");
    return r.rc;
}
