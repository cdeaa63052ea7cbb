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
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"
DATA=$src/tests/fixtures/contamination
GOLDEN=$src/tests/golden/contamination

"$bin" report --data "$DATA" --out "$tmp/r" >/dev/null 2>"$tmp/err" ||
    bad "report on the fixture failed: $(cat "$tmp/err")"
for t in contamination contamination_by_model; do
    if cmp -s "$tmp/r/tables/$t.csv" "$GOLDEN/$t.csv"; then
        ok "tables/$t.csv equals the reference"
    else
        bad "tables/$t.csv differs from the reference"
        diff "$GOLDEN/$t.csv" "$tmp/r/tables/$t.csv" | head -10 >&2
    fi
done
md=$tmp/r/README.md
# has TEXT DESCRIPTION: the report holds the line TEXT (fixed string).
has() {
    if grep -qF -- "$1" "$md"; then ok "$2"; else bad "$2: '$1' not found"; fi
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
    ok "rows by in-domain count"
else
    bad "row order '$order'"
fi

# Only one role: one line, header-only tables.
for role in train eval; do
    mkdir -p "$tmp/$role"
    cp "$DATA"/tasks.csv "$DATA"/models.csv "$DATA"/datasets.csv "$tmp/$role/"
    awk -F, -v r="$role" 'NR == 1 || $0 ~ ","r"," ' "$DATA/usage.csv" >"$tmp/$role/usage.csv"
    "$bin" report --data "$tmp/$role" --out "$tmp/$role/out" >/dev/null 2>"$tmp/err" ||
        bad "report with $role rows only failed: $(cat "$tmp/err")"
    lines=$(sed -n '/^## Contamination$/,/^## /p' "$tmp/$role/out/README.md" | grep -c .)
    if [ "$lines" -eq 3 ]; then
        ok "$role only: the section is one line"
    else
        bad "$role only: section has $lines non-empty lines"
    fi
    # Train only: no evaluation at all.  Eval only: the 9 evaluations, none in-domain.
    want=1
    [ "$role" = eval ] && want=10
    got=$(wc -l <"$tmp/$role/out/tables/contamination.csv")
    if [ "$got" -eq "$want" ] && ! grep -q ',yes,' "$tmp/$role/out/tables/contamination.csv"; then
        ok "$role only: contamination.csv has $want lines, nothing in-domain"
    else
        bad "$role only: contamination.csv has $got lines, expected $want, none in-domain"
    fi
done

finish "contamination report"
