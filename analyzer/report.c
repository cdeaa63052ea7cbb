/*
 * report.c - the gap report (see report.h).
 *
 * The Markdown opens with the headline figures and the Gaps a survey
 * author can act on, then coverage, concentration, overlap, structure,
 * the suggested evaluation set and the methods.  Catalog text always
 * goes through fmt_md; numbers through fmt_num; every list is in a total
 * order, so the same catalog and seed give the same bytes.
 */
#include "report.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "fmt.h"
#include "outfile.h"

/* ---- small writers ---------------------------------------------------- */

static void num(FILE *fp, double v)
{
    fmt_put_num(fp, v);
}

static void md_models(FILE *fp, const bc_catalog *cat, const int *idx, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", fp);
        fmt_md(fp, cat->models[idx[i]].name);
    }
}

static void md_datasets(FILE *fp, const bc_catalog *cat, const int *idx, size_t n)
{
    if (n == 0) {
        fputs("none in the catalog", fp);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputs(", ", fp);
        fmt_md(fp, cat->datasets[idx[i]].name);
    }
}

static void figure(FILE *fp, int which)
{
    fputs("![", fp);
    fmt_md(fp, figures[which].caption);
    fprintf(fp, "](charts/%s.svg)\n\n", figures[which].name);
}

/* Models covering task t (mt column), in name order, into a new array. */
static int *task_models(const bc_analysis *a, int t, size_t *n)
{
    const bc_catalog *cat = a->cat;
    int *out = malloc((cat->n_models + 1) * sizeof *out);
    *n = 0;
    if (!out)
        return NULL;
    for (size_t k = 0; k < cat->n_models; k++) {
        int m = a->model_order[k];
        if (incidence_get(&a->b.mt, (size_t)m, t))
            out[(*n)++] = m;
    }
    return out;
}

/*
 * The datasets that other models used for model m's tasks, most models
 * first (ties in name order), at most three: where m would have to be
 * evaluated to become comparable.
 */
static void md_bridges(FILE *fp, const bc_analysis *a, int m)
{
    const bc_catalog *cat = a->cat;
    size_t nd = cat->n_datasets, shown = 0;
    size_t *score = calloc(nd + 1, sizeof *score);
    if (!score)
        return;
    for (size_t p = 0; p < a->b.n_pairs; p++)
        if (incidence_get(&a->b.mt, (size_t)m, a->b.pair_task[p])) {
            /* Other models only: a pair m already has makes nobody comparable. */
            if (!incidence_get(&a->b.mp, (size_t)m, (int)p))
                score[a->b.pair_dataset[p]] += a->b.pair_models[p];
        }
    for (; shown < 3; shown++) {
        int best = -1;
        for (size_t k = 0; k < nd; k++) {
            int d = a->dataset_order[k];
            if (score[d] && (best < 0 || score[d] > score[best]))
                best = d;
        }
        if (best < 0)
            break;
        fputs(shown ? ", " : "", fp);
        fmt_md(fp, cat->datasets[best].name);
        score[best] = 0;
    }
    if (!shown)
        fputs("none in the catalog", fp);
    free(score);
}

/* ---- sections ----------------------------------------------------------- */

static void write_headline(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fmt_printf(fp,
               "# Benchmark coverage report\n\n"
               "Written by `benchcov report` from the catalog's %N models, %N datasets, %N "
               "tasks and %N usage facts (seed %N, a task is thin below %N models). Every "
               "table is also in `tables/` as CSV; every chart in `charts/` as a gnuplot "
               "script with its data.\n\n",
               (double)cat->n_models, (double)cat->n_datasets, (double)cat->n_tasks,
               (double)cat->n_usage, (double)a->opts.seed, (double)a->opts.thin);
    fmt_printf(fp,
               "## Headline figures\n\n"
               "- **%N of %N tasks are uncovered** and %N more are thin; only %N are covered "
               "by %N or more models.\n"
               "- %N tasks rest on a single named dataset.\n"
               "- The average model covers %P of the tasks (mean task coverage; HELM reports "
               "17.9%% of its core scenarios for language models before HELM and 96%% after).\n"
               "- %N of %N models are isolated: they share no (dataset, task) pair with any "
               "other model; %P of all model pairs share nothing to compare on.\n"
               "- The models x tasks matrix is %P filled, the models x datasets matrix %P.\n\n",
               (double)a->uncovered, (double)cat->n_tasks, (double)a->thin_tasks,
               (double)a->covered, (double)a->opts.thin, (double)a->single_dataset,
               a->cov.mean_task_coverage, (double)a->comp.isolated, (double)cat->n_models,
               a->comp.pairs_without_shared, a->cov.connectance_model_task,
               a->cov.connectance_model_dataset);
}

/*
 * The table of uncovered tasks (thin = 0: task, name, modality, fillers)
 * or of thin tasks (thin = 1: task, name, models, which ones, fillers).
 */
static void write_fill_table(FILE *fp, const bc_analysis *a, int thin)
{
    const bc_catalog *cat = a->cat;
    const bc_gaps *g = &a->gaps;
    fputs(thin ? "| task | name | models | covered by | datasets that could fill it |\n"
                 "|---|---|---:|---|---|\n"
               : "| task | name | modality | datasets that could fill it |\n|---|---|---|---|\n",
          fp);
    for (size_t i = 0; i < g->n_fills; i++) {
        const bc_gap_fill *f = &g->fills[i];
        if ((f->models > 0) != thin)
            continue;
        const bc_task *t = &cat->tasks[f->task];
        fputs("| ", fp);
        fmt_md(fp, t->code);
        fputs(" | ", fp);
        fmt_md(fp, t->name);
        fputs(" | ", fp);
        if (thin) {
            size_t nm;
            int *ms = task_models(a, f->task, &nm);
            num(fp, (double)f->models);
            fputs(" | ", fp);
            if (ms)
                md_models(fp, cat, ms, nm);
            free(ms);
        } else {
            fmt_md(fp, modality_name(t->modality));
        }
        fputs(" | ", fp);
        md_datasets(fp, cat, f->datasets, f->n);
        fputs(" |\n", fp);
    }
    fputc('\n', fp);
}

static void write_gaps(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    const bc_gaps *g = &a->gaps;
    fputs("## Gaps\n\n", fp);
    fputs("What the field has not evaluated, and the catalog's datasets that could fill "
          "each gap (datasets whose `tasks` list the task).\n\n",
          fp);

    fputs("### Uncovered tasks\n\n", fp);
    if (!a->uncovered)
        fputs("Every task has at least one model.\n\n", fp);
    else
        write_fill_table(fp, a, 0);
    fputs("### Thin tasks\n\n", fp);
    if (!a->thin_tasks)
        fputs("No task is thin.\n\n", fp);
    else
        write_fill_table(fp, a, 1);

    fputs("### Tasks carried by a single dataset\n\n", fp);
    if (!a->single_dataset)
        fputs("No covered task rests on a single named dataset.\n\n", fp);
    else {
        fputs("| task | models | the one dataset | other datasets that could serve it |\n"
              "|---|---:|---|---|\n",
              fp);
        for (size_t k = 0; k < cat->n_tasks; k++) {
            int t = a->task_order[k];
            if (!analysis_single_dataset(a, t))
                continue;
            int d = a->top_dataset[t];
            fmt_printf(fp, "| %M | %N | %M | ", cat->tasks[t].code,
                       (double)a->cov.tasks[t].models, d >= 0 ? cat->datasets[d].name : "");
            size_t n_other = 0;
            for (size_t j = 0; j < cat->n_datasets; j++) {
                int o = a->dataset_order[j];
                if (o == d || !incidence_get(&a->b.dt, (size_t)o, t))
                    continue;
                fputs(n_other++ ? ", " : "", fp);
                fmt_md(fp, cat->datasets[o].name);
            }
            if (!n_other)
                fputs("none in the catalog", fp);
            fputs(" |\n", fp);
        }
        fputc('\n', fp);
    }

    fputs("### Isolated models\n\n", fp);
    if (!a->comp.isolated)
        fputs("Every model shares a (dataset, task) pair with another model.\n\n", fp);
    else {
        fputs("Models that share no (dataset, task) pair with any other model cannot be "
              "compared with anyone on the catalog's data. The last column names the "
              "datasets other models used for the same tasks, most used first: evaluating "
              "on them would make the model comparable.\n\n"
              "| model | tasks | named datasets | why | datasets that would make it comparable |\n"
              "|---|---:|---:|---|---|\n",
              fp);
        for (size_t i = 0; i < a->comp.isolated; i++) {
            int m = a->comp.isolated_models[i];
            fmt_printf(fp, "| %M | %N | %N | ", cat->models[m].name,
                       (double)a->cov.models[m].tasks, (double)a->cov.models[m].datasets);
            if (INC_DEG(&a->b.mt, (size_t)m) == 0 && INC_DEG(&a->b.md, (size_t)m) == 0)
                fputs("no usage fact at all", fp);
            else if (INC_DEG(&a->b.mt, (size_t)m) == 0)
                fputs("its named data has no task (pre-training only)", fp);
            else if (INC_DEG(&a->b.mp, (size_t)m) == 0)
                fputs("no named dataset for any task", fp);
            else
                fputs("its (dataset, task) pairs are its own", fp);
            fputs(" | ", fp);
            md_bridges(fp, a, m);
            fputs(" |\n", fp);
        }
        fputc('\n', fp);
    }

    fputs("### Empty cells: task x encoder family, task x fusion\n\n", fp);
    fmt_printf(fp,
               "Of the task x encoder-family cells, %N of %N have no model; of the task x "
               "fusion cells, %N of %N. Uncovered tasks are empty across every column and are "
               "left out below; the full list is `tables/gaps.csv`.\n\n",
               (double)g->empty_family, (double)(g->by_family.n_rows * g->by_family.n_cols),
               (double)g->empty_fusion, (double)(g->by_fusion.n_rows * g->by_fusion.n_cols));
    for (int dim = 0; dim < 2; dim++) {
        const bc_crosstab *x = dim ? &g->by_fusion : &g->by_family;
        fputs(dim ? "| task | fusion kinds with no model |\n|---|---|\n"
                  : "| task | encoder families with no model |\n|---|---|\n",
              fp);
        for (size_t k = 0; k < cat->n_tasks; k++) {
            int t = a->task_order[k];
            if (a->cov.tasks[t].status == BC_COV_UNCOVERED)
                continue;
            size_t n_empty = 0;
            for (size_t c = 0; c < x->n_cols; c++)
                if (!GAPS_CELL(x, t, c))
                    n_empty++;
            if (!n_empty)
                continue;
            fputs("| ", fp);
            fmt_md(fp, cat->tasks[t].code);
            fputs(" | ", fp);
            size_t w = 0;
            for (size_t c = 0; c < x->n_cols; c++)
                if (!GAPS_CELL(x, t, c)) {
                    fputs(w++ ? ", " : "", fp);
                    fmt_md(fp, x->col_names[c]);
                }
            fputs(" |\n", fp);
        }
        fputc('\n', fp);
    }
}

static void write_coverage(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("## Coverage\n\n", fp);
    figure(fp, 0);
    fputs("### Coverage matrix\n\nModels (rows) and the tasks at least one model covers "
          "(columns), both in nested order: the most general first. `✓` means the model has "
          "a usage fact for the task.\n\n",
          fp);
    size_t ncols = 0;
    for (size_t t = 0; t < cat->n_tasks; t++)
        if (a->cov.tasks[t].models)
            ncols++;
    fputs("| model |", fp);
    for (size_t k = 0; k < cat->n_tasks; k++) {
        int t = a->col_nested_mt[k];
        if (!a->cov.tasks[t].models)
            continue;
        fputc(' ', fp);
        fmt_md(fp, cat->tasks[t].code);
        fputs(" |", fp);
    }
    fputs("\n|---|", fp);
    for (size_t k = 0; k < ncols; k++)
        fputs(":-:|", fp);
    fputc('\n', fp);
    for (size_t r = 0; r < cat->n_models; r++) {
        int m = a->row_nested_mt[r];
        fputs("| ", fp);
        fmt_md(fp, cat->models[m].name);
        fputs(" |", fp);
        for (size_t k = 0; k < cat->n_tasks; k++) {
            int t = a->col_nested_mt[k];
            if (!a->cov.tasks[t].models)
                continue;
            fputs(incidence_get(&a->b.mt, (size_t)m, t) ? " ✓ |" : "  |", fp);
        }
        fputc('\n', fp);
    }
    fputs("\n### Tasks\n\n", fp);
    figure(fp, 1);
    coverage_write_md(fp, cat, &a->cov, BC_COV_BY_TASK);
    fputs("\n### Models\n\n", fp);
    coverage_write_md(fp, cat, &a->cov, BC_COV_BY_MODEL);
    fputs("\n### Datasets\n\n", fp);
    figure(fp, 2);
    coverage_write_md(fp, cat, &a->cov, BC_COV_BY_DATASET);
    fputc('\n', fp);
}

static void write_concentration(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("## Concentration\n\nHow evenly each task's evaluations spread over its datasets "
          "(named datasets only; x = models that used the dataset for the task). Gini 0 "
          "means every dataset is used equally, values near 1 that one dataset carries "
          "the task; effective datasets = 1 / HHI.\n\n",
          fp);
    figure(fp, 4);
    fputs("| task | datasets | uses | Gini | HHI | effective datasets | top dataset | top share |\n"
          "|---|---:|---:|---:|---:|---:|---|---:|\n",
          fp);
    for (size_t k = 0; k < cat->n_tasks; k++) {
        int t = a->task_order[k];
        const bc_concentration *c = &a->conc[t];
        if (!c->n)
            continue;
        int d = a->top_dataset[t];
        fmt_printf(fp, "| %M | %N | %N | %N | %N | %N | %M | %N |\n", cat->tasks[t].code,
                   (double)c->n, c->total, c->gini, c->hhi, c->effective,
                   d >= 0 ? cat->datasets[d].name : "", c->top_share);
    }
    fputc('\n', fp);
}

static void write_overlap(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("## Overlap\n\nTwo models can be compared directly only on a (dataset, task) pair "
          "both used. The heatmap shows the Jaccard similarity of their datasets, models in "
          "community order.\n\n",
          fp);
    figure(fp, 3);
    fputs("### Most comparable pairs\n\n", fp);
    bc_overlap_opts top = { -1, 10 };
    overlap_write_md(fp, cat, &a->overlap, top);
    fputs("\n### Least comparable pairs\n\nPairs that work on the same tasks but share no "
          "(dataset, task) pair: same tasks, no common ground to compare on.\n\n",
          fp);
    const bc_overlap_pair **sel = malloc((a->overlap.n + 1) * sizeof *sel);
    size_t n = 0;
    if (sel) {
        for (size_t p = 0; p < a->overlap.n; p++)
            if (a->overlap.pairs[p].shared_pairs == 0 && a->overlap.pairs[p].shared_tasks > 0)
                sel[n++] = &a->overlap.pairs[p];
        /* Most shared tasks first; pairs keep name order among equals (stable by index). */
        for (size_t i = 1; i < n; i++) {
            const bc_overlap_pair *x = sel[i];
            size_t j = i;
            while (j > 0 && sel[j - 1]->shared_tasks < x->shared_tasks) {
                sel[j] = sel[j - 1];
                j--;
            }
            sel[j] = x;
        }
        if (!n)
            fputs("None.\n\n", fp);
        else {
            fputs("| model a | model b | shared tasks | shared datasets |\n"
                  "|---|---|---:|---:|\n",
                  fp);
            for (size_t i = 0; i < n && i < 10; i++) {
                fmt_printf(fp, "| %M | %M | %N | %N |\n", cat->models[sel[i]->a].name,
                           cat->models[sel[i]->b].name, (double)sel[i]->shared_tasks,
                           (double)sel[i]->shared_datasets);
            }
            fputs("\n", fp);
            if (n > 10)
                fmt_printf(fp, "%N more such pairs are in `tables/overlap.csv`.\n\n",
                           (double)(n - 10));
        }
        free(sel);
    }
    fputs("### Comparability groups\n\nModels linked, directly or through others, by shared "
          "(dataset, task) pairs.\n\n| group | models |\n|---:|---|\n",
          fp);
    for (size_t c = 0; c < a->comp.components; c++) {
        fputs("| ", fp);
        num(fp, (double)(c + 1));
        fputs(" | ", fp);
        size_t w = 0;
        for (size_t k = 0; k < cat->n_models; k++) {
            int m = a->model_order[k];
            if (a->comp.component[m] == (int)c) {
                fputs(w++ ? ", " : "", fp);
                fmt_md(fp, cat->models[m].name);
            }
        }
        fputs(" |\n", fp);
    }
    fputc('\n', fp);
}

/* NODF in plain words, from its z-score. */
static void nodf_words(FILE *fp, double z)
{
    if (z >= 1.96)
        fputs("more nested than matrices with the same margins: specialists cover subsets "
              "of what generalists cover, so the field piles onto the same core",
              fp);
    else if (z <= -1.96)
        fputs("less nested than matrices with the same margins: models spread over "
              "different corners instead of sharing a core",
              fp);
    else
        fputs("about as nested as matrices with the same margins: the nesting follows from "
              "how many tasks each model covers and how popular each task is, nothing more",
              fp);
}

static void write_structure(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("## Structure\n\n### Nestedness\n\n", fp);
    for (int which = 0; which < 2; which++) {
        const bc_nodf *o = which ? &a->nodf_md : &a->nodf_mt;
        const bc_nodf_null *z = which ? &a->null_md : &a->null_mt;
        fmt_printf(fp,
                   "- Models x %s: NODF %N (rows %N, columns %N; null mean %N, sd %N, z = %N "
                   "over %N curveball matrices): ",
                   which ? "datasets" : "tasks", o->nodf, o->rows, o->cols, z->mean, z->sd, z->z,
                   (double)z->n);
        nodf_words(fp, z->z);
        fputs(".\n", fp);
    }
    fmt_printf(fp,
               "\n### Communities\n\nCommunities of the model-dataset graph (igraph "
               "multilevel, seeded), Barber's bipartite modularity Q = %N (0 = no more "
               "structure than chance, 1 = separate islands).\n\n"
               "| community | models | datasets |\n|---:|---|---|\n",
               a->modularity);
    for (size_t c = 0; c < a->n_communities; c++) {
        fputs("| ", fp);
        num(fp, (double)(c + 1));
        fputs(" | ", fp);
        size_t w = 0;
        for (size_t k = 0; k < cat->n_models; k++) {
            int m = a->model_order[k];
            if (a->community_model[m] == (int)c) {
                fputs(w++ ? ", " : "", fp);
                fmt_md(fp, cat->models[m].name);
            }
        }
        fputs(" | ", fp);
        w = 0;
        for (size_t k = 0; k < cat->n_datasets; k++) {
            int d = a->dataset_order[k];
            if (a->community_dataset[d] == (int)c) {
                fputs(w++ ? ", " : "", fp);
                fmt_md(fp, cat->datasets[d].name);
            }
        }
        fputs(" |\n", fp);
    }
    fmt_printf(fp,
               "\n### Robustness\n\nWithdraw datasets one by one and watch the share of "
               "models that still have data. Area under the curve: %N when the most used go "
               "first, %N in random order (mean of %N seeded runs). A large difference means "
               "the field leans on a few datasets.\n\n",
               a->rob.area_most_used, a->rob.area_random, (double)a->rob.runs);
    figure(fp, 5);
    fputs("### Bridging datasets\n\nDatasets with the highest betweenness on the "
          "model-dataset graph: the ones that connect otherwise separate groups of models.\n\n"
          "| dataset | betweenness | models |\n|---|---:|---:|\n",
          fp);
    size_t nd = cat->n_datasets, shown = 0;
    int *idx = malloc((nd + 1) * sizeof *idx);
    if (idx) {
        for (size_t k = 0; k < nd; k++)
            idx[k] = a->dataset_order[k];
        /* Selection of the ten largest, ties in name order. */
        for (size_t i = 0; i < nd && shown < 10; i++) {
            size_t best = i;
            for (size_t j = i + 1; j < nd; j++)
                if (a->betweenness[idx[j]] > a->betweenness[idx[best]])
                    best = j;
            int t = idx[best];
            memmove(idx + i + 1, idx + i, (best - i) * sizeof *idx);
            idx[i] = t;
            if (a->betweenness[t] <= 0)
                break;
            fmt_printf(fp, "| %M | %N | %N |\n", cat->datasets[t].name, a->betweenness[t],
                       (double)a->cov.datasets[t].models);
            shown++;
        }
        free(idx);
    }
    fputs("\n### All figures\n\n", fp);
    analysis_write_metrics(fp, a, BC_FORMAT_MD);
    fputs("\n### Models per year\n\n", fp);
    figure(fp, 6);
}

static void write_plan(FILE *fp, const bc_plan *plan)
{
    fputs("## Suggested evaluation set\n\nThe five datasets that make the most (model, task) "
          "pairs comparable, over every covered task and every model (`benchcov plan "
          "--all-tasks --k 5`).\n\n",
          fp);
    plan_write_md_at(fp, plan, 3);
    fputc('\n', fp);
    figure(fp, 7);
}

static void write_methods(FILE *fp)
{
    fputs("## Methods\n\n"
          "- Coverage c(t): models with a usage fact for task t; a task is uncovered at 0, "
          "thin below the threshold. Task share = tasks of a model / all tasks; mean task "
          "coverage is its mean over models (the figure HELM reports, Liang et al. 2022).\n"
          "- Connectance = ones / (rows x columns) over every model and every task "
          "(dataset), empty ones included.\n"
          "- Concentration (Koch et al. 2021, \"Reduced, reused and recycled\"): "
          "Gini = sum_i sum_j |x_i - x_j| / (2 n^2 mean x), HHI = sum (x_d / sum x)^2, "
          "effective datasets = 1 / HHI.\n"
          "- Overlap: shared = |S(a) and S(b)|, Jaccard = shared / |S(a) or S(b)| over "
          "datasets, tasks and (dataset, task) pairs, from sparse co-occurrence.\n"
          "- Comparability graph: models joined when they share a named (dataset, task) "
          "pair; components with two or more models, isolated models.\n"
          "- Nestedness NODF (Almeida-Neto et al. 2008), as vegan's `nestednodf` after "
          "empty rows and columns are dropped; z-score against curveball randomisations "
          "with fixed row and column sums (Strona et al. 2014).\n"
          "- Communities: igraph's multilevel method on the model-dataset graph; "
          "modularity Q = (1/E) sum_ij (A_ij - k_i d_j / E) delta(g_i, h_j) "
          "(Barber 2007).\n"
          "- Robustness (Burgos et al. 2007): datasets withdrawn one at a time; the curve is "
          "the share of models that keep a dataset, its area the robustness.\n"
          "- Bridging datasets: betweenness centrality (Freeman 1977) on the model-dataset "
          "graph.\n"
          "- Suggested evaluation set: maximum coverage of (model, task) pairs by k datasets, "
          "solved as an integer programme with GLPK (greedy is within 1 - 1/e of the optimum, "
          "Nemhauser et al. 1978); the bound is the optimum, or the LP relaxation when "
          "not solved exactly.\n",
          fp);
}

int report_write_md(FILE *fp, const bc_analysis *a, const bc_plan *plan)
{
    write_headline(fp, a);
    write_gaps(fp, a);
    write_coverage(fp, a);
    write_concentration(fp, a);
    write_overlap(fp, a);
    write_structure(fp, a);
    write_plan(fp, plan);
    write_methods(fp);
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

/* ---- tables ------------------------------------------------------------- */

static int table_concentration(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("task,datasets,uses,gini,hhi,effective_datasets,top_dataset,top_share\n", fp);
    for (size_t k = 0; k < cat->n_tasks; k++) {
        int t = a->task_order[k];
        const bc_concentration *c = &a->conc[t];
        int d = a->top_dataset[t];
        fmt_csv(fp, cat->tasks[t].code);
        double v[5] = { (double)c->n, c->total, c->gini, c->hhi, c->effective };
        for (int i = 0; i < 5; i++) {
            fputc(',', fp);
            num(fp, v[i]);
        }
        fputc(',', fp);
        if (d >= 0)
            fmt_csv(fp, cat->datasets[d].name);
        fputc(',', fp);
        num(fp, c->top_share);
        fputc('\n', fp);
    }
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

static int table_communities(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("community,kind,name\n", fp);
    for (size_t c = 0; c < a->n_communities; c++) {
        for (size_t k = 0; k < cat->n_models; k++) {
            int m = a->model_order[k];
            if (a->community_model[m] != (int)c)
                continue;
            fprintf(fp, "%zu,model,", c + 1);
            fmt_csv(fp, cat->models[m].name);
            fputc('\n', fp);
        }
        for (size_t k = 0; k < cat->n_datasets; k++) {
            int d = a->dataset_order[k];
            if (a->community_dataset[d] != (int)c)
                continue;
            fprintf(fp, "%zu,dataset,", c + 1);
            fmt_csv(fp, cat->datasets[d].name);
            fputc('\n', fp);
        }
    }
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

static int table_bridging(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("dataset,betweenness,models\n", fp);
    for (size_t k = 0; k < cat->n_datasets; k++) {
        int d = a->dataset_order[k];
        fmt_csv(fp, cat->datasets[d].name);
        fputc(',', fp);
        num(fp, a->betweenness[d]);
        fputc(',', fp);
        num(fp, (double)a->cov.datasets[d].models);
        fputc('\n', fp);
    }
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

static int table_robustness(FILE *fp, const bc_analysis *a)
{
    size_t n = a->rob.n_datasets + 1;
    fputs("withdrawn,share_withdrawn,most_used,random\n", fp);
    for (size_t k = 0; k < n; k++) {
        fprintf(fp, "%zu,", k);
        num(fp, n > 1 ? (double)k / (double)(n - 1) : 0.0);
        fputc(',', fp);
        num(fp, a->rob.most_used[k]);
        fputc(',', fp);
        num(fp, a->rob.random[k]);
        fputc('\n', fp);
    }
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

/* ---- the directory ------------------------------------------------------ */

enum {
    T_COV_TASK, T_COV_MODEL, T_COV_DATASET, T_OVERLAP, T_METRICS, T_CONC, T_COMM, T_BRIDGE,
    T_ROBUST, T_GAPS, T_PLAN, T_COUNT
};
static const char *const table_names[T_COUNT] = {
    "coverage_task", "coverage_model", "coverage_dataset", "overlap", "metrics",
    "concentration", "communities", "bridging", "robustness", "gaps", "plan",
};

static int write_table(int which, FILE *fp, const bc_analysis *a, const bc_plan *plan)
{
    const bc_catalog *cat = a->cat;
    switch (which) {
    case T_COV_TASK: return coverage_write_csv(fp, cat, &a->cov, BC_COV_BY_TASK);
    case T_COV_MODEL: return coverage_write_csv(fp, cat, &a->cov, BC_COV_BY_MODEL);
    case T_COV_DATASET: return coverage_write_csv(fp, cat, &a->cov, BC_COV_BY_DATASET);
    case T_OVERLAP: return overlap_write_csv(fp, cat, &a->overlap, BC_OVERLAP_OPTS_ALL);
    case T_METRICS: return analysis_write_metrics(fp, a, BC_FORMAT_CSV);
    case T_CONC: return table_concentration(fp, a);
    case T_COMM: return table_communities(fp, a);
    case T_BRIDGE: return table_bridging(fp, a);
    case T_ROBUST: return table_robustness(fp, a);
    case T_GAPS: return gaps_write_csv(fp, cat, &a->gaps);
    default: return plan_write_csv(fp, plan);
    }
}

/* Joins dir and name into a new string; NULL on OOM. */
static char *path_join(const char *dir, const char *sub, const char *name, const char *ext)
{
    size_t n = strlen(dir) + strlen(sub) + strlen(name) + strlen(ext) + 3;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s%s", dir, sub, name, ext);
    return p;
}

static int open_in(bc_outset *set, const char *out, const char *sub, const char *name,
                   const char *ext, FILE **fp, bc_errors *errs)
{
    char *path = path_join(out, sub, name, ext);
    if (!path)
        return errors_add(errs, BC_EX_SOFTWARE, NULL, 0, 0, "out of memory");
    int rc = outset_open(set, path, fp, errs);
    free(path);
    return rc;
}

/*
 * Checks the stream of the file the set opened last after its writer ran:
 * a write error (a full disk) is reported with its cause while errno still
 * holds it.  Returns BC_OK or BC_EX_IOERR.
 */
static int check_written(const bc_outset *set, FILE *fp, int writer_rc, bc_errors *errs)
{
    int err = errno;
    if (writer_rc != BC_OK && writer_rc != BC_EX_IOERR)
        return writer_rc;
    if (writer_rc == BC_OK && !ferror(fp))
        return BC_OK;
    return errors_add(errs, BC_EX_IOERR, NULL, 0, 0, "cannot write '%s': %s",
                      set->files[set->n - 1].dest, strerror(err ? err : EIO));
}

int report_write_dir(const char *out, const bc_analysis *a, const bc_plan *plan,
                     bc_errors *errs)
{
    bc_outset set;
    outset_init(&set);
    char *tables = path_join(out, "", "tables", ""), *charts = path_join(out, "", "charts", "");
    int rc = BC_EX_SOFTWARE;
    if (!tables || !charts) {
        errors_add(errs, rc, NULL, 0, 0, "out of memory");
        goto fail;
    }
    if ((rc = outfile_mkdirs(out, errs)) != BC_OK || (rc = outfile_mkdirs(tables, errs)) != BC_OK ||
        (rc = outfile_mkdirs(charts, errs)) != BC_OK)
        goto fail;
    FILE *fp, *dat;
    if ((rc = open_in(&set, out, "", "README", ".md", &fp, errs)) != BC_OK)
        goto fail;
    errno = 0;
    if ((rc = check_written(&set, fp, report_write_md(fp, a, plan), errs)) != BC_OK)
        goto fail;
    for (int t = 0; t < T_COUNT; t++) {
        if ((rc = open_in(&set, out, "tables/", table_names[t], ".csv", &fp, errs)) != BC_OK)
            goto fail;
        errno = 0;
        if ((rc = check_written(&set, fp, write_table(t, fp, a, plan), errs)) != BC_OK)
            goto fail;
    }
    for (int f = 0; f < FIGURES_COUNT; f++) {
        if ((rc = open_in(&set, out, "charts/", figures[f].name, ".gp", &fp, errs)) != BC_OK ||
            (rc = open_in(&set, out, "charts/", figures[f].name, ".dat", &dat, errs)) != BC_OK)
            goto fail;
        errno = 0;
        if ((rc = figures_write(f, fp, dat, a, plan, errs)) != BC_OK)
            goto fail;
        if (ferror(fp) || ferror(dat)) {
            rc = errors_add(errs, BC_EX_IOERR, NULL, 0, 0, "cannot write chart '%s': %s",
                            figures[f].name, strerror(errno ? errno : EIO));
            goto fail;
        }
    }
    free(tables);
    free(charts);
    return outset_commit(&set, errs);
fail:
    outset_abort(&set);
    free(tables);
    free(charts);
    return rc;
}
