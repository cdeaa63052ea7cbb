#!/bin/bash
# test_contamination_report.sh BINARY SOURCE_DIR - the report's
# Contamination section and tables through the real executable, on the
# fixture tests/fixtures/contamination (aliases in other case and
# spacing, a task-free train row, an eval row without a dataset, names
# with commas and quotes).  The tables must equal those the independent
# reference tests/reference/contamination_reference.py wrote into
# tests/golden/contamination/ (worked by hand as well: Pengi 3 of 3
# in-domain, 2 on the same task; SALMONN 2 of 3, 1; Zeta 1 of 1, 1;
# Qwen-Audio 0 of 2; 6 of 9 in all).  Without eval rows, or without
# train rows, the section is one line and nothing is in-domain.
set -u

BINARY=${1:?usage: test_contamination_report.sh BINARY SOURCE_DIR}
SOURCE_DIR=${2:?usage: test_contamination_report.sh BINARY SOURCE_DIR}
DATA=$SOURCE_DIR/tests/fixtures/contamination
GOLDEN=$SOURCE_DIR/tests/golden/contamination

fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
pass() { echo "ok: $*"; }

[ -x "$BINARY" ] || { echo "FAIL: no executable '$BINARY'" >&2; exit 1; }
TMP=$(mktemp -d /tmp/bc_contam.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

"$BINARY" report --data "$DATA" --out "$TMP/r" >/dev/null 2>"$TMP/err" ||
    fail "report on the fixture failed: $(cat "$TMP/err")"
for t in contamination contamination_by_model; do
    if cmp -s "$TMP/r/tables/$t.csv" "$GOLDEN/$t.csv"; then
        pass "tables/$t.csv equals the reference"
    else
        fail "tables/$t.csv differs from the reference"
        diff "$GOLDEN/$t.csv" "$TMP/r/tables/$t.csv" | head -10 >&2
    fi
done
md=$TMP/r/README.md
# has TEXT DESCRIPTION: the report holds the line TEXT (fixed string).
has() {
    if grep -qF -- "$1" "$md"; then pass "$2"; else fail "$2: '$1' not found"; fi
}
has '## Contamination' "section present"
has '- **6 of 9 evaluations (66.7%) are in-domain**, 4 of them on the same task.' "totals line"
has '- 3 of the 4 models with evaluation facts have at least one in-domain evaluation.' \
    "models line"
has '| Pengi | 3 | 3 | 2 | **Clotho (AAC)**, **Clotho-AQA (AQA)**, **MELD (AQA)** |' \
    "Pengi row lists its evaluations in name order, in-domain in bold"
has '| SALMONN | 3 | 2 | 1 | AudioCaps, the set (AAC), **CoVoST 2 (ST)**, **LibriSpeech (ASR)** |' \
    "SALMONN row: the task-free CoVoST 2 training makes its CoVoST 2 evaluation in-domain"
has '| Qwen-Audio | 2 | 0 | 0 | CoVoST 2 (ST), LibriSpeech (ASR) |' "Qwen-Audio row"
has 'Zeta, the "quoted" model' "catalog text kept"
# Most in-domain first: Pengi (3) before SALMONN (2) before Zeta (1) before Qwen-Audio (0).
order=$(sed -n '/^## Contamination/,/^## Suggested/p' "$md" | grep -E '^\| (Pengi|SALMONN|Zeta|Qwen)' |
        cut -d'|' -f2 | tr -d ' ' | cut -c1-5 | tr '\n' ' ')
if [ "$order" = "Pengi SALMO Zeta, Qwen- " ]; then
    pass "rows by in-domain count"
else
    fail "row order '$order'"
fi

# Only one role: one line, header-only tables.
for role in train eval; do
    mkdir -p "$TMP/$role"
    cp "$DATA"/tasks.csv "$DATA"/models.csv "$DATA"/datasets.csv "$TMP/$role/"
    awk -F, -v r="$role" 'NR == 1 || $0 ~ ","r"," ' "$DATA/usage.csv" >"$TMP/$role/usage.csv"
    "$BINARY" report --data "$TMP/$role" --out "$TMP/$role/out" >/dev/null 2>"$TMP/err" ||
        fail "report with $role rows only failed: $(cat "$TMP/err")"
    lines=$(sed -n '/^## Contamination$/,/^## /p' "$TMP/$role/out/README.md" | grep -c .)
    if [ "$lines" -eq 3 ]; then
        pass "$role only: the section is one line"
    else
        fail "$role only: section has $lines non-empty lines"
    fi
    # Train only: no evaluation at all.  Eval only: the 9 evaluations, none in-domain.
    want=1
    [ "$role" = eval ] && want=10
    got=$(wc -l <"$TMP/$role/out/tables/contamination.csv")
    if [ "$got" -eq "$want" ] && ! grep -q ',yes,' "$TMP/$role/out/tables/contamination.csv"; then
        pass "$role only: contamination.csv has $want lines, nothing in-domain"
    else
        fail "$role only: contamination.csv has $got lines, expected $want, none in-domain"
    fi
done

[ "$fails" -eq 0 ] || { echo "$fails check(s) failed" >&2; exit 1; }
echo "all contamination report checks passed"
