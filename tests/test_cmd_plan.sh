#!/bin/bash
# test_cmd_plan.sh BINARY SOURCE_DIR - `benchcov plan` through the real
# executable: the CSV of the hand-worked fixture (tests/fixtures/plan,
# worked in its README.md) byte for byte in two locales, exit codes 64
# and 65 with their messages on stderr and nothing on stdout, --help on
# stdout with exit 0, and a plan with zero steps (exit 0) when nothing
# can be covered.
set -u

BINARY=${1:?usage: test_cmd_plan.sh BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: test_cmd_plan.sh BINARY SOURCE_DIR}
DATA=$SOURCE_DIR/tests/fixtures/plan
GOLDEN=$SOURCE_DIR/tests/golden/plan_k2_greedy.csv

fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
pass() { echo "ok: $*"; }

[ -x "$BINARY" ] || { echo "FAIL: no executable '$BINARY'" >&2; exit 1; }
TMP=$(mktemp -d /tmp/bc_plan.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

# expect CODE STDERR_TEXT ARGS...: exit code, a message, empty stdout.
expect() {
    local code=$1 text=$2
    shift 2
    "$BINARY" plan "$@" >"$TMP/out" 2>"$TMP/err"
    local rc=$?
    if [ "$rc" -ne "$code" ]; then
        fail "plan $* exited $rc, expected $code"
    elif ! grep -qF -- "$text" "$TMP/err"; then
        fail "plan $*: stderr lacks \"$text\": $(cat "$TMP/err")"
    elif [ -s "$TMP/out" ]; then
        fail "plan $*: wrote to stdout on error"
    else
        pass "plan $* -> $code"
    fi
}

for loc in C POSIX C.UTF-8; do
    if LC_ALL=$loc "$BINARY" plan --data "$DATA" --k 2 --greedy --format csv >"$TMP/k2.csv" &&
        cmp -s "$TMP/k2.csv" "$GOLDEN"; then
        pass "golden CSV (LC_ALL=$loc)"
    else
        fail "golden CSV differs (LC_ALL=$loc)"
        diff "$GOLDEN" "$TMP/k2.csv" >&2
    fi
done

if "$BINARY" plan --data "$DATA" >"$TMP/a.md" && "$BINARY" plan --data "$DATA" >"$TMP/b.md" &&
    cmp -s "$TMP/a.md" "$TMP/b.md"; then
    pass "same input, same bytes"
else
    fail "Markdown differs between runs"
fi
if grep -q "^\*\*Stability\.\*\* Median Jaccard" "$TMP/a.md"; then
    pass "stability line"
else
    fail "no stability line in the Markdown"
fi

expect 64 "invalid value 'x' for --k: expected a whole number from 1 to 1000" --data "$DATA" --k x
expect 64 "cannot be combined" --data "$DATA" --k 2 --hours 10
expect 64 "cannot be combined" --data "$DATA" --exact --greedy
expect 64 "cannot be combined" --data "$DATA" --tasks ASR --all-tasks
expect 64 "invalid value 'both' for --role" --data "$DATA" --role both
expect 64 "--baselines: unknown model 'SALMON' (did you mean 'SALMONN'?)" --data "$DATA" --baselines SALMON
expect 64 "--tasks: unknown task 'ASRR' (did you mean 'ASR'?)" --data "$DATA" --tasks ASRR

if "$BINARY" plan --help >"$TMP/help" 2>"$TMP/err" && grep -q "^usage: benchcov plan" "$TMP/help"; then
    pass "--help"
else
    fail "--help"
fi

# SALMONN's only AAC row names no dataset: an empty universe, zero steps, exit 0.
if "$BINARY" plan --data "$DATA" --tasks AAC --baselines SALMONN --format csv >"$TMP/empty.csv" &&
    [ "$(cat "$TMP/empty.csv")" = "$(printf 'step,dataset,gain,covered,tasks_covered\nbound,,,0,')" ]; then
    pass "empty universe"
else
    fail "empty universe: $(cat "$TMP/empty.csv")"
fi

[ "$fails" -eq 0 ] || { echo "$fails failure(s)" >&2; exit 1; }
echo "all plan command checks passed"
