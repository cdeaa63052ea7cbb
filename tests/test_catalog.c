/*
 * test_catalog.c - the catalog loader: the good fixture in full, then one
 * test per bad input (tests/fixtures/bad/NAME, or a catalog written into a
 * temporary directory for inputs that are binary or large), checking the
 * exit code and the first diagnostic exactly: file, line, column, message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/resource.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"

#define GOOD "tests/fixtures/good"
#define BAD "tests/fixtures/bad/"

static const char *const files[4] = { "tasks.csv", "models.csv", "datasets.csv", "usage.csv" };

/* ------------------------------------------------------------ helpers */

static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    char chunk[4096];
    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (n + got > cap) {
            cap = (n + got) * 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        memcpy(buf + n, chunk, got);
        n += got;
    }
    fclose(fp);
    *len = n;
    return buf;
}

static void write_file(const char *dir, const char *name, const char *data, size_t len)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    assert_int_equal(fclose(fp), 0);
}

/* A temporary copy of the good catalog; `dir` receives its path. */
static void make_temp_catalog(char dir[64])
{
    strcpy(dir, "/tmp/benchcov-catalog-XXXXXX");
    assert_non_null(mkdtemp(dir));
    for (int i = 0; i < 4; i++) {
        char path[256];
        size_t len;
        snprintf(path, sizeof path, GOOD "/%s", files[i]);
        char *data = read_all(path, &len);
        write_file(dir, files[i], data, len);
        free(data);
    }
}

static void remove_temp_catalog(const char *dir)
{
    for (int i = 0; i < 4; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* The first diagnostic is exactly this; `file` NULL means no place. */
static void expect_first(const bc_errors *e, const char *file, long line, long col,
                         const char *msg)
{
    assert_true(e->n >= 1);
    const bc_diag *d = &e->items[0];
    if (file) {
        assert_non_null(d->file);
        assert_string_equal(d->file, file);
    } else {
        assert_null(d->file);
    }
    assert_int_equal(d->line, line);
    assert_int_equal(d->col, col);
    assert_string_equal(d->msg, msg);
}

typedef struct {
    const char *dir;     /* under tests/fixtures/bad/ */
    int rc;
    const char *file;    /* file name of the first diagnostic */
    long line, col;
    const char *msg;
    size_t count;        /* diagnostics expected in all; 0 = not checked */
} bad_case;

static void run_bad(const bad_case *c)
{
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    char dir[256], file[512];
    snprintf(dir, sizeof dir, BAD "%s", c->dir);
    snprintf(file, sizeof file, "%s/%s", dir, c->file);
    int rc = catalog_load(&cat, dir, &e);
    if (rc != c->rc || e.n == 0 || strcmp(e.items[0].msg, c->msg) != 0)
        errors_print(&e, stderr);
    assert_int_equal(rc, c->rc);
    assert_int_equal(e.code, c->rc);
    expect_first(&e, file, c->line, c->col, c->msg);
    if (c->count)
        assert_int_equal(e.n, c->count);
    catalog_release(&cat);
    errors_release(&e);
}

/* -------------------------------------------------------- good catalog */

static const char *task_facet(const bc_catalog *cat, int t, const char *col)
{
    const bc_facets *fs = &cat->task_facets;
    return catalog_facet_value(fs, cat->tasks[t].facet, catalog_facet_col(fs, col));
}

static const char *model_facet(const bc_catalog *cat, int m, const char *col)
{
    const bc_facets *fs = &cat->model_facets;
    return catalog_facet_value(fs, cat->models[m].facet, catalog_facet_col(fs, col));
}

static void check_good(const bc_catalog *cat)
{
    assert_int_equal(cat->n_tasks, 5);
    assert_int_equal(cat->n_models, 5);
    assert_int_equal(cat->n_datasets, 6);
    assert_int_equal(cat->n_usage, 15);
    /* Cells spelled otherwise than the display name: Librispeech, CoVoST2,
     * QwenAudio, Qwen Audio, lauragpt and "Libri  Speech" */
    assert_int_equal(cat->aliases_used, 6);

    /* tasks.csv starts with a BOM: the header and first code are clean */
    assert_string_equal(cat->tasks[0].code, "ASR");
    assert_int_equal(cat->tasks[0].line, 2);
    assert_string_equal(cat->tasks[2].name, "Automated audio captioning, general audio");
    assert_string_equal(catalog_task_modality(cat, 2), "sound");
    assert_string_equal(task_facet(cat, 3, "category"), "paralinguistic");
    assert_string_equal(task_facet(cat, 4, "origin"), "added");
    assert_string_equal(task_facet(cat, 0, "origin"), "glossary");
    /* every column but code and name is a facet, in header order */
    assert_int_equal(cat->task_facets.n, 3);
    assert_string_equal(cat->task_facets.cols[0].name, "modality");

    /* models.csv has CRLF line ends: no CR left in the last field */
    const bc_model *m = &cat->models[0];
    assert_string_equal(m->name, "SALMONN");
    assert_string_equal(model_facet(cat, 0, "fusion"), "q-former");
    assert_string_equal(model_facet(cat, 0, "output"), "text");
    assert_int_equal(m->year, 2023);
    assert_true(m->llm_params_b == 13.0);
    assert_string_equal(model_facet(cat, 0, "speech_encoder"), "Whisper-Large-v2 + BEATs");
    m = &cat->models[1];
    assert_true(m->llm_params_b == 7.7);
    assert_int_equal(m->aliases.n, 2);
    assert_string_equal(m->aliases.items[0], "QwenAudio");
    assert_string_equal(m->aliases.items[1], "Qwen Audio");
    m = &cat->models[2];
    assert_string_equal(m->paper, "LauraGPT: Listen, Attend, Understand, and Regenerate Audio with GPT");
    assert_string_equal(model_facet(cat, 2, "output"), "any");
    m = &cat->models[4];
    assert_string_equal(m->name, "Pengi");
    assert_int_equal(m->line, 6);
    assert_int_equal(m->year, 0);
    assert_true(m->llm_params_b < 0);
    assert_string_equal(model_facet(cat, 4, "fusion"), "");
    assert_string_equal(model_facet(cat, 4, "output"), "");
    assert_string_equal(m->paper, "");
    assert_int_equal(m->aliases.n, 0);

    const bc_dataset *d = &cat->datasets[1];
    assert_string_equal(d->name, "CoVoST 2");
    assert_int_equal(d->n_tasks, 2);
    assert_int_equal(d->tasks[0], 0);   /* ASR, ascending although listed second */
    assert_int_equal(d->tasks[1], 1);   /* ST */
    assert_int_equal(d->languages.n, 3);
    assert_string_equal(d->languages.items[2], "zh");
    assert_true(d->hours == 2880.0);
    assert_true(cat->datasets[2].hours == 127.5);
    assert_true(cat->datasets[3].hours < 0);
    assert_int_equal(cat->datasets[5].languages.n, 0);
    assert_true(cat->datasets[5].hours == 8.3);

    /* usage rows resolved through aliases */
    const bc_usage *u = &cat->usage[5];      /* QwenAudio,LibriSpeech,ASR,train */
    assert_int_equal(u->model, 1);
    assert_int_equal(u->dataset, 0);
    assert_int_equal(u->task, 0);
    assert_int_equal(u->role, BC_ROLE_TRAIN);
    assert_int_equal(u->line, 7);
    u = &cat->usage[10];                     /* LauraGPT,,ST,eval,paper */
    assert_int_equal(u->model, 2);
    assert_int_equal(u->dataset, -1);
    assert_int_equal(u->task, 1);
    assert_string_equal(u->source, "paper");
    u = &cat->usage[12];                     /* LTU,Clotho,,train: task-free */
    assert_int_equal(u->dataset, 3);
    assert_int_equal(u->task, -1);
    u = &cat->usage[14];                     /* Pengi,Libri  Speech,... */
    assert_int_equal(u->model, 4);
    assert_int_equal(u->dataset, 0);
    assert_int_equal(u->role, BC_ROLE_EVAL);
    assert_string_equal(u->source, "paper, table 3");

    assert_int_equal(catalog_find_model(cat, "  qwen   AUDIO "), 1);
    assert_int_equal(catalog_find_model(cat, "Lauragpt"), 2);
    assert_int_equal(catalog_find_model(cat, "Qwen"), -1);
    assert_int_equal(catalog_find_dataset(cat, "covost2"), 1);
    assert_int_equal(catalog_find_dataset(cat, "libri speech"), 0);
    assert_int_equal(catalog_find_task(cat, "MGR"), 4);
    assert_int_equal(catalog_find_task(cat, "XYZ"), -1);
}

static void test_good(void **state)
{
    (void)state;
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    int rc = catalog_load(&cat, GOOD, &e);
    if (rc)
        errors_print(&e, stderr);
    assert_int_equal(rc, BC_OK);
    assert_int_equal(e.n, 0);
    check_good(&cat);
    catalog_release(&cat);
    catalog_release(&cat);      /* empty afterwards: releasing again is fine */
    catalog_release(NULL);

    /* a trailing slash on the directory is not doubled */
    catalog_init(&cat);
    assert_int_equal(catalog_load(&cat, GOOD "/", &e), BC_OK);
    assert_int_equal(cat.n_usage, 15);
    catalog_release(&cat);
    errors_release(&e);
}

static void test_buffer(void **state)
{
    (void)state;
    static const char *const which[4] = { "tasks", "models", "datasets", "usage" };
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    for (int i = 0; i < 4; i++) {
        char path[256];
        size_t len;
        snprintf(path, sizeof path, GOOD "/%s", files[i]);
        char *data = read_all(path, &len);
        assert_int_equal(catalog_load_buffer(&cat, which[i], path, data, len, &e), BC_OK);
        free(data);
    }
    assert_int_equal(e.n, 0);
    check_good(&cat);
    catalog_release(&cat);

    /* same diagnostics from memory, with the path given */
    catalog_init(&cat);
    const char tasks[] = "code,name,modality,category,origin\nASR,x,speech,,glossary\n";
    const char usage[] = "model,dataset,task,role,source\n";
    const char models[] = "model,aliases,paper,year,speech_encoder,encoder_family,llm,"
                          "llm_family,llm_params_b,fusion,output\nM,,,1899,,,,,,,\n";
    assert_int_equal(catalog_load_buffer(&cat, "tasks", "mem/tasks.csv", tasks,
                                         sizeof tasks - 1, &e), BC_OK);
    assert_int_equal(catalog_load_buffer(&cat, "models", "mem/models.csv", models,
                                         sizeof models - 1, &e), BC_EX_DATAERR);
    assert_int_equal(catalog_load_buffer(&cat, "usage", "mem/usage.csv", usage,
                                         sizeof usage - 1, &e), BC_OK);
    expect_first(&e, "mem/models.csv", 2, 5, "invalid year '1899' (expected 1900 to 2100)");
    assert_int_equal(cat.n_tasks, 1);
    assert_int_equal(cat.n_models, 0);
    assert_int_equal(cat.n_usage, 0);
    catalog_release(&cat);
    errors_release(&e);
}

/* ------------------------------------------------ schema v2 messages */

/*
 * Loads the given files from memory (NULL: absent) and checks the first
 * diagnostic, its place and the count.
 */
static void load_expect(const char *tasks, const char *models, const char *datasets,
                        const char *usage, int rc, const char *file, long line, long col,
                        const char *msg, size_t count)
{
    const char *text[4] = { tasks, models, datasets, usage };
    static const char *const which[4] = { "tasks", "models", "datasets", "usage" };
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    int worst = BC_OK;
    for (int i = 0; i < 4; i++) {
        if (!text[i])
            continue;
        char path[32];
        snprintf(path, sizeof path, "m/%s.csv", which[i]);
        int r = catalog_load_buffer(&cat, which[i], path, text[i], strlen(text[i]), &e);
        if (r > worst)
            worst = r;
    }
    if (worst != rc || e.n != count || (msg && (e.n == 0 || strcmp(e.items[0].msg, msg) != 0)))
        errors_print(&e, stderr);
    assert_int_equal(worst, rc);
    if (msg)
        expect_first(&e, file, line, col, msg);
    assert_int_equal(e.n, count);
    catalog_release(&cat);
    errors_release(&e);
}

static const char two_tasks[] = "code,name\nASR,Speech recognition\nST,Speech translation\n";

static void test_messages(void **state)
{
    (void)state;
    /* A UTF-16 file is named as such, little- and big-endian. */
    load_expect("\xFF\xFE" "c\0o\0d\0e\0\n\0", NULL, NULL, "model,dataset\n", BC_EX_DATAERR,
                "m/tasks.csv", 1, 1,
                "file is UTF-16 (little-endian byte order mark); save it as UTF-8", 1);
    load_expect(NULL, NULL, NULL, "\xFE\xFF\0m\0o", BC_EX_DATAERR, "m/usage.csv", 1, 1,
                "file is UTF-16 (big-endian byte order mark); save it as UTF-8", 1);
    /* A header split by ';': the wrong delimiter, at the first ';'. */
    load_expect(NULL, NULL, NULL, "model;dataset;task\nA;B;C\n", BC_EX_DATAERR, "m/usage.csv",
                1, 6, "header separated by ';' (columns must be separated by ',')", 1);
    /* A ',' inside a list field: quoted, the item names no task; unquoted, one field too many. */
    load_expect(two_tasks, NULL, "dataset,tasks,hours\nX,\"ASR,ST\",3\n", NULL, BC_EX_DATAERR,
                "m/datasets.csv", 2, 3,
                "unknown task 'ASR,ST' (separate list items with ';', not ',')", 1);
    load_expect(two_tasks, NULL, "dataset,tasks,hours\nX,ASR,ST,3\n", NULL, BC_EX_DATAERR,
                "m/datasets.csv", 2, 10,
                "expected 3 fields, found 4 (a ',' inside a list? separate list items with ';')",
                1);
    load_expect(NULL, NULL, "dataset,languages\nX,\"en,de\"\n", "model,dataset\nA,X\n",
                BC_EX_DATAERR, "m/datasets.csv", 2, 3,
                "language 'en,de' holds a ',' (separate list items with ';')", 1);
    load_expect(NULL, NULL, "dataset,tasks\nX,\"ASR, ST\"\n", "model,dataset\nA,X\n",
                BC_EX_DATAERR, "m/datasets.csv", 2, 3,
                "task 'ASR, ST' holds a ',' (separate list items with ';')", 1);
    /* A quote left open runs to the end of the file and swallows rows: the
       models it swallowed raise no "unknown model" later. */
    load_expect(NULL, "model,year\nA,2020\n\"B,2021\nC,2022\n",
                NULL, "model,dataset,task\nA,X,T\nC,X,T\nB,X,T\n", BC_EX_DATAERR,
                "m/models.csv", 3, 1,
                "unterminated quoted field: the quote opened here runs to the end of the file",
                1);
    /* A quoted field that closes lines later, then a stray character. */
    load_expect(NULL, "model,year\nA,2020\n\"B,2021\nC\"x,2022\nD,2023\n", NULL,
                "model,dataset,task\nD,X,T\nC,X,T\n", BC_EX_DATAERR, "m/models.csv", 3, 1,
                "unexpected character after closing quote (double a quote inside a quoted "
                "field); the quoted field opened here runs to line 4",
                1);
    /* A slip in a usage column name, which would otherwise be dropped silently. */
    load_expect(NULL, NULL, NULL, "model,dataset,taks\nA,X,T\n", BC_EX_DATAERR, "m/usage.csv",
                1, 15, "unknown column 'taks' (did you mean 'task'?)", 1);
    /* Empty column names. */
    load_expect(NULL, NULL, NULL, "model,dataset,\nA,X,\n", BC_EX_DATAERR, "m/usage.csv", 1, 15,
                "empty column name (trailing comma?)", 1);
    /* Score is a number, signed or zero; anything else is named. */
    load_expect(NULL, NULL, NULL, "model,dataset,task,score\nA,X,T,-0.5\nB,X,T,0\nC,X,T,2.1%\n",
                BC_EX_DATAERR, "m/usage.csv", 4, 7,
                "invalid score '2.1%' (expected a number such as 71.3)", 1);
    /* Role: a case slip is named with the right case. */
    load_expect(NULL, NULL, NULL, "model,dataset,task,role\nA,X,T,TRAIN\n", BC_EX_DATAERR,
                "m/usage.csv", 2, 7,
                "invalid role 'TRAIN' (expected train or eval; did you mean 'train'?)", 1);
    /* Known columns in any case and order; the rest of usage.csv is ignored. */
    load_expect(NULL, NULL, NULL, "Notes,Task,MODEL,Dataset\nfine,T,A,X\n", BC_OK, NULL, 0, 0,
                NULL, 0);
}

/* A one-file catalog: every entry named by usage, scores and metrics kept. */
static void test_one_file(void **state)
{
    (void)state;
    static const char usage[] = "model,dataset,task,score,metric,split\n"
                                "GPT-4,MMLU,knowledge,86.4,accuracy,test\n"
                                "GPT-4,GSM8K,math,92,accuracy,test\n"
                                "Llama 3,mmlu,knowledge,,,\n"
                                "Llama 3,,code,,,\n";
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    assert_int_equal(catalog_load_buffer(&cat, "usage", "u.csv", usage, sizeof usage - 1, &e),
                     BC_OK);
    assert_int_equal(cat.n_models, 2);
    assert_int_equal(cat.n_datasets, 2);        /* mmlu is MMLU */
    assert_int_equal(cat.n_tasks, 3);
    assert_int_equal(cat.n_usage, 4);
    assert_int_equal(cat.aliases_used, 1);
    assert_string_equal(cat.tasks[0].code, "knowledge");
    assert_string_equal(cat.tasks[0].name, "knowledge");
    assert_int_equal(cat.models[1].line, 0);    /* named by usage only */
    assert_true(cat.usage[0].score == 86.4);
    assert_string_equal(cat.usage[0].metric, "accuracy");
    assert_string_equal(cat.usage[1].split, "test");
    assert_true(cat.usage[2].score != cat.usage[2].score);   /* NaN: no score */
    assert_int_equal(cat.usage[3].dataset, -1);
    /* Without datasets.csv a dataset serves the tasks its facts name. */
    assert_int_equal(cat.datasets[0].n_tasks, 1);
    assert_int_equal(cat.datasets[0].tasks[0], 0);
    assert_int_equal(cat.usage[0].role, BC_ROLE_EVAL);
    catalog_release(&cat);
    errors_release(&e);
}

/* ------------------------------------------------------ bad fixtures */

#define BAD_TEST(fn, ...)                       \
    static void fn(void **state)                \
    {                                           \
        (void)state;                            \
        static const bad_case c = __VA_ARGS__;  \
        run_bad(&c);                            \
    }

BAD_TEST(test_quote_unterminated, { "quote_unterminated", 65, "usage.csv", 17, 5,
         "unterminated quoted field: the quote opened here runs to the end of the file", 1 })
BAD_TEST(test_quote_broken, { "quote_broken", 65, "usage.csv", 2, 9,
         "unexpected character after closing quote (double a quote inside a quoted field)", 1 })
BAD_TEST(test_quote_stray, { "quote_stray", 65, "usage.csv", 3, 9,
         "stray quote in unquoted field (quote the whole field and double inner quotes)", 1 })
BAD_TEST(test_cr_only, { "cr_only", 65, "models.csv", 1, 97,
         "carriage return without line feed (line ends must be LF or CRLF)", 1 })
BAD_TEST(test_bom_twice, { "bom_twice", 65, "tasks.csv", 1, 1,
         "byte order mark inside a field (only one at the start of the file is allowed)", 1 })
BAD_TEST(test_ragged, { "ragged", 65, "models.csv", 5, 1, "expected 11 fields, found 10", 1 })
BAD_TEST(test_trailing_comma, { "trailing_comma", 65, "tasks.csv", 3, 48,
         "expected 5 fields, found 6 (trailing comma?)", 1 })
BAD_TEST(test_empty_file, { "empty_file", 65, "datasets.csv", 1, 1,
         "empty file, expected header 'dataset[,aliases,tasks,languages,hours,...]'", 1 })
BAD_TEST(test_header_only_tasks, { "header_only_tasks", 65, "datasets.csv", 2, 45,
         "unknown task 'ASR'", 21 })
BAD_TEST(test_column_missing, { "column_missing", 65, "datasets.csv", 1, 49,
         "missing column 'dataset' (expected header 'dataset[,aliases,tasks,languages,hours,...]')", 1 })
BAD_TEST(test_column_renamed, { "column_renamed", 65, "usage.csv", 1, 20,
         "unknown column 'roles' (did you mean 'role'?)", 1 })
BAD_TEST(test_column_repeated, { "column_repeated", 65, "datasets.csv", 1, 32,
         "repeated column 'tasks'", 1 })
BAD_TEST(test_duplicate_key, { "duplicate_key", 65, "models.csv", 7, 1,
         "name 'salmonn' already used by model 'SALMONN' (line 2)", 1 })
BAD_TEST(test_alias_twice, { "alias_twice", 65, "datasets.csv", 8, 15,
         "alias 'covost2' of dataset 'CoVoST 2 test' already names dataset 'CoVoST 2' (line 3)", 1 })
BAD_TEST(test_alias_is_name, { "alias_is_name", 65, "models.csv", 5, 5,
         "alias 'Salmonn' of model 'LTU' already names model 'SALMONN' (line 2)", 1 })
BAD_TEST(test_unknown_refs, { "unknown_refs", 65, "datasets.csv", 8, 18,
         "unknown task 'SVV'", 7 })
BAD_TEST(test_bad_enums, { "bad_enums", 65, "usage.csv", 4, 20,
         "invalid role 'Eval' (expected train or eval; did you mean 'eval'?)", 2 })
BAD_TEST(test_bad_numbers, { "bad_numbers", 65, "models.csv", 7, 27, "invalid number '1,5'", 13 })
BAD_TEST(test_duplicate_usage, { "duplicate_usage", 65, "usage.csv", 17, 1,
         "duplicate usage row (first at line 7)", 1 })
BAD_TEST(test_multi_errors, { "multi_errors", 65, "usage.csv", 17, 10,
         "missing task (only rows naming a dataset may leave it empty)", 4 })

/* Every diagnostic of the multi-error fixtures, not only the first. */
static void test_all_reported(void **state)
{
    (void)state;
    static const struct { long line, col; const char *msg; } want[] = {
        { 17, 10, "missing task (only rows naming a dataset may leave it empty)" },
        { 18, 16, "missing role (expected train or eval)" },
        { 19, 1, "expected 5 fields, found 4" },
        { 20, 1, "missing model" },
    };
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    assert_int_equal(catalog_load(&cat, BAD "multi_errors", &e), BC_EX_DATAERR);
    assert_int_equal(e.n, 4);
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(e.items[i].file, BAD "multi_errors/usage.csv");
        assert_int_equal(e.items[i].line, want[i].line);
        assert_int_equal(e.items[i].col, want[i].col);
        assert_string_equal(e.items[i].msg, want[i].msg);
    }
    /* the good rows around the bad ones still load */
    assert_int_equal(cat.n_usage, 15);
    catalog_release(&cat);
    errors_release(&e);

    static const char *const refs[] = {
        "unknown task 'SVV'",
        "unknown dataset 'Librispeeh' (did you mean 'LibriSpeech'?)",
        "unknown model 'Salmon' (did you mean 'SALMONN'?)",
        "unknown task 'ASRR' (did you mean 'ASR'?)",
        "unknown model 'Totally Unknown'",
        "unknown dataset 'Nowhere At All'",
        "unknown task 'ZZZZZ'",
    };
    catalog_init(&cat);
    assert_int_equal(catalog_load(&cat, BAD "unknown_refs", &e), BC_EX_DATAERR);
    assert_int_equal(e.n, 7);
    for (size_t i = 0; i < 7; i++)
        assert_string_equal(e.items[i].msg, refs[i]);
    assert_int_equal(e.items[1].line, 17);
    assert_int_equal(e.items[1].col, 9);
    /* VoxCeleb failed to load, so it is not a dataset */
    assert_int_equal(cat.n_datasets, 6);
    catalog_release(&cat);
    errors_release(&e);

    static const char *const numbers[] = { "1,5", "nan", "1e999", "0x1A", "12abc", "-0",
                                           "+3", " 3", "0", "1.", ".5" };
    catalog_init(&cat);
    assert_int_equal(catalog_load(&cat, BAD "bad_numbers", &e), BC_EX_DATAERR);
    assert_int_equal(e.n, 13);
    for (size_t i = 0; i < 11; i++) {
        char msg[64];
        snprintf(msg, sizeof msg, "invalid number '%s'", numbers[i]);
        assert_string_equal(e.items[i].msg, msg);
        assert_int_equal(e.items[i].line, (long)(7 + i));
    }
    assert_string_equal(e.items[11].msg, "invalid year '23' (expected 1900 to 2100)");
    assert_string_equal(e.items[12].file, BAD "bad_numbers/datasets.csv");
    assert_string_equal(e.items[12].msg, "invalid number '1,5'");
    assert_int_equal(cat.n_models, 5);
    catalog_release(&cat);
    errors_release(&e);
}

/* A catalog whose usage.csv is only the header is valid and empty. */
static void test_header_only(void **state)
{
    (void)state;
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    assert_int_equal(catalog_load(&cat, BAD "header_only", &e), BC_OK);
    assert_int_equal(e.n, 0);
    assert_int_equal(cat.n_models, 5);
    assert_int_equal(cat.n_usage, 0);
    catalog_release(&cat);
    errors_release(&e);
}

static void test_missing(void **state)
{
    (void)state;
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    assert_int_equal(catalog_load(&cat, BAD "no_such_dir", &e), BC_EX_NOINPUT);
    expect_first(&e, NULL, 0, 0,
                 "cannot open '" BAD "no_such_dir': No such file or directory");
    assert_int_equal(e.n, 1);
    catalog_release(&cat);
    errors_release(&e);

    catalog_init(&cat);
    assert_int_equal(catalog_load(&cat, BAD "missing_file", &e), BC_EX_NOINPUT);
    expect_first(&e, NULL, 0, 0,
                 "cannot open '" BAD "missing_file/usage.csv': No such file or directory");
    assert_int_equal(e.n, 1);
    assert_int_equal(cat.n_datasets, 6);
    catalog_release(&cat);
    errors_release(&e);
}

/* ---------------------------------------- inputs written at test time */

/* Replaces one file of a temporary good catalog and checks the first error. */
static void run_generated(const char *name, const char *data, size_t len, int rc,
                          long line, long col, const char *msg, size_t count)
{
    char dir[64], file[128];
    make_temp_catalog(dir);
    write_file(dir, name, data, len);
    snprintf(file, sizeof file, "%s/%s", dir, name);
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    int got = catalog_load(&cat, dir, &e);
    if (got != rc || e.n == 0 || strcmp(e.items[0].msg, msg) != 0)
        errors_print(&e, stderr);
    assert_int_equal(got, rc);
    expect_first(&e, file, line, col, msg);
    if (count)
        assert_int_equal(e.n, count);
    catalog_release(&cat);
    errors_release(&e);
    remove_temp_catalog(dir);
}

#define TASKS_HEAD "code,name,modality,category,origin\n"
#define TASKS_REST "ST,Speech translation,speech,semantic,glossary\n" \
                   "AAC,Captioning,sound,scene,glossary\nSER,Emotion,speech,,glossary\n" \
                   "MGR,Genre,music,music,added\n"

static void test_nul(void **state)
{
    (void)state;
    static const char data[] = TASKS_HEAD "ASR,Automatic\0speech,speech,content,glossary\n"
                               TASKS_REST;
    run_generated("tasks.csv", data, sizeof data - 1, BC_EX_DATAERR, 2, 14, "NUL byte", 0);
}

static void test_utf8_overlong(void **state)
{
    (void)state;
    /* "\xC3\xA9" is fine; "\xC0\xAF" is an overlong '/' */
    static const char data[] = TASKS_HEAD "ASR,Reconnaissance vocale \xC3\xA9 \xC0\xAF,speech,,glossary\n"
                               TASKS_REST;
    run_generated("tasks.csv", data, sizeof data - 1, BC_EX_DATAERR, 2, 29,
                  "invalid UTF-8 sequence starting with byte 0xC0 (overlong encoding)", 0);
    static const char data3[] = TASKS_HEAD "ASR,x\xE0\x80\xAF,speech,,glossary\n" TASKS_REST;
    run_generated("tasks.csv", data3, sizeof data3 - 1, BC_EX_DATAERR, 2, 6,
                  "invalid UTF-8 sequence starting with byte 0xE0 (overlong encoding)", 0);
}

static void test_utf8_surrogate(void **state)
{
    (void)state;
    static const char data[] = TASKS_HEAD "ASR,\xF0\x9F\x8E\xA4 \xED\xA0\x80,speech,,glossary\n"
                               TASKS_REST;
    run_generated("tasks.csv", data, sizeof data - 1, BC_EX_DATAERR, 2, 7,
                  "invalid UTF-8 sequence starting with byte 0xED (surrogate code point)", 0);
    static const char big[] = TASKS_HEAD "ASR,\xF4\x90\x80\x80,speech,,glossary\n" TASKS_REST;
    run_generated("tasks.csv", big, sizeof big - 1, BC_EX_DATAERR, 2, 5,
                  "invalid UTF-8 sequence starting with byte 0xF4 (beyond U+10FFFF)", 0);
    static const char stray[] = TASKS_HEAD "ASR,ab\x80,speech,,glossary\n" TASKS_REST;
    run_generated("tasks.csv", stray, sizeof stray - 1, BC_EX_DATAERR, 2, 7,
                  "invalid UTF-8 byte 0x80 (continuation byte without a lead byte)", 0);
}

static void test_utf8_truncated(void **state)
{
    (void)state;
    /* the file ends in the middle of a three-byte sequence */
    static const char data[] = TASKS_HEAD TASKS_REST "ASR,x,speech,,glossary\xE2\x82";
    run_generated("tasks.csv", data, sizeof data - 1, BC_EX_DATAERR, 6, 23,
                  "invalid UTF-8 sequence starting with byte 0xE2 (truncated at end of file)", 0);
    /* and in the middle of a line */
    static const char mid[] = TASKS_HEAD "ASR,x\xE2\x82y,speech,,glossary\n" TASKS_REST;
    run_generated("tasks.csv", mid, sizeof mid - 1, BC_EX_DATAERR, 2, 6,
                  "invalid UTF-8 sequence starting with byte 0xE2 (truncated)", 1);
}

static void test_field_cap(void **state)
{
    (void)state;
    size_t big = BC_FIELD_MAX + 10;
    const char head[] = TASKS_HEAD "ASR,\"";
    const char tail[] = "\",speech,,glossary\n" TASKS_REST;
    size_t len = sizeof head - 1 + big + sizeof tail - 1;
    char *data = malloc(len);
    assert_non_null(data);
    memcpy(data, head, sizeof head - 1);
    memset(data + sizeof head - 1, 'a', big);
    memcpy(data + sizeof head - 1 + big, tail, sizeof tail - 1);
    char msg[64];
    snprintf(msg, sizeof msg, "field longer than %d bytes", BC_FIELD_MAX);
    run_generated("tasks.csv", data, len, BC_EX_DATAERR, 2, 5, msg, 0);

    /* exactly at the cap is accepted */
    size_t at = BC_FIELD_MAX - 2;  /* plus the two quotes */
    len = sizeof head - 1 + at + sizeof tail - 1;
    memset(data + sizeof head - 1, 'b', at);
    memcpy(data + sizeof head - 1 + at, tail, sizeof tail - 1);
    char dir[64];
    make_temp_catalog(dir);
    write_file(dir, "tasks.csv", data, len);
    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    assert_int_equal(catalog_load(&cat, dir, &e), BC_OK);
    assert_int_equal(strlen(cat.tasks[0].name), at);
    catalog_release(&cat);
    errors_release(&e);
    remove_temp_catalog(dir);
    free(data);
}

/* 100 MB on one line: rejected at the cap, quickly, in bounded memory. */
static void test_huge_line(void **state)
{
    (void)state;
    char dir[64], path[128];
    make_temp_catalog(dir);
    snprintf(path, sizeof path, "%s/usage.csv", dir);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs("model,dataset,task,role,source\nSALMONN,", fp);
    char *block = malloc(1 << 20);
    assert_non_null(block);
    memset(block, 'x', 1 << 20);
    for (int i = 0; i < 100; i++)
        assert_int_equal(fwrite(block, 1, 1 << 20, fp), 1 << 20);
    fputs(",ASR,eval,seed\nLTU,AudioCaps,AAC,train,seed\nLTU,Nowhere,AAC,train,seed\n", fp);
    assert_int_equal(fclose(fp), 0);
    free(block);

    bc_catalog cat;
    bc_errors e;
    catalog_init(&cat);
    errors_init(&e);
    struct rusage before, after;
    assert_int_equal(getrusage(RUSAGE_SELF, &before), 0);
    assert_int_equal(catalog_load(&cat, dir, &e), BC_EX_DATAERR);
    assert_int_equal(getrusage(RUSAGE_SELF, &after), 0);
    /* Peak memory (kB) grew by far less than the 100 MB the line holds (the
     * margin leaves room for the sanitizer build's shadow and quarantine). */
    if (after.ru_maxrss - before.ru_maxrss > 48 * 1024)
        fail_msg("loading a 100 MB line raised peak memory by %ld kB",
                 after.ru_maxrss - before.ru_maxrss);
    char msg[64], file[128];
    snprintf(msg, sizeof msg, "field longer than %d bytes", BC_FIELD_MAX);
    snprintf(file, sizeof file, "%s/usage.csv", dir);
    expect_first(&e, file, 2, 9, msg);
    /* loading resumed on the next line */
    assert_int_equal(e.n, 2);
    assert_int_equal(e.items[1].line, 4);
    assert_string_equal(e.items[1].msg, "unknown dataset 'Nowhere'");
    assert_int_equal(cat.n_usage, 1);
    catalog_release(&cat);
    errors_release(&e);
    unlink(path);
    remove_temp_catalog(dir);
}

/* More errors than BC_MAX_ERRORS: the first ones are kept, the rest counted. */
static void test_error_limit(void **state)
{
    (void)state;
    size_t rows = BC_MAX_ERRORS + 50;
    size_t cap = 64 + rows * 40, len = 0;
    char *data = malloc(cap);
    assert_non_null(data);
    len += (size_t)sprintf(data, "model,dataset,task,role,source\n");
    for (size_t i = 0; i < rows; i++)
        len += (size_t)sprintf(data + len, "SALMONN,LibriSpeech,ASR,role%zu,seed\n", i);
    run_generated("usage.csv", data, len, BC_EX_DATAERR, 2, 25,
                  "invalid role 'role0' (expected train or eval)", BC_MAX_ERRORS);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_buffer),
        cmocka_unit_test(test_messages),
        cmocka_unit_test(test_one_file),
        cmocka_unit_test(test_quote_unterminated),
        cmocka_unit_test(test_quote_broken),
        cmocka_unit_test(test_quote_stray),
        cmocka_unit_test(test_cr_only),
        cmocka_unit_test(test_bom_twice),
        cmocka_unit_test(test_ragged),
        cmocka_unit_test(test_trailing_comma),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_header_only),
        cmocka_unit_test(test_header_only_tasks),
        cmocka_unit_test(test_column_missing),
        cmocka_unit_test(test_column_renamed),
        cmocka_unit_test(test_column_repeated),
        cmocka_unit_test(test_duplicate_key),
        cmocka_unit_test(test_alias_twice),
        cmocka_unit_test(test_alias_is_name),
        cmocka_unit_test(test_unknown_refs),
        cmocka_unit_test(test_bad_enums),
        cmocka_unit_test(test_bad_numbers),
        cmocka_unit_test(test_duplicate_usage),
        cmocka_unit_test(test_multi_errors),
        cmocka_unit_test(test_all_reported),
        cmocka_unit_test(test_missing),
        cmocka_unit_test(test_nul),
        cmocka_unit_test(test_utf8_overlong),
        cmocka_unit_test(test_utf8_surrogate),
        cmocka_unit_test(test_utf8_truncated),
        cmocka_unit_test(test_field_cap),
        cmocka_unit_test(test_huge_line),
        cmocka_unit_test(test_error_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
