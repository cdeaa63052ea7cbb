/*
 * fmt.c - numbers and escaped catalog text for every output language.
 *
 * This file is the only place that decides how a number looks and how a
 * piece of catalog text is made safe for Markdown, CSV, gnuplot string
 * literals and gnuplot data files.  Catalog text is data: every function
 * here makes sure nothing in it can end a cell, a field or a string, run
 * a command or expand a macro in the language it is written into.
 *
 * No function depends on the C locale: numbers are formatted with
 * snprintf and any decimal mark other than '.' is replaced afterwards.
 */
#include "fmt.h"

#include <stdarg.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* True for the bytes a printed number keeps as they are. */
static int num_keeps(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e';
}

/*
 * Rewrites a number printed by snprintf in place so that whatever the
 * locale used as decimal mark (one byte or a multibyte sequence) becomes
 * a single '.'.
 */
static void num_fix_mark(char *buf)
{
    char *r = buf, *w = buf;

    while (*r) {
        if (num_keeps(*r)) {
            *w++ = *r++;
            continue;
        }
        while (*r && !num_keeps(*r))
            r++;
        *w++ = '.';
    }
    *w = '\0';
}

char *fmt_num(char buf[FMT_NUM_MAX], double v)
{
    if (isnan(v)) {
        strcpy(buf, "nan");
        return buf;
    }
    if (isinf(v)) {
        strcpy(buf, v < 0 ? "-inf" : "inf");
        return buf;
    }
    if (v == 0) { /* +0 and -0 alike */
        strcpy(buf, "0");
        return buf;
    }
    /*
     * Integral values below 2^53 are exact counts: print every digit,
     * without a point.  Everything else keeps 6 significant digits.
     */
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
        snprintf(buf, FMT_NUM_MAX, "%.0f", v);
    else
        snprintf(buf, FMT_NUM_MAX, "%.6g", v);
    num_fix_mark(buf);
    /* A value that rounds to zero keeps no sign either. */
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    return buf;
}

void fmt_put_num(FILE *fp, double v)
{
    char buf[FMT_NUM_MAX];

    fputs(fmt_num(buf, v), fp);
}

/*
 * Length of the control character starting at s, or 0 when there is
 * none: the C0 range and DEL (one byte), and the C1 range U+0080..U+009F
 * (two bytes in UTF-8, C2 80..C2 9F).
 */
static size_t ctrl_len(const unsigned char *s)
{
    if (*s < 0x20 || *s == 0x7f)
        return 1;
    if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
        return 2;
    return 0;
}

/*
 * Writes s to fp with every control character folded to one space and
 * every byte listed in `escape` preceded by a backslash.  Bytes of
 * multibyte UTF-8 characters pass through untouched.
 */
static void put_escaped(FILE *fp, const char *s, const char *escape)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        size_t n = ctrl_len(p);

        if (n) {
            fputc(' ', fp);
            p += n;
            continue;
        }
        if (*p < 0x80 && strchr(escape, *p))
            fputc('\\', fp);
        fputc(*p, fp);
        p++;
    }
}

void fmt_md(FILE *fp, const char *s)
{
    put_escaped(fp, s ? s : "", "\\|`*_[]<>()#~&!");
}

void fmt_csv(FILE *fp, const char *s)
{
    const char *p;

    if (!s)
        s = "";
    if (!strpbrk(s, ",\"\r\n")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (p = s; *p; p++) {
        if (*p == '"')
            fputc('"', fp);
        fputc(*p, fp);
    }
    fputc('"', fp);
}

void fmt_gp_string(FILE *fp, const char *s)
{
    /*
     * Inside a gnuplot double-quoted string a backslash makes the
     * scanner step over the next byte, so an escaped backquote starts no
     * command substitution and an escaped quote ends nothing; the
     * backslash itself is dropped when the string is read.  '@', '$',
     * '#' and '\'' are escaped too so that no later reading of the line
     * (macro expansion, comments, datablocks) can see them.
     */
    fputc('"', fp);
    put_escaped(fp, s ? s : "", "\\\"'`@$#");
    fputc('"', fp);
}

void fmt_dat(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    if (!s || !*s) {
        fputc('-', fp);
        return;
    }
    /*
     * gnuplot's data reader ends a quoted field at the first '"' whatever
     * precedes it, then decodes backslash escapes once (xtic(), labels).
     * A quote is therefore written as the octal escape \0042: with a
     * leading 0 the reader takes exactly four digits, so a digit after
     * the quote stays a digit.
     */
    fputc('"', fp);
    while (*p) {
        size_t n = ctrl_len(p);

        if (n) {
            fputc(' ', fp);
            p += n;
            continue;
        }
        if (*p == '"')
            fputs("\\0042", fp);
        else if (*p == '\\' || *p == '#')
            fprintf(fp, "\\%c", *p);
        else
            fputc(*p, fp);
        p++;
    }
    fputc('"', fp);
}

void fmt_printf(FILE *fp, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%' || !p[1]) {
            fputc(*p, fp);
            continue;
        }
        switch (*++p) {
        case 'N': fmt_put_num(fp, va_arg(ap, double)); break;
        case 'P':
            fmt_put_num(fp, round(va_arg(ap, double) * 1000.0) / 10.0);
            fputc('%', fp);
            break;
        case 'M': fmt_md(fp, va_arg(ap, const char *)); break;
        case 's': fputs(va_arg(ap, const char *), fp); break;
        default: fputc(*p, fp); break;
        }
    }
    va_end(ap);
}

char *fmt_num_exact(char buf[FMT_NUM_MAX], double v)
{
    if (!isfinite(v) || v == 0 || (v == floor(v) && fabs(v) < 9007199254740992.0))
        return fmt_num(buf, v);
    /*
     * The shortest %.Ng that reads back as v.  strtod and snprintf follow
     * the same LC_NUMERIC, so the check holds in any locale; the mark is
     * fixed afterwards.
     */
    for (int digits = 6; digits <= 17; digits++) {
        snprintf(buf, FMT_NUM_MAX, "%.*g", digits, v);
        if (strtod(buf, NULL) == v)
            break;
    }
    num_fix_mark(buf);
    return buf;
}

/*
 * Length of the run at p that a writer copies as it is: no byte of
 * `special`, no control character, and no 0xc2 or 0xef byte (which may
 * start a C1 control or U+FFFE/U+FFFF; the caller looks at those one at
 * a time).  Lets the writers below copy plain text with one fwrite.
 */
static size_t plain_run(const unsigned char *p, const char *special)
{
    const unsigned char *q = p;

    while (*q >= 0x20 && *q != 0x7f && *q != 0xc2 && *q != 0xef &&
           !(*q < 0x80 && strchr(special, *q)))
        q++;
    return (size_t)(q - p);
}

void fmt_xml(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");

    while (*p) {
        size_t n = plain_run(p, "&<>\"'");

        if (n) {
            fwrite(p, 1, n, fp);
            p += n;
            continue;
        }
        n = ctrl_len(p);

        if (*p == '\t' || *p == '\n' || *p == '\r') {
            fprintf(fp, "&#%d;", *p);
            p++;
        } else if (n) {
            fputc(' ', fp);
            p += n;
        } else if (p[0] == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf)) {
            fputc(' ', fp); /* U+FFFE, U+FFFF */
            p += 3;
        } else {
            switch (*p) {
            case '&': fputs("&amp;", fp); break;
            case '<': fputs("&lt;", fp); break;
            case '>': fputs("&gt;", fp); break;
            case '"': fputs("&quot;", fp); break;
            case '\'': fputs("&apos;", fp); break;
            default: fputc(*p, fp); break;
            }
            p++;
        }
    }
}

void fmt_json(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");

    fputc('"', fp);
    for (; *p; p++) {
        size_t n = plain_run(p, "\"\\");

        if (n) {
            fwrite(p, 1, n, fp);
            p += n - 1;
            continue;
        }
        switch (*p) {
        case '"': fputs("\\\"", fp); break;
        case '\\': fputs("\\\\", fp); break;
        case '\n': fputs("\\n", fp); break;
        case '\r': fputs("\\r", fp); break;
        case '\t': fputs("\\t", fp); break;
        case '\b': fputs("\\b", fp); break;
        case '\f': fputs("\\f", fp); break;
        default:
            if (*p < 0x20)
                fprintf(fp, "\\u%04x", *p);
            else
                fputc(*p, fp);
        }
    }
    fputc('"', fp);
}

void fmt_dot(FILE *fp, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");

    fputc('"', fp);
    while (*p) {
        size_t n = plain_run(p, "\"\\");

        if (n) {
            fwrite(p, 1, n, fp);
            p += n;
            continue;
        }
        n = ctrl_len(p);
        if (*p == '\n') {
            fputs("\\n", fp);
            p++;
        } else if (n) {
            fputc(' ', fp);
            p += n;
        } else {
            if (*p == '"' || *p == '\\')
                fputc('\\', fp);
            fputc(*p, fp);
            p++;
        }
    }
    fputc('"', fp);
}
