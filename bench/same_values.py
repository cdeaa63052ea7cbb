#!/usr/bin/python3
"""same_values.py - checks a peer's figures against benchcov's (bench/scale.sh).

    same_values.py PEER_CSV BENCHCOV_CSV

Both files are CSV with a header row and KEY,VALUE in their first two
columns (the form of `benchcov metrics --format csv` and of the report's
tables/bridging.csv).  Every key of PEER_CSV must be in BENCHCOV_CSV with
the same value to benchcov's printed precision: benchcov prints 6
significant digits, so the peer's value (printed to 17) must lie within
half a unit of the 6th significant digit of benchcov's (relative 5e-6 at
worst, 5e-7 for values with a leading 9); a value benchcov prints as 0
must be 0 within 1e-9.  Prints "same (N values)", or "differs" with the
first key that does not match and the count, and exits 0 or 1.
"""
import csv
import math
import sys


def read(path):
    with open(path, newline="") as f:
        rows = csv.reader(f)
        next(rows, None)
        return {r[0]: r[1] for r in rows if len(r) >= 2}


def agrees(peer, bc):
    p, b = float(peer), float(bc)
    if b == 0:
        return abs(p) <= 1e-9
    half = 0.5 * 10 ** (math.floor(math.log10(abs(b))) - 5)
    return abs(p - b) <= half * (1 + 1e-9)


def main():
    peer, bc = read(sys.argv[1]), read(sys.argv[2])
    bad = [k for k, v in peer.items() if k not in bc or not agrees(v, bc[k])]
    if not peer:
        print("differs (no values)")
        return 1
    if bad:
        k = bad[0]
        print("differs (%d of %d values; %s: peer %s, benchcov %s)"
              % (len(bad), len(peer), k, peer[k], bc.get(k, "missing")))
        return 1
    print("same (%d values)" % len(peer))
    return 0


if __name__ == "__main__":
    sys.exit(main())
