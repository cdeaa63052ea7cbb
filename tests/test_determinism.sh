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
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"
DATA=""
for d in "$src/data" "$src/tests/fixtures/good"; do
    if [ -f "$d/usage.csv" ] && "$bin" check --data "$d" >/dev/null 2>&1; then
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
    mkdir -p "$tmp/locale"
    if localedef -i de_DE -f UTF-8 "$tmp/locale/de_DE.UTF-8" >/dev/null 2>&1 &&
        comma_ok LOCPATH="$tmp/locale" LC_ALL=de_DE.UTF-8; then
        COMMA_ENV="LOCPATH=$tmp/locale LC_ALL=de_DE.UTF-8 LANG=de_DE.UTF-8"
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
    mkdir -p "$tmp/$run"
    cp -r "$DATA" "$tmp/$run/data"
done

# run_in RUN NAME args... : stdout to RUN/out/NAME, status checked.
run_in() {
    local run=$1 name=$2
    shift 2
    local envs
    if [ "$run" = A ]; then envs=$ENV_A; else envs=$ENV_B; fi
    mkdir -p "$tmp/$run/out"
    # shellcheck disable=SC2086
    (cd "$tmp/$run" && env $envs "$bin" "$@" >"out/$name" 2>"out/$name.err")
    local rc=$?
    [ "$rc" -eq 0 ] || bad "run $run: '$*' exited $rc: $(head -3 "$tmp/$run/out/$name.err")"
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

[ -f "$tmp/A/report/README.md" ] || bad "the report has no README.md"
if diff -r "$tmp/A/report" "$tmp/B/report" >"$tmp/report.diff"; then
    echo "ok: report trees identical ($(find "$tmp/A/report" -type f | wc -l) files)"
else
    bad "report trees differ between the two environments"
    head -40 "$tmp/report.diff" >&2
fi
if diff -r "$tmp/A/out" "$tmp/B/out" >"$tmp/out.diff"; then
    echo "ok: command outputs identical"
else
    bad "command outputs differ between the two environments"
    head -40 "$tmp/out.diff" >&2
fi

# No absolute path of the working directory in any output.
if grep -rlF "$tmp" "$tmp/A/report" "$tmp/A/out" >"$tmp/abs" 2>/dev/null; then
    bad "outputs hold an absolute path: $(tr '\n' ' ' <"$tmp/abs")"
fi

# A decimal comma must not have slipped into the numbers of the CSV outputs:
# every number-looking field uses '.', so parsing under C gives the same.
if [ -s "$tmp/B/out/metrics.csv" ] && grep -qE '^[a-z_]+,"?-?[0-9]+,[0-9]+"?$' "$tmp/B/out/metrics.csv"; then
    bad "metrics.csv holds a decimal comma"
fi

finish "determinism"
