/*
 * handmade_catalog.h - catalogs built by hand for the metric tests, so
 * that they need neither CSV files nor the loader: names, tasks and usage
 * triples go straight into the catalog arrays.  Free with hc_free (the
 * loader's catalog_release is not needed).
 */
#ifndef BENCHCOV_HANDMADE_CATALOG_H
#define BENCHCOV_HANDMADE_CATALOG_H

#include <stdlib.h>
#include <string.h>
#include "catalog.h"

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
        m->speech_encoder = hc_dup("");
        m->encoder_family = hc_dup("");
        m->llm = hc_dup("");
        m->llm_family = hc_dup("");
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
        cat->tasks[i].category = hc_dup("");
        cat->tasks[i].origin = BC_ORIGIN_GLOSSARY;
        cat->tasks[i].line = (long)i + 2;
    }
    for (size_t i = 0; i < nu; i++) {
        cat->usage[i] = (bc_usage){ u[i].m, u[i].d, u[i].t, BC_ROLE_EVAL, hc_dup("seed"),
                                    (long)i + 2 };
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

/* Sets model m's encoder family. */
static inline void hc_family(bc_catalog *cat, int m, const char *family)
{
    free(cat->models[m].encoder_family);
    cat->models[m].encoder_family = hc_dup(family);
}

static inline void hc_free(bc_catalog *cat)
{
    for (size_t i = 0; i < cat->n_models; i++) {
        bc_model *m = &cat->models[i];
        free(m->name);
        free(m->paper);
        free(m->speech_encoder);
        free(m->encoder_family);
        free(m->llm);
        free(m->llm_family);
    }
    for (size_t i = 0; i < cat->n_datasets; i++) {
        free(cat->datasets[i].name);
        free(cat->datasets[i].tasks);
    }
    for (size_t i = 0; i < cat->n_tasks; i++) {
        free(cat->tasks[i].code);
        free(cat->tasks[i].name);
        free(cat->tasks[i].category);
    }
    for (size_t i = 0; i < cat->n_usage; i++)
        free(cat->usage[i].source);
    free(cat->models);
    free(cat->datasets);
    free(cat->tasks);
    free(cat->usage);
    memset(cat, 0, sizeof *cat);
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
    cat->tasks[0].modality = BC_MOD_SPEECH;
    cat->tasks[1].modality = BC_MOD_SPEECH;
    cat->tasks[2].modality = BC_MOD_SOUND;
    cat->tasks[3].modality = BC_MOD_SPEECH;
    hc_family(cat, 0, "whisper");
    hc_family(cat, 1, "beats");
    hc_family(cat, 2, "whisper");
    cat->models[0].fusion = BC_FUSION_PROJECTION;
    cat->models[1].fusion = BC_FUSION_QFORMER;
    cat->models[2].fusion = BC_FUSION_UNKNOWN;
}

#endif
