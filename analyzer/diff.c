/*
 * diff.c - two analysed catalogs compared (see diff.h).
 *
 * Entries are matched once (display names first, then names and aliases
 * that resolve across the versions), and every later section works on
 * those maps: facts by their mapped keys, statuses and comparability per
 * matched entry, the plan by matched datasets.  Everything is sorted, never
 * compared pair by pair, so the cost follows the size of the catalogs.
 */
#include "diff.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"

static const char *const kind_names[DIFF_KIND_COUNT] = {
    "model", "dataset", "task", "fact", "status", "comparability", "metric", "plan",
};

const char *diff_kind_name(bc_diff_kind k)
{
    return (unsigned)k < DIFF_KIND_COUNT ? kind_names[k] : "";
}

void diff_init(bc_diff *d)
{
    memset(d, 0, sizeof *d);
}

void diff_release(bc_diff *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->rows[i].name);
        free(d->rows[i].change);
        free(d->rows[i].before);
        free(d->rows[i].after);
    }
    free(d->rows);
    free(d->tasks);
    free(d->plan_before);
    free(d->plan_after);
    diff_init(d);
}

size_t diff_changes(const bc_diff *d)
{
    size_t n = 0;
    for (int k = 0; k < DIFF_KIND_COUNT; k++)
        n += d->count[k];
    return n;
}

/* ---------------------------------------------------------------------- */
/* Rows                                                                   */
/* ---------------------------------------------------------------------- */

static char *vfmt(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int len = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (len < 0)
        return NULL;
    char *s = malloc((size_t)len + 1);
    if (s)
        vsnprintf(s, (size_t)len + 1, fmt, ap);
    return s;
}

static char *sfmt(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static char *sfmt(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = vfmt(fmt, ap);
    va_end(ap);
    return s;
}

/*
 * Appends a row taking ownership of the four strings (any NULL means out
 * of memory: the others are freed).  Metric values are NaN.
 */
static int add_row(bc_diff *d, bc_diff_kind kind, char *name, char *change, char *before,
                   char *after)
{
    if (!name || !change || !before || !after)
        goto oom;
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 32;
        bc_diff_row *r = realloc(d->rows, cap * sizeof *r);
        if (!r)
            goto oom;
        d->rows = r;
        d->cap = cap;
    }
    d->rows[d->n++] = (bc_diff_row){ kind, name, change, before, after, NAN, NAN, 0 };
    d->count[kind]++;
    return BC_OK;
oom:
    free(name);
    free(change);
    free(before);
    free(after);
    return BC_EX_SOFTWARE;
}

static char *dup(const char *s)
{
    return strdup(s ? s : "");
}

static int add_plain(bc_diff *d, bc_diff_kind kind, const char *name, const char *change,
                     const char *before, const char *after)
{
    return add_row(d, kind, dup(name), dup(change), dup(before), dup(after));
}

static int row_cmp(const void *pa, const void *pb)
{
    const bc_diff_row *a = pa, *b = pb;
    int c = strcmp(a->name, b->name);
    if (!c)
        c = strcmp(a->change, b->change);
    if (!c)
        c = strcmp(a->before, b->before);
    if (!c)
        c = strcmp(a->after, b->after);
    return c;
}

/* Sorts rows [from, d->n) by name, change, before, after. */
static void sort_from(bc_diff *d, size_t from)
{
    if (d->n - from > 1)
        qsort(d->rows + from, d->n - from, sizeof *d->rows, row_cmp);
}

/* ---------------------------------------------------------------------- */
/* Matching entries across the versions                                   */
/* ---------------------------------------------------------------------- */

static size_t ent_count(const bc_catalog *c, bc_diff_kind k)
{
    return k == DIFF_MODEL ? c->n_models : k == DIFF_DATASET ? c->n_datasets : c->n_tasks;
}

static const char *ent_name(const bc_catalog *c, bc_diff_kind k, size_t i)
{
    return k == DIFF_MODEL ? c->models[i].name
         : k == DIFF_DATASET ? c->datasets[i].name
                             : c->tasks[i].code;
}

static const bc_strlist *ent_aliases(const bc_catalog *c, bc_diff_kind k, size_t i)
{
    return k == DIFF_MODEL ? &c->models[i].aliases
         : k == DIFF_DATASET ? &c->datasets[i].aliases
                             : NULL;
}

static int ent_find(const bc_catalog *c, bc_diff_kind k, const char *name)
{
    return k == DIFF_MODEL ? catalog_find_model(c, name)
         : k == DIFF_DATASET ? catalog_find_dataset(c, name)
                             : catalog_find_task(c, name);
}

/*
 * The entry of `to` that entry i of `from` denotes: its display name
 * first, then its aliases, skipping entries already taken.  -1 when none.
 */
static int resolve(const bc_catalog *from, const bc_catalog *to, bc_diff_kind k, size_t i,
                   const int *taken)
{
    int j = ent_find(to, k, ent_name(from, k, i));
    if (j >= 0 && taken[j] < 0)
        return j;
    const bc_strlist *al = ent_aliases(from, k, i);
    for (size_t a = 0; al && a < al->n; a++) {
        j = ent_find(to, k, al->items[a]);
        if (j >= 0 && taken[j] < 0)
            return j;
    }
    return -1;
}

/*
 * Fills map_old (OLD index -> NEW index or -1) and map_new (the inverse).
 * Same display names pair first, so an alias never steals an entry that
 * keeps its name.
 */
static void match(const bc_catalog *oc, const bc_catalog *nc, bc_diff_kind k, int *map_old,
                  int *map_new)
{
    size_t no = ent_count(oc, k), nn = ent_count(nc, k);
    for (size_t i = 0; i < no; i++)
        map_old[i] = -1;
    for (size_t j = 0; j < nn; j++)
        map_new[j] = -1;
    for (size_t i = 0; i < no; i++) {
        int j = ent_find(nc, k, ent_name(oc, k, i));
        if (j >= 0 && map_new[j] < 0 && strcmp(ent_name(nc, k, (size_t)j), ent_name(oc, k, i)) == 0) {
            map_old[i] = j;
            map_new[j] = (int)i;
        }
    }
    for (size_t i = 0; i < no; i++) {
        if (map_old[i] >= 0)
            continue;
        int j = resolve(oc, nc, k, i, map_new);
        if (j >= 0) {
            map_old[i] = j;
            map_new[j] = (int)i;
        }
    }
    for (size_t j = 0; j < nn; j++) {
        if (map_new[j] >= 0)
            continue;
        int i = resolve(nc, oc, k, j, map_old);
        if (i >= 0) {
            map_old[i] = (int)j;
            map_new[j] = i;
        }
    }
}

/* Added, removed and renamed rows of one kind, sorted by name. */
static int entity_rows(bc_diff *d, const bc_catalog *oc, const bc_catalog *nc, bc_diff_kind k,
                       const int *map_old, const int *map_new)
{
    size_t from = d->n;
    for (size_t i = 0; i < ent_count(oc, k); i++) {
        const char *on = ent_name(oc, k, i);
        int rc = BC_OK;
        if (map_old[i] < 0) {
            rc = add_plain(d, k, on, "removed", on, "");
            if (k == DIFF_MODEL)
                d->removed_models++;
        } else if (strcmp(on, ent_name(nc, k, (size_t)map_old[i])) != 0) {
            const char *nn = ent_name(nc, k, (size_t)map_old[i]);
            rc = add_plain(d, k, nn, "renamed", on, nn);
        }
        if (rc != BC_OK)
            return rc;
    }
    for (size_t j = 0; j < ent_count(nc, k); j++)
        if (map_new[j] < 0) {
            const char *nn = ent_name(nc, k, j);
            if (add_plain(d, k, nn, "added", "", nn) != BC_OK)
                return BC_EX_SOFTWARE;
        }
    sort_from(d, from);
    return BC_OK;
}

/* ---------------------------------------------------------------------- */
/* Usage facts                                                            */
/* ---------------------------------------------------------------------- */

typedef struct {
    const char *model, *dataset, *task; /* names under which the fact compares */
    int role;
    int side;                           /* 0 OLD, 1 NEW */
} fact_key;

static int fact_cmp_noside(const fact_key *a, const fact_key *b)
{
    int c = strcmp(a->model, b->model);
    if (!c)
        c = strcmp(a->dataset, b->dataset);
    if (!c)
        c = strcmp(a->task, b->task);
    if (!c)
        c = a->role - b->role;
    return c;
}

static int fact_cmp(const void *pa, const void *pb)
{
    const fact_key *a = pa, *b = pb;
    int c = fact_cmp_noside(a, b);
    return c ? c : a->side - b->side;
}

static char *fact_text(const fact_key *f)
{
    return sfmt("%s / %s / %s", *f->dataset ? f->dataset : "(no dataset)",
                *f->task ? f->task : "(no task)", f->role == BC_ROLE_TRAIN ? "train" : "eval");
}

/*
 * Keys of every fact: NEW facts under their names; OLD facts under the
 * NEW names of their entries when all of them were matched (so renames
 * move nothing), under their old names otherwise (then they cannot equal
 * a NEW fact: every NEW entry bearing that name would have been matched).
 */
static int fact_rows(bc_diff *d, const bc_catalog *oc, const bc_catalog *nc, int *const maps[6])
{
    const int *mo = maps[0], *dso = maps[2], *to = maps[4];
    size_t n = oc->n_usage + nc->n_usage;
    fact_key *k = malloc((n ? n : 1) * sizeof *k);
    if (!k)
        return BC_EX_SOFTWARE;
    size_t w = 0;
    for (size_t i = 0; i < oc->n_usage; i++) {
        const bc_usage *u = &oc->usage[i];
        int m = mo[u->model], ds = u->dataset >= 0 ? dso[u->dataset] : -1,
            t = u->task >= 0 ? to[u->task] : -1;
        int mapped = m >= 0 && (u->dataset < 0 || ds >= 0) && (u->task < 0 || t >= 0);
        const bc_catalog *c = mapped ? nc : oc;
        int mi = mapped ? m : u->model, di = mapped ? ds : u->dataset, ti = mapped ? t : u->task;
        k[w++] = (fact_key){ c->models[mi].name, di >= 0 ? c->datasets[di].name : "",
                             ti >= 0 ? c->tasks[ti].code : "", (int)u->role, 0 };
    }
    for (size_t i = 0; i < nc->n_usage; i++) {
        const bc_usage *u = &nc->usage[i];
        k[w++] = (fact_key){ nc->models[u->model].name,
                             u->dataset >= 0 ? nc->datasets[u->dataset].name : "",
                             u->task >= 0 ? nc->tasks[u->task].code : "", (int)u->role, 1 };
    }
    if (w > 1)
        qsort(k, w, sizeof *k, fact_cmp);
    int rc = BC_OK;
    for (size_t i = 0; i < w && rc == BC_OK;) {
        size_t j = i, olds = 0, news = 0;
        while (j < w && fact_cmp_noside(&k[i], &k[j]) == 0) {
            if (k[j].side)
                news++;
            else
                olds++;
            j++;
        }
        /* Removed before added within one key; duplicates count. */
        for (; olds > news && rc == BC_OK; olds--)
            rc = add_row(d, DIFF_FACT, dup(k[i].model), dup("removed"), fact_text(&k[i]),
                         dup(""));
        for (; news > olds && rc == BC_OK; news--)
            rc = add_row(d, DIFF_FACT, dup(k[i].model), dup("added"), dup(""),
                         fact_text(&k[i]));
        i = j;
    }
    free(k);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Task status                                                            */
/* ---------------------------------------------------------------------- */

/* What a task's named datasets come to: "none", the one name, or "N datasets". */
static char *datasets_text(const bc_diff_side *s, size_t t)
{
    size_t n = s->a->cov.tasks[t].datasets;
    int top = s->a->top_dataset[t];
    if (n == 0)
        return dup("none");
    if (n == 1 && top >= 0)
        return dup(s->cat->datasets[top].name);
    return sfmt("%zu datasets", n);
}

static int status_rows(bc_diff *d, const bc_diff_side *o, const bc_diff_side *n,
                       const int *map_new)
{
    const int *order = n->a->task_order;
    for (size_t x = 0; x < n->cat->n_tasks; x++) {
        size_t j = (size_t)order[x];
        const char *code = n->cat->tasks[j].code;
        bc_cov_status sn = n->a->cov.tasks[j].status;
        int rc = BC_OK;
        if (map_new[j] < 0) {
            if (sn == BC_COV_UNCOVERED) {
                d->new_uncovered++;
                rc = add_plain(d, DIFF_STATUS, code, "added-uncovered", "",
                               coverage_status_name(sn));
            }
            if (rc != BC_OK)
                return rc;
            continue;
        }
        size_t i = (size_t)map_new[j];
        bc_cov_status so = o->a->cov.tasks[i].status;
        if (so != sn) {
            if (sn == BC_COV_UNCOVERED)
                d->new_uncovered++;
            rc = add_plain(d, DIFF_STATUS, code, sn > so ? "improved" : "worsened",
                           coverage_status_name(so), coverage_status_name(sn));
        }
        size_t bo = o->a->cov.tasks[i].datasets, bn = n->a->cov.tasks[j].datasets;
        const char *what = NULL;
        if (bo == 1 && bn == 0)
            what = "lost-only-dataset";
        else if (bo == 0 && bn == 1)
            what = "gained-only-dataset";
        else if (bo >= 2 && bn == 1)
            what = "single-dataset";
        else if (bo == 1 && bn >= 2)
            what = "no-longer-single-dataset";
        if (rc == BC_OK && what)
            rc = add_row(d, DIFF_STATUS, dup(code), dup(what), datasets_text(o, i),
                         datasets_text(n, j));
        if (rc != BC_OK)
            return rc;
    }
    return BC_OK;
}

/* ---------------------------------------------------------------------- */
/* Comparability                                                          */
/* ---------------------------------------------------------------------- */

/* Per component, the name of its first model in name order; caller frees. */
static const char **component_names(const bc_diff_side *s)
{
    const bc_comparability *c = &s->a->comp;
    const char **names = calloc(c->components + 1, sizeof *names);
    if (!names)
        return NULL;
    for (size_t x = 0; x < s->cat->n_models; x++) {
        int m = s->a->model_order[x], k = c->component[m];
        if (k >= 0 && !names[k])
            names[k] = s->cat->models[m].name;
    }
    return names;
}

typedef struct {
    int a, b; /* component on the grouping side, component on the other side */
} comp_pair;

static int comp_pair_cmp(const void *pa, const void *pb)
{
    const comp_pair *x = pa, *y = pb;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return (x->b > y->b) - (x->b < y->b);
}

/*
 * Components of one side (a) that hold common models from two or more
 * components of the other side (b): "merged" when a is NEW, "split" when
 * a is OLD.  `pairs` holds the (a, b) of every common model in both.
 */
static int regroup_rows(bc_diff *d, comp_pair *pairs, size_t np, const char **names_a,
                        const char **names_b, const char *change, int a_is_new)
{
    if (np > 1)
        qsort(pairs, np, sizeof *pairs, comp_pair_cmp);
    for (size_t i = 0; i < np;) {
        size_t j = i, distinct = 0;
        while (j < np && pairs[j].a == pairs[i].a) {
            if (j == i || pairs[j].b != pairs[j - 1].b)
                distinct++;
            j++;
        }
        if (distinct >= 2) {
            /* The other side's components, named, joined by "; ". */
            size_t len = 1;
            for (size_t x = i; x < j; x++)
                if (x == i || pairs[x].b != pairs[x - 1].b)
                    len += strlen(names_b[pairs[x].b]) + 2;
            char *list = malloc(len);
            if (!list)
                return BC_EX_SOFTWARE;
            list[0] = '\0';
            char *p = list;
            for (size_t x = i; x < j; x++)
                if (x == i || pairs[x].b != pairs[x - 1].b) {
                    if (p != list)
                        p = stpcpy(p, "; ");
                    p = stpcpy(p, names_b[pairs[x].b]);
                }
            const char *self = names_a[pairs[i].a];
            int rc = a_is_new ? add_row(d, DIFF_COMPARABILITY, dup(self), dup(change), list,
                                        dup(self))
                              : add_row(d, DIFF_COMPARABILITY, dup(self), dup(change),
                                        dup(self), list);
            if (rc != BC_OK)
                return rc;
        }
        i = j;
    }
    return BC_OK;
}

static int comparability_rows(bc_diff *d, const bc_diff_side *o, const bc_diff_side *n,
                              const int *map_new)
{
    const bc_comparability *co = &o->a->comp, *cn = &n->a->comp;
    size_t from = d->n;
    for (size_t j = 0; j < n->cat->n_models; j++) {
        int iso_n = cn->component[j] < 0, rc = BC_OK;
        const char *name = n->cat->models[j].name;
        if (map_new[j] < 0) {
            if (iso_n) {
                d->new_isolated++;
                rc = add_plain(d, DIFF_COMPARABILITY, name, "added-isolated", "", "isolated");
            }
        } else {
            int iso_o = co->component[map_new[j]] < 0;
            if (iso_o && !iso_n)
                rc = add_plain(d, DIFF_COMPARABILITY, name, "comparable", "isolated",
                               "comparable");
            else if (!iso_o && iso_n) {
                d->new_isolated++;
                rc = add_plain(d, DIFF_COMPARABILITY, name, "isolated", "comparable",
                               "isolated");
            }
        }
        if (rc != BC_OK)
            return rc;
    }
    sort_from(d, from);

    int rc = BC_EX_SOFTWARE;
    const char **names_o = component_names(o), **names_n = component_names(n);
    comp_pair *pairs = malloc((n->cat->n_models + 1) * sizeof *pairs);
    if (!names_o || !names_n || !pairs)
        goto done;
    size_t np = 0;
    for (size_t j = 0; j < n->cat->n_models; j++)
        if (map_new[j] >= 0 && cn->component[j] >= 0 && co->component[map_new[j]] >= 0)
            pairs[np++] = (comp_pair){ cn->component[j], co->component[map_new[j]] };
    from = d->n;
    if (regroup_rows(d, pairs, np, names_n, names_o, "merged", 1) != BC_OK)
        goto done;
    for (size_t x = 0; x < np; x++) {
        int t = pairs[x].a;
        pairs[x].a = pairs[x].b;
        pairs[x].b = t;
    }
    if (regroup_rows(d, pairs, np, names_o, names_n, "split", 0) != BC_OK)
        goto done;
    sort_from(d, from);
    rc = BC_OK;
done:
    free(names_o);
    free(names_n);
    free(pairs);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Headline figures                                                       */
/* ---------------------------------------------------------------------- */

static int is_z(const char *name)
{
    size_t n = strlen(name);
    return n >= 2 && strcmp(name + n - 2, "_z") == 0;
}

static char *num_text(double v)
{
    char b[FMT_NUM_MAX];
    return isnan(v) ? dup("") : dup(fmt_num(b, v));
}

static int metric_rows(bc_diff *d, const bc_diff_side *o, const bc_diff_side *n)
{
    bc_metric mo[ANALYSIS_MAX_METRICS], mn[ANALYSIS_MAX_METRICS];
    size_t no = analysis_metrics(o->a, mo), nn = analysis_metrics(n->a, mn);
    for (size_t j = 0; j < nn; j++) {
        double before = NAN, after = mn[j].value;
        for (size_t i = 0; i < no; i++)
            if (strcmp(mo[i].name, mn[j].name) == 0)
                before = mo[i].value;
        double delta = after - before;
        char b[FMT_NUM_MAX];
        fmt_num(b, delta);
        int notable = isnan(before) || before != after;
        char *change;
        if (isnan(before))
            change = dup("new");
        else if (is_z(mn[j].name)) {
            notable = fabs(delta) >= DIFF_Z_SPREAD;
            change = sfmt("%s%s %s", delta > 0 ? "+" : "", b,
                          notable ? "beyond-null-spread" : "within-null-spread");
        } else
            change = sfmt("%s%s", delta > 0 ? "+" : "", b);
        if (add_row(d, DIFF_METRIC, dup(mn[j].name), change, num_text(before),
                    num_text(after)) != BC_OK)
            return BC_EX_SOFTWARE;
        bc_diff_row *r = &d->rows[d->n - 1];
        r->vbefore = before;
        r->vafter = after;
        r->notable = notable;
        if (!notable)
            d->count[DIFF_METRIC]--;
    }
    return BC_OK;
}

/* ---------------------------------------------------------------------- */
/* Suggested evaluation set                                               */
/* ---------------------------------------------------------------------- */

static int plan_rows(bc_diff *d, const bc_diff_side *o, const bc_diff_side *n,
                     const int *map_old_ds)
{
    const bc_plan *po = o->plan, *pn = n->plan;
    /* old_step[j]: 1-based step of NEW dataset j in the OLD plan, 0 when absent. */
    size_t *old_step = calloc(n->cat->n_datasets + 1, sizeof *old_step);
    char *seen = calloc(po->n_steps + 1, 1);
    if (!old_step || !seen) {
        free(old_step);
        free(seen);
        return BC_EX_SOFTWARE;
    }
    for (size_t s = 0; s < po->n_steps; s++) {
        int j = map_old_ds[po->steps[s].dataset];
        if (j >= 0)
            old_step[j] = s + 1;
    }
    d->plan_before = malloc((po->n_steps + 1) * sizeof *d->plan_before);
    d->plan_after = malloc((pn->n_steps + 1) * sizeof *d->plan_after);
    int rc = d->plan_before && d->plan_after ? BC_OK : BC_EX_SOFTWARE;
    for (size_t s = 0; s < po->n_steps && rc == BC_OK; s++)
        d->plan_before[d->n_plan_before++] = o->cat->datasets[po->steps[s].dataset].name;
    for (size_t s = 0; s < pn->n_steps && rc == BC_OK; s++)
        d->plan_after[d->n_plan_after++] = n->cat->datasets[pn->steps[s].dataset].name;
    for (size_t s = 0; s < pn->n_steps && rc == BC_OK; s++) {
        int j = pn->steps[s].dataset;
        const char *name = n->cat->datasets[j].name;
        if (old_step[j]) {
            seen[old_step[j] - 1] = 1;
            if (old_step[j] != s + 1)
                rc = add_row(d, DIFF_PLAN, dup(name), dup("moved"),
                             sfmt("step %zu", old_step[j]), sfmt("step %zu", s + 1));
        } else
            rc = add_row(d, DIFF_PLAN, dup(name), dup("added"), dup(""),
                         sfmt("step %zu", s + 1));
    }
    for (size_t s = 0; s < po->n_steps && rc == BC_OK; s++)
        if (!seen[s])
            rc = add_row(d, DIFF_PLAN, dup(o->cat->datasets[po->steps[s].dataset].name),
                         dup("removed"), sfmt("step %zu", s + 1), dup(""));
    if (rc == BC_OK && (po->covered != pn->covered || po->universe != pn->universe)) {
        long delta = (long)pn->covered - (long)po->covered;
        rc = add_row(d, DIFF_PLAN, dup("(pairs covered)"), sfmt("%+ld", delta),
                     sfmt("%zu of %zu", po->covered, po->universe),
                     sfmt("%zu of %zu", pn->covered, pn->universe));
    }
    free(old_step);
    free(seen);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Task coverage on both sides                                            */
/* ---------------------------------------------------------------------- */

static int task_pairs(bc_diff *d, const bc_diff_side *o, const bc_diff_side *n)
{
    size_t no = o->cat->n_tasks, nn = n->cat->n_tasks;
    d->tasks = malloc((no + nn + 1) * sizeof *d->tasks);
    if (!d->tasks)
        return BC_EX_SOFTWARE;
    size_t i = 0, j = 0;
    while (i < no || j < nn) {
        int ti = i < no ? o->a->task_order[i] : -1, tj = j < nn ? n->a->task_order[j] : -1;
        int c = ti < 0 ? 1 : tj < 0 ? -1 : strcmp(o->cat->tasks[ti].code, n->cat->tasks[tj].code);
        bc_diff_task *t = &d->tasks[d->n_tasks++];
        t->before = t->after = NAN;
        if (c <= 0) {
            t->code = o->cat->tasks[ti].code;
            t->before = (double)o->a->cov.tasks[ti].models;
            i++;
        }
        if (c >= 0) {
            t->code = n->cat->tasks[tj].code;
            t->after = (double)n->a->cov.tasks[tj].models;
            j++;
        }
    }
    return BC_OK;
}

int diff_compute(bc_diff *d, const bc_diff_side *old, const bc_diff_side *new_,
                 bc_errors *errs)
{
    const bc_catalog *oc = old->cat, *nc = new_->cat;
    int *maps[6] = { 0 }; /* model old->new, new->old, dataset ..., task ... */
    size_t sizes[6] = { oc->n_models, nc->n_models, oc->n_datasets, nc->n_datasets,
                        oc->n_tasks, nc->n_tasks };
    int rc = BC_EX_SOFTWARE;
    for (int i = 0; i < 6; i++)
        if (!(maps[i] = malloc((sizes[i] + 1) * sizeof *maps[i])))
            goto done;
    for (int k = DIFF_MODEL; k <= DIFF_TASK; k++) {
        match(oc, nc, (bc_diff_kind)k, maps[2 * k], maps[2 * k + 1]);
        if (entity_rows(d, oc, nc, (bc_diff_kind)k, maps[2 * k], maps[2 * k + 1]) != BC_OK)
            goto done;
    }
    if (fact_rows(d, oc, nc, maps) != BC_OK || status_rows(d, old, new_, maps[5]) != BC_OK ||
        comparability_rows(d, old, new_, maps[1]) != BC_OK ||
        metric_rows(d, old, new_) != BC_OK || plan_rows(d, old, new_, maps[2]) != BC_OK ||
        task_pairs(d, old, new_) != BC_OK)
        goto done;
    rc = BC_OK;
done:
    for (int i = 0; i < 6; i++)
        free(maps[i]);
    if (rc != BC_OK)
        errors_add(errs, rc, NULL, 0, 0, "out of memory while comparing the catalogs");
    return rc;
}
