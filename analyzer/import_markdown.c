/*
 * import_markdown.c - a catalog from a Markdown pipe table (see
 * import_markdown.h).
 *
 * mdtable.c checks the bytes (UTF-8, no NUL: every later position is
 * trustworthy) and finds the tables.  Here the header is mapped to
 * columns, and the physical lines of each body row are joined: a line
 * with fewer cells than the header continues on the next one when the
 * two together do not exceed the header, which is how an editor's hard
 * wrap looks (a line ending without a pipe continues its last cell).
 * Each row then gives its model, its mapped facets, and its datasets
 * cell, which mentions.c splits into mentions.
 */
#include "import_markdown.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mdtable.h"
#include "mdtext.h"
#include "mentions.h"

typedef struct {
    const char *path;
    const char *text;
    md_doc doc;          /* its lines and tables */
    bc_draft *d;
    bc_errors *errs;
    const import_markdown_opts *o;
    bc_strlist keys;     /* facet names given with --map */
    int oom;
} md_file;

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
static int row_append(md_row *r, md_cells *lc, int join)
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
    if (draft_blank(name) || strcmp(name, "-") == 0) {
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
            char num[64];
            if (strcmp(map[c].facet, "llm_params_b") == 0 &&
                (draft_parse_score(v, num, sizeof num) != 1 || num[0] == '-' ||
                 strspn(num, "0.") == strlen(num))) {
                rc = draft_note_add(d, f->path, p.line, p.col, v, "not a number of billions",
                                    "llm_params_b left empty", "write a number such as 7");
                break;
            }
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

static int line_split(md_file *f, size_t li, md_cells *lc)
{
    if (mdtable_split(f->text, &f->doc.lines[li], lc) < 0) {
        mdtable_cells_release(lc);
        f->oom = 1;
        return -1;
    }
    return 0;
}

/* Cells a line adds to a row: its cell count, less one when it joins the last cell. */
static size_t adds(const md_cells *lc, int join)
{
    return lc->n - (join && lc->n ? 1 : 0);
}

static int read_table(md_file *f, const md_table *t, const col_map *map, size_t ncols)
{
    int rc = BC_OK;
    size_t li = t->body;
    while (li < t->end && rc == BC_OK) {
        md_row row = { 0 };
        md_cells lc;
        if (line_split(f, li, &lc) < 0)
            return BC_EX_SOFTWARE;
        row.line = f->doc.lines[li].no;
        int ended_pipe = lc.trailing_pipe;
        if (row_append(&row, &lc, 0) < 0)
            rc = BC_EX_SOFTWARE;
        mdtable_cells_release(&lc);
        li++;
        /* an editor's wrap: the next lines complete a short row */
        while (rc == BC_OK && row.n < ncols && li < t->end) {
            md_cells next;
            if (line_split(f, li, &next) < 0) {
                rc = BC_EX_SOFTWARE;
                break;
            }
            int join = !ended_pipe;
            if (row.n + adds(&next, join) > ncols || next.n >= ncols) {
                mdtable_cells_release(&next);
                break;
            }
            ended_pipe = next.trailing_pipe;
            if (row_append(&row, &next, join) < 0)
                rc = BC_EX_SOFTWARE;
            mdtable_cells_release(&next);
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
    md_file f = { .path = path, .text = data, .doc = { .text = data }, .d = d, .errs = errs, .o = o };
    int rc = mdtable_check(path, (const unsigned char *)data, len, errs);
    md_cells hc = { 0 };
    col_map *map = NULL;
    char **folded = NULL;
    size_t ncols = 0;
    if (rc != BC_OK)
        return rc;
    if (mdtable_lines(&f.doc, len) < 0 || mdtable_find(&f.doc) < 0) {
        rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
        goto out;
    }
    if (f.doc.n_tables == 0) {
        rc = errors_add(errs, BC_EX_DATAERR, path, 1, 1,
                        "no Markdown table (a header row, then a delimiter row like '|---|---|')");
        goto out;
    }
    if (o->table > 0 && (size_t)o->table > f.doc.n_tables) {
        rc = errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                        "--table %ld: '%s' has %zu table%s", o->table, path, f.doc.n_tables,
                        f.doc.n_tables == 1 ? "" : "s");
        goto out;
    }
    size_t first = o->table > 0 ? (size_t)o->table - 1 : 0;
    size_t last = o->table > 0 ? first + 1 : f.doc.n_tables;
    const md_table *chosen = NULL;
    /* auto mode: the first table with a model column and every --map header */
    int quiet = o->table == 0, missed = -1, missed_model = 0;
    for (size_t ti = first; ti < last && !chosen; ti++) {
        mdtable_cells_release(&hc);
        if (line_split(&f, f.doc.tables[ti].header, &hc) < 0) {
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
                chosen = &f.doc.tables[ti];
    }
    if (!chosen) {
        const md_line *h = &f.doc.lines[f.doc.tables[first].header];
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
    mdtable_cells_release(&hc);
    for (size_t c = 0; folded && c < ncols; c++)
        free(folded[c]);
    free(folded);
    free(map);
    mdtable_release(&f.doc);
    strlist_release(&f.keys);
    return rc;
}
