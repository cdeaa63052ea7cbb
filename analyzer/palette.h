/*
 * palette.h - one colour per categorical value (a modality, a facet
 * value), fixed across every chart of a report: "music" is the same
 * colour in the task chart, the dataset chart and any other.
 *
 * Well-known modalities keep pinned colours in every catalog (speech,
 * sound/audio, music, vision/image, text, multi); every other value takes
 * the next colour of a fixed list in the case-folded name order of all the
 * values of the catalog, so the assignment does not depend on which chart
 * or which bar comes first.  Empty values ("unknown") are grey.  Colours
 * are Okabe & Ito (2008) first, then Paul Tol's muted scheme; past them
 * the list repeats.  Output layer: no catalog types.
 */
#ifndef BENCHCOV_PALETTE_H
#define BENCHCOV_PALETTE_H

#include <stddef.h>

/* Colour of an empty or unknown value. */
#define PALETTE_UNKNOWN "#999999"

typedef struct {
    char **keys;          /* case-folded values, sorted, unique; owned */
    const char **colours; /* per key, "#RRGGBB" (static strings) */
    size_t n;
} bc_palette;

/* Prepares an empty palette. Allocates nothing. */
void palette_init(bc_palette *p);

/* Frees the keys. NULL is fine. */
void palette_release(bc_palette *p);

/*
 * Builds the palette of n values (duplicates, case variants and NULL or
 * "" entries allowed; the last two are left out).  `p` must be fresh.
 * Returns 0, or -1 when memory runs out (`p` then released).
 */
int palette_build(bc_palette *p, const char *const *values, size_t n);

/* The colour of `value` (ASCII case-insensitive); PALETTE_UNKNOWN when empty or absent. */
const char *palette_colour(const bc_palette *p, const char *value);

#endif
