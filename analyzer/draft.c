/*
 * draft.c - the catalog an import builds, and its review list (see
 * draft.h).
 *
 * Tables are kept as text: an import copies what it read and the
 * catalog loader, run over the rendered bytes before anything is
 * written (draft_io.c), is the one place that decides whether they form
 * a catalog.  Facts are deduplicated with an open-addressing set hashed
 * over their key, so importing a 300k-row dump stays linear.
 */
#include "draft.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char *const key_cols[DRAFT_KINDS] = { "code", "model", "dataset" };

static char *dup_str(const char *s)
{
    size_t n = strlen(s ? s : "") + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s ? s : "", n);
    return p;
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 8;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * size);
    if (!q)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

void draft_init(bc_draft *d)
{
    memset(d, 0, sizeof *d);
}

static void table_release(draft_table *t)
{
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t c = 0; c < t->rows[r].n; c++)
            free(t->rows[r].cells[c]);
        free(t->rows[r].cells);
    }
    for (size_t c = 0; c < t->n_cols; c++)
        free(t->cols[c]);
    free(t->rows);
    free(t->cols);
    names_free(t->names);
    names_free(t->labels);
}

void draft_release(bc_draft *d)
{
    if (!d)
        return;
    for (int k = 0; k < DRAFT_KINDS; k++)
        table_release(&d->t[k]);
    for (size_t i = 0; i < d->n_facts; i++) {
        free(d->facts[i].source);
        free(d->facts[i].score);
        free(d->facts[i].metric);
        free(d->facts[i].split);
    }
    free(d->facts);
    free(d->fact_slots);
    for (size_t i = 0; i < d->n_notes; i++) {
        draft_note *n = &d->notes[i];
        free(n->where);
        free(n->mention);
        free(n->problem);
        free(n->action);
        free(n->suggestion);
    }
    free(d->notes);
    draft_init(d);
}

/* Index of column `col`, added at the end when `add` and missing; -1 when absent or OOM. */
static int column(draft_table *t, const char *col, int add)
{
    for (size_t c = 0; c < t->n_cols; c++)
        if (strcmp(t->cols[c], col) == 0)
            return (int)c;
    if (!add || grow((void **)&t->cols, &t->cap_cols, t->n_cols + 1, sizeof *t->cols) < 0)
        return -1;
    if (!(t->cols[t->n_cols] = dup_str(col)))
        return -1;
    return (int)t->n_cols++;
}

static int ccolumn(const draft_table *t, const char *col)
{
    for (size_t c = 0; c < t->n_cols; c++)
        if (strcmp(t->cols[c], col) == 0)
            return (int)c;
    return -1;
}

int draft_start(bc_draft *d)
{
    for (int k = 0; k < DRAFT_KINDS; k++) {
        draft_table *t = &d->t[k];
        if (t->names)
            continue;
        if (!(t->names = names_new()) || column(t, key_cols[k], 1) < 0)
            return BC_EX_SOFTWARE;
        if (k == DRAFT_TASKS && !(t->labels = names_new()))
            return BC_EX_SOFTWARE;
    }
    return BC_OK;
}

/*
 * Makes text safe to store: control characters (line breaks, tabs, DEL)
 * become spaces, and text longer than the loader's field cap is cut at a
 * character boundary below it.
 */
static void clean_text(char *v)
{
    size_t n = 0;
    for (unsigned char *p = (unsigned char *)v; *p; p++, n++)
        if (*p < 0x20 || *p == 0x7f)
            *p = ' ';
    if (n >= DRAFT_TEXT_MAX) {
        size_t k = DRAFT_TEXT_MAX - 1;
        while (k > 0 && ((unsigned char)v[k] & 0xC0) == 0x80)
            k--;
        v[k] = '\0';
    }
}

/*
 * The text names are keyed by: as stored (control characters as spaces),
 * so a name finds the row the loader will find for it.  Returns `s`, or a
 * cleaned copy in *tmp (free it); NULL when memory runs out.
 */
static const char *keyable(const char *s, char **tmp)
{
    *tmp = NULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f) {
            if (!(*tmp = dup_str(s)))
                return NULL;
            clean_text(*tmp);
            return *tmp;
        }
    return s;
}

static int key_find(const bc_names *t, const char *name)
{
    char *tmp;
    const char *k = keyable(name, &tmp);
    int r = k ? names_find(t, k) : -1;
    free(tmp);
    return r;
}

static int key_add(bc_names *t, const char *name, int id, int canonical)
{
    char *tmp;
    const char *k = keyable(name, &tmp);
    int r = k ? names_add(t, k, id, canonical) : -2;
    free(tmp);
    return r;
}

static const char *cell(const draft_table *t, int row, int c)
{
    if (row < 0 || (size_t)row >= t->n_rows || c < 0)
        return "";
    const draft_row *r = &t->rows[row];
    return (size_t)c < r->n && r->cells[c] ? r->cells[c] : "";
}

static int set_cell(draft_table *t, int row, int c, const char *value)
{
    draft_row *r = &t->rows[row];
    if ((size_t)c >= r->n) {
        char **cells = realloc(r->cells, ((size_t)c + 1) * sizeof *cells);
        if (!cells)
            return BC_EX_SOFTWARE;
        for (size_t i = r->n; i <= (size_t)c; i++)
            cells[i] = NULL;
        r->cells = cells;
        r->n = (size_t)c + 1;
    }
    char *v = dup_str(value);
    if (!v)
        return BC_EX_SOFTWARE;
    clean_text(v);
    free(r->cells[c]);
    r->cells[c] = v;
    return BC_OK;
}

int draft_find(const bc_draft *d, draft_kind k, const char *name)
{
    return d->t[k].names ? key_find(d->t[k].names, name) : -1;
}

const char *draft_get(const bc_draft *d, draft_kind k, int row, const char *col)
{
    return cell(&d->t[k], row, ccolumn(&d->t[k], col));
}

int draft_task_find(const bc_draft *d, const char *label)
{
    int r = draft_find(d, DRAFT_TASKS, label);
    if (r < 0 && d->t[DRAFT_TASKS].labels)
        r = key_find(d->t[DRAFT_TASKS].labels, label);
    return r;
}

int draft_add(bc_draft *d, draft_kind k, const char *name, int *row, int *created)
{
    draft_table *t = &d->t[k];
    int r = draft_find(d, k, name);
    if (created)
        *created = r < 0;
    if (r < 0) {
        if (t->n_rows >= (size_t)INT32_MAX ||
            grow((void **)&t->rows, &t->cap_rows, t->n_rows + 1, sizeof *t->rows) < 0)
            return BC_EX_SOFTWARE;
        r = (int)t->n_rows;
        t->rows[r] = (draft_row){ NULL, 0 };
        t->n_rows++;
        if (set_cell(t, r, 0, name) != BC_OK || key_add(t->names, name, r, 1) == -2)
            return BC_EX_SOFTWARE;
    }
    if (row)
        *row = r;
    return BC_OK;
}

int draft_set(bc_draft *d, draft_kind k, int row, const char *col, const char *value,
              int overwrite)
{
    draft_table *t = &d->t[k];
    int c = column(t, col, 1);
    if (c < 0)
        return BC_EX_SOFTWARE;
    if (!overwrite && *cell(t, row, c))
        return BC_OK;
    if (k == DRAFT_TASKS && strcmp(col, "name") == 0 && *value &&
        key_add(t->labels, value, row, 1) == -2)
        return BC_EX_SOFTWARE;
    return set_cell(t, row, c, value);
}

/* Whether the ';' list `list` holds an item folding like `item`. */
static int list_has(const char *list, const char *item)
{
    char *key = names_fold(item);
    if (!key)
        return 0;
    int found = 0;
    const char *p = list;
    while (*p && !found) {
        const char *e = strchr(p, ';');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *one = malloc(n + 1);
        if (one) {
            memcpy(one, p, n);
            one[n] = '\0';
            char *k2 = names_fold(one);
            found = k2 && strcmp(k2, key) == 0;
            free(k2);
            free(one);
        }
        p += n + (e ? 1 : 0);
    }
    free(key);
    return found;
}

int draft_list_add(bc_draft *d, draft_kind k, int row, const char *col, const char *item)
{
    draft_table *t = &d->t[k];
    if (draft_blank(item))
        return BC_OK;
    int c = column(t, col, 1);
    if (c < 0)
        return BC_EX_SOFTWARE;
    const char *old = cell(t, row, c);
    if (list_has(old, item) || strlen(old) + strlen(item) + 2 >= DRAFT_TEXT_MAX)
        return BC_OK; /* already there, or the list is full */
    if (strcmp(col, "aliases") == 0) {
        int holder = key_find(t->names, item);
        if (holder >= 0)
            return BC_OK; /* the key itself, or another row's name: not an alias of this one */
        if (key_add(t->names, item, row, 0) == -2)
            return BC_EX_SOFTWARE;
    }
    size_t n = strlen(old), m = strlen(item);
    char *v = malloc(n + m + 2);
    if (!v)
        return BC_EX_SOFTWARE;
    memcpy(v, old, n);
    size_t at = n;
    if (n)
        v[at++] = ';';
    memcpy(v + at, item, m + 1);
    int rc = set_cell(t, row, c, v);
    free(v);
    return rc;
}

/* ---------------------------------------------------------------- facts */

static uint64_t hash_mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static uint64_t fact_hash(int model, int dataset, int task, bc_role role)
{
    uint64_t h = 14695981039346656037ull;
    int v[4] = { model, dataset, task, (int)role };
    return hash_mix(h, v, sizeof v);
}

static int fact_same(const draft_fact *f, int model, int dataset, int task, bc_role role)
{
    return f->model == model && f->dataset == dataset && f->task == task && f->role == role;
}

static int rehash_facts(bc_draft *d)
{
    size_t n = d->n_fact_slots ? d->n_fact_slots * 2 : 1024;
    size_t *slots = calloc(n, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < d->n_facts; i++) {
        const draft_fact *f = &d->facts[i];
        size_t s = fact_hash(f->model, f->dataset, f->task, f->role) & (n - 1);
        while (slots[s])
            s = (s + 1) & (n - 1);
        slots[s] = i + 1;
    }
    free(d->fact_slots);
    d->fact_slots = slots;
    d->n_fact_slots = n;
    return 0;
}

int draft_add_fact(bc_draft *d, int model, int dataset, int task, bc_role role,
                   const char *source, const char *score, const char *metric, const char *split,
                   int *added)
{
    metric = metric ? metric : "";
    split = split ? split : "";
    if (added)
        *added = 0;
    if ((d->n_facts + 1) * 2 > d->n_fact_slots && rehash_facts(d) < 0)
        return BC_EX_SOFTWARE;
    size_t mask = d->n_fact_slots - 1;
    size_t s = fact_hash(model, dataset, task, role) & mask;
    while (d->fact_slots[s]) {
        if (fact_same(&d->facts[d->fact_slots[s] - 1], model, dataset, task, role))
            return BC_OK;
        s = (s + 1) & mask;
    }
    if (grow((void **)&d->facts, &d->cap_facts, d->n_facts + 1, sizeof *d->facts) < 0)
        return BC_EX_SOFTWARE;
    draft_fact *f = &d->facts[d->n_facts];
    *f = (draft_fact){ model, dataset, task, role, dup_str(source), dup_str(score),
                       dup_str(metric), dup_str(split) };
    d->n_facts++;
    if (!f->source || !f->score || !f->metric || !f->split)
        return BC_EX_SOFTWARE;
    clean_text(f->source);
    clean_text(f->metric);
    clean_text(f->split);
    d->fact_slots[s] = d->n_facts;
    if (added)
        *added = 1;
    /* A dataset serves the tasks it is used for. */
    if (dataset >= 0 && task >= 0) {
        const char *code = cell(&d->t[DRAFT_TASKS], task, 0);
        return draft_list_add(d, DRAFT_DATASETS, dataset, "tasks", code);
    }
    return BC_OK;
}

/* ---------------------------------------------------------------- scores */

int draft_parse_score(const char *text, char *out, size_t cap)
{
    const char *s = text;
    while (*s == ' ' || *s == '\t')
        s++;
    size_t i = 0;
    int neg = 0;
    if (s[i] == '+' || s[i] == '-')
        neg = s[i++] == '-';
    char dig[64];            /* the digits, integer and fraction part together */
    size_t nd = 0, ni = 0;   /* digits kept, of which before the point */
    int over = 0;
    for (; s[i] >= '0' && s[i] <= '9'; i++, ni++)
        if (nd < sizeof dig)
            dig[nd++] = s[i];
        else
            over = 1;
    if (s[i] == '.')
        for (i++; s[i] >= '0' && s[i] <= '9'; i++)
            if (nd < sizeof dig)
                dig[nd++] = s[i];
    if (!nd || over || cap < 2)
        return 0;
    long point = (long)ni;   /* digits before the decimal point */
    if (s[i] == 'e' || s[i] == 'E') {
        size_t j = i + 1;
        int eneg = 0;
        if (s[j] == '+' || s[j] == '-')
            eneg = s[j++] == '-';
        if (s[j] >= '0' && s[j] <= '9') {
            long e = 0;
            for (; s[j] >= '0' && s[j] <= '9'; j++)
                if (e < 1000)
                    e = e * 10 + (s[j] - '0');
            if (e > 30)
                return 0; /* not a score anyone writes */
            point += eneg ? -e : e;
            i = j;
        }
    }
    /* the catalog's form: -?[0-9]+(\.[0-9]+)?, no exponent, no '+' */
    char buf[160];
    size_t n = 0;
    if (neg)
        buf[n++] = '-';
    if (point <= 0) {
        buf[n++] = '0';
        buf[n++] = '.';
        for (long k = 0; k < -point; k++)
            buf[n++] = '0';
        memcpy(buf + n, dig, nd);
        n += nd;
    } else {
        size_t first = 0; /* leading zeros of the integer part, one kept */
        while (first + 1 < (size_t)point && first < nd && dig[first] == '0')
            first++;
        for (long k = (long)first; k < point; k++)
            buf[n++] = (size_t)k < nd ? dig[k] : '0';
        if ((size_t)point < nd) {
            buf[n++] = '.';
            memcpy(buf + n, dig + point, nd - (size_t)point);
            n += nd - (size_t)point;
        }
    }
    buf[n] = '\0';
    if (n >= cap)
        return 0;
    memcpy(out, buf, n + 1);
    const char *rest = s + i;
    if (*rest == '%')
        rest++;
    while (*rest == ' ' || *rest == '\t')
        rest++;
    return *rest ? 2 : 1;
}

/* ---------------------------------------------------------------- notes */

int draft_note_add(bc_draft *d, const char *file, long line, long col, const char *mention,
                   const char *problem, const char *action, const char *suggestion)
{
    if (grow((void **)&d->notes, &d->cap_notes, d->n_notes + 1, sizeof *d->notes) < 0)
        return BC_EX_SOFTWARE;
    char where[64];
    char *w;
    if (file) {
        snprintf(where, sizeof where, ":%ld:%ld", line, col);
        size_t n = strlen(file), m = strlen(where);
        w = malloc(n + m + 1);
        if (w) {
            memcpy(w, file, n);
            memcpy(w + n, where, m + 1);
        }
    } else {
        w = dup_str("");
    }
    draft_note *nt = &d->notes[d->n_notes++];
    *nt = (draft_note){ w, dup_str(mention), dup_str(problem), dup_str(action),
                        dup_str(suggestion) };
    if (!nt->where || !nt->mention || !nt->problem || !nt->action || !nt->suggestion)
        return BC_EX_SOFTWARE;
    clean_text(nt->mention);
    clean_text(nt->suggestion);
    return BC_OK;
}

static const char *const kind_nouns[DRAFT_KINDS] = { "task", "model", "dataset" };

/* "Did you mean", within the bounds of DRAFT_SUGGEST_MAX and DRAFT_SUGGEST_LOOKUPS. */
static const char *suggest(bc_draft *d, draft_kind k, const bc_names *t, const char *name)
{
    if (!d->suggest || d->t[k].n_rows > DRAFT_SUGGEST_MAX ||
        d->suggested[k] >= DRAFT_SUGGEST_LOOKUPS)
        return NULL;
    d->suggested[k]++;
    return names_suggest(t, name);
}

int draft_resolve(bc_draft *d, draft_kind k, const char *name, const char *file, long line,
                  long col, int *row)
{
    *row = -1;
    if (draft_blank(name))
        return BC_OK; /* no name: nothing to resolve */
    *row = draft_find(d, k, name);
    if (*row >= 0)
        return BC_OK;
    const char *near = suggest(d, k, d->t[k].names, name);
    char problem[96], sug[DRAFT_NAME_MAX + 32];
    snprintf(problem, sizeof problem, "%s not in the catalog", kind_nouns[k]);
    sug[0] = '\0';
    if (near)
        snprintf(sug, sizeof sug, "did you mean '%s'?", near);
    if (d->known_only) {
        return draft_note_add(d, file, line, col, name, problem, "skipped (--known-only)",
                              near ? sug : "add it to the catalog or fix the spelling");
    }
    int rc = draft_add(d, k, name, row, NULL);
    if (rc != BC_OK)
        return rc;
    if (d->has_base || near) {
        snprintf(problem, sizeof problem, "new %s", kind_nouns[k]);
        rc = draft_note_add(d, file, line, col, name, problem, "added as a new row",
                            near ? sug : "");
    }
    return rc;
}

void draft_code_from_name(const char *name, char code[DRAFT_CODE_MAX])
{
    size_t n = 0;
    int dash = 0;
    for (const unsigned char *s = (const unsigned char *)name; *s && n < DRAFT_CODE_MAX - 3; s++) {
        unsigned char c = *s;
        int alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum) {
            dash = n > 0;
            continue;
        }
        if (dash) {
            code[n++] = '-';
            dash = 0;
            if (n >= DRAFT_CODE_MAX - 3)
                break;
        }
        code[n++] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    }
    while (n > 0 && code[n - 1] == '-')
        n--;
    code[n] = '\0';
    if (n == 0) {
        strcpy(code, "T");
    } else if (!(code[0] >= 'A' && code[0] <= 'Z')) {
        memmove(code + 2, code, n + 1);
        code[0] = 'T';
        code[1] = '-';
    }
}

int draft_task_label(bc_draft *d, const char *label, int note_new, const char *file, long line,
                     long col, int *row)
{
    *row = -1;
    if (draft_blank(label))
        return BC_OK; /* no name: no task */
    *row = draft_task_find(d, label);
    if (*row >= 0)
        return BC_OK;
    const char *near = note_new || d->known_only
                           ? suggest(d, DRAFT_TASKS, d->t[DRAFT_TASKS].labels, label) : NULL;
    char sug[DRAFT_NAME_MAX + 32] = "";
    if (near)
        snprintf(sug, sizeof sug, "did you mean '%s'?", near);
    if (d->known_only)
        return draft_note_add(d, file, line, col, label, "task not in the catalog",
                              "fact written without this task (--known-only)",
                              near ? sug : "add the task to tasks.csv or map the label to a code");
    /* a derived code already taken gets a suffix; the row count keeps the search short */
    char base[DRAFT_CODE_MAX], code[DRAFT_CODE_MAX + 24];
    draft_code_from_name(label, base);
    snprintf(code, sizeof code, "%s", base);
    for (size_t i = d->t[DRAFT_TASKS].n_rows + 1; draft_find(d, DRAFT_TASKS, code) >= 0; i++)
        snprintf(code, sizeof code, "%s-%zu", base, i);
    int rc = draft_add(d, DRAFT_TASKS, code, row, NULL);
    if (rc == BC_OK)
        rc = draft_set(d, DRAFT_TASKS, *row, "name", label, 0);
    if (rc == BC_OK && note_new) {
        char action[DRAFT_CODE_MAX + 48];
        snprintf(action, sizeof action, "added as task '%s'", code);
        rc = draft_note_add(d, file, line, col, label, "new task", action, sug);
    }
    return rc;
}

int draft_column(bc_draft *d, draft_kind k, const char *col)
{
    return column(&d->t[k], col, 1);
}

int draft_blank(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (!(*p <= 0x20 || *p == 0x7f))
            return 0;
    return 1;
}
