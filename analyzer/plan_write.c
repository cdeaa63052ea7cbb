/*
 * plan_write.c - the planner's writers (see plan.h): the plan as CSV
 * (DESIGN.md section 3) and as Markdown, with catalog text escaped.
 */
#include "plan.h"

#include <math.h>

#include "fmt.h"

static int stream_rc(FILE *fp)
{
    return ferror(fp) ? BC_EX_IOERR : BC_OK;
}

int plan_write_csv(FILE *fp, const bc_plan *p)
{
    fputs("step,dataset,gain,covered,tasks_covered\n", fp);
    for (size_t i = 0; i < p->n_steps; i++) {
        const plan_step *s = &p->steps[i];
        fmt_put_num(fp, (double)(i + 1));
        fputc(',', fp);
        fmt_csv(fp, p->cat->datasets[s->dataset].name);
        fputc(',', fp);
        fmt_put_num(fp, (double)s->gain);
        fputc(',', fp);
        fmt_put_num(fp, (double)s->covered);
        fputc(',', fp);
        fmt_put_num(fp, (double)s->tasks_covered);
        fputc('\n', fp);
    }
    fputs("bound,,,", fp);
    fmt_put_num(fp, p->bound);
    fputs(",\n", fp);
    return stream_rc(fp);
}

static const char *role_word(int role)
{
    return role == BC_ROLE_TRAIN ? "train" : role == BC_ROLE_EVAL ? "eval" : "any";
}

static void put_hours(FILE *fp, double h)
{
    if (h < 0)
        fputs("unknown", fp);
    else
        fmt_put_num(fp, h);
}

/*
 * Comma-separated, Markdown-escaped names of the baselines that trained on
 * step s's dataset, in index order, the first PLAN_MAX_NAMES of them.
 */
static void put_trained(FILE *fp, const bc_plan *p, const plan_step *s)
{
    for (size_t i = 0; i < s->n_trained && i < PLAN_MAX_NAMES; i++) {
        fputs(i ? ", " : "", fp);
        fmt_md(fp, p->cat->models[p->trained_model[s->first_trained + i]].name);
    }
    if (s->n_trained > PLAN_MAX_NAMES)
        fmt_printf(fp, " and %N more", (double)(s->n_trained - PLAN_MAX_NAMES));
}

/* Writes `level` hash marks and a space: a Markdown heading of that level. */
static void heading(FILE *fp, int level)
{
    for (int i = 0; i < level; i++)
        fputc('#', fp);
    fputc(' ', fp);
}

static void write_step_md(FILE *fp, const bc_plan *p, size_t i, int level)
{
    const bc_catalog *cat = p->cat;
    const plan_step *s = &p->steps[i];
    heading(fp, level);
    fputs("Step ", fp);
    fmt_put_num(fp, (double)(i + 1));
    fputs(": ", fp);
    fmt_md(fp, cat->datasets[s->dataset].name);
    fputs("\n\n", fp);
    if (p->objective == PLAN_COMPARABLE) {
        fputs("Makes ", fp);
        fmt_put_num(fp, (double)s->gain);
        fputs(s->gain == 1 ? " new (baseline, task) pair comparable" :
                             " new (baseline, task) pairs comparable", fp);
        fputs(" (", fp);
        fmt_put_num(fp, (double)s->covered);
        fputs(" of ", fp);
        fmt_put_num(fp, (double)p->universe);
        fputs(" so far)", fp);
        if (catalog_has_hours(cat)) {
            fputs("; hours: ", fp);
            put_hours(fp, s->hours);
        }
        fputs(".\n\n", fp);
        /* One line per task: the baselines that become comparable on it, the
         * first PLAN_MAX_NAMES of them. */
        for (size_t j = s->first_new, end = s->first_new + s->n_new; j < end;) {
            int t = p->new_task[j];
            size_t k = j;
            while (k < end && p->new_task[k] == t)
                k++;
            fputs("- ", fp);
            fmt_md(fp, cat->tasks[t].code);
            fputs(": ", fp);
            for (size_t x = j; x < k && x < j + PLAN_MAX_NAMES; x++) {
                fputs(x > j ? ", " : "", fp);
                fmt_md(fp, cat->models[p->new_model[x]].name);
            }
            if (k - j > PLAN_MAX_NAMES)
                fmt_printf(fp, " and %N more", (double)(k - j - PLAN_MAX_NAMES));
            fputc('\n', fp);
            j = k;
        }
        if (s->n_new)
            fputc('\n', fp);
    } else {
        fputs("Serves ", fp);
        fmt_put_num(fp, (double)s->gain);
        fputs(s->gain == 1 ? " new task: " : " new tasks: ", fp);
        for (size_t j = s->first_new; j < s->first_new + s->n_new; j++) {
            if (j != s->first_new)
                fputs(", ", fp);
            fmt_md(fp, cat->tasks[p->new_task[j]].code);
        }
        if (catalog_has_hours(cat)) {
            fputs("; hours: ", fp);
            put_hours(fp, s->hours);
        }
        fputs(".\n", fp);
        if (s->weight > 0) {
            fputs("Trained on by ", fp);
            fmt_put_num(fp, s->weight);
            fputs(s->weight == 1 ? " baseline: " : " baselines: ", fp);
            put_trained(fp, p, s);
            fputs(".\n\n", fp);
        } else {
            fputs("No baseline trained on it.\n\n", fp);
        }
    }
}

static void write_bound_md(FILE *fp, const bc_plan *p)
{
    if (p->objective == PLAN_COMPARABLE) {
        fputs("**Bound.** The plan covers ", fp);
        fmt_put_num(fp, (double)p->covered);
        fputs(" of ", fp);
        fmt_put_num(fp, (double)p->universe);
        fputs(" pairs. ", fp);
        if (p->bound_is_optimum) {
            fputs("This is the optimum (integer programme solved exactly), gap 0.\n\n", fp);
        } else {
            double gap = p->bound - (double)p->covered;
            fputs(p->bound_is_simple ? "Upper bound from the largest datasets' sizes (the "
                                       "problem is too large for the LP relaxation): "
                                     : "Upper bound from the LP relaxation: ",
                  fp);
            fmt_put_num(fp, p->bound);
            fputs("; gap to it at most ", fp);
            fmt_put_num(fp, gap > 0 ? gap : 0);
            fputs(" pairs", fp);
            if (p->bound > 0) {
                fputs(" (", fp);
                fmt_put_num(fp, 100.0 * (gap > 0 ? gap : 0) / p->bound);
                fputs("%)", fp);
            }
            fputs(".\n\n", fp);
        }
    } else {
        fputs("**Bound.** The plan's weight (for each chosen dataset, the baselines "
              "that trained on it, summed) is ", fp);
        fmt_put_num(fp, p->total_weight);
        fputs(". ", fp);
        if (p->bound_is_optimum) {
            fputs("This is the least weight of any dataset set serving every coverable "
                  "task (integer programme solved exactly), gap 0.\n\n", fp);
        } else {
            double gap = p->total_weight - p->bound;
            fputs(p->bound_is_simple ? "Lower bound on the least weight, from the cheapest "
                                       "dataset each task needs (the problem is too large "
                                       "for the LP relaxation): "
                                     : "Lower bound on the least weight, from the LP "
                                       "relaxation: ",
                  fp);
            fmt_put_num(fp, p->bound);
            fputs("; gap to it at most ", fp);
            fmt_put_num(fp, gap > 0 ? gap : 0);
            fputs(".\n\n", fp);
        }
    }
}

int plan_write_md(FILE *fp, const bc_plan *p)
{
    return plan_write_md_at(fp, p, 1);
}

int plan_write_md_at(FILE *fp, const bc_plan *p, int level)
{
    heading(fp, level);
    fputs("Evaluation plan\n\n", fp);
    if (p->objective == PLAN_COMPARABLE) {
        fputs("- Objective: comparable: cover the most (baseline, task) pairs with ", fp);
        if (p->hours_budget >= 0) {
            fputs("datasets of at most ", fp);
            fmt_put_num(fp, p->hours_budget);
            fputs(" hours in total\n", fp);
        } else {
            fputs("at most ", fp);
            fmt_put_num(fp, (double)p->k);
            fputs(p->k == 1 ? " dataset\n" : " datasets\n", fp);
        }
    } else {
        fputs("- Objective: unseen: serve every coverable target task, preferring "
              "datasets few baselines trained on\n", fp);
    }
    fputs(p->method == PLAN_EXACT ? "- Method: exact (integer programme, GLPK)\n"
          : p->bound_is_simple
              ? "- Method: greedy, bounded without a solver (too large for GLPK)\n"
              : "- Method: greedy, bounded by the LP relaxation\n",
          fp);
    fputs("- Role: ", fp);
    fputs(role_word(p->role), fp);
    fputs("\n- Baselines: ", fp);
    fmt_put_num(fp, (double)p->n_baselines);
    fputs("; target tasks: ", fp);
    fmt_put_num(fp, (double)p->n_tasks);
    fputs("\n- Universe: ", fp);
    fmt_put_num(fp, (double)p->universe);
    if (p->objective == PLAN_COMPARABLE) {
        fputs(" (baseline, task) pairs over ", fp);
        fmt_put_num(fp, (double)p->universe_tasks);
        fputs(p->universe_tasks == 1 ? " task" : " tasks", fp);
    } else {
        fputs(" coverable target tasks", fp);
    }
    fputs("; candidate datasets: ", fp);
    fmt_put_num(fp, (double)p->candidates);
    fputc('\n', fp);
    if (p->hours_budget >= 0) {
        fputs("- Datasets skipped for lack of hours: ", fp);
        fmt_put_num(fp, (double)p->skipped_no_hours);
        fputc('\n', fp);
    }
    fputc('\n', fp);

    if (p->n_steps == 0) {
        fputs("No dataset was chosen: ", fp);
        fputs(p->empty_reason ? p->empty_reason : "nothing to cover", fp);
        fputs(".\n\n", fp);
    } else {
        /* Hours only when the catalog knows some (never a made-up 0). */
        int hours = catalog_has_hours(p->cat);
        fputs(hours ? "| step | dataset | gain | covered | tasks covered | hours |\n"
                      "|---:|---|---:|---:|---:|---:|\n"
                    : "| step | dataset | gain | covered | tasks covered |\n"
                      "|---:|---|---:|---:|---:|\n",
              fp);
        for (size_t i = 0; i < p->n_steps; i++) {
            const plan_step *s = &p->steps[i];
            fmt_printf(fp, "| %N | %M | %N | %N | %N |", (double)(i + 1),
                       p->cat->datasets[s->dataset].name, (double)s->gain, (double)s->covered,
                       (double)s->tasks_covered);
            if (hours) {
                fputc(' ', fp);
                put_hours(fp, s->hours);
                fputs(" |", fp);
            }
            fputc('\n', fp);
        }
        fputc('\n', fp);
        for (size_t i = 0; i < p->n_steps; i++)
            write_step_md(fp, p, i, level + 1);
        size_t unknown = 0;
        for (size_t i = 0; i < p->n_steps; i++)
            unknown += p->steps[i].hours < 0;
        if (hours && unknown == p->n_steps) {
            fputs("Total hours: unknown.\n\n", fp);
        } else if (hours) {
            fputs("Total hours: ", fp);
            fmt_put_num(fp, p->total_hours);
            if (unknown) {
                fputs(" (plus ", fp);
                fmt_put_num(fp, (double)unknown);
                fputs(unknown == 1 ? " dataset of unknown hours)" : " datasets of unknown hours)",
                      fp);
            }
            fputs(".\n\n", fp);
        }
    }
    write_bound_md(fp, p);

    fputs("**Stability.** ", fp);
    if (isnan(p->stability)) {
        fputs("not computed", fp);
        fputs(p->n_baselines == 0 && p->stability_runs == 0 ? " (no baselines)" : "", fp);
        fputs(".\n", fp);
    } else {
        fputs("Median Jaccard similarity ", fp);
        fmt_put_num(fp, p->stability);
        fputs(" between this plan's datasets and the ", fp);
        fmt_put_num(fp, (double)p->stability_runs);
        fputs(p->stability_runs == 1 ? " plan" : " plans", fp);
        fputs(" computed with one baseline left out (1 = the choice does not hinge on "
              "any single baseline)",
              fp);
        if (p->stability_sampled)
            fmt_printf(fp, "; the baselines left out are a seeded sample of %N of the %N, "
                           "which have more than %N distinct rows",
                       (double)p->stability_runs, (double)p->n_baselines,
                       (double)PLAN_STABILITY_MAX);
        fputs(".\n", fp);
    }
    return stream_rc(fp);
}
