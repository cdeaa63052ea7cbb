/*
 * fuzz_import.h - how one fuzz input runs through an importer, shared by
 * the libFuzzer targets (fuzz_import_markdown.c, fuzz_import_matrix.c,
 * fuzz_import_pwc.c) and the replay test (tests/test_fuzz_import_replay.c),
 * so every saved input is replayed exactly as the fuzzer ran it.
 *
 * The first byte picks the options; the rest is the input file:
 *   bit 0   start from a small built-in catalog (names, aliases, tasks)
 *           instead of an empty draft, with "did you mean" suggestions;
 *   bit 1   --known-only;
 *   bits 2-3  markdown: --table 0..3; matrix: bit 2 gives --facet org;
 *   bit 4   markdown: --map encoder=Speech model --map datasets=Dataset.
 *
 * When the import succeeds, the catalog it would write is rendered and
 * loaded back with catalog_load_buffer: an import that succeeds with a
 * catalog the loader refuses, or that loses facts on the way, breaks the
 * promise of draft.h and is reported as a negative return, which the
 * harness turns into a crash and the replay test into a failure.
 */
#ifndef BENCHCOV_FUZZ_IMPORT_H
#define BENCHCOV_FUZZ_IMPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "draft.h"
#include "error.h"
#include "import_markdown.h"
#include "import_matrix.h"
#include "import_pwc.h"

enum { FUZZ_MARKDOWN, FUZZ_MATRIX, FUZZ_PWC };

/* The built-in catalog of bit 0, added through the draft's own calls. */
static inline int fuzz_import_base(bc_draft *d)
{
    static const char *const tasks[][2] = {
        { "ASR", "Automatic Speech Recognition" }, { "AAC", "Automated Audio Captioning" },
        { "SEC", "Sound Event Classification" },   { "ST", "Speech Translation" },
    };
    static const char *const datasets[][2] = {
        { "LibriSpeech", "Librispeech" }, { "AudioSet", "" }, { "CoVoST 2", "CoVoST2" },
    };
    static const char *const models[][2] = { { "SALMONN", "Salmonn" }, { "Qwen-Audio", "" } };
    int row, rc = BC_OK;
    for (size_t i = 0; rc == BC_OK && i < 4; i++) {
        rc = draft_add(d, DRAFT_TASKS, tasks[i][0], &row, NULL);
        if (rc == BC_OK)
            rc = draft_set(d, DRAFT_TASKS, row, "name", tasks[i][1], 0);
    }
    for (size_t i = 0; rc == BC_OK && i < 3; i++) {
        rc = draft_add(d, DRAFT_DATASETS, datasets[i][0], &row, NULL);
        if (rc == BC_OK)
            rc = draft_list_add(d, DRAFT_DATASETS, row, "aliases", datasets[i][1]);
    }
    for (size_t i = 0; rc == BC_OK && i < 2; i++) {
        rc = draft_add(d, DRAFT_MODELS, models[i][0], &row, NULL);
        if (rc == BC_OK)
            rc = draft_list_add(d, DRAFT_MODELS, row, "aliases", models[i][1]);
    }
    if (rc == BC_OK)
        rc = draft_add_fact(d, 0, 0, 0, BC_ROLE_EVAL, "base", NULL, NULL, NULL, NULL);
    for (int k = 0; k < DRAFT_KINDS; k++)
        d->n_base[k] = d->t[k].n_rows;
    d->n_base_facts = d->n_facts;
    d->has_base = 1;
    d->suggest = 1;
    return rc;
}

/* Renders the draft and loads it back.  0 when it loads with every fact, < 0 otherwise. */
static inline int fuzz_import_reload(const bc_draft *d)
{
    static const char *const which[4] = { "tasks", "models", "datasets", "usage" };
    bc_catalog cat;
    bc_errors errs;
    catalog_init(&cat);
    errors_init(&errs);
    int bad = 0;
    for (int i = 0; i < 4 && !bad; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *fp = open_memstream(&buf, &len);
        if (!fp)
            break; /* out of memory: nothing to say */
        draft_render(d, which[i], fp);
        fclose(fp);
        int rc = catalog_load_buffer(&cat, which[i], which[i], buf, len, &errs);
        free(buf);
        if (rc == BC_EX_DATAERR) {
            errors_print(&errs, stderr);
            bad = -1;
        }
    }
    if (!bad && cat.n_usage != d->n_facts)
        bad = -2;
    catalog_release(&cat);
    errors_release(&errs);
    return bad;
}

/* Runs one input; returns the importer's code, or < 0 for a broken promise. */
static inline int fuzz_import_run(int format, const uint8_t *data, size_t size)
{
    unsigned mode = size ? data[0] : 0;
    if (size) {
        data++;
        size--;
    }
    /* an exact-size copy, so reading past the end is a sanitizer error */
    char *text = malloc(size ? size : 1);
    if (!text)
        return BC_EX_SOFTWARE;
    if (size)
        memcpy(text, data, size);
    bc_draft d;
    bc_errors errs;
    draft_init(&d);
    errors_init(&errs);
    int rc = draft_start(&d);
    if (rc == BC_OK && (mode & 1))
        rc = fuzz_import_base(&d);
    d.known_only = (mode & 2) != 0;
    if (rc == BC_OK) {
        if (format == FUZZ_MARKDOWN) {
            static const char *const maps[] = { "encoder=Speech model", "datasets=Dataset" };
            import_markdown_opts o = { (long)((mode >> 2) & 3), (mode & 16) ? maps : NULL,
                                       (mode & 16) ? 2 : 0, BC_ROLE_TRAIN, NULL };
            rc = import_markdown(&d, "fuzz.md", text, size, &o, &errs);
        } else if (format == FUZZ_MATRIX) {
            static const char *const facets[] = { "org" };
            import_matrix_opts o = { NULL, facets, (mode & 4) ? 1 : 0, NULL, NULL,
                                     BC_ROLE_EVAL, NULL };
            rc = import_matrix(&d, "fuzz.csv", text, size, &o, &errs);
        } else {
            rc = import_pwc(&d, "fuzz.json", text, size, NULL, &errs);
        }
    }
    /* a failure always says why */
    if (rc != BC_OK && errs.n == 0 && errs.dropped == 0)
        rc = -3;
    if (rc == BC_OK)
        rc = fuzz_import_reload(&d);
    draft_release(&d);
    errors_release(&errs);
    free(text);
    return rc;
}

#endif
