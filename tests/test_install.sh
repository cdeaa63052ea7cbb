#!/usr/bin/env bash
# tests/test_install.sh BINARY SOURCE_DIR - `cmake --install` of the build
# that made BINARY into a DESTDIR gives a usable benchcov: the binary runs
# (--version, check, report), benchcov-render-charts renders the report's
# charts when gnuplot is installed, `man` finds and formats benchcov(1),
# the bash completion registers, and the documentation is in
# share/doc/benchcov.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"
build=$(cd "$(dirname "$bin")" && pwd)

root=$tmp/root
if ! DESTDIR=$root cmake --install "$build" --prefix /usr >"$tmp/install.log" 2>&1; then
    cat "$tmp/install.log"
    echo "FAIL: cmake --install failed"
    exit 1
fi
for f in bin/benchcov bin/benchcov-render-charts share/man/man1/benchcov.1 \
    share/bash-completion/completions/benchcov share/doc/benchcov/README.md \
    share/doc/benchcov/NOTES.md share/doc/benchcov/CHANGELOG.md; do
    if [ -f "$root/usr/$f" ]; then ok "installed /usr/$f"; else bad "/usr/$f not installed"; fi
done
for f in bin/benchcov bin/benchcov-render-charts; do
    [ -x "$root/usr/$f" ] || bad "/usr/$f is not executable"
done

# The installed binary, run from elsewhere on a copy of the shipped catalog.
cp -r "$src/data" "$tmp/data"
cd "$tmp" || exit 1
export PATH="$root/usr/bin:$PATH"
if benchcov --version | grep -q '^benchcov [0-9]'; then
    ok "installed benchcov --version"
else
    bad "installed benchcov --version"
fi
if benchcov check --data data >/dev/null && benchcov report --data data --out out >/dev/null &&
    [ -s out/README.md ]; then
    ok "installed benchcov checks and reports"
else
    bad "installed benchcov check/report failed"
fi
if command -v gnuplot >/dev/null 2>&1; then
    if benchcov-render-charts out >"$tmp/render.log" 2>&1 && ls out/charts/*.svg >/dev/null 2>&1; then
        ok "benchcov-render-charts renders the report's charts"
    else
        bad "benchcov-render-charts failed: $(cat "$tmp/render.log")"
    fi
else
    echo "note: gnuplot not installed: benchcov-render-charts not run"
fi
if benchcov-render-charts --help | grep -q '^usage:'; then
    ok "benchcov-render-charts --help"
else
    bad "benchcov-render-charts --help"
fi

# man finds the page by name under the DESTDIR's MANPATH.
if command -v man >/dev/null 2>&1; then
    if MANPATH=$root/usr/share/man MANWIDTH=80 man --warnings=all benchcov >"$tmp/man.txt" \
        2>"$tmp/man.err" && [ ! -s "$tmp/man.err" ] && grep -q 'benchcov' "$tmp/man.txt"; then
        ok "man benchcov formats the installed page without warnings"
    else
        bad "man benchcov: $(cat "$tmp/man.err")"
    fi
else
    echo "note: man not installed: the installed page is not formatted"
fi

# The installed completion, sourced by a fresh bash.
got=$(bash -c '. "$1" && complete -p benchcov && COMP_WORDS=(benchcov rep) COMP_CWORD=1 &&
    _benchcov && echo "${COMPREPLY[*]}"' _ "$root/usr/share/bash-completion/completions/benchcov")
want="complete -F _benchcov benchcov
report"
if [ "$got" = "$want" ]; then
    ok "installed completion registers and completes 'rep'"
else
    bad "installed completion: '$got'"
fi

finish "install"
