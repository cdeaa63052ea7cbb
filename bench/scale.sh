#!/usr/bin/env bash
# bench/scale.sh - whole-process scale table: each benchcov command on
# generated catalogs (bench/gen_catalog.py, survey and leaderboard shapes)
# at growing model counts, wall time and peak RSS from /usr/bin/time, the
# growth exponent between consecutive sizes (log time ratio / log size
# ratio), and the peers on the same files in the same run: Python's
# csv.reader splitting usage.csv, pandas/scipy coverage counts and sparse
# all-pairs Jaccard (below 100,000 models).  Not part of the test suite.
#
#     bench/scale.sh BENCHCOV_BINARY [SIZES...]     (default sizes 1000 10000 100000)
#
# Each step has a 300 s limit; a step over it prints 'timeout'.
set -uo pipefail
export LC_ALL=C
bin=$(realpath "$1")
shift
sizes=${*:-1000 10000 100000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # command... -> "secs rss_mb"
    local out=$work/time
    if timeout 300 /usr/bin/time -f '%e %M' -o "$out" "$@" >/dev/null 2>"$work/err"; then
        awk '{ printf "%.2f %.0f", $1, $2 / 1024 }' "$out"
    else
        echo "timeout -"
    fi
}

printf '%-12s %-9s %-22s %9s %8s %7s\n' shape models command seconds rss_MB exp_t
for shape in survey leaderboard; do
    prev_n="" ; declare -A prev=()
    for n in $sizes; do
        dir=$work/$shape-$n
        python3 "$here/gen_catalog.py" "$shape" "$n" "$dir" 1
        for cmd in "check" "metrics" "plan --format csv" "report" "csv.reader" "pandas"; do
            case $cmd in
            csv.reader) r=$(measure /usr/bin/python3 "$here/pandas_peer.py" "$dir" split) ;;
            pandas)
                if [ "$n" -lt 100000 ]; then
                    r=$(measure /usr/bin/python3 "$here/pandas_peer.py" "$dir" coverage)
                else
                    r="skipped -"
                fi ;;
            report) r=$(measure "$bin" report --data "$dir" --out "$dir/r") ;;
            *) r=$(measure "$bin" $cmd --data "$dir") ;;
            esac
            set -- $r
            e="-"
            if [ -n "$prev_n" ] && [[ ${prev[$cmd]:-x} =~ ^[0-9.]+$ ]] && [[ $1 =~ ^[0-9.]+$ ]]; then
                e=$(awk -v a="${prev[$cmd]}" -v b="$1" -v m="$prev_n" -v n="$n" \
                    'BEGIN { if (a < 0.05) a = 0.05; if (b < 0.05) b = 0.05;
                             printf "%.2f", log(b / a) / log(n / m) }')
            fi
            printf '%-12s %-9s %-22s %9s %8s %7s\n' "$shape" "$n" "$cmd" "$1" "$2" "$e"
            prev[$cmd]=$1
        done
        prev_n=$n
        rm -rf "$dir"
    done
done
