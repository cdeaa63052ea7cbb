#!/usr/bin/env bash
# test_attack.sh - a hostile catalog must not run code or break outputs.
#
# Usage: bash tests/test_attack.sh BENCHCOV_BINARY SOURCE_DIR
#
# tests/fixtures/attack is a valid catalog whose names and paper titles
# are gnuplot, shell and Markdown injections (backquotes, system(), '!',
# names starting with '<' or '|', @macro, $0, EOD, quotes, backslashes,
# '#', pipes, <script>, links, emphasis, embedded newlines).  In a
# temporary directory this writes the report, renders every chart with
# scripts/render-charts.sh (gnuplot runs inside the temporary tree), then
# checks that
#   - no file named PWNED* appeared anywhere in the temporary tree,
#   - every chart script produced NAME.svg and NAME.png,
#   - no chart script line holds a backquote, '@', '$', '<' or '|'
#     outside a double-quoted string, nor starts with '!', system, load,
#     call or shell,
#   - every Markdown table row in README.md has as many unescaped pipes
#     as its header row.
set -euo pipefail

if [ "$#" -ne 2 ]; then
    echo "usage: bash tests/test_attack.sh <benchcov-binary> <source-dir>" >&2
    exit 64
fi
bin=$1
src=$2
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
case "$src" in /*) ;; *) src="$PWD/$src" ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/benchcov attack.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT
fail=0
die() { echo "test_attack: $*" >&2; fail=1; }

cd -- "$tmp"
if ! "$bin" report --data "$src/tests/fixtures/attack" --out "$tmp/r" >"$tmp/report.out" 2>"$tmp/report.err"; then
    echo "test_attack: benchcov report failed on the attack catalog" >&2
    cat -- "$tmp/report.err" >&2
    exit 1
fi
[ -f "$tmp/r/README.md" ] || die "no README.md written"

if ! bash "$src/scripts/render-charts.sh" "$tmp/r" >"$tmp/render.out" 2>"$tmp/render.err"; then
    die "render-charts.sh failed:"
    cat -- "$tmp/render.err" >&2
fi

# No injected command ran, anywhere under the temporary directory.
pwned=$(find "$tmp" -name 'PWNED*' -print)
if [ -n "$pwned" ]; then
    die "a catalog name ran a command; created: $pwned"
fi

# Every chart script rendered both outputs.
shopt -s nullglob
charts=("$tmp/r/charts/"*.gp)
[ "${#charts[@]}" -gt 0 ] || die "no chart scripts in r/charts"
for gp in "${charts[@]}"; do
    base=${gp%.gp}
    [ -s "$base.svg" ] || die "$(basename -- "$base"): no SVG"
    [ -s "$base.png" ] || die "$(basename -- "$base"): no PNG"
    # Outside double-quoted strings (escapes honoured) nothing from the
    # catalog may appear: check the characters that would run or expand it.
    bad=$(awk '
        /^#/ { next }
        {
            out = ""; ins = 0; n = length($0)
            for (i = 1; i <= n; i++) {
                c = substr($0, i, 1)
                if (ins && c == "\\") { i++; continue }
                if (c == "\"") { ins = !ins; continue }
                if (!ins) out = out c
            }
            if (ins || out ~ /[`@$<|'"'"']/ || out ~ /^[ \t]*(!|system|load|call|shell)/)
                print FILENAME ":" FNR ": " $0
        }' "$gp")
    [ -z "$bad" ] || die "unsafe chart script line: $bad"
done

# Markdown tables keep their columns: count pipes not escaped by a
# backslash, outside fenced code blocks.
if [ -f "$tmp/r/README.md" ]; then
    bad=$(awk '
        function pipes(s,    i, n, c, k) {
            n = 0; k = length(s)
            for (i = 1; i <= k; i++) {
                c = substr(s, i, 1)
                if (c == "\\") { i++; continue }
                if (c == "|") n++
            }
            return n
        }
        /^```/ { fence = !fence; want = -1; next }
        fence { next }
        /^\|/ {
            n = pipes($0)
            if (want < 0) { want = n; head = FNR }
            else if (n != want)
                print "README.md:" FNR ": " n " pipes, header (line " head ") has " want
            next
        }
        { want = -1 }
        BEGIN { want = -1 }' "$tmp/r/README.md")
    [ -z "$bad" ] || die "broken Markdown table rows:
$bad"
    grep -q '^|' "$tmp/r/README.md" || die "README.md has no table"
fi

if [ "$fail" -ne 0 ]; then
    exit 1
fi
echo "test_attack: ok (${#charts[@]} charts rendered, no injection)"
