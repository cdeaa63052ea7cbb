#!/usr/bin/env bash
# tests/test_cmd_diff.sh BINARY SOURCE_DIR - `benchcov diff` end to end on the
# fixture pairs of tests/fixtures/diff (worked out in tests/test_diff.c):
# exit codes and messages of every --fail-on condition, misuse, JSON that
# parses and carries the CSV's rows, determinism, Markdown escaping of a
# hostile name, and the --charts scripts rendering without a warning.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3

cd "$src" || exit 1
F=tests/fixtures/diff

# --fail-on: each condition alone, then none holding.
expect 1 "^benchcov: fail-on new-uncovered: tasks newly uncovered: 2 \('MGR', 'SER'\)$" -- \
    diff $F/base $F/changed --fail-on new-uncovered
expect 1 "^benchcov: fail-on new-isolated: models newly isolated: 1 \('F'\)$" -- \
    diff $F/base $F/changed --fail-on new-isolated
expect 1 "^benchcov: fail-on removed-model: models removed: 1 \('E'\)$" -- \
    diff $F/base $F/changed --fail-on removed-model
expect 1 "removed-model" -- diff $F/base $F/changed --fail-on 'new-isolated; removed-model'
expect 0 "" -- diff $F/base $F/changed --fail-on errors
expect 0 "" -- diff $F/base $F/renamed --fail-on new-uncovered,new-isolated,removed-model,errors
[ -s "$tmp/out" ] || bad "diff printed nothing"
expect 0 "" -- diff $F/changed $F/base --fail-on new-uncovered

# One-file catalogs (a usage CSV each) compare the same way.
expect 1 "^benchcov: fail-on removed-model: models removed: 1 \('E'\)$" -- \
    diff $F/base/usage.csv $F/changed/usage.csv --fail-on removed-model
grep -q '^| model | F | added |  | F |$' "$tmp/out" || bad "one-file diff lacks the added model F"

# errors: NEW fails check -> 1 with the check messages; without it, 65.
expect 1 "fail-on errors: 'tests/fixtures/bad/unknown_refs' fails check" -- \
    diff $F/base tests/fixtures/bad/unknown_refs --fail-on errors
grep -qE "^benchcov: tests/fixtures/bad/unknown_refs/usage.csv:[0-9]+:[0-9]+: " "$tmp/err" ||
    bad "fail-on errors does not show the check messages"
expect 65 "usage.csv:[0-9]+:[0-9]+: " -- diff $F/base tests/fixtures/bad/unknown_refs
expect 65 "" -- diff tests/fixtures/bad/unknown_refs $F/base --fail-on errors

# Misuse.
expect 64 "invalid value 'new-gaps' for --fail-on" -- diff $F/base $F/changed --fail-on new-gaps
expect 64 "invalid value 'tsv' for --format: expected 'md', 'csv' or 'json'" -- \
    diff $F/base $F/changed --format tsv
expect 64 "needs two catalogs" -- diff $F/base
expect 64 "unexpected argument 'x'" -- diff $F/base $F/changed x
expect 64 "unknown option '--bogus'" -- diff $F/base $F/changed --bogus
expect 66 "" -- diff $F/base $F/nonexistent
expect 0 "" -- diff --help
grep -q "^usage: benchcov diff <old> <new>" "$tmp/out" || bad "diff --help lacks the usage"

# Same inputs, same bytes; JSON parses and holds the CSV rows.
"$bin" diff $F/base $F/changed --format csv >"$tmp/a.csv"
LC_ALL=C TZ=Asia/Kolkata "$bin" diff $F/base $F/changed --format csv >"$tmp/b.csv"
if cmp -s "$tmp/a.csv" "$tmp/b.csv"; then ok "deterministic CSV"; else bad "CSV differs between runs"; fi
"$bin" diff $F/base $F/changed --format json >"$tmp/d.json"
if "$py" - "$tmp/d.json" "$tmp/a.csv" <<'EOF'; then ok "JSON rows equal the CSV rows"; else bad "JSON and CSV disagree"; fi
import csv, json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
assert [dict(r) for r in rows] == d["rows"], "rows differ"
assert d["new_uncovered"] == 2 and d["new_isolated"] == 1 and d["removed_models"] == 1
assert d["old"] == "tests/fixtures/diff/base"
sys.exit(0)
EOF

# Markdown: a hostile model name stays text.
mkdir -p "$tmp/evil"
cp $F/base/*.csv "$tmp/evil/"
# shellcheck disable=SC2016 # the backquotes are catalog text, not expansions
evil='"<script>x</script>|`y`"'
printf '%s\n' "$evil,,,,,,,,,," >>"$tmp/evil/models.csv"
printf '%s\n' "$evil,Clotho,AAC,eval,seed" >>"$tmp/evil/usage.csv"
expect 0 "" -- diff $F/base "$tmp/evil"
if grep -q '<script>' "$tmp/out"; then
    bad "markup from the catalog reached the Markdown"
elif # shellcheck disable=SC2016
    grep -qF '\<script\>x\</script\>\|\`y\`' "$tmp/out"; then
    ok "catalog text escaped in the Markdown"
else
    bad "escaped name not found in the Markdown"
fi

# --charts: two charts, rendered by gnuplot without a word on stderr.
expect 0 "" -- diff $F/base $F/changed --charts "$tmp/c/charts"
for n in diff_coverage diff_headline; do
    if [ ! -s "$tmp/c/charts/$n.gp" ] || [ ! -s "$tmp/c/charts/$n.dat" ]; then
        bad "$n.gp/.dat missing"
    fi
done
grep -q 'noenhanced' "$tmp/c/charts/diff_coverage.gp" || bad "diff_coverage.gp is not noenhanced"
# MGR is new: no bar before, 0 after.
grep -qP '^2\t-\t0\t"MGR"$' "$tmp/c/charts/diff_coverage.dat" ||
    bad "diff_coverage.dat lacks the MGR row: $(cat "$tmp/c/charts/diff_coverage.dat")"
if command -v gnuplot >/dev/null 2>&1; then
    if bash scripts/render-charts.sh "$tmp/c" >"$tmp/render" 2>&1; then
        ok "diff charts render without warnings"
    else
        bad "diff charts: $(cat "$tmp/render")"
    fi
fi
# A charts directory that cannot be created: 73, and the diff was printed.
expect 73 "" -- diff $F/base $F/changed --charts /proc/benchcov-no/charts

finish "diff command"
