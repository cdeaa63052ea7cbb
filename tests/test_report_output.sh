#!/usr/bin/env bash
# tests/test_report_output.sh BINARY SOURCE_DIR - what `report` may
# overwrite and `report --render`: a README.md benchcov did not write is
# refused (73, untouched) unless --force; its own (marker on the first
# line) is replaced; --render runs gnuplot itself and renders, without a
# warning, catalogs whose charts have no data (tests/fixtures/render:
# a header-only catalog, usage rows naming no dataset); a missing gnuplot
# is a clear 73.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"
cd "$src" || exit 1

mkdir -p "$tmp/site"
printf '# My survey\n\nHand-written.\n' >"$tmp/site/README.md"
cp "$tmp/site/README.md" "$tmp/mine.md"
"$bin" report --data tests/fixtures/good --out "$tmp/site" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 73 ] && grep -q "^benchcov: refusing to overwrite '$tmp/site/README.md': benchcov report did not write it" "$tmp/err" &&
    cmp -s "$tmp/site/README.md" "$tmp/mine.md" && [ ! -e "$tmp/site/charts" ]; then
    ok "a README.md benchcov did not write: 73, untouched, nothing written"
else
    bad "foreign README.md: exit $rc, $(cat "$tmp/err")"
fi
if "$bin" report --data tests/fixtures/good --out "$tmp/site" --force 2>"$tmp/err" &&
    [ "$(head -n 1 "$tmp/site/README.md")" = "<!-- written by benchcov report: edits are overwritten -->" ]; then
    ok "--force overwrites it, marker first"
else
    bad "--force: $(cat "$tmp/err")"
fi
if "$bin" report --data tests/fixtures/good --out "$tmp/site" 2>"$tmp/err"; then
    ok "its own README.md is replaced without --force"
else
    bad "own README.md refused: $(cat "$tmp/err")"
fi

# One colour per modality or facet value across every chart of the shipped
# report, and one value per colour (today's bug: a colour meaning music in
# one chart and text in another).
"$bin" report --data data --out "$tmp/shipped" 2>"$tmp/err" || bad "report of data/: $(cat "$tmp/err")"
if pairs=$(grep -ho 'keyentry with boxes lc rgb "#[0-9A-Fa-f]*" title "[^"]*"' "$tmp/shipped"/charts/*.gp |
    sed 's/.*rgb "\(#[0-9A-Fa-f]*\)" title "\(.*\)"/\1 \2/' | sort -u) && [ -n "$pairs" ]; then
    values=$(printf '%s\n' "$pairs" | cut -d' ' -f2- | sort | uniq -d)
    colours=$(printf '%s\n' "$pairs" | cut -d' ' -f1 | sort | uniq -d)
    if [ -z "$values" ] && [ -z "$colours" ]; then
        ok "$(printf '%s\n' "$pairs" | wc -l) category colours, one per value across the charts"
    else
        bad "values with two colours: '$values'; colours with two values: '$colours'"
    fi
else
    bad "no category key entries in the shipped charts"
fi
if grep -q 'keyentry with boxes fs empty lc rgb "#404040" title "not covered"' "$tmp/shipped/charts/coverage_matrix.gp" &&
    ! grep -q 'palette' "$tmp/shipped/charts/coverage_matrix.gp"; then
    ok "coverage matrix: a discrete legend of its three states"
else
    bad "coverage matrix legend is not discrete"
fi

if ! command -v gnuplot >/dev/null 2>&1; then
    echo "skip: gnuplot is not installed (the rest renders charts)"
    [ "$fail" -eq 0 ] || exit 1
    exit 77
fi
for c in header_only no_datasets; do
    if "$bin" report --data "tests/fixtures/render/$c" --out "$tmp/$c" --render 2>"$tmp/err" &&
        [ ! -s "$tmp/err" ]; then
        n=$(find "$tmp/$c/charts" -name '*.svg' | wc -l)
        m=$(find "$tmp/$c/charts" -name '*.png' | wc -l)
        if [ "$n" -eq 8 ] && [ "$m" -eq 8 ]; then ok "$c: --render drew 8 SVG + 8 PNG, no warning"; else bad "$c: $n SVG, $m PNG"; fi
    else
        bad "$c: report --render: $(cat "$tmp/err")"
    fi
    if bash scripts/render-charts.sh "$tmp/$c" >/dev/null 2>"$tmp/err"; then
        ok "$c: render-charts.sh finds no warning either"
    else
        bad "$c: render-charts.sh: $(cat "$tmp/err")"
    fi
done
# No gnuplot on PATH: a clear message and 73, the report itself written.
env PATH=/nonexistent "$bin" report --data tests/fixtures/good --out "$tmp/nognu" --render 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 73 ] && grep -q "cannot run gnuplot for chart 'task_coverage' (install gnuplot-nox)" "$tmp/err" &&
    [ -s "$tmp/nognu/README.md" ]; then
    ok "no gnuplot: 73 with a message"
else
    bad "no gnuplot: exit $rc, $(head -c 300 "$tmp/err")"
fi
finish "report output"
