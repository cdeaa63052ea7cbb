#!/usr/bin/python3
"""networkx_peer.py - the networkx peer of the scale benchmark (bench/scale.sh).

    networkx_peer.py DIR SOURCES OUT_CSV

Computes on the catalog in DIR what `benchcov metrics` computes on its
model-dataset graph, with networkx (Debian's python3-networkx), timed by the
caller as a whole process:

- the graph: one vertex per model of models.csv and per dataset of
  datasets.csv (unused ones too, as benchcov keeps them), one edge per
  distinct (model, dataset) of usage.csv, any role;
- communities: networkx.community.louvain_communities (seed 1), counted
  without the vertices that have no edge (benchcov does not count them);
- their modularity: Barber's bipartite Q (the figure `modularity_barber`),
  sum over communities of E_c/E - (K_c/E)(D_c/E), and Newman's Q on the
  same graph (networkx.community.modularity) for reference;
- betweenness (unnormalised, each unordered pair once, as igraph counts
  it): exact when SOURCES >= the number of vertices, otherwise
  betweenness_centrality(k=SOURCES, seed=1), the same estimator V/(2k) *
  sum over k sampled sources that benchcov uses (a different sample).

Pass SOURCES = benchcov's `betweenness_sources` so both do the same amount
of work.  Prints one line of key=value figures and writes every dataset's
betweenness to OUT_CSV (dataset,betweenness), to compare with the report's
tables/bridging.csv when both are exact.  Louvain's partition depends on
the implementation and the visiting order, so its communities and Q are
not expected to equal benchcov's (igraph's multilevel).
"""
import csv
import sys

import networkx as nx


def names(path):
    with open(path, newline="") as f:
        rows = csv.reader(f)
        next(rows)
        return [r[0] for r in rows if r]


def main():
    d, sources, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    models = names(d + "/models.csv")
    datasets = names(d + "/datasets.csv")
    index = {name: i for i, name in enumerate(models)}
    M = len(models)
    index.update((name, M + j) for j, name in enumerate(datasets))
    G = nx.Graph()
    G.add_nodes_from(range(M + len(datasets)))
    with open(d + "/usage.csv", newline="") as f:
        rows = csv.reader(f)
        head = next(rows)
        mi, di = head.index("model"), head.index("dataset")
        G.add_edges_from((index[r[mi]], index[r[di]]) for r in rows if r and r[di])
    V, E = G.number_of_nodes(), G.number_of_edges()

    comms = [c for c in nx.community.louvain_communities(G, seed=1)
             if len(c) > 1 or G.degree(next(iter(c))) > 0]
    barber = 0.0
    for c in comms:
        e_c = k_c = d_c = 0
        for v in c:
            if v < M:
                k_c += G.degree(v)
                e_c += sum(1 for w in G[v] if w in c)
            else:
                d_c += G.degree(v)
        barber += e_c / E - (k_c / E) * (d_c / E)
    newman = nx.community.modularity(G, comms) if E else 0.0

    exact = sources >= V
    btw = nx.betweenness_centrality(G, k=None if exact else sources, normalized=False, seed=1)
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["dataset", "betweenness"])
        w.writerows((name, repr(btw[M + j])) for j, name in enumerate(datasets))
    print("vertices=%d edges=%d communities=%d modularity_barber=%.6g modularity_newman=%.6g "
          "betweenness_sources=%d exact=%d" % (V, E, len(comms), barber, newman,
                                              V if exact else sources, int(exact)))


if __name__ == "__main__":
    main()
