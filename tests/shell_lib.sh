#!/usr/bin/env bash
# tests/shell_lib.sh - what the shell tests share, sourced after they set
# `bin` (the benchcov binary), `tmp` (a scratch directory) and `fail=0`:
#   ok TEXT / bad TEXT           one passed / failed check (bad counts it)
#   expect CODE PATTERN -- ARGS  run benchcov ARGS (stdout to $tmp/out,
#                                stderr to $tmp/err): exit CODE and, when
#                                PATTERN is not empty, stderr matching it
#                                (grep -E)
# shellcheck disable=SC2034,SC2154 # fail, bin and tmp belong to the sourcing test

ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

expect() {
    local code=$1 pattern=$2
    shift 3
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -ne "$code" ]; then
        bad "benchcov $*: exit $rc, expected $code ($(head -c 300 "$tmp/err"))"
    elif [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$tmp/err"; then
        bad "benchcov $*: stderr lacks /$pattern/: $(head -c 300 "$tmp/err")"
    else
        ok "benchcov $*: $code"
    fi
}
