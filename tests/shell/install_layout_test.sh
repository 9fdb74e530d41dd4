# `cmake --install` into a fresh prefix, as a user would into ~/.local: the
# files land where the issue says, the completion scripts are what
# `kith completion` prints, and each shell finds its completion there with
# nothing more than the XDG_DATA_HOME (bash, fish) or fpath (zsh) a ~/.local
# install implies.
source "$(dirname "$0")/lib.sh"
need cmake cmake

P="$TMP/prefix"
cmake --install "$BUILD" --prefix "$P" >"$TMP/install.log" || fail "cmake --install: $(cat "$TMP/install.log")"

for f in bin/kith share/bash-completion/completions/kith share/zsh/site-functions/_kith \
    share/fish/vendor_completions.d/kith.fish; do
    [[ -f $P/$f ]] || fail "$f is not installed"
done
[[ -x $P/bin/kith ]] || fail "bin/kith is not executable"
echo "ok: the binary and the completion scripts are installed"

check "bash script" "$(kith completion bash)" "$(cat "$P/share/bash-completion/completions/kith")"
check "zsh script" "$(kith completion zsh)" "$(cat "$P/share/zsh/site-functions/_kith")"
check "fish script" "$(kith completion fish)" "$(cat "$P/share/fish/vendor_completions.d/kith.fish")"

if [[ ${KITH_BUILD_MAN:-ON} == ON ]]; then
    for source in "$SRC"/man/*.1.scd; do
        page=$(basename "$source" .scd)
        [[ -f $P/share/man/man1/$page ]] || fail "share/man/man1/$page is not installed"
    done
    [[ -f $P/share/man/man1/kith.1 ]] || fail "share/man/man1/kith.1 is not installed"
    echo "ok: every man page is installed"
fi

# From here on, the installed kith is the one on PATH.
rm "$TMP/bin/kith"
export PATH="$P/bin:$PATH"
[[ $(command -v kith) == "$P/bin/kith" ]] || fail "the installed kith is not first on PATH"
seed_contacts

[[ -r /usr/share/bash-completion/bash_completion ]] ||
    fail "bash-completion is not installed: apt-get install bash-completion"
# bash-completion's loader runs on the first Tab after `kith`; then the
# function it registered is called the way readline calls it.
out=$(XDG_DATA_HOME="$P/share" bash --norc --noprofile -c '
    source /usr/share/bash-completion/bash_completion
    _completion_loader kith
    spec=$(complete -p kith) || exit 1
    [[ $spec == "complete -F "*" kith" ]] || exit 1
    fn=${spec#complete -F }
    fn=${fn% kith}
    COMP_LINE="kith show al" COMP_WORDS=(kith show al) COMP_CWORD=2 COMP_POINT=12 COMPREPLY=()
    $fn kith al show
    printf "%s\n" "${COMPREPLY[@]}"') || fail "bash-completion did not load the installed script"
check "bash-completion loads it from \$XDG_DATA_HOME" $'alma-ames\nalma-bell' "$out"

need fish fish
check "fish finds it under \$XDG_DATA_HOME/fish" $'alma-ames\tAlma Ames\nalma-bell\tAlma Bell' \
    "$(XDG_DATA_HOME="$P/share" fish -c 'complete -C"kith show al"')"

need zsh zsh
need tmux tmux
zsh_start "fpath=($P/share/zsh/site-functions \$fpath)
autoload -Uz compinit && compinit -u -d $TMP/zcompdump"
zsh_complete "zsh finds _kith in site-functions" 'kith show bo' 1 '^READY> kith show bob-stone$'
