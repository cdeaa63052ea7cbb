/*
 * communities.c - exact or sampled communities of the model-dataset graph,
 * numbered for the report (see communities.h for the method).
 */
#include "communities.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "graph.h"
#include "rng.h"

void communities_init(bc_communities *c)
{
    memset(c, 0, sizeof *c);
}

void communities_release(bc_communities *c)
{
    if (!c)
        return;
    free(c->model);
    free(c->dataset);
    communities_init(c);
}

/* Multilevel on the graph of `m`; memb gets one slot per row, then column. */
static int multilevel(const bc_incidence *m, uint64_t seed, int *memb)
{
    bc_graph *g;
    if (graph_from_incidence(m, &g) != BC_OK)
        return BC_EX_SOFTWARE;
    int rc = graph_communities(g, seed, memb);
    graph_free(g);
    return rc;
}

/*
 * The rows of a seeded uniform sample of models, their edges reaching
 * `edges`, in index order, into `sub` (all columns kept).  *rows_out
 * gets the sampled row indices (caller frees), *n_out their number.
 */
static int sample_rows(const bc_incidence *md, size_t edges, uint64_t seed, bc_incidence *sub,
                       int **rows_out, size_t *n_out)
{
    size_t M = md->nrows;
    int *pick = malloc((M ? M : 1) * sizeof *pick);
    char *in = calloc(M ? M : 1, 1);
    if (!pick || !in)
        goto oom;
    for (size_t r = 0; r < M; r++)
        pick[r] = (int)r;
    bc_rng rng;
    rng_init(&rng, seed);
    size_t k = 0, got = 0;
    while (k < M && got < edges) { /* a partial Fisher-Yates shuffle */
        size_t j = k + (size_t)rng_below(&rng, M - k);
        int t = pick[k];
        pick[k] = pick[j];
        pick[j] = t;
        in[pick[k]] = 1;
        got += INC_DEG(md, (size_t)pick[k]);
        k++;
    }
    size_t n = 0;
    for (size_t r = 0; r < M; r++)
        if (in[r])
            pick[n++] = (int)r;
    sub->nrows = n;
    sub->ncols = md->ncols;
    sub->rowptr = malloc((n + 1) * sizeof *sub->rowptr);
    sub->col = malloc((got ? got : 1) * sizeof *sub->col);
    if (!sub->rowptr || !sub->col)
        goto oom;
    sub->rowptr[0] = 0;
    for (size_t i = 0; i < n; i++) {
        size_t r = (size_t)pick[i], d = INC_DEG(md, r);
        memcpy(sub->col + sub->rowptr[i], md->col + md->rowptr[r], d * sizeof *sub->col);
        sub->rowptr[i + 1] = sub->rowptr[i] + d;
    }
    free(in);
    *rows_out = pick;
    *n_out = n;
    return BC_OK;
oom:
    free(pick);
    free(in);
    incidence_release(sub);
    return BC_EX_SOFTWARE;
}

/*
 * Scratch for joining vertices: edges per neighbouring community, the
 * communities touched, and each community's degree sum on either side.
 */
typedef struct {
    size_t *count;   /* per community: edges from the vertex being placed */
    int *touched;    /* communities with count > 0 */
    double *sum[2];  /* per community: degree sum of its models [0], datasets [1] */
} join_ws;

/*
 * Places row r of `adj` (side 0: a model in md, 1: a dataset in its
 * transpose) into the neighbouring community of largest gain; returns 1
 * when it joined one, 0 when no neighbour has a community yet.
 */
static int join(const bc_incidence *adj, size_t r, int side, int *own, const int *other,
                join_ws *ws, double E)
{
    size_t nt = 0;
    for (size_t p = adj->rowptr[r]; p < adj->rowptr[r + 1]; p++) {
        int c = other[adj->col[p]];
        if (c < 0)
            continue;
        if (ws->count[c]++ == 0)
            ws->touched[nt++] = c;
    }
    if (nt == 0)
        return 0;
    double k = (double)INC_DEG(adj, r);
    int best = -1;
    double best_gain = 0;
    for (size_t i = 0; i < nt; i++) {
        int c = ws->touched[i];
        double gain = (double)ws->count[c] - k * ws->sum[1 - side][c] / E;
        if (best < 0 || gain > best_gain || (gain == best_gain && c < best)) {
            best = c;
            best_gain = gain;
        }
        ws->count[c] = 0;
    }
    own[r] = best;
    ws->sum[side][best] += k;
    return 1;
}

/* Joins every unplaced vertex it can; returns how many joined. */
static size_t join_pass(const bc_incidence *md, const bc_incidence *dm, int *cm, int *cd,
                        join_ws *ws, double E)
{
    size_t joined = 0;
    for (size_t r = 0; r < md->nrows; r++)
        if (cm[r] < 0 && INC_DEG(md, r) > 0)
            joined += (size_t)join(md, r, 0, cm, cd, ws, E);
    for (size_t d = 0; d < dm->nrows; d++)
        if (cd[d] < 0 && INC_DEG(dm, d) > 0)
            joined += (size_t)join(dm, d, 1, cd, cm, ws, E);
    return joined;
}

/*
 * Every component no sampled vertex reached becomes one new community,
 * numbered from *next, by a breadth-first walk over unplaced vertices.
 */
static int new_components(const bc_incidence *md, const bc_incidence *dm, int *cm, int *cd,
                          int *next)
{
    size_t M = md->nrows, V = M + md->ncols;
    int *queue = malloc((V ? V : 1) * sizeof *queue);
    if (!queue)
        return BC_EX_SOFTWARE;
    for (size_t s = 0; s < V; s++) {
        int *slot = s < M ? &cm[s] : &cd[s - M];
        size_t deg = s < M ? INC_DEG(md, s) : INC_DEG(dm, s - M);
        if (*slot >= 0 || deg == 0)
            continue;
        int c = (*next)++;
        *slot = c;
        size_t head = 0, tail = 0;
        queue[tail++] = (int)s;
        while (head < tail) {
            size_t v = (size_t)queue[head++];
            const bc_incidence *adj = v < M ? md : dm;
            size_t row = v < M ? v : v - M, off = v < M ? M : 0;
            for (size_t p = adj->rowptr[row]; p < adj->rowptr[row + 1]; p++) {
                size_t w = (size_t)adj->col[p] + off;
                int *ws = w < M ? &cm[w] : &cd[w - M];
                if (*ws < 0) {
                    *ws = c;
                    queue[tail++] = (int)w;
                }
            }
        }
    }
    free(queue);
    return BC_OK;
}

/*
 * Extends the sample's partition to the whole graph: cm (models) and cd
 * (datasets) hold the sampled vertices' communities (below `ncomm`) and
 * -1 elsewhere on entry, every vertex with an edge a community on return.
 */
static int extend(const bc_incidence *md, int *cm, int *cd, int ncomm)
{
    bc_incidence dm;
    incidence_init(&dm);
    size_t slots = (size_t)ncomm + 1;
    join_ws ws = { calloc(slots, sizeof(size_t)), malloc(slots * sizeof(int)),
                   { calloc(slots, sizeof(double)), calloc(slots, sizeof(double)) } };
    int rc = BC_EX_SOFTWARE;
    if (!ws.count || !ws.touched || !ws.sum[0] || !ws.sum[1] ||
        incidence_transpose(md, &dm) != BC_OK)
        goto done;
    for (size_t r = 0; r < md->nrows; r++)
        if (cm[r] >= 0)
            ws.sum[0][cm[r]] += (double)INC_DEG(md, r);
    for (size_t d = 0; d < dm.nrows; d++)
        if (cd[d] >= 0)
            ws.sum[1][cd[d]] += (double)INC_DEG(&dm, d);
    double E = (double)incidence_ones(md);
    while (join_pass(md, &dm, cm, cd, &ws, E) > 0)
        ;
    rc = new_components(md, &dm, cm, cd, &ncomm);
done:
    incidence_release(&dm);
    free(ws.count);
    free(ws.touched);
    free(ws.sum[0]);
    free(ws.sum[1]);
    return rc;
}

typedef struct {
    int raw;      /* number before ordering */
    size_t size;  /* vertices in it */
    size_t first; /* its smallest vertex, models before datasets */
} comm_info;

static int cmp_comm(const void *a, const void *b)
{
    const comm_info *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

/*
 * Renumbers memb[0..n) (-1 untouched) 0.. by decreasing size, ties by
 * smallest vertex; *n_comm gets the number of communities.
 */
static int order_by_size(int *memb, size_t n, size_t *n_comm)
{
    size_t slots = 1;
    for (size_t v = 0; v < n; v++)
        if (memb[v] >= 0 && (size_t)memb[v] >= slots)
            slots = (size_t)memb[v] + 1;
    comm_info *info = calloc(slots, sizeof *info);
    int *map = malloc(slots * sizeof *map);
    if (!info || !map) {
        free(info);
        free(map);
        return BC_EX_SOFTWARE;
    }
    for (size_t i = 0; i < slots; i++) {
        info[i].raw = (int)i;
        info[i].first = n;
    }
    for (size_t v = 0; v < n; v++) {
        if (memb[v] < 0)
            continue;
        comm_info *c = &info[memb[v]];
        c->size++;
        if (v < c->first)
            c->first = v;
    }
    qsort(info, slots, sizeof *info, cmp_comm);
    *n_comm = 0;
    for (size_t i = 0; i < slots && info[i].size > 0; i++)
        map[info[i].raw] = (int)(*n_comm)++;
    for (size_t v = 0; v < n; v++)
        if (memb[v] >= 0)
            memb[v] = map[memb[v]];
    free(info);
    free(map);
    return BC_OK;
}

int communities_compute(bc_communities *out, const bc_incidence *md, uint64_t seed,
                        bc_communities_limits lim)
{
    communities_init(out);
    size_t M = md->nrows, D = md->ncols, V = M + D;
    int *memb = malloc((V ? V : 1) * sizeof *memb);
    int *rows = NULL;
    bc_incidence sub;
    incidence_init(&sub);
    if (!memb)
        goto oom;
    if (incidence_ones(md) <= lim.exact_edges) {
        if (multilevel(md, seed, memb) != BC_OK)
            goto oom;
        out->models_sampled = M;
    } else {
        size_t n;
        if (sample_rows(md, lim.sample_edges, seed, &sub, &rows, &n) != BC_OK)
            goto oom;
        /* The sample's vertices are its n rows, then all D columns. */
        int *sm = malloc((n + D + 1) * sizeof *sm);
        if (!sm || multilevel(&sub, seed, sm) != BC_OK) {
            free(sm);
            goto oom;
        }
        int ncomm = 0;
        for (size_t v = 0; v < n + D; v++)
            if (sm[v] >= ncomm)
                ncomm = sm[v] + 1;
        for (size_t v = 0; v < V; v++)
            memb[v] = -1;
        for (size_t i = 0; i < n; i++)
            memb[rows[i]] = sm[i];
        memcpy(memb + M, sm + n, D * sizeof *memb);
        free(sm);
        if (extend(md, memb, memb + M, ncomm) != BC_OK)
            goto oom;
        out->models_sampled = n;
    }
    if (order_by_size(memb, V, &out->n) != BC_OK)
        goto oom;
    out->model = malloc((M ? M : 1) * sizeof *out->model);
    out->dataset = malloc((D ? D : 1) * sizeof *out->dataset);
    if (!out->model || !out->dataset)
        goto oom;
    memcpy(out->model, memb, M * sizeof *memb);
    memcpy(out->dataset, memb + M, D * sizeof *memb);
    free(memb);
    free(rows);
    incidence_release(&sub);
    return BC_OK;
oom:
    free(memb);
    free(rows);
    incidence_release(&sub);
    communities_release(out);
    return BC_EX_SOFTWARE;
}
