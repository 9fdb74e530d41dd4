# fish completion: `complete -C` asks fish what it would offer for a command
# line, after `kith completion fish | source`.
source "$(dirname "$0")/lib.sh"
need fish fish

seed_contacts
mkdir -p somedir

# complete LINE: what fish offers, one `candidate<TAB>description` per line.
comp() {
    fish --no-config -c 'kith completion fish | source; complete -C"$argv[1]"' "$1"
}

check "contact ids with names" $'alma-ames\tAlma Ames\nalma-bell\tAlma Bell' "$(comp 'kith show al')"
check "a single contact" $'bob-stone\tBob Stone' "$(comp 'kith show b')"
check "a contact by its folded name" $'jose-nunez\tJosé Núñez' "$(comp 'kith show nun')"
check "a contact by its transliterated name" $'dmitrii-petrov\tДмитрий Петров' "$(comp 'kith show dmi')"
check "a command with its summary" $'show\tShow a contact and its interactions' "$(comp 'kith sh')"
check "options of the command" $'--json\tPrint the contact and its interactions as JSON' \
    "$(comp 'kith show alma-ames --j')"
check "tags" $'climate\nmachine learning' "$(comp 'kith list --tag ')"
check "a tag after =" "--tag=climate" "$(comp 'kith list --tag=cl')"
check "durations" "quarterly" "$(comp 'kith add x --every q')"
check "shells" $'bash\nfish\nzsh' "$(comp 'kith completion ')"
check "directories for --data-dir" $'somedir/\tDirectory' "$(comp 'kith --data-dir so')"
check "directories after =" $'--data-dir=somedir/\tDirectory' "$(comp 'kith --data-dir=so')"
check "no files for a contact" "" "$(comp 'kith show so')"
