#!/usr/bin/env bash
# bench/export.sh - how fast `benchcov export` writes a large catalog, as
# ratios against peers run in the same session on the same input:
#   - `benchcov check` on the same catalog (loading and validation alone:
#     what export costs beyond reading the catalog);
#   - Python's csv module doing the edge list's job (bench/export_peer.py
#     edges: read, resolve names, write the same rows);
#   - networkx building the graph and writing GraphML (export_peer.py
#     graphml; 100k rows only, it takes minutes at 1M).
# Catalogs come from `bench_metrics gen` (60 tasks, rows/100 models, 2000
# datasets, names spelled through aliases).  Times are wall-clock, best
# of 2; output sizes in MB; peak memory (KB, GNU time) shows the streaming.
#
#     bash bench/export.sh [--quick]    # --quick: 100k rows only
#
# Needs gcc, libcsv, igraph, glpk (the build), GNU time, /usr/bin/python3
# with python3-networkx for the peers (skipped when absent).
set -euo pipefail
export LC_ALL=C
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
quick=0
[ "${1:-}" = --quick ] && quick=1

tmp=$(mktemp -d "${TMPDIR:-/tmp}/benchcov-export-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "== building benchcov (RelWithDebInfo) and bench_metrics (gcc -O2)"
cmake -S . -B "$tmp/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
cmake --build "$tmp/build" -j2 --target benchcov >/dev/null
bin=$tmp/build/benchcov
srcs=()
for s in analyzer/*.c; do [ "$s" = analyzer/main.c ] || srcs+=("$s"); done
# shellcheck disable=SC2046
gcc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ianalyzer "${srcs[@]}" \
    bench/bench_metrics.c -o "$tmp/bm" $(pkg-config --cflags --libs igraph) -lcsv -lglpk -lm

py=/usr/bin/python3
have_py=0
[ -x "$py" ] && have_py=1
have_nx=0
[ $have_py = 1 ] && "$py" -c 'import networkx' 2>/dev/null && have_nx=1

# best CMD...: prints the best wall time of two runs, in seconds; the peak
# resident memory of the last run goes to $tmp/mem.
best() {
    local b=999999 t
    for _ in 1 2; do
        /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null
        t=$(cut -d' ' -f1 "$tmp/time")
        cut -d' ' -f2 "$tmp/time" >"$tmp/mem"
        b=$(awk -v a="$b" -v c="$t" 'BEGIN { print (c < a ? c : a) }')
    done
    echo "$b"
}

rows=(100000)
[ $quick = 1 ] || rows+=(1000000)
printf '%-8s %-8s %8s %9s %9s %10s %10s\n' rows what MB seconds x_check peak_KB peer/bc
for n in "${rows[@]}"; do
    cat=$tmp/cat_$n
    "$tmp/bm" gen "$cat" "$n" 1 >/dev/null
    check=$(best "$bin" check --data "$cat")
    printf '%-8s %-8s %8s %9s %9s %10s %10s\n' "$n" check - "$check" 1 "$(cat "$tmp/mem")" -
    for f in edges graphml dot json; do
        t=$(best "$bin" export --data "$cat" --format "$f" --out "$tmp/out.$f")
        mb=$(awk -v b="$(stat -c %s "$tmp/out.$f")" 'BEGIN { printf "%.0f", b / 1e6 }')
        peer=-
        if [ "$f" = edges ] && [ $have_py = 1 ]; then
            p=$("$py" bench/export_peer.py edges "$cat" "$tmp/peer.csv" | cut -f3)
            peer=$(awk -v p="$p" -v t="$t" 'BEGIN { printf "%.1f", p / t }')
            # The peer must have written the same file, byte for byte.
            cmp -s "$tmp/peer.csv" "$tmp/out.edges" || peer="$peer(differs!)"
        fi
        if [ "$f" = graphml ] && [ $have_nx = 1 ] && [ "$n" -le 100000 ]; then
            p=$("$py" bench/export_peer.py graphml "$cat" "$tmp/peer.graphml" | cut -f3)
            peer=$(awk -v p="$p" -v t="$t" 'BEGIN { printf "%.1f", p / t }')
        fi
        printf '%-8s %-8s %8s %9s %9s %10s %10s\n' "$n" "$f" "$mb" "$t" \
            "$(awk -v a="$t" -v c="$check" 'BEGIN { printf "%.2f", a / c }')" \
            "$(cat "$tmp/mem")" "$peer"
        rm -f "$tmp/out.$f"
    done
    rm -rf "$cat"
done
