# bash completion for kith                                 -*- shell-script -*-
#
# Needs bash-completion. Installed as
#   $prefix/share/bash-completion/completions/kith
# or, without installing:  source <(kith completion bash)
#
# kith itself knows its commands, options and contacts: this only asks
# `kith __complete -- WORDS...` and hands the answer to readline.

_kith()
{
    local cur prev words cword
    _init_completion -n =: || return

    # The word being completed goes without the quote that may open it.
    local out
    out=$("$1" __complete -- "${words[@]:1:cword-1}" "${cur#[\"\']}" 2>/dev/null) || return
    case $out in
        :files | :dirs)
            [[ $cur == --*=* ]] && cur=${cur#*=}
            if [[ $out == :dirs ]]; then _filedir -d; else _filedir; fi
            return
            ;;
    esac
    [[ -n $out ]] || return

    # Readline replaces only the text after the last '=' or ':' of the word.
    local keep=
    [[ $cur == *[=:]* ]] && keep=${cur%"${cur##*[=:]}"}

    local line value
    COMPREPLY=()
    while IFS= read -r line; do
        value=${line%%$'\t'*}
        value=${value#"$keep"}
        [[ $cur == [\'\"]* ]] || printf -v value '%q' "$value"
        COMPREPLY+=("$value")
    done <<<"$out"
} &&
    complete -F _kith kith

# ex: filetype=sh
