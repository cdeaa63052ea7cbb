/*
 * names.c - interned names with aliases, and "did you mean" suggestions
 * (see names.h).
 *
 * Every key (a folded name or alias) lives once in `entries`, in the order
 * it was added; an open-addressing table of indices into `entries`, hashed
 * with FNV-1a and probed linearly, finds it again.  Suggestions scan the
 * canonical entries in that order, so ties go to the name added first.
 */
#include "names.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *key;        /* folded key, owned */
    char *display;    /* the name as first given, owned; only for canonical keys */
    size_t key_len;   /* strlen(key) */
    uint32_t hash;    /* FNV-1a of key */
    int id;           /* entry id the key denotes */
} name_entry;

struct bc_names {
    name_entry *entries; /* in insertion order */
    size_t n, cap;
    int32_t *slots;      /* index into entries, -1 when empty */
    size_t n_slots;      /* power of two, kept at least twice n */
};

/* The white space that names.h folds: ASCII blanks and line breaks. */
static int is_fold_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Writes the folded form of `src` into `dst` (room for strlen(src) + 1). */
static size_t fold_into(char *dst, const char *src)
{
    size_t n = 0;
    int pending_space = 0;
    for (const unsigned char *s = (const unsigned char *)src; *s; s++) {
        if (is_fold_space(*s)) {
            pending_space = n > 0;
            continue;
        }
        if (pending_space) {
            dst[n++] = ' ';
            pending_space = 0;
        }
        unsigned char c = *s;
        dst[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    dst[n] = '\0';
    return n;
}

char *names_fold(const char *name)
{
    char *key = malloc(strlen(name) + 1);
    if (key)
        fold_into(key, name);
    return key;
}

/* FNV-1a, 32 bits (Fowler, Noll and Vo). */
static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

bc_names *names_new(void)
{
    bc_names *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->n_slots = 16;
    t->slots = malloc(t->n_slots * sizeof *t->slots);
    if (!t->slots) {
        free(t);
        return NULL;
    }
    memset(t->slots, 0xff, t->n_slots * sizeof *t->slots);
    return t;
}

void names_free(bc_names *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++) {
        free(t->entries[i].key);
        free(t->entries[i].display);
    }
    free(t->entries);
    free(t->slots);
    free(t);
}

/* The slot holding `key`, or the empty slot where it would go. */
static size_t find_slot(const bc_names *t, const char *key, size_t len, uint32_t h)
{
    size_t mask = t->n_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        int32_t e = t->slots[i];
        if (e < 0)
            return i;
        const name_entry *en = &t->entries[e];
        if (en->hash == h && en->key_len == len && memcmp(en->key, key, len) == 0)
            return i;
    }
}

/* Doubles the slot array and rehashes; returns 0, or -1 when memory runs out. */
static int grow_slots(bc_names *t)
{
    size_t n_slots = t->n_slots * 2;
    int32_t *slots = malloc(n_slots * sizeof *slots);
    if (!slots)
        return -1;
    memset(slots, 0xff, n_slots * sizeof *slots);
    for (size_t e = 0; e < t->n; e++) {
        size_t mask = n_slots - 1, i = t->entries[e].hash & mask;
        while (slots[i] >= 0)
            i = (i + 1) & mask;
        slots[i] = (int32_t)e;
    }
    free(t->slots);
    t->slots = slots;
    t->n_slots = n_slots;
    return 0;
}

int names_add(bc_names *t, const char *name, int id, int canonical)
{
    char *key = names_fold(name);
    if (!key)
        return BC_EX_SOFTWARE;
    size_t len = strlen(key);
    uint32_t h = fnv1a(key, len);
    size_t slot = find_slot(t, key, len, h);
    if (t->slots[slot] >= 0) {
        free(key);
        return BC_EX_DATAERR;
    }
    if (t->n >= (size_t)INT32_MAX)
        goto oom;
    if ((t->n + 1) * 2 > t->n_slots) {
        if (grow_slots(t) < 0)
            goto oom;
        slot = find_slot(t, key, len, h);
    }
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        name_entry *entries = realloc(t->entries, cap * sizeof *entries);
        if (!entries)
            goto oom;
        t->entries = entries;
        t->cap = cap;
    }
    char *display = NULL;
    if (canonical) {
        size_t n = strlen(name) + 1;
        display = malloc(n);
        if (!display)
            goto oom;
        memcpy(display, name, n);
    }
    t->entries[t->n] = (name_entry){ key, display, len, h, id };
    t->slots[slot] = (int32_t)t->n;
    t->n++;
    return BC_OK;
oom:
    free(key);
    return BC_EX_SOFTWARE;
}

int names_find(const bc_names *t, const char *name)
{
    char small[256];
    size_t need = strlen(name) + 1;
    char *key = need <= sizeof small ? small : malloc(need);
    if (!key)
        return -1;
    size_t len = fold_into(key, name);
    size_t slot = find_slot(t, key, len, fnv1a(key, len));
    int id = t->slots[slot] >= 0 ? t->entries[t->slots[slot]].id : -1;
    if (key != small)
        free(key);
    return id;
}

/*
 * Decodes UTF-8 into code points (a malformed byte counts as one code
 * point) so that edit distances count characters, not bytes.  Returns the
 * number of code points written to `out` (room for strlen(s)).
 */
static size_t decode(const char *s, uint32_t *out)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p) {
        uint32_t c = *p++;
        int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        if (more)
            c &= 0x3Fu >> more;
        while (more-- > 0 && (*p & 0xC0) == 0x80)
            c = (c << 6) | (*p++ & 0x3F);
        out[n++] = c;
    }
    return n;
}

/*
 * Levenshtein distance between a[0..na) and b[0..nb), or limit + 1 as soon
 * as every cell of a row exceeds `limit`.  `row` has room for nb + 1.
 */
static size_t edit_distance(const uint32_t *a, size_t na, const uint32_t *b, size_t nb,
                            size_t limit, size_t *row)
{
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0], best = i;
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t v = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > limit)
            return limit + 1;
    }
    return row[nb];
}

const char *names_suggest(const bc_names *t, const char *name)
{
    const char *best_name = NULL;
    size_t qbytes = strlen(name);
    char *key = malloc(qbytes + 1);
    uint32_t *q = malloc((qbytes + 1) * sizeof *q);
    uint32_t *c = NULL;
    size_t *row = NULL;
    if (!key || !q)
        goto done;
    fold_into(key, name);
    size_t nq = decode(key, q);
    size_t limit = nq / 3 > 1 ? nq / 3 : 1;
    size_t best = limit + 1, cap = 0;
    for (size_t e = 0; e < t->n; e++) {
        const name_entry *en = &t->entries[e];
        if (!en->display)
            continue;
        if (en->key_len + 1 > cap) {
            cap = en->key_len + 1;
            uint32_t *c2 = realloc(c, cap * sizeof *c);
            if (!c2)
                goto done;
            c = c2;
            size_t *row2 = realloc(row, cap * sizeof *row);
            if (!row2)
                goto done;
            row = row2;
        }
        size_t nc = decode(en->key, c);
        size_t diff = nc > nq ? nc - nq : nq - nc;
        if (diff >= best)
            continue;
        size_t d = edit_distance(q, nq, c, nc, best - 1, row);
        if (d < best) {
            best = d;
            best_name = en->display;
        }
    }
done:
    free(key);
    free(q);
    free(c);
    free(row);
    return best_name;
}

size_t names_distance(const char *a, const char *b, size_t limit)
{
    /* Names and facet values are short: their code points and the row fit
     * on the stack, so the common case allocates nothing and cannot fail. */
    enum { SHORT = 128 };
    uint32_t xs[SHORT + 1], ys[SHORT + 1];
    size_t rows[SHORT + 2];
    size_t la = strlen(a), lb = strlen(b);
    int small = la <= SHORT && lb <= SHORT;
    uint32_t *x = small ? xs : malloc((la + 1) * sizeof *x);
    uint32_t *y = small ? ys : malloc((lb + 1) * sizeof *y);
    size_t *row = small ? rows : malloc((lb + 2) * sizeof *row);
    size_t d = limit + 1;
    if (x && y && row) {
        size_t na = decode(a, x), nb = decode(b, y);
        size_t diff = na > nb ? na - nb : nb - na;
        if (diff <= limit)
            d = edit_distance(x, na, y, nb, limit, row);
    }
    if (!small) {
        free(x);
        free(y);
        free(row);
    }
    return d > limit ? limit + 1 : d;
}
