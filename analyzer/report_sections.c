/*
 * report_sections.c - the report's sections other than Gaps (see
 * report_parts.h): headline figures, coverage, concentration, overlap,
 * structure, the suggested evaluation set and the methods.  Catalog text
 * goes through fmt_md, numbers through fmt_num; every list is in a total
 * order.
 */
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "fmt.h"
#include "report_parts.h"

void report_section_headline(FILE *fp, const bc_analysis *a)
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

int report_section_coverage(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    int rc = BC_OK;
    fputs("## Coverage\n\n", fp);
    report_figure(fp, 0, cat);
    fputs("### Coverage matrix\n\nModels (rows) and the tasks at least one model covers "
          "(columns), both in nested order: the most general first. `✓` means the model has "
          "a usage fact for the task.\n\n",
          fp);
    size_t ncols = 0;
    for (size_t t = 0; t < cat->n_tasks; t++)
        if (a->cov.tasks[t].models)
            ncols++;
    if (!ncols) {
        fputs("No model covers any task.\n", fp);
        goto tables;
    }
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
    size_t rows = cat->n_models < REPORT_MAX_ROWS ? cat->n_models : REPORT_MAX_ROWS;
    for (size_t r = 0; r < rows; r++) {
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
    report_more(fp, cat->n_models, rows, "models", "coverage_model");
tables:
    /* A table without rows is one sentence instead. */
    fputs("\n### Tasks\n\n", fp);
    if (cat->n_tasks) {
        report_figure(fp, 1, cat);
        if (rc == BC_OK)
            rc = coverage_write_md_first(fp, cat, &a->cov, BC_COV_BY_TASK, REPORT_MAX_ROWS);
        report_more(fp, cat->n_tasks, REPORT_MAX_ROWS, "tasks", "coverage_task");
    } else {
        fputs("The catalog has no task: no usage row names one, and no tasks.csv or datasets.csv "
              "lists any.\n",
              fp);
    }
    fputs("\n### Models\n\n", fp);
    if (cat->n_models) {
        if (rc == BC_OK)
            rc = coverage_write_md_first(fp, cat, &a->cov, BC_COV_BY_MODEL, REPORT_MAX_ROWS);
        report_more(fp, cat->n_models, REPORT_MAX_ROWS, "models", "coverage_model");
    } else {
        fputs("The catalog has no model.\n", fp);
    }
    fputs("\n### Datasets\n\n", fp);
    if (cat->n_datasets) {
        report_figure(fp, 2, cat);
        if (rc == BC_OK)
            rc = coverage_write_md_first(fp, cat, &a->cov, BC_COV_BY_DATASET, REPORT_MAX_ROWS);
        report_more(fp, cat->n_datasets, REPORT_MAX_ROWS, "datasets", "coverage_dataset");
    } else {
        fputs("The catalog has no dataset: no usage row names one.\n", fp);
    }
    fputc('\n', fp);
    return rc;
}

void report_section_concentration(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("## Concentration\n\nHow evenly each task's evaluations spread over its datasets "
          "(named datasets only; x = models that used the dataset for the task). Gini 0 "
          "means every dataset is used equally, values near 1 that one dataset carries "
          "the task; effective datasets = 1 / HHI.\n\n",
          fp);
    size_t named = 0;
    for (size_t t = 0; t < cat->n_tasks; t++)
        named += a->conc[t].n > 0;
    if (!named) {
        fputs("No task has a usage fact that names its dataset.\n\n", fp);
        return;
    }
    report_figure(fp, 4, cat);
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

int report_section_overlap(FILE *fp, const bc_analysis *a)
{
    const bc_catalog *cat = a->cat;
    fputs("## Overlap\n\nTwo models can be compared directly only on a (dataset, task) pair "
          "both used. The heatmap shows the Jaccard similarity of their datasets, models in "
          "community order.\n\n",
          fp);
    report_figure(fp, 3, cat);
    fputs("### Most comparable pairs\n\n", fp);
    const bc_overlap_top *most = &a->most_comparable, *un = &a->unshared;
    if (most->candidates < cat->n_models)
        fmt_printf(fp, "Among the %N models with the most (dataset, task) pairs (the catalog is "
                       "too large to rank every pair; `benchcov overlap` lists them all).\n\n",
                   (double)most->candidates);
    if (most->n)
        overlap_write_pairs_md(fp, cat, most->pairs, most->n);
    else
        fputs("No pair of models to compare.\n", fp);
    fputs("\n### Least comparable pairs\n\nPairs that work on the same tasks but share no "
          "(dataset, task) pair: same tasks, no common ground to compare on.\n\n",
          fp);
    if (!un->n)
        fputs("None.\n\n", fp);
    else {
        fputs("| model a | model b | shared tasks | shared datasets |\n"
              "|---|---|---:|---:|\n",
              fp);
        for (size_t i = 0; i < un->n; i++) {
            const bc_overlap_pair *x = &un->pairs[i];
            fmt_printf(fp, "| %M | %M | %N | %N |\n", cat->models[x->a].name,
                       cat->models[x->b].name, (double)x->shared_tasks,
                       (double)x->shared_datasets);
        }
        fputs("\n", fp);
        if (un->total > (double)un->n && report_pairs_complete(a))
            fmt_printf(fp, "%N more such pairs are in `tables/overlap.csv`.\n\n",
                       un->total - (double)un->n);
        else if (un->total > (double)un->n)
            fmt_printf(fp, "%N more such pairs: `benchcov overlap --format csv` lists every "
                           "pair (`tables/overlap.csv` holds the first %N in name order).\n\n",
                       un->total - (double)un->n, (double)REPORT_MAX_PAIR_ROWS);
    }
    fputs("### Comparability groups\n\nModels linked, directly or through others, by shared "
          "(dataset, task) pairs.\n\n",
          fp);
    fputs(a->comp.components ? "| group | models |\n|---:|---|\n"
                             : "No two models share a (dataset, task) pair.\n",
          fp);
    report_members comp = { a->model_order, cat->n_models, a->comp.component, 1 };
    int rc = report_group_rows(fp, cat, a->comp.components, &comp, 1);
    fputc('\n', fp);
    return rc;
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

int report_section_structure(FILE *fp, const bc_analysis *a)
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
               "structure than chance, 1 = separate islands).\n\n",
               a->modularity);
    fputs(a->n_communities ? "| community | models | datasets |\n|---:|---|---|\n"
                           : "The graph has no edge: no usage fact names a dataset.\n",
          fp);
    report_members comm[2] = { { a->model_order, cat->n_models, a->community_model, 1 },
                               { a->dataset_order, cat->n_datasets, a->community_dataset, 0 } };
    int rc = report_group_rows(fp, cat, a->n_communities, comm, 2);
    if (rc != BC_OK)
        return rc;
    fmt_printf(fp,
               "\n### Robustness\n\nWithdraw datasets one by one and watch the share of "
               "models that still have data. Area under the curve: %N when the most used go "
               "first, %N in random order (mean of %N seeded runs). A large difference means "
               "the field leans on a few datasets.\n\n",
               a->rob.area_most_used, a->rob.area_random, (double)a->rob.runs);
    report_figure(fp, 5, cat);
    fputs("### Bridging datasets\n\nDatasets with the highest betweenness on the "
          "model-dataset graph: the ones that connect otherwise separate groups of models.\n\n",
          fp);
    size_t nd = cat->n_datasets, shown = 0;
    int *idx = malloc((nd + 1) * sizeof *idx);
    if (!idx)
        return BC_EX_SOFTWARE;
    {
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
            if (!shown)
                fputs("| dataset | betweenness | models |\n|---|---:|---:|\n", fp);
            fmt_printf(fp, "| %M | %N | %N |\n", cat->datasets[t].name, a->betweenness[t],
                       (double)a->cov.datasets[t].models);
            shown++;
        }
        free(idx);
    }
    if (!shown)
        fputs("No dataset lies between otherwise separate groups of models.\n", fp);
    fputs("\n### All figures\n\n", fp);
    if ((rc = analysis_write_metrics(fp, a, BC_FORMAT_MD)) != BC_OK)
        return rc;
    fputs("\n### Models per year\n\n", fp);
    size_t dated = 0;
    for (size_t m = 0; m < cat->n_models; m++)
        dated += cat->models[m].year > 0;
    if (dated)
        report_figure(fp, 6, cat);
    else
        fputs("No model has a year (models.csv has no `year` column, or it is empty).\n\n", fp);
    return BC_OK;
}

void report_section_plan(FILE *fp, const bc_plan *plan)
{
    const bc_catalog *cat = plan->cat;
    fputs("## Suggested evaluation set\n\nThe five datasets that make the most (model, task) "
          "pairs comparable, over every covered task and every model (`benchcov plan "
          "--all-tasks --k 5`).\n\n",
          fp);
    plan_write_md_at(fp, plan, 3);
    fputc('\n', fp);
    report_figure(fp, 7, cat);
}

void report_section_methods(FILE *fp)
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

void report_more(FILE *fp, size_t total, size_t shown, const char *what, const char *table)
{
    if (total > shown)
        fmt_printf(fp, "\nThe first %N shown; %N more %s are in `tables/%s.csv`.\n",
                   (double)shown, (double)(total - shown), what, table);
}

int report_bucket(const report_members *L, size_t n_groups, size_t **start, int **member)
{
    size_t *fill = calloc(n_groups + 1, sizeof *fill);
    *start = calloc(n_groups + 1, sizeof **start);
    *member = malloc((L->n_items + 1) * sizeof **member);
    if (!fill || !*start || !*member) {
        free(fill);
        free(*start);
        free(*member);
        *start = NULL;
        *member = NULL;
        return BC_EX_SOFTWARE;
    }
    for (size_t k = 0; k < L->n_items; k++) {
        int g = L->group_of[L->order[k]];
        if (g >= 0 && (size_t)g < n_groups)
            (*start)[g + 1]++;
    }
    for (size_t g = 0; g < n_groups; g++)
        (*start)[g + 1] += (*start)[g];
    for (size_t k = 0; k < L->n_items; k++) {
        int g = L->group_of[L->order[k]];
        if (g >= 0 && (size_t)g < n_groups)
            (*member)[(*start)[g] + fill[g]++] = L->order[k];
    }
    free(fill);
    return BC_OK;
}

int report_group_rows(FILE *fp, const bc_catalog *cat, size_t n_groups,
                      const report_members *lists, size_t n_lists)
{
    size_t shown = n_groups < REPORT_MAX_ROWS ? n_groups : REPORT_MAX_ROWS;
    size_t *start[2] = { NULL, NULL };
    int *member[2] = { NULL, NULL };
    int ok = 1;
    for (size_t l = 0; l < n_lists && ok; l++)
        ok = report_bucket(&lists[l], shown, &start[l], &member[l]) == BC_OK;
    for (size_t g = 0; g < shown && ok; g++) {
        fputs("| ", fp);
        fmt_put_num(fp, (double)(g + 1));
        for (size_t l = 0; l < n_lists; l++) {
            size_t n = start[l][g + 1] - start[l][g];
            fputs(" | ", fp);
            for (size_t i = 0; i < n && i < REPORT_MAX_ROWS; i++) {
                int x = member[l][start[l][g] + i];
                fputs(i ? ", " : "", fp);
                fmt_md(fp, lists[l].models ? cat->models[x].name : cat->datasets[x].name);
            }
            if (n > REPORT_MAX_ROWS)
                fmt_printf(fp, " and %N more", (double)(n - REPORT_MAX_ROWS));
        }
        fputs(" |\n", fp);
    }
    if (n_groups > shown)
        fmt_printf(fp, "\nThe first %N groups shown; %N more are in `tables/communities.csv` "
                       "(communities) and `benchcov overlap` (comparability).\n",
                   (double)shown, (double)(n_groups - shown));
    for (size_t l = 0; l < 2; l++) {
        free(start[l]);
        free(member[l]);
    }
    return ok ? BC_OK : BC_EX_SOFTWARE;
}
