#!/bin/bash
# valgrind-check.sh BINARY DATA_DIR - runs benchcov under valgrind's
# memcheck on `report` (into a scratch directory), `check`, `import` (the
# seed table and the import fixtures) and `export` (GraphML, the format
# with the most state), and fails on any memory error or any definite,
# indirect or possible leak.
#
# Build without sanitizers first (valgrind and ASan do not mix), e.g.
#   cmake -S . -B /tmp/bc-vg -DCMAKE_BUILD_TYPE=Debug && cmake --build /tmp/bc-vg
#   scripts/valgrind-check.sh /tmp/bc-vg/benchcov data
#
# Suppressions, when some library state is truly unreachable by us, go in
# scripts/valgrind.supp with a comment saying why; it is used when present.
set -u

BINARY=${1:?usage: valgrind-check.sh BINARY DATA_DIR}
DATA=${2:?usage: valgrind-check.sh BINARY DATA_DIR}

command -v valgrind >/dev/null || { echo "valgrind-check: valgrind is not installed" >&2; exit 2; }
[ -x "$BINARY" ] || { echo "valgrind-check: no executable '$BINARY'" >&2; exit 2; }
[ -d "$DATA" ] || { echo "valgrind-check: no catalog directory '$DATA'" >&2; exit 2; }

TMP=$(mktemp -d /tmp/bc_valgrind.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

SUPP=()
here=$(cd "$(dirname "$0")" && pwd)
if [ -f "$here/valgrind.supp" ]; then
    SUPP=(--suppressions="$here/valgrind.supp")
fi

failed=0
# check_one NAME args... : one benchcov run under memcheck.
check_one() {
    local name=$1
    shift
    local log=$TMP/$name.log
    valgrind --tool=memcheck --leak-check=full \
        --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible \
        --error-exitcode=99 --track-origins=yes --num-callers=30 \
        "${SUPP[@]}" --log-file="$log" \
        "$BINARY" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"
    local rc=$?
    if [ "$rc" -eq 99 ]; then
        echo "valgrind-check: $name: memory errors or leaks" >&2
        cat "$log" >&2
        failed=1
    elif [ "$rc" -ne 0 ]; then
        echo "valgrind-check: $name: benchcov exited $rc" >&2
        sed 's/^/    /' "$TMP/$name.err" >&2
        grep -E 'ERROR SUMMARY|definitely|indirectly|possibly' "$log" >&2
        failed=1
    else
        echo "valgrind-check: $name: clean"
        grep -E 'ERROR SUMMARY' "$log"
    fi
}

check_one report report --data "$DATA" --out "$TMP/report"
check_one check check --data "$DATA"
# The importers: the seed table against the catalog, and the committed fixtures.
seed=$(find "$DATA/seed" -maxdepth 1 -name "*.txt" 2>/dev/null | sort | head -n 1)
if [ -n "$seed" ]; then
    check_one import-markdown import markdown "$seed" --out "$TMP/import-md" --catalog "$DATA" \
        --role train
fi
fixtures=$here/../tests/fixtures/import
if [ -d "$fixtures" ]; then
    check_one import-pwc import pwc "$fixtures/pwc.json" --out "$TMP/import-pwc"
    check_one import-matrix import matrix "$fixtures/leaderboard.csv" --out "$TMP/import-mx" \
        --facet Org --task-map "$fixtures/leaderboard_tasks.csv"
fi
check_one export export --data "$DATA" --format graphml --out "$TMP/graph.graphml"

exit "$failed"
