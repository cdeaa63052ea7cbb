#!/usr/bin/env bash
# tests/test_shellcheck.sh BINARY SOURCE_DIR - every shell script of
# scripts/, bench/, tests/ and completion/ passes the linter at its default
# severity (settings in .shellcheckrc).  Exits 77 (skipped) when the
# linter is not installed.
set -u
src=$2
if ! command -v shellcheck >/dev/null 2>&1; then
    echo "skip: shellcheck is not installed (Debian package shellcheck)"
    exit 77
fi
cd "$src" || exit 1
shopt -s nullglob
files=(scripts/*.sh bench/*.sh tests/*.sh tests/*/*.sh completion/*.bash)
if shellcheck "${files[@]}"; then
    echo "ok: shellcheck clean: ${#files[@]} scripts"
else
    echo "FAIL: shellcheck found the problems above"
    exit 1
fi
