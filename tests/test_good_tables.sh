#!/usr/bin/env bash
# tests/test_good_tables.sh BINARY SOURCE_DIR - the report tables of the
# good fixture that were checked only against snapshots, row by row
# against tests/fixtures/good_reference.txt, written from the definitions
# by tests/reference/good_fixture_reference.py: concentration.csv,
# bridging.csv, communities (metrics), robustness.csv (the most-used curve
# exactly; the random curve, a mean of seeded runs, within 4 standard
# errors of its exact expectation over every order).
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"

cd "$src" || exit 1
ref=tests/fixtures/good_reference.txt
"$bin" report --data tests/fixtures/good --out "$tmp/r" >/dev/null || { echo "FAIL: report"; exit 1; }
"$bin" metrics --data tests/fixtures/good --format csv >"$tmp/metrics.csv" || exit 1
runs=$(sed -n 's/^robustness_runs,//p' "$tmp/metrics.csv")
[ -n "$runs" ] || runs=100

while read -r kind a b c d e; do
    case $kind in
        row)
            line="$b${c:+ $c}${d:+ $d}${e:+ $e}"
            if grep -qxF -- "$line" "$tmp/r/tables/$a"; then
                ok "$a: $line"
            else
                bad "$a lacks '$line'"
            fi ;;
        metric)
            got=$(sed -n "s/^$a,//p" "$tmp/metrics.csv")
            if [ "$got" = "$b" ]; then ok "metric $a = $b"; else bad "metric $a: '$got', expected '$b'"; fi ;;
        robustness)
            # a = withdrawn, b = share, c = most_used, d = exact mean, e = sd of one run
            row=$(awk -F, -v k="$a" '$1 == k' "$tmp/r/tables/robustness.csv")
            IFS=, read -r w share most random <<<"$row"
            if [ "$w,$share,$most" != "$a,$b,$c" ]; then
                bad "robustness.csv row $a: '$row', expected '$a,$b,$c,...'"
            elif awk -v x="$random" -v m="$d" -v s="$e" -v n="$runs" \
                'BEGIN { t = 4 * s / sqrt(n); if (t < 1e-6) t = 1e-6; exit !((x - m) ^ 2 <= t * t) }'; then
                ok "robustness.csv row $a: $row (random: exact mean $d)"
            else
                bad "robustness.csv row $a: random $random is not within 4 standard errors of $d"
            fi ;;
    esac
done < <(grep -v '^#' "$ref")

finish "good-fixture table"
