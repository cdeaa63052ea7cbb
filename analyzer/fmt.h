/*
 * fmt.h - locale-independent numbers and escaping of catalog text for
 * every output language: Markdown, CSV, gnuplot strings, gnuplot data.
 *
 * Catalog text is data, never code.  Every writer that puts catalog text
 * into an output goes through one of these functions.
 */
#ifndef BENCHCOV_FMT_H
#define BENCHCOV_FMT_H

#include <stdio.h>

/* The two output formats of the writers: Markdown table or CSV with a header row. */
typedef enum { BC_FORMAT_MD = 0, BC_FORMAT_CSV = 1 } bc_format;

#define FMT_NUM_MAX 32

/*
 * Writes `v` into buf (FMT_NUM_MAX bytes) with '.' as the decimal mark in
 * any locale and 6 significant digits at most: integers without a point,
 * others as the shortest of %.6g with trailing zeros dropped (integral
 * values below 2^53 are counts and keep all their digits); "-0" prints
 * as "0"; NaN as "nan", infinities as "inf" / "-inf".  Returns buf.
 */
char *fmt_num(char buf[FMT_NUM_MAX], double v);

/* fprintf-free helper: writes fmt_num(v) to fp. */
void fmt_put_num(FILE *fp, double v);

/*
 * Markdown table-cell or inline text: escapes \ | ` * _ [ ] < > ( ) # ~ & !
 * with a backslash and folds control characters (including CR, LF, TAB)
 * to spaces, so a table row always keeps its columns.
 */
void fmt_md(FILE *fp, const char *s);

/* A CSV field (RFC 4180): quoted when it holds , " CR or LF, quotes doubled. */
void fmt_csv(FILE *fp, const char *s);

/*
 * A gnuplot double-quoted string literal, quotes included: escapes
 * \ " ' ` @ $ # with a backslash, control characters folded to spaces.
 * Nothing inside can end the string, run a command or expand a macro.
 */
void fmt_gp_string(FILE *fp, const char *s);

/*
 * A field of a tab-separated gnuplot .dat file: escapes \ and # with a
 * backslash and " as the octal escape \0042 (gnuplot's data reader ends a
 * quoted field at any quote, escaped or not), folds TAB and control
 * characters to spaces, and writes an empty field (or NULL) as "-" so
 * column counts never shift.  The field is written inside double quotes
 * so white space stays part of it.  Scripts must read such files with
 * `set datafile separator "\t"` and use the text through xtic() or
 * labels (stringcolumn() decodes escapes a second time).
 */
void fmt_dat(FILE *fp, const char *s);

/*
 * A small printf for Markdown reports, so that numbers and catalog text
 * cannot be printed the unsafe way by mistake.  Directives:
 *   %N  a double through fmt_num
 *   %P  a fraction (double, 0..1) as a percentage with at most one decimal
 *   %M  catalog text (const char *) through fmt_md
 *   %s  trusted text (const char *) written as it is
 *   %%  a percent sign
 * Any other character after '%' is written as it is.
 */
void fmt_printf(FILE *fp, const char *fmt, ...);

/*
 * Writes `v` with as few significant digits (at most 17) as read back to
 * the same double, '.' as the decimal mark in any locale: for exported
 * catalog values (scores, hours), which must survive a round trip.
 * Otherwise as fmt_num (integral values whole, "nan", "inf").  Returns buf.
 */
char *fmt_num_exact(char buf[FMT_NUM_MAX], double v);

/*
 * XML character data or attribute value (without the quotes): & < > " '
 * as entities, TAB, LF and CR as character references (so attribute
 * values keep them too), every other control character and the
 * non-characters U+FFFE, U+FFFF (which XML 1.0 cannot hold) folded to a
 * space.  The input must be valid UTF-8.
 */
void fmt_xml(FILE *fp, const char *s);

/*
 * A JSON string literal, quotes included (RFC 8259): " and \ escaped,
 * control characters as \n, \r, \t, \b, \f or \u00XX; nothing is
 * lost.  The input must be valid UTF-8.
 */
void fmt_json(FILE *fp, const char *s);

/*
 * A DOT double-quoted string, quotes included: " and \ escaped with a
 * backslash (Graphviz reads \\ back as one backslash in labels), LF as
 * \n, other control characters folded to a space.  Quoted, the text is
 * never a keyword, an HTML label or the end of a statement.
 */
void fmt_dot(FILE *fp, const char *s);

#endif
