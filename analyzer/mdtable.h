/*
 * mdtable.h - the pipe tables of a Markdown text: its lines, each line's
 * raw cells with their positions, and where each table's header and body
 * are.  Used by the Markdown importer; knows nothing of catalogs.
 */
#ifndef BENCHCOV_MDTABLE_H
#define BENCHCOV_MDTABLE_H

#include <stddef.h>

#include "error.h"
#include "mdtext.h"

typedef struct {
    size_t off, len;     /* bytes of the line in the text, without CR LF */
    long no;             /* 1-based line number */
} md_line;

typedef struct {
    md_text *cells;      /* raw cells with the position of every byte */
    size_t n, cap;
    int trailing_pipe;   /* the line ended with an unescaped '|' */
    int pipes;           /* unescaped pipes seen */
} md_cells;

typedef struct {
    size_t header;       /* index into lines of the header */
    size_t body, end;    /* body lines [body, end) */
} md_table;

typedef struct {
    const char *text;    /* the whole text, not owned */
    md_line *lines;      /* owned */
    size_t n_lines;
    md_table *tables;    /* owned, in file order */
    size_t n_tables;
} md_doc;

/*
 * Rejects a UTF-16 byte order mark, NUL bytes and invalid UTF-8 in
 * s[0..n), naming the first with its line and column.  Returns BC_OK or
 * BC_EX_DATAERR.
 */
int mdtable_check(const char *path, const unsigned char *s, size_t n, bc_errors *errs);

/* Splits doc->text[0..len) into lines (a UTF-8 BOM skipped).  0, or -1 on OOM. */
int mdtable_lines(md_doc *doc, size_t len);

/* Finds the tables among the lines.  0, or -1 on OOM. */
int mdtable_find(md_doc *doc);

/* Frees the lines and tables; the text is not the doc's.  NULL is fine. */
void mdtable_release(md_doc *doc);

/*
 * Splits one line into raw cells at unescaped pipes outside code spans;
 * a leading and a trailing pipe open and close the row.  `out` is
 * overwritten.  0, or -1 on OOM (release `out` in either case).
 */
int mdtable_split(const char *text, const md_line *ln, md_cells *out);

/* Frees the cells; `c` is empty afterwards. */
void mdtable_cells_release(md_cells *c);

/* A delimiter row: every cell is :?-+:? with optional spaces, at least one pipe. */
int mdtable_is_delimiter(const md_cells *c);

/* Only spaces and tabs in s[0..n). */
int mdtable_is_blank(const char *s, size_t n);

#endif
