#!/usr/bin/env bash
# tests/test_version.sh BINARY SOURCE_DIR - `benchcov --version` prints the
# project version of CMakeLists.txt and, built from a git checkout, a
# commit of that checkout; cmake/version.cmake, run on a source tree
# without .git (a release tarball), writes the version with no commit.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"

want=$(sed -n 's/^project(benchcov VERSION \([0-9][0-9.]*\) .*/\1/p' "$src/CMakeLists.txt")
[ -n "$want" ] || bad "no version in CMakeLists.txt"
got=$("$bin" --version 2>"$tmp/err")
rc=$?
if [ "$rc" -ne 0 ] || [ -s "$tmp/err" ]; then
    bad "--version: exit $rc, stderr $(cat "$tmp/err")"
fi
if [ -e "$src/.git" ] && command -v git >/dev/null 2>&1; then
    if [[ $got =~ ^benchcov\ ${want//./\\.}\ \(commit\ ([0-9a-f]{12})(-dirty)?\)$ ]]; then
        # The build may predate the newest commit: the commit must exist.
        if git -C "$src" cat-file -e "${BASH_REMATCH[1]}^{commit}" 2>/dev/null; then
            ok "--version: $got"
        else
            bad "--version names '${BASH_REMATCH[1]}', not a commit of $src"
        fi
    else
        bad "--version: '$got', expected 'benchcov $want (commit <12 hex digits>)'"
    fi
else
    if [ "$got" = "benchcov $want" ]; then
        ok "--version: $got"
    else
        bad "--version: '$got', expected 'benchcov $want'"
    fi
fi

# A source tree without .git: the version alone.
mkdir "$tmp/tarball"
cmake -DSOURCE_DIR="$tmp/tarball" -DOUTPUT="$tmp/version.h" -DVERSION=9.8.7 \
    -DGIT_EXECUTABLE="$(command -v git || echo git)" -P "$src/cmake/version.cmake"
if grep -qx '#define BENCHCOV_VERSION "9.8.7"' "$tmp/version.h" &&
    grep -qx '#define BENCHCOV_COMMIT ""' "$tmp/version.h"; then
    ok "version.cmake outside git: version 9.8.7, no commit"
else
    bad "version.cmake outside git wrote: $(cat "$tmp/version.h")"
fi
# Run again with the same text: the header is left alone (no rebuild).
touch -d '2000-01-01' "$tmp/version.h"
cmake -DSOURCE_DIR="$tmp/tarball" -DOUTPUT="$tmp/version.h" -DVERSION=9.8.7 \
    -DGIT_EXECUTABLE=git -P "$src/cmake/version.cmake"
if [ "$(stat -c %Y "$tmp/version.h")" -lt 1000000000 ]; then
    ok "unchanged header not rewritten"
else
    bad "version.cmake rewrote an unchanged header"
fi

finish "version"
