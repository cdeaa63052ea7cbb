/*
 * palette.c - fixed colours per categorical value (see palette.h).
 */
#include "palette.h"

#include <stdlib.h>
#include <string.h>

static const struct {
    const char *value, *colour;
} pinned[] = {
    { "audio", "#E69F00" },  { "image", "#CC79A7" }, { "multi", "#D55E00" },
    { "music", "#009E73" },  { "sound", "#E69F00" }, { "speech", "#0072B2" },
    { "text", "#56B4E9" },   { "vision", "#CC79A7" },
};

/* For the other values, in order; none of the pinned colours. */
static const char *const others[] = {
    "#F0E442", "#000000", "#882255", "#44AA99", "#117733",
    "#332288", "#AA4499", "#DDCC77", "#88CCEE", "#661100",
};

static char *fold(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (!d)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        d[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
    return d;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* strcmp of `raw` case-folded against the already folded `folded`. */
static int cmp_raw_folded(const char *raw, const char *folded)
{
    for (;; raw++, folded++) {
        unsigned char a = (unsigned char)*raw, b = (unsigned char)*folded;
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a - 'A' + 'a');
        if (a != b || !a)
            return (a > b) - (a < b);
    }
}

static int cmp_key(const void *raw, const void *key)
{
    return cmp_raw_folded(raw, *(char *const *)key);
}

/* The pinned colour of `value` (any case), or NULL. */
static const char *pinned_colour(const char *value)
{
    for (size_t i = 0; i < sizeof pinned / sizeof pinned[0]; i++)
        if (cmp_raw_folded(value, pinned[i].value) == 0)
            return pinned[i].colour;
    return NULL;
}

void palette_init(bc_palette *p)
{
    memset(p, 0, sizeof *p);
}

void palette_release(bc_palette *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++)
        free(p->keys[i]);
    free(p->keys);
    free(p->colours);
    palette_init(p);
}

int palette_build(bc_palette *p, const char *const *values, size_t n)
{
    p->keys = malloc((n + 1) * sizeof *p->keys);
    p->colours = malloc((n + 1) * sizeof *p->colours);
    if (!p->keys || !p->colours)
        goto oom;
    for (size_t i = 0; i < n; i++) {
        if (!values[i] || !*values[i])
            continue;
        if (!(p->keys[p->n] = fold(values[i])))
            goto oom;
        p->n++;
    }
    qsort(p->keys, p->n, sizeof *p->keys, cmp_str);
    size_t w = 0, next = 0;
    for (size_t i = 0; i < p->n; i++) {
        if (w && strcmp(p->keys[w - 1], p->keys[i]) == 0) {
            free(p->keys[i]);
            continue;
        }
        p->keys[w] = p->keys[i];
        const char *c = pinned_colour(p->keys[w]);
        if (!c)
            c = others[next++ % (sizeof others / sizeof others[0])];
        p->colours[w++] = c;
    }
    p->n = w;
    return 0;
oom:
    palette_release(p);
    return -1;
}

const char *palette_colour(const bc_palette *p, const char *value)
{
    if (!value || !*value)
        return PALETTE_UNKNOWN;
    /* Folded while compared: no allocation, so no silent grey when memory is short. */
    char **hit = p->n ? bsearch(value, p->keys, p->n, sizeof *p->keys, cmp_key) : NULL;
    const char *c = hit ? p->colours[hit - p->keys] : pinned_colour(value);
    return c ? c : PALETTE_UNKNOWN;
}
