# bash completion for benchcov (installed as
# share/bash-completion/completions/benchcov): commands, each command's
# options, the values of enumerated options, directories for --data/--out,
# files where a command takes a file.  tests/test_completion.sh fails when
# a command's --help and the options offered here differ: a new option goes
# into _benchcov_options (and its values, if enumerated, into _benchcov).

# _benchcov_options COMMAND: the options COMMAND accepts.
_benchcov_options()
{
    case $1 in
        check) echo "--data --strict --help" ;;
        report) echo "--data --out --thin --seed --facets --render --force --help" ;;
        coverage) echo "--data --by --format --help" ;;
        overlap) echo "--data --model --top --format --help" ;;
        metrics) echo "--data --seed --format --help" ;;
        plan) echo "--data --tasks --all-tasks --baselines --k --hours --role --objective" \
                   "--exact --greedy --format --seed --help" ;;
        diff) echo "--format --fail-on --seed --charts --help" ;;
        import) echo "--out --catalog --known-only --source --table --map --role --facet" \
                     "--task-map --metric --model-column --help" ;;
        export) echo "--data --format --graph --out --help" ;;
    esac
}

_benchcov()
{
    local cur prev cmd i
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    local commands="check report coverage overlap metrics plan diff import export"

    if [ "$COMP_CWORD" -eq 1 ]; then
        mapfile -t COMPREPLY < <(compgen -W "$commands --help --version" -- "$cur")
        return 0
    fi
    cmd=${COMP_WORDS[1]}

    # The value of the option before the cursor.
    case $prev in
        --data)
            # A catalog directory, or a one-file catalog.
            mapfile -t COMPREPLY < <(compgen -d -- "$cur"; compgen -f -X '!*.csv' -- "$cur")
            compopt -o filenames 2>/dev/null
            return 0 ;;
        --out)
            if [ "$cmd" = export ]; then
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            else
                mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            fi
            compopt -o filenames 2>/dev/null
            return 0 ;;
        --catalog | --charts)
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
            compopt -o filenames 2>/dev/null
            return 0 ;;
        --task-map)
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            compopt -o filenames 2>/dev/null
            return 0 ;;
        --format)
            local formats="md csv"
            case $cmd in
                diff) formats="md csv json" ;;
                export) formats="graphml dot edges json" ;;
            esac
            mapfile -t COMPREPLY < <(compgen -W "$formats" -- "$cur")
            return 0 ;;
        --by)
            mapfile -t COMPREPLY < <(compgen -W "task model dataset" -- "$cur")
            return 0 ;;
        --role)
            mapfile -t COMPREPLY < <(compgen -W "train eval any" -- "$cur")
            return 0 ;;
        --objective)
            mapfile -t COMPREPLY < <(compgen -W "comparable unseen" -- "$cur")
            return 0 ;;
        --graph)
            mapfile -t COMPREPLY < <(compgen -W "model-dataset model-task dataset-task all" -- "$cur")
            return 0 ;;
        --fail-on)
            mapfile -t COMPREPLY < <(compgen -W "new-uncovered new-isolated removed-model errors" \
                                             -- "$cur")
            return 0 ;;
        --thin | --seed | --top | --k | --hours | --model | --tasks | --baselines | --facets | \
            --table | --map | --facet | --source | --metric | --model-column)
            # A number or a name: nothing to offer.
            return 0 ;;
    esac

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_benchcov_options "$cmd")" -- "$cur")
        return 0
    fi
    case $cmd in
        import)
            # The format first, then the input file.
            local nonopt=0
            for ((i = 2; i < COMP_CWORD; i++)); do
                [[ ${COMP_WORDS[i]} == -* ]] || nonopt=$((nonopt + 1))
            done
            if [ "$nonopt" -eq 0 ]; then
                mapfile -t COMPREPLY < <(compgen -W "markdown matrix pwc" -- "$cur")
            else
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
                compopt -o filenames 2>/dev/null
            fi ;;
        diff)
            # OLD and NEW: catalog directories or one-file catalogs.
            mapfile -t COMPREPLY < <(compgen -d -- "$cur"; compgen -f -X '!*.csv' -- "$cur")
            compopt -o filenames 2>/dev/null ;;
    esac
    return 0
}
complete -F _benchcov benchcov
