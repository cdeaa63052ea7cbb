/*
 * mentions.c - a datasets cell split into mentions and resolved (see
 * mentions.h).
 *
 * The cell is tokenised once, left to right, into mentions (byte ranges
 * with their parenthesised groups) and labels (a leading "X:" or a
 * trailing group); then every mention is classified in a fixed order:
 * a known name, a list of task codes, a name followed by a task code, an
 * amount, a description, a new name.  Only the last two steps can add a
 * dataset, and only a plain name ever becomes one.
 */
#include "mentions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GROUPS 8
#define MAX_TASKS 16

typedef struct {
    size_t a, b;              /* the mention, trimmed: s[a..b) */
    size_t ga[MAX_GROUPS], gb[MAX_GROUPS]; /* group contents s[ga..gb) */
    int ng;
    int label;                /* index into labels, -1 = none */
} mention;

typedef struct {
    size_t a, b;              /* label text s[a..b) */
    int done;                 /* resolved (with new tasks allowed) */
    int rows[MAX_TASKS];
    int n;
} label;

typedef struct {
    bc_draft *d;
    const char *path;
    const md_text *cell;
    const char *s;
    size_t n;
    mention *m;
    size_t n_m, cap_m;
    label *l;
    size_t n_l, cap_l;
    int model;
    bc_role role;
    const char *source;
    int rc;
} reader;

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

static int is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static char *copy(const char *s, size_t a, size_t b)
{
    char *t = malloc(b - a + 1);
    if (t) {
        memcpy(t, s + a, b - a);
        t[b - a] = '\0';
    }
    return t;
}

static void note(reader *r, size_t at, const char *text, const char *problem,
                 const char *action, const char *suggestion)
{
    if (r->rc != BC_OK)
        return;
    md_pos p = mdtext_at(r->cell, at);
    r->rc = draft_note_add(r->d, r->path, p.line, p.col, text, problem, action, suggestion);
}

/* ---------------------------------------------------------------- words */

/* An amount: a number, maybe with ~ or a unit letter, then a space, end or unit word. */
static int is_amount(const char *s)
{
    while (*s == '~' || *s == '>' || *s == '<' || *s == '+' || is_space(*s))
        s++;
    if (strncmp(s, "\xE2\x89\x88", 3) == 0) /* U+2248 almost equal */
        s += 3;
    if (!is_digit(*s))
        return 0;
    while (is_digit(*s) || *s == '.' || *s == ',')
        s++;
    if (*s == 'k' || *s == 'K' || *s == 'm' || *s == 'M' || *s == 'b' || *s == 'B' ||
        *s == 'h' || *s == '+')
        s++;
    if (*s == '+')
        s++;
    return *s == '\0' || is_space(*s) || strncmp(s, "hours", 5) == 0 || strncmp(s, "hrs", 3) == 0;
}

static const char *const languages[] = {
    "english", "mandarin", "chinese", "cantonese", "french", "german", "spanish", "japanese",
    "korean", "arabic", "russian", "italian", "portuguese", "dutch", "hindi", "multilingual",
    "en", "zh", "fr", "de", "es", "ja", "ko", "ar", "ru", "it", "pt", "nl", "hi", NULL
};

/* Every ','-separated item of s[a..b) is a language. */
static int all_languages(const char *s, size_t a, size_t b)
{
    size_t i = a;
    while (i < b) {
        while (i < b && (is_space(s[i]) || s[i] == ','))
            i++;
        size_t j = i;
        while (j < b && s[j] != ',')
            j++;
        size_t e = j;
        while (e > i && is_space(s[e - 1]))
            e--;
        if (e > i) {
            int hit = 0;
            for (size_t k = 0; languages[k] && !hit; k++)
                hit = strlen(languages[k]) == e - i && strncasecmp(languages[k], s + i, e - i) == 0;
            if (!hit)
                return 0;
        }
        i = j;
    }
    return 1;
}

static const char *const function_words[] = { "of", "for", "by", "over", "from", "with", "the",
                                               "in", "on", "to", "via", "using", "data", "about",
                                               "into", NULL };

/* A phrase, not a name: a function word, a lower-case first word, or many words. */
static int is_description(const char *t)
{
    size_t words = 0;
    int fw = 0;
    const char *p = t;
    while (*p) {
        while (is_space(*p))
            p++;
        if (!*p)
            break;
        const char *e = p;
        while (*e && !is_space(*e))
            e++;
        for (size_t k = 0; function_words[k] && !fw; k++)
            fw = strlen(function_words[k]) == (size_t)(e - p) &&
                 strncasecmp(function_words[k], p, (size_t)(e - p)) == 0;
        words++;
        p = e;
    }
    int lower_first = *t >= 'a' && *t <= 'z';
    return fw || words >= 6 || (lower_first && words >= 2);
}

/* A token written as a task code of the draft ("ASR"), case as written. */
static int code_token(const reader *r, const char *tok, size_t n)
{
    if (n < 2 || n > 12 || !is_upper(tok[0]))
        return -1;
    for (size_t i = 0; i < n; i++)
        if (!(is_upper(tok[i]) || is_digit(tok[i]) || tok[i] == '-'))
            return -1;
    char buf[16];
    memcpy(buf, tok, n);
    buf[n] = '\0';
    return draft_find(r->d, DRAFT_TASKS, buf);
}

/* Collects the task-code tokens of t (up to max); returns how many tokens t has. */
static size_t code_tokens(const reader *r, const char *t, int *rows, int *n, int max,
                          size_t *last_start)
{
    size_t words = 0;
    *n = 0;
    const char *p = t;
    while (*p) {
        while (is_space(*p) || *p == '/')
            p++;
        if (!*p)
            break;
        const char *e = p;
        while (*e && !is_space(*e) && *e != '/')
            e++;
        int row = code_token(r, p, (size_t)(e - p));
        if (row >= 0 && *n < max)
            rows[(*n)++] = row;
        if (last_start)
            *last_start = (size_t)(p - t);
        words++;
        p = e;
    }
    return words;
}

/* Only white space and control characters in s[a..b). */
static int blank_range(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (!((unsigned char)s[i] <= 0x20 || s[i] == 0x7f))
            return 0;
    return 1;
}

/* ---------------------------------------------------------------- labels */

/* Resolves a label's items into task rows; new tasks only when `create`. */
static void label_resolve(reader *r, label *lb, int create, int *rows, int *n)
{
    *n = 0;
    if (lb->done) {
        memcpy(rows, lb->rows, (size_t)lb->n * sizeof *rows);
        *n = lb->n;
        return;
    }
    size_t i = lb->a;
    while (i < lb->b && r->rc == BC_OK) {
        while (i < lb->b && (is_space(r->s[i]) || r->s[i] == ',' || r->s[i] == ';' ||
                             r->s[i] == '&'))
            i++;
        size_t j = i;
        while (j < lb->b && r->s[j] != ',' && r->s[j] != ';' && r->s[j] != '&')
            j++;
        size_t e = j;
        while (e > i && is_space(r->s[e - 1]))
            e--;
        if (e > i && !blank_range(r->s, i, e)) {
            char *item = copy(r->s, i, e);
            if (!item) {
                r->rc = BC_EX_SOFTWARE;
                return;
            }
            int row = draft_task_find(r->d, item);
            int found[MAX_TASKS], nf = 0;
            if (row >= 0) {
                found[nf++] = row;
            } else {
                code_tokens(r, item, found, &nf, MAX_TASKS, NULL);
                if (nf) {
                    char sug[128];
                    snprintf(sug, sizeof sug, "read as task '%s'",
                             draft_get(r->d, DRAFT_TASKS, found[0], "code"));
                    note(r, i, item, "task label is not a task code or name",
                         "the task code inside it was used", sug);
                } else if (create) {
                    md_pos p = mdtext_at(r->cell, i);
                    r->rc = draft_task_label(r->d, item, 1, r->path, p.line, p.col, &row);
                    if (row >= 0)
                        found[nf++] = row;
                }
            }
            for (int k = 0; k < nf && *n < MAX_TASKS; k++)
                rows[(*n)++] = found[k];
            free(item);
        }
        i = j;
    }
    if (create) {
        memcpy(lb->rows, rows, (size_t)*n * sizeof *rows);
        lb->n = *n;
        lb->done = 1;
    }
}

/* Makes room for one more element in *p (n used of *cap); 0, or -1 (r->rc set) on OOM. */
static int room(reader *r, void **p, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return 0;
    size_t c = *cap ? *cap * 2 : 16;
    void *q = realloc(*p, c * size);
    if (!q) {
        r->rc = BC_EX_SOFTWARE;
        return -1;
    }
    *p = q;
    *cap = c;
    return 0;
}

static int add_label(reader *r, size_t a, size_t b)
{
    if (room(r, (void **)&r->l, r->n_l, &r->cap_l, sizeof *r->l) < 0)
        return -1;
    r->l[r->n_l] = (label){ a, b, 0, { 0 }, 0 };
    return (int)r->n_l++;
}

/* ---------------------------------------------------------------- tokens */

/* The text of s[a..b) without its groups, white space folded; *at = first byte kept. */
static char *outside_groups(const reader *r, const mention *m, size_t *at)
{
    char *t = malloc(m->b - m->a + 1);
    if (!t)
        return NULL;
    size_t n = 0;
    int g = 0, space = 0;
    *at = m->a;
    for (size_t i = m->a; i < m->b; i++) {
        if (g < m->ng && i == m->ga[g] - 1) { /* skip "(...)" */
            i = m->gb[g] < m->b ? m->gb[g] : m->b - 1;
            g++;
            space = n > 0;
            continue;
        }
        char c = r->s[i];
        if (is_space(c)) {
            space = n > 0;
            continue;
        }
        if (!n)
            *at = i;
        if (space)
            t[n++] = ' ';
        space = 0;
        t[n++] = c;
    }
    while (n && (t[n - 1] == '.' || is_space(t[n - 1])))
        n--;
    t[n] = '\0';
    /* ", and X": the leading word "and" is a separator */
    if (strncmp(t, "and ", 4) == 0 || strncmp(t, "& ", 2) == 0) {
        size_t k = t[0] == '&' ? 2 : 4;
        memmove(t, t + k, n - k + 1);
    }
    return t;
}

/* Whether the group g of m is a note (amount, languages) rather than a task label. */
static int group_is_note(const reader *r, const mention *m, int g)
{
    char *gt = copy(r->s, m->ga[g], m->gb[g]);
    if (!gt)
        return 1;
    int noteish = is_amount(gt) || all_languages(r->s, m->ga[g], m->gb[g]);
    free(gt);
    return noteish;
}

static int push_mention(reader *r, size_t a, size_t b, const size_t *ga, const size_t *gb,
                        int ng, int scope, size_t *pending)
{
    while (a < b && is_space(r->s[a]))
        a++;
    while (b > a && (is_space(r->s[b - 1])))
        b--;
    if (a == b)
        return 0;
    if (room(r, (void **)&r->m, r->n_m, &r->cap_m, sizeof *r->m) < 0)
        return -1;
    mention *m = &r->m[r->n_m];
    memset(m, 0, sizeof *m);
    m->a = a;
    m->b = b;
    for (int g = 0; g < ng; g++)
        if (ga[g] > a && gb[g] <= b) {
            m->ga[m->ng] = ga[g];
            m->gb[m->ng++] = gb[g];
        }
    m->label = scope;
    r->n_m++;
    /* a trailing group that is not a note labels this mention and the pending ones */
    if (m->ng) {
        int g = m->ng - 1;
        size_t end = m->gb[g] < r->n && r->s[m->gb[g]] == ')' ? m->gb[g] + 1 : m->gb[g];
        size_t at;
        char *t = outside_groups(r, m, &at);
        char *full = copy(r->s, m->a, m->b);
        if (!t || !full) {
            free(t);
            free(full);
            r->rc = BC_EX_SOFTWARE;
            return -1;
        }
        int rows[MAX_TASKS], nt = 0;
        size_t words = code_tokens(r, t, rows, &nt, MAX_TASKS, NULL);
        int task_mention = words > 0 && (size_t)nt == words;
        int named = draft_find(r->d, DRAFT_DATASETS, full) >= 0;
        free(t);
        free(full);
        if (end == m->b && !named && !task_mention && !group_is_note(r, m, g)) {
            int li = add_label(r, m->ga[g], m->gb[g]);
            if (li < 0)
                return -1;
            for (size_t k = *pending; k < r->n_m; k++)
                r->m[k].label = li;
            *pending = r->n_m;
        }
    }
    return 0;
}

/* A leading "LABEL:" : short, no digit-only text, not a URL scheme. */
static int label_ok(const reader *r, size_t a, size_t colon)
{
    while (a < colon && is_space(r->s[a]))
        a++;
    if (a == colon || colon - a > 40)
        return 0;
    if (colon + 1 < r->n && !is_space(r->s[colon + 1]) && r->s[colon + 1] != '\n')
        return 0;
    int letters = 0, words = 1;
    for (size_t i = a; i < colon; i++) {
        char c = r->s[i];
        if (c == '(' || c == ')' || c == ',' || c == '/')
            return 0;
        if (is_space(c))
            words++;
        letters += (c >= 'a' && c <= 'z') || is_upper(c);
    }
    return letters > 0 && words <= 4;
}

static void tokenize(reader *r)
{
    const char *s = r->s;
    size_t n = r->n, a = 0, pending = 0;
    size_t ga[MAX_GROUPS], gb[MAX_GROUPS];
    int ng = 0, scope = -1;
    for (size_t i = 0; i < n && r->rc == BC_OK;) {
        char c = s[i];
        if (c == '(') {
            int depth = 0;
            size_t j = i;
            for (; j < n; j++) {
                if (s[j] == '(')
                    depth++;
                else if (s[j] == ')' && --depth == 0)
                    break;
                else if (s[j] == '\n')
                    break;
            }
            if (ng < MAX_GROUPS) {
                ga[ng] = i + 1;
                gb[ng++] = j;
            }
            i = j < n && s[j] == ')' ? j + 1 : j;
            /* "(ASR) WavCaps": a closed label group ends the mention */
            size_t k = i;
            while (k < n && is_space(s[k]))
                k++;
            char *gt = copy(s, ga[ng - 1], gb[ng - 1]);
            if (!gt) {
                r->rc = BC_EX_SOFTWARE;
                return;
            }
            int amount = is_amount(gt);
            free(gt);
            if (k < n && !strchr(",;\n()", s[k]) && !amount) {
                if (push_mention(r, a, i, ga, gb, ng, scope, &pending) < 0)
                    return;
                ng = 0;
                a = i;
            }
            continue;
        }
        if (c == ',' || c == ';' || c == '\n') {
            if (push_mention(r, a, i, ga, gb, ng, scope, &pending) < 0)
                return;
            ng = 0;
            a = ++i;
            continue;
        }
        if (is_space(c) && i + 4 < n && strncasecmp(s + i + 1, "and", 3) == 0 &&
            is_space(s[i + 4])) {
            if (push_mention(r, a, i, ga, gb, ng, scope, &pending) < 0)
                return;
            ng = 0;
            a = i + 4;
            i += 4;
            continue;
        }
        if (c == ':' && label_ok(r, a, i)) {
            scope = add_label(r, a, i);
            if (scope < 0)
                return;
            /* trim the label */
            while (r->l[scope].a < i && is_space(s[r->l[scope].a]))
                r->l[scope].a++;
            pending = r->n_m;
            ng = 0;
            a = ++i;
            continue;
        }
        i++;
    }
    if (r->rc == BC_OK)
        push_mention(r, a, n, ga, gb, ng, scope, &pending);
}

/* ---------------------------------------------------------------- facts */

static void fact(reader *r, int dataset, int task)
{
    if (r->rc == BC_OK)
        r->rc = draft_add_fact(r->d, r->model, dataset, task, r->role, r->source, NULL, NULL,
                               NULL, NULL);
}

static const char *const placeholders[] = { "-", "--", "\xE2\x80\x94", "\xE2\x80\x93", "n/a",
                                            "na", "none", "?", "/", ".", "...", "tbd", "unknown",
                                            "x", NULL };

static int is_placeholder(const char *t)
{
    for (size_t k = 0; placeholders[k]; k++)
        if (strcasecmp(placeholders[k], t) == 0)
            return 1;
    return draft_blank(t);
}

/* Appends the rows of extra[0..nx) that rows[0..n) lacks (up to MAX_TASKS); the new count. */
static int add_unique(int *rows, int n, const int *extra, int nx)
{
    for (int k = 0; k < nx && n < MAX_TASKS; k++) {
        int seen = 0;
        for (int j = 0; j < n; j++)
            seen |= rows[j] == extra[k];
        if (!seen)
            rows[n++] = extra[k];
    }
    return n;
}

/* The task rows a mention's label gives, resolved without new tasks unless `create`. */
static int mention_tasks(reader *r, const mention *m, int create, int *rows)
{
    int n = 0;
    if (m->label >= 0)
        label_resolve(r, &r->l[m->label], create, rows, &n);
    return n;
}

static void dataset_facts(reader *r, const mention *m, int dataset, const int *extra, int nx)
{
    int rows[MAX_TASKS];
    int n = mention_tasks(r, m, 1, rows);
    n = add_unique(rows, n, extra, nx);
    if (!n)
        fact(r, dataset, -1);
    for (int k = 0; k < n; k++)
        fact(r, dataset, rows[k]);
}

/* Task-only facts for an amount or a description; returns how many tasks. */
static int task_only(reader *r, const mention *m, const int *extra, int nx, char *codes,
                     size_t cap)
{
    int rows[MAX_TASKS];
    int n = mention_tasks(r, m, 0, rows);
    n = add_unique(rows, n, extra, nx);
    codes[0] = '\0';
    for (int k = 0; k < n; k++) {
        fact(r, -1, rows[k]);
        const char *c = draft_get(r->d, DRAFT_TASKS, rows[k], "code");
        if (strlen(codes) + strlen(c) + 3 < cap) {
            if (codes[0])
                strcat(codes, ", ");
            strcat(codes, c);
        }
    }
    return n;
}

static void classify(reader *r, const mention *m)
{
    size_t at;
    char *t = outside_groups(r, m, &at);
    char *full = copy(r->s, m->a, m->b);
    int codes[MAX_TASKS], nc = 0;
    char action[256], buf[DRAFT_NAME_MAX + 64];
    if (!t || !full) {
        r->rc = BC_EX_SOFTWARE;
        goto out;
    }
    if (is_placeholder(t) && m->ng == 0)
        goto out;
    /* 1. a known name, with or without its parentheses */
    int ds = draft_find(r->d, DRAFT_DATASETS, full);
    /* "Multilingual LibriSpeech(English ASR)": a language subset named in the group */
    for (int g = 0; ds < 0 && *t && g < m->ng; g++) {
        size_t a = m->ga[g], e = a;
        while (a < m->gb[g] && is_space(r->s[a]))
            a++;
        e = a;
        while (e < m->gb[g] && !is_space(r->s[e]) && r->s[e] != ',')
            e++;
        if (e == a || !all_languages(r->s, a, e) || e - a > 40)
            continue;
        char alt[DRAFT_NAME_MAX + 48];
        int w = (int)(e - a);
        snprintf(alt, sizeof alt, "%s %.*s", t, w, r->s + a);
        ds = draft_find(r->d, DRAFT_DATASETS, alt);
        if (ds < 0) {
            snprintf(alt, sizeof alt, "%.*s %s", w, r->s + a, t);
            ds = draft_find(r->d, DRAFT_DATASETS, alt);
        }
        if (ds >= 0) {
            snprintf(buf, sizeof buf, "read as the subset '%s'",
                     draft_get(r->d, DRAFT_DATASETS, ds, "dataset"));
            note(r, at, full, "a language in parentheses after a dataset",
                 "used the subset of that language", buf);
        }
    }
    if (ds < 0 && *t)
        ds = draft_find(r->d, DRAFT_DATASETS, t);
    if (ds >= 0) {
        dataset_facts(r, m, ds, NULL, 0);
        goto out;
    }
    if (draft_blank(t)) /* a lone "(ASR)": the label did its work on the mentions before */
        goto out;
    /* 2. task codes only: "AAC AQA SEC", or a task's name */
    size_t last = 0;
    size_t words = code_tokens(r, t, codes, &nc, MAX_TASKS, &last);
    int named_task = draft_task_find(r->d, t);
    if (named_task >= 0 && nc == 0) {
        codes[nc++] = named_task;
        words = 1;
    }
    if (nc > 0 && (size_t)nc == words) {
        for (int k = 0; k < nc; k++)
            fact(r, -1, codes[k]);
        goto out;
    }
    /* 3. "Multilingual LibriSpeech ASR": a name, then a task code */
    if (nc > 0 && last > 0 && code_token(r, t + last, strlen(t + last)) >= 0) {
        char *rest = copy(t, 0, last);
        if (!rest) {
            r->rc = BC_EX_SOFTWARE;
            goto out;
        }
        size_t e = strlen(rest);
        while (e && is_space(rest[e - 1]))
            rest[--e] = '\0';
        int d2 = draft_find(r->d, DRAFT_DATASETS, rest);
        free(rest);
        if (d2 >= 0) {
            int row = code_token(r, t + last, strlen(t + last));
            dataset_facts(r, m, d2, &row, 1);
            goto out;
        }
    }
    /* 4. a stray letter in front of a known name: "t Alpaca-52K" */
    if (t[0] >= 'a' && t[0] <= 'z' && t[1] == ' ') {
        int d2 = draft_find(r->d, DRAFT_DATASETS, t + 2);
        if (d2 >= 0) {
            snprintf(buf, sizeof buf, "read as '%s'", draft_get(r->d, DRAFT_DATASETS, d2,
                                                               "dataset"));
            note(r, at, t, "stray character before a known dataset", "used the dataset", buf);
            dataset_facts(r, m, d2, NULL, 0);
            goto out;
        }
    }
    /* 5. task codes inside an unknown phrase: "YouTube ASR", "WMT/TED TTS" */
    if (nc > 0) {
        task_only(r, m, codes, nc, action, sizeof action);
        snprintf(buf, sizeof buf, "task-only fact for %s", action);
        note(r, at, t, "not a known dataset; task codes read from it", buf,
             "name the dataset or add it to the catalog");
        goto out;
    }
    /* 6. amounts and 7. descriptions are never datasets */
    int amount = is_amount(t);
    if (amount || is_description(t) || strlen(t) > DRAFT_NAME_MAX) {
        char codes_s[200];
        int n = task_only(r, m, NULL, 0, codes_s, sizeof codes_s);
        if (n)
            snprintf(action, sizeof action, "task-only fact for %s", codes_s);
        else
            snprintf(action, sizeof action, "no fact written");
        note(r, at, full,
             amount ? "amount without a dataset name" : "a description, not a dataset name",
             action, "name the dataset, or leave it out of the datasets column");
        goto out;
    }
    /* 8. a new name */
    md_pos p = mdtext_at(r->cell, at);
    int row;
    r->rc = draft_resolve(r->d, DRAFT_DATASETS, t, r->path, p.line, p.col, &row);
    if (r->rc == BC_OK && row >= 0)
        dataset_facts(r, m, row, NULL, 0);
out:
    free(t);
    free(full);
}

int mentions_read(bc_draft *d, const char *path, const md_text *cell, int model, bc_role role,
                  const char *source)
{
    reader r = { .d = d, .path = path, .cell = cell, .s = cell->s ? cell->s : "",
                 .n = cell->n, .model = model, .role = role, .source = source, .rc = BC_OK };
    tokenize(&r);
    for (size_t i = 0; i < r.n_m && r.rc == BC_OK; i++)
        classify(&r, &r.m[i]);
    free(r.m);
    free(r.l);
    return r.rc;
}
