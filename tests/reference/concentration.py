#!/usr/bin/python3
"""Reference figures for analyzer/concentration.c.

Draws seeded random count vectors and computes, straight from the
definitions of Koch et al. 2021 (DESIGN.md section 4), the Gini by the
O(n^2) double sum, the HHI, the effective number of datasets and the top
share.  Writes tests/fixtures/concentration/random.txt, one vector per line:

    n x_1 ... x_n gini hhi effective top_share

Run from the source directory: /usr/bin/python3 tests/reference/concentration.py
"""
import random

def figures(x):
    n = len(x)
    total = sum(x)
    if n == 0 or total == 0:
        return 0.0, 0.0, 0.0, 0.0
    mean = total / n
    gini = sum(abs(a - b) for a in x for b in x) / (2 * n * n * mean)
    hhi = sum((v / total) ** 2 for v in x)
    return gini, hhi, 1 / hhi, max(x) / total

def main():
    rng = random.Random(20240601)
    lines = []
    for case in range(40):
        n = rng.randint(0, 25)
        hi = rng.choice([1, 3, 10, 50])
        x = [rng.randint(0 if case % 5 == 0 else 1, hi) for _ in range(n)]
        g, h, e, t = figures(x)
        lines.append(" ".join([str(n)] + [str(v) for v in x] +
                              [repr(g), repr(h), repr(e), repr(t)]))
    with open("tests/fixtures/concentration/random.txt", "w") as f:
        f.write("\n".join(lines) + "\n")

if __name__ == "__main__":
    main()
