#!/usr/bin/env bash
# scripts/test.sh - installs what is missing, builds benchcov plainly (with
# warnings as errors) and with AddressSanitizer + UndefinedBehaviorSanitizer,
# and runs every test in both builds; then renders the shipped catalog's
# charts and runs the valgrind check.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/deps.sh
deps_install "${BENCHCOV_BUILD_DEPS[@]}" "${BENCHCOV_TEST_DEPS[@]}"

# A decimal-comma locale for the locale tests (test_fmt, test_determinism).
if ! locale -a 2>/dev/null | grep -qix 'de_DE.utf8'; then
    localedef -i de_DE -f UTF-8 de_DE.UTF-8 2>/dev/null ||
        echo "note: no de_DE.UTF-8 locale; the locale tests fall back as they say" >&2
fi

jobs=$(nproc)
passed=0
skipped=0
for variant in plain asan; do
    dir=build-test-$variant
    flags=(-DBENCHCOV_WERROR=ON)
    [ $variant = asan ] && flags+=(-DBENCHCOV_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
    echo "== $variant build"
    cmake -S . -B "$dir" "${flags[@]}" >/dev/null
    cmake --build "$dir" -j"$jobs" >/dev/null
    echo "== $variant tests"
    (cd "$dir" && ctest --output-on-failure -j"$jobs") | tee "$dir/ctest.log"
    total=$(sed -n 's/.* tests failed out of \([0-9]*\)$/\1/p' "$dir/ctest.log")
    # A test that exits 77 could not run here: counted apart, not passed.
    skips=$(grep -c -- '\*\*\*Skipped' "$dir/ctest.log" || true)
    passed=$((passed + total - skips))
    skipped=$((skipped + skips))
done

echo "== charts of the shipped catalog"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build-test-plain/benchcov report --data data --out "$tmp/r"
bash scripts/render-charts.sh "$tmp/r"

echo "== valgrind"
bash scripts/valgrind-check.sh build-test-plain/benchcov data
[ "$skipped" -eq 0 ] || echo "skipped: $skipped (listed as ***Skipped above)"
echo "tests: $passed passed, 0 failed"
