/*
 * mdtable.c - pipe tables found in Markdown text (see mdtable.h).  The
 * rules are GitHub's (a header row, then a delimiter row of dashes with
 * optional colons; leading and trailing pipes optional; '\|' is a pipe
 * inside a cell; pipes inside code spans do not split) where they are
 * exact, and what survey files do where they are not: a body ends at a
 * blank line or where the next table's header begins.
 */
#include "mdtable.h"

#include <stdlib.h>
#include <string.h>

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
int mdtable_check(const char *path, const unsigned char *s, size_t n, bc_errors *errs)
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

void mdtable_cells_release(md_cells *c)
{
    for (size_t i = 0; i < c->n; i++)
        mdtext_release(&c->cells[i]);
    free(c->cells);
    memset(c, 0, sizeof *c);
}

static md_text *cells_push(md_cells *c)
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

int mdtable_is_blank(const char *s, size_t n)
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
int mdtable_split(const char *text, const md_line *ln, md_cells *out)
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
int mdtable_is_delimiter(const md_cells *c)
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


int mdtable_lines(md_doc *f, size_t len)
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

int mdtable_find(md_doc *f)
{
    size_t cap = 0;
    for (size_t i = 0; i + 1 < f->n_lines; i++) {
        const md_line *h = &f->lines[i], *dl = &f->lines[i + 1];
        if (mdtable_is_blank(f->text + h->off, h->len) || !memchr(f->text + h->off, '|', h->len))
            continue;
        md_cells hc, dc;
        int failed = mdtable_split(f->text, h, &hc) < 0;
        if (failed || mdtable_split(f->text, dl, &dc) < 0) {
            mdtable_cells_release(&hc);
            if (!failed)
                mdtable_cells_release(&dc);
            return -1;
        }
        int ok = hc.pipes > 0 && mdtable_is_delimiter(&dc) && !mdtable_is_delimiter(&hc);
        mdtable_cells_release(&hc);
        mdtable_cells_release(&dc);
        if (!ok)
            continue;
        /* the body runs to a blank line, or to the header of the next table */
        size_t e = i + 2;
        while (e < f->n_lines && !mdtable_is_blank(f->text + f->lines[e].off, f->lines[e].len)) {
            if (e + 1 < f->n_lines && memchr(f->text + f->lines[e].off, '|', f->lines[e].len)) {
                md_cells nc;
                if (mdtable_split(f->text, &f->lines[e + 1], &nc) < 0) {
                    mdtable_cells_release(&nc);
                    return -1;
                }
                int next_table = mdtable_is_delimiter(&nc);
                mdtable_cells_release(&nc);
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

void mdtable_release(md_doc *doc)
{
    if (!doc)
        return;
    free(doc->lines);
    free(doc->tables);
    doc->lines = NULL;
    doc->tables = NULL;
    doc->n_lines = doc->n_tables = 0;
}
