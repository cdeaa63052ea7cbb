# gen_pwc.py - writes a Papers-with-Code evaluation-tables.json of the
# sota-extractor shape with ROWS result rows (bench/README.md): tasks with
# datasets, one in ten with a subtask, rows naming models from a pool a
# third the size of ROWS (so models recur across tables), 1 to 3 metrics
# per row written as strings, a few as numbers, "-" or "1.2 ± 0.1".
# Deterministic for a given ROWS.
#
#     /usr/bin/python3 bench/gen_pwc.py ROWS OUT.json
import json
import random
import sys


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(1)
    models = max(1, rows // 3)
    metrics = ["Accuracy", "F1", "WER", "BLEU", "mAP", "Top-1 Accuracy", "EM"]

    def row(i):
        m = rng.randrange(models)
        values = {}
        for name in rng.sample(metrics, rng.randint(1, 3)):
            r = rng.random()
            v = round(rng.uniform(0, 100), 2)
            values[name] = v if r < 0.1 else "-" if r < 0.15 else (
                "%s ± 0.1" % v if r < 0.17 else str(v))
        return {
            "model_name": "Model-%d (variant %d)" % (m, m % 7),
            "paper_title": "Paper number %d about model %d" % (m // 2, m),
            "paper_url": "https://arxiv.org/abs/%04d.%05d" % (m % 2300 + 1, m),
            "paper_date": "%d-%02d-%02d" % (2012 + m % 12, m % 12 + 1, m % 28 + 1),
            "code_links": [],
            "model_links": [],
            "uses_additional_data": bool(m % 2),
            "metrics": values,
        }

    def dataset(name, n):
        names = rng.sample(metrics, 2)
        return {"dataset": name, "description": "", "dataset_citations": [],
                "dataset_links": [], "subdatasets": [],
                "sota": {"metrics": names, "rows": [row(0) for _ in range(n)]}}

    tasks, left, t = [], rows, 0
    while left > 0:
        n_ds = rng.randint(1, 8)
        ds = []
        for d in range(n_ds):
            n = min(left, rng.randint(1, 80))
            left -= n
            ds.append(dataset("Dataset %d-%d" % (t, d), n))
            if left <= 0:
                break
        task = {"task": "Task number %d" % t, "description": "", "categories": ["Bench"],
                "datasets": ds, "subtasks": [], "synonyms": [], "source_link": None}
        if t % 10 == 0 and left > 0:
            n = min(left, rng.randint(1, 40))
            left -= n
            task["subtasks"].append({"task": ["Subtask of %d" % t, "alias"],
                                     "datasets": [dataset("Sub dataset %d" % t, n)],
                                     "subtasks": []})
        tasks.append(task)
        t += 1
    with open(out, "w", encoding="utf-8") as f:
        json.dump(tasks, f, indent=1, ensure_ascii=False)


main()
