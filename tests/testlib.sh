# shellcheck shell=bash
# tests/testlib.sh - what the shell tests share; source it first thing:
#     . "$(dirname "$0")/testlib.sh"
# It sets bin and src from the arguments (BINARY SOURCE_DIR), fail=0 and
# tmp, a temporary directory removed on exit, and defines ok, bad and
# finish (the closing line and the exit status).
# shellcheck disable=SC2034  # bin, src and tmp are for the sourcing test
set -u
bin=${1:?usage: TEST BINARY SOURCE_DIR}
src=${2:?usage: TEST BINARY SOURCE_DIR}
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }

# finish WHAT: "all WHAT checks passed" and exit 0, or the count and exit 1.
finish() {
    [ "$fail" -eq 0 ] || { echo "$fail check(s) failed"; exit 1; }
    echo "all $1 checks passed"
    exit 0
}
