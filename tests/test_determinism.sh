#!/bin/bash
# test_determinism.sh BINARY SOURCE_DIR - same catalog and seed give
# byte-identical outputs whatever the locale and time zone: the report
# tree and the stdout of the machine-readable commands are produced once
# under LC_ALL=C, TZ=UTC and once under a decimal-comma locale with
# TZ=Pacific/Kiritimati (UTC+14), and compared byte for byte.  Outputs
# must not hold the absolute path of the directory they were made in.
#
# The comma locale is taken from `locale -a` when one is installed, or
# compiled into a private LOCPATH with localedef; when neither works the
# test says so and still varies the time zone.
set -u

BINARY=${1:?usage: test_determinism.sh BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: test_determinism.sh BINARY SOURCE_DIR}
case $BINARY in /*) ;; *) BINARY=$PWD/$BINARY ;; esac

fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

[ -x "$BINARY" ] || { echo "FAIL: no executable '$BINARY'" >&2; exit 1; }

TMP=$(mktemp -d /tmp/bc_det.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

DATA=""
for d in "$SOURCE_DIR/data" "$SOURCE_DIR/tests/fixtures/good"; do
    if [ -f "$d/usage.csv" ] && "$BINARY" check --data "$d" >/dev/null 2>&1; then
        DATA=$d
        break
    fi
done
[ -n "$DATA" ] || { echo "FAIL: no valid catalog in data/ or tests/fixtures/good" >&2; exit 1; }
echo "catalog: $DATA"

# Does this environment (LOCPATH, LC_ALL) use a decimal comma?
comma_ok() { [ "$(env "$@" locale decimal_point 2>/dev/null)" = "," ]; }

COMMA_ENV=""
for loc in de_DE.UTF-8 de_DE.utf8 $(locale -a 2>/dev/null | grep -E '^(de|fr|it|es|nl|pt|ru|pl|sv|da|fi)_' || true); do
    if comma_ok LC_ALL="$loc"; then
        COMMA_ENV="LC_ALL=$loc LANG=$loc"
        break
    fi
done
if [ -z "$COMMA_ENV" ] && command -v localedef >/dev/null; then
    mkdir -p "$TMP/locale"
    if localedef -i de_DE -f UTF-8 "$TMP/locale/de_DE.UTF-8" >/dev/null 2>&1 &&
        comma_ok LOCPATH="$TMP/locale" LC_ALL=de_DE.UTF-8; then
        COMMA_ENV="LOCPATH=$TMP/locale LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8"
    fi
fi
if [ -z "$COMMA_ENV" ]; then
    echo "note: no decimal-comma locale could be found or built; only the time zone varies"
    COMMA_ENV="LC_ALL=C LANG=C"
fi

ENV_A="LC_ALL=C LANG=C TZ=UTC"
ENV_B="$COMMA_ENV TZ=Pacific/Kiritimati"
echo "run A: $ENV_A"
echo "run B: $ENV_B"

# Each run works in its own directory with its own copy of the catalog,
# both named alike, so relative paths match and absolute ones differ.
for run in A B; do
    mkdir -p "$TMP/$run"
    cp -r "$DATA" "$TMP/$run/data"
done

# run_in RUN NAME args... : stdout to RUN/out/NAME, status checked.
run_in() {
    local run=$1 name=$2
    shift 2
    local envs
    if [ "$run" = A ]; then envs=$ENV_A; else envs=$ENV_B; fi
    mkdir -p "$TMP/$run/out"
    # shellcheck disable=SC2086
    (cd "$TMP/$run" && env $envs "$BINARY" "$@" >"out/$name" 2>"out/$name.err")
    local rc=$?
    [ "$rc" -eq 0 ] || fail "run $run: '$*' exited $rc: $(head -3 "$TMP/$run/out/$name.err")"
}

for run in A B; do
    run_in "$run" report report --data data --out report --seed 3
    run_in "$run" metrics.csv metrics --data data --format csv --seed 3
    run_in "$run" metrics.md metrics --data data --seed 3
    run_in "$run" coverage-task.csv coverage --data data --by task --format csv
    run_in "$run" coverage-task.md coverage --data data --by task
    run_in "$run" coverage-model.csv coverage --data data --by model --format csv
    run_in "$run" coverage-dataset.csv coverage --data data --by dataset --format csv
    run_in "$run" overlap.csv overlap --data data --format csv
    run_in "$run" plan.csv plan --data data --all-tasks --k 3 --format csv
    run_in "$run" check check --data data
done

[ -f "$TMP/A/report/README.md" ] || fail "the report has no README.md"
if diff -r "$TMP/A/report" "$TMP/B/report" >"$TMP/report.diff"; then
    echo "ok: report trees identical ($(find "$TMP/A/report" -type f | wc -l) files)"
else
    fail "report trees differ between the two environments"
    head -40 "$TMP/report.diff" >&2
fi
if diff -r "$TMP/A/out" "$TMP/B/out" >"$TMP/out.diff"; then
    echo "ok: command outputs identical"
else
    fail "command outputs differ between the two environments"
    head -40 "$TMP/out.diff" >&2
fi

# No absolute path of the working directory in any output.
if grep -rlF "$TMP" "$TMP/A/report" "$TMP/A/out" >"$TMP/abs" 2>/dev/null; then
    fail "outputs hold an absolute path: $(tr '\n' ' ' <"$TMP/abs")"
fi

# A decimal comma must not have slipped into the numbers of the CSV outputs:
# every number-looking field uses '.', so parsing under C gives the same.
if [ -s "$TMP/B/out/metrics.csv" ] && grep -qE '^[a-z_]+,"?-?[0-9]+,[0-9]+"?$' "$TMP/B/out/metrics.csv"; then
    fail "metrics.csv holds a decimal comma"
fi

if [ "$fails" -ne 0 ]; then
    echo "$fails check(s) failed" >&2
    exit 1
fi
echo "all determinism checks passed"
