#!/usr/bin/env bash
# tests/test_completion.sh BINARY SOURCE_DIR - completion/benchcov.bash,
# sourced under bash, registers _benchcov for benchcov; the completion
# function offers the commands for a prefix, each command's options
# (exactly the options its --help lists), the values of enumerated options
# and directories for --data.
# shellcheck source=testlib.sh
. "$(dirname "$0")/testlib.sh"

# shellcheck source=../completion/benchcov.bash
. "$src/completion/benchcov.bash"

spec=$(complete -p benchcov 2>&1)
if [ "$spec" = "complete -F _benchcov benchcov" ]; then
    ok "complete -p: $spec"
else
    bad "complete -p benchcov: '$spec'"
fi

# complete WORD...: runs the completion function with the cursor on the
# last word and prints the candidates sorted, space-separated.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _benchcov benchcov "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}
# expect WANT WORD...: the candidates for WORD... are exactly WANT.
expect() {
    local want=$1 got
    shift
    got=$(complete_words "$@")
    if [ "$got" = "$want" ]; then
        ok "'$*' -> $want"
    else
        bad "'$*' -> '$got', expected '$want'"
    fi
}

expect "check" benchcov ch
expect "coverage" benchcov cov
expect "--help --version" benchcov --
expect "--objective" benchcov plan --ob
expect "--exact" benchcov plan --ex
expect "comparable unseen" benchcov plan --objective ""
expect "train" benchcov plan --role tr
expect "dataset" benchcov coverage --by d
expect "model-dataset model-task" benchcov export --graph model-
expect "markdown matrix" benchcov import ma
mkdir -p "$tmp/cats/data1" "$tmp/cats/data2"
: >"$tmp/cats/notes.txt"
(cd "$tmp/cats" && expect "data1 data2" benchcov check --data da)

# Every command of `benchcov --help` is offered, and its options are
# exactly those of its --help.
commands=$("$bin" --help | sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$commands" ] || bad "no command list in benchcov --help"
offered=" $(complete_words benchcov '') "
for cmd in $commands; do
    [[ $offered == *" $cmd "* ]] || bad "command $cmd is not completed"
    want=$("$bin" "$cmd" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u | tr '\n' ' ' | sed 's/ $//')
    got=$(complete_words benchcov "$cmd" --)
    if [ "$got" = "$want" ]; then
        ok "$cmd options"
    else
        bad "$cmd: completion offers '$got', its --help lists '$want' (edit completion/benchcov.bash)"
    fi
done

finish "completion"
