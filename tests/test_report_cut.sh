#!/usr/bin/env bash
# tests/test_report_cut.sh BINARY SOURCE_DIR - report tables that would list
# every model stop at the first 200 and name the CSV table holding the rest
# (README, "Scale"): on a one-file catalog of 260 models, 230 of them
# isolated (each alone on its own dataset) and 30 sharing one dataset, the
# isolated-models table, the coverage-by-model table and the communities
# table are checked against counts worked out from how the catalog is made,
# and so are the name lists of the plan's Markdown steps.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"
export LC_ALL=C

# m001..m230 each alone on dataset own001..own230 (task T1); s01..s30 all
# on dataset shared (task T1): 230 isolated models, 260 models in all.
{
    echo "model,dataset,task"
    for i in $(seq -w 1 230); do echo "m$i,own$i,T1"; done
    for i in $(seq -w 1 30); do echo "s$i,shared,T1"; done
} >"$tmp/cat.csv"
expect 0 "" -- report --data "$tmp/cat.csv" --out "$tmp/r"
md=$tmp/r/README.md

# same WHAT GOT WANT: one check that GOT is WANT.
same() {
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: got '$2', expected '$3'"; fi
}
# has WHAT LINE: README.md holds LINE exactly (fixed string).
has() {
    if grep -qF -- "$2" "$md"; then ok "$1"; else bad "$1: no line '$2'"; fi
}
bq='`'

# The isolated table: its rows run from the header to the first blank line.
rows=$(awk '/^### Isolated models/ { on = 1 } on && /^\| m[0-9]/ { n++ } on && /^### Empty/ { exit } END { print n + 0 }' "$md")
same "isolated table: the first 200 rows" "$rows" 200
first=$(awk '/^### Isolated models/ { on = 1 } on && /^\| m[0-9]/ { print $2; exit }' "$md")
last=$(awk '/^### Isolated models/ { on = 1 } on && /^\| m[0-9]/ { l = $2 } on && /^### Empty/ { print l; exit }' "$md")
same "isolated table: in name order" "$first $last" "m001 m200"
has "isolated table: points to tables/isolated.csv" \
    "The first 200 shown; 30 more isolated models are in ${bq}tables/isolated.csv${bq}."
n=$(tail -n +2 "$tmp/r/tables/isolated.csv" | wc -l)
same "isolated.csv: all 230" "$n" 230
if [ "$(head -2 "$tmp/r/tables/isolated.csv")" = "$(printf 'model,tasks,named_datasets,why\nm001,1,1,"its (dataset, task) pairs are its own"')" ]; then
    ok "isolated.csv: header and first row"
else
    bad "isolated.csv starts: $(head -2 "$tmp/r/tables/isolated.csv")"
fi
# An isolated model's bridges: the dataset 30 others used for T1 first,
# then two of the single-model ones in name order (its own left out).
if grep -qE '^\| m001 \| 1 \| 1 \| its \(dataset, task\) pairs are its own \| shared, own002, own003 \|$' "$md"; then
    ok "isolated table: the shared dataset first would make m001 comparable"
else
    bad "isolated table row of m001: $(grep -E '^\| m001 ' "$md")"
fi

# Coverage by model: every model has a row in the CSV.
n=$(tail -n +2 "$tmp/r/tables/coverage_model.csv" | wc -l)
same "coverage_model.csv: all 260 models" "$n" 260
has "coverage by model: points to the CSV for the 60 past 200" \
    "60 more models are in ${bq}tables/coverage_model.csv${bq}"

# Communities: 231 islands (230 pairs and one star of 31 vertices); the
# CSV lists each of the 260 models and 231 datasets exactly once.
n=$(tail -n +2 "$tmp/r/tables/communities.csv" | wc -l)
same "communities.csv: every vertex once" "$n" 491
n=$(tail -n +2 "$tmp/r/tables/communities.csv" | cut -d, -f1 | sort -u | wc -l)
same "communities.csv: 231 communities" "$n" 231
# The star is the largest, so community 1: s01..s30 and the shared dataset.
n=$(grep -c '^1,' "$tmp/r/tables/communities.csv")
same "communities.csv: community 1 is the star" "$n" 31

# The plan's Markdown steps: 250 models evaluated on dataset D1 for task T1
# and trained on it too.  The comparable plan's step names 200 of the 250
# baselines it makes comparable on T1, the unseen plan's step 200 of the 250
# that trained on D1; both count the rest.
{
    echo "model,dataset,task,role"
    for i in $(seq -w 1 250); do echo "p$i,D1,T1,eval"; echo "p$i,D1,,train"; done
} >"$tmp/plan.csv"
expect 0 "" -- plan --data "$tmp/plan.csv"
line=$(grep -E '^- T1: ' "$tmp/out")
same "plan step: 200 names, then a count" "$(echo "$line" | grep -o 'p[0-9]*' | wc -l) ${line##*, }" \
    "200 p200 and 50 more"
expect 0 "" -- plan --data "$tmp/plan.csv" --objective unseen
line=$(grep -E '^Trained on by 250 baselines: ' "$tmp/out")
same "unseen step: 200 names, then a count" "$(echo "$line" | grep -o 'p[0-9]*' | wc -l) ${line##*, }" \
    "200 p200 and 50 more."

finish "report cut"
