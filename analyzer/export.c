/*
 * export.c - the catalog as GraphML, DOT, an edge-list CSV or JSON (see
 * export.h for what the graph holds).
 *
 * One place says what a node or an edge carries: the attribute tables
 * below (node_attrs_build for nodes, edge_attrs for edges).  Each writer
 * walks the same nodes and the same edges (edge_next) and only decides
 * how a value is spelled; all catalog text goes through the escapers of
 * fmt.h.  Nothing is sorted and nothing but the attribute list is
 * allocated, so the work is linear in the catalog and the memory does not
 * grow with it.
 */
#include "export.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fmt.h"

/* ---- nodes and their attributes ---------------------------------------- */

typedef enum { K_MODEL = 0, K_DATASET, K_TASK, K_COUNT } node_kind;

static const char *const kind_name[K_COUNT] = { "model", "dataset", "task" };
static const char kind_prefix[K_COUNT] = { 'm', 'd', 't' };

typedef enum { T_STRING, T_INT, T_DOUBLE, T_LIST, T_BOOL } attr_type;

/* One attribute value of one node or edge. */
typedef struct {
    int present;          /* 0: unknown or empty, the attribute is left out */
    const char *str;      /* T_STRING */
    double num;           /* T_INT, T_DOUBLE; T_BOOL: 0 or 1 */
    char *const *items;   /* T_LIST of strings ... */
    const int *tasks;     /* ... or, when non-NULL, of task indices (written as codes) */
    size_t n;             /* T_LIST: items, > 0 when present */
} attr_val;

typedef void (*node_get_fn)(const bc_catalog *cat, size_t i, size_t slot, attr_val *v);

typedef struct {
    const char *name;  /* the catalog column's header name */
    attr_type type;
    node_get_fn get;
    size_t slot;       /* passed to get (which facet) */
    int reserved;      /* the name is one the writers use themselves: written with a '_' added */
} node_attr;

static void set_str(attr_val *v, const char *s)
{
    v->present = s && *s;
    v->str = s;
}

static void set_num(attr_val *v, double x, int known)
{
    v->present = known && isfinite(x);
    v->num = x;
}

static void set_list(attr_val *v, char *const *items, size_t n)
{
    v->present = n > 0;
    v->items = items;
    v->n = n;
}

/*
 * The getters, one per catalog column.  When the catalog gains a column,
 * it gains a getter and a row in the tables below, and every format
 * writes it.
 */
static void m_paper(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_str(v, c->models[i].paper);
}
static void m_year(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_num(v, c->models[i].year, c->models[i].year != 0);
}
static void m_speech_encoder(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_str(v, c->models[i].speech_encoder);
}
static void m_encoder_family(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_str(v, c->models[i].encoder_family);
}
static void m_llm(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_str(v, c->models[i].llm);
}
static void m_llm_family(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_str(v, c->models[i].llm_family);
}
static void m_llm_params_b(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_num(v, c->models[i].llm_params_b, c->models[i].llm_params_b >= 0);
}
static void m_fusion(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_str(v, fusion_name(c->models[i].fusion));
}
static void m_output(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_str(v, output_name(c->models[i].output));
}
static void d_modality(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_str(v, modality_name(c->datasets[i].modality));
}
static void d_tasks(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    v->present = c->datasets[i].n_tasks > 0;
    v->tasks = c->datasets[i].tasks;
    v->n = c->datasets[i].n_tasks;
}
static void d_languages(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_list(v, c->datasets[i].languages.items, c->datasets[i].languages.n);
}
static void d_hours(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_num(v, c->datasets[i].hours, c->datasets[i].hours >= 0);
}
static void t_name(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_str(v, c->tasks[i].name);
}
static void t_modality(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_str(v, modality_name(c->tasks[i].modality));
}
static void t_category(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    set_str(v, c->tasks[i].category);
}
static void t_origin(const bc_catalog *c, size_t i, size_t s, attr_val *v)
{
    bc_origin o = c->tasks[i].origin;
    set_str(v, o == BC_ORIGIN_GLOSSARY ? "glossary" : o == BC_ORIGIN_ADDED ? "added" : NULL);
}

static const node_attr model_columns[] = {
    { "paper", T_STRING, m_paper, 0, 0 },
    { "year", T_INT, m_year, 0, 0 },
    { "speech_encoder", T_STRING, m_speech_encoder, 0, 0 },
    { "encoder_family", T_STRING, m_encoder_family, 0, 0 },
    { "llm", T_STRING, m_llm, 0, 0 },
    { "llm_family", T_STRING, m_llm_family, 0, 0 },
    { "llm_params_b", T_DOUBLE, m_llm_params_b, 0, 0 },
    { "fusion", T_STRING, m_fusion, 0, 0 },
    { "output", T_STRING, m_output, 0, 0 },
};
static const node_attr dataset_columns[] = {
    { "modality", T_STRING, d_modality, 0, 0 },
    { "tasks", T_LIST, d_tasks, 0, 0 },
    { "languages", T_LIST, d_languages, 0, 0 },
    { "hours", T_DOUBLE, d_hours, 0, 0 },
};
static const node_attr task_columns[] = {
    { "name", T_STRING, t_name, 0, 0 },
    { "modality", T_STRING, t_modality, 0, 0 },
    { "category", T_STRING, t_category, 0, 0 },
    { "origin", T_STRING, t_origin, 0, 0 },
};

/* The names every node or edge carries; a catalog column so named gets a '_' added. */
static int name_reserved(const char *name)
{
    static const char *const reserved[] = { "id", "kind", "label", "source", "target", "key" };
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (strcmp(name, reserved[i]) == 0)
            return 1;
    return 0;
}

/* The attributes of every node kind, in output order. */
typedef struct {
    node_attr *attrs[K_COUNT];
    size_t n[K_COUNT];
} node_schema;

static void node_schema_release(node_schema *s)
{
    for (int k = 0; k < K_COUNT; k++)
        free(s->attrs[k]);
}

static int node_schema_build(node_schema *s, const bc_catalog *cat)
{
    static const node_attr *const fixed[K_COUNT] = { model_columns, dataset_columns,
                                                     task_columns };
    static const size_t n_fixed[K_COUNT] = {
        sizeof model_columns / sizeof model_columns[0],
        sizeof dataset_columns / sizeof dataset_columns[0],
        sizeof task_columns / sizeof task_columns[0],
    };
    (void)cat;
    memset(s, 0, sizeof *s);
    for (int k = 0; k < K_COUNT; k++) {
        s->attrs[k] = malloc(n_fixed[k] * sizeof *s->attrs[k]);
        if (!s->attrs[k]) {
            node_schema_release(s);
            return BC_EX_SOFTWARE;
        }
        for (size_t a = 0; a < n_fixed[k]; a++) {
            s->attrs[k][a] = fixed[k][a];
            s->attrs[k][a].reserved = name_reserved(fixed[k][a].name);
        }
        s->n[k] = n_fixed[k];
    }
    return BC_OK;
}

static size_t kind_count(const bc_catalog *cat, node_kind k)
{
    return k == K_MODEL ? cat->n_models : k == K_DATASET ? cat->n_datasets : cat->n_tasks;
}

/* The resolved name edges and usage use: a model's or dataset's name, a task's code. */
static const char *node_label(const bc_catalog *cat, node_kind k, size_t i)
{
    return k == K_MODEL ? cat->models[i].name
           : k == K_DATASET ? cat->datasets[i].name
                            : cat->tasks[i].code;
}

/* Which node kinds the graphs join. */
static int kind_included(unsigned graphs, node_kind k)
{
    static const unsigned joins[K_COUNT] = {
        BC_EXPORT_MODEL_DATASET | BC_EXPORT_MODEL_TASK,
        BC_EXPORT_MODEL_DATASET | BC_EXPORT_DATASET_TASK,
        BC_EXPORT_MODEL_TASK | BC_EXPORT_DATASET_TASK,
    };
    return (graphs & joins[k]) != 0;
}

/* ---- edges and their attributes ---------------------------------------- */

typedef struct {
    unsigned relation;    /* one BC_EXPORT_* bit */
    const bc_usage *u;    /* the fact; NULL for a dataset-task edge datasets.csv declares */
    node_kind from_kind, to_kind;
    size_t from, to;
} export_edge;

/* Position of an edge walk: usage rows first, then declared dataset tasks. */
typedef struct {
    size_t row;     /* usage row, then dataset */
    unsigned step;  /* next relation bit to try for this row; task position when declared */
    int declared;   /* walking datasets.csv's task lists */
} edge_iter;

static const char *relation_name(unsigned relation)
{
    return relation == BC_EXPORT_MODEL_DATASET ? "model-dataset"
           : relation == BC_EXPORT_MODEL_TASK  ? "model-task"
                                               : "dataset-task";
}

/*
 * The next edge of `graphs` into *e: for each usage row in order its
 * model-dataset, model-task and dataset-task edges (each when the row
 * names both ends), then for each dataset its declared tasks.  Returns 0
 * when there is none left.
 */
static int edge_next(const bc_catalog *cat, unsigned graphs, edge_iter *it, export_edge *e)
{
    while (!it->declared && it->row < cat->n_usage) {
        const bc_usage *u = &cat->usage[it->row];
        while (it->step <= BC_EXPORT_DATASET_TASK) {
            unsigned rel = it->step ? it->step : BC_EXPORT_MODEL_DATASET;
            it->step = rel << 1;
            if (!(graphs & rel))
                continue;
            e->relation = rel;
            e->u = u;
            if (rel == BC_EXPORT_MODEL_DATASET && u->dataset >= 0) {
                e->from_kind = K_MODEL, e->from = (size_t)u->model;
                e->to_kind = K_DATASET, e->to = (size_t)u->dataset;
                return 1;
            }
            if (rel == BC_EXPORT_MODEL_TASK && u->task >= 0) {
                e->from_kind = K_MODEL, e->from = (size_t)u->model;
                e->to_kind = K_TASK, e->to = (size_t)u->task;
                return 1;
            }
            if (rel == BC_EXPORT_DATASET_TASK && u->dataset >= 0 && u->task >= 0) {
                e->from_kind = K_DATASET, e->from = (size_t)u->dataset;
                e->to_kind = K_TASK, e->to = (size_t)u->task;
                return 1;
            }
        }
        it->row++;
        it->step = 0;
    }
    if (!(graphs & BC_EXPORT_DATASET_TASK))
        return 0;
    if (!it->declared) {
        it->declared = 1;
        it->row = 0;
        it->step = 0;
    }
    while (it->row < cat->n_datasets) {
        const bc_dataset *d = &cat->datasets[it->row];
        if (it->step < d->n_tasks) {
            e->relation = BC_EXPORT_DATASET_TASK;
            e->u = NULL;
            e->from_kind = K_DATASET, e->from = it->row;
            e->to_kind = K_TASK, e->to = (size_t)d->tasks[it->step];
            it->step++;
            return 1;
        }
        it->row++;
        it->step = 0;
    }
    return 0;
}

typedef void (*edge_get_fn)(const bc_catalog *cat, const export_edge *e, attr_val *v);

typedef struct {
    const char *name;
    attr_type type;
    edge_get_fn get;
} edge_attr;

static void e_relation(const bc_catalog *c, const export_edge *e, attr_val *v)
{
    set_str(v, relation_name(e->relation));
}
static void e_role(const bc_catalog *c, const export_edge *e, attr_val *v)
{
    set_str(v, !e->u ? NULL : e->u->role == BC_ROLE_TRAIN ? "train" : "eval");
}
static void e_model(const bc_catalog *c, const export_edge *e, attr_val *v)
{
    if (e->u && e->relation == BC_EXPORT_DATASET_TASK)
        set_str(v, c->models[e->u->model].name);
}
static void e_dataset(const bc_catalog *c, const export_edge *e, attr_val *v)
{
    if (e->u && e->relation == BC_EXPORT_MODEL_TASK && e->u->dataset >= 0)
        set_str(v, c->datasets[e->u->dataset].name);
}
static void e_task(const bc_catalog *c, const export_edge *e, attr_val *v)
{
    if (e->u && e->relation == BC_EXPORT_MODEL_DATASET && e->u->task >= 0)
        set_str(v, c->tasks[e->u->task].code);
}
static void e_provenance(const bc_catalog *c, const export_edge *e, attr_val *v)
{
    if (e->u)
        set_str(v, e->u->source);
}
static void e_declared(const bc_catalog *c, const export_edge *e, attr_val *v)
{
    set_num(v, 1, !e->u);
}

/*
 * What every edge may carry.  The fact's `source` column is written as
 * `provenance`: "source" is an edge's first end in GraphML, Gephi and
 * networkx's JSON.
 */
static const edge_attr edge_attrs[] = {
    { "relation", T_STRING, e_relation },
    { "role", T_STRING, e_role },
    { "model", T_STRING, e_model },
    { "dataset", T_STRING, e_dataset },
    { "task", T_STRING, e_task },
    { "provenance", T_STRING, e_provenance },
    { "declared", T_BOOL, e_declared },
};
#define N_EDGE_ATTRS (sizeof edge_attrs / sizeof edge_attrs[0])

/* ---- spelling values ---------------------------------------------------- */

/* A growable text buffer for joined lists. */
typedef struct {
    char *s;
    size_t len, cap;
} textbuf;

static int textbuf_put(textbuf *b, const char *s)
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

static const char *list_item(const bc_catalog *cat, const attr_val *v, size_t k)
{
    return v->tasks ? cat->tasks[v->tasks[k]].code : v->items[k];
}

/*
 * The value as text: a string as it is, a number through fmt_num_exact,
 * a boolean as "true", a list joined with ';' as in the catalog.  Returns
 * NULL when memory runs out.  Valid until the next call.
 */
static const char *value_text(const bc_catalog *cat, const attr_val *v, attr_type type,
                              textbuf *b, char num[FMT_NUM_MAX])
{
    switch (type) {
    case T_STRING: return v->str;
    case T_INT:
    case T_DOUBLE: return fmt_num_exact(num, v->num);
    case T_BOOL: return v->num != 0 ? "true" : "false";
    case T_LIST:
        b->len = 0;
        for (size_t k = 0; k < v->n; k++)
            if ((k && textbuf_put(b, ";") != 0) || textbuf_put(b, list_item(cat, v, k)) != 0)
                return NULL;
        return b->s;
    }
    return NULL;
}

/* ---- GraphML ------------------------------------------------------------ */

static const char *graphml_type(attr_type t)
{
    switch (t) {
    case T_INT: return "int";
    case T_DOUBLE: return "double";
    case T_BOOL: return "boolean";
    default: return "string";
    }
}

/*
 * GraphML key ids: "k0", "k1" (kind), "k2" (label), then one per node
 * attribute of each included kind (a name and type two kinds share get
 * one key), then the edge attributes.  key[k][a] is the id number of
 * node attribute a of kind k.
 */
typedef struct {
    size_t *key[K_COUNT];
    size_t edge_base; /* id of edge_attrs[0] */
} graphml_keys;

static int graphml_keys_write(FILE *fp, const node_schema *s, unsigned graphs,
                              graphml_keys *keys)
{
    size_t next = 2;
    memset(keys, 0, sizeof *keys);
    fputs("  <key id=\"k0\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
          "  <key id=\"k1\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
          fp);
    for (int k = 0; k < K_COUNT; k++) {
        keys->key[k] = calloc(s->n[k] ? s->n[k] : 1, sizeof *keys->key[k]);
        if (!keys->key[k])
            return BC_EX_SOFTWARE;
        if (!kind_included(graphs, (node_kind)k))
            continue;
        for (size_t a = 0; a < s->n[k]; a++) {
            const node_attr *at = &s->attrs[k][a];
            size_t id = next;
            /* The same name and type in an earlier kind: share its key.  Few
             * attributes per kind, so the scan is over columns, not nodes. */
            for (int k2 = 0; k2 < k && id == next; k2++)
                if (kind_included(graphs, (node_kind)k2))
                    for (size_t a2 = 0; a2 < s->n[k2]; a2++)
                        if (strcmp(s->attrs[k2][a2].name, at->name) == 0 &&
                            s->attrs[k2][a2].type == at->type) {
                            id = keys->key[k2][a2];
                            break;
                        }
            keys->key[k][a] = id;
            if (id != next)
                continue;
            next++;
            fprintf(fp, "  <key id=\"k%zu\" for=\"node\" attr.name=\"", id);
            fmt_xml(fp, at->name);
            fprintf(fp, "%s\" attr.type=\"%s\"/>\n", at->reserved ? "_" : "",
                    graphml_type(at->type));
        }
    }
    keys->edge_base = next;
    for (size_t a = 0; a < N_EDGE_ATTRS; a++)
        fprintf(fp, "  <key id=\"k%zu\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                next + a, edge_attrs[a].name, graphml_type(edge_attrs[a].type));
    return BC_OK;
}

static void graphml_keys_release(graphml_keys *keys)
{
    for (int k = 0; k < K_COUNT; k++)
        free(keys->key[k]);
}

static void graphml_data(FILE *fp, size_t key, const char *text)
{
    fprintf(fp, "<data key=\"k%zu\">", key);
    fmt_xml(fp, text);
    fputs("</data>", fp);
}

static int write_graphml(FILE *fp, const bc_catalog *cat, const node_schema *s,
                         unsigned graphs)
{
    graphml_keys keys;
    textbuf b = { 0 };
    char num[FMT_NUM_MAX];
    int rc;

    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
          fp);
    if ((rc = graphml_keys_write(fp, s, graphs, &keys)) != BC_OK)
        goto done;
    fputs("  <graph id=\"benchcov\" edgedefault=\"undirected\">\n", fp);
    for (int k = 0; k < K_COUNT; k++) {
        if (!kind_included(graphs, (node_kind)k))
            continue;
        for (size_t i = 0, n = kind_count(cat, (node_kind)k); i < n; i++) {
            fprintf(fp, "    <node id=\"%c%zu\">", kind_prefix[k], i);
            graphml_data(fp, 0, kind_name[k]);
            graphml_data(fp, 1, node_label(cat, (node_kind)k, i));
            for (size_t a = 0; a < s->n[k]; a++) {
                const node_attr *at = &s->attrs[k][a];
                attr_val v = { 0 };
                at->get(cat, i, at->slot, &v);
                if (!v.present)
                    continue;
                const char *text = value_text(cat, &v, at->type, &b, num);
                if (!text) {
                    rc = BC_EX_SOFTWARE;
                    goto done;
                }
                graphml_data(fp, keys.key[k][a], text);
            }
            fputs("</node>\n", fp);
        }
    }
    edge_iter it = { 0 };
    export_edge e;
    for (size_t id = 0; edge_next(cat, graphs, &it, &e); id++) {
        fprintf(fp, "    <edge id=\"e%zu\" source=\"%c%zu\" target=\"%c%zu\">", id,
                kind_prefix[e.from_kind], e.from, kind_prefix[e.to_kind], e.to);
        for (size_t a = 0; a < N_EDGE_ATTRS; a++) {
            attr_val v = { 0 };
            edge_attrs[a].get(cat, &e, &v);
            if (v.present)
                graphml_data(fp, keys.edge_base + a,
                             value_text(cat, &v, edge_attrs[a].type, &b, num));
        }
        fputs("</edge>\n", fp);
    }
    fputs("  </graph>\n</graphml>\n", fp);
done:
    graphml_keys_release(&keys);
    free(b.s);
    return rc;
}

/* ---- DOT ---------------------------------------------------------------- */

/*
 * Graphviz's attribute names (graphviz.org/doc/info/attrs.html): a
 * catalog column of one of these names would draw, lay out or read a
 * file (`image`, `shapefile`), so DOT writes it with a '_' added.  So is
 * `name`, which Graphviz's own JSON output uses for a node's id.
 */
static int graphviz_attribute(const char *name)
{
    static const char *const names[] = {
        "_background", "area", "arrowhead", "arrowsize", "arrowtail", "bb", "beautify",
        "bgcolor", "center", "charset", "class", "cluster", "clusterrank", "color",
        "colorscheme", "comment", "compound", "concentrate", "constraint", "Damping",
        "decorate", "defaultdist", "dim", "dimen", "dir", "diredgeconstraints",
        "distortion", "dpi", "edgehref", "edgetarget", "edgetooltip", "edgeURL",
        "epsilon", "esep", "fillcolor", "fixedsize", "fontcolor", "fontname", "fontnames",
        "fontpath", "fontsize", "forcelabels", "gradientangle", "group", "head_lp",
        "headclip", "headhref", "headlabel", "headport", "headtarget", "headtooltip",
        "headURL", "height", "href", "id", "image", "imagepath", "imagepos", "imagescale",
        "inputscale", "K", "label", "label_scheme", "labelangle", "labeldistance",
        "labelfloat", "labelfontcolor", "labelfontname", "labelfontsize", "labelhref",
        "labeljust", "labelloc", "labeltarget", "labeltooltip", "labelURL", "landscape",
        "layer", "layerlistsep", "layers", "layerselect", "layersep", "layout", "len",
        "levels", "levelsgap", "lhead", "lheight", "linelength", "lp", "ltail", "lwidth",
        "margin", "maxiter", "mclimit", "mindist", "minlen", "mode", "model", "name", "newrank",
        "nodesep", "nojustify", "normalize", "notranslate", "nslimit", "nslimit1",
        "oneblock", "ordering", "orientation", "outputorder", "overlap",
        "overlap_scaling", "overlap_shrink", "pack", "packmode", "pad", "page", "pagedir",
        "pencolor", "penwidth", "peripheries", "pin", "pos", "quadtree", "quantum",
        "radius", "rank", "rankdir", "ranksep", "ratio", "rects", "regular",
        "remincross", "repulsiveforce", "resolution", "root", "rotate", "rotation",
        "samehead", "sametail", "samplepoints", "scale", "searchsize", "sep", "shape",
        "shapefile", "showboxes", "sides", "size", "skew", "smoothing", "sortv", "splines",
        "start", "style", "stylesheet", "tail_lp", "tailclip", "tailhref", "taillabel",
        "tailport", "tailtarget", "tailtooltip", "tailURL", "target", "TBbalance",
        "tooltip", "truecolor", "URL", "vertices", "viewport", "voro_margin", "weight",
        "width", "xdotversion", "xlabel", "xlp", "z",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

/*
 * The name a node attribute is written under: its header name, with a '_'
 * added when the writers use that name themselves (and in DOT when
 * Graphviz gives it a meaning).  NULL when memory runs out.  Valid until
 * the next call with the same buffer.
 */
static const char *out_name(const node_attr *at, int dot, textbuf *b)
{
    if (!at->reserved && !(dot && graphviz_attribute(at->name)))
        return at->name;
    b->len = 0;
    if (textbuf_put(b, at->name) != 0 || textbuf_put(b, "_") != 0)
        return NULL;
    return b->s;
}

static int write_dot(FILE *fp, const bc_catalog *cat, const node_schema *s, unsigned graphs)
{
    textbuf b = { 0 }, name = { 0 };
    char num[FMT_NUM_MAX];
    int rc = BC_OK;

    fputs("graph \"benchcov\" {\n", fp);
    for (int k = 0; k < K_COUNT; k++) {
        if (!kind_included(graphs, (node_kind)k))
            continue;
        for (size_t i = 0, n = kind_count(cat, (node_kind)k); i < n; i++) {
            fprintf(fp, "  \"%c%zu\" [kind=\"%s\", label=", kind_prefix[k], i, kind_name[k]);
            fmt_dot(fp, node_label(cat, (node_kind)k, i));
            for (size_t a = 0; a < s->n[k]; a++) {
                const node_attr *at = &s->attrs[k][a];
                attr_val v = { 0 };
                at->get(cat, i, at->slot, &v);
                if (!v.present)
                    continue;
                const char *text = value_text(cat, &v, at->type, &b, num);
                const char *key = out_name(at, 1, &name);
                if (!text || !key) {
                    rc = BC_EX_SOFTWARE;
                    goto done;
                }
                fputs(", ", fp);
                fmt_dot(fp, key);
                fputc('=', fp);
                fmt_dot(fp, text);
            }
            fputs("];\n", fp);
        }
    }
    edge_iter it = { 0 };
    export_edge e;
    while (edge_next(cat, graphs, &it, &e)) {
        fprintf(fp, "  \"%c%zu\" -- \"%c%zu\" [", kind_prefix[e.from_kind], e.from,
                kind_prefix[e.to_kind], e.to);
        int first = 1;
        for (size_t a = 0; a < N_EDGE_ATTRS; a++) {
            attr_val v = { 0 };
            edge_attrs[a].get(cat, &e, &v);
            if (!v.present)
                continue;
            fprintf(fp, "%s%s=", first ? "" : ", ", edge_attrs[a].name);
            fmt_dot(fp, value_text(cat, &v, edge_attrs[a].type, &b, num));
            first = 0;
        }
        fputs("];\n", fp);
    }
    fputs("}\n", fp);
done:
    free(b.s);
    free(name.s);
    return rc;
}

/* ---- JSON --------------------------------------------------------------- */

/* A value as JSON: strings escaped, numbers bare, lists as arrays. */
static void json_value(FILE *fp, const bc_catalog *cat, const attr_val *v, attr_type type)
{
    char num[FMT_NUM_MAX];
    switch (type) {
    case T_STRING: fmt_json(fp, v->str); break;
    case T_INT:
    case T_DOUBLE: fputs(fmt_num_exact(num, v->num), fp); break;
    case T_BOOL: fputs(v->num != 0 ? "true" : "false", fp); break;
    case T_LIST:
        fputc('[', fp);
        for (size_t k = 0; k < v->n; k++) {
            if (k)
                fputc(',', fp);
            fmt_json(fp, list_item(cat, v, k));
        }
        fputc(']', fp);
        break;
    }
}

static const char *graphs_name(unsigned graphs)
{
    return graphs == BC_EXPORT_ALL ? "all" : relation_name(graphs);
}

static int write_json(FILE *fp, const bc_catalog *cat, const node_schema *s, unsigned graphs)
{
    textbuf name = { 0 };
    int rc = BC_OK;

    fprintf(fp,
            "{\"directed\": false, \"multigraph\": true, "
            "\"graph\": {\"generator\": \"benchcov\", \"graph\": \"%s\"},\n\"nodes\": [",
            graphs_name(graphs));
    int first = 1;
    for (int k = 0; k < K_COUNT; k++) {
        if (!kind_included(graphs, (node_kind)k))
            continue;
        for (size_t i = 0, n = kind_count(cat, (node_kind)k); i < n; i++) {
            fprintf(fp, "%s\n{\"id\": \"%c%zu\", \"kind\": \"%s\", \"label\": ",
                    first ? "" : ",", kind_prefix[k], i, kind_name[k]);
            fmt_json(fp, node_label(cat, (node_kind)k, i));
            first = 0;
            for (size_t a = 0; a < s->n[k]; a++) {
                const node_attr *at = &s->attrs[k][a];
                attr_val v = { 0 };
                at->get(cat, i, at->slot, &v);
                if (!v.present)
                    continue;
                const char *key = out_name(at, 0, &name);
                if (!key) {
                    rc = BC_EX_SOFTWARE;
                    goto done;
                }
                fputs(", ", fp);
                fmt_json(fp, key);
                fputs(": ", fp);
                json_value(fp, cat, &v, at->type);
            }
            fputc('}', fp);
        }
    }
    fputs("\n],\n\"edges\": [", fp);
    edge_iter it = { 0 };
    export_edge e;
    for (size_t id = 0; edge_next(cat, graphs, &it, &e); id++) {
        fprintf(fp, "%s\n{\"id\": \"e%zu\", \"source\": \"%c%zu\", \"target\": \"%c%zu\"",
                id ? "," : "", id, kind_prefix[e.from_kind], e.from, kind_prefix[e.to_kind],
                e.to);
        for (size_t a = 0; a < N_EDGE_ATTRS; a++) {
            attr_val v = { 0 };
            edge_attrs[a].get(cat, &e, &v);
            if (!v.present)
                continue;
            fprintf(fp, ", \"%s\": ", edge_attrs[a].name);
            json_value(fp, cat, &v, edge_attrs[a].type);
        }
        fputc('}', fp);
    }
    fputs("\n]}\n", fp);
done:
    free(name.s);
    return rc;
}

/* ---- the edge list ------------------------------------------------------ */

const char export_edges_header[] = "model,dataset,task,role,score,metric,split,source";

static int write_edges(FILE *fp, const bc_catalog *cat, unsigned graphs)
{
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
        fputs(u->role == BC_ROLE_TRAIN ? ",train" : ",eval", fp);
        fputs(",,,,", fp); /* score, metric, split: not in this catalog version */
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
    static const struct {
        const char *name;
        unsigned graphs;
    } g[] = {
        { "model-dataset", BC_EXPORT_MODEL_DATASET },
        { "model-task", BC_EXPORT_MODEL_TASK },
        { "dataset-task", BC_EXPORT_DATASET_TASK },
        { "all", BC_EXPORT_ALL },
    };
    for (size_t i = 0; i < sizeof g / sizeof g[0]; i++)
        if (strcmp(name, g[i].name) == 0) {
            *graphs = g[i].graphs;
            return 0;
        }
    return -1;
}

int export_write(FILE *fp, const bc_catalog *cat, bc_export_format format, unsigned graphs)
{
    node_schema s;
    int rc;

    if (format == BC_EXPORT_EDGES)
        return write_edges(fp, cat, graphs);
    if ((rc = node_schema_build(&s, cat)) != BC_OK)
        return rc;
    switch (format) {
    case BC_EXPORT_GRAPHML: rc = write_graphml(fp, cat, &s, graphs); break;
    case BC_EXPORT_DOT: rc = write_dot(fp, cat, &s, graphs); break;
    default: rc = write_json(fp, cat, &s, graphs); break;
    }
    node_schema_release(&s);
    return rc;
}
