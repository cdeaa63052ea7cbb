/*
 * strpool.c - an open-addressing set of strings (see strpool.h).
 */
#include "strpool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct bc_strpool {
    char **slots;   /* n_slots entries, NULL when empty; a power of two */
    size_t n_slots;
    size_t n;       /* strings held, at most half the slots */
};

/* FNV-1a, 64 bits (Fowler, Noll and Vo). */
static uint64_t hash_of(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    return h;
}

bc_strpool *strpool_new(void)
{
    bc_strpool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->n_slots = 16;
    p->slots = calloc(p->n_slots, sizeof *p->slots);
    if (!p->slots) {
        free(p);
        return NULL;
    }
    return p;
}

void strpool_free(bc_strpool *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_slots; i++)
        free(p->slots[i]);
    free(p->slots);
    free(p);
}

/* The slot holding `s`, or the empty slot where it would go. */
static size_t find(char *const *slots, size_t n_slots, const char *s, uint64_t h)
{
    size_t mask = n_slots - 1, i = (size_t)h & mask;
    while (slots[i] && strcmp(slots[i], s) != 0)
        i = (i + 1) & mask;
    return i;
}

/* Doubles the slots and rehashes; 0, or -1 when memory runs out. */
static int grow(bc_strpool *p)
{
    size_t n_slots = p->n_slots * 2;
    char **slots = calloc(n_slots, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < p->n_slots; i++)
        if (p->slots[i])
            slots[find(slots, n_slots, p->slots[i], hash_of(p->slots[i]))] = p->slots[i];
    free(p->slots);
    p->slots = slots;
    p->n_slots = n_slots;
    return 0;
}

const char *strpool_intern(bc_strpool *p, const char *s)
{
    uint64_t h = hash_of(s);
    size_t i = find(p->slots, p->n_slots, s, h);
    if (p->slots[i])
        return p->slots[i];
    if ((p->n + 1) * 2 > p->n_slots) {
        if (grow(p) != 0)
            return NULL;
        i = find(p->slots, p->n_slots, s, h);
    }
    size_t len = strlen(s) + 1;
    char *copy = malloc(len);
    if (!copy)
        return NULL;
    memcpy(copy, s, len);
    p->slots[i] = copy;
    p->n++;
    return copy;
}

size_t strpool_count(const bc_strpool *p)
{
    return p->n;
}
