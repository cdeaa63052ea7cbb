#!/usr/bin/env bash
# tests/test_cmd_import.sh BINARY SOURCE_DIR - `benchcov import` end to end:
# every format writes a catalog that `benchcov check` accepts plus
# review.csv; bad input exits 65 with FILE:LINE:COL and leaves the earlier
# output byte-identical with no temporary behind; misuse exits 64, a
# missing input 66, an output that cannot be created 73.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"

tree_hash() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }
leftovers() { find "$1" -name '.*.??????' -print; }

cd "$src" || exit 1
F=tests/fixtures/import

# Each format: a catalog that check accepts, and a review list.
expect 0 "" -- import markdown $F/survey.md --out "$tmp/md"
grep -q "mentions to review in '$tmp/md/review.csv'" "$tmp/out" || bad "no summary line"
expect 0 "" -- check --data "$tmp/md"
head -1 "$tmp/md/review.csv" | grep -qx "position,mention,problem,action,suggestion" ||
    bad "review.csv header"
grep -q "^$F/survey.md:13:[0-9]*,15M hours of speech (ASR),amount without a dataset name," \
    "$tmp/md/review.csv" || bad "review.csv lacks the amount at its position"
expect 0 "" -- import markdown $F/survey.md --out "$tmp/mdc" --catalog $F/catalog --role train
expect 0 "" -- check --data "$tmp/mdc"
grep -q "^SALMONN,GigaSpeech,ASR,train,$F/survey.md$" "$tmp/mdc/usage.csv" ||
    bad "merged catalog lacks the imported fact"
grep -q "^SALMONN,LibriSpeech,ASR,eval,catalog$" "$tmp/mdc/usage.csv" ||
    bad "merged catalog lost the catalog's fact"
# The shipped catalog merged with its own seed table: still valid, every fact kept.
expect 0 "" -- import markdown data/seed/000_af6c99f7d2546b96.txt --out "$tmp/seed" \
    --catalog data --role train --source seed
expect 0 "" -- check --data "$tmp/seed"
before_rows=$("$bin" check --data data | awk '/usage rows/ { print $3 }')
after_rows=$("$bin" check --data "$tmp/seed" | awk '/usage rows/ { print $3 }')
if [ "$after_rows" -ge "$before_rows" ]; then
    ok "merged seed keeps the catalog's $before_rows facts ($after_rows)"
else
    bad "merged seed has $after_rows facts, the catalog $before_rows"
fi

# A one-file catalog (usage only, scores) as --catalog: its tasks keep their codes as names.
printf 'model,dataset,task,score\nA,LibriSpeech,ASR,3.5\nB,AudioSet,SEC,\n' >"$tmp/one.csv"
expect 0 "" -- import markdown $F/survey.md --out "$tmp/one" --catalog "$tmp/one.csv"
expect 0 "" -- check --data "$tmp/one"
grep -qx "A,LibriSpeech,ASR,eval,,3.5,," "$tmp/one/usage.csv" || bad "one-file catalog's fact and score"
grep -qx "ASR,ASR" "$tmp/one/tasks.csv" || bad "one-file catalog's task"
expect 0 "" -- import matrix $F/leaderboard.csv --out "$tmp/mx" --facet Org \
    --facet 'Params (B)' --facet Notes --task-map $F/leaderboard_tasks.csv --metric accuracy
expect 0 "" -- check --data "$tmp/mx"
expect 0 "" -- import pwc $F/pwc.json --out "$tmp/pwc"
expect 0 "" -- check --data "$tmp/pwc"
grep -q '^BEATs,AudioSet,AUDIO-CLASSIFICATION,eval,https://arxiv.org/abs/2212.09058v1,0.486,Test mAP,$' \
    "$tmp/pwc/usage.csv" || bad "pwc fact with score and metric"

# Bad input: 65 with the position; the earlier output untouched.
before=$(tree_hash "$tmp/md")
printf 'Name | Dataset\n---|---\nA | B\xff\n' >"$tmp/bad.md"
expect 65 "^benchcov: $tmp/bad.md:3:6: invalid UTF-8 byte 0xFF$" -- \
    import markdown "$tmp/bad.md" --out "$tmp/md"
printf '[{"task": "A", "datasets": [}]' >"$tmp/bad.json"
expect 65 "^benchcov: $tmp/bad.json:1:29: invalid JSON" -- import pwc "$tmp/bad.json" --out "$tmp/md"
printf 'model,A,B\nm,1\n' >"$tmp/bad.csv"
expect 65 "^benchcov: $tmp/bad.csv:2:1: expected 3 fields, found 2$" -- \
    import matrix "$tmp/bad.csv" --out "$tmp/md"
if [ "$(tree_hash "$tmp/md")" = "$before" ]; then
    ok "earlier output untouched"
else
    bad "a failed import changed the earlier output"
fi
if [ -z "$(leftovers "$tmp")" ]; then
    ok "no temporaries left"
else
    bad "temporaries left: $(leftovers "$tmp")"
fi

# Misuse, missing input, output that cannot be created.
expect 64 "--out is required" -- import markdown $F/survey.md
expect 64 "unknown import format 'html'" -- import html $F/survey.md --out "$tmp/x"
expect 64 "missing format" -- import
expect 64 "missing input file" -- import pwc
expect 64 "apply to markdown imports only" -- import pwc $F/pwc.json --out "$tmp/x" --table 2
expect 64 "apply to matrix imports only" -- import markdown $F/survey.md --out "$tmp/x" --facet a
expect 64 "invalid value 'test' for --role" -- import markdown $F/survey.md --out "$tmp/x" --role test
expect 64 "did you mean 'Speech model'" -- \
    import markdown $F/survey.md --out "$tmp/x" --map 'encoder=Speech modl'
expect 64 "did you mean 'Org'" -- import matrix $F/leaderboard.csv --out "$tmp/x" --facet Orgs
expect 64 "has 3 tables" -- import markdown $F/survey.md --out "$tmp/x" --table 4
expect 66 "cannot open '$tmp/none.md'" -- import markdown "$tmp/none.md" --out "$tmp/x"
expect 66 "" -- import markdown $F/survey.md --out "$tmp/x" --catalog "$tmp/nocatalog"
[ -e "$tmp/x" ] && bad "a refused import created its output directory"
if [ "$(id -u)" -ne 0 ]; then
    mkdir "$tmp/ro" && chmod a-w "$tmp/ro"
    expect 73 "cannot create" -- import markdown $F/survey.md --out "$tmp/ro/cat"
fi
expect 0 "" -- import --help
grep -q "^usage: benchcov import markdown|matrix|pwc <file> --out <dir>" "$tmp/out" ||
    bad "import --help lacks the usage"

[ "$fail" -eq 0 ] || { echo "$fail check(s) failed"; exit 1; }
