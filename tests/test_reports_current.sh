#!/usr/bin/env bash
# tests/test_reports_current.sh BINARY SOURCE_DIR - fails when the committed
# reports/ is stale: regenerates the report from data/ and compares every
# file byte for byte (the rendered .svg and .png are checked for presence;
# scripts/render-charts.sh redraws them), and fails on any file that the
# report no longer writes.
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 1
"$bin" report --data data --out "$tmp/r" || { echo "FAIL: report exited $?"; exit 1; }
fail=0
if ! diff -r --exclude='*.svg' --exclude='*.png' reports "$tmp/r"; then
    echo "FAIL: reports/ is stale: run 'bash scripts/run.sh' and commit reports/"
    fail=1
fi
for gp in reports/charts/*.gp; do
    for ext in svg png; do
        [ -s "${gp%.gp}.$ext" ] || { echo "FAIL: ${gp%.gp}.$ext is missing"; fail=1; }
    done
done
[ $fail -eq 0 ] && echo "ok: reports/ is current"
exit $fail
