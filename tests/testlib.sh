# shellcheck shell=bash
# tests/testlib.sh - the one preamble and set of helpers of the shell
# tests; source it first thing:
#     # shellcheck source=testlib.sh
#     . "$(dirname "$0")/testlib.sh"
# It takes the test's arguments (BINARY SOURCE_DIR), sets
#   bin   the benchcov binary, made absolute
#   src   the source directory, made absolute
#   tmp   a scratch directory, removed on exit (kept when KEEP is set;
#         made writable first, so a test may chmod inside it)
#   fail  the count of failed checks (0)
# and defines
#   ok TEXT / bad TEXT           one passed / failed check (bad counts it)
#   expect CODE PATTERN -- ARGS  run benchcov ARGS (stdout to $tmp/out,
#                                stderr to $tmp/err): exit CODE and, when
#                                PATTERN is not empty, stderr matching it
#                                (grep -E)
#   finish WHAT                  "all WHAT checks passed" and exit 0, or
#                                the count of failures and exit 1
# shellcheck disable=SC2034  # bin, src and tmp are for the sourcing test
set -u
bin=${1:?usage: TEST BINARY SOURCE_DIR}
src=${2:?usage: TEST BINARY SOURCE_DIR}
case $bin in /*) ;; */*) bin=$PWD/$bin ;; esac
case $src in /*) ;; *) src=$PWD/$src ;; esac
[ -x "$bin" ] || { echo "FAIL: no executable '$bin'"; exit 1; }
fail=0
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || { chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"; }' EXIT

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

finish() {
    [ "$fail" -eq 0 ] || { echo "$fail check(s) failed"; exit 1; }
    echo "all $1 checks passed"
    exit 0
}
