#!/usr/bin/env bash
# scripts/bench.sh - measures benchcov's performance claims as ratios
# against peers run in the same session (see bench/README.md): NODF by
# sparse co-occurrence against the textbook dense NODF and vegan's
# nestednodf, model-pair overlap against a dense M x D scan, and catalog
# loading against Python's csv module.  Builds bench/bench_metrics with
# gcc -O2 against the analyzer sources (outside CMake: nothing here runs
# under ctest), runs everything and prints the tables.
#
#     scripts/bench.sh [--quick] [--vegan-large] [--callgrind]
#
#   --quick        skip the slowest peers (dense NODF at 5000 x 8000, vegan
#                  at 1000 x 1500, 1e6 loading rows): about half a minute
#   --vegan-large  also run vegan at 2000 x 3000 (adds minutes)
#   --callgrind    also count instructions with valgrind --tool=callgrind
#                  (repeatable where times are not; small sizes only)
#
# The default run takes under three minutes on two idle cores.
set -euo pipefail
export LC_ALL=C
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

quick=0 vegan_large=0 callgrind=0
for arg in "$@"; do
    case $arg in
    --quick) quick=1 ;;
    --vegan-large) vegan_large=1 ;;
    --callgrind) callgrind=1 ;;
    -h | --help)
        sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "bench.sh: unknown option '$arg'" >&2
        exit 64
        ;;
    esac
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/benchcov-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# The analyzer sources the benchmark calls, built as CMake's
# RelWithDebInfo builds them (-O2); the peers are compiled with the same
# flags in the same program.
sources=(error incidence nested overlap bipartite catalog names fmt rng nameorder)
cflags=(-std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra
        -Ianalyzer)
bm=$tmp/bench_metrics
echo "== building bench/bench_metrics (gcc -O2)"
srcs=()
for s in "${sources[@]}"; do srcs+=("analyzer/$s.c"); done
gcc "${cflags[@]}" "${srcs[@]}" bench/bench_metrics.c -o "$bm" -lcsv -lm

have_vegan=0
if command -v Rscript >/dev/null 2>&1 &&
    Rscript -e 'quit(status = !requireNamespace("vegan", quietly = TRUE))' >/dev/null 2>&1; then
    have_vegan=1
fi
python=/usr/bin/python3
[ -x $python ] || python=

# Ratios: three significant digits, no exponent (fmt_num-compatible).
r3='function r3(x) { return x >= 100 ? sprintf("%d", x + 0.5) : sprintf("%.3g", x) }'

echo
echo "machine: $(nproc) cores, $(uname -m), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u +%Y-%m-%d)"

# ---------------------------------------------------------------- NODF
# size (rows cols), density, reps, budget in seconds per timed function,
# run the dense peer, run vegan
nodf_runs=(
    "500 800 0.02 5 3 1 1"
    "1000 1500 0.02 5 3 1 $((1 - quick))"
    "2000 3000 0.02 3 5 1 $vegan_large"
    "5000 8000 0.01 3 5 $((1 - quick)) 0"
)
echo
echo "== 1. NODF: nested_nodf (sparse co-occurrence) against dense peers"
echo "   skewed column popularity (weight ~ 1/(c+1)^0.7), best of N, seconds"
printf '%-11s %8s %11s %11s %9s %11s %9s  %s\n' size ones benchcov dense \
    dense/bc vegan vegan/bc "same value"
fail=0
for run in "${nodf_runs[@]}"; do
    read -r R C dens reps budget dense vegan <<<"$run"
    [ $have_vegan = 1 ] || vegan=0
    mat=$tmp/m_${R}x$C.txt
    line=$("$bm" nodf "$R" "$C" "$dens" skewed 1 "$reps" "$budget" "$dense" "$mat" \
        2>"$tmp/nodf.full") || fail=1
    vline=""
    if [ "$vegan" = 1 ]; then
        vline=$(Rscript bench/vegan_nodf.R "$mat" 1)
    fi
    full=$(cat "$tmp/nodf.full")
    awk -F'\t' -v v="$vline" -v full="$full" "$r3"'
        function rel(a, b) { d = a - b; if (d < 0) d = -d; s = (a < 0 ? -a : a) + (b < 0 ? -b : b); return d / (s > 1 ? s : 1) }
        {
            size = $2 "x" $3
            dense = $7 < 0 ? "-" : $7
            dratio = $7 < 0 ? "-" : r3($7 / $5)
            same = $13 == 1 ? "dense yes" : ($13 == 0 ? "dense NO" : "")
            vt = "-"; vratio = "-"
            if (v != "") {
                split(v, f, "\t"); split(full, g, " ")
                vt = f[2]; vratio = r3(f[2] / $5)
                ok = rel(f[4], g[4]) < 1e-9 && rel(f[5], g[5]) < 1e-9 && rel(f[6], g[6]) < 1e-9
                same = same (same == "" ? "" : ", ") (ok ? "vegan yes" : "vegan NO")
            }
            if (same == "") same = "-"
            printf "%-11s %8s %11s %11s %9s %11s %9s  %s (NODF %s)\n", size, $4, $5, dense, dratio, vt, vratio, same, $9
        }' <<<"$line"
    case $line in *$'\t'0) fail=1 ;; esac
    if [ -n "$vline" ]; then
        awk -F'\t' -v full="$full" 'function rel(a, b) { d = a - b; if (d < 0) d = -d; s = (a < 0 ? -a : a) + (b < 0 ? -b : b); return d / (s > 1 ? s : 1) }
            { split(full, g, " "); if (!(rel($4, g[4]) < 1e-9)) exit 1 }' <<<"$vline" || fail=1
    fi
done

# ------------------------------------------------------------- overlap
echo
echo "== 2. overlap of every model pair: overlap_compute against a dense M x D scan"
echo "   D = 2M datasets (skewed popularity), T = 60 tasks, ~2% density, seconds"
printf '%-6s %6s %8s %8s %11s %11s %9s  %s\n' M D dt-pairs ones benchcov dense dense/bc \
    "same counts"
for M in 500 2000; do
    line=$("$bm" overlap "$M" $((2 * M)) 60 0.02 1 3 5) || fail=1
    awk -F'\t' "$r3"'{ printf "%-6s %6s %8s %8s %11s %11s %9s  %s\n", $2, $3, $5, $6, $7, $9,
                  r3($9 / $7), $12 == 1 ? "yes" : "NO" }' <<<"$line"
done

# ------------------------------------------------------------- loading
echo
echo "== 3. catalog loading: catalog_load against Python's csv module"
echo "   generated catalog (60 tasks, rows/100 models, 2000 datasets), seconds"
if [ -z "$python" ]; then
    echo "   (skipped: /usr/bin/python3 not found)"
else
    printf '%-9s %9s %11s %11s %9s %11s %9s\n' rows MB benchcov py-parse parse/bc \
        py-resolve resolve/bc
    load_rows=(100000)
    [ $quick = 1 ] || load_rows+=(1000000)
    for n in "${load_rows[@]}"; do
        dir=$tmp/cat_$n
        "$bm" gen "$dir" "$n" 1 >/dev/null
        line=$("$bm" load "$dir" 3 10)
        py=$("$python" bench/load_peer.py "$dir" 3)
        awk -F'\t' -v py="$py" "$r3"'
            {
                n = split(py, l, "\n"); split(l[1], p, "\t"); split(l[2], r, "\t")
                printf "%-9s %9.3g %11s %11s %9s %11s %9s\n", $2, $3 / 1e6, $4, p[3],
                       r3(p[3] / $4), r[3], r3(r[3] / $4)
            }' <<<"$line"
        rm -rf "$dir"
    done
fi

# ----------------------------------------------------------- callgrind
if [ $callgrind = 1 ]; then
    echo
    echo "== instruction counts (valgrind --tool=callgrind), inclusive of each function"
    if ! command -v valgrind >/dev/null 2>&1; then
        echo "   (skipped: valgrind not found)"
    else
        count() { # FUNCTION ARGS... -> instructions executed inside FUNCTION
            local fn=$1
            shift
            valgrind --tool=callgrind --toggle-collect="$fn" \
                --callgrind-out-file="$tmp/cg.out" "$bm" "$@" >/dev/null 2>"$tmp/cg.err"
            awk '/^summary:/ { print $2 }' "$tmp/cg.out"
        }
        printf '%-28s %15s %15s %9s\n' case benchcov dense dense/bc
        a=$(count nested_nodf nodf 500 800 0.02 skewed 1 1 0 1)
        b=$(count dense_nodf nodf 500 800 0.02 skewed 1 1 0 1)
        awk -v a="$a" -v b="$b" "$r3"'BEGIN { printf "%-28s %15s %15s %9s\n", "nodf 500x800", a, b, r3(b / a) }'
        a=$(count overlap_compute overlap 500 1000 60 0.02 1 1 0)
        b=$(count dense_overlap overlap 500 1000 60 0.02 1 1 0)
        awk -v a="$a" -v b="$b" "$r3"'BEGIN { printf "%-28s %15s %15s %9s\n", "overlap M=500", a, b, r3(b / a) }'
    fi
fi

echo
if [ $fail = 0 ]; then
    echo "all values agree with their peers"
else
    echo "bench.sh: a value differs from its peer" >&2
    exit 1
fi
