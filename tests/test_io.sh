#!/bin/bash
# test_io.sh BINARY SOURCE_DIR - output integrity at the edges of the
# program: a full standard output is an I/O error (74), an output that
# cannot be created is 73, and a run that fails (bad catalog, full disk)
# leaves the previous report byte-identical with no temporary behind.
#
# test_io.sh BINARY SOURCE_DIR diskfull runs only the disk-full case: it
# mounts a small tmpfs, and where mounting is not allowed it exits 77
# (skipped).
set -u

BINARY=${1:?usage: test_io.sh BINARY SOURCE_DIR [diskfull]}
SOURCE_DIR=${2:?usage: test_io.sh BINARY SOURCE_DIR [diskfull]}
PART=${3:-}
export LC_ALL=C

fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
pass() { echo "ok: $*"; }

[ -x "$BINARY" ] || { echo "FAIL: no executable '$BINARY'" >&2; exit 1; }

TMP=$(mktemp -d /tmp/bc_io.XXXXXX)
MNT=""
cleanup() {
    if [ -n "$MNT" ]; then umount "$MNT" 2>/dev/null; fi
    rm -rf "$TMP"
}
trap cleanup EXIT

# The catalog: the shipped one when it is valid, else the good fixture.
DATA=""
for d in "$SOURCE_DIR/data" "$SOURCE_DIR/tests/fixtures/good"; do
    if [ -f "$d/usage.csv" ] && "$BINARY" check --data "$d" >/dev/null 2>&1; then
        DATA=$d
        break
    fi
done
[ -n "$DATA" ] || { echo "FAIL: no valid catalog in data/ or tests/fixtures/good" >&2; exit 1; }
echo "catalog: $DATA"

# Every file under a tree with its hash, names in a fixed order.
tree_hash() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }

# Temporaries the atomic writer might leave: .NAME.XXXXXX anywhere below.
leftovers() { find "$1" -name '.*.??????' -print; }

# run EXPECTED_STATUS DESCRIPTION -- command...; stderr kept in $TMP/err
run() {
    local want=$1 what=$2
    shift 3
    "$@" 2>"$TMP/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        fail "$what: exit $got, expected $want"
        sed 's/^/    /' "$TMP/err" >&2
        return 1
    fi
    return 0
}

if [ "$PART" != diskfull ]; then
# 1. Standard output on a full device.
full_stdout() {
    local what=$1
    shift
    if run 74 "$what > /dev/full" -- "$@" >/dev/full; then
        if grep -q "^benchcov: cannot write standard output: No space left on device" "$TMP/err"; then
            pass "$what > /dev/full: 74 with a message"
        else
            fail "$what > /dev/full: no 'cannot write standard output' message"
            sed 's/^/    /' "$TMP/err" >&2
        fi
    fi
}
full_stdout "coverage --by task" "$BINARY" coverage --data "$DATA" --by task
full_stdout "coverage --by model --format csv" "$BINARY" coverage --data "$DATA" --by model --format csv
full_stdout "check" "$BINARY" check --data "$DATA"
full_stdout "--version" "$BINARY" --version

# 2. An output directory under a regular file cannot be created.
printf 'a regular file\n' >"$TMP/file"
if run 73 "report --out under a file" -- "$BINARY" report --data "$DATA" --out "$TMP/file/report"; then
    if grep -q "^benchcov: .*cannot create" "$TMP/err"; then
        pass "report --out FILE/report: 73 with a message"
    else
        fail "report --out FILE/report: no 'cannot create' message"
        sed 's/^/    /' "$TMP/err" >&2
    fi
fi
[ "$(cat "$TMP/file")" = "a regular file" ] || fail "the regular file was changed"

# 3. A failing run on a bad catalog leaves the previous report as it was.
if run 0 "first report" -- "$BINARY" report --data "$DATA" --out "$TMP/r"; then
    [ -f "$TMP/r/README.md" ] || fail "report wrote no README.md"
    [ -z "$(leftovers "$TMP/r")" ] || fail "temporaries left after a good report: $(leftovers "$TMP/r")"
    tree_hash "$TMP/r" >"$TMP/before"
    cp -r "$DATA" "$TMP/bad"
    # Break the last row of usage.csv: one field too many.
    sed -i '$ s/$/,extra field/' "$TMP/bad/usage.csv"
    last=$(grep -c "" "$TMP/bad/usage.csv")
    if run 65 "report on a bad catalog" -- "$BINARY" report --data "$TMP/bad" --out "$TMP/r"; then
        pass "report on a bad catalog: 65"
        grep -q "usage.csv:$last" "$TMP/err" || fail "the error does not name usage.csv:$last"
    fi
    tree_hash "$TMP/r" >"$TMP/after"
    if cmp -s "$TMP/before" "$TMP/after"; then
        pass "previous report byte-identical after the failed run"
    else
        fail "previous report changed by the failed run"
        diff "$TMP/before" "$TMP/after" >&2
    fi
    [ -z "$(leftovers "$TMP/r")" ] || fail "temporaries left: $(leftovers "$TMP/r")"
fi

fi

if [ "$PART" = diskfull ]; then
# 4. Disk full while the report is written.
mkdir "$TMP/mnt"
if mount -t tmpfs -o size=8m tmpfs "$TMP/mnt" 2>"$TMP/mounterr"; then
    MNT=$TMP/mnt
    if run 0 "report on tmpfs" -- "$BINARY" report --data "$DATA" --out "$MNT/r"; then
        tree_hash "$MNT/r" >"$TMP/before"
        used_kb=$(du -sk "$MNT/r" | cut -f1)
        # Two runs: no space at all, then about half the report's size, so
        # that some files of the set are written before one fails.
        for spare_kb in 0 $((used_kb / 2)); do
            rm -f "$MNT/filler"
            avail_kb=$(df -Pk "$MNT" | awk 'NR == 2 { print $4 }')
            fill_kb=$((avail_kb - spare_kb))
            [ "$fill_kb" -gt 0 ] && dd if=/dev/zero of="$MNT/filler" bs=1k count="$fill_kb" 2>/dev/null
            "$BINARY" report --data "$DATA" --out "$MNT/r" 2>"$TMP/err"
            got=$?
            if [ "$got" -eq 74 ] || [ "$got" -eq 73 ]; then
                pass "disk full (spare ${spare_kb}k): exit $got"
                grep -q "No space left on device" "$TMP/err" ||
                    fail "disk full (spare ${spare_kb}k): message does not say 'No space left on device'"
            else
                fail "disk full (spare ${spare_kb}k): exit $got, expected 74 or 73"
                sed 's/^/    /' "$TMP/err" >&2
            fi
            tree_hash "$MNT/r" >"$TMP/after"
            cmp -s "$TMP/before" "$TMP/after" ||
                fail "disk full (spare ${spare_kb}k): previous report changed"
            [ -z "$(leftovers "$MNT")" ] ||
                fail "disk full (spare ${spare_kb}k): temporaries left: $(leftovers "$MNT")"
        done
    fi
    umount "$MNT" && MNT=""
else
    echo "skip: disk-full case, cannot mount a tmpfs here ($(cat "$TMP/mounterr"))"
    exit 77
fi

fi

if [ "$fails" -ne 0 ]; then
    echo "$fails check(s) failed" >&2
    exit 1
fi
echo "all I/O checks passed"
