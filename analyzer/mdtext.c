/*
 * mdtext.c - positioned Markdown cell text and its inline clean-up (see
 * mdtext.h).  The rules follow the GitHub-flavoured Markdown spec where it
 * is exact (backslash escapes of ASCII punctuation, entity references,
 * inline links and images) and what survey tables do where it is not
 * (HTML line breaks inside cells, stray emphasis).
 */
#include "mdtext.h"

#include <stdlib.h>
#include <string.h>

void mdtext_init(md_text *t)
{
    memset(t, 0, sizeof *t);
}

void mdtext_release(md_text *t)
{
    if (!t)
        return;
    free(t->s);
    free(t->pos);
    mdtext_init(t);
}

static int reserve(md_text *t, size_t need)
{
    if (need <= t->cap)
        return 0;
    size_t c = t->cap ? t->cap : 32;
    while (c < need)
        c *= 2;
    char *s = realloc(t->s, c);
    if (!s)
        return -1;
    t->s = s;
    md_pos *p = realloc(t->pos, c * sizeof *p);
    if (!p)
        return -1;
    t->pos = p;
    t->cap = c;
    return 0;
}

int mdtext_put(md_text *t, char c, md_pos p)
{
    if (reserve(t, t->n + 2) < 0)
        return -1;
    t->s[t->n] = c;
    t->pos[t->n] = p;
    t->n++;
    return 0;
}

int mdtext_end(md_text *t)
{
    if (reserve(t, t->n + 1) < 0)
        return -1;
    t->s[t->n] = '\0';
    t->pos[t->n] = t->n ? t->pos[t->n - 1] : (md_pos){ 0, 0 };
    return 0;
}

md_pos mdtext_at(const md_text *t, size_t i)
{
    if (t->n == 0)
        return (md_pos){ 0, 0 };
    return t->pos[i < t->n ? i : t->n - 1];
}

/* ---------------------------------------------------------------- helpers */

static int is_ascii_punct(unsigned char c)
{
    return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
           (c >= 123 && c <= 126);
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Encodes code point `cp` as UTF-8 into b (4 bytes); returns the length, 0 when invalid. */
static int utf8_encode(unsigned long cp, char *b)
{
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    if (cp < 0x80) {
        b[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    b[0] = (char)(0xF0 | (cp >> 18));
    b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    b[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static const struct {
    const char *name;
    unsigned long cp;
} entities[] = {
    { "amp", '&' },      { "lt", '<' },       { "gt", '>' },       { "quot", '"' },
    { "apos", '\'' },    { "nbsp", ' ' },     { "ndash", 0x2013 }, { "mdash", 0x2014 },
    { "hellip", 0x2026 }, { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201C },
    { "rdquo", 0x201D }, { "times", 0xD7 },   { "middot", 0xB7 },  { "bull", 0x2022 },
    { "pipe", '|' },     { "vert", '|' },     { "verbar", '|' },   { "colon", ':' },
    { "comma", ',' },    { "semi", ';' },     { "lpar", '(' },     { "rpar", ')' },
};

/*
 * Decodes an entity reference at s[i] ('&'); returns the bytes consumed
 * (0 when it is not one) and the UTF-8 in b / *bn.
 */
static size_t entity(const char *s, size_t i, size_t n, char *b, int *bn)
{
    size_t j = i + 1;
    char name[12];
    size_t k = 0;
    unsigned long cp = 0;
    if (j < n && s[j] == '#') {
        j++;
        int hex = j < n && (s[j] == 'x' || s[j] == 'X');
        if (hex)
            j++;
        size_t digits = 0;
        while (j < n && digits < 7 &&
               (is_digit((unsigned char)s[j]) ||
                (hex && strchr("abcdefABCDEF", s[j]) && s[j]))) {
            int v = is_digit((unsigned char)s[j]) ? s[j] - '0' : lower(s[j]) - 'a' + 10;
            cp = cp * (hex ? 16 : 10) + (unsigned long)v;
            j++;
            digits++;
        }
        if (!digits || j >= n || s[j] != ';')
            return 0;
        *bn = utf8_encode(cp, b);
        if (!*bn) {
            *bn = utf8_encode(0xFFFD, b);
        }
        return j + 1 - i;
    }
    while (j < n && k < sizeof name - 1 && is_alpha((unsigned char)s[j]))
        name[k++] = s[j++];
    name[k] = '\0';
    if (!k || j >= n || s[j] != ';')
        return 0;
    for (size_t e = 0; e < sizeof entities / sizeof entities[0]; e++)
        if (strcmp(entities[e].name, name) == 0) {
            *bn = utf8_encode(entities[e].cp, b);
            return j + 1 - i;
        }
    return 0;
}

/* HTML tags that break a line inside a cell, and tags that only format. */
static const char *const break_tags[] = { "br", "p", "li", "div", "ul", "ol", "hr", "tr", NULL };
static const char *const format_tags[] = { "b", "i", "em", "strong", "sup", "sub", "span", "a",
                                           "u", "s", "del", "code", "small", "big", "font",
                                           "details", "summary", "center", "mark", "ins",
                                           "kbd", "td", "th", "tt", "strike", NULL };

static int in_list(const char *const *list, const char *w)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], w) == 0)
            return 1;
    return 0;
}

/*
 * Recognises an HTML tag or autolink at s[i] ('<').  Returns the bytes
 * consumed (0 when it is not one) and *kind: 1 a line break, 2 dropped,
 * 3 an autolink (its URL in s[*u0..*u1)).
 */
static size_t html_tag(const char *s, size_t i, size_t n, int *kind, size_t *u0, size_t *u1)
{
    size_t j = i + 1;
    if (j < n && s[j] == '/')
        j++;
    char name[12];
    size_t k = 0;
    while (j < n && k < sizeof name - 1 && (is_alpha((unsigned char)s[j]) ||
                                            (k && is_digit((unsigned char)s[j]))))
        name[k++] = (char)lower(s[j++]);
    name[k] = '\0';
    if (!k)
        return 0;
    if (j + 2 < n && s[j] == ':' && s[j + 1] == '/' && s[j + 2] == '/' &&
        (strcmp(name, "http") == 0 || strcmp(name, "https") == 0)) {
        size_t e = j;
        while (e < n && s[e] != '>' && s[e] != '<' && s[e] != ' ')
            e++;
        if (e >= n || s[e] != '>')
            return 0;
        *kind = 3;
        *u0 = i + 1;
        *u1 = e;
        return e + 1 - i;
    }
    int brk = in_list(break_tags, name);
    int img = strcmp(name, "img") == 0;
    if (!brk && !img && !in_list(format_tags, name))
        return 0;
    size_t e = j;
    while (e < n && e - i < 400 && s[e] != '>' && s[e] != '<')
        e++;
    if (e >= n || s[e] != '>')
        return 0;
    if (e > j && !(s[j] == ' ' || s[j] == '/' || s[j] == '\t'))
        return 0; /* "<brand>" is not a tag */
    *kind = brk ? 1 : 2;
    return e + 1 - i;
}

/* Finds the ']' that closes the '[' at s[i], skipping escapes and nesting; n when none. */
static size_t close_bracket(const char *s, size_t i, size_t n)
{
    int depth = 0;
    for (size_t j = i; j < n; j++) {
        if (s[j] == '\\') {
            j++;
            continue;
        }
        if (s[j] == '[')
            depth++;
        else if (s[j] == ']' && --depth == 0)
            return j;
    }
    return n;
}

/* Finds the ')' that closes a link destination starting at s[i] ('('); n when none. */
static size_t close_dest(const char *s, size_t i, size_t n)
{
    int depth = 0;
    for (size_t j = i; j < n; j++) {
        if (s[j] == '\\') {
            j++;
            continue;
        }
        if (s[j] == '(')
            depth++;
        else if (s[j] == ')' && --depth == 0)
            return j;
        else if (s[j] == ' ' && depth == 1 && j + 1 < n && s[j + 1] != '"' && s[j + 1] != '\'')
            return n;
    }
    return n;
}

/* ---------------------------------------------------------------- cleaning */

typedef struct {
    md_text *out;
    int space;           /* a space is pending */
    int oom;
} sink;

static void emit(sink *k, char c, md_pos p, char br)
{
    if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || (c == '\n' && br != '\n')) {
        k->space = k->out->n > 0;
        return;
    }
    if (c == '\n') {
        /* a break replaces the spaces around it */
        while (k->out->n && k->out->s[k->out->n - 1] == ' ')
            k->out->n--;
        if (k->out->n && k->out->s[k->out->n - 1] != '\n' && mdtext_put(k->out, '\n', p) < 0)
            k->oom = 1;
        k->space = 0;
        return;
    }
    if (k->space && k->out->n && k->out->s[k->out->n - 1] != '\n' &&
        mdtext_put(k->out, ' ', p) < 0)
        k->oom = 1;
    k->space = 0;
    if (mdtext_put(k->out, c, p) < 0)
        k->oom = 1;
}

static char *copy_range(const char *s, size_t a, size_t b)
{
    char *u = malloc(b - a + 1);
    if (u) {
        memcpy(u, s + a, b - a);
        u[b - a] = '\0';
    }
    return u;
}

int mdtext_clean(const md_text *raw, md_text *out, char **url, char br)
{
    sink k = { out, 0, 0 };
    const char *s = raw->s ? raw->s : "";
    size_t n = raw->n;
    /* ends of open links: when i reaches link_end[j], skip to link_next[j] */
    size_t link_end[16], link_next[16];
    int open_links = 0;
    if (url)
        *url = NULL;

    for (size_t i = 0; i < n && !k.oom;) {
        unsigned char c = (unsigned char)s[i];
        md_pos p = raw->pos[i];
        if (open_links && i == link_end[open_links - 1]) {
            i = link_next[--open_links];
            continue;
        }
        if (c == '\\' && i + 1 < n && is_ascii_punct((unsigned char)s[i + 1])) {
            emit(&k, s[i + 1], p, br);
            i += 2;
            continue;
        }
        if (c == '&') {
            char b[4];
            int bn = 0;
            size_t used = entity(s, i, n, b, &bn);
            if (used) {
                for (int j = 0; j < bn; j++)
                    emit(&k, b[j], p, br);
                i += used;
                continue;
            }
        }
        if (c == '<') {
            int kind = 0;
            size_t u0 = 0, u1 = 0;
            size_t used = html_tag(s, i, n, &kind, &u0, &u1);
            if (used) {
                if (kind == 1)
                    emit(&k, '\n', p, br);
                if (kind == 3 && url && !*url && !(*url = copy_range(s, u0, u1)))
                    k.oom = 1;
                i += used;
                continue;
            }
        }
        if ((c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '[')) && open_links < 16) {
            size_t b0 = c == '!' ? i + 1 : i;
            size_t b1 = close_bracket(s, b0, n);
            if (b1 < n && b1 + 1 < n && s[b1 + 1] == '(') {
                size_t d1 = close_dest(s, b1 + 1, n);
                if (d1 < n) {
                    if (c == '!') { /* an image: nothing of it is text */
                        i = d1 + 1;
                        continue;
                    }
                    if (url && !*url) {
                        size_t a = b1 + 2, e = a;
                        while (e < d1 && s[e] != ' ')
                            e++;
                        if (e > a && !(*url = copy_range(s, a, e)))
                            k.oom = 1;
                    }
                    link_end[open_links] = b1;
                    link_next[open_links++] = d1 + 1;
                    i = b0 + 1;
                    continue;
                }
            }
            if (c == '[' && b1 < n && b1 + 1 < n && s[b1 + 1] == '[') {
                size_t r1 = close_bracket(s, b1 + 1, n); /* [text][ref] */
                if (r1 < n) {
                    link_end[open_links] = b1;
                    link_next[open_links++] = r1 + 1;
                    i = b0 + 1;
                    continue;
                }
            }
            if (c == '[' && b1 < n && i + 1 < n && s[i + 1] == '^') { /* footnote [^1] */
                i = b1 + 1;
                continue;
            }
        }
        if (c == '`') {
            i++;
            continue;
        }
        if ((c == '*' || c == '_') && i + 1 < n && s[i + 1] == (char)c) {
            i += 2;
            continue;
        }
        emit(&k, (char)c, p, br);
        i++;
    }
    /* trim a trailing break or space */
    while (out->n && (out->s[out->n - 1] == '\n' || out->s[out->n - 1] == ' '))
        out->n--;
    if (k.oom || mdtext_end(out) < 0) {
        if (url) {
            free(*url);
            *url = NULL;
        }
        return -1;
    }
    return 0;
}
