#!/usr/bin/env bash
# tests/test_schema.sh BINARY SOURCE_DIR - the field-neutral catalog
# (DESIGN.md section 2) end to end: a text-LLM catalog with the facets
# `org` and `license` and no speech column, a one-file catalog against the
# equivalent four-file one, usage without `task` and `role` columns,
# columns in another order, `report --facets`, `plan --hours` without
# hours, and the exact warnings of `check`.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"

# same A B WHAT: the two directories or files are byte-identical.
same() {
    if diff -r "$1" "$2" >"$tmp/diff"; then
        ok "$3"
    else
        bad "$3: $(head -5 "$tmp/diff")"
    fi
}

cd "$src" || exit 1
F=tests/fixtures

# ---- a text-LLM catalog: facets org and license, no speech column -------
expect 0 "" -- check --data $F/textllm
if [ "$(cat "$tmp/err")" = "benchcov: $F/textllm/datasets.csv:12:1: warning: dataset 'ToxiGen' is never used in usage.csv" ]; then
    ok "check: the unused dataset is a warning at its line"
else
    bad "check warnings: $(cat "$tmp/err")"
fi
expect 65 "^benchcov: $F/textllm/datasets.csv:12:1: dataset 'ToxiGen' is never used in usage.csv$" -- \
    check --strict --data $F/textllm

"$bin" report --data $F/textllm --out "$tmp/tl" >/dev/null 2>"$tmp/err" || bad "report textllm"
md=$tmp/tl/README.md
for h in "#### license" "#### org"; do
    if grep -qx "$h" "$md"; then ok "facet gaps: $h"; else bad "facet gaps: no '$h'"; fi
done
# org values with no model, worked out from usage.csv: READ (DROP) is
# covered by GPT-4, Claude 3 Opus and Gemini Ultra only, so Meta and
# Mistral AI have no model there; TRUTH only by Llama 2 70B (Meta).
for row in "| READ | Meta, Mistral AI |" "| TRUTH | Anthropic, Google, Mistral AI, OpenAI |" \
    "| READ | Apache-2.0, open weights |" "| TRUTH | Apache-2.0, proprietary |" \
    "Of the task x org cells, 12 of 35 have no model." "Of the task x license cells, 7 of 21 have no model."; do
    if grep -qxF -- "$row" "$md"; then ok "facet gap row '$row'"; else bad "no facet gap row '$row'"; fi
done
# No section is an empty table: a table header and its rule are followed by a row.
if awk '/^\|---/ { rule = NR } rule && NR == rule + 1 && !/^\|/ { bad = 1 } END { exit bad }' "$md"; then
    ok "no empty table in the text-LLM report"
else
    bad "an empty table in the text-LLM report"
fi
for word in encoder fusion speech modality hours; do
    if grep -qi "$word" "$md"; then bad "the text-LLM report speaks of '$word'"; else ok "no '$word'"; fi
done
# The models-per-year chart stacks by a facet the catalog has (license:
# 3 values over 8 models, first in name order), its legend only values present.
if grep -q 'title "Apache-2.0"' "$tmp/tl/charts/models_per_year.gp" &&
    ! grep -q 'title "unknown"' "$tmp/tl/charts/models_per_year.gp"; then
    ok "models per year by license, no unknown part"
else
    bad "models per year legend: $(grep title "$tmp/tl/charts/models_per_year.gp" | head -5)"
fi

# report --facets: the facets asked for, in that order; a name that is none is a usage error.
"$bin" report --data $F/textllm --facets org --out "$tmp/tl2" >/dev/null 2>&1
if grep -qx "#### org" "$tmp/tl2/README.md" && ! grep -q "#### license" "$tmp/tl2/README.md"; then
    ok "report --facets org"
else
    bad "report --facets org"
fi
expect 64 "^benchcov: --facets: unknown model facet 'licence' \(did you mean 'license'\?\)$" -- \
    report --data $F/textllm --facets licence --out "$tmp/tl3"
if [ -e "$tmp/tl3" ]; then
    bad "a report was written despite the usage error"
else
    ok "nothing written"
fi

# No hours in the catalog: --hours is a usage error, and the plan speaks of none.
expect 64 "^benchcov: --hours: no dataset of the catalog has hours" -- \
    plan --data $F/textllm --hours 10
"$bin" plan --data $F/textllm >"$tmp/plan.md" 2>/dev/null
if grep -qi hours "$tmp/plan.md"; then bad "the plan speaks of hours"; else ok "plan without hours"; fi

# ---- one file against the equivalent four files --------------------------
"$bin" report --data $F/onefile/usage.csv --out "$tmp/o1" >/dev/null 2>&1 || bad "report one file"
"$bin" report --data $F/onefile_dir --out "$tmp/o2" >/dev/null 2>&1 || bad "report four files"
same "$tmp/o1" "$tmp/o2" "one-file catalog: the same report as the four-file catalog"
for args in "coverage --by task --format csv" "coverage --by dataset --format csv" \
    "overlap --format csv" "metrics --format csv" "plan --format csv"; do
    # shellcheck disable=SC2086
    "$bin" $args --data $F/onefile/usage.csv >"$tmp/a" 2>&1
    # shellcheck disable=SC2086
    "$bin" $args --data $F/onefile_dir >"$tmp/b" 2>&1
    same "$tmp/a" "$tmp/b" "one file, four files: $args"
done
expect 0 "" -- check --data $F/onefile/usage.csv
if grep -q "models        8" "$tmp/out" && grep -q "datasets      10" "$tmp/out" &&
    grep -q "tasks         6" "$tmp/out" && grep -q "usage rows    37 (0 train, 37 eval)" "$tmp/out"; then
    ok "one-file summary: 8 models, 10 datasets, 6 tasks, 37 eval facts"
else
    bad "one-file summary: $(cat "$tmp/out")"
fi
expect 66 "^benchcov: cannot open '$F/onefile/nosuch.csv': No such file or directory$" -- \
    check --data $F/onefile/nosuch.csv

# ---- less than model,dataset,task: still a report, and no empty table ----
printf 'model,dataset\nGPT-4,MMLU\nLlama 3,MMLU\nLlama 3,GSM8K\n' >"$tmp/md.csv"
printf 'model,dataset\n' >"$tmp/none.csv"
for cat in md none; do
    if "$bin" report --data "$tmp/$cat.csv" --out "$tmp/r-$cat" >/dev/null 2>"$tmp/err" &&
        awk '/^\|---/ { rule = NR } rule && NR == rule + 1 && !/^\|/ { bad = 1 } END { exit bad }' \
            "$tmp/r-$cat/README.md"; then
        ok "report of $cat.csv: no empty table"
    else
        bad "report of $cat.csv: $(head -c 200 "$tmp/err")"
    fi
done
if grep -qx "No model covers any task." "$tmp/r-md/README.md" &&
    grep -q "^The catalog has no task" "$tmp/r-md/README.md"; then
    ok "a catalog without tasks says so in one sentence"
else
    bad "a catalog without tasks"
fi

# ---- usage without task and role columns ---------------------------------
# Each row covers the tasks datasets.csv lists for its dataset; all eval.
# By hand: GPT-4 MMLU {KNOW}, ARC-Challenge {COMMON, KNOW}; Llama 2 70B
# MMLU {KNOW}, GSM8K {MATH}; Mistral 7B BIG-Bench Hard (no tasks listed:
# one task-free fact).  KNOW: 2 models over MMLU (2) and ARC (1): Gini
# |2-1| * 2 / (2 * 2^2 * 1.5) = 1/6.
cat >"$tmp/exp.csv" <<'X'
task,name,modality,models,datasets,share,gini,status
COMMON,COMMON,,1,1,0.333333,0,thin
KNOW,KNOW,,2,2,0.666667,0.166667,covered
MATH,MATH,,1,1,0.333333,0,thin
X
"$bin" coverage --by task --format csv --data $F/no_task_role >"$tmp/got.csv" 2>&1
same "$tmp/exp.csv" "$tmp/got.csv" "no task column: rows cover their dataset's tasks"
expect 0 "" -- check --data $F/no_task_role
if grep -q "usage rows    6 (0 train, 6 eval)" "$tmp/out"; then ok "no role column: every fact eval"; else bad "roles: $(cat "$tmp/out")"; fi

# ---- columns in another order: the same bytes ----------------------------
"$bin" report --data $F/good --out "$tmp/g1" >/dev/null 2>&1
"$bin" report --data $F/shuffled --out "$tmp/g2" >/dev/null 2>&1
same "$tmp/g1" "$tmp/g2" "columns shuffled: byte-identical report"
for by in task model dataset; do
    "$bin" coverage --by $by --format csv --data $F/good >"$tmp/a" 2>&1
    "$bin" coverage --by $by --format csv --data $F/shuffled >"$tmp/b" 2>&1
    same "$tmp/a" "$tmp/b" "columns shuffled: coverage --by $by"
done

echo "$fail check(s) failed"
[ "$fail" -eq 0 ]
