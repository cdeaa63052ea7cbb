#!/usr/bin/env bash
# tests/test_progress_cli.sh BINARY SOURCE_DIR - the progress lines of
# `benchcov metrics`, `report` and `plan` reach standard error only when
# wanted: with BENCHCOV_PROGRESS=1, or with it unset and standard error a
# terminal (made with script(1) from util-linux); never with standard
# error a file or pipe and BENCHCOV_PROGRESS unset, never with
# BENCHCOV_PROGRESS=0; and they change nothing else a run writes.
#
# The shipped catalog takes well under a second, so no step would be slow
# enough to print: tests/slowclock.c (compiled here, preloaded) makes the
# monotonic clock jump 1.5 s at every reading, so every timed step seems
# to last at least that long.  The runs with progress wanted show that
# these very runs do have slow steps, so the silent runs are silent by
# choice.  Skipped (77) without a C compiler; without script(1) the
# terminal checks are skipped and the rest still run (then 77 when they
# pass).
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"

cc=${CC:-cc}
command -v "$cc" >/dev/null 2>&1 || { echo "skip: no C compiler"; exit 77; }
"$cc" -shared -fPIC -O1 -o "$tmp/slowclock.so" "$src/tests/slowclock.c" -ldl ||
    { echo "FAIL: cannot compile the shim"; exit 1; }
# AddressSanitizer insists on coming first in the list of libraries.
preload=$tmp/slowclock.so
asan=$(ldd "$bin" 2>/dev/null | awk '/libasan/ { print $3 }')
[ -z "$asan" ] || preload="$asan $preload"
cd "$src" || exit 1
export LC_ALL=C
unset BENCHCOV_PROGRESS
line_re='^benchcov: [^:]+(: [^:]+)?: [0-9]+\.[0-9] s$'
metrics_steps=("matrices and coverage" "model pairs and comparability"
    "nestedness and its null model" "robustness" "communities" "betweenness" "gaps")

# run NAME ENV... -- ARGS: benchcov ARGS with the shim and the settings
# ENV (VAR=VALUE), standard error not a terminal: $tmp/NAME.out and
# $tmp/NAME.err; exit 0 expected.
run() {
    local name=$1
    shift
    local envs=()
    while [ "$1" != -- ]; do
        envs+=("$1")
        shift
    done
    shift
    env "${envs[@]}" LD_PRELOAD="$preload" "$bin" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err"
    local rc=$?
    [ "$rc" -eq 0 ] || bad "$name: benchcov $*: exit $rc: $(head -c 300 "$tmp/$name.err")"
}

# lines NAME STEP...: $tmp/NAME.err holds only progress lines of 1.5 s or
# more, one for each STEP given.
lines() {
    local name=$1 step
    shift
    if [ ! -s "$tmp/$name.err" ]; then
        bad "$name: no progress line"
        return
    fi
    if grep -vqE "$line_re" "$tmp/$name.err"; then
        bad "$name: a line is not 'benchcov: STEP: N.N s': $(grep -vE "$line_re" "$tmp/$name.err" | head -1)"
    elif ! awk '{ if ($(NF - 1) + 0 < 1.5) exit 1 }' "$tmp/$name.err"; then
        bad "$name: a step under the 1.5 s the clock moves: $(tr '\n' '|' <"$tmp/$name.err")"
    else
        ok "$name: $(wc -l <"$tmp/$name.err") progress lines"
    fi
    for step in "$@"; do
        grep -qF "benchcov: $step: " "$tmp/$name.err" || bad "$name: no line for '$step'"
    done
}

# silent NAME: nothing on standard error.
silent() {
    if [ -s "$tmp/$1.err" ]; then
        bad "$1: standard error not empty: $(head -c 300 "$tmp/$1.err")"
    else
        ok "$1: nothing on standard error"
    fi
}

# same A B: the two runs wrote the same standard output.
same() {
    if cmp -s "$tmp/$1.out" "$tmp/$2.out"; then
        ok "$1 and $2: same standard output"
    else
        bad "$1 and $2: standard output differs"
    fi
}

# Wanted: BENCHCOV_PROGRESS=1, standard error a file.
run metrics_on BENCHCOV_PROGRESS=1 -- metrics --data data
lines metrics_on "${metrics_steps[@]}"
run plan_on BENCHCOV_PROGRESS=1 -- plan --data data
lines plan_on "plan"
run report_on BENCHCOV_PROGRESS=1 -- report --data data --out "$tmp/report_on"
lines report_on "${metrics_steps[@]}" "report: Markdown, tables and charts"

# Not wanted: unset (standard error is not a terminal), or 0.
run metrics_off -- metrics --data data
run metrics_zero BENCHCOV_PROGRESS=0 -- metrics --data data
run plan_off -- plan --data data
run report_off -- report --data data --out "$tmp/report_off"
for name in metrics_off metrics_zero plan_off report_off; do
    silent $name
done
same metrics_on metrics_off
same metrics_on metrics_zero
same plan_on plan_off
if diff -r "$tmp/report_on" "$tmp/report_off" >/dev/null; then
    ok "report: the same files with and without progress lines"
else
    bad "report: the files differ with and without progress lines"
fi

# Standard error a terminal: on when BENCHCOV_PROGRESS is unset, off at 0.
# Standard output goes to a file, so only standard error is the terminal.
skipped=
if ! command -v script >/dev/null 2>&1; then
    echo "skip: no script(1) to give benchcov a terminal"
    skipped=1
elif ! script -qec true /dev/null </dev/null >/dev/null 2>&1; then
    echo "skip: script(1) cannot open a terminal here (no /dev/pts?)"
    skipped=1
else
    for name in tty_unset tty_zero; do
        envs=(-u BENCHCOV_PROGRESS)
        [ $name = tty_zero ] && envs=(BENCHCOV_PROGRESS=0)
        cmd=$(printf '%q ' env "${envs[@]}" LD_PRELOAD="$preload" "$bin" metrics --data data)
        script -qec "$cmd >$(printf '%q' "$tmp/$name.out")" /dev/null </dev/null |
            tr -d '\r' >"$tmp/$name.err"
        rc=${PIPESTATUS[0]}
        [ "$rc" -eq 0 ] || bad "$name: exit $rc: $(head -c 300 "$tmp/$name.err")"
        same metrics_on $name
    done
    lines tty_unset "${metrics_steps[@]}"
    silent tty_zero
fi

[ "$fail" -eq 0 ] || { echo "$fail check(s) failed"; exit 1; }
if [ -n "$skipped" ]; then
    echo "the other progress checks passed; skipped: the terminal checks"
    exit 77
fi
finish progress
