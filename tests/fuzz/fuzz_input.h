/*
 * fuzz_input.h - how one fuzz input becomes a catalog, shared by the
 * libFuzzer harness (fuzz_catalog.c) and the replay test
 * (tests/test_fuzz_replay.c), so that every saved input is replayed
 * exactly as the fuzzer ran it.
 *
 * The first byte picks the shape of the input; the rest is the data:
 *
 *   byte % 5 == 0..3   the data is tasks.csv, models.csv, datasets.csv or
 *                      usage.csv respectively; the other three files are
 *                      the small valid catalog below, so the mutations
 *                      reach the deep checks (references, aliases) of one
 *                      file at a time;
 *   byte % 5 == 4      the data holds all four files in order, separated
 *                      by FUZZ_SEPARATOR; missing parts are empty files;
 *   byte % 5 == 3 with the high bit set: the data is a one-file catalog,
 *                      usage.csv alone, every entry named by it.
 *
 * The files are loaded with catalog_load_buffer in the order the loader
 * requires, and on success the catalog is checked against the promises
 * catalog.h makes (indices in range, task lists ascending and unique,
 * every name finds its own entry), then exported in every format
 * (fuzz_export_check).  A broken promise is reported as a
 * non-zero return of fuzz_catalog_check, which the harness turns into a
 * crash and the replay test into a failure.
 */
#ifndef BENCHCOV_FUZZ_INPUT_H
#define BENCHCOV_FUZZ_INPUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "error.h"
#include "export.h"

#define FUZZ_SEPARATOR "\n%%%%\n"

static const char fuzz_good_tasks[] =
    "code,name,modality,category,origin\n"
    "ASR,Automatic speech recognition,speech,content,glossary\n"
    "ST,Speech translation,speech,semantic,glossary\n"
    "AAC,Automated audio captioning,sound,scene,glossary\n"
    "SER,Speech emotion recognition,speech,paralinguistic,glossary\n"
    "MGR,Music genre recognition,music,music,added\n";

static const char fuzz_good_models[] =
    "model,aliases,paper,year,speech_encoder,encoder_family,llm,llm_family,"
    "llm_params_b,fusion,output\n"
    "SALMONN,,\"SALMONN: towards generic hearing abilities\",2023,"
    "Whisper-Large-v2;BEATs,whisper,Vicuna,vicuna,13,q-former,text\n"
    "Qwen-Audio,Qwen Audio,Qwen-Audio,2023,Whisper-Large-v2,whisper,Qwen-7B,qwen,"
    "7.7,projection,text\n"
    "LauraGPT,Lauragpt,LauraGPT,2023,Conformer,conformer,Qwen-1.8B,qwen,1.8,"
    "discrete-tokens,any\n";

static const char fuzz_good_datasets[] =
    "dataset,aliases,modality,tasks,languages,hours\n"
    "LibriSpeech,Librispeech,speech,ASR,en,960\n"
    "CoVoST2,CoVOST 2,speech,ST;ASR,en;de;zh,2880\n"
    "AudioCaps,,sound,AAC,en,\n"
    "IEMOCAP,,speech,SER,en,12\n"
    "GTZAN,,music,MGR,,\n";

static const char fuzz_good_usage[] =
    "model,dataset,task,role,source\n"
    "SALMONN,Librispeech,ASR,train,seed\n"
    "SALMONN,LibriSpeech,ASR,eval,seed\n"
    "SALMONN,AudioCaps,AAC,train,seed\n"
    "Qwen Audio,CoVOST 2,ST,eval,seed\n"
    "Qwen-Audio,IEMOCAP,SER,eval,seed\n"
    "Lauragpt,LibriSpeech,ASR,eval,seed\n"
    "LauraGPT,,SER,train,seed\n";

/* The four files in the order catalog_load_buffer wants them. */
static const char *const fuzz_which[4] = { "tasks", "models", "datasets", "usage" };
static const char *const fuzz_paths[4] = { "fuzz/tasks.csv", "fuzz/models.csv",
                                           "fuzz/datasets.csv", "fuzz/usage.csv" };

/* memmem without relying on _GNU_SOURCE. */
static inline const uint8_t *fuzz_find(const uint8_t *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; k <= n && i <= n - k; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return hay + i;
    return NULL;
}

/*
 * Splits an input into the four file texts (pointers into `data` or into
 * the static valid texts; nothing is allocated).
 */
static inline void fuzz_split(const uint8_t *data, size_t size, const uint8_t *text[4],
                              size_t len[4])
{
    /* text[i] == NULL: file i absent */
    text[0] = (const uint8_t *)fuzz_good_tasks;
    len[0] = sizeof fuzz_good_tasks - 1;
    text[1] = (const uint8_t *)fuzz_good_models;
    len[1] = sizeof fuzz_good_models - 1;
    text[2] = (const uint8_t *)fuzz_good_datasets;
    len[2] = sizeof fuzz_good_datasets - 1;
    text[3] = (const uint8_t *)fuzz_good_usage;
    len[3] = sizeof fuzz_good_usage - 1;
    if (size == 0)
        return;
    unsigned shape = data[0] % 5u;
    data++;
    size--;
    if (shape < 4) {
        if (shape == 3 && (data[-1] & 0x80))
            text[0] = text[1] = text[2] = NULL;
        text[shape] = data;
        len[shape] = size;
        return;
    }
    size_t seplen = strlen(FUZZ_SEPARATOR);
    for (int i = 0; i < 4; i++) {
        const uint8_t *sep = i < 3 ? fuzz_find(data, size, FUZZ_SEPARATOR) : NULL;
        size_t part = sep ? (size_t)(sep - data) : size;
        text[i] = data;
        len[i] = part;
        if (sep) {
            data = sep + seplen;
            size -= part + seplen;
        } else {
            data += size;
            size = 0;
        }
    }
}

/*
 * Checks what catalog.h promises of a catalog that loaded without error.
 * Returns 0, or a number saying which promise was broken.
 */
/* Checks one facet store and the facet arrays of n entries (stride apart). */
static inline int fuzz_facets_check(const bc_facets *fs, const void *entries, size_t n,
                                    size_t stride, size_t offset)
{
    for (size_t c = 0; c < fs->n; c++) {
        const bc_facet *f = &fs->cols[c];
        if (!f->name || !f->name[0])
            return 40;
        unsigned char *seen = calloc(f->n_values + 1, 1);
        if (!seen)
            return 0;
        for (size_t v = 0; v < f->n_values; v++) {
            if (!f->values[v] || !f->values[v][0] || f->count[v] == 0)
                return 41;
            if (f->rank[v] < 0 || (size_t)f->rank[v] >= f->n_values || seen[f->rank[v]]++)
                return 42;
        }
        free(seen);
    }
    for (size_t i = 0; i < n; i++) {
        const int *facet = *(int *const *)((const char *)entries + i * stride + offset);
        for (size_t c = 0; facet && c < fs->n; c++)
            if (facet[c] < -1 || (facet[c] >= 0 && (size_t)facet[c] >= fs->cols[c].n_values))
                return 43;
    }
    return 0;
}

static inline int fuzz_catalog_check(const bc_catalog *cat)
{
    int r;
    if ((r = fuzz_facets_check(&cat->task_facets, cat->tasks, cat->n_tasks, sizeof(bc_task),
                               offsetof(bc_task, facet))) ||
        (r = fuzz_facets_check(&cat->model_facets, cat->models, cat->n_models,
                               sizeof(bc_model), offsetof(bc_model, facet))) ||
        (r = fuzz_facets_check(&cat->dataset_facets, cat->datasets, cat->n_datasets,
                               sizeof(bc_dataset), offsetof(bc_dataset, facet))))
        return r;
    for (size_t i = 0; i < cat->n_tasks; i++) {
        const bc_task *t = &cat->tasks[i];
        if (!t->code || !t->name || !t->code[0])
            return 1;
        if (t->line > 0) { /* defined by tasks.csv: [A-Z][A-Z0-9-]* */
            if (!(t->code[0] >= 'A' && t->code[0] <= 'Z'))
                return 2;
            for (const char *p = t->code; *p; p++)
                if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-'))
                    return 2;
        }
        if (catalog_find_task(cat, t->code) != (int)i)
            return 5;
    }
    for (size_t i = 0; i < cat->n_models; i++) {
        const bc_model *m = &cat->models[i];
        if (!m->name || !m->paper)
            return 10;
        if (catalog_find_model(cat, m->name) != (int)i)
            return 11;
        for (size_t a = 0; a < m->aliases.n; a++)
            if (!m->aliases.items[a] || catalog_find_model(cat, m->aliases.items[a]) != (int)i)
                return 12;
        if (m->llm_params_b != m->llm_params_b) /* NaN is no number of parameters */
            return 15;
    }
    for (size_t i = 0; i < cat->n_datasets; i++) {
        const bc_dataset *d = &cat->datasets[i];
        if (!d->name)
            return 20;
        if (catalog_find_dataset(cat, d->name) != (int)i)
            return 21;
        for (size_t a = 0; a < d->aliases.n; a++)
            if (!d->aliases.items[a] ||
                catalog_find_dataset(cat, d->aliases.items[a]) != (int)i)
                return 22;
        for (size_t k = 0; k < d->n_tasks; k++) {
            if (d->tasks[k] < 0 || (size_t)d->tasks[k] >= cat->n_tasks)
                return 23;
            if (k > 0 && d->tasks[k] <= d->tasks[k - 1])
                return 24;
        }
        for (size_t a = 0; a < d->languages.n; a++)
            if (!d->languages.items[a])
                return 25;
        if (d->hours != d->hours)
            return 26;
    }
    for (size_t i = 0; i < cat->n_usage; i++) {
        const bc_usage *u = &cat->usage[i];
        if (u->model < 0 || (size_t)u->model >= cat->n_models)
            return 30;
        if (u->dataset < -1 || (u->dataset >= 0 && (size_t)u->dataset >= cat->n_datasets))
            return 31;
        if (u->task < -1 || (u->task >= 0 && (size_t)u->task >= cat->n_tasks))
            return 32;
        if (u->role != BC_ROLE_TRAIN && u->role != BC_ROLE_EVAL)
            return 33;
        if (!u->source || !u->metric || !u->split)
            return 34;
        if (u->dataset < 0 && u->task < 0)
            return 35; /* a row must name at least a dataset or a task */
    }
    return 0;
}

/*
 * Runs one input.  Returns the worst code the loader returned (BC_OK when
 * the catalog is valid), or -1 when the loader broke a promise of
 * catalog.h: a result code it may not give, a failure without a
 * diagnostic, or a "valid" catalog that fails fuzz_catalog_check.
 */
/*
 * Exports a loaded catalog in every format and graph: each must succeed,
 * and the graph formats (GraphML, DOT, JSON) must hold no byte below 0x20
 * but the line ends between nodes and edges: catalog text, line breaks
 * included, is always escaped.  Returns 0, or -1 when a promise is broken.
 */
static inline int fuzz_export_check(const bc_catalog *cat)
{
    static const unsigned graphs[] = { BC_EXPORT_MODEL_DATASET, BC_EXPORT_MODEL_TASK,
                                       BC_EXPORT_DATASET_TASK, BC_EXPORT_ALL };
    for (int f = BC_EXPORT_GRAPHML; f <= BC_EXPORT_JSON; f++)
        for (size_t g = 0; g < sizeof graphs / sizeof graphs[0]; g++) {
            char *buf = NULL;
            size_t len = 0;
            FILE *fp = open_memstream(&buf, &len);
            if (!fp)
                return 0; /* out of memory: nothing to check */
            int rc = export_write(fp, cat, (bc_export_format)f, graphs[g]);
            if (fclose(fp) != 0 || !buf) {
                free(buf);
                return 0;
            }
            int bad = rc != BC_OK && rc != BC_EX_SOFTWARE;
            for (size_t i = 0; f != BC_EXPORT_EDGES && i < len && !bad; i++)
                bad = (unsigned char)buf[i] < 0x20 && buf[i] != '\n';
            free(buf);
            if (bad)
                return -1;
        }
    return 0;
}

static inline int fuzz_catalog_run(const uint8_t *data, size_t size)
{
    const uint8_t *text[4];
    size_t len[4];
    fuzz_split(data, size, text, len);

    bc_catalog cat;
    bc_errors errs;
    catalog_init(&cat);
    errors_init(&errs);
    int worst = BC_OK, broken = 0;
    for (int i = 0; i < 4; i++) {
        if (!text[i])
            continue;
        int rc = catalog_load_buffer(&cat, fuzz_which[i], fuzz_paths[i], (const char *)text[i],
                                     len[i], &errs);
        if (rc != BC_OK && rc != BC_EX_DATAERR && rc != BC_EX_SOFTWARE)
            broken = 1; /* memory holds no missing file and no read error */
        if (rc != BC_OK && errs.n + errs.dropped == 0)
            broken = 1;
        if (rc > worst)
            worst = rc;
        if (rc != BC_OK && rc != BC_EX_DATAERR)
            break; /* as catalog_load: only data errors let loading go on */
    }
    if (worst == BC_OK && (errs.code != BC_OK || fuzz_catalog_check(&cat) != 0 ||
                           fuzz_export_check(&cat) != 0))
        broken = 1;
    catalog_release(&cat);
    errors_release(&errs);
    return broken ? -1 : worst;
}

#endif
