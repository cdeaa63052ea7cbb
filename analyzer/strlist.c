/*
 * strlist.c - lists of owned strings (see strlist.h).
 */
#include "strlist.h"

#include <stdlib.h>
#include <string.h>

void strlist_release(bc_strlist *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

/* Appends s[0..n) as a new item; the capacity is the next power of two. */
static int push_n(bc_strlist *l, const char *s, size_t n)
{
    if (l->n == 0 || (l->n >= 4 && (l->n & (l->n - 1)) == 0)) {
        size_t cap = l->n < 4 ? 4 : l->n * 2;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return -1;
        l->items = items;
    }
    char *d = malloc(n + 1);
    if (!d)
        return -1;
    memcpy(d, s, n);
    d[n] = '\0';
    l->items[l->n++] = d;
    return 0;
}

int strlist_push(bc_strlist *l, const char *s)
{
    return push_n(l, s, strlen(s));
}

int strlist_split(const char *s, const char *seps, bc_strlist *out)
{
    out->items = NULL;
    out->n = 0;
    for (;;) {
        size_t len = strcspn(s, seps);
        const char *b = s, *e = s + len;
        while (b < e && (*b == ' ' || *b == '\t'))
            b++;
        while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (e > b && push_n(out, b, (size_t)(e - b)) < 0) {
            strlist_release(out);
            return -1;
        }
        if (!s[len])
            return 0;
        s += len + 1;
    }
}
