/*
 * cmd_import.c - `benchcov import FORMAT FILE --out DIR`: a catalog
 * directory and a review list from a table people already keep.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "commands.h"
#include "draft.h"
#include "import_markdown.h"
#include "import_matrix.h"
#include "import_pwc.h"

const char usage_import[] =
    "usage: benchcov import markdown|matrix|pwc <file> --out <dir> [--catalog <dir>]\n"
    "                      [--known-only] [--source <text>] [<format options>]\n"
    "\n"
    "Reads <file> and writes a catalog directory to <dir> (tasks.csv, models.csv,\n"
    "datasets.csv, usage.csv) and <dir>/review.csv: every mention the import\n"
    "could not resolve or had to guess, with its position FILE:LINE:COL, what\n"
    "was done with it and a suggestion.  With --catalog, names resolve through\n"
    "that catalog's names and aliases (ASCII case and white space folded) and\n"
    "<dir> receives the catalog merged with what <file> adds; new names become\n"
    "new rows and are listed for review.  The written catalog is loaded back\n"
    "through the same checks as 'benchcov check' before anything is written;\n"
    "files go to temporaries and are renamed only when all were written.\n"
    "Malformed input exits 65 with its position.\n"
    "\n"
    "formats:\n"
    "  markdown   a GitHub-flavoured pipe table (a survey's README): one row per\n"
    "             model, a datasets column split into mentions with their task\n"
    "             labels ('LibriSpeech, GigaSpeech (ASR)', 'SEC: AudioSet; ASC: ...')\n"
    "  matrix     a wide CSV, one row per model, one column per benchmark; a\n"
    "             numeric cell is an eval fact with that score\n"
    "  pwc        Papers-with-Code evaluation-tables.json (task -> datasets ->\n"
    "             sota.rows); every numeric metric is an eval fact with its score\n"
    "\n"
    "common options:\n"
    "  --out <dir>        output directory, created when missing (required)\n"
    "  --catalog <dir>    resolve names through this catalog and merge into it\n"
    "  --known-only       names the catalog does not know are reviewed, not added\n"
    "  --source <text>    the source column of every fact (default: <file>, or\n"
    "                     the paper URL of each PwC row)\n"
    "  -h, --help         show this help\n"
    "markdown options:\n"
    "  --table <n>        read the n-th table of the file (default: the first\n"
    "                     whose header has a model column)\n"
    "  --map <key>=<header>  read column <header> as <key>: model, datasets,\n"
    "                     paper, year, aliases, or any models.csv column name\n"
    "                     ([a-z][a-z0-9_]*, a facet).  Defaults: Name/Model ->\n"
    "                     model, Dataset/Data/Training data/Benchmarks -> datasets,\n"
    "                     Paper/Title -> paper, Year, Aliases, Speech model/\n"
    "                     Encoder -> speech_encoder, LLM -> llm\n"
    "  --role train|eval  role of every fact (default: eval)\n"
    "matrix options:\n"
    "  --model-column <header>  the model column (default: the column named\n"
    "                     model or name, else the first)\n"
    "  --facet <header>   a metadata column: written to models.csv, not a\n"
    "                     benchmark (repeatable)\n"
    "  --task-map <file>  CSV with columns benchmark,task: the task code or\n"
    "                     name of each benchmark (default: the benchmark name\n"
    "                     itself, a known task or a new one)\n"
    "  --metric <name>    the metric column of every fact (default: empty)\n";

typedef enum { FMT_MARKDOWN, FMT_MATRIX, FMT_PWC } in_format;

/* Reads a whole file; returns BC_OK or BC_EX_NOINPUT / BC_EX_IOERR / BC_EX_SOFTWARE. */
static int read_all(const char *path, char **buf, size_t *len, bc_errors *errs)
{
    *buf = NULL;
    *len = 0;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return errors_add(errs, errno == ENOENT || errno == ENOTDIR ? BC_EX_NOINPUT
                                                                     : BC_EX_IOERR,
                          NULL, 0, 0, "cannot open '%s': %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        return errors_add(errs, BC_EX_NOINPUT, NULL, 0, 0, "cannot read '%s': %s", path,
                          strerror(EISDIR));
    }
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    int rc = BC_OK;
    while (b) {
        if (n == cap) {
            char *nb = cap < ((size_t)1 << 40) ? realloc(b, cap * 2) : NULL;
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
        size_t got = fread(b + n, 1, cap - n, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (!b)
        rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory reading '%s'", path);
    else if (ferror(fp))
        rc = errors_add(errs, BC_EX_IOERR, NULL, 0, 0, "cannot read '%s': %s", path,
                        strerror(errno));
    fclose(fp);
    if (rc != BC_OK) {
        free(b);
        return rc;
    }
    *buf = b;
    *len = n;
    return BC_OK;
}

static int push(const char ***list, size_t *n, const char *v)
{
    const char **l = realloc(*list, (*n + 1) * sizeof *l);
    if (!l)
        return -1;
    l[(*n)++] = v;
    *list = l;
    return 0;
}

int cmd_import(int argc, char **argv, FILE *out, bc_errors *errs)
{
    static const struct option longopts[] = {
        { "out", required_argument, NULL, 'o' },      { "catalog", required_argument, NULL, 'c' },
        { "known-only", no_argument, NULL, 'k' },     { "source", required_argument, NULL, 's' },
        { "table", required_argument, NULL, 't' },    { "map", required_argument, NULL, 'm' },
        { "role", required_argument, NULL, 'r' },     { "facet", required_argument, NULL, 'f' },
        { "task-map", required_argument, NULL, 'T' }, { "metric", required_argument, NULL, 'M' },
        { "model-column", required_argument, NULL, 'C' },
        { "help", no_argument, NULL, 'h' },           { NULL, 0, NULL, 0 },
    };
    const char *outdir = NULL, *catalog = NULL, *source = NULL, *task_map = NULL,
               *metric = NULL, *model_col = NULL;
    const char **maps = NULL, **facets = NULL;
    size_t n_maps = 0, n_facets = 0;
    long table = 0;
    bc_role role = BC_ROLE_EVAL;
    int known_only = 0, role_given = 0, rc = BC_OK, c;
    unsigned used = 0; /* format options given: 1 markdown, 2 matrix */
    char *data = NULL;
    size_t len = 0;
    bc_draft d;
    bc_catalog cat;
    draft_init(&d);
    catalog_init(&cat);

    optind = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': outdir = optarg; break;
        case 'c': catalog = optarg; break;
        case 'k': known_only = 1; break;
        case 's': source = optarg; break;
        case 't':
            used |= 1;
            rc = cli_parse_long("--table", optarg, 1, 1000000, &table, errs);
            break;
        case 'm':
            used |= 1;
            if (push(&maps, &n_maps, optarg) < 0)
                rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
            break;
        case 'r':
            role_given = 1;
            if (strcmp(optarg, "train") == 0)
                role = BC_ROLE_TRAIN;
            else if (strcmp(optarg, "eval") == 0)
                role = BC_ROLE_EVAL;
            else
                rc = errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                                "invalid value '%s' for --role: expected 'train' or 'eval'",
                                optarg);
            break;
        case 'f':
            used |= 2;
            if (push(&facets, &n_facets, optarg) < 0)
                rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
            break;
        case 'T': used |= 2; task_map = optarg; break;
        case 'M': used |= 2; metric = optarg; break;
        case 'C': used |= 2; model_col = optarg; break;
        case 'h':
            fputs(usage_import, out);
            goto done;
        default: rc = cli_bad_option(argv[0], argv, optind, c, errs); break;
        }
        if (rc != BC_OK)
            goto done;
    }
    if (argc - optind < 2) {
        rc = errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                        argc - optind < 1 ? "import: missing format (markdown, matrix or pwc)"
                                          : "import: missing input file");
        goto done;
    }
    if (argc - optind > 2) {
        rc = cli_extra_argument(argv[0], argv[optind + 2], errs);
        goto done;
    }
    const char *fmt = argv[optind], *file = argv[optind + 1];
    in_format f;
    if (strcmp(fmt, "markdown") == 0 || strcmp(fmt, "md") == 0)
        f = FMT_MARKDOWN;
    else if (strcmp(fmt, "matrix") == 0)
        f = FMT_MATRIX;
    else if (strcmp(fmt, "pwc") == 0)
        f = FMT_PWC;
    else {
        rc = errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                        "unknown import format '%s' (expected markdown, matrix or pwc)", fmt);
        goto done;
    }
    if ((used & 1) && f != FMT_MARKDOWN) {
        rc = errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                        "--table and --map apply to markdown imports only");
        goto done;
    }
    if ((used & 2) && f != FMT_MATRIX) {
        rc = errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                        "--facet, --task-map, --metric and --model-column apply to matrix "
                        "imports only");
        goto done;
    }
    if (role_given && f == FMT_PWC) {
        rc = errors_add(errs, BC_EX_USAGE, NULL, 0, 0,
                        "--role does not apply to pwc imports (every row is an evaluation)");
        goto done;
    }
    if (!outdir) {
        rc = errors_add(errs, BC_EX_USAGE, NULL, 0, 0, "import: --out is required");
        goto done;
    }
    if (catalog) {
        if ((rc = cli_load(&cat, catalog, errs)) != BC_OK)
            goto done;
        if (draft_from_catalog(&d, &cat) != BC_OK) {
            rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
            goto done;
        }
        d.suggest = 1;
    } else if (draft_start(&d) != BC_OK) {
        rc = errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
        goto done;
    }
    d.known_only = known_only;
    if ((rc = read_all(file, &data, &len, errs)) != BC_OK)
        goto done;
    if (f == FMT_MARKDOWN) {
        import_markdown_opts mo = { table, maps, n_maps, role, source };
        rc = import_markdown(&d, file, data, len, &mo, errs);
    } else if (f == FMT_MATRIX) {
        import_matrix_opts xo = { model_col, facets, n_facets, task_map, metric, role, source };
        rc = import_matrix(&d, file, data, len, &xo, errs);
    } else {
        rc = import_pwc(&d, file, data, len, source, errs);
    }
    if (rc != BC_OK)
        goto done;
    if ((rc = draft_write(&d, outdir, errs)) != BC_OK)
        goto done;
    size_t nf = d.n_facts - d.n_base_facts;
    fprintf(out, "imported '%s' into '%s': %zu models, %zu datasets, %zu tasks, %zu facts",
            file, outdir, d.t[DRAFT_MODELS].n_rows, d.t[DRAFT_DATASETS].n_rows,
            d.t[DRAFT_TASKS].n_rows, d.n_facts);
    if (d.has_base)
        fprintf(out, " (%zu models, %zu datasets, %zu tasks and %zu facts new)",
                d.t[DRAFT_MODELS].n_rows - d.n_base[DRAFT_MODELS],
                d.t[DRAFT_DATASETS].n_rows - d.n_base[DRAFT_DATASETS],
                d.t[DRAFT_TASKS].n_rows - d.n_base[DRAFT_TASKS], nf);
    fprintf(out, "\n%zu mention%s to review in '%s/review.csv'\n", d.n_notes,
            d.n_notes == 1 ? "" : "s", outdir);
done:
    free(data);
    free(maps);
    free(facets);
    draft_release(&d);
    catalog_release(&cat);
    return rc;
}
