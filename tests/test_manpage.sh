#!/usr/bin/env bash
# tests/test_manpage.sh BINARY SOURCE_DIR - doc/benchcov.1 formats without
# a single groff warning (groff -man -Tutf8 -ww, and man -l), and it
# documents every command of `benchcov --help` and every option of each
# command's --help.  Exits 77 (skipped) without groff.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"
page=$src/doc/benchcov.1

if ! command -v groff >/dev/null 2>&1; then
    echo "skip: groff is not installed (Debian package groff-base)"
    exit 77
fi

if groff -man -Tutf8 -ww "$page" >"$tmp/page.txt" 2>"$tmp/warn" && [ ! -s "$tmp/warn" ]; then
    ok "groff -man -Tutf8 -ww: no warning"
else
    bad "groff -man -Tutf8 -ww warns:"
    sed 's/^/    /' "$tmp/warn"
fi
if command -v man >/dev/null 2>&1; then
    if MANWIDTH=80 man --warnings=all -l "$page" >"$tmp/man.txt" 2>"$tmp/manwarn" &&
        [ ! -s "$tmp/manwarn" ] && grep -q '^NAME' "$tmp/man.txt"; then
        ok "man -l: formats without warnings"
    else
        bad "man -l:"
        sed 's/^/    /' "$tmp/manwarn"
    fi
else
    echo "note: man is not installed (Debian package man-db): man -l not checked"
fi

# The formatted text, without overstriking, one line per line.
col -b <"$tmp/page.txt" >"$tmp/plain.txt"
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" FILES EXAMPLES; do
    if grep -q "^$section" "$tmp/plain.txt"; then
        ok "section $section"
    else
        bad "no section $section"
    fi
done
for code in 0 64 65 66 70 73 74; do
    if grep -qE "^ +$code\b" "$tmp/plain.txt"; then
        ok "exit status $code"
    else
        bad "exit status $code not described"
    fi
done

# Every command the binary has: a COMMANDS entry, and each of its options.
commands=$("$bin" --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || bad "no command list in benchcov --help"
for cmd in $commands; do
    if grep -qE "^       $cmd( |$)" "$tmp/plain.txt"; then
        ok "command $cmd"
    else
        bad "command $cmd has no entry under COMMANDS in doc/benchcov.1"
    fi
    for opt in $("$bin" "$cmd" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
        grep -qE -- "(^| )$opt( |,|$)" "$tmp/plain.txt" ||
            bad "$cmd: option $opt of its --help is not in doc/benchcov.1"
    done
done

finish "man page"
