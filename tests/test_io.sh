#!/bin/bash
# test_io.sh BINARY SOURCE_DIR - output integrity at the edges of the
# program: a full standard output is an I/O error (74), an output that
# cannot be created is 73, and a run that bad (bad catalog, full disk)
# leaves the previous report byte-identical with no temporary behind.
#
# test_io.sh BINARY SOURCE_DIR diskfull runs only the disk-full case: it
# mounts a small tmpfs, and where mounting is not allowed it exits 77
# (skipped).
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"
PART=${3:-}
export LC_ALL=C
MNT=""
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup() {
    if [ -n "$MNT" ]; then umount "$MNT" 2>/dev/null; fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# The catalog: the shipped one when it is valid, else the good fixture.
DATA=""
for d in "$src/data" "$src/tests/fixtures/good"; do
    if [ -f "$d/usage.csv" ] && "$bin" check --data "$d" >/dev/null 2>&1; then
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

# run EXPECTED_STATUS DESCRIPTION -- command...; stderr kept in $tmp/err
run() {
    local want=$1 what=$2
    shift 3
    "$@" 2>"$tmp/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        bad "$what: exit $got, expected $want"
        sed 's/^/    /' "$tmp/err" >&2
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
        if grep -q "^benchcov: cannot write standard output: No space left on device" "$tmp/err"; then
            ok "$what > /dev/full: 74 with a message"
        else
            bad "$what > /dev/full: no 'cannot write standard output' message"
            sed 's/^/    /' "$tmp/err" >&2
        fi
    fi
}
full_stdout "coverage --by task" "$bin" coverage --data "$DATA" --by task
full_stdout "coverage --by model --format csv" "$bin" coverage --data "$DATA" --by model --format csv
full_stdout "check" "$bin" check --data "$DATA"
full_stdout "--version" "$bin" --version

# 2. An output directory under a regular file cannot be created.
printf 'a regular file\n' >"$tmp/file"
if run 73 "report --out under a file" -- "$bin" report --data "$DATA" --out "$tmp/file/report"; then
    if grep -q "^benchcov: .*cannot create" "$tmp/err"; then
        ok "report --out FILE/report: 73 with a message"
    else
        bad "report --out FILE/report: no 'cannot create' message"
        sed 's/^/    /' "$tmp/err" >&2
    fi
fi
[ "$(cat "$tmp/file")" = "a regular file" ] || bad "the regular file was changed"

# 3. A failing run on a bad catalog leaves the previous report as it was.
if run 0 "first report" -- "$bin" report --data "$DATA" --out "$tmp/r"; then
    [ -f "$tmp/r/README.md" ] || bad "report wrote no README.md"
    [ -z "$(leftovers "$tmp/r")" ] || bad "temporaries left after a good report: $(leftovers "$tmp/r")"
    tree_hash "$tmp/r" >"$tmp/before"
    cp -r "$DATA" "$tmp/bad"
    # Break the last row of usage.csv: one field too many.
    sed -i '$ s/$/,extra field/' "$tmp/bad/usage.csv"
    last=$(grep -c "" "$tmp/bad/usage.csv")
    if run 65 "report on a bad catalog" -- "$bin" report --data "$tmp/bad" --out "$tmp/r"; then
        ok "report on a bad catalog: 65"
        grep -q "usage.csv:$last" "$tmp/err" || bad "the error does not name usage.csv:$last"
    fi
    tree_hash "$tmp/r" >"$tmp/after"
    if cmp -s "$tmp/before" "$tmp/after"; then
        ok "previous report byte-identical after the failed run"
    else
        bad "previous report changed by the failed run"
        diff "$tmp/before" "$tmp/after" >&2
    fi
    [ -z "$(leftovers "$tmp/r")" ] || bad "temporaries left: $(leftovers "$tmp/r")"
fi

fi

if [ "$PART" = diskfull ]; then
# 4. Disk full while the report is written.
mkdir "$tmp/mnt"
if mount -t tmpfs -o size=8m tmpfs "$tmp/mnt" 2>"$tmp/mounterr"; then
    MNT=$tmp/mnt
    if run 0 "report on tmpfs" -- "$bin" report --data "$DATA" --out "$MNT/r"; then
        tree_hash "$MNT/r" >"$tmp/before"
        used_kb=$(du -sk "$MNT/r" | cut -f1)
        # Two runs: no space at all, then about half the report's size, so
        # that some files of the set are written before one fail.
        for spare_kb in 0 $((used_kb / 2)); do
            rm -f "$MNT/filler"
            avail_kb=$(df -Pk "$MNT" | awk 'NR == 2 { print $4 }')
            fill_kb=$((avail_kb - spare_kb))
            [ "$fill_kb" -gt 0 ] && dd if=/dev/zero of="$MNT/filler" bs=1k count="$fill_kb" 2>/dev/null
            "$bin" report --data "$DATA" --out "$MNT/r" 2>"$tmp/err"
            got=$?
            if [ "$got" -eq 74 ] || [ "$got" -eq 73 ]; then
                ok "disk full (spare ${spare_kb}k): exit $got"
                grep -q "No space left on device" "$tmp/err" ||
                    bad "disk full (spare ${spare_kb}k): message does not say 'No space left on device'"
            else
                bad "disk full (spare ${spare_kb}k): exit $got, expected 74 or 73"
                sed 's/^/    /' "$tmp/err" >&2
            fi
            tree_hash "$MNT/r" >"$tmp/after"
            cmp -s "$tmp/before" "$tmp/after" ||
                bad "disk full (spare ${spare_kb}k): previous report changed"
            [ -z "$(leftovers "$MNT")" ] ||
                bad "disk full (spare ${spare_kb}k): temporaries left: $(leftovers "$MNT")"
        done
    fi
    umount "$MNT" && MNT=""
else
    echo "skip: disk-full case, cannot mount a tmpfs here ($(cat "$tmp/mounterr"))"
    exit 77
fi

fi

finish "I/O"
