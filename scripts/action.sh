#!/usr/bin/env bash
# scripts/action.sh - what the benchcov GitHub Action (action.yml) does,
# as a script that runs the same way on a laptop (tests/test_action.sh).
#
# Usage: scripts/action.sh deps | build | run
#
#   deps   install the Debian packages benchcov needs (scripts/deps.sh)
#   build  build benchcov from this checkout into $BENCHCOV_BUILD and put
#          BENCHCOV_BIN=... into $GITHUB_ENV for the later steps
#   run    in $GITHUB_WORKSPACE: `check` the catalog with the problem
#          matcher on (each FILE:LINE:COL error annotates the file),
#          `report` and render its charts, extract the base commit's
#          catalog with git into a temporary directory and `diff` it
#          against the head's (charts rendered too), write the result and
#          the headline figures to $GITHUB_STEP_SUMMARY (cut below 1 MiB
#          with a note), and with BENCHCOV_COMMENT=true create or update
#          the one pull request comment that starts with the marker below.
#          Exits 1 when a --fail-on condition holds (a catalog that fails
#          `check` counts when the list holds `errors`), else 0, or the
#          failing command's status.
#
# Inputs (environment; action.yml maps its inputs onto them):
#   BENCHCOV_DATA     catalog, relative to the workspace (default: data)
#   BENCHCOV_MARKDOWN a survey's Markdown table, relative to the workspace:
#                     imported with `benchcov import markdown` at the head
#                     and at the base, and those catalogs used instead of
#                     BENCHCOV_DATA
#   BENCHCOV_OUT      report directory (default: reports)
#   BENCHCOV_BASE     base commit (default: the pull request's base sha
#                     from $GITHUB_EVENT_PATH; none: no diff)
#   BENCHCOV_FAIL_ON  `diff --fail-on` list (default: errors)
#   BENCHCOV_COMMENT  true: comment on the pull request (needs `gh`,
#                     GH_TOKEN and pull-requests: write)
#   BENCHCOV_BIN      the benchcov binary (default: benchcov on PATH)
#   BENCHCOV_SUMMARY_LIMIT, BENCHCOV_COMMENT_LIMIT  size caps in bytes
#                     (defaults 1000000 and 60000: GitHub takes 1 MiB per
#                     step summary and 65536 characters per comment)
# Catalog text reaches the summary only through benchcov's escaped
# Markdown or HTML-escaped inside <pre>.
set -uo pipefail

src=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
marker='<!-- benchcov-pr-report -->'

die() {
    echo "benchcov-action: $*" >&2
    exit 70
}

cmd_deps() {
    # shellcheck source=scripts/deps.sh
    . "$src/scripts/deps.sh"
    deps_install "${BENCHCOV_BUILD_DEPS[@]}" git python3
}

cmd_build() {
    local b=${BENCHCOV_BUILD:-${RUNNER_TEMP:-/tmp}/benchcov-build}
    if ! cmake -S "$src" -B "$b" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null ||
        ! cmake --build "$b" -j2 >/dev/null; then
        die "build failed"
    fi
    if [ -n "${GITHUB_ENV:-}" ]; then
        echo "BENCHCOV_BIN=$b/benchcov" >>"$GITHUB_ENV"
    fi
    echo "built $b/benchcov"
}

# html_escape <file: its text fit for inside <pre>.
html_escape() {
    sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' "$1"
}

# cap FILE LIMIT NOTE: cut FILE to at most LIMIT bytes at a line end and
# append NOTE when it was longer.
cap() {
    local f=$1 limit=$2 note=$3 size
    size=$(wc -c <"$f")
    [ "$size" -le "$limit" ] && return 0
    local keep=$((limit - ${#note} - 64))
    head -c "$keep" "$f" | sed '$d' >"$f.cut"
    printf '\n\n%s\n' "$note" >>"$f.cut"
    mv "$f.cut" "$f"
}

# event_field KEY...: a field of the pull request event, or nothing.
event_field() {
    [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ] || return 0
    python3 - "$GITHUB_EVENT_PATH" "$@" <<'EOF' 2>/dev/null
import json, sys
v = json.load(open(sys.argv[1], encoding="utf-8"))
for k in sys.argv[2:]:
    v = v.get(k) if isinstance(v, dict) else None
if v is not None:
    print(v)
EOF
}

cmd_run() {
    local ws=${GITHUB_WORKSPACE:-$PWD}
    local data=${BENCHCOV_DATA:-data} out=${BENCHCOV_OUT:-reports}
    local fail_on=${BENCHCOV_FAIL_ON-errors} bin=${BENCHCOV_BIN:-benchcov}
    local slimit=${BENCHCOV_SUMMARY_LIMIT:-1000000} climit=${BENCHCOV_COMMENT_LIMIT:-60000}
    command -v "$bin" >/dev/null 2>&1 || die "benchcov binary '$bin' not found"
    bin=$(command -v "$bin")
    cd "$ws" || die "no workspace '$ws'"
    git config --global --add safe.directory "$ws" 2>/dev/null
    local work
    work=$(mktemp -d "${RUNNER_TEMP:-/tmp}/benchcov.XXXXXX") || die "no temporary directory"
    local outabs
    mkdir -p "$out" || die "cannot create '$out'"
    outabs=$(cd "$out" && pwd) || die "cannot enter '$out'"
    local status=0 body="$work/body.md"
    : >"$body"

    local head_sha base md=${BENCHCOV_MARKDOWN:-}
    head_sha=$(git rev-parse --short HEAD 2>/dev/null || echo head)

    # 1. (import and) check, with the problem matcher reading the messages.
    echo "::add-matcher::$src/.github/benchcov-matcher.json"
    local check_rc=0
    : >"$work/check.out"
    : >"$work/check.err"
    if [ -n "$md" ]; then
        mkdir -p "$work/head-$head_sha"
        "$bin" import markdown "$md" --out "$work/head-$head_sha/catalog" >"$work/check.out" 2>"$work/check.err"
        check_rc=$?
        data="$work/head-$head_sha/catalog"
    fi
    if [ "$check_rc" -eq 0 ]; then
        "$bin" check --data "$data" >"$work/check.out" 2>"$work/check.err"
        check_rc=$?
    fi
    cat "$work/check.out"
    cat "$work/check.err"
    echo "::remove-matcher owner=benchcov::"
    base=${BENCHCOV_BASE:-$(event_field pull_request base sha)}
    printf '## benchcov: %s at %s\n\n' "\`${md:-$data}\`" "$head_sha" >>"$body"

    if [ "$check_rc" -ne 0 ]; then
        {
            echo "**\`benchcov check\` failed** (exit $check_rc): the errors annotate the files."
            echo
            echo "<pre>"
            html_escape "$work/check.err"
            echo "</pre>"
            echo
        } >>"$body"
        case ",${fail_on// /}," in
            *,errors,*) status=1 ;;
        esac
    else
        # 2. the report, rendered.
        if "$bin" report --data "$data" --out "$out" --render >"$work/report.out" 2>&1; then
            echo "report written to $out"
        else
            cat "$work/report.out"
            echo "**\`benchcov report\` failed**; see the job log." >>"$body"
            status=70
        fi
        # 3. the diff against the base commit's catalog.
        if [ -n "$base" ]; then
            if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
                git fetch --no-tags --depth=1 origin "$base" >/dev/null 2>&1
            fi
            local bshort
            bshort=$(git rev-parse --short "$base" 2>/dev/null) || die "base commit '$base' not found"
            local old="$work/base-$bshort" new="$work/head-$head_sha" rel=$data
            mkdir -p "$old"
            [ -n "$md" ] || ln -s "$ws" "$new"
            if [ -n "$md" ] && git cat-file -e "$base:$md" 2>/dev/null; then
                rel=catalog
                git show "$base:$md" >"$work/base.md"
                "$bin" import markdown "$work/base.md" --out "$old/catalog" >/dev/null 2>&1 ||
                    die "cannot import '$md' at $base"
            elif [ -n "$md" ]; then
                rel=catalog
                echo "The base commit has no \`$md\`: everything counts as added." >>"$body"
                echo >>"$body"
                mkdir -p "$old/catalog"
                for f in "$data"/*.csv; do head -n 1 "$f" >"$old/catalog/${f##*/}"; done
            elif git cat-file -e "$base:$data" 2>/dev/null; then
                git archive "$base" -- "$data" | tar -x -C "$old" || die "cannot extract '$data' at $base"
            else
                # No catalog at the base: compare against an empty one with the same headers.
                echo "The base commit has no \`$data\`: everything counts as added." >>"$body"
                echo >>"$body"
                if [ -d "$data" ]; then
                    mkdir -p "$old/$data"
                    for f in "$data"/*.csv; do head -n 1 "$f" >"$old/$f"; done
                else
                    mkdir -p "$old/$(dirname "$data")"
                    head -n 1 "$data" >"$old/$data"
                fi
            fi
            local fail_arg=()
            [ -n "$fail_on" ] && fail_arg=(--fail-on "$fail_on")
            mkdir -p "$outabs/diff"
            (cd "$work" && "$bin" diff "base-$bshort/$rel" "head-$head_sha/$rel" \
                "${fail_arg[@]}" --charts "$outabs/diff/charts") >"$outabs/diff/README.md" 2>"$work/diff.err"
            local diff_rc=$?
            cat "$work/diff.err" >&2
            if [ "$diff_rc" -eq 0 ] || [ "$diff_rc" -eq 1 ]; then
                bash "$src/scripts/render-charts.sh" "$outabs/diff" >/dev/null 2>>"$work/diff.err" ||
                    echo "diff charts failed to render" >&2
                if [ "$diff_rc" -eq 1 ]; then
                    {
                        echo "**--fail-on conditions that hold:**"
                        echo
                        grep '^benchcov: fail-on ' "$work/diff.err" | sed 's/^benchcov: /- /' |
                            sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/[][*_`|\\#]/\\&/g'
                        echo
                    } >>"$body"
                    status=1
                fi
                cat "$outabs/diff/README.md" >>"$body"
            else
                {
                    echo "**\`benchcov diff\` failed** (exit $diff_rc):"
                    echo
                    echo "<pre>"
                    html_escape "$work/diff.err"
                    echo "</pre>"
                } >>"$body"
                [ "$status" -eq 0 ] && status=$diff_rc
            fi
        else
            echo "No base commit (not a pull request and no \`base\` input): no diff." >>"$body"
            echo >>"$body"
        fi
        # 4. the headline figures of the head catalog.
        {
            echo "<details><summary>Headline figures of <code>$head_sha</code></summary>"
            echo
            "$bin" metrics --data "$data" 2>/dev/null
            echo
            echo "</details>"
            echo
        } >>"$body"
    fi
    echo "The full report and the charts are in the \`benchcov-report\` artifact of this run." >>"$body"

    # 5. the step summary and the comment, each under its size limit.
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
        cp "$body" "$work/summary.md"
        cap "$work/summary.md" "$slimit" \
            "**Cut here: the summary would pass GitHub's 1 MiB limit.** The whole diff is in the artifact (diff/README.md)."
        cat "$work/summary.md" >>"$GITHUB_STEP_SUMMARY"
    fi
    if [ "${BENCHCOV_COMMENT:-false}" = true ]; then
        local pr
        pr=$(event_field pull_request number)
        if [ -z "$pr" ] || [ -z "${GITHUB_REPOSITORY:-}" ]; then
            echo "::warning::benchcov: comment: true, but this run has no pull request"
        else
            { echo "$marker"; cat "$body"; } >"$work/comment.md"
            cap "$work/comment.md" "$climit" \
                "**Cut here: GitHub comments hold 65536 characters.** The run's summary and artifact hold the rest."
            local id
            id=$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$pr/comments" \
                --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)
            if [ -n "$id" ]; then
                gh api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$id" \
                    -F "body=@$work/comment.md" >/dev/null || echo "::warning::benchcov: cannot update comment $id"
            else
                gh api -X POST "repos/$GITHUB_REPOSITORY/issues/$pr/comments" \
                    -F "body=@$work/comment.md" >/dev/null || echo "::warning::benchcov: cannot comment on #$pr"
            fi
        fi
    fi
    if [ -n "${GITHUB_OUTPUT:-}" ]; then
        {
            echo "status=$status"
            echo "report=$outabs"
        } >>"$GITHUB_OUTPUT"
    fi
    rm -rf "$work"
    return "$status"
}

case ${1:-} in
    deps) cmd_deps ;;
    build) cmd_build ;;
    run) cmd_run ;;
    -h | --help) sed -n '2,36p' "$0" | sed 's/^# \{0,1\}//' ;;
    *)
        echo "usage: scripts/action.sh deps | build | run" >&2
        exit 64
        ;;
esac
