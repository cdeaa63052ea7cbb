/*
 * export.c - the graph `export` writes (see export.h), and the edge-list
 * CSV.
 *
 * One place says what a node or an edge carries: the attribute tables
 * below (ex_graph_init for nodes, ex_edge_attrs for edges).  ex_walk
 * feeds every node and edge to a format writer (export_graphml.c,
 * export_dot.c, export_json.c), which only decides how things are
 * spelled.  Nothing is sorted and nothing but the attribute lists is
 * allocated, so the work is linear in the catalog and the memory does
 * not grow with it.
 */
#include "export.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "export_graph.h"
#include "fmt.h"

const char *const ex_kind_name[EX_KINDS] = { "model", "dataset", "task" };
const char ex_kind_prefix[EX_KINDS] = { 'm', 'd', 't' };

/* ---- node attributes ---------------------------------------------------- */

static void set_str(ex_value *v, const char *s)
{
    v->present = s && *s;
    v->str = s;
}

static void set_num(ex_value *v, double x, int known)
{
    v->present = known && isfinite(x);
    v->num = x;
}

static void set_list(ex_value *v, char *const *items, size_t n)
{
    v->present = n > 0;
    v->items = items;
    v->n = n;
}

/*
 * The getters, one per known catalog column (DESIGN.md section 2), and
 * one per kind for facets (`slot` = the facet column).  A column the
 * catalog gains gets a getter and a row in the tables below, and every
 * format writes it.
 */
static void m_paper(const bc_catalog *c, size_t i, size_t s, ex_value *v)
{
    set_str(v, c->models[i].paper);
}
static void m_year(const bc_catalog *c, size_t i, size_t s, ex_value *v)
{
    set_num(v, c->models[i].year, c->models[i].year != 0);
}
static void m_llm_params_b(const bc_catalog *c, size_t i, size_t s, ex_value *v)
{
    set_num(v, c->models[i].llm_params_b, c->models[i].llm_params_b >= 0);
}
static void m_facet(const bc_catalog *c, size_t i, size_t s, ex_value *v)
{
    set_str(v, catalog_facet_value(&c->model_facets, c->models[i].facet, (int)s));
}
static void d_tasks(const bc_catalog *c, size_t i, size_t s, ex_value *v)
{
    v->present = c->datasets[i].n_tasks > 0;
    v->tasks = c->datasets[i].tasks;
    v->n = c->datasets[i].n_tasks;
}
static void d_languages(const bc_catalog *c, size_t i, size_t s, ex_value *v)
{
    set_list(v, c->datasets[i].languages.items, c->datasets[i].languages.n);
}
static void d_hours(const bc_catalog *c, size_t i, size_t s, ex_value *v)
{
    set_num(v, c->datasets[i].hours, c->datasets[i].hours >= 0);
}
static void d_facet(const bc_catalog *c, size_t i, size_t s, ex_value *v)
{
    set_str(v, catalog_facet_value(&c->dataset_facets, c->datasets[i].facet, (int)s));
}
static void t_name(const bc_catalog *c, size_t i, size_t s, ex_value *v)
{
    set_str(v, c->tasks[i].name); /* the code when tasks.csv gives no name */
}
static void t_facet(const bc_catalog *c, size_t i, size_t s, ex_value *v)
{
    set_str(v, catalog_facet_value(&c->task_facets, c->tasks[i].facet, (int)s));
}

static const ex_attr model_columns[] = {
    { "paper", EX_STRING, 0, m_paper, 0 },
    { "year", EX_INT, 0, m_year, 0 },
    { "llm_params_b", EX_DOUBLE, 0, m_llm_params_b, 0 },
};
/* `tasks` first: ex_graph_init leaves it out when datasets.csv has no such column. */
static const ex_attr dataset_columns[] = {
    { "tasks", EX_LIST, 0, d_tasks, 0 },
    { "languages", EX_LIST, 0, d_languages, 0 },
    { "hours", EX_DOUBLE, 0, d_hours, 0 },
};
static const ex_attr task_columns[] = {
    { "name", EX_STRING, 0, t_name, 0 },
};

/* The names the writers give every node or edge; a catalog column so named gets a '_'. */
static int name_reserved(const char *name)
{
    static const char *const reserved[] = { "id", "kind", "label", "source", "target", "key" };
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strcmp(name, reserved[i]) == 0)
            return 1;
    return 0;
}

static void ex_graph_release(ex_graph *g)
{
    for (int k = 0; k < EX_KINDS; k++)
        free(g->attrs[k]);
}

static int ex_graph_init(ex_graph *g, const bc_catalog *cat, unsigned graphs)
{
    static const ex_attr *const fixed[EX_KINDS] = { model_columns, dataset_columns,
                                                    task_columns };
    static const size_t n_fixed[EX_KINDS] = {
        sizeof model_columns / sizeof model_columns[0],
        sizeof dataset_columns / sizeof dataset_columns[0],
        sizeof task_columns / sizeof task_columns[0],
    };
    static void (*const facet_get[EX_KINDS])(const bc_catalog *, size_t, size_t,
                                             ex_value *) = { m_facet, d_facet, t_facet };
    const bc_facets *facets[EX_KINDS] = { &cat->model_facets, &cat->dataset_facets,
                                          &cat->task_facets };
    memset(g, 0, sizeof *g);
    g->cat = cat;
    g->graphs = graphs;
    for (int k = 0; k < EX_KINDS; k++) {
        /* Datasets' tasks derived from usage are no declaration: not an attribute. */
        size_t skip = k == EX_DATASET && !cat->datasets_list_tasks;
        size_t n = n_fixed[k] - skip + facets[k]->n;
        g->attrs[k] = malloc((n ? n : 1) * sizeof *g->attrs[k]);
        if (!g->attrs[k]) {
            ex_graph_release(g);
            return BC_EX_SOFTWARE;
        }
        for (size_t a = skip; a < n_fixed[k]; a++)
            g->attrs[k][g->n_attrs[k]++] = fixed[k][a];
        for (size_t f = 0; f < facets[k]->n; f++)
            g->attrs[k][g->n_attrs[k]++] =
                (ex_attr){ facets[k]->cols[f].name, EX_STRING, 0, facet_get[k], f };
        for (size_t a = 0; a < g->n_attrs[k]; a++)
            g->attrs[k][a].reserved = name_reserved(g->attrs[k][a].name);
    }
    return BC_OK;
}

static size_t kind_count(const bc_catalog *cat, ex_kind k)
{
    return k == EX_MODEL ? cat->n_models : k == EX_DATASET ? cat->n_datasets : cat->n_tasks;
}

/* The resolved name edges and usage use: a model's or dataset's name, a task's code. */
static const char *node_label(const bc_catalog *cat, ex_kind k, size_t i)
{
    return k == EX_MODEL     ? cat->models[i].name
           : k == EX_DATASET ? cat->datasets[i].name
                             : cat->tasks[i].code;
}

int ex_kind_included(const ex_graph *g, ex_kind k)
{
    static const unsigned joins[EX_KINDS] = {
        BC_EXPORT_MODEL_DATASET | BC_EXPORT_MODEL_TASK,
        BC_EXPORT_MODEL_DATASET | BC_EXPORT_DATASET_TASK,
        BC_EXPORT_MODEL_TASK | BC_EXPORT_DATASET_TASK,
    };
    return (g->graphs & joins[k]) != 0;
}

/* ---- edges -------------------------------------------------------------- */

static const char *relation_name(unsigned relation)
{
    return relation == BC_EXPORT_MODEL_DATASET ? "model-dataset"
           : relation == BC_EXPORT_MODEL_TASK  ? "model-task"
                                               : "dataset-task";
}

const char *ex_graphs_name(unsigned graphs)
{
    return graphs == BC_EXPORT_ALL ? "all" : relation_name(graphs);
}

/* Whether usage row u gives an edge of `relation`, and its ends. */
static int fact_edge(const bc_usage *u, unsigned relation, ex_edge *e)
{
    e->relation = relation;
    e->u = u;
    if (relation == BC_EXPORT_MODEL_DATASET && u->dataset >= 0) {
        e->from_kind = EX_MODEL, e->from = (size_t)u->model;
        e->to_kind = EX_DATASET, e->to = (size_t)u->dataset;
        return 1;
    }
    if (relation == BC_EXPORT_MODEL_TASK && u->task >= 0) {
        e->from_kind = EX_MODEL, e->from = (size_t)u->model;
        e->to_kind = EX_TASK, e->to = (size_t)u->task;
        return 1;
    }
    if (relation == BC_EXPORT_DATASET_TASK && u->dataset >= 0 && u->task >= 0) {
        e->from_kind = EX_DATASET, e->from = (size_t)u->dataset;
        e->to_kind = EX_TASK, e->to = (size_t)u->task;
        return 1;
    }
    return 0;
}

static void e_relation(const bc_catalog *c, const ex_edge *e, ex_value *v)
{
    set_str(v, relation_name(e->relation));
}
static void e_role(const bc_catalog *c, const ex_edge *e, ex_value *v)
{
    set_str(v, !e->u ? NULL : e->u->role == BC_ROLE_TRAIN ? "train" : "eval");
}
static void e_model(const bc_catalog *c, const ex_edge *e, ex_value *v)
{
    if (e->u && e->relation == BC_EXPORT_DATASET_TASK)
        set_str(v, c->models[e->u->model].name);
}
static void e_dataset(const bc_catalog *c, const ex_edge *e, ex_value *v)
{
    if (e->u && e->relation == BC_EXPORT_MODEL_TASK && e->u->dataset >= 0)
        set_str(v, c->datasets[e->u->dataset].name);
}
static void e_task(const bc_catalog *c, const ex_edge *e, ex_value *v)
{
    if (e->u && e->relation == BC_EXPORT_MODEL_DATASET && e->u->task >= 0)
        set_str(v, c->tasks[e->u->task].code);
}
static void e_score(const bc_catalog *c, const ex_edge *e, ex_value *v)
{
    if (e->u)
        set_num(v, e->u->score, 1); /* NAN when the fact has none: left out */
}
static void e_metric(const bc_catalog *c, const ex_edge *e, ex_value *v)
{
    if (e->u)
        set_str(v, e->u->metric);
}
static void e_split(const bc_catalog *c, const ex_edge *e, ex_value *v)
{
    if (e->u)
        set_str(v, e->u->split);
}
static void e_provenance(const bc_catalog *c, const ex_edge *e, ex_value *v)
{
    if (e->u)
        set_str(v, e->u->source);
}
static void e_declared(const bc_catalog *c, const ex_edge *e, ex_value *v)
{
    set_num(v, 1, !e->u);
}

/*
 * What an edge may carry.  The fact's `source` column is `provenance`
 * here: "source" is an edge's first end in GraphML, Gephi and networkx's
 * JSON.  The getters are in the same order.
 */
const ex_attr ex_edge_attrs[] = {
    { "relation", EX_STRING, 0, NULL, 0 },   { "role", EX_STRING, 0, NULL, 0 },
    { "model", EX_STRING, 0, NULL, 0 },      { "dataset", EX_STRING, 0, NULL, 0 },
    { "task", EX_STRING, 0, NULL, 0 },       { "score", EX_DOUBLE, 0, NULL, 0 },
    { "metric", EX_STRING, 0, NULL, 0 },     { "split", EX_STRING, 0, NULL, 0 },
    { "provenance", EX_STRING, 0, NULL, 0 }, { "declared", EX_BOOL, 0, NULL, 0 },
};
const size_t ex_n_edge_attrs = sizeof ex_edge_attrs / sizeof ex_edge_attrs[0];
static void (*const edge_getters[])(const bc_catalog *, const ex_edge *, ex_value *) = {
    e_relation, e_role,  e_model,       e_dataset,  e_task,
    e_score,    e_metric, e_split, e_provenance, e_declared,
};

/* ---- the walk ----------------------------------------------------------- */

static int walk_edge(const ex_graph *g, const ex_writer *w, void *ctx, size_t id,
                     const ex_edge *e)
{
    int rc = w->edge_open(ctx, id, e);
    for (size_t a = 0; rc == BC_OK && a < ex_n_edge_attrs; a++) {
        ex_value v = { 0 };
        edge_getters[a](g->cat, e, &v);
        if (v.present)
            rc = w->edge_attr(ctx, a, &v);
    }
    return rc == BC_OK ? w->edge_close(ctx) : rc;
}

int ex_walk(const ex_graph *g, const ex_writer *w, void *ctx)
{
    const bc_catalog *cat = g->cat;
    int rc = BC_OK;

    for (int k = 0; k < EX_KINDS && rc == BC_OK; k++) {
        if (!ex_kind_included(g, (ex_kind)k))
            continue;
        for (size_t i = 0, n = kind_count(cat, (ex_kind)k); i < n && rc == BC_OK; i++) {
            rc = w->node_open(ctx, (ex_kind)k, i, node_label(cat, (ex_kind)k, i));
            for (size_t a = 0; rc == BC_OK && a < g->n_attrs[k]; a++) {
                const ex_attr *at = &g->attrs[k][a];
                ex_value v = { 0 };
                at->get(cat, i, at->slot, &v);
                if (v.present)
                    rc = w->node_attr(ctx, (ex_kind)k, a, &v);
            }
            if (rc == BC_OK)
                rc = w->node_close(ctx);
        }
    }
    if (rc == BC_OK && w->edges_begin)
        rc = w->edges_begin(ctx);
    size_t id = 0;
    ex_edge e;
    static const unsigned relations[] = { BC_EXPORT_MODEL_DATASET, BC_EXPORT_MODEL_TASK,
                                          BC_EXPORT_DATASET_TASK };
    for (size_t r = 0; r < cat->n_usage && rc == BC_OK; r++)
        for (size_t j = 0; j < 3 && rc == BC_OK; j++)
            if ((g->graphs & relations[j]) && fact_edge(&cat->usage[r], relations[j], &e))
                rc = walk_edge(g, w, ctx, id++, &e);
    if (!(g->graphs & BC_EXPORT_DATASET_TASK) || !cat->datasets_list_tasks)
        return rc;
    for (size_t d = 0; d < cat->n_datasets && rc == BC_OK; d++)
        for (size_t j = 0; j < cat->datasets[d].n_tasks && rc == BC_OK; j++) {
            e = (ex_edge){ BC_EXPORT_DATASET_TASK, NULL, EX_DATASET, EX_TASK, d,
                           (size_t)cat->datasets[d].tasks[j] };
            rc = walk_edge(g, w, ctx, id++, &e);
        }
    return rc;
}

/* ---- spelling values ---------------------------------------------------- */

void ex_put_id(FILE *fp, char prefix, size_t i)
{
    char buf[24];
    char *p = buf + sizeof buf;

    *--p = '\0';
    do
        *--p = (char)('0' + i % 10);
    while ((i /= 10) != 0);
    if (prefix)
        *--p = prefix;
    fputs(p, fp);
}

int ex_text_put(ex_text *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            return -1;
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
    return 0;
}

const char *ex_list_item(const ex_graph *g, const ex_value *v, size_t k)
{
    return v->tasks ? g->cat->tasks[v->tasks[k]].code : v->items[k];
}

const char *ex_value_text(const ex_graph *g, const ex_value *v, ex_type type, ex_text *b,
                          char num[FMT_NUM_MAX])
{
    switch (type) {
    case EX_STRING: return v->str;
    case EX_INT:
    case EX_DOUBLE: return fmt_num_exact(num, v->num);
    case EX_BOOL: return v->num != 0 ? "true" : "false";
    case EX_LIST:
        b->len = 0;
        for (size_t k = 0; k < v->n; k++)
            if ((k && ex_text_put(b, ";") != 0) || ex_text_put(b, ex_list_item(g, v, k)) != 0)
                return NULL;
        return b->s;
    }
    return NULL;
}

/* ---- the edge list ------------------------------------------------------ */

const char export_edges_header[] = "model,dataset,task,role,score,metric,split,source";

static int write_edges(FILE *fp, const bc_catalog *cat, unsigned graphs)
{
    char num[FMT_NUM_MAX];

    fputs(export_edges_header, fp);
    fputc('\n', fp);
    for (size_t r = 0; r < cat->n_usage; r++) {
        const bc_usage *u = &cat->usage[r];
        int keep = graphs == BC_EXPORT_ALL ||
                   ((graphs & BC_EXPORT_MODEL_DATASET) && u->dataset >= 0) ||
                   ((graphs & BC_EXPORT_MODEL_TASK) && u->task >= 0) ||
                   ((graphs & BC_EXPORT_DATASET_TASK) && u->dataset >= 0 && u->task >= 0);
        if (!keep)
            continue;
        fmt_csv(fp, cat->models[u->model].name);
        fputc(',', fp);
        fmt_csv(fp, u->dataset >= 0 ? cat->datasets[u->dataset].name : "");
        fputc(',', fp);
        fmt_csv(fp, u->task >= 0 ? cat->tasks[u->task].code : "");
        fputs(u->role == BC_ROLE_TRAIN ? ",train," : ",eval,", fp);
        if (!isnan(u->score))
            fputs(fmt_num_exact(num, u->score), fp);
        fputc(',', fp);
        fmt_csv(fp, u->metric);
        fputc(',', fp);
        fmt_csv(fp, u->split);
        fputc(',', fp);
        fmt_csv(fp, u->source);
        fputc('\n', fp);
    }
    return BC_OK;
}

/* ---- entry points ------------------------------------------------------- */

int export_format_from_name(const char *name, bc_export_format *f)
{
    static const char *const names[] = { "graphml", "dot", "edges", "json" };
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0) {
            *f = (bc_export_format)i;
            return 0;
        }
    return -1;
}

int export_graph_from_name(const char *name, unsigned *graphs)
{
    static const unsigned all[] = { BC_EXPORT_MODEL_DATASET, BC_EXPORT_MODEL_TASK,
                                    BC_EXPORT_DATASET_TASK, BC_EXPORT_ALL };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(name, ex_graphs_name(all[i])) == 0) {
            *graphs = all[i];
            return 0;
        }
    return -1;
}

int export_write(FILE *fp, const bc_catalog *cat, bc_export_format format, unsigned graphs)
{
    ex_graph g;
    int rc;

    if (format == BC_EXPORT_EDGES)
        return write_edges(fp, cat, graphs);
    if ((rc = ex_graph_init(&g, cat, graphs)) != BC_OK)
        return rc;
    switch (format) {
    case BC_EXPORT_GRAPHML: rc = export_graphml_write(fp, &g); break;
    case BC_EXPORT_DOT: rc = export_dot_write(fp, &g); break;
    default: rc = export_json_write(fp, &g); break;
    }
    ex_graph_release(&g);
    return rc;
}
