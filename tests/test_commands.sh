#!/usr/bin/env bash
# tests/test_commands.sh BINARY SOURCE_DIR - the command line end to end:
# golden CSV of `coverage` on the shipped catalog (the golden files are
# written by the independent tests/reference/coverage_reference.py),
# --help and --version, and the exit code and message of every kind of
# misuse and bad input.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"

cd "$src" || exit 1

# Golden coverage tables of the shipped catalog.
for by in task model dataset; do
    if "$bin" coverage --by "$by" --format csv >"$tmp/cov.csv" 2>"$tmp/err" &&
        cmp -s "$tmp/cov.csv" "tests/golden/coverage_$by.csv"; then
        ok "coverage --by $by --format csv matches the golden file"
    else
        bad "coverage --by $by --format csv differs from tests/golden/coverage_$by.csv"
        diff "tests/golden/coverage_$by.csv" "$tmp/cov.csv" | head -5
    fi
done

# Markdown tables keep their columns: every row has as many unescaped pipes as the header.
for by in task model dataset; do
    "$bin" coverage --by "$by" >"$tmp/cov.md"
    if awk '{ n = gsub(/(^|[^\\])\|/, "&"); if (NR == 1) h = n; else if (n != h) exit 1 }' \
        "$tmp/cov.md"; then
        ok "coverage --by $by Markdown rows keep their columns"
    else
        bad "coverage --by $by Markdown has a row with a different column count"
    fi
done

# Help and version.
for cmd in check report coverage overlap metrics plan; do
    if "$bin" "$cmd" --help >"$tmp/out" 2>"$tmp/err" && grep -q "^usage: benchcov $cmd" "$tmp/out" &&
        [ ! -s "$tmp/err" ]; then
        ok "$cmd --help"
    else
        bad "$cmd --help does not print its usage on stdout"
    fi
done
if "$bin" --help | grep -q '^usage: benchcov <command>'; then
    ok "--help"
else
    bad "--help"
fi
# --version: tests/test_version.sh checks the version and commit.
if bash scripts/run.sh --help >"$tmp/out" 2>"$tmp/err" && grep -q '^usage: scripts/run.sh \[DATA_DIR \[OUT_DIR\]\]' "$tmp/out" &&
    grep -q 'DATA_DIR (default: data)' "$tmp/out" && [ ! -s "$tmp/err" ]; then
    ok "scripts/run.sh --help"
else
    bad "scripts/run.sh --help: $(cat "$tmp/err")"
fi

# Misuse: 64 with the message and one line pointing to --help.
expect 64 "^benchcov: unknown command 'frobnicate'$" -- frobnicate
expect 64 "^benchcov: no command given$" --
expect 64 "^benchcov: unknown command 'chek' \(did you mean 'check'\?\)$" -- chek
expect 64 "unknown command 'PLAN' \(did you mean 'plan'\?\)" -- PLAN
expect 64 "option '--data' before the command: options follow the command, as in 'benchcov check --data \.\.\.'" -- \
    --data data check
expect 64 "option '--format' before the command: options follow the command, as in 'benchcov metrics --format" -- \
    --format csv metrics --seed 2
expect 64 "option '--data' before the command: the command comes first, as in 'benchcov check --data \.\.\.'" -- \
    --data data
# A usage error is the message and the pointer: two lines, not the help.
for args in "plan --k x" "coverage" "frobnicate" "overlap --model NoSuchModel" "--data data check"; do
    # shellcheck disable=SC2086
    "$bin" $args >"$tmp/out" 2>"$tmp/err"
    rc=$?
    cmd=${args%% *}
    case $cmd in -* | frobnicate) pointer="benchcov: see 'benchcov --help' for the commands" ;;
        *) pointer="benchcov: see 'benchcov $cmd --help' for its usage" ;;
    esac
    if [ "$rc" -eq 64 ] && [ "$(wc -l <"$tmp/err")" -eq 2 ] &&
        [ "$(tail -n 1 "$tmp/err")" = "$pointer" ] && [ ! -s "$tmp/out" ]; then
        ok "benchcov $args: one message line and a pointer to --help"
    else
        bad "benchcov $args: exit $rc, stderr: $(cat "$tmp/err")"
    fi
done
# An option value naming nothing in the catalog is a usage error.
expect 64 "^benchcov: --model: unknown model 'SALMON' \(did you mean 'SALMONN'\?\)$" -- \
    overlap --model SALMON
expect 64 "^benchcov: --model: unknown model 'NoSuchModel'$" -- overlap --model NoSuchModel
expect 64 "^benchcov: --baselines: unknown model 'NoSuchModel'$" -- plan --baselines NoSuchModel
expect 64 "^benchcov: --tasks: unknown task 'XYZ'$" -- plan --tasks XYZ
# --hours accepts what its message says: 0.001 to 1000000000, digits and one '.'.
for h in 1e3 0 .5 -2 1000000001; do
    expect 64 "invalid value '$h' for --hours: expected a decimal number such as 12 or 0\.5, from 0\.001 to 1000000000$" \
        -- plan --hours "$h"
done
for h in 12 0.5 0.001 1000000000; do
    if "$bin" plan --hours "$h" --format csv >"$tmp/out" 2>"$tmp/err" && head -1 "$tmp/out" | grep -q '^step,'; then
        ok "plan --hours $h accepted"
    else
        bad "plan --hours $h: $(cat "$tmp/err")"
    fi
done
expect 64 "coverage: --by is required" -- coverage
expect 64 "invalid value 'tasks' for --by" -- coverage --by tasks
expect 64 "invalid value 'xml' for --format" -- coverage --by task --format xml
expect 64 "unknown option '--frob'" -- check --frob
expect 64 "option '--data' needs a value" -- check --data
expect 64 "unexpected argument 'extra'" -- check extra
expect 64 "invalid value '0' for --thin" -- report --thin 0 --out "$tmp/r"
expect 64 "invalid value '-1' for --seed" -- metrics --seed -1
expect 64 "invalid value '1e3' for --top" -- overlap --top 1e3
expect 64 "see 'benchcov coverage --help'" -- coverage --by nothing

# Missing input: 66.
expect 66 "cannot open 'no/such/dir" -- check --data no/such/dir
expect 66 "" -- report --data no/such/dir --out "$tmp/r"
if [ ! -e "$tmp/r" ]; then
    ok "no report directory made for a missing catalog"
else
    bad "a report directory was made for a missing catalog"
fi

# Bad data: 65 with file:line:col.
expect 65 "tests/fixtures/bad/unknown_refs/usage.csv:[0-9]+:[0-9]+: unknown" -- \
    check --data tests/fixtures/bad/unknown_refs
expect 65 "" -- coverage --by task --data tests/fixtures/bad/ragged

# A good run of each command exits 0 with output.
for args in "check" "coverage --by model" "overlap --top 3 --format csv" "metrics --format csv" \
    "plan --format csv"; do
    # shellcheck disable=SC2086
    # check may print warnings (likely curation slips): they do not fail it.
    if "$bin" $args >"$tmp/out" 2>"$tmp/err" && [ -s "$tmp/out" ] &&
        ! grep -v '^benchcov: [^ ]*: warning: ' "$tmp/err" | grep -q .; then
        ok "$args"
    else
        bad "$args failed: $(head -c 200 "$tmp/err")"
    fi
done

# metrics carries every figure DESIGN.md names.
"$bin" metrics --format csv >"$tmp/m.csv"
for m in models datasets tasks usage_rows connectance_model_task connectance_model_dataset \
    mean_task_coverage nodf_model_task nodf_model_dataset nodf_model_task_z \
    modularity_barber communities comparability_components isolated_models \
    pairs_without_shared robustness_models; do
    grep -q "^$m,[-0-9.e]*$" "$tmp/m.csv" || bad "metrics lacks '$m'"
done
if head -1 "$tmp/m.csv" | grep -qx 'metric,value'; then
    ok "metrics header"
else
    bad "metrics header"
fi

finish "command line"
