# pwc_peer.py - the Python peer of the PwC import benchmark
# (bench/README.md): json.load of the whole file, then one walk over every
# task, subtask, dataset and row that keys models and datasets in dicts,
# best of REPS, timed with time.perf_counter.  It does less than
# `benchcov import pwc`, which also picks each row's metric, writes four
# CSV files and loads them back through the catalog's checks, so the
# ratio is conservative.
#
#     /usr/bin/python3 bench/pwc_peer.py FILE.json REPS   ->  "rows<TAB>seconds"
import json
import sys
import time


def walk(tasks, models, datasets):
    n = 0
    for t in tasks:
        for d in t.get("datasets") or []:
            datasets.setdefault(d["dataset"], len(datasets))
            for r in (d.get("sota") or {}).get("rows") or []:
                models.setdefault(r["model_name"].lower(), len(models))
                n += 1
        n += walk(t.get("subtasks") or [], models, datasets)
    return n


def main():
    path, reps = sys.argv[1], int(sys.argv[2])
    best, rows = None, 0
    for _ in range(reps):
        t0 = time.perf_counter()
        with open(path, encoding="utf-8") as f:
            tasks = json.load(f)
        rows = walk(tasks, {}, {})
        dt = time.perf_counter() - t0
        best = dt if best is None or dt < best else best
    print("%d\t%.3f" % (rows, best))


main()
