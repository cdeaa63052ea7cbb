/*
 * export_dot.c - the export graph as Graphviz DOT: an undirected graph,
 * every id, name and value a quoted string through fmt_dot.  A catalog
 * column named like a Graphviz attribute is written with '_' added, so
 * that nothing in the catalog styles the drawing or makes Graphviz read
 * a file.
 */
#include <string.h>
#include <stdlib.h>

#include "error.h"
#include "export_graph.h"

/*
 * Graphviz's attribute names (graphviz.org/doc/info/attrs.html): a column
 * so named would draw, lay out or read a file (`image`, `shapefile`).  So
 * would `name`, which Graphviz's JSON output uses for a node's id.
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
        "margin", "maxiter", "mclimit", "mindist", "minlen", "mode", "model", "name",
        "newrank", "nodesep", "nojustify", "normalize", "notranslate", "nslimit",
        "nslimit1", "oneblock", "ordering", "orientation", "outputorder", "overlap",
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

typedef struct {
    FILE *fp;
    const ex_graph *g;
    int first;  /* no attribute written yet in this edge's list */
    ex_text b, name;
    char num[FMT_NUM_MAX];
} dot;

static int node_open(void *ctx, ex_kind k, size_t i, const char *label)
{
    dot *x = ctx;
    fputs("  \"", x->fp);
    ex_put_id(x->fp, ex_kind_prefix[k], i);
    fprintf(x->fp, "\" [kind=\"%s\", label=", ex_kind_name[k]);
    fmt_dot(x->fp, label);
    return BC_OK;
}

static int node_attr(void *ctx, ex_kind k, size_t a, const ex_value *v)
{
    dot *x = ctx;
    const ex_attr *at = &x->g->attrs[k][a];
    const char *text = ex_value_text(x->g, v, at->type, &x->b, x->num);
    x->name.len = 0;
    if (!text || ex_text_put(&x->name, at->name) != 0 ||
        ((at->reserved || graphviz_attribute(at->name)) && ex_text_put(&x->name, "_") != 0))
        return BC_EX_SOFTWARE;
    fputs(", ", x->fp);
    fmt_dot(x->fp, x->name.s);
    fputc('=', x->fp);
    fmt_dot(x->fp, text);
    return BC_OK;
}

static int close_list(void *ctx)
{
    fputs("];\n", ((dot *)ctx)->fp);
    return BC_OK;
}

static int edge_open(void *ctx, size_t id, const ex_edge *e)
{
    dot *x = ctx;
    fputs("  \"", x->fp);
    ex_put_id(x->fp, ex_kind_prefix[e->from_kind], e->from);
    fputs("\" -- \"", x->fp);
    ex_put_id(x->fp, ex_kind_prefix[e->to_kind], e->to);
    fputs("\" [", x->fp);
    x->first = 1;
    return BC_OK;
}

static int edge_attr(void *ctx, size_t a, const ex_value *v)
{
    dot *x = ctx;
    const char *text = ex_value_text(x->g, v, ex_edge_attrs[a].type, &x->b, x->num);
    if (!text)
        return BC_EX_SOFTWARE;
    if (!x->first)
        fputs(", ", x->fp);
    fputs(ex_edge_attrs[a].name, x->fp);
    fputc('=', x->fp);
    fmt_dot(x->fp, text);
    x->first = 0;
    return BC_OK;
}

int export_dot_write(FILE *fp, const ex_graph *g)
{
    static const ex_writer w = { node_open, node_attr, close_list, NULL,
                                 edge_open, edge_attr, close_list };
    dot x = { .fp = fp, .g = g };

    fputs("graph \"benchcov\" {\n", fp);
    int rc = ex_walk(g, &w, &x);
    fputs("}\n", fp);
    free(x.b.s);
    free(x.name.s);
    return rc;
}
