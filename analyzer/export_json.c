/*
 * export_json.c - the export graph as JSON in networkx's node-link layout
 * (json_graph.node_link_graph(data, link="edges")): {"directed": false,
 * "multigraph": true, "graph": {...}, "nodes": [...], "edges": [...]},
 * one node or edge per line, strings through fmt_json, numbers bare,
 * list columns as arrays.
 */
#include <stdlib.h>

#include "error.h"
#include "export_graph.h"

typedef struct {
    FILE *fp;
    const ex_graph *g;
    size_t count;  /* nodes written, for the separating commas */
    ex_text name;
} json;

static void value(const json *x, const ex_value *v, ex_type type)
{
    char num[FMT_NUM_MAX];
    switch (type) {
    case EX_STRING: fmt_json(x->fp, v->str); break;
    case EX_INT:
    case EX_DOUBLE: fputs(fmt_num_exact(num, v->num), x->fp); break;
    case EX_BOOL: fputs(v->num != 0 ? "true" : "false", x->fp); break;
    case EX_LIST:
        fputc('[', x->fp);
        for (size_t k = 0; k < v->n; k++) {
            if (k)
                fputc(',', x->fp);
            fmt_json(x->fp, ex_list_item(x->g, v, k));
        }
        fputc(']', x->fp);
        break;
    }
}

static int node_open(void *ctx, ex_kind k, size_t i, const char *label)
{
    json *x = ctx;
    fputs(x->count++ ? ",\n{\"id\": \"" : "\n{\"id\": \"", x->fp);
    ex_put_id(x->fp, ex_kind_prefix[k], i);
    fputs("\", \"kind\": \"", x->fp);
    fputs(ex_kind_name[k], x->fp);
    fputs("\", \"label\": ", x->fp);
    fmt_json(x->fp, label);
    return BC_OK;
}

static int node_attr(void *ctx, ex_kind k, size_t a, const ex_value *v)
{
    json *x = ctx;
    const ex_attr *at = &x->g->attrs[k][a];
    x->name.len = 0;
    if (ex_text_put(&x->name, at->name) != 0 || (at->reserved && ex_text_put(&x->name, "_") != 0))
        return BC_EX_SOFTWARE;
    fputs(", ", x->fp);
    fmt_json(x->fp, x->name.s);
    fputs(": ", x->fp);
    value(x, v, at->type);
    return BC_OK;
}

static int close_object(void *ctx)
{
    fputc('}', ((json *)ctx)->fp);
    return BC_OK;
}

static int edges_begin(void *ctx)
{
    fputs("\n],\n\"edges\": [", ((json *)ctx)->fp);
    return BC_OK;
}

static int edge_open(void *ctx, size_t id, const ex_edge *e)
{
    json *x = ctx;
    fputs(id ? ",\n{\"id\": \"" : "\n{\"id\": \"", x->fp);
    ex_put_id(x->fp, 'e', id);
    fputs("\", \"source\": \"", x->fp);
    ex_put_id(x->fp, ex_kind_prefix[e->from_kind], e->from);
    fputs("\", \"target\": \"", x->fp);
    ex_put_id(x->fp, ex_kind_prefix[e->to_kind], e->to);
    fputc('"', x->fp);
    return BC_OK;
}

static int edge_attr(void *ctx, size_t a, const ex_value *v)
{
    json *x = ctx;
    fputs(", \"", x->fp);
    fputs(ex_edge_attrs[a].name, x->fp);
    fputs("\": ", x->fp);
    value(x, v, ex_edge_attrs[a].type);
    return BC_OK;
}

int export_json_write(FILE *fp, const ex_graph *g)
{
    static const ex_writer w = { node_open, node_attr, close_object, edges_begin,
                                 edge_open, edge_attr, close_object };
    json x = { .fp = fp, .g = g };

    fprintf(fp,
            "{\"directed\": false, \"multigraph\": true, "
            "\"graph\": {\"generator\": \"benchcov\", \"graph\": \"%s\"},\n\"nodes\": [",
            ex_graphs_name(g->graphs));
    int rc = ex_walk(g, &w, &x);
    fputs("\n]}\n", fp);
    free(x.name.s);
    return rc;
}
