#!/usr/bin/python3
"""Independent reference for `benchcov coverage --format csv`.

Reads a catalog directory with Python's csv module, resolves model and
dataset names through their aliases (ASCII case folded, white space runs
folded), and writes the three coverage tables of DESIGN.md section 3 as
benchcov should print them.  Its output for the shipped catalog is saved
as tests/golden/coverage_{task,model,dataset}.csv, which tests/test_commands.sh
compares with the C implementation.

    /usr/bin/python3 tests/reference/coverage_reference.py data tests/golden
"""
import csv
import os
import re
import sys
from collections import defaultdict


def fold(name):
    return re.sub(r"[ \t\r\n\f\v]+", " ", name.strip()).lower()


def num(v):
    if v == int(v) and abs(v) < 2 ** 53:
        return str(int(v))
    s = "%.6g" % v
    return s


def gini(xs):
    n = len(xs)
    total = sum(xs)
    if n == 0 or total == 0:
        return 0.0
    mean = total / n
    return sum(abs(a - b) for a in xs for b in xs) / (2 * n * n * mean)


def read(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def main(data, out):
    tasks = read(os.path.join(data, "tasks.csv"))
    models = read(os.path.join(data, "models.csv"))
    datasets = read(os.path.join(data, "datasets.csv"))
    usage = read(os.path.join(data, "usage.csv"))

    def names(rows, key):
        table = {}
        for r in rows:
            table[fold(r[key])] = r[key].strip()
            for a in r["aliases"].split(";"):
                if a.strip():
                    table[fold(a)] = r[key].strip()
        return table

    model_of = names(models, "model")
    dataset_of = names(datasets, "dataset")
    M, T = len(models), len(tasks)

    task_models = defaultdict(set)
    task_datasets = defaultdict(set)
    uses = defaultdict(lambda: defaultdict(set))  # task -> dataset -> models
    model_tasks = defaultdict(set)
    model_datasets = defaultdict(set)
    dataset_models = defaultdict(set)
    dataset_tasks = defaultdict(set)
    for d in datasets:
        for t in d["tasks"].split(";"):
            if t.strip():
                dataset_tasks[d["dataset"].strip()].add(t.strip())
    for u in usage:
        m = model_of[fold(u["model"])]
        d = dataset_of[fold(u["dataset"])] if u["dataset"].strip() else None
        t = u["task"].strip() or None
        if t:
            task_models[t].add(m)
            model_tasks[m].add(t)
        if d:
            model_datasets[m].add(d)
            dataset_models[d].add(m)
        if d and t:
            task_datasets[t].add(d)
            uses[t][d].add(m)
            dataset_tasks[d].add(t)

    def write(name, header, rows):
        with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)

    rows = []
    for t in sorted(tasks, key=lambda r: r["code"].encode()):
        code = t["code"]
        c = len(task_models[code])
        status = "uncovered" if c == 0 else ("thin" if c < 2 else "covered")
        xs = [len(ms) for ms in uses[code].values()]
        rows.append([code, t["name"].strip(), t["modality"], num(c),
                     num(len(task_datasets[code])), num(c / M if M else 0),
                     num(gini(xs)), status])
    write("coverage_task.csv",
          ["task", "name", "modality", "models", "datasets", "share", "gini", "status"], rows)

    rows = []
    for m in sorted((r["model"].strip() for r in models), key=lambda s: s.encode()):
        k = len(model_tasks[m])
        rows.append([m, num(k), num(len(model_datasets[m])), num(k / T if T else 0)])
    write("coverage_model.csv", ["model", "tasks", "datasets", "task_share"], rows)

    rows = []
    for d in sorted((r["dataset"].strip() for r in datasets), key=lambda s: s.encode()):
        rows.append([d, num(len(dataset_models[d])), num(len(dataset_tasks[d]))])
    write("coverage_dataset.csv", ["dataset", "models", "tasks"], rows)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
