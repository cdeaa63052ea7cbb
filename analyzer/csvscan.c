/*
 * csvscan.c - the CSV byte scanner (see csvscan.h).
 *
 * Bytes go through two layers.  Our own scanner walks every byte once and
 * hands libcsv (strict mode) runs of ordinary bytes and every comma,
 * quote, CR and LF on its own, so each libcsv callback is known to have
 * fired on a given byte and every field gets the line and column where it
 * started.
 */
#include "csvscan.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE 65536

struct bc_csvstate {
    struct csv_parser csv;
    int csv_ready;

    /* position of the next byte */
    long line, col;
    int utf8_need;               /* continuation bytes still expected */
    unsigned char utf8_lo, utf8_hi; /* range allowed for the next one */
    long seq_line, seq_col;      /* where the current sequence started */
    unsigned char seq_lead;
    int pending_cr;              /* the previous byte was CR */
    long cr_line, cr_col;

    /* the field libcsv is filling */
    int field_open, field_quoted, row_begun;
    long field_line, field_col;
    size_t field_len;            /* raw bytes fed so far */
    int skip_to_lf;              /* after a parse error: ignore bytes up to the next LF */
    int row_bad;                 /* the row already produced an error */
};

/* ------------------------------------------------------------ messages */

const char *csvscan_shown(const char *s, char buf[128])
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && n < 100) {
        unsigned char c = *p++;
        buf[n++] = (char)(c < 0x20 || c == 0x7f ? '?' : c);
    }
    if (*p) {
        while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
            n--;                                   /* drop a partial sequence */
        if (n > 0 && (unsigned char)buf[n - 1] >= 0xC0)
            n--;
        memcpy(buf + n, "...", 3);
        n += 3;
    }
    buf[n] = '\0';
    return buf;
}

void csvscan_error(bc_csvscan *s, int code, long line, long col, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    errors_add(s->errs, code, s->path, line, col, "%s", msg);
    if (code > s->rc)
        s->rc = code;
    s->n_errors++;
}

void csvscan_oom(bc_csvscan *s)
{
    if (!s->oom)
        errors_add(s->errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory while reading '%s'",
                   s->path);
    s->oom = 1;
    s->stop = 1;
    s->rc = BC_EX_SOFTWARE;
}

void csvscan_init(bc_csvscan *s, const char *path, bc_errors *errs, bc_csvrow_fn on_row,
                  void *user)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    s->errs = errs;
    s->on_row = on_row;
    s->user = user;
}

/* ---------------------------------------------------------------- rows */

/* A row the scanner rejected: the caller hears of it, or the file stops at a bad header. */
static void announce_bad(bc_csvscan *s)
{
    if (s->header_done) {
        s->rows++;
        s->on_row(s, s->user, 1);
    } else {
        s->stop = 1;
    }
}

/* A whole row arrived from libcsv. */
static void process_row(bc_csvscan *s)
{
    if (s->stop)
        return;
    if (s->st->row_bad) {
        announce_bad(s);
        s->header_done = 1;
        return;
    }
    s->header_done = 1;
    s->rows++;
    s->on_row(s, s->user, 0);
}

static void reset_row(bc_csvscan *s)
{
    struct bc_csvstate *st = s->st;
    s->n_fields = 0;
    st->row_bad = 0;
    st->row_begun = 0;
    st->field_open = 0;
    st->field_len = 0;
}

static void on_field(void *text, size_t len, void *data)
{
    bc_csvscan *s = data;
    struct bc_csvstate *st = s->st;
    size_t i = s->n_fields++;
    if (i < BC_MAX_COLUMNS && !s->oom) {
        bc_csvfield *f = &s->fields[i];
        if (f->cap < len + 1) {
            char *t = realloc(f->text, len + 1);
            if (!t) {
                csvscan_oom(s);
                return;
            }
            f->text = t;
            f->cap = len + 1;
        }
        if (len)
            memcpy(f->text, text, len);
        f->text[len] = '\0';
        f->line = st->field_open ? st->field_line : st->line;
        f->col = st->field_open ? st->field_col : st->col;
    }
    st->field_open = 0;
    st->field_len = 0;
}

static void on_row(int c, void *data)
{
    bc_csvscan *s = data;
    (void)c;
    process_row(s);
    reset_row(s);
}

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

static int csv_start(bc_csvscan *s)
{
    struct bc_csvstate *st = s->st;
    if (st->csv_ready)
        csv_free(&st->csv);
    st->csv_ready = 0;
    if (csv_init(&st->csv, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        return -1;
    csv_set_space_func(&st->csv, no_space);   /* keep every byte: ' 3' is not '3' */
    st->csv_ready = 1;
    return 0;
}

/*
 * After an error inside a row: the row is announced as bad, and the bytes
 * up to the next line feed are skipped with a fresh parser.
 */
static void resync(bc_csvscan *s)
{
    announce_bad(s);
    reset_row(s);
    s->st->row_bad = 1;
    s->st->skip_to_lf = 1;
    if (csv_start(s) < 0)
        csvscan_oom(s);
}

/* Reports a libcsv failure at the start of the current field and resynchronises. */
static void parse_failed(bc_csvscan *s, int at_end)
{
    struct bc_csvstate *st = s->st;
    int e = csv_error(&st->csv);
    if (e == CSV_ENOMEM || e == CSV_ETOOBIG) {
        csvscan_oom(s);
        return;
    }
    if (!st->row_bad) {
        if (at_end)
            csvscan_error(s, BC_EX_DATAERR, st->field_line, st->field_col,
                          "unterminated quoted field: the quote opened here runs to the end "
                          "of the file");
        else if (!st->field_quoted)
            csvscan_error(s, BC_EX_DATAERR, st->field_line, st->field_col,
                          "stray quote in unquoted field (quote the whole field and double "
                          "inner quotes)");
        else if (st->line > st->field_line)
            csvscan_error(s, BC_EX_DATAERR, st->field_line, st->field_col,
                          "unexpected character after closing quote (double a quote inside "
                          "a quoted field); the quoted field opened here runs to line %ld",
                          st->line);
        else
            csvscan_error(s, BC_EX_DATAERR, st->field_line, st->field_col,
                          "unexpected character after closing quote (double a quote inside "
                          "a quoted field)");
    }
    /* A quoted field that ran over lines swallowed rows: they are lost. */
    if (at_end || (st->field_quoted && st->line > st->field_line))
        s->stop = 1;
    if (!s->stop)
        resync(s);
}

static void feed_csv(bc_csvscan *s, const unsigned char *p, size_t n)
{
    if (csv_parse(&s->st->csv, p, n, on_field, on_row, s) < n && !s->oom)
        parse_failed(s, 0);
}

/* Starts a field at the given position unless one is open. */
static void open_field(bc_csvscan *s, unsigned char b, long line, long col)
{
    struct bc_csvstate *st = s->st;
    if (st->field_open)
        return;
    if (!st->row_begun && (b == '\r' || b == '\n'))
        return;                   /* libcsv skips blank lines */
    st->field_open = 1;
    st->row_begun = 1;
    st->field_quoted = b == '"';
    st->field_line = line;
    st->field_col = col;
    st->field_len = 0;
}

/* One encoding error per row: `seq` tells a bad sequence from a lone bad byte. */
static void encoding_error(bc_csvscan *s, long line, long col, int seq, unsigned b,
                           const char *why)
{
    if (!s->st->row_bad)
        csvscan_error(s, BC_EX_DATAERR, line, col, "invalid UTF-8 %s 0x%02X (%s)",
                      seq ? "sequence starting with byte" : "byte", b, why);
    s->st->row_bad = 1;
}

/* Validates one byte as UTF-8 and moves the position past it. */
static void track(bc_csvscan *s, unsigned char b)
{
    struct bc_csvstate *st = s->st;
    if (st->utf8_need) {
        if (b >= st->utf8_lo && b <= st->utf8_hi) {
            st->utf8_lo = 0x80;
            st->utf8_hi = 0xBF;
            st->utf8_need--;
            return;
        }
        const char *why = "truncated";
        if (st->seq_lead == 0xE0 || st->seq_lead == 0xF0) {
            if (b >= 0x80 && b < st->utf8_lo)
                why = "overlong encoding";
        } else if (st->seq_lead == 0xED && b >= 0xA0 && b <= 0xBF) {
            why = "surrogate code point";
        } else if (st->seq_lead == 0xF4 && b >= 0x90 && b <= 0xBF) {
            why = "beyond U+10FFFF";
        }
        encoding_error(s, st->seq_line, st->seq_col, 1, st->seq_lead, why);
        st->utf8_need = 0;
        if (b >= 0x80 && b <= 0xBF)
            return;               /* part of the bad sequence */
    }
    if (b < 0x80) {
        if (b == '\n') {
            st->line++;
            st->col = 1;
            return;
        }
        if (b == 0) {
            if (!st->row_bad)
                csvscan_error(s, BC_EX_DATAERR, st->line, st->col, "NUL byte");
            st->row_bad = 1;
        }
        st->col++;
        return;
    }
    st->seq_line = st->line;
    st->seq_col = st->col;
    st->seq_lead = b;
    st->col++;
    st->utf8_lo = 0x80;
    st->utf8_hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        st->utf8_need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        st->utf8_need = 2;
        if (b == 0xE0)
            st->utf8_lo = 0xA0;
        if (b == 0xED)
            st->utf8_hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        st->utf8_need = 3;
        if (b == 0xF0)
            st->utf8_lo = 0x90;
        if (b == 0xF4)
            st->utf8_hi = 0x8F;
    } else if (b == 0xC0 || b == 0xC1) {
        encoding_error(s, st->seq_line, st->seq_col, 1, b, "overlong encoding");
    } else if (b >= 0xF5) {
        encoding_error(s, st->seq_line, st->seq_col, 0, b, "beyond U+10FFFF");
    } else {
        encoding_error(s, st->seq_line, st->seq_col, 0, b,
                       "continuation byte without a lead byte");
    }
}

static void field_too_long(bc_csvscan *s)
{
    struct bc_csvstate *st = s->st;
    if (!st->row_bad)
        csvscan_error(s, BC_EX_DATAERR, st->field_line, st->field_col,
                      "field longer than %d bytes", BC_FIELD_MAX);
    if (st->field_quoted || !s->header_done) {
        s->stop = 1;              /* no safe place to resume inside a quoted field */
        return;
    }
    resync(s);
}

static int is_special(unsigned char b)
{
    return b == ',' || b == '"' || b == '\r' || b == '\n';
}

static void cr_without_lf(bc_csvscan *s)
{
    csvscan_error(s, BC_EX_DATAERR, s->st->cr_line, s->st->cr_col,
                  "carriage return without line feed (line ends must be LF or CRLF)");
    s->stop = 1;
}

/* Scans one chunk of the file and feeds it to libcsv. */
static void feed(bc_csvscan *s, const unsigned char *buf, size_t len)
{
    struct bc_csvstate *st = s->st;
    size_t i = 0;
    while (i < len && !s->stop) {
        unsigned char b = buf[i];
        if (st->pending_cr) {
            st->pending_cr = 0;
            if (b != '\n') {
                cr_without_lf(s);
                return;
            }
        }
        if (st->skip_to_lf) {
            if (b == '\r') {
                st->pending_cr = 1;
                st->cr_line = st->line;
                st->cr_col = st->col;
            }
            if (b == '\n') {
                st->skip_to_lf = 0;
                reset_row(s);
                st->line++;
                st->col = 1;
            } else if ((b & 0xC0) != 0x80) {
                st->col++;
            }
            st->utf8_need = 0;
            i++;
            continue;
        }
        if (is_special(b)) {
            long line = st->line, col = st->col;
            open_field(s, b, line, col);
            if (b == '\r') {
                st->pending_cr = 1;
                st->cr_line = line;
                st->cr_col = col;
            }
            track(s, b);
            feed_csv(s, buf + i, 1);
            /* a byte that ended the field is not part of it */
            if (st->field_open && !st->skip_to_lf && ++st->field_len > BC_FIELD_MAX)
                field_too_long(s);
            i++;
            continue;
        }
        long line = st->line, col = st->col;
        size_t j = i;
        while (j < len && !is_special(buf[j]))
            track(s, buf[j++]);
        open_field(s, b, line, col);
        if (st->field_len + (j - i) > BC_FIELD_MAX)
            field_too_long(s);
        else {
            st->field_len += j - i;
            feed_csv(s, buf + i, j - i);
        }
        i = j;
    }
}

/* The end of the file: pending sequences and the last row. */
static void finish(bc_csvscan *s)
{
    struct bc_csvstate *st = s->st;
    if (s->stop)
        return;
    if (st->pending_cr) {
        cr_without_lf(s);
        return;
    }
    if (st->utf8_need)
        encoding_error(s, st->seq_line, st->seq_col, 1, st->seq_lead,
                       "truncated at end of file");
    if (!st->skip_to_lf && csv_fini(&st->csv, on_field, on_row, s) != 0 && !s->oom)
        parse_failed(s, 1);
}

/* Checks the first bytes for a byte order mark: skips a UTF-8 one, stops at UTF-16. */
static size_t check_bom(bc_csvscan *s, const unsigned char *p, size_t n)
{
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return 3;                 /* one leading BOM */
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        csvscan_error(s, BC_EX_DATAERR, 1, 1,
                      "file is UTF-16 (%s byte order mark); save it as UTF-8",
                      p[0] == 0xFF ? "little-endian" : "big-endian");
        s->stop = 1;
    }
    return 0;
}

int csvscan_run(bc_csvscan *s, FILE *fp, const char *data, size_t len)
{
    struct bc_csvstate *st = calloc(1, sizeof *st);
    unsigned char *buf = fp ? malloc(CHUNK_SIZE) : NULL;
    s->fields = calloc(BC_MAX_COLUMNS, sizeof *s->fields);
    s->st = st;
    if (!st || (fp && !buf) || !s->fields) {
        csvscan_oom(s);
        goto done;
    }
    st->line = 1;
    st->col = 1;
    if (csv_start(s) < 0) {
        csvscan_oom(s);
        goto done;
    }
    int first = 1;
    size_t off = 0;
    for (;;) {
        const unsigned char *chunk;
        size_t n;
        if (fp) {
            n = fread(buf, 1, CHUNK_SIZE, fp);
            chunk = buf;
            if (n == 0) {
                if (ferror(fp)) {
                    csvscan_error(s, BC_EX_IOERR, 0, 0, "cannot read '%s': %s", s->path,
                                  strerror(errno));
                    s->stop = 1;
                }
                break;
            }
        } else {
            n = len - off < CHUNK_SIZE ? len - off : CHUNK_SIZE;
            chunk = (const unsigned char *)data + off;
            off += n;
            if (n == 0)
                break;
        }
        if (first) {
            size_t skip = check_bom(s, chunk, n);
            chunk += skip;
            n -= skip;
        }
        first = 0;
        feed(s, chunk, n);
        if (s->stop)
            break;
    }
    finish(s);
done:
    if (st) {
        s->last_line = st->line;
        if (st->csv_ready)
            csv_free(&st->csv);
    }
    if (s->fields)
        for (size_t i = 0; i < BC_MAX_COLUMNS; i++)
            free(s->fields[i].text);
    free(s->fields);
    s->fields = NULL;
    free(st);
    s->st = NULL;
    free(buf);
    if (s->oom)
        s->rc = BC_EX_SOFTWARE;
    return s->rc;
}
