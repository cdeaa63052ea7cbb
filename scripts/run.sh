#!/usr/bin/env bash
# scripts/run.sh - the main job: on a fresh Debian machine installs what is
# missing, builds benchcov, checks the shipped catalog in data/ and writes
# the report with its rendered charts to reports/.
#   usage: scripts/run.sh [DATA_DIR [OUT_DIR]]
set -euo pipefail
usage="usage: scripts/run.sh [DATA_DIR [OUT_DIR]]

Installs the Debian packages benchcov needs when they are missing (as
root), builds benchcov in build-run/ (or \$BENCHCOV_BUILD_DIR), checks the
catalog DATA_DIR (default: data), writes its report to OUT_DIR (default:
reports) and renders the report's charts."
case ${1:-} in
    -h | --help) echo "$usage"; exit 0 ;;
    -*) echo "run.sh: unknown option '$1'" >&2; echo "$usage" >&2; exit 64 ;;
esac
if [ "$#" -gt 2 ]; then
    echo "$usage" >&2
    exit 64
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/deps.sh
deps_install "${BENCHCOV_BUILD_DEPS[@]}"

data=${1:-data}
out=${2:-reports}
build=${BENCHCOV_BUILD_DIR:-build-run}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" --target benchcov -j"$(nproc)" >/dev/null

"$build/benchcov" check --data "$data"
"$build/benchcov" report --data "$data" --out "$out"
bash scripts/render-charts.sh "$out"
echo "report written to $out/README.md"
