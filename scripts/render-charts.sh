#!/usr/bin/env bash
# render-charts.sh - renders the gnuplot charts of a benchcov report.
#
# Usage: scripts/render-charts.sh DIR   (installed as benchcov-render-charts)
#
# Runs `gnuplot NAME.gp` for every DIR/charts/*.gp inside DIR/charts (the
# scripts read NAME.dat and write NAME.svg and NAME.png there), with
# LC_ALL=C.  Fails, naming the chart, when gnuplot exits non-zero or
# prints anything on stderr (errors and warnings alike), when an SVG does
# not parse as XML, or when a PNG lacks the PNG signature.  File names are
# only ever passed as quoted arguments, never evaluated.
set -euo pipefail

usage="usage: ${0##*/} <report-dir>"
if [ "$#" -eq 1 ] && { [ "$1" = "-h" ] || [ "$1" = "--help" ]; }; then
    echo "$usage"
    exit 0
fi
if [ "$#" -ne 1 ]; then
    echo "$usage" >&2
    exit 64
fi

charts="$1/charts"
if [ ! -d "$charts" ]; then
    echo "render-charts: no charts directory in '$1'" >&2
    exit 66
fi
if ! command -v gnuplot >/dev/null 2>&1; then
    echo "render-charts: gnuplot not found (install gnuplot-nox)" >&2
    exit 69
fi

# How SVG files are checked: xmllint, else Debian's python3, else the
# python3 on PATH.
svg_ok() {
    if command -v xmllint >/dev/null 2>&1; then
        xmllint --noout "$1" 2>/dev/null
    else
        local py=python3
        [ -x /usr/bin/python3 ] && py=/usr/bin/python3
        "$py" -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' "$1" 2>/dev/null
    fi
}

png_ok() {
    local sig
    sig=$(head -c 8 -- "$1" | od -An -tx1 | tr -d ' \n')
    [ "$sig" = "89504e470d0a1a0a" ]
}

cd -- "$charts"
shopt -s nullglob
scripts=(*.gp)
if [ "${#scripts[@]}" -eq 0 ]; then
    echo "render-charts: no .gp files in '$charts'" >&2
    exit 66
fi

failed=0
errfile=$(mktemp "${TMPDIR:-/tmp}/render-charts.XXXXXX")
trap 'rm -f -- "$errfile"' EXIT
for gp in "${scripts[@]}"; do
    name=${gp%.gp}
    rm -f -- "./$name.svg" "./$name.png"
    if ! LC_ALL=C gnuplot "./$gp" 2>"$errfile" </dev/null >/dev/null; then
        echo "render-charts: $name: gnuplot failed" >&2
        sed 's/^/  /' -- "$errfile" >&2
        failed=1
        continue
    fi
    if [ -s "$errfile" ]; then
        echo "render-charts: $name: gnuplot printed warnings" >&2
        sed 's/^/  /' -- "$errfile" >&2
        failed=1
        continue
    fi
    if [ ! -s "./$name.svg" ] || ! svg_ok "./$name.svg"; then
        echo "render-charts: $name: $name.svg missing or not well-formed XML" >&2
        failed=1
    fi
    if [ ! -s "./$name.png" ] || ! png_ok "./$name.png"; then
        echo "render-charts: $name: $name.png missing or not a PNG" >&2
        failed=1
    fi
done

if [ "$failed" -ne 0 ]; then
    exit 1
fi
echo "render-charts: rendered ${#scripts[@]} charts in $charts"
