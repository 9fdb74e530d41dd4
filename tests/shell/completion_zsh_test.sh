# zsh completion typed into a real terminal: zsh runs in tmux, the test sends
# keys with Tab and reads the screen back. Both ways of loading it are tried:
# _kith found in $fpath by compinit, and `source <(kith completion zsh)`.
source "$(dirname "$0")/lib.sh"
need zsh zsh
need tmux tmux

seed_contacts

run_cases() {
    zsh_complete "$1: a single contact" 'kith show bo' 1 '^READY> kith show bob-stone$'
    zsh_complete "$1: the common prefix of two contacts" 'kith show al' 1 '^READY> kith show alma-$'
    zsh_complete "$1: the candidates listed with their names" 'kith show al' 2 '^alma-ames +-- Alma Ames'
    zsh_complete "$1: a contact by its folded name" 'kith show nun' 1 '^READY> kith show jose-nunez$'
    zsh_complete "$1: a contact by its transliterated name" 'kith show pet' 1 \
        '^READY> kith show dmitrii-petrov$'
    zsh_complete "$1: found by name, listed with their names" 'kith show b' 2 \
        '^alma-bell +-- Alma Bell'
    zsh_complete "$1: a command" 'kith sh' 1 '^READY> kith show$'
    zsh_complete "$1: the commands with their summaries" 'kith ' 1 \
        '^completion +-- Print the shell completion script for bash, zsh or fish'
    zsh_complete "$1: an option" 'kith show alma-ames --j' 1 '^READY> kith show alma-ames --json$'
    zsh_complete "$1: a tag with a space, quoted" 'kith list --tag ma' 1 \
        '^READY> kith list --tag machine\\ learning$'
    zsh_complete "$1: a value after =" 'kith list --tag=cl' 1 '^READY> kith list --tag=climate$'
    zsh_complete "$1: a shell" 'kith completion z' 1 '^READY> kith completion zsh$'
}

zsh_start "fpath=($SRC/completions \$fpath)
autoload -Uz compinit && compinit -u -d $TMP/zcompdump"
run_cases "from fpath"

zsh_start "autoload -Uz compinit && compinit -u -d $TMP/zcompdump2
source <(kith completion zsh)"
run_cases "sourced"
