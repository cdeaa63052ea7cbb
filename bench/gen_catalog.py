#!/usr/bin/python3
"""gen_catalog.py - writes a synthetic benchcov catalog for the scale benchmark.

    gen_catalog.py SHAPE MODELS OUTDIR [SEED]

SHAPE survey:      sparse and skewed, like a literature survey: DATASETS =
                   MODELS / 10, tasks 50, about 10 usage rows per model, dataset
                   popularity Zipf-like (weight 1 / rank).
SHAPE leaderboard: like an open leaderboard: 60 % of the models on one suite of
                   12 benchmarks, 40 % on a second suite of 12, a few extra rows.

Columns follow the loader's current header (tasks, models, datasets, usage).
"""
import bisect
import itertools
import os
import random
import sys


def main():
    shape, models, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    os.makedirs(out, exist_ok=True)
    T = 50 if shape == "survey" else 12
    D = max(20, models // 10) if shape == "survey" else 40
    with open(os.path.join(out, "tasks.csv"), "w") as f:
        f.write("code,name,modality,category,origin\n")
        f.writelines("T%d,Task %d,text,x,added\n" % (t, t) for t in range(T))
    with open(os.path.join(out, "models.csv"), "w") as f:
        f.write("model,aliases,paper,year,speech_encoder,encoder_family,llm,llm_family,"
                "llm_params_b,fusion,output\n")
        f.writelines("m%07d,,,2024,,,,,,other,text\n" % i for i in range(models))
    dtask = [d % T for d in range(D)]
    with open(os.path.join(out, "datasets.csv"), "w") as f:
        f.write("dataset,aliases,modality,tasks,languages,hours\n")
        f.writelines("d%06d,,text,T%d,,%d\n" % (d, dtask[d], 1 + d % 100) for d in range(D))
    with open(os.path.join(out, "usage.csv"), "w") as f:
        f.write("model,dataset,task,role,source\n")
        # Rows are built from per-dataset suffixes computed once and written
        # in blocks; the random draws are the same calls in the same order
        # as the plain loop, so a seed gives the same bytes.
        rnd = rng.random
        buf = []
        if shape == "survey":
            cum = list(itertools.accumulate(1.0 / (d + 1) for d in range(D)))
            total = cum[-1]
            last = D - 1
            find = bisect.bisect_left
            randint = rng.randint
            train = [",d%06d,T%d,train,gen\n" % (d, dtask[d]) for d in range(D)]
            evals = [",d%06d,T%d,eval,gen\n" % (d, dtask[d]) for d in range(D)]
            for m in range(models):
                used = set()
                for _ in range(randint(5, 15)):
                    d = find(cum, rnd() * total)
                    used.add(d if d < last else last)
                p = "m%07d" % m
                for d in sorted(used):
                    buf.append(p)
                    buf.append(train[d] if rnd() < 0.3 else evals[d])
                if len(buf) >= 65536:
                    f.write("".join(buf))
                    buf.clear()
        else:
            row = [",d%06d,T%d,eval,gen\n" % (d, dtask[d]) for d in range(D)]
            suites = ([""] + row[0:12], [""] + row[12:24])
            for m in range(models):
                p = "m%07d" % m
                buf.append(p.join(suites[0] if rnd() < 0.6 else suites[1]))
                if rnd() < 0.05:
                    buf.append(p + row[rng.randrange(24, D)])
                if len(buf) >= 65536:
                    f.write("".join(buf))
                    buf.clear()
        f.write("".join(buf))


if __name__ == "__main__":
    main()
