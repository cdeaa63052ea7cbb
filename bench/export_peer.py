# export_peer.py - the Python peers of the export benchmark (bench/export.sh):
# the same jobs as `benchcov export` done with Python's standard csv module
# and networkx, timed with time.perf_counter (reading included, interpreter
# start excluded).
#
#     /usr/bin/python3 bench/export_peer.py edges DIR OUT
#     /usr/bin/python3 bench/export_peer.py graphml DIR OUT
#
# Both read the catalog's four files and resolve every usage cell through
# a dict of names and aliases folded as benchcov folds them.  `edges`
# writes the edge list (model,dataset,task,role,score,metric,split,source)
# with csv.writer; `graphml` builds a networkx MultiGraph with the nodes,
# kinds, labels and the model-dataset, model-task and dataset-task edges
# of every fact, and writes it with nx.write_graphml.  Prints one line:
#     FORMAT  rows  seconds
# They check less than benchcov does (no validation of fields, numbers,
# duplicates), so the ratios are conservative.
import csv
import re
import sys
import time

WS = re.compile(r"[ \t\r\n\v\f]+")


def key(s):
    return WS.sub(" ", s).strip(" ").lower()


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def load(d):
    names = {}
    for kind, col in (("models", "model"), ("datasets", "dataset")):
        table = {}
        for r in read("%s/%s.csv" % (d, kind)):
            table[key(r[col])] = r[col].strip()
            for a in r.get("aliases", "").split(";"):
                if a.strip():
                    table[key(a)] = r[col].strip()
        names[kind] = table
    tasks = [r["code"] for r in read(d + "/tasks.csv")]
    facts = []
    for r in read(d + "/usage.csv"):
        m = names["models"][key(r["model"])]
        ds = names["datasets"][key(r["dataset"])] if r["dataset"].strip() else ""
        facts.append((m, ds, r.get("task", "").strip(), r.get("role", "") or "eval",
                      r.get("source", "")))
    return names, tasks, facts


def edges(d, out):
    _, _, facts = load(d)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["model", "dataset", "task", "role", "score", "metric", "split", "source"])
        for m, ds, t, role, src in facts:
            w.writerow([m, ds, t, role, "", "", "", src])
    return len(facts)


def graphml(d, out):
    import networkx as nx
    names, tasks, facts = load(d)
    g = nx.MultiGraph()
    for kind, prefix in (("models", "m:"), ("datasets", "d:")):
        for name in set(names[kind].values()):
            g.add_node(prefix + name, kind=kind[:-1], label=name)
    for t in tasks:
        g.add_node("t:" + t, kind="task", label=t)
    for m, ds, t, role, src in facts:
        if ds:
            g.add_edge("m:" + m, "d:" + ds, relation="model-dataset", role=role, task=t)
        if t:
            g.add_edge("m:" + m, "t:" + t, relation="model-task", role=role, dataset=ds)
        if ds and t:
            g.add_edge("d:" + ds, "t:" + t, relation="dataset-task", role=role, model=m)
    nx.write_graphml(g, out)
    return len(facts)


def main():
    fmt, d, out = sys.argv[1:4]
    t0 = time.perf_counter()
    n = edges(d, out) if fmt == "edges" else graphml(d, out)
    print("%s\t%d\t%.3f" % (fmt, n, time.perf_counter() - t0))


main()
