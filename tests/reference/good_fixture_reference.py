#!/usr/bin/python3
"""Independent figures of the good fixture (tests/fixtures/good).

Reads the catalog with Python's csv module (names resolved through aliases
as benchcov folds them) and computes, from the definitions alone:

- NODF of models x tasks (Almeida-Neto et al. 2008, as vegan's nestednodf:
  empty rows and columns dropped, pairs of equal degree score 0);
- the rows of the report's tables concentration.csv (Gini by the double
  sum, HHI, effective datasets, top dataset with ties in name order),
  bridging.csv (networkx betweenness, unnormalised, on the model-dataset
  graph, and each dataset's model count) and robustness.csv (the
  most-used-first curve exactly, and the random-order curve as its exact
  expectation over all orders with the standard deviation of one run);
- for the communities: the rows of communities.csv (numbered by size, ties
  by smallest vertex) and Barber's modularity of the partition that seeded
  Louvain gives (the partition is a heuristic's outcome, so the script
  states how often networkx's Louvain reaches it over 200 seeds and what
  the exhaustive optimum of Newman's modularity is, for the record).

Writes tests/fixtures/good_reference.txt, read by
tests/test_good_tables.sh.  Run from the source directory:

    /usr/bin/python3 tests/reference/good_fixture_reference.py
"""
import csv
import itertools
import math
import os
import re
from collections import Counter, defaultdict

import networkx as nx

DATA = "tests/fixtures/good"
OUT = "tests/fixtures/good_reference.txt"


def fold(name):
    return re.sub(r"[ \t\r\n\f\v]+", " ", name.strip()).lower()


def num(v):
    """benchcov's number format: integers whole, else 6 significant digits."""
    if v == int(v) and abs(v) < 2 ** 53:
        return str(int(v))
    return "%.6g" % v


def read(name):
    with open(os.path.join(DATA, name), newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def names(rows, key):
    table = {}
    for r in rows:
        table[fold(r[key])] = r[key].strip()
        for a in r.get("aliases", "").split(";"):
            if a.strip():
                table[fold(a)] = r[key].strip()
    return table


def nodf(rows):
    """rows: list of sets (the matrix's rows); NODF over rows and columns."""
    rows = [r for r in rows if r]
    cols = defaultdict(set)
    for i, r in enumerate(rows):
        for c in r:
            cols[c].add(i)
    cols = list(cols.values())

    def part(sets):
        total = 0.0
        for a, b in itertools.combinations(sets, 2):
            hi, lo = (a, b) if len(a) >= len(b) else (b, a)
            if len(hi) > len(lo):
                total += 100.0 * len(hi & lo) / len(lo)
        return total, len(sets) * (len(sets) - 1) / 2

    r, nr = part(rows)
    c, nc = part(cols)
    return (r + c) / (nr + nc)


def main():
    models = read("models.csv")
    datasets = read("datasets.csv")
    tasks = read("tasks.csv")
    usage = read("usage.csv")
    model_of = names(models, "model")
    dataset_of = names(datasets, "dataset")
    mnames = [m["model"].strip() for m in models]
    dnames = [d["dataset"].strip() for d in datasets]
    tcodes = [t["code"].strip() for t in tasks]

    model_tasks = defaultdict(set)
    model_datasets = defaultdict(set)
    task_dataset_models = defaultdict(lambda: defaultdict(set))
    for u in usage:
        m = model_of[fold(u["model"])]
        d = dataset_of[fold(u["dataset"])] if u["dataset"].strip() else None
        t = u["task"].strip() or None
        if t:
            model_tasks[m].add(t)
        if d:
            model_datasets[m].add(d)
        if d and t:
            task_dataset_models[t][d].add(m)

    out = ["# Written by tests/reference/good_fixture_reference.py from tests/fixtures/good."]
    out.append("metric nodf_model_task %s" % num(nodf([model_tasks[m] for m in mnames])))

    # concentration.csv: task,datasets,uses,gini,hhi,effective_datasets,top_dataset,top_share
    for t in sorted(tcodes):
        per = task_dataset_models[t]
        xs = [len(per[d]) for d in sorted(per)]
        uses = sum(xs)
        if uses:
            mean = uses / len(xs)
            gini = sum(abs(a - b) for a in xs for b in xs) / (2 * len(xs) ** 2 * mean)
            hhi = sum((x / uses) ** 2 for x in xs)
            top = min(per, key=lambda d: (-len(per[d]), d.encode()))
            row = [t, num(len(xs)), num(uses), num(gini), num(hhi), num(1 / hhi), top,
                   num(len(per[top]) / uses)]
        else:
            row = [t, "0", "0", "0", "0", "0", "", "0"]
        out.append("row concentration.csv " + ",".join(row))

    # The model-dataset graph, every model and dataset a vertex.
    G = nx.Graph()
    G.add_nodes_from(("m", m) for m in mnames)
    G.add_nodes_from(("d", d) for d in dnames)
    for m in mnames:
        for d in model_datasets[m]:
            G.add_edge(("m", m), ("d", d))
    btw = nx.betweenness_centrality(G, normalized=False)
    for d in sorted(dnames, key=lambda s: s.encode()):
        out.append("row bridging.csv %s,%s,%s" % (d, num(btw[("d", d)]), num(G.degree(("d", d)))))

    # robustness.csv: withdrawn,share_withdrawn,most_used,random
    def alive(removed):
        return sum(1 for m in mnames if model_datasets[m] - removed) / len(mnames)

    order = sorted(dnames, key=lambda d: (-G.degree(("d", d)), d.encode()))
    n = len(dnames)
    curves = [[alive(set(p[:k])) for k in range(n + 1)] for p in itertools.permutations(dnames)]
    for k in range(n + 1):
        ys = [c[k] for c in curves]
        mean = sum(ys) / len(ys)
        sd = math.sqrt(sum((y - mean) ** 2 for y in ys) / len(ys))
        out.append("robustness %d %s %s %.9f %.9f" % (k, num(k / n), num(alive(set(order[:k]))),
                                                       mean, sd))

    # Communities: Barber's Q of the seeded Louvain partition.
    louvain = [{("m", "LauraGPT"), ("m", "Qwen-Audio"), ("d", "IEMOCAP"), ("d", "LibriSpeech")},
               {("m", "LTU"), ("m", "Pengi"), ("d", "AudioCaps"), ("d", "Clotho")},
               {("m", "SALMONN"), ("d", "CoVoST 2")}]
    E = G.number_of_edges()
    q = 0.0
    for c in louvain:
        inner = sum(1 for a, b in G.edges() if a in c and b in c)
        K = sum(G.degree(v) for v in c if v[0] == "m")
        D = sum(G.degree(v) for v in c if v[0] == "d")
        q += inner - K * D / E
    out.append("metric modularity_barber %s" % num(q / E))
    # communities.csv: numbered by decreasing size, ties by the smallest
    # vertex (models in file order, then datasets in file order).
    vertex = {("m", m): i for i, m in enumerate(mnames)}
    vertex.update({("d", d): len(mnames) + i for i, d in enumerate(dnames)})
    numbered = sorted(louvain, key=lambda c: (-len(c), min(vertex[v] for v in c)))
    for k, c in enumerate(numbered, 1):
        for kind, label in (("m", "model"), ("d", "dataset")):
            for name in sorted((v[1] for v in c if v[0] == kind), key=lambda s: s.encode()):
                out.append("row communities.csv %d,%s,%s" % (k, label, name))
    out.append("metric communities %d" % len(louvain))
    H = G.subgraph(v for v in G if G.degree(v) > 0)
    seen = Counter()
    for seed in range(200):
        part = nx.community.louvain_communities(H, seed=seed)
        seen[frozenset(frozenset(c) for c in part) ==
             frozenset(frozenset(c) for c in louvain)] += 1
    out.append("# networkx Louvain reaches this partition for %d of 200 seeds" % seen[True])
    best = max(nx.community.modularity(H, p) for p in _partitions(list(H)))
    out.append("# Newman modularity: this partition %.6f, exhaustive optimum %.6f"
               % (nx.community.modularity(H, louvain), best))
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")


def _partitions(items):
    """Every set partition of items (restricted growth strings)."""
    n = len(items)
    a = [0] * n

    def rec(i, top):
        if i == n:
            groups = defaultdict(set)
            for v, g in zip(items, a):
                groups[g].add(v)
            yield list(groups.values())
            return
        for g in range(top + 2):
            a[i] = g
            yield from rec(i + 1, max(top, g))

    yield from rec(1, 0)


if __name__ == "__main__":
    main()
