# bash completion through bash-completion: the function `kith completion bash`
# registers is called the way readline calls it (COMP_WORDS, COMP_CWORD,
# COMP_LINE, COMP_POINT), and what it leaves in COMPREPLY is checked.
source "$(dirname "$0")/lib.sh"
need bash bash
[[ -r /usr/share/bash-completion/bash_completion ]] ||
    fail "bash-completion is not installed: apt-get install bash-completion (scripts/deps installs it)"

seed_contacts
touch notes.txt notes.md
mkdir -p somedir

# complete LINE WORD...: the words are COMP_WORDS as bash splits LINE (it
# breaks words at '=' and ':'); prints COMPREPLY, one per line.
cat >"$TMP/driver.bash" <<'DRIVER'
source /usr/share/bash-completion/bash_completion
source <(kith completion bash)
spec=$(complete -p kith) || { echo "nothing registered for kith" >&2; exit 1; }
[[ $spec == "complete -F _kith kith" ]] || { echo "unexpected: $spec" >&2; exit 1; }
complete_line() {
    COMP_LINE=$1
    shift
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _kith kith "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}"
}
complete_line "$@"
DRIVER
comp() { bash --norc --noprofile "$TMP/driver.bash" "$@"; }

check "contact ids" $'alma-ames\nalma-bell' "$(comp 'kith show al' kith show al)"
check "a single contact" "bob-stone" "$(comp 'kith show bo' kith show bo)"
check "contacts by a word of the name too" $'alma-bell\nbob-stone' "$(comp 'kith show b' kith show b)"
check "a contact by its folded name" "jose-nunez" "$(comp 'kith show nun' kith show nun)"
check "a contact by its transliterated name" "dmitrii-petrov" "$(comp 'kith show pet' kith show pet)"
check "commands, as kith lists them" "$(kith __complete -- '' | cut -f1)" "$(comp 'kith ' kith '')"
check "a command prefix" "show" "$(comp 'kith sh' kith sh)"
check "an alias" "ls" "$(comp 'kith ls' kith ls)"
check "options of the command" "--json" "$(comp 'kith show alma-ames --j' kith show alma-ames --j)"
check "global options after the command" "" "$(comp 'kith show --dat' kith show --dat)"
check "tags, quoted for the shell" $'climate\nmachine\\ learning' \
    "$(comp 'kith list --tag ' kith list --tag '')"
check "a tag after =" "climate" "$(comp 'kith list --tag=cl' kith list --tag = cl)"
check "a tag with a space after =" 'machine\ learning' "$(comp 'kith list --tag=ma' kith list --tag = ma)"
check "a tag in an open quote" "machine learning" "$(comp 'kith list --tag "ma' kith list --tag '"ma')"
check "skills" "payments" "$(comp 'kith add x --skill p' kith add x --skill p)"
check "durations" $'quarterly' "$(comp 'kith add x --every q' kith add x --every q)"
check "dates" $'today\ntomorrow\ntuesday\nthursday' "$(comp 'kith add x --met t' kith add x --met t)"
check "choices after =" $'auto\nalways' "$(comp 'kith --color=a' kith --color = a)"
check "shells" $'bash\nzsh\nfish' "$(comp 'kith completion ' kith completion '')"
check "directories for --data-dir" "somedir" "$(comp 'kith --data-dir so' kith --data-dir so)"
check "a global option before the command" $'alma-ames\nalma-bell' \
    "$(comp 'kith -q show al' kith -q show al)"
check "--data-dir on the line" "" "$(comp "kith --data-dir $TMP/nowhere show al" kith --data-dir "$TMP/nowhere" show al)"
check "nothing for free text" "" "$(comp 'kith add ' kith add '')"
