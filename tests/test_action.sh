#!/usr/bin/env bash
# tests/test_action.sh BINARY SOURCE_DIR - the GitHub Action without
# GitHub: a throwaway git repository with two commits whose catalogs
# differ (tests/fixtures/diff/base, then .../changed), the GITHUB_*
# variables a pull request run has, and a stub `gh` on PATH that records
# its calls.  Runs scripts/action.sh run as action.yml does and checks
# the step summary, the annotations (the problem matcher's own regexp
# applied to the log), the exit status under --fail-on, the comment that
# is created and then updated in place, and the cut below the size limit.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3
want_rc() { # want_rc CODE WHAT
    if [ "$rc" -eq "$1" ]; then ok "$2: exit $1"; else bad "$2: exit $rc, expected $1: $(tail -5 "$tmp/log")"; fi
}
has() { # has FILE TEXT WHAT
    if grep -qF -- "$2" "$1"; then ok "$3"; else bad "$3: '$2' not in $1"; fi
}

command -v git >/dev/null 2>&1 || { echo "skip: git is not installed"; exit 77; }

# action.yml: a composite action that calls the script's three steps.
if "$py" - "$src/action.yml" <<'EOF'; then ok "action.yml is a composite action running scripts/action.sh"; else bad "action.yml"; fi
import sys
try:
    import yaml
except ImportError:
    sys.exit(0)
a = yaml.safe_load(open(sys.argv[1]))
assert a["runs"]["using"] == "composite"
for k in ("data", "out", "base", "fail-on", "comment"):
    assert k in a["inputs"], k
runs = " ".join(s.get("run", "") for s in a["runs"]["steps"])
for step in ("action.sh\" deps", "action.sh\" build", "action.sh\" run"):
    assert step in runs, step
assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in a["runs"]["steps"])
EOF

# The surveyed repository: commit 1 the base catalog, commit 2 the changed one.
repo=$tmp/survey
mkdir -p "$repo/data"
git init -q "$repo"
git -C "$repo" config user.email ci@example.org
git -C "$repo" config user.name ci
cp "$src"/tests/fixtures/diff/base/*.csv "$repo/data/"
git -C "$repo" add data && git -C "$repo" commit -qm base
base_sha=$(git -C "$repo" rev-parse HEAD)
cp "$src"/tests/fixtures/diff/changed/*.csv "$repo/data/"
git -C "$repo" add data && git -C "$repo" commit -qm change

# A stub gh: logs each call and the body file it is given; lists one
# earlier benchcov comment (id 4242) when $tmp/gh-existing exists.
mkdir -p "$tmp/bin"
cat >"$tmp/bin/gh" <<EOF
#!/usr/bin/env bash
echo "gh \$*" >>"$tmp/gh.log"
for a in "\$@"; do
    case \$a in body=@*) cp "\${a#body=@}" "$tmp/gh-body.md" ;; esac
done
if [ "\$2" = --paginate ] && [ -e "$tmp/gh-existing" ]; then echo 4242; fi
exit 0
EOF
chmod +x "$tmp/bin/gh"

cat >"$tmp/event.json" <<EOF
{"action": "synchronize", "number": 7,
 "pull_request": {"number": 7, "base": {"sha": "$base_sha"}, "head": {"sha": "x"}}}
EOF

# run_action FAIL_ON: the action's run step; sets rc, log in $tmp/log.
run_action() {
    : >"$tmp/summary.md"
    : >"$tmp/output"
    mkdir -p "$tmp/runner"
    (cd "$repo" && env PATH="$tmp/bin:$PATH" GITHUB_ACTIONS=true GITHUB_WORKSPACE="$repo" \
        GITHUB_EVENT_NAME=pull_request GITHUB_EVENT_PATH="$tmp/event.json" \
        GITHUB_REPOSITORY=owner/survey GITHUB_STEP_SUMMARY="$tmp/summary.md" \
        GITHUB_OUTPUT="$tmp/output" RUNNER_TEMP="$tmp/runner" HOME="$tmp" \
        BENCHCOV_BIN="$bin" BENCHCOV_DATA=data BENCHCOV_OUT=reports \
        BENCHCOV_FAIL_ON="$1" BENCHCOV_COMMENT=true GH_TOKEN=x \
        bash "$src/scripts/action.sh" run) >"$tmp/log" 2>&1
    rc=$?
}

# 1. The pull request: a new uncovered task, so --fail-on new-uncovered fails.
run_action new-uncovered,errors
want_rc 1 "fail-on new-uncovered"
has "$tmp/summary.md" "## Catalog changes: base-" "summary holds the diff"
has "$tmp/summary.md" "| SER | worsened | thin | uncovered |" "summary: SER became uncovered"
has "$tmp/summary.md" "- fail-on new-uncovered: tasks newly uncovered: 2 ('MGR', 'SER')" "summary names the condition"
has "$tmp/summary.md" "| tasks\\_uncovered |" "summary holds the headline figures"
has "$tmp/output" "status=1" "GITHUB_OUTPUT status"
for f in README.md charts/coverage_matrix.svg diff/README.md diff/charts/diff_coverage.svg diff/charts/diff_headline.png; do
    if [ -s "$repo/reports/$f" ]; then ok "artifact holds $f"; else bad "reports/$f missing"; fi
done
# The comment: listed first, then created with the marker and the diff.
if grep -q "^gh api --paginate repos/owner/survey/issues/7/comments " "$tmp/gh.log" &&
    grep -q "^gh api -X POST repos/owner/survey/issues/7/comments -F body=@" "$tmp/gh.log"; then
    ok "gh: comment created on #7"
else
    bad "gh calls: $(cat "$tmp/gh.log")"
fi
if [ "$(head -n 1 "$tmp/gh-body.md")" = "<!-- benchcov-pr-report -->" ]; then
    ok "comment starts with the marker"
else
    bad "comment body starts with '$(head -n 1 "$tmp/gh-body.md")'"
fi
has "$tmp/gh-body.md" "| A | merged | A; C | A |" "comment holds the diff"

# 2. Run again with that comment present: updated in place, not a second one.
: >"$tmp/gh.log"
touch "$tmp/gh-existing"
run_action new-isolated
want_rc 1 "fail-on new-isolated"
if grep -q "^gh api -X PATCH repos/owner/survey/issues/comments/4242 -F body=@" "$tmp/gh.log" &&
    ! grep -q "POST" "$tmp/gh.log"; then
    ok "gh: comment 4242 updated in place"
else
    bad "gh calls: $(cat "$tmp/gh.log")"
fi
run_action errors
want_rc 0 "fail-on errors on a valid catalog"

# 3. A broken catalog: check fails, each error annotates its file.
printf 'A,Librispeeh,ASR,eval,seed\n' >>"$repo/data/usage.csv"
git -C "$repo" commit -qam "typo"
run_action errors
want_rc 1 "check failure with fail-on errors"
has "$tmp/log" "::add-matcher::$src/.github/benchcov-matcher.json" "matcher added before check"
if "$py" - "$src/.github/benchcov-matcher.json" "$tmp/log" <<'EOF'; then ok "matcher annotates data/usage.csv:11:3"; else bad "annotations: $(grep benchcov: "$tmp/log")"; fi
import json, re, sys
m = json.load(open(sys.argv[1]))["problemMatcher"][0]["pattern"][0]
rx = re.compile(m["regexp"])
hits = [rx.match(l.rstrip("\n")) for l in open(sys.argv[2], encoding="utf-8")]
hits = [h for h in hits if h]
assert len(hits) == 1, [h.group(0) for h in hits]
h = hits[0]
assert h.group(m["file"]) == "data/usage.csv", h.group(m["file"])
assert (h.group(m["line"]), h.group(m["column"])) == ("11", "3"), h.group(0)
assert h.group(m["severity"]) is None  # an error, the matcher's default
assert "unknown dataset 'Librispeeh'" in h.group(m["message"]), h.group(m["message"])
EOF
# shellcheck disable=SC2016 # Markdown backquotes
has "$tmp/summary.md" '**`benchcov check` failed** (exit 65)' "summary says check failed"
has "$tmp/summary.md" "data/usage.csv:11:3: unknown dataset 'Librispeeh'" "summary lists the check error"
run_action new-uncovered
want_rc 0 "check failure without errors in fail-on"
git -C "$repo" reset -q --hard HEAD~1

# 4. A summary past the limit is cut at a line end, with a note.
: >"$tmp/summary.md"
(cd "$repo" && env PATH="$tmp/bin:$PATH" GITHUB_WORKSPACE="$repo" GITHUB_EVENT_PATH="$tmp/event.json" \
    GITHUB_REPOSITORY=owner/survey GITHUB_STEP_SUMMARY="$tmp/summary.md" RUNNER_TEMP="$tmp/runner" \
    HOME="$tmp" BENCHCOV_BIN="$bin" BENCHCOV_FAIL_ON= BENCHCOV_SUMMARY_LIMIT=3000 \
    bash "$src/scripts/action.sh" run) >"$tmp/log" 2>&1
size=$(wc -c <"$tmp/summary.md")
if [ "$size" -le 3000 ] && tail -n 1 "$tmp/summary.md" | grep -q "^\*\*Cut here: the summary would pass GitHub's 1 MiB limit"; then
    ok "summary cut to $size bytes with a note"
else
    bad "summary of $size bytes: $(tail -n 2 "$tmp/summary.md")"
fi

# 5. A base without the catalog: everything added, no failure.
echo '{"pull_request": {"number": 8, "base": {"sha": "'"$base_sha"'"}}}' >"$tmp/event.json"
git -C "$repo" checkout -q --orphan fresh && git -C "$repo" rm -rqf data >/dev/null &&
    git -C "$repo" commit -q --allow-empty -m empty
empty_sha=$(git -C "$repo" rev-parse HEAD)
git -C "$repo" checkout -q master 2>/dev/null || git -C "$repo" checkout -q main
echo '{"pull_request": {"number": 8, "base": {"sha": "'"$empty_sha"'"}}}' >"$tmp/event.json"
run_action removed-model
want_rc 0 "base without a catalog"
has "$tmp/summary.md" "everything counts as added" "summary says the base had no catalog"
has "$tmp/summary.md" "| model | A | added |" "every model added"

# 6. A survey kept as a Markdown table: imported at the head and at the base.
md=$tmp/mdsurvey
mkdir -p "$md"
git init -q "$md"
git -C "$md" config user.email ci@example.org
git -C "$md" config user.name ci
grep -v -e 'Speech-X' -e '^2024 |$' "$src/tests/fixtures/import/survey.md" >"$md/survey.md"
git -C "$md" add survey.md && git -C "$md" commit -qm base
md_base=$(git -C "$md" rev-parse HEAD)
cp "$src/tests/fixtures/import/survey.md" "$md/survey.md"
git -C "$md" commit -qam "add Speech-X"
echo '{"pull_request": {"number": 9, "base": {"sha": "'"$md_base"'"}}}' >"$tmp/event.json"
: >"$tmp/summary.md"
(cd "$md" && env PATH="$tmp/bin:$PATH" GITHUB_WORKSPACE="$md" GITHUB_EVENT_PATH="$tmp/event.json" \
    GITHUB_REPOSITORY=owner/mdsurvey GITHUB_STEP_SUMMARY="$tmp/summary.md" RUNNER_TEMP="$tmp/runner" \
    HOME="$tmp" BENCHCOV_BIN="$bin" BENCHCOV_MARKDOWN=survey.md BENCHCOV_FAIL_ON=errors \
    bash "$src/scripts/action.sh" run) >"$tmp/log" 2>&1
rc=$?
want_rc 0 "Markdown survey"
# shellcheck disable=SC2016 # Markdown backquotes
has "$tmp/summary.md" '## benchcov: `survey.md` at' "summary names the table"
has "$tmp/summary.md" "| model | Speech-X | added |" "the table's new model is added"
has "$tmp/summary.md" "| Speech-X | added | Clotho / AAC / " "and its fact"

finish "action"
