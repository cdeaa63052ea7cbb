#!/usr/bin/env bash
# scripts/deps.sh - installs the Debian packages benchcov needs, when
# missing.  Sourced by run.sh and test.sh; `deps_install PKG...` installs
# only what dpkg does not already report as installed (apt-get, as root).
deps_install() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "benchcov: missing packages: ${missing[*]} (run as root or install them)" >&2
        return 1
    fi
    echo "installing: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null &&
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The package lists are read by the scripts that source this file.
# shellcheck disable=SC2034
# What building benchcov and rendering its charts needs (xmllint checks
# the rendered SVG files).
BENCHCOV_BUILD_DEPS=(cmake make gcc libc6-dev pkg-config libigraph-dev libcsv-dev
                     libglpk-dev libjansson-dev gnuplot-nox libxml2-utils)
# What the test suite needs beyond that: cmocka, valgrind, a decimal-comma
# locale, groff and man-db (the man page is checked for warnings), git
# (the commit --version prints), shellcheck (the scripts are linted),
# python3-networkx, python3-pandas and graphviz (`export` read back by
# networkx, pandas and Graphviz).
# shellcheck disable=SC2034
BENCHCOV_TEST_DEPS=(libcmocka-dev valgrind locales groff-base man-db git shellcheck
                    python3-networkx python3-pandas graphviz)
