# load_peer.py - the Python peer of the catalog-loading benchmark
# (bench/README.md): reads a generated catalog's usage.csv with the
# standard csv module, best of REPS, timed with time.perf_counter.
#
#     /usr/bin/python3 bench/load_peer.py DIR REPS
#
# Two variants, each printed as one tab-separated line
#     python-parse    rows  best_seconds  reps
#     python-resolve  rows  best_seconds  reps
# "parse" only splits usage.csv into rows (a list of lists); "resolve"
# also reads the three other files and maps every model, dataset and
# task cell to an index through a dict of names and aliases, folded the
# way benchcov matches names (ASCII case, runs of white space).  Both do
# less than catalog_load, which also validates every field, checks
# duplicates and keeps every entry, so the ratio is conservative.
import csv
import re
import sys
import time

WS = re.compile(r"\s+")


def key(s):
    return WS.sub(" ", s.strip()).lower()


def parse(d):
    with open(d + "/usage.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return len(rows) - 1


def names(path, col_name, col_alias):
    idx = {}
    with open(path, newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        for i, row in enumerate(r):
            idx[key(row[col_name])] = i
            if col_alias is not None and row[col_alias]:
                for a in row[col_alias].split(";"):
                    idx[key(a)] = i
    return idx


def resolve(d):
    tasks = names(d + "/tasks.csv", 0, None)
    models = names(d + "/models.csv", 0, 1)
    datasets = names(d + "/datasets.csv", 0, 1)
    facts = []
    with open(d + "/usage.csv", newline="", encoding="utf-8") as f:
        r = csv.reader(f)
        next(r)
        for row in r:
            ds = row[1].strip()
            facts.append((models[key(row[0])], datasets[key(ds)] if ds else -1,
                          tasks[key(row[2])], row[3].strip(), row[4]))
    return len(facts)


def best_of(fn, d, reps):
    best = None
    n = 0
    for _ in range(reps):
        t0 = time.perf_counter()
        n = fn(d)
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    return n, best


def main():
    d, reps = sys.argv[1], int(sys.argv[2])
    for label, fn in (("python-parse", parse), ("python-resolve", resolve)):
        n, best = best_of(fn, d, reps)
        print("%s\t%d\t%.6g\t%d" % (label, n, best, reps))


if __name__ == "__main__":
    main()
