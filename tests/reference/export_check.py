#!/usr/bin/python3
"""export_check.py - checks `benchcov export` against the catalog files,
read here independently with Python's csv module (names resolved through
aliases by a fold written here, not benchcov's), and against independent
readers of each format:

  export_check.py graph BENCHCOV CATALOG_DIR
      GraphML read by networkx (and xmllint when present), JSON read by
      json (duplicate keys refused) and networkx's node_link_graph: node
      and edge counts per --graph, every node's kind, label and catalog
      columns, every edge's ends, relation, role, third party, provenance
      and the declared dataset tasks; GraphML and JSON give the same graph.
  export_check.py dot BENCHCOV CATALOG_DIR
      DOT read by Graphviz itself (`dot -Tjson`): the same nodes, labels
      and edges as the catalog says.
  export_check.py sql BENCHCOV CATALOG_DIR README
      the edge list read by csv and pandas; the README's SQL (between the
      `<!-- sql:NAME -->` markers) run by sqlite3 on it gives the same
      models and datasets per task and models and tasks used per dataset
      as pandas does from the same file, and the same models and datasets
      per task and models per dataset as `benchcov coverage` does from
      the catalog.
  export_check.py roundtrip BENCHCOV CATALOG_DIR [--exact]
      the edge list used as a one-file catalog (--data FILE.csv) gives the
      same `metrics` as the catalog's facts: the catalog without the
      entries no fact names and without datasets.csv's declared tasks,
      entries in order of first use.  With --exact the catalog must need
      none of that: the same metrics as the catalog itself.

Exits 0 when everything matches, 1 with the differences on stderr, 77
when a reader it needs is not installed.
"""
import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

SKIP = 77
FAILS = []


def fail(msg):
    FAILS.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def fold(name):
    """The loader's name key: ASCII letters lowered, white space runs folded, ends trimmed."""
    s = re.sub(r"[ \t\r\n\v\f]+", " ", name).strip(" ")
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in s)


def trim(s):
    return s.strip(" \t")


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def split_list(s):
    return [trim(x) for x in s.split(";") if trim(x)]


# The known columns of each file (DESIGN.md section 2); every other column
# is a facet, free text whose values compare case-insensitively (the first
# spelling seen is the value's).
NAME_COL = {"model": "model", "dataset": "dataset", "task": "code"}
KNOWN = {
    "model": ["paper", "year", "llm_params_b"],
    "dataset": ["tasks", "languages", "hours"],
    "task": ["name"],
}
LISTS = {"tasks", "languages"}
INTS = {"year"}
FLOATS = {"llm_params_b", "hours"}


def number(s):
    return float(s) if s else None


class Catalog:
    """The catalog as its files say, names resolved through aliases."""

    def __init__(self, d):
        if os.path.isdir(d):
            files = {k: read_csv(os.path.join(d, k + ".csv"))
                     for k in ("tasks", "models", "datasets", "usage")}
        else:
            files = {"tasks": [], "models": [], "datasets": [], "usage": read_csv(d)}
        self.rows = {"model": files["models"], "dataset": files["datasets"],
                     "task": files["tasks"]}
        self.usage = files["usage"]
        self.list_tasks = bool(self.rows["dataset"]) and "tasks" in self.rows["dataset"][0]
        if os.path.isdir(d) and os.path.exists(os.path.join(d, "datasets.csv")):
            with open(os.path.join(d, "datasets.csv"), encoding="utf-8-sig", newline="") as f:
                header = next(csv.reader(f), [])
            self.list_tasks = "tasks" in [trim(h) for h in header]
        self.key = {"model": {}, "dataset": {}, "task": {}}
        self.names = {"model": [], "dataset": [], "task": []}
        for kind in self.names:
            for r in self.rows[kind]:
                self.add(kind, trim(r[NAME_COL[kind]]), split_list(r.get("aliases", "")))
        self.tasks_of = {}  # dataset -> declared task codes
        for r in self.rows["dataset"]:
            self.tasks_of[trim(r["dataset"])] = split_list(r.get("tasks", ""))
        # Entities usage alone names are created in first-seen order.
        self.facts_ = []
        for r in self.usage:
            m = self.resolve("model", r["model"])
            ds = self.resolve("dataset", r["dataset"]) if trim(r["dataset"]) else ""
            role = trim(r.get("role", "")) or "eval"
            t = trim(r["task"]) if "task" in r else None
            tasks = [t] if t is not None else self.tasks_of.get(ds, [])
            for t in tasks:
                if t:
                    self.resolve("task", t)
                self.facts_.append((m, ds, t, role, number(trim(r.get("score", "") or "")),
                                    trim(r.get("metric", "") or ""),
                                    trim(r.get("split", "") or ""),
                                    trim(r.get("source", "") or "")))
        if not self.list_tasks:  # a dataset's tasks are then those its facts name
            self.tasks_of = {}
            for f in self.facts_:
                if f[1] and f[2]:
                    self.tasks_of.setdefault(f[1], []).append(f[2])
        self.task_index = {c: i for i, c in enumerate(self.names["task"])}

    def add(self, kind, name, aliases=()):
        self.names[kind].append(name)
        for a in [name] + list(aliases):
            self.key[kind][fold(a) if kind != "task" else a] = name

    def resolve(self, kind, name):
        k = fold(name) if kind != "task" else trim(name)
        if k not in self.key[kind]:
            self.add(kind, trim(name))
        return self.key[kind][k]

    def facets(self, kind):
        """Each facet column's values: folded spelling -> the first spelling seen."""
        out = {}
        for r in self.rows[kind]:
            for col, val in r.items():
                col = trim(col)
                if col in KNOWN[kind] or col in (NAME_COL[kind], "aliases"):
                    continue
                val = trim(val or "")
                if val:
                    out.setdefault(col, {}).setdefault(fold(val), val)
        return out

    def nodes(self):
        """(id, kind, label, {column: value}) of every node, in export order."""
        out = []
        for kind in ("model", "dataset", "task"):
            facets = self.facets(kind)
            rows = {trim(r[NAME_COL[kind]]): r for r in self.rows[kind]}
            for i, name in enumerate(self.names[kind]):
                r = rows.get(name, {})
                attrs = {}
                for col, val in r.items():
                    col, val = trim(col), trim(val or "")
                    if col in (NAME_COL[kind], "aliases") or val == "":
                        continue
                    if col == "tasks" or col in LISTS:
                        items = split_list(val)
                        if col == "tasks":
                            items = sorted(set(items), key=lambda c: self.task_index[c])
                        val = ";".join(items)
                    elif col in INTS:
                        val = int(val)
                    elif col in FLOATS:
                        val = float(val)
                    elif col not in KNOWN[kind]:
                        val = facets[col][fold(val)]
                    if val != "":
                        attrs[col] = val
                if kind == "task" and "name" not in attrs:
                    attrs["name"] = name
                if kind == "dataset" and not self.list_tasks:
                    attrs.pop("tasks", None)
                out.append((kind[0] + str(i), kind, name, attrs))
        return out

    def facts(self):
        """(model, dataset, task, role, score, metric, split, source) of every fact."""
        return self.facts_

    def edges(self, graphs):
        """(relation, end a, end b, role, third, score, metric, split, provenance,
        declared) in export order."""
        out = []
        for m, d, t, role, score, metric, split, src in self.facts():
            rest = (score, metric, split, src, False)
            if "model-dataset" in graphs and d:
                out.append(("model-dataset", m, d, role, t) + rest)
            if "model-task" in graphs and t:
                out.append(("model-task", m, t, role, d) + rest)
            if "dataset-task" in graphs and d and t:
                out.append(("dataset-task", d, t, role, m) + rest)
        if "dataset-task" in graphs and self.list_tasks:
            for d in self.names["dataset"]:
                items = sorted(set(self.tasks_of.get(d, [])), key=lambda c: self.task_index[c])
                for t in items:
                    out.append(("dataset-task", d, t, "", "", None, "", "", "", True))
        return out


GRAPHS = {
    "all": ("model-dataset", "model-task", "dataset-task"),
    "model-dataset": ("model-dataset",),
    "model-task": ("model-task",),
    "dataset-task": ("dataset-task",),
}
KINDS = {
    "model-dataset": {"model", "dataset"},
    "model-task": {"model", "task"},
    "dataset-task": {"dataset", "task"},
}


def export(binary, catalog, fmt, graph, path):
    rc = subprocess.run([binary, "export", "--data", catalog, "--format", fmt,
                         "--graph", graph, "--out", path],
                        stderr=subprocess.PIPE, text=True)
    if rc.returncode != 0:
        fail("export --format %s --graph %s: exit %d: %s"
             % (fmt, graph, rc.returncode, rc.stderr))
        return False
    return True


def graph_edges(G):
    """The edges of a networkx multigraph as Catalog.edges spells them, in id order."""
    label = {n: d["label"] for n, d in G.nodes(data=True)}
    kind = {n: d["kind"] for n, d in G.nodes(data=True)}
    rows = []
    for u, v, key, d in G.edges(keys=True, data=True):
        rel = d.get("relation", "")
        first = rel.split("-")[0]
        a, b = (u, v) if kind[u] == first else (v, u)
        third = d.get("task", d.get("dataset", d.get("model", "")))
        eid = d.get("id", key)
        rows.append((int(str(eid)[1:]), (rel, label[a], label[b], d.get("role", ""), third,
                                         d.get("score"), d.get("metric", ""), d.get("split", ""),
                                         d.get("provenance", ""),
                                         bool(d.get("declared", False)))))
    return [r for _, r in sorted(rows)]


def node_rows(G, normalise_lists=False):
    out = []
    for n, d in G.nodes(data=True):
        attrs = {k: v for k, v in d.items() if k not in ("kind", "label")}
        if normalise_lists:
            attrs = {k: ";".join(v) if isinstance(v, list) else v for k, v in attrs.items()}
        out.append((n, d["kind"], d["label"], attrs))
    order = {"m": 0, "d": 1, "t": 2}
    return sorted(out, key=lambda r: (order[r[0][0]], int(r[0][1:])))


def no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        fail("JSON object with a duplicate key: %r" % keys)
    return dict(pairs)


def check_graph(binary, catalog):
    try:
        import networkx as nx
        from networkx.readwrite import json_graph
    except ImportError:
        print("SKIP: Debian's python3-networkx is not installed", file=sys.stderr)
        return SKIP
    cat = Catalog(catalog)
    nodes_all = cat.nodes()
    tmp = tempfile.mkdtemp()
    try:
        for graph, rels in GRAPHS.items():
            kinds = set().union(*(KINDS[r] for r in rels))
            want_nodes = [n for n in nodes_all if n[1] in kinds]
            want_edges = cat.edges(rels)
            gml = os.path.join(tmp, graph + ".graphml")
            js = os.path.join(tmp, graph + ".json")
            if not (export(binary, catalog, "graphml", graph, gml)
                    and export(binary, catalog, "json", graph, js)):
                continue
            if shutil.which("xmllint"):
                r = subprocess.run(["xmllint", "--noout", gml], stderr=subprocess.PIPE, text=True)
                if r.returncode != 0:
                    fail("%s: xmllint: %s" % (gml, r.stderr[:500]))
            G = nx.read_graphml(gml)
            with open(js, encoding="utf-8") as f:
                J = json_graph.node_link_graph(json.load(f, object_pairs_hook=no_duplicate_keys),
                                               link="edges")
            for name, g, lists in (("graphml", G, False), ("json", J, True)):
                if g.number_of_nodes() != len(want_nodes):
                    fail("%s --graph %s: %d nodes, the catalog has %d"
                         % (name, graph, g.number_of_nodes(), len(want_nodes)))
                if g.number_of_edges() != len(want_edges):
                    fail("%s --graph %s: %d edges, the catalog gives %d"
                         % (name, graph, g.number_of_edges(), len(want_edges)))
                got_nodes = node_rows(g, lists)
                if got_nodes != want_nodes:
                    diff = [(a, b) for a, b in zip(got_nodes, want_nodes) if a != b][:3]
                    fail("%s --graph %s: nodes differ from the catalog, first: %r"
                         % (name, graph, diff))
                got_edges = graph_edges(g)
                if got_edges != want_edges:
                    diff = [(a, b) for a, b in zip(got_edges, want_edges) if a != b][:3]
                    fail("%s --graph %s: edges differ from the catalog, first: %r"
                         % (name, graph, diff))
            # Typed keys: numbers come back as numbers, not strings.
            for n, d in G.nodes(data=True):
                for k in ("year",):
                    if k in d and not isinstance(d[k], int):
                        fail("graphml: %s of %s is %r, not an int" % (k, n, d[k]))
                for k in ("hours", "llm_params_b"):
                    if k in d and not isinstance(d[k], float):
                        fail("graphml: %s of %s is %r, not a float" % (k, n, d[k]))
        print("graph: %d nodes, %d edges (all) checked in GraphML and JSON"
              % (len(nodes_all), len(cat.edges(GRAPHS["all"]))))
    finally:
        shutil.rmtree(tmp)
    return 1 if FAILS else 0


def dot_unescape(s):
    """Graphviz escString: \\\\ is one backslash, \\n a line break."""
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s) and s[i + 1] in "\\n":
            out.append("\\" if s[i + 1] == "\\" else "\n")
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def check_dot(binary, catalog):
    if not shutil.which("dot"):
        print("SKIP: Graphviz (Debian's graphviz) is not installed", file=sys.stderr)
        return SKIP
    cat = Catalog(catalog)
    tmp = tempfile.mkdtemp()
    try:
        path = os.path.join(tmp, "g.dot")
        if not export(binary, catalog, "dot", "all", path):
            return 1
        r = subprocess.run(["dot", "-Tjson", path], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)
        if r.returncode != 0 or r.stderr.strip():
            fail("dot -Tjson: exit %d: %s" % (r.returncode, r.stderr[:500]))
            return 1
        g = json.loads(r.stdout)
        objs = g.get("objects", [])
        want = cat.nodes()
        got = [(o["name"], o.get("kind"), dot_unescape(o.get("label", ""))) for o in objs]
        if got != [(n[0], n[1], n[2]) for n in want]:
            diff = [(a, b[:3]) for a, b in zip(got, want) if a != b[:3]][:3]
            fail("dot: nodes differ from the catalog (%d vs %d), first: %r"
                 % (len(got), len(want), diff))
        for o, n in zip(objs, want):
            for k, v in n[3].items():
                # Names Graphviz reads itself get a '_' in DOT.
                raw = o.get(k + "_" if k in ("label", "id", "name") else k)
                if raw is None:
                    ok = False
                elif isinstance(v, (int, float)):
                    ok = float(raw) == float(v)
                else:
                    ok = dot_unescape(raw) == v
                if not ok:
                    fail("dot: %s of %s is %r, the catalog says %r" % (k, n[0], raw, v))
        name = {o["_gvid"]: o for o in objs}
        got_e = []
        for e in g.get("edges", []):
            a, b = name[e["tail"]], name[e["head"]]
            third = dot_unescape(e.get("task", e.get("dataset", e.get("model", ""))))
            got_e.append((e.get("relation"), dot_unescape(a["label"]), dot_unescape(b["label"]),
                          e.get("role", ""), third,
                          float(e["score"]) if "score" in e else None,
                          dot_unescape(e.get("metric", "")), dot_unescape(e.get("split", "")),
                          dot_unescape(e.get("provenance", "")), e.get("declared") == "true"))
        # Graphviz lists edges by their tail node, not in file order.
        def order(e):
            return tuple("" if x is None else str(x) for x in e)
        got_e.sort(key=order)
        want_e = sorted(cat.edges(GRAPHS["all"]), key=order)
        if got_e != want_e:
            diff = [(a, b) for a, b in zip(got_e, want_e) if a != b][:3]
            fail("dot: edges differ from the catalog (%d vs %d), first: %r"
                 % (len(got_e), len(want_e), diff))
        print("dot: %d nodes, %d edges read back by Graphviz" % (len(got), len(got_e)))
    finally:
        shutil.rmtree(tmp)
    return 1 if FAILS else 0


def readme_sql(readme):
    """The SQL blocks that follow `<!-- sql:NAME -->` markers, by NAME."""
    text = open(readme, encoding="utf-8").read()
    out = {}
    for m in re.finditer(r"<!-- sql:([a-z-]+) -->\s*```sql\n(.*?)```", text, re.S):
        out[m.group(1)] = m.group(2)
    return out


def check_sql(binary, catalog, readme):
    try:
        import pandas as pd
    except ImportError:
        print("SKIP: Debian's python3-pandas is not installed", file=sys.stderr)
        return SKIP
    cat = Catalog(catalog)
    sql = readme_sql(readme)
    for name in ("coverage-per-task", "models-per-dataset"):
        if name not in sql:
            fail("README.md has no <!-- sql:%s --> block" % name)
    if FAILS:
        return 1
    tmp = tempfile.mkdtemp()
    try:
        path = os.path.join(tmp, "edges.csv")
        if not export(binary, catalog, "edges", "all", path):
            return 1
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        if header != ["model", "dataset", "task", "role", "score", "metric", "split", "source"]:
            fail("edges: header %r" % header)
        got = [tuple(r[:4]) + (number(r[4]),) + tuple(r[5:8]) for r in rows[1:]]
        if got != cat.facts():
            diff = [(a, b) for a, b in zip(got, cat.facts()) if a != b][:3]
            fail("edges: rows differ from the usage facts (%d vs %d), first: %r"
                 % (len(got), len(cat.facts()), diff))
        # pandas, as a DuckDB or Spark user would load it: empty cells are missing.
        df = pd.read_csv(path, dtype=str)
        if len(df) != len(cat.facts()):
            fail("pandas reads %d rows, the catalog has %d facts" % (len(df), len(cat.facts())))
        pd_task = {t: (g["model"].nunique(), g["dataset"].nunique())
                   for t, g in df.dropna(subset=["task"]).groupby("task")}
        pd_data = {d: (g["model"].nunique(), g["task"].nunique())
                   for d, g in df.dropna(subset=["dataset"]).groupby("dataset")}
        # The README's SQL, run by SQLite on the same rows (empty cells as '').
        db = sqlite3.connect(":memory:")
        db.execute("CREATE TABLE edges (%s)" % ", ".join('"%s" TEXT' % c for c in header))
        db.executemany("INSERT INTO edges VALUES (%s)" % ",".join("?" * len(header)), rows[1:])
        sql_task = {r[0]: (r[1], r[2]) for r in db.execute(sql["coverage-per-task"])}
        sql_data = {r[0]: (r[1], r[2]) for r in db.execute(sql["models-per-dataset"])}
        if sql_task != pd_task:
            fail("coverage per task: SQL %r, pandas %r" % (sql_task, pd_task))
        if sql_data != pd_data:
            fail("models per dataset: SQL %r, pandas %r" % (sql_data, pd_data))

        # benchcov's own figures from the catalog.
        def coverage(by):
            r = subprocess.run([binary, "coverage", "--data", catalog, "--by", by,
                                "--format", "csv"], stdout=subprocess.PIPE, text=True,
                               check=True)
            return list(csv.DictReader(io.StringIO(r.stdout)))
        bc_task = {r["task"]: (int(r["models"]), int(r["datasets"]))
                   for r in coverage("task") if int(r["models"]) > 0}
        # benchcov's `tasks` per dataset also counts the tasks datasets.csv
        # lists, which are no facts: only `models` is comparable.
        bc_data = {r["dataset"]: int(r["models"])
                   for r in coverage("dataset") if int(r["models"]) > 0}
        if sql_task != bc_task:
            fail("coverage per task: SQL %r, benchcov coverage --by task %r"
                 % (sql_task, bc_task))
        if {d: v[0] for d, v in sql_data.items()} != bc_data:
            fail("models per dataset: SQL %r, benchcov coverage --by dataset %r"
                 % (sql_data, bc_data))
        print("sql: %d facts; %d tasks and %d datasets agree in SQL, pandas and benchcov"
              % (len(got), len(sql_task), len(sql_data)))
    finally:
        shutil.rmtree(tmp)
    return 1 if FAILS else 0


def metrics(binary, data):
    r = subprocess.run([binary, "metrics", "--data", data, "--format", "csv"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        fail("metrics --data %s: exit %d: %s" % (data, r.returncode, r.stderr[:500]))
    return r.stdout


def same_facts_catalog(catalog, cat, out):
    """Writes to `out` the catalog holding what an edge list can: its facts.
    Entries no fact names are left out, and so is datasets.csv's `tasks`
    column (declarations, not facts); entries are listed in the order of
    their first use, the order a one-file catalog gives them (the seeded
    null models walk the matrices in that order).  usage.csv is copied as
    it is, aliases and all.  Returns what was changed, as sentences."""
    changes = []
    os.makedirs(out)
    used = {"model": [], "dataset": [], "task": []}
    for m, d, t, *_ in cat.facts():
        for kind, name in (("model", m), ("dataset", d), ("task", t)):
            if name and name not in used[kind]:
                used[kind].append(name)
    for kind, fname in (("model", "models"), ("dataset", "datasets"), ("task", "tasks")):
        path = os.path.join(catalog, fname + ".csv")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        col = [trim(h) for h in header].index(NAME_COL[kind])
        drop = [i for i, h in enumerate(header) if kind == "dataset" and trim(h) == "tasks"]
        if drop:
            changes.append("datasets.csv without its tasks column")
        by_name = {trim(r[col]): r for r in body}
        unused = [n for n in by_name if n not in used[kind]]
        if unused:
            changes.append("left out %d %s%s that no fact names: %s"
                           % (len(unused), kind, "s" if len(unused) > 1 else "",
                              ", ".join(repr(n) for n in unused)))
        kept = [n for n in used[kind] if n in by_name]
        if kept != [n for n in by_name if n in used[kind]]:
            changes.append("%s entries in the order of their first use" % kind)
        with open(os.path.join(out, fname + ".csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            for r in [header] + [by_name[n] for n in kept]:
                w.writerow([v for i, v in enumerate(r) if i not in drop])
    shutil.copy(os.path.join(catalog, "usage.csv"), os.path.join(out, "usage.csv"))
    return changes


def check_roundtrip(binary, catalog, exact):
    """export edges -> a one-file catalog -> the same `metrics` as the
    catalog's facts (and, with `exact`, as the catalog itself)."""
    cat = Catalog(catalog)
    if cat.usage and "task" not in cat.usage[0]:
        fail("%s: a usage.csv without a task column is not handled here" % catalog)
        return 1
    tmp = tempfile.mkdtemp()
    try:
        edges = os.path.join(tmp, "edges.csv")
        if not export(binary, catalog, "edges", "all", edges):
            return 1
        got = metrics(binary, edges)
        changes = same_facts_catalog(catalog, cat, os.path.join(tmp, "facts"))
        want = metrics(binary, os.path.join(tmp, "facts"))
        orig = metrics(binary, catalog)
        if exact and changes:
            fail("%s is meant to be a catalog of facts only, but: %s"
                 % (catalog, "; ".join(changes)))
        if got != want:
            diff = [(a, b) for a, b in zip(got.splitlines(), want.splitlines()) if a != b]
            fail("metrics of the exported edge list differ from the catalog's facts: %r" % diff)
        elif not got.strip():
            fail("no metrics")
        else:
            differs = [a.split(",")[0] for a, b in zip(orig.splitlines(), got.splitlines())
                       if a != b]
            print("roundtrip %s: %d metrics identical%s" % (
                catalog, len(got.splitlines()) - 1,
                " to the catalog itself" if not changes else
                " to the catalog's facts (%s); against the whole catalog these differ: %s"
                % ("; ".join(changes), ", ".join(differs) or "none")))
    finally:
        shutil.rmtree(tmp)
    return 1 if FAILS else 0


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 64
    mode, binary, catalog = sys.argv[1:4]
    if mode == "graph":
        return check_graph(binary, catalog)
    if mode == "dot":
        return check_dot(binary, catalog)
    if mode == "sql" and len(sys.argv) == 5:
        return check_sql(binary, catalog, sys.argv[4])
    if mode == "roundtrip":
        return check_roundtrip(binary, catalog, sys.argv[4:] == ["--exact"])
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main())
