#!/usr/bin/env bash
# tests/export_reference.sh BINARY SOURCE_DIR graph|dot|sql|roundtrip -
# checks `benchcov export` with independent readers
# (tests/reference/export_check.py, run by Debian's /usr/bin/python3:
# networkx, Graphviz, sqlite3, pandas) on the shipped catalog, the hostile
# tests/fixtures/attack, tests/fixtures/good and the text-LLM leaderboard
# tests/fixtures/export_leaderboard (facets, scores, metrics, splits); the
# round trip (edge list -> one-file catalog -> metrics) must be exact on
# the leaderboard.  Exits 77 (skipped) with a SKIP line when a reader is
# not installed.
set -u
bin=$1
src=$2
mode=$3
py=/usr/bin/python3
if [ ! -x "$py" ]; then
    echo "SKIP: Debian's /usr/bin/python3 is not installed" >&2
    exit 77
fi
cd "$src" || exit 1
rc=0
for cat in data tests/fixtures/attack tests/fixtures/good tests/fixtures/export_leaderboard; do
    extra=()
    [ "$mode" = sql ] && extra=(README.md)
    [ "$mode" = roundtrip ] && [ "$cat" = tests/fixtures/export_leaderboard ] && extra=(--exact)
    echo "== $mode: $cat"
    "$py" tests/reference/export_check.py "$mode" "$bin" "$cat" "${extra[@]}"
    r=$?
    [ "$r" -eq 77 ] && exit 77
    [ "$r" -ne 0 ] && rc=1
done
exit $rc
