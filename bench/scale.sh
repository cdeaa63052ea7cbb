#!/usr/bin/env bash
# bench/scale.sh - whole-process scale table: each benchcov command on
# generated catalogs (bench/gen_catalog.py, survey and leaderboard shapes)
# at growing model counts, with wall time, user+system CPU time and peak
# RSS from /usr/bin/time, the growth exponents between consecutive sizes,
# and the peers on the same files in the same run:
#   csv.reader  Python's csv module splitting usage.csv (the yardstick of check)
#   pandas      pandas/scipy coverage counts and sparse all-pairs Jaccard
#               (bench/pandas_peer.py; below 100,000 models)
#   networkx    Louvain communities, Barber modularity and betweenness with
#               benchcov's number of sources (bench/networkx_peer.py)
#   vegan       vegan::nestednodf of models x datasets (bench/vegan_peer.R)
# The last column checks a peer's answer against benchcov's where both are
# exact: vegan's NODF against `metrics`, networkx's exact betweenness
# against the report's tables/bridging.csv (same/differs).  A summary at
# the end gives, per shape and command, the growth exponents of wall time,
# CPU time and peak RSS from the smallest size of at least 10,000 models to
# the largest size run, flagged ok or OVER against 1.2.  Not part of the
# test suite.
#
#     bench/scale.sh BENCHCOV_BINARY [SIZES...]   (default sizes 1000 10000 100000)
#
# Environment:
#   BENCH_TIMEOUT=S         limit of each step in seconds (default 600);
#                           a step over it prints 'timeout'
#   BENCH_CACHE=DIR         keep generated catalogs in DIR/SHAPE-SIZE (seed 1)
#                           or DIR/SHAPE-SIZE-seedN and reuse them
#   BENCH_SEED=N            generator seed (default 1)
#   BENCH_NETWORKX_MAX=N    largest model count networkx runs at (default 100000)
#   BENCH_VEGAN_WORK=W      largest pair work M(M-1)/2*D + D(D-1)/2*M vegan
#                           runs at (default 3e9; 2e9 took 25 s of CPU)
set -uo pipefail
export LC_ALL=C
if [ $# -lt 1 ]; then
    echo "usage: bench/scale.sh BENCHCOV_BINARY [SIZES...]" >&2
    exit 64
fi
bin=$(realpath "$1")
shift
read -r -a sizes <<<"${*:-1000 10000 100000}"
limit=${BENCH_TIMEOUT:-600}
cache=${BENCH_CACHE:-}
seed=${BENCH_SEED:-1}
nx_max=${BENCH_NETWORKX_MAX:-100000}
vegan_work=${BENCH_VEGAN_WORK:-3e9}
py=/usr/bin/python3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/benchcov-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
commands=("check" "metrics --format csv" "plan --format csv" "plan" "report"
          "csv.reader" "pandas" "networkx" "vegan")

# catalog SHAPE N: prints the directory of the generated catalog, made
# once per run or, with BENCH_CACHE, once per cache (written beside and
# renamed into place, so a directory there is always complete).
catalog() {
    local key=$1-$2
    [ "$seed" = 1 ] || key=$key-seed$seed
    if [ -z "$cache" ]; then
        echo "generating $key" >&2
        "$py" "$here/gen_catalog.py" "$1" "$2" "$work/$key" "$seed" && echo "$work/$key"
        return
    fi
    if [ ! -f "$cache/$key/usage.csv" ]; then
        echo "generating $key into $cache" >&2
        mkdir -p "$cache" || return 1
        local tmp
        tmp=$(mktemp -d "$cache/.$key.XXXXXX") || return 1
        chmod 755 "$tmp"
        if ! "$py" "$here/gen_catalog.py" "$1" "$2" "$tmp" "$seed" ||
            ! mv -T "$tmp" "$cache/$key" 2>/dev/null; then
            rm -rf "$tmp"
        fi
    fi
    [ -f "$cache/$key/usage.csv" ] && echo "$cache/$key"
}

# measure COMMAND...: runs it under the time limit with its output in
# $work/stdout; sets r to "wall cpu rss_MB", or "timeout - -" / "exitN - -".
measure() {
    rm -f "$work/time"
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" timeout -k 10 "$limit" "$@" \
        >"$work/stdout" 2>"$work/stderr"
    local rc=$?
    if [ "$rc" -eq 0 ]; then
        r=$(tail -n 1 "$work/time" | awk '{ printf "%.2f %.2f %.0f", $1, $2 + $3, $4 / 1024 }')
    elif [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        r="timeout - -"
    else
        r="exit$rc - -"
    fi
}

# exponent A B N1 N2: log(B/A)/log(N2/N1), values under 0.05 counted as
# 0.05 (timer resolution and fixed costs); '-' unless both are numbers.
exponent() {
    if [[ $1 =~ ^[0-9.]+$ && $2 =~ ^[0-9.]+$ ]] && [ "$3" != "$4" ]; then
        awk -v a="$1" -v b="$2" -v m="$3" -v n="$4" \
            'BEGIN { if (a < 0.05) a = 0.05; if (b < 0.05) b = 0.05;
                     printf "%.2f", log(b / a) / log(n / m) }'
    else
        echo "-"
    fi
}

metric() { # NAME FILE -> value of NAME in a metrics CSV, or nothing
    awk -F, -v k="$1" '$1 == k { print $2 }' "$2" 2>/dev/null
}

declare -A res=()
notes=()
fmt='%-12s %-8s %-20s %8s %8s %7s %6s %6s %6s  %s\n'
# shellcheck disable=SC2059
printf "$fmt" shape models command wall_s cpu_s rss_MB exp_t exp_c exp_m answer
for shape in survey leaderboard; do
    prev_n=""
    for n in "${sizes[@]}"; do
        if ! dir=$(catalog "$shape" "$n"); then
            echo "bench/scale.sh: cannot generate the $shape catalog of $n models" >&2
            exit 1
        fi
        out=$work/report
        rm -rf "$out" "$work/metrics.csv"
        for cmd in "${commands[@]}"; do
            answer=""
            case $cmd in
            check | plan*) read -r -a argv <<<"$cmd"; measure "$bin" "${argv[@]}" --data "$dir" ;;
            metrics*)
                measure "$bin" metrics --format csv --data "$dir"
                cp "$work/stdout" "$work/metrics.csv" ;;
            report) measure "$bin" report --data "$dir" --out "$out" ;;
            csv.reader) measure "$py" "$here/pandas_peer.py" "$dir" split ;;
            pandas)
                if [ "$n" -lt 100000 ]; then
                    measure "$py" "$here/pandas_peer.py" "$dir" coverage
                else
                    r="skipped - -" answer="O(M^2) sparse product"
                fi ;;
            networkx)
                k=$(metric betweenness_sources "$work/metrics.csv")
                if [ "$n" -gt "$nx_max" ]; then
                    r="skipped - -" answer="above BENCH_NETWORKX_MAX=$nx_max"
                elif [ -z "$k" ]; then
                    r="skipped - -" answer="no betweenness_sources: metrics did not finish"
                else
                    measure "$py" "$here/networkx_peer.py" "$dir" "$k" "$work/nx.csv"
                    if [[ ${r%% *} =~ ^[0-9] ]]; then
                        line=$(cat "$work/stdout")
                        notes+=("$shape $n networkx: $line; benchcov: communities=$(metric communities "$work/metrics.csv") modularity_barber=$(metric modularity_barber "$work/metrics.csv")")
                        if [[ $line == *exact=1* ]]; then
                            if [ -f "$out/tables/bridging.csv" ]; then
                                answer=$("$py" "$here/same_values.py" "$work/nx.csv" "$out/tables/bridging.csv")
                            else
                                answer="- (no report tables/bridging.csv)"
                            fi
                        else
                            answer="sampled, $k sources"
                        fi
                    fi
                fi ;;
            vegan)
                nm=$(($(wc -l <"$dir/models.csv") - 1))
                nd=$(($(wc -l <"$dir/datasets.csv") - 1))
                w=$(awk -v m="$nm" -v d="$nd" 'BEGIN { printf "%.3g", m * (m - 1) / 2 * d + d * (d - 1) / 2 * m }')
                if awk -v w="$w" -v max="$vegan_work" 'BEGIN { exit !(w > max) }'; then
                    r="skipped - -" answer="pair work $w > BENCH_VEGAN_WORK=$vegan_work"
                else
                    measure Rscript "$here/vegan_peer.R" "$dir"
                    if [[ ${r%% *} =~ ^[0-9] ]]; then
                        cp "$work/stdout" "$work/vegan.csv"
                        if [ -s "$work/metrics.csv" ]; then
                            answer=$("$py" "$here/same_values.py" "$work/vegan.csv" "$work/metrics.csv")
                        else
                            answer="- (metrics did not finish)"
                        fi
                    fi
                fi ;;
            esac
            read -r wall cpu rss <<<"$r"
            res[$shape,$n,$cmd]="$wall $cpu $rss"
            et=- ec=- em=-
            if [ -n "$prev_n" ]; then
                read -r pw pc pr <<<"${res[$shape,$prev_n,$cmd]}"
                et=$(exponent "$pw" "$wall" "$prev_n" "$n")
                ec=$(exponent "$pc" "$cpu" "$prev_n" "$n")
                em=$(exponent "$pr" "$rss" "$prev_n" "$n")
            fi
            # shellcheck disable=SC2059
            printf "$fmt" "$shape" "$n" "$cmd" "$wall" "$cpu" "$rss" "$et" "$ec" "$em" "$answer"
        done
        prev_n=$n
        rm -rf "$out"
        [ -n "$cache" ] || rm -rf "$dir"
    done
done

# The growth summary: from the smallest size >= 10,000 to the largest.
lo="" hi=""
for n in "${sizes[@]}"; do
    if [ "$n" -ge 10000 ] && { [ -z "$lo" ] || [ "$n" -lt "$lo" ]; }; then lo=$n; fi
    if [ -z "$hi" ] || [ "$n" -gt "$hi" ]; then hi=$n; fi
done
echo
if [ -z "$lo" ] || [ "$lo" = "$hi" ]; then
    echo "growth summary: needs two sizes of at least 10000 models"
else
    echo "growth exponents from $lo to $hi models, log(v_$hi/v_$lo)/log($hi/$lo); ok when <= 1.2"
    sfmt='%-12s %-20s %11s %11s %11s\n'
    # shellcheck disable=SC2059
    printf "$sfmt" shape command exp_t exp_cpu exp_mem
    flag() { # exponent -> "x.xx ok" / "x.xx OVER" / "-"
        [ "$1" = - ] && { echo -; return; }
        awk -v e="$1" 'BEGIN { printf "%s %s", e, (e <= 1.2 ? "ok" : "OVER") }'
    }
    for shape in survey leaderboard; do
        for cmd in "${commands[@]}"; do
            read -r w0 c0 m0 <<<"${res[$shape,$lo,$cmd]}"
            read -r w1 c1 m1 <<<"${res[$shape,$hi,$cmd]}"
            et=$(exponent "$w0" "$w1" "$lo" "$hi")
            ec=$(exponent "$c0" "$c1" "$lo" "$hi")
            em=$(exponent "$m0" "$m1" "$lo" "$hi")
            case $cmd in
            csv.reader | pandas | networkx | vegan) ;; # peers: no target
            *) et=$(flag "$et") ec=$(flag "$ec") em=$(flag "$em") ;;
            esac
            [ "$et" = - ] && [[ ! $w1 =~ ^[0-9] ]] && et="$w1 at $hi"
            # shellcheck disable=SC2059
            printf "$sfmt" "$shape" "$cmd" "$et" "$ec" "$em"
        done
    done
fi
if [ ${#notes[@]} -gt 0 ]; then
    echo
    echo "peer figures (Louvain partitions differ by implementation: not compared)"
    printf '%s\n' "${notes[@]}"
fi
