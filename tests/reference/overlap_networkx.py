#!/usr/bin/python3
"""Reference overlap and comparability figures for analyzer/overlap.c and
analyzer/comparability.c, computed with networkx.

Draws seeded random usage facts (model, dataset, task; -1 = empty) over
models m000.. (index order = name order), builds the bipartite graphs
model-dataset, model-task and model-(dataset, task) in networkx, takes
shared neighbours and nx.jaccard_coefficient for every model pair, and the
connected components of the comparability graph (models joined when they
share a named pair).  Writes tests/fixtures/overlap/random_SEED.txt:

    M D T
    NU            then NU lines "m d t"
    NP            then NP lines "a b sd jd od st jt ot sp jp op" (a < b)
    components C
    isolated I
    without W     share of pairs with no shared pair
    NM            then NM lines "m c" (component label, -1 isolated; labels
                  numbered by the first member in name order)

Run from the source directory: /usr/bin/python3 tests/reference/overlap_networkx.py
"""
import itertools
import random

import networkx as nx


def ratio(a, b):
    return a / b if b else 0.0


def one(seed, M, D, T, NU):
    rng = random.Random(seed)
    usage = []
    for _ in range(NU):
        m = rng.randrange(M)
        d = rng.randrange(D) if rng.random() > 0.15 else -1
        t = rng.randrange(T) if rng.random() > 0.1 else -1
        usage.append((m, d, t))
    graphs = {k: nx.Graph() for k in ("d", "t", "p")}
    for g in graphs.values():
        g.add_nodes_from(("m", i) for i in range(M))
    for m, d, t in usage:
        if d >= 0:
            graphs["d"].add_edge(("m", m), ("d", d))
        if t >= 0:
            graphs["t"].add_edge(("m", m), ("t", t))
        if d >= 0 and t >= 0:
            graphs["p"].add_edge(("m", m), ("p", d, t))
    rows = []
    comp = nx.Graph()
    comp.add_nodes_from(range(M))
    for a, b in itertools.combinations(range(M), 2):
        row = [a, b]
        for k in ("d", "t", "p"):
            g = graphs[k]
            na, nb = set(g[("m", a)]), set(g[("m", b)])
            shared = len(na & nb)
            jac = next(nx.jaccard_coefficient(g, [(("m", a), ("m", b))]))[2] if na | nb else 0.0
            assert abs(jac - ratio(shared, len(na | nb))) < 1e-15
            row += [shared, jac, ratio(shared, min(len(na), len(nb)))]
            if k == "p" and shared:
                comp.add_edge(a, b)
        rows.append(row)
    label = {m: -1 for m in range(M)}
    big = sorted((sorted(c) for c in nx.connected_components(comp) if len(c) >= 2),
                 key=lambda c: c[0])
    for i, c in enumerate(big):
        for m in c:
            label[m] = i
    isolated = sum(1 for m in range(M) if label[m] < 0)
    npairs = M * (M - 1) // 2
    without = ratio(sum(1 for r in rows if r[8] == 0), npairs)
    out = [f"{M} {D} {T}", str(len(usage))]
    out += [f"{m} {d} {t}" for m, d, t in usage]
    out.append(str(len(rows)))
    out += [" ".join(repr(v) if isinstance(v, float) else str(v) for v in r) for r in rows]
    out += [f"components {len(big)}", f"isolated {isolated}", f"without {without!r}", str(M)]
    out += [f"{m} {label[m]}" for m in range(M)]
    with open(f"tests/fixtures/overlap/random_{seed}.txt", "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    one(1, 12, 8, 5, 30)
    one(2, 25, 15, 6, 45)
    one(3, 40, 30, 10, 200)
