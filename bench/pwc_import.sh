#!/usr/bin/env bash
# bench/pwc_import.sh BINARY [ROWS] - `benchcov import pwc` on a generated
# evaluation-tables.json of ROWS rows (default 300000; bench/gen_pwc.py)
# against the Python peer bench/pwc_peer.py (json.load and one walk),
# best of 3 each, in the same session.  Prints rows, file size, both
# times and the ratio peer/benchcov.
set -euo pipefail
export LC_ALL=C
bin=${1:?usage: bench/pwc_import.sh BINARY [ROWS]}
rows=${2:-300000}
root=$(cd "$(dirname "$0")/.." && pwd)
python=/usr/bin/python3
[ -x $python ] || { echo "pwc_import.sh: /usr/bin/python3 not found" >&2; exit 77; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/benchcov-pwc.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

$python "$root/bench/gen_pwc.py" "$rows" "$tmp/pwc.json"
best=""
for _ in 1 2 3; do
    rm -rf "$tmp/out"
    t0=$(date +%s.%N)
    "$bin" import pwc "$tmp/pwc.json" --out "$tmp/out" >"$tmp/summary"
    t1=$(date +%s.%N)
    dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    if [ -z "$best" ] || awk -v a="$dt" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$dt; fi
done
peer=$($python "$root/bench/pwc_peer.py" "$tmp/pwc.json" 3)
mb=$(awk -v s="$(stat -c %s "$tmp/pwc.json")" 'BEGIN { printf "%.1f", s / 1e6 }')
facts=$(($(wc -l <"$tmp/out/usage.csv") - 1))
printf '%-8s %8s %8s %13s %11s %9s\n' rows MB facts benchcov-s python-s py/bc
awk -v r="$rows" -v mb="$mb" -v f="$facts" -v bc="$best" -v py="$peer" 'BEGIN {
    split(py, p, "\t"); printf "%-8s %8s %8s %13s %11s %9.3g\n", r, mb, f, bc, p[2], p[2] / bc }'
cat "$tmp/summary"
