#!/usr/bin/python3
"""pandas_peer.py - the pandas/scipy peer of the scale benchmark, on the same files.

    pandas_peer.py DIR MODE

MODE split:    Python's csv.reader splitting usage.csv (the `check` yardstick).
MODE coverage: pandas coverage counts (models per task, per dataset) and the
               all-pairs Jaccard of the models' datasets via a sparse product
               (scipy), the pairs sharing something counted; only below 100,000
               models (the product has O(M^2) entries on popular datasets).
"""
import csv
import sys


def main():
    d, mode = sys.argv[1], sys.argv[2]
    if mode == "split":
        n = 0
        with open(d + "/usage.csv", newline="") as f:
            for _ in csv.reader(f):
                n += 1
        print(n)
        return
    import numpy as np
    import pandas as pd
    import scipy.sparse as sp
    u = pd.read_csv(d + "/usage.csv", dtype=str, keep_default_na=False)
    per_task = u.groupby("task")["model"].nunique()
    per_dataset = u[u.dataset != ""].groupby("dataset")["model"].nunique()
    md = u[u.dataset != ""][["model", "dataset"]].drop_duplicates()
    mi = md.model.astype("category").cat.codes.to_numpy()
    di = md.dataset.astype("category").cat.codes.to_numpy()
    X = sp.csr_matrix((np.ones(len(mi)), (mi, di)))
    shared = X @ X.T
    deg = np.asarray(X.sum(axis=1)).ravel()
    s = sp.triu(shared, k=1).tocoo()
    jac = s.data / (deg[s.row] + deg[s.col] - s.data)
    print(len(per_task), len(per_dataset), s.nnz, float(jac.mean()) if len(jac) else 0)


if __name__ == "__main__":
    main()
