/*
 * import_markdown.c - a catalog from a Markdown pipe table (see
 * import_markdown.h).
 *
 * Three passes over the text.  The first checks the bytes (UTF-8, no
 * NUL) so that every later position is trustworthy.  The second finds the
 * tables (a header line followed by a delimiter row, as GitHub's spec
 * says) and joins the physical lines of each body row: a line with fewer
 * cells than the header continues on the next one when the two together
 * do not exceed the header, which is how an editor's hard wrap looks.
 * The third reads one row at a time: the model cell, the mapped facets,
 * and the datasets cell, which mentions.c splits into mentions.
 */
#include "import_markdown.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mdtext.h"
#include "mentions.h"

/* ---------------------------------------------------------------- bytes */

/* Length of the UTF-8 sequence at s[i], 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t i, size_t n)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned long cp;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > n)
        return 0;
    for (size_t k = 1; k < len; k++) {
        if ((s[i + k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return len;
}

/* Rejects NUL bytes and invalid UTF-8 with their position. */
static int check_bytes(const char *path, const unsigned char *s, size_t n, bc_errors *errs)
{
    if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
        return errors_add(errs, BC_EX_DATAERR, path, 1, 1,
                          "the file is UTF-16 (byte order mark); save it as UTF-8");
    long line = 1, col = 1;
    for (size_t i = 0; i < n;) {
        if (s[i] == 0)
            return errors_add(errs, BC_EX_DATAERR, path, line, col, "NUL byte in the text");
        size_t k = utf8_len(s, i, n);
        if (!k)
            return errors_add(errs, BC_EX_DATAERR, path, line, col, "invalid UTF-8 byte 0x%02X",
                              s[i]);
        if (s[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        i += k;
    }
    return BC_OK;
}

/* ---------------------------------------------------------------- lines */

typedef struct {
    size_t off, len;     /* bytes of the line, without CR LF */
    long no;             /* 1-based line number */
} md_line;

typedef struct {
    md_text *cells;      /* raw cells with positions */
    size_t n, cap;
    int trailing_pipe;   /* the line ended with an unescaped '|' */
    int pipes;           /* unescaped pipes seen */
} line_cells;

static void cells_release(line_cells *c)
{
    for (size_t i = 0; i < c->n; i++)
        mdtext_release(&c->cells[i]);
    free(c->cells);
    memset(c, 0, sizeof *c);
}

static md_text *cells_push(line_cells *c)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 8;
        md_text *m = realloc(c->cells, cap * sizeof *m);
        if (!m)
            return NULL;
        c->cells = m;
        c->cap = cap;
    }
    mdtext_init(&c->cells[c->n]);
    return &c->cells[c->n++];
}

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

/*
 * Splits one line into raw cells at unescaped pipes (outside code
 * spans); a leading and a trailing pipe open and close the row.
 * Returns 0 or -1 on OOM.
 */
static int split_line(const char *text, const md_line *ln, line_cells *out)
{
    const char *s = text + ln->off;
    size_t n = ln->len, a = 0, b = n;
    memset(out, 0, sizeof *out);
    while (a < b && (s[a] == ' ' || s[a] == '\t'))
        a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
        b--;
    /* column of byte a: code points before it */
    long col = 1;
    for (size_t i = 0; i < a; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            col++;
    size_t i = a;
    if (i < b && s[i] == '|') {
        out->pipes++;
        i++;
        col++;
    }
    md_text *cur = cells_push(out);
    if (!cur)
        return -1;
    int code = 0;
    for (; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        md_pos p = { ln->no, col };
        if (c == '`')
            code = !code;
        if (c == '\\' && i + 1 < b && s[i + 1] == '|') {
            if (mdtext_put(cur, '\\', p) < 0 || mdtext_put(cur, '|', p) < 0)
                return -1;
            i++;
            col += 2;
            continue;
        }
        if (c == '|' && !code) {
            out->pipes++;
            if (mdtext_end(cur) < 0)
                return -1;
            if (i + 1 == b) {
                out->trailing_pipe = 1;
                return 0;
            }
            if (!(cur = cells_push(out)))
                return -1;
            col++;
            continue;
        }
        if (mdtext_put(cur, (char)c, p) < 0)
            return -1;
        if ((c & 0xC0) != 0x80)
            col++;
    }
    return mdtext_end(cur);
}

/* A delimiter row: every cell is :?-+:? with optional spaces, at least one pipe. */
static int is_delimiter(const line_cells *c)
{
    if (c->pipes == 0 || c->n == 0)
        return 0;
    for (size_t i = 0; i < c->n; i++) {
        const char *s = c->cells[i].s ? c->cells[i].s : "";
        size_t k = 0, dashes = 0;
        while (s[k] == ' ' || s[k] == '\t')
            k++;
        if (s[k] == ':')
            k++;
        while (s[k] == '-') {
            k++;
            dashes++;
        }
        if (s[k] == ':')
            k++;
        while (s[k] == ' ' || s[k] == '\t')
            k++;
        if (s[k] || !dashes)
            return 0;
    }
    return 1;
}

/* ---------------------------------------------------------------- tables */

typedef struct {
    size_t header;       /* index into lines of the header */
    size_t body, end;    /* body lines [body, end) */
} md_table;

typedef struct {
    const char *path;
    const char *text;
    md_line *lines;
    size_t n_lines;
    md_table *tables;
    size_t n_tables;
    bc_draft *d;
    bc_errors *errs;
    const import_markdown_opts *o;
    bc_strlist keys;     /* facet names given with --map */
    int oom;
} md_file;

static int find_lines(md_file *f, size_t len)
{
    size_t cap = 64, start = 0;
    long no = 1;
    const char *s = f->text;
    if (len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        start = 3;
    f->lines = malloc(cap * sizeof *f->lines);
    if (!f->lines)
        return -1;
    while (start < len) {
        const char *nl = memchr(s + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - s) : len;
        size_t e = end;
        if (e > start && s[e - 1] == '\r')
            e--;
        if (f->n_lines == cap) {
            cap *= 2;
            md_line *l = realloc(f->lines, cap * sizeof *l);
            if (!l)
                return -1;
            f->lines = l;
        }
        f->lines[f->n_lines++] = (md_line){ start, e - start, no++ };
        start = end + 1;
    }
    return 0;
}

static int find_tables(md_file *f)
{
    size_t cap = 0;
    for (size_t i = 0; i + 1 < f->n_lines; i++) {
        const md_line *h = &f->lines[i], *dl = &f->lines[i + 1];
        if (is_blank(f->text + h->off, h->len) || !memchr(f->text + h->off, '|', h->len))
            continue;
        line_cells hc, dc;
        if (split_line(f->text, h, &hc) < 0 || split_line(f->text, dl, &dc) < 0) {
            cells_release(&hc);
            return -1;
        }
        int ok = hc.pipes > 0 && is_delimiter(&dc) && !is_delimiter(&hc);
        cells_release(&hc);
        cells_release(&dc);
        if (!ok)
            continue;
        /* the body runs to a blank line, or to the header of the next table */
        size_t e = i + 2;
        while (e < f->n_lines && !is_blank(f->text + f->lines[e].off, f->lines[e].len)) {
            if (e + 1 < f->n_lines && memchr(f->text + f->lines[e].off, '|', f->lines[e].len)) {
                line_cells nc;
                if (split_line(f->text, &f->lines[e + 1], &nc) < 0) {
                    cells_release(&nc);
                    return -1;
                }
                int next_table = is_delimiter(&nc);
                cells_release(&nc);
                if (next_table)
                    break;
            }
            e++;
        }
        if (f->n_tables == cap) {
            cap = cap ? cap * 2 : 4;
            md_table *t = realloc(f->tables, cap * sizeof *t);
            if (!t)
                return -1;
            f->tables = t;
        }
        f->tables[f->n_tables++] = (md_table){ i, i + 2, e };
        i = e - 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- columns */

enum { COL_MODEL, COL_DATASETS, COL_PAPER, COL_YEAR, COL_ALIASES, COL_FACET };

typedef struct {
    int role;            /* COL_* */
    const char *facet;   /* models.csv column for COL_FACET */
} col_map;

static const struct {
    const char *header;  /* folded */
    int role;
    const char *facet;
} default_headers[] = {
    { "name", COL_MODEL, NULL },           { "model", COL_MODEL, NULL },
    { "model name", COL_MODEL, NULL },     { "models", COL_MODEL, NULL },
    { "system", COL_MODEL, NULL },
    { "dataset", COL_DATASETS, NULL },     { "datasets", COL_DATASETS, NULL },
    { "data", COL_DATASETS, NULL },        { "training data", COL_DATASETS, NULL },
    { "training dataset", COL_DATASETS, NULL }, { "training datasets", COL_DATASETS, NULL },
    { "train data", COL_DATASETS, NULL },  { "benchmark", COL_DATASETS, NULL },
    { "benchmarks", COL_DATASETS, NULL },  { "evaluation data", COL_DATASETS, NULL },
    { "corpus", COL_DATASETS, NULL },      { "corpora", COL_DATASETS, NULL },
    { "paper", COL_PAPER, NULL },          { "title", COL_PAPER, NULL },
    { "paper title", COL_PAPER, NULL },    { "publication", COL_PAPER, NULL },
    { "year", COL_YEAR, NULL },            { "aliases", COL_ALIASES, NULL },
    { "alias", COL_ALIASES, NULL },
    { "speech model", COL_FACET, "speech_encoder" },
    { "speech encoder", COL_FACET, "speech_encoder" },
    { "audio encoder", COL_FACET, "speech_encoder" },
    { "encoder", COL_FACET, "speech_encoder" },
    { "llm", COL_FACET, "llm" },           { "language model", COL_FACET, "llm" },
    { "base llm", COL_FACET, "llm" },      { "llm backbone", COL_FACET, "llm" },
};

static int map_key_role(const char *key, const char **facet)
{
    static const struct {
        const char *key;
        int role;
    } keys[] = { { "model", COL_MODEL },  { "datasets", COL_DATASETS }, { "dataset", COL_DATASETS },
                 { "paper", COL_PAPER },  { "year", COL_YEAR },         { "aliases", COL_ALIASES } };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(keys[i].key, key) == 0)
            return keys[i].role;
    *facet = key;
    return COL_FACET;
}

/* A models.csv column name of our own making: [a-z][a-z0-9_]*. */
static int valid_facet(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z'))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return 0;
    return 1;
}

/*
 * Maps header cells to roles: --map first, then the defaults for headers
 * no --map claimed.  Returns BC_OK or BC_EX_USAGE / BC_EX_SOFTWARE; when
 * `quiet`, a --map header this table lacks returns -1 without a message.
 */
static int map_columns(md_file *f, const md_text *heads, size_t n, col_map *map, char **folded,
                       int quiet)
{
    const import_markdown_opts *o = f->o;
    for (size_t c = 0; c < n; c++) {
        map[c] = (col_map){ -1, NULL };
        if (!(folded[c] = names_fold(heads[c].s ? heads[c].s : "")))
            return BC_EX_SOFTWARE;
    }
    for (size_t m = 0; m < o->n_maps; m++) {
        const char *eq = strchr(o->maps[m], '=');
        if (!eq || eq == o->maps[m])
            return errors_add(f->errs, BC_EX_USAGE, NULL, 0, 0,
                              "invalid value '%s' for --map: expected KEY=HEADER", o->maps[m]);
        size_t kl = (size_t)(eq - o->maps[m]);
        char key[64];
        if (kl >= sizeof key)
            return errors_add(f->errs, BC_EX_USAGE, NULL, 0, 0,
                              "invalid value '%s' for --map: key too long", o->maps[m]);
        memcpy(key, o->maps[m], kl);
        key[kl] = '\0';
        const char *facet = NULL;
        int role = map_key_role(key, &facet);
        if (role == COL_FACET) { /* the key outlives this call: the file owns a copy */
            if (strlist_push(&f->keys, key) < 0)
                return BC_EX_SOFTWARE;
            facet = f->keys.items[f->keys.n - 1];
        }
        if (role == COL_FACET && !valid_facet(key))
            return errors_add(f->errs, BC_EX_USAGE, NULL, 0, 0,
                              "invalid value '%s' for --map: the key must be model, datasets, "
                              "paper, year, aliases or a column name [a-z][a-z0-9_]*",
                              o->maps[m]);
        char *want = names_fold(eq + 1);
        if (!want)
            return BC_EX_SOFTWARE;
        size_t hit = n;
        for (size_t c = 0; c < n && hit == n; c++)
            if (strcmp(folded[c], want) == 0)
                hit = c;
        if (hit == n && quiet) {
            free(want);
            /* -2: the table looks like the models table, so its header is the one to blame */
            for (size_t c = 0; c < n; c++)
                for (size_t h = 0; h < sizeof default_headers / sizeof default_headers[0]; h++)
                    if (default_headers[h].role == COL_MODEL &&
                        strcmp(default_headers[h].header, folded[c]) == 0)
                        return -2;
            return -1;
        }
        if (hit == n) {
            bc_names *t = names_new();
            const char *near = NULL;
            for (size_t c = 0; t && c < n; c++)
                names_add(t, heads[c].s ? heads[c].s : "", (int)c, 1);
            if (t)
                near = names_suggest(t, eq + 1);
            int rc = near ? errors_add(f->errs, BC_EX_USAGE, NULL, 0, 0,
                                       "--map %s: no column '%s' in the table header "
                                       "(did you mean '%s'?)", key, eq + 1, near)
                          : errors_add(f->errs, BC_EX_USAGE, NULL, 0, 0,
                                       "--map %s: no column '%s' in the table header", key,
                                       eq + 1);
            names_free(t);
            free(want);
            return rc;
        }
        free(want);
        /* a key maps one column: a later --map of the same key wins */
        for (size_t c = 0; c < n; c++)
            if (map[c].role == role && (role != COL_FACET || strcmp(map[c].facet, facet) == 0))
                map[c] = (col_map){ -1, NULL };
        map[hit] = (col_map){ role, facet };
    }
    for (size_t c = 0; c < n; c++) {
        if (map[c].role >= 0)
            continue;
        for (size_t h = 0; h < sizeof default_headers / sizeof default_headers[0]; h++) {
            if (strcmp(default_headers[h].header, folded[c]) != 0)
                continue;
            int role = default_headers[h].role;
            const char *facet = default_headers[h].facet;
            int taken = 0;
            for (size_t k = 0; k < n; k++)
                if (map[k].role == role &&
                    (role != COL_FACET || strcmp(map[k].facet, facet) == 0))
                    taken = 1;
            if (!taken)
                map[c] = (col_map){ role, facet };
            break;
        }
    }
    return BC_OK;
}

/* ---------------------------------------------------------------- rows */

typedef struct {
    md_text *cells;      /* the row's raw cells, joined over its lines */
    size_t n, cap;
    long line;           /* first line of the row */
} md_row;

static void row_release(md_row *r)
{
    for (size_t i = 0; i < r->n; i++)
        mdtext_release(&r->cells[i]);
    free(r->cells);
    memset(r, 0, sizeof *r);
}

/* Appends the cells of one line; the first joins the last cell when `join`. */
static int row_append(md_row *r, line_cells *lc, int join)
{
    for (size_t i = 0; i < lc->n; i++) {
        md_text *src = &lc->cells[i];
        if (i == 0 && join && r->n) {
            md_text *dst = &r->cells[r->n - 1];
            md_pos p = src->n ? src->pos[0] : mdtext_at(dst, dst->n);
            if (mdtext_put(dst, ' ', p) < 0)
                return -1;
            for (size_t k = 0; k < src->n; k++)
                if (mdtext_put(dst, src->s[k], src->pos[k]) < 0)
                    return -1;
            if (mdtext_end(dst) < 0)
                return -1;
            continue;
        }
        if (r->n == r->cap) {
            size_t cap = r->cap ? r->cap * 2 : 8;
            md_text *m = realloc(r->cells, cap * sizeof *m);
            if (!m)
                return -1;
            r->cells = m;
            r->cap = cap;
        }
        r->cells[r->n++] = *src; /* moved */
        mdtext_init(src);
    }
    return 0;
}

static const char *text_of(const md_text *t)
{
    return t->s ? t->s : "";
}

/* Reads one body row into the draft. */
static int read_row(md_file *f, md_row *row, const col_map *map, size_t ncols)
{
    bc_draft *d = f->d;
    const import_markdown_opts *o = f->o;
    md_text clean[64];
    char *urls[64];
    size_t n = row->n < ncols ? row->n : ncols;
    if (n > 64)
        n = 64;
    int rc = BC_OK;
    size_t made = 0;
    for (; made < n; made++) {
        mdtext_init(&clean[made]);
        int br = map[made].role == COL_DATASETS ? '\n' : ' ';
        if (mdtext_clean(&row->cells[made], &clean[made], &urls[made], (char)br) < 0) {
            rc = BC_EX_SOFTWARE;
            made++;
            goto done;
        }
    }
    int mcol = -1;
    for (size_t c = 0; c < n; c++)
        if (map[c].role == COL_MODEL)
            mcol = (int)c;
    const char *name = mcol >= 0 ? text_of(&clean[mcol]) : "";
    md_pos mpos = mcol >= 0 && clean[mcol].n ? clean[mcol].pos[0]
                                             : (md_pos){ row->line, 1 };
    if (!*name || strcmp(name, "-") == 0) {
        int any = 0;
        for (size_t c = 0; c < n; c++)
            any |= clean[c].n > 0;
        if (any)
            rc = draft_note_add(d, f->path, mpos.line, mpos.col, "", "row without a model name",
                                "row skipped", "fill in the model column");
        goto done;
    }
    if (strlen(name) > DRAFT_NAME_MAX) {
        rc = draft_note_add(d, f->path, mpos.line, mpos.col, "", "model name too long",
                            "row skipped", "shorten the model cell");
        goto done;
    }
    int model;
    if ((rc = draft_resolve(d, DRAFT_MODELS, name, f->path, mpos.line, mpos.col, &model)) !=
            BC_OK ||
        model < 0)
        goto done;
    const char *link = NULL;
    for (size_t c = 0; c < n && rc == BC_OK; c++) {
        const char *v = text_of(&clean[c]);
        md_pos p = clean[c].n ? clean[c].pos[0] : (md_pos){ row->line, 1 };
        if ((map[c].role == COL_MODEL || map[c].role == COL_PAPER) && urls[c] && !link)
            link = urls[c];
        if (!*v)
            continue;
        switch (map[c].role) {
        case COL_PAPER:
            rc = draft_set(d, DRAFT_MODELS, model, "paper", v, 0);
            break;
        case COL_YEAR: {
            char *end;
            long y = strtol(v, &end, 10);
            if (*end || y < 1900 || y > 2100)
                rc = draft_note_add(d, f->path, p.line, p.col, v, "not a year",
                                    "year left empty", "write the year as four digits");
            else
                rc = draft_set(d, DRAFT_MODELS, model, "year", v, 0);
            break;
        }
        case COL_ALIASES: {
            bc_strlist l = { 0 };
            if (strlist_split(v, ",;", &l) < 0)
                rc = BC_EX_SOFTWARE;
            for (size_t i = 0; i < l.n && rc == BC_OK; i++)
                rc = draft_list_add(d, DRAFT_MODELS, model, "aliases", l.items[i]);
            strlist_release(&l);
            break;
        }
        case COL_FACET: {
            char *flat = strdup(v);
            if (!flat) {
                rc = BC_EX_SOFTWARE;
                break;
            }
            for (char *q = flat; *q; q++)
                if (*q == '\n')
                    *q = ' ';
            rc = draft_set(d, DRAFT_MODELS, model, map[c].facet, flat, 0);
            free(flat);
            break;
        }
        default:
            break;
        }
    }
    if (rc == BC_OK && link && !*draft_get(d, DRAFT_MODELS, model, "paper"))
        rc = draft_set(d, DRAFT_MODELS, model, "paper", link, 0);
    const char *source = o->source ? o->source : f->path;
    for (size_t c = 0; c < n && rc == BC_OK; c++)
        if (map[c].role == COL_DATASETS)
            rc = mentions_read(d, f->path, &clean[c], model, o->role, source);
done:
    for (size_t c = 0; c < made; c++) {
        mdtext_release(&clean[c]);
        free(urls[c]);
    }
    return rc;
}

static int line_split(md_file *f, size_t li, line_cells *lc)
{
    if (split_line(f->text, &f->lines[li], lc) < 0) {
        cells_release(lc);
        f->oom = 1;
        return -1;
    }
    return 0;
}

/* Cells a line adds to a row: its cell count, less one when it joins the last cell. */
static size_t adds(const line_cells *lc, int join)
{
    return lc->n - (join && lc->n ? 1 : 0);
}

static int read_table(md_file *f, const md_table *t, const col_map *map, size_t ncols)
{
    int rc = BC_OK;
    size_t li = t->body;
    while (li < t->end && rc == BC_OK) {
        md_row row = { 0 };
        line_cells lc;
        if (line_split(f, li, &lc) < 0)
            return BC_EX_SOFTWARE;
        row.line = f->lines[li].no;
        int ended_pipe = lc.trailing_pipe;
        if (row_append(&row, &lc, 0) < 0)
            rc = BC_EX_SOFTWARE;
        cells_release(&lc);
        li++;
        /* an editor's wrap: the next lines complete a short row */
        while (rc == BC_OK && row.n < ncols && li < t->end) {
            line_cells next;
            if (line_split(f, li, &next) < 0) {
                rc = BC_EX_SOFTWARE;
                break;
            }
            int join = !ended_pipe;
            if (row.n + adds(&next, join) > ncols || next.n >= ncols) {
                cells_release(&next);
                break;
            }
            ended_pipe = next.trailing_pipe;
            if (row_append(&row, &next, join) < 0)
                rc = BC_EX_SOFTWARE;
            cells_release(&next);
            li++;
        }
        if (rc == BC_OK && row.n > ncols) {
            for (size_t c = ncols; c < row.n && rc == BC_OK; c++) {
                md_text x;
                mdtext_init(&x);
                if (mdtext_clean(&row.cells[c], &x, NULL, ' ') < 0) {
                    rc = BC_EX_SOFTWARE;
                } else if (x.n) {
                    md_pos p = x.pos[0];
                    rc = draft_note_add(f->d, f->path, p.line, p.col, x.s,
                                        "more cells than the header has columns",
                                        "extra cells ignored",
                                        "escape a '|' inside a cell as '\\|'");
                    c = row.n; /* one note per row */
                }
                mdtext_release(&x);
            }
        }
        if (rc == BC_OK)
            rc = read_row(f, &row, map, ncols);
        row_release(&row);
    }
    return rc;
}

int import_markdown(bc_draft *d, const char *path, const char *data, size_t len,
                    const import_markdown_opts *o, bc_errors *errs)
{
    md_file f = { .path = path, .text = data, .d = d, .errs = errs, .o = o };
    int rc = check_bytes(path, (const unsigned char *)data, len, errs);
    line_cells hc = { 0 };
    col_map *map = NULL;
    char **folded = NULL;
    size_t ncols = 0;
    if (rc != BC_OK)
        return rc;
    if (find_lines(&f, len) < 0 || find_tables(&f) < 0) {
        rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
        goto out;
    }
    if (f.n_tables == 0) {
        rc = errors_add(errs, BC_EX_DATAERR, path, 1, 1,
                        "no Markdown table (a header row, then a delimiter row like '|---|---|')");
        goto out;
    }
    if (o->table > 0 && (size_t)o->table > f.n_tables) {
        rc = errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                        "--table %ld: '%s' has %zu table%s", o->table, path, f.n_tables,
                        f.n_tables == 1 ? "" : "s");
        goto out;
    }
    size_t first = o->table > 0 ? (size_t)o->table - 1 : 0;
    size_t last = o->table > 0 ? first + 1 : f.n_tables;
    const md_table *chosen = NULL;
    /* auto mode: the first table with a model column and every --map header */
    int quiet = o->table == 0, missed = -1, missed_model = 0;
    for (size_t ti = first; ti < last && !chosen; ti++) {
        cells_release(&hc);
        if (line_split(&f, f.tables[ti].header, &hc) < 0) {
            rc = BC_EX_SOFTWARE;
            goto out;
        }
        for (size_t c = 0; folded && c < ncols; c++)
            free(folded[c]);
        free(folded);
        free(map);
        ncols = hc.n;
        map = calloc(ncols ? ncols : 1, sizeof *map);
        folded = calloc(ncols ? ncols : 1, sizeof *folded);
        if (!map || !folded) {
            rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
            goto out;
        }
        md_text *heads = hc.cells;
        md_text cleaned[64];
        size_t nh = ncols < 64 ? ncols : 64;
        for (size_t c = 0; c < nh; c++) {
            mdtext_init(&cleaned[c]);
            if (mdtext_clean(&heads[c], &cleaned[c], NULL, ' ') < 0)
                rc = BC_EX_SOFTWARE;
        }
        if (rc == BC_OK)
            rc = map_columns(&f, cleaned, nh, map, folded, quiet);
        for (size_t c = nh; c < ncols; c++)
            map[c] = (col_map){ -1, NULL };
        for (size_t c = 0; c < nh; c++)
            mdtext_release(&cleaned[c]);
        if (rc == -1 || rc == -2) { /* a --map header this table lacks */
            if (missed < 0 || (rc == -2 && !missed_model)) {
                missed = (int)ti;
                missed_model = rc == -2;
            }
            rc = BC_OK;
            if (quiet && ti + 1 == last) { /* none fits: say why of the first */
                quiet = 0;
                ti = (size_t)missed - 1;
            }
            continue;
        }
        if (rc != BC_OK)
            goto out;
        for (size_t c = 0; c < ncols; c++)
            if (map[c].role == COL_MODEL)
                chosen = &f.tables[ti];
    }
    if (!chosen) {
        const md_line *h = &f.lines[f.tables[first].header];
        rc = errors_add(errs, BC_EX_DATAERR, path, h->no, 1,
                        "no model column in the table header (name one with --map "
                        "model=HEADER)");
        goto out;
    }
    rc = read_table(&f, chosen, map, ncols);
    if (f.oom && rc == BC_OK)
        rc = BC_EX_SOFTWARE;
    if (rc == BC_EX_SOFTWARE)
        errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
out:
    cells_release(&hc);
    for (size_t c = 0; folded && c < ncols; c++)
        free(folded[c]);
    free(folded);
    free(map);
    free(f.lines);
    free(f.tables);
    strlist_release(&f.keys);
    return rc;
}
