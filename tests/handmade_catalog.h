/*
 * handmade_catalog.h - catalogs built by hand for the metric tests, so
 * that they need neither CSV files nor the loader: names, tasks and usage
 * triples go straight into the catalog arrays; facets through the
 * loader's own facet store (catalog_load.h).  Free with hc_free.
 */
#ifndef BENCHCOV_HANDMADE_CATALOG_H
#define BENCHCOV_HANDMADE_CATALOG_H

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "catalog.h"
#include "catalog_load.h"

/* One usage fact; -1 = empty dataset or task. */
typedef struct {
    int m, d, t;
} hc_use;

static inline char *hc_dup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d)
        abort();
    return d;
}

static inline void *hc_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p)
        abort();
    return p;
}

/*
 * Fills `cat` with M models, D datasets and T tasks named by the arrays
 * (task names = codes when `task_names` is NULL), and the usage facts
 * (role eval).  Datasets get no tasks; use hc_dataset_tasks.
 */
static inline void hc_make(bc_catalog *cat, const char *const *models, size_t M,
                           const char *const *datasets, size_t D, const char *const *tasks,
                           const char *const *task_names, size_t T, const hc_use *u, size_t nu)
{
    memset(cat, 0, sizeof *cat);
    cat->models = hc_calloc(M, sizeof *cat->models);
    cat->datasets = hc_calloc(D, sizeof *cat->datasets);
    cat->tasks = hc_calloc(T, sizeof *cat->tasks);
    cat->usage = hc_calloc(nu, sizeof *cat->usage);
    cat->n_models = M;
    cat->n_datasets = D;
    cat->n_tasks = T;
    cat->n_usage = nu;
    for (size_t i = 0; i < M; i++) {
        bc_model *m = &cat->models[i];
        m->name = hc_dup(models[i]);
        m->paper = hc_dup("");
        m->llm_params_b = -1;
        m->line = (long)i + 2;
    }
    for (size_t i = 0; i < D; i++) {
        cat->datasets[i].name = hc_dup(datasets[i]);
        cat->datasets[i].hours = -1;
        cat->datasets[i].line = (long)i + 2;
    }
    for (size_t i = 0; i < T; i++) {
        cat->tasks[i].code = hc_dup(tasks[i]);
        cat->tasks[i].name = hc_dup(task_names ? task_names[i] : tasks[i]);
        cat->tasks[i].line = (long)i + 2;
    }
    for (size_t i = 0; i < nu; i++) {
        cat->usage[i] = (bc_usage){ .model = u[i].m, .dataset = u[i].d, .task = u[i].t,
                                    .role = BC_ROLE_EVAL, .source = catalog_text(cat, "seed"),
                                    .score = NAN, .metric = catalog_text(cat, ""),
                                    .split = catalog_text(cat, ""),
                                    .line = (long)i + 2 };
    }
}

/* Sets datasets.tasks of dataset d (indices ascending, unique). */
static inline void hc_dataset_tasks(bc_catalog *cat, int d, const int *tasks, size_t n)
{
    free(cat->datasets[d].tasks);
    cat->datasets[d].tasks = hc_calloc(n, sizeof *tasks);
    memcpy(cat->datasets[d].tasks, tasks, n * sizeof *tasks);
    cat->datasets[d].n_tasks = n;
}

/*
 * Sets the value of facet column `col` (created when new, as a header
 * would) of entry `idx` in `fs`, whose entries' facet arrays are
 * `*facet(idx)`; `n` entries in all.
 */
static inline void hc_facet_set(bc_facets *fs, int **facet, size_t n, const char *col,
                                const char *value)
{
    int c = catalog_facet_col(fs, col);
    if (c < 0) {
        if ((c = facets_add_col(fs, col)) < 0)
            abort();
    }
    (void)n;
    if (!*facet && !(*facet = facets_new_row(fs->n > 8 ? fs->n : 8)))
        abort();
    int id = facets_intern(fs, (size_t)c, value, 0, 0);
    if (id < 0 || facets_finish(fs) < 0)
        abort();
    (*facet)[c] = id;
}

/* Sets a facet of model m (at most 8 facet columns). */
static inline void hc_model_facet(bc_catalog *cat, int m, const char *col, const char *value)
{
    hc_facet_set(&cat->model_facets, &cat->models[m].facet, cat->n_models, col, value);
}

/* Sets a facet of task t (at most 8 facet columns). */
static inline void hc_task_facet(bc_catalog *cat, int t, const char *col, const char *value)
{
    hc_facet_set(&cat->task_facets, &cat->tasks[t].facet, cat->n_tasks, col, value);
}

/* Sets model m's encoder family. */
static inline void hc_family(bc_catalog *cat, int m, const char *family)
{
    hc_model_facet(cat, m, "encoder_family", family);
}

static inline void hc_free(bc_catalog *cat)
{
    catalog_release(cat);
}

/* The example worked by hand in test_coverage.c, test_gaps.c, test_overlap.c
 * and test_bipartite.c:
 *
 *   tasks    ASR(0) ST(1) AAC(2) KWS(3)
 *   models   Beta(0) Alpha(1) Gamma(2)          (name order: Alpha Beta Gamma)
 *   datasets LibriSpeech(0) CoVoST2(1) AudioCaps(2) Clotho(3) SpeechCommands(4)
 *   usage    Beta:  (LibriSpeech, ASR) (CoVoST2, ST) (CoVoST2, ASR)
 *            Alpha: (LibriSpeech, ASR) (AudioCaps, AAC) (-, ST)
 *            Gamma: (LibriSpeech, ASR) (LibriSpeech, -)
 *   datasets.tasks  LibriSpeech {ASR}  CoVoST2 {ASR, ST}  AudioCaps {AAC}
 *                   Clotho {AAC}  SpeechCommands {KWS}
 *   families Beta whisper, Alpha beats, Gamma whisper
 *   fusion   Beta projection, Alpha q-former, Gamma unknown
 */
static inline void hc_example(bc_catalog *cat)
{
    static const char *const models[] = { "Beta", "Alpha", "Gamma" };
    static const char *const datasets[] = { "LibriSpeech", "CoVoST2", "AudioCaps", "Clotho",
                                            "SpeechCommands" };
    static const char *const tasks[] = { "ASR", "ST", "AAC", "KWS" };
    static const char *const names[] = { "Speech recognition", "Speech translation, any",
                                         "Audio captioning", "Keyword spotting" };
    static const hc_use u[] = { { 0, 0, 0 }, { 0, 1, 1 }, { 0, 1, 0 }, { 1, 0, 0 },
                                { 1, 2, 2 }, { 1, -1, 1 }, { 2, 0, 0 }, { 2, 0, -1 } };
    hc_make(cat, models, 3, datasets, 5, tasks, names, 4, u, sizeof u / sizeof u[0]);
    static const int ls[] = { 0 }, cv[] = { 0, 1 }, ac[] = { 2 }, kws[] = { 3 };
    hc_dataset_tasks(cat, 0, ls, 1);
    hc_dataset_tasks(cat, 1, cv, 2);
    hc_dataset_tasks(cat, 2, ac, 1);
    hc_dataset_tasks(cat, 3, ac, 1);
    hc_dataset_tasks(cat, 4, kws, 1);
    hc_task_facet(cat, 0, "modality", "speech");
    hc_task_facet(cat, 1, "modality", "speech");
    hc_task_facet(cat, 2, "modality", "sound");
    hc_task_facet(cat, 3, "modality", "speech");
    hc_family(cat, 0, "whisper");
    hc_family(cat, 1, "beats");
    hc_family(cat, 2, "whisper");
    hc_model_facet(cat, 0, "fusion", "projection");
    hc_model_facet(cat, 1, "fusion", "q-former");
    /* Gamma's fusion is unknown: an empty cell */
}

#endif
