/*
 * mdtext.h - Markdown table text with the input position of every byte,
 * and the inline clean-up that turns a cell as people write it into
 * plain text.
 *
 * The Markdown importer keeps, for each byte of a cell, the line and
 * column (1-based, columns in code points) it came from, so every
 * mention it reviews or rejects can be shown as FILE:LINE:COL however
 * the cell was escaped, linked or wrapped over several lines.
 */
#ifndef BENCHCOV_MDTEXT_H
#define BENCHCOV_MDTEXT_H

#include <stddef.h>

typedef struct {
    long line, col;
} md_pos;

typedef struct {
    char *s;             /* bytes, NUL-terminated once built; owned */
    md_pos *pos;         /* pos[i] is where s[i] came from */
    size_t n, cap;
} md_text;

/* Prepares an empty text. Allocates nothing. */
void mdtext_init(md_text *t);

/* Frees the text; it is empty afterwards. NULL is fine. */
void mdtext_release(md_text *t);

/* Appends one byte read at `p`.  Returns 0, or -1 when memory runs out. */
int mdtext_put(md_text *t, char c, md_pos p);

/* NUL-terminates (without counting the NUL).  Returns 0 or -1 on OOM. */
int mdtext_end(md_text *t);

/* The position of byte i, or of the last byte (or {0,0}) past the end. */
md_pos mdtext_at(const md_text *t, size_t i);

/*
 * Cleans one raw cell into `out` (fresh from mdtext_init): backslash
 * escapes resolved (\| \< \* ...), HTML entities decoded, links
 * [text](url) reduced to their text (the first URL is copied into *url
 * when url is not NULL; the caller frees it), images and HTML tags
 * dropped, emphasis markers and backticks dropped, runs of white space
 * folded to one space and the ends trimmed.  Line breaks (<br>, <br/>,
 * </br>, <p>, <li>, ...) become `br` (a '\n' keeps them as separators,
 * a ' ' folds them away).  Returns 0, or -1 when memory runs out.
 */
int mdtext_clean(const md_text *raw, md_text *out, char **url, char br);

#endif
