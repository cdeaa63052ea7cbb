/*
 * export_graphml.c - the export graph as GraphML (graphml.graphdrawing.org),
 * as networkx, Gephi, igraph and Cytoscape read it: typed <key>
 * declarations, an undirected graph, one line per node and per edge, all
 * catalog text through fmt_xml.  Key ids are "k<n>", never "d3" or "d7",
 * which Gephi takes for yEd's labels.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "error.h"
#include "export_graph.h"

typedef struct {
    FILE *fp;
    const ex_graph *g;
    size_t *key[EX_KINDS]; /* key id number of node attribute a of kind k */
    size_t edge_base;      /* key id number of ex_edge_attrs[0] */
    char (*open)[40];      /* "<data key=\"kN\">" of every key id N, built once */
    ex_text b;
    char num[FMT_NUM_MAX];
} graphml;

/*
 * Node attribute names Gephi's GraphML importer reads as drawing
 * properties (position, size, colour; "d3" is yEd's label key), compared
 * as it does, without case: a catalog column so named is written with
 * '_' added, so that Gephi keeps it as data instead of failing to parse
 * "7B" as a node size.
 */
static int gephi_property(const char *name)
{
    static const char *const names[] = { "x", "y", "z", "xpos", "ypos", "size",
                                         "r", "g", "b", "d3" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i]) == 0)
            return 1;
    return 0;
}

static const char *graphml_type(ex_type t)
{
    switch (t) {
    case EX_INT: return "int";
    case EX_DOUBLE: return "double";
    case EX_BOOL: return "boolean";
    default: return "string";
    }
}

/*
 * Key ids "k0" (kind), "k1" (label), then one per node attribute of each
 * included kind (a name and type an earlier kind has share its key),
 * then the edge attributes.
 */
static int keys_write(graphml *x)
{
    const ex_graph *g = x->g;
    size_t next = 2;

    fputs("  <key id=\"k0\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
          "  <key id=\"k1\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
          x->fp);
    for (int k = 0; k < EX_KINDS; k++) {
        x->key[k] = calloc(g->n_attrs[k] ? g->n_attrs[k] : 1, sizeof *x->key[k]);
        if (!x->key[k])
            return BC_EX_SOFTWARE;
        if (!ex_kind_included(g, (ex_kind)k))
            continue;
        for (size_t a = 0; a < g->n_attrs[k]; a++) {
            const ex_attr *at = &g->attrs[k][a];
            size_t id = next;
            /* Attributes are columns, not rows: this scan does not grow with the catalog. */
            for (int k2 = 0; k2 < k && id == next; k2++)
                for (size_t a2 = 0; ex_kind_included(g, (ex_kind)k2) && a2 < g->n_attrs[k2];
                     a2++)
                    if (strcmp(g->attrs[k2][a2].name, at->name) == 0 &&
                        g->attrs[k2][a2].type == at->type) {
                        id = x->key[k2][a2];
                        break;
                    }
            x->key[k][a] = id;
            if (id != next)
                continue;
            next++;
            fprintf(x->fp, "  <key id=\"k%zu\" for=\"node\" attr.name=\"", id);
            fmt_xml(x->fp, at->name);
            fprintf(x->fp, "%s\" attr.type=\"%s\"/>\n",
                    at->reserved || gephi_property(at->name) ? "_" : "", graphml_type(at->type));
        }
    }
    x->edge_base = next;
    for (size_t a = 0; a < ex_n_edge_attrs; a++)
        fprintf(x->fp, "  <key id=\"k%zu\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                next + a, ex_edge_attrs[a].name, graphml_type(ex_edge_attrs[a].type));
    next += ex_n_edge_attrs;
    if (!(x->open = malloc(next * sizeof *x->open)))
        return BC_EX_SOFTWARE;
    for (size_t id = 0; id < next; id++)
        snprintf(x->open[id], sizeof x->open[id], "<data key=\"k%zu\">", id);
    return BC_OK;
}

static void data(const graphml *x, size_t key, const char *text)
{
    FILE *fp = x->fp;
    fputs(x->open[key], fp);
    fmt_xml(fp, text);
    fputs("</data>", fp);
}

static int value(graphml *x, size_t key, const ex_value *v, ex_type type)
{
    const char *text = ex_value_text(x->g, v, type, &x->b, x->num);
    if (!text)
        return BC_EX_SOFTWARE;
    data(x, key, text);
    return BC_OK;
}

static int node_open(void *ctx, ex_kind k, size_t i, const char *label)
{
    graphml *x = ctx;
    fputs("    <node id=\"", x->fp);
    ex_put_id(x->fp, ex_kind_prefix[k], i);
    fputs("\">", x->fp);
    data(x, 0, ex_kind_name[k]);
    data(x, 1, label);
    return BC_OK;
}

static int node_attr(void *ctx, ex_kind k, size_t a, const ex_value *v)
{
    graphml *x = ctx;
    return value(x, x->key[k][a], v, x->g->attrs[k][a].type);
}

static int node_close(void *ctx)
{
    fputs("</node>\n", ((graphml *)ctx)->fp);
    return BC_OK;
}

static int edge_open(void *ctx, size_t id, const ex_edge *e)
{
    graphml *x = ctx;
    fputs("    <edge id=\"", x->fp);
    ex_put_id(x->fp, 'e', id);
    fputs("\" source=\"", x->fp);
    ex_put_id(x->fp, ex_kind_prefix[e->from_kind], e->from);
    fputs("\" target=\"", x->fp);
    ex_put_id(x->fp, ex_kind_prefix[e->to_kind], e->to);
    fputs("\">", x->fp);
    return BC_OK;
}

static int edge_attr(void *ctx, size_t a, const ex_value *v)
{
    graphml *x = ctx;
    return value(x, x->edge_base + a, v, ex_edge_attrs[a].type);
}

static int edge_close(void *ctx)
{
    fputs("</edge>\n", ((graphml *)ctx)->fp);
    return BC_OK;
}

int export_graphml_write(FILE *fp, const ex_graph *g)
{
    static const ex_writer w = { node_open, node_attr, node_close, NULL,
                                 edge_open, edge_attr, edge_close };
    graphml x = { .fp = fp, .g = g };
    int rc;

    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
          fp);
    if ((rc = keys_write(&x)) == BC_OK) {
        fputs("  <graph id=\"benchcov\" edgedefault=\"undirected\">\n", fp);
        rc = ex_walk(g, &w, &x);
        fputs("  </graph>\n</graphml>\n", fp);
    }
    for (int k = 0; k < EX_KINDS; k++)
        free(x.key[k]);
    free(x.open);
    free(x.b.s);
    return rc;
}
