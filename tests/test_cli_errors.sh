#!/usr/bin/env bash
# tests/test_cli_errors.sh BINARY SOURCE_DIR - the option errors of plan,
# diff and check that no other test reaches, each with the exact message
# the command-line layer's conventions give (DESIGN.md section 3: "invalid
# value 'V' for OPT: expected ...", "CMD: unexpected argument 'W'", exit
# 64 and a pointer to --help, nothing on stdout), and the outputs of two
# edge cases worked out by hand: a catalog compared with itself, and a
# repeated --tasks (the last one counts).
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"
cd "$src" || exit 1
P=tests/fixtures/plan
D=tests/fixtures/diff

# usage CMD MESSAGE -- ARGS: exit 64, exactly MESSAGE then the pointer
# to CMD's --help on stderr, nothing on stdout.
usage() {
    local cmd=$1 msg=$2
    shift 3
    expect 64 "" -- "$@"
    printf 'benchcov: %s\nbenchcov: see '\''benchcov %s --help'\'' for its usage\n' "$msg" "$cmd" >"$tmp/want"
    if cmp -s "$tmp/err" "$tmp/want" && [ ! -s "$tmp/out" ]; then
        ok "message: $msg"
    else
        bad "benchcov $*: stderr '$(cat "$tmp/err")', stdout $(wc -c <"$tmp/out") bytes; expected '$(cat "$tmp/want")'"
    fi
}

usage plan "invalid value 'both' for --role: expected 'train', 'eval' or 'any'" -- \
    plan --data $P --role both
usage plan "invalid value 'EVAL' for --role: expected 'train', 'eval' or 'any' (did you mean 'eval'?)" -- \
    plan --data $P --role EVAL
usage plan "invalid value 'cheap' for --objective: expected 'comparable' or 'unseen'" -- \
    plan --data $P --objective cheap
usage plan "invalid value '-1' for --seed: expected a whole number from 0 to 18446744073709551615" -- \
    plan --data $P --seed -1
usage plan "invalid value '18446744073709551616' for --seed: expected a whole number from 0 to 18446744073709551615" -- \
    plan --data $P --seed 18446744073709551616
usage plan "plan: unexpected argument 'ASR'" -- plan --data $P ASR
usage plan "invalid value ',' for --tasks: expected a list of names separated by ','" -- \
    plan --data $P --tasks ,
usage diff "invalid value ' ; ' for --fail-on: expected a list of names separated by ','" -- \
    diff $D/base $D/changed --fail-on ' ; '
usage diff "invalid value '0x10' for --seed: expected a whole number from 0 to 18446744073709551615" -- \
    diff $D/base $D/changed --seed 0x10
usage check "check: unexpected argument '--strict'" -- check --data $P -- --strict

# The last --tasks counts: --tasks AAC --tasks ASR is --tasks ASR.
"$bin" plan --data $P --tasks AAC --tasks ASR --k 1 --format csv >"$tmp/twice.csv" 2>"$tmp/err"
"$bin" plan --data $P --tasks ASR --k 1 --format csv >"$tmp/once.csv" 2>>"$tmp/err"
if [ -s "$tmp/once.csv" ] && cmp -s "$tmp/twice.csv" "$tmp/once.csv" && ! grep -q ',AAC' "$tmp/twice.csv"; then
    ok "a repeated --tasks: the last one counts"
else
    bad "--tasks twice: $(cat "$tmp/twice.csv" "$tmp/err")"
fi

# A catalog compared with itself: no entity row, no change, exit 0 even
# under every --fail-on condition.
expect 0 "" -- diff $D/base $D/base --fail-on new-uncovered,new-isolated,removed-model
if grep -qx "No model, dataset or task was added, removed or renamed." "$tmp/out" &&
    grep -qx "Nothing changed in the catalog or in any figure." "$tmp/out"; then
    ok "diff of a catalog with itself says nothing changed"
else
    bad "diff with itself: $(head -c 600 "$tmp/out")"
fi
expect 0 "" -- diff $D/base $D/base --format csv
# Every row a metric whose value did not move (change 0, for a z-score
# "0 within-null-spread"; before = after).
if [ "$(head -n 1 "$tmp/out")" = "kind,name,change,before,after" ] &&
    [ "$(wc -l <"$tmp/out")" -gt 1 ] &&
    awk -F, 'NR > 1 && ($1 != "metric" || $3 !~ /^0( within-null-spread)?$/ || $4 != $5) { bad = 1 } END { exit bad }' "$tmp/out"; then
    ok "diff of a catalog with itself: every metric unchanged, no other row"
else
    bad "diff with itself, CSV: $(head -c 300 "$tmp/out")"
fi

finish "option error"
