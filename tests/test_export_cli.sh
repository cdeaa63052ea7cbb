#!/usr/bin/env bash
# tests/test_export_cli.sh BINARY SOURCE_DIR - `benchcov export` on the command
# line: --help, every misuse (64) with its message, missing input (66),
# bad data (65), an output that cannot be created (73), a full disk (74),
# --out written through a temporary (an earlier file survives a failed
# run, no temporary is left), the same bytes on stdout and in --out, in
# any locale and time zone, every format on the hostile catalog
# well-formed enough for a strict parser, and the edge list a fixed point
# of export (read back as a one-file catalog, it exports to itself).  What the formats hold is
# checked against independent readers by tests/export_reference.sh.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"

cd "$src" || exit 1

if "$bin" export --help >"$tmp/out" 2>"$tmp/err" && grep -q '^usage: benchcov export' "$tmp/out" &&
    grep -q -- '--graph' "$tmp/out" && [ ! -s "$tmp/err" ]; then
    ok "export --help"
else
    bad "export --help does not print its usage on stdout"
fi
if "$bin" --help | grep -q '^  export '; then
    ok "export is in the command list"
else
    bad "export is not in the command list of --help"
fi

# Misuse: 64.
expect 64 "export: --format is required" -- export
expect 64 "invalid value 'xml' for --format: expected 'graphml', 'dot', 'edges' or 'json'$" -- \
    export --format xml
expect 64 "invalid value 'GraphML' for --format: .*\(did you mean 'graphml'\?\)" -- \
    export --format GraphML
expect 64 "invalid value 'task-model' for --graph: expected 'model-dataset', 'model-task', 'dataset-task' or 'all'" -- \
    export --format dot --graph task-model
expect 64 "unexpected argument 'extra'" -- export --format dot extra
expect 64 "option '--out' needs a value" -- export --format dot --out
expect 64 "unknown option '--by'" -- export --format dot --by task

# Missing input: 66; bad data: 65 with its position; nothing written.
expect 66 "cannot open 'no/such/dir" -- export --format edges --data no/such/dir
expect 65 "tests/fixtures/bad/unknown_refs/usage.csv:[0-9]+:[0-9]+: unknown" -- \
    export --format json --data tests/fixtures/bad/unknown_refs
if [ -s "$tmp/out" ]; then bad "a failed export wrote to stdout"; else ok "a failed export writes nothing"; fi

# --out: an earlier file survives a failed run; no temporary stays behind.
printf 'earlier\n' >"$tmp/g.graphml"
expect 65 "" -- export --format graphml --data tests/fixtures/bad/ragged --out "$tmp/g.graphml"
if [ "$(cat "$tmp/g.graphml")" = earlier ]; then
    ok "--out left the earlier file alone"
else
    bad "--out damaged the earlier file on a failed run"
fi
expect 73 "cannot create '$tmp/no/dir/g.dot'" -- export --format dot --out "$tmp/no/dir/g.dot"
for f in graphml dot edges json; do
    "$bin" export --format "$f" >"$tmp/stdout.$f" 2>"$tmp/err" || bad "export --format $f failed"
    "$bin" export --format "$f" --out "$tmp/g.$f" >"$tmp/out" 2>"$tmp/err" ||
        bad "export --format $f --out failed"
    if cmp -s "$tmp/stdout.$f" "$tmp/g.$f" && [ ! -s "$tmp/out" ]; then
        ok "--format $f: --out holds what stdout gets, and stdout stays empty"
    else
        bad "--format $f: --out and stdout differ"
    fi
done
left=$(find "$tmp" -name '.g.*' -print)
if [ -z "$left" ]; then ok "no temporary left"; else bad "temporaries left: $left"; fi

# A full disk: 74.
if [ -w /dev/full ]; then
    "$bin" export --format graphml >/dev/full 2>"$tmp/err"
    rc=$?
    if [ "$rc" -eq 74 ] && grep -q "standard output" "$tmp/err"; then
        ok "stdout on a full disk: 74"
    else
        bad "stdout on a full disk: exit $rc ($(head -c 200 "$tmp/err"))"
    fi
fi

# Same bytes in a decimal-comma locale and another time zone.
loc=$(locale -a 2>/dev/null | grep -iE '^(de_DE|fr_FR)\.utf-?8$' | head -1)
for f in graphml dot edges json; do
    LC_ALL=${loc:-C} TZ=Pacific/Chatham "$bin" export --format "$f" >"$tmp/loc.$f"
    if cmp -s "$tmp/stdout.$f" "$tmp/loc.$f"; then
        ok "--format $f: same bytes under LC_ALL=${loc:-C} TZ=Pacific/Chatham"
    else
        bad "--format $f: output depends on locale or time zone"
    fi
done
# The shipped catalog has fractional hours: written with '.' whatever the locale.
if ! grep -q '>[0-9]*\.[0-9]*</data>' "$tmp/loc.graphml"; then
    bad "no fractional number in the GraphML of the shipped catalog"
fi

# The hostile catalog: every format stays well-formed.
a=tests/fixtures/attack
for f in graphml dot edges json; do
    "$bin" export --data "$a" --format "$f" --out "$tmp/a.$f" || bad "attack: --format $f failed"
done
if command -v xmllint >/dev/null; then
    if xmllint --noout "$tmp/a.graphml" 2>"$tmp/err"; then
        ok "attack: GraphML is well-formed XML"
    else
        bad "attack: GraphML is not well-formed: $(head -c 300 "$tmp/err")"
    fi
fi
# Every node is one line, every edge one line: no catalog line break splits them.
n=$(grep -c '^    <node ' "$tmp/a.graphml")
e=$(grep -c '^    <edge ' "$tmp/a.graphml")
if [ "$n" -eq 27 ] && [ "$e" -eq 78 ]; then
    ok "attack: 27 node and 78 edge lines"
else
    bad "attack: $n node and $e edge lines, expected 27 and 78 (12 + 8 + 7; 24 facts)"
fi
# No raw markup from the catalog inside the XML text.
if grep -q '<script>\|<redirect\|<in |' "$tmp/a.graphml"; then
    bad "attack: a catalog '<' reached the GraphML unescaped"
else
    ok "attack: catalog '<' escaped in GraphML"
fi
if command -v dot >/dev/null; then
    if (cd "$tmp" && dot -Tsvg a.dot >a.svg 2>"$tmp/err") && [ ! -s "$tmp/err" ]; then
        ok "attack: Graphviz draws the DOT without a warning"
    else
        bad "attack: dot -Tsvg: $(head -c 300 "$tmp/err")"
    fi
    [ -z "$(find "$tmp" -name 'PWNED*')" ] || bad "attack: drawing the DOT created a file"
fi
if command -v python3 >/dev/null; then
    if python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$tmp/a.json"; then
        ok "attack: JSON parses"
    else
        bad "attack: JSON does not parse"
    fi
fi
rows=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline=""))))' \
    "$tmp/a.edges" 2>/dev/null || echo "?")
if [ "$rows" = 25 ]; then
    ok "attack: edge list has a header and 24 rows"
else
    bad "attack: edge list has $rows CSV records, expected 25"
fi

# The edge list read back as a one-file catalog exports to the same bytes:
# names, roles, scores and sources survive, quotes and line breaks too.
for c in data tests/fixtures/attack tests/fixtures/export_leaderboard; do
    if "$bin" export --data "$c" --format edges --out "$tmp/e1.csv" &&
        "$bin" export --data "$tmp/e1.csv" --format edges --out "$tmp/e2.csv" &&
        cmp -s "$tmp/e1.csv" "$tmp/e2.csv"; then
        ok "$c: the edge list of the edge list is the same file"
    else
        bad "$c: exporting the exported edge list changes it"
    fi
done

echo "$fail failed"
[ "$fail" -eq 0 ]
