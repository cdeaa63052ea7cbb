#!/usr/bin/python3
"""Independent reference for benchcov's contamination tables.

Reads a catalog directory with Python's csv module, resolves model and
dataset names through their aliases (ASCII case folded, runs of white
space folded), and writes the two tables `benchcov report` writes:
tables/contamination.csv (model,dataset,task,in_domain,same_task: every
eval fact with a named dataset, in-domain when its model also has a train
fact on that dataset, same-task when such a fact names the task) and
tables/contamination_by_model.csv (model,evaluations,in_domain,same_task
for every model with an eval fact on a named dataset), sorted by name in
byte order.  Usage: contamination_reference.py CATALOG_DIR OUT_DIR
"""
import csv
import os
import sys


def fold(s):
    return " ".join(s.lower().split())


def names(path, key):
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for n in [row[key]] + [a for a in row.get("aliases", "").split(";") if a]:
                out[fold(n)] = row[key]
    return out


def csv_field(s):
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def main(cat, out):
    models = names(os.path.join(cat, "models.csv"), "model")
    datasets = names(os.path.join(cat, "datasets.csv"), "dataset")
    train, evals = set(), set()
    with open(os.path.join(cat, "usage.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if not row["dataset"]:
                continue
            fact = (models[fold(row["model"])], datasets[fold(row["dataset"])], row["task"])
            (train if row["role"] == "train" else evals).add(fact)
    trained_on = {(m, d) for m, d, _ in train}
    rows, per = [], {}
    for m, d, t in evals:
        e = per.setdefault(m, [0, 0, 0])
        e[0] += 1
        inside = (m, d) in trained_on
        same = inside and bool(t) and (m, d, t) in train
        rows.append((m, d, t, inside, same))
        e[1] += inside
        e[2] += same
    key = lambda s: s.encode("utf-8")
    rows.sort(key=lambda r: (key(r[0]), key(r[1]), key(r[2])))
    with open(os.path.join(out, "contamination.csv"), "w", newline="") as f:
        f.write("model,dataset,task,in_domain,same_task\n")
        for m, d, t, inside, same in rows:
            f.write("%s,%s,%s,%s,%s\n" % (csv_field(m), csv_field(d), csv_field(t),
                                          "yes" if inside else "no", "yes" if same else "no"))
    with open(os.path.join(out, "contamination_by_model.csv"), "w", newline="") as f:
        f.write("model,evaluations,in_domain,same_task\n")
        for m in sorted(per, key=key):
            f.write("%s,%d,%d,%d\n" % ((csv_field(m),) + tuple(per[m])))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
