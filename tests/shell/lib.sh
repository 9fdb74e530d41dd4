# Shared by the shell tests (tests/shell/*_test.sh); sourced, not run.
# Every test gets: $1 the kith binary, $2 the source directory, $3 the build
# directory. It runs in a fresh temp directory ($TMP) with a private HOME, a
# data directory ($KITH_DIR) and `kith` first on PATH, and exits non-zero
# with a message on the first failure.
set -euo pipefail

KITH_BIN=$(realpath "$1")
SRC=$(realpath "$2")
BUILD=$(realpath "$3")

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# A missing tool fails the test, naming the Debian package: never a silent skip.
need() {
    command -v "$1" >/dev/null 2>&1 ||
        fail "$1 is not installed: apt-get install $2 (scripts/deps installs everything the tests need)"
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kith-shell-XXXXXX")
cleanup() {
    if [[ -n ${TMUX_SOCKET:-} ]]; then tmux -S "$TMUX_SOCKET" kill-server 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT

mkdir -p "$TMP/bin" "$TMP/home"
ln -s "$KITH_BIN" "$TMP/bin/kith"
export PATH="$TMP/bin:/usr/local/bin:/usr/bin:/bin"
export HOME="$TMP/home" KITH_DIR="$TMP/data" KITH_TODAY=2026-11-25 TZ=UTC LC_ALL=C.UTF-8
unset XDG_DATA_HOME XDG_DATA_DIRS XDG_CONFIG_HOME XDG_CACHE_HOME BASH_COMPLETION_USER_DIR \
    KITH_LOCK_TIMEOUT NO_COLOR
cd "$TMP"

# check NAME EXPECTED ACTUAL
check() {
    if [[ $2 != "$3" ]]; then
        fail "$1"$'\n'"expected: $(printf '%q' "$2")"$'\n'"actual:   $(printf '%q' "$3")"
    fi
    echo "ok: $1"
}

# Three contacts to complete: alma-ames, alma-bell and bob-stone.
seed_contacts() {
    kith -q add "Alma Ames" --tag climate --tag "machine learning" >/dev/null
    kith -q add "Alma Bell" --skill payments >/dev/null
    kith -q add "Bob Stone" >/dev/null
    kith -q add "José Núñez" >/dev/null
    kith -q add "Дмитрий Петров" >/dev/null
}

# --- zsh in a real terminal, through tmux -------------------------------------

# zsh_start ZSHRC: starts an interactive zsh in a detached tmux session whose
# .zshrc is ZSHRC plus a known prompt, and waits for the prompt.
ZSH_SESSIONS=0
zsh_start() {
    if [[ -n ${TMUX_SOCKET:-} ]]; then tmux -S "$TMUX_SOCKET" kill-server 2>/dev/null || true; fi
    ZSH_SESSIONS=$((ZSH_SESSIONS + 1))
    TMUX_SOCKET="$TMP/tmux-$ZSH_SESSIONS.sock"
    local zdot="$TMP/zdot-$ZSH_SESSIONS"
    mkdir -p "$zdot"
    printf '%s\nPROMPT="READY> "\nunsetopt BEEP\n' "$1" >"$zdot/.zshrc"
    tmux -S "$TMUX_SOCKET" -f /dev/null new-session -d -x 160 -y 40 \
        "env -i HOME=$HOME PATH=$PATH KITH_DIR=$KITH_DIR KITH_TODAY=$KITH_TODAY TZ=UTC LC_ALL=C.UTF-8 TERM=screen ZDOTDIR=$zdot zsh -d -i"
    zsh_wait_for '^READY>' || fail "zsh did not start: $(zsh_screen)"
}

zsh_screen() { tmux -S "$TMUX_SOCKET" capture-pane -p; }

# zsh_wait_for PATTERN: waits (up to 20 s) for a screen line matching the
# extended regular expression PATTERN.
zsh_wait_for() {
    local i
    for ((i = 0; i < 200; i++)); do
        zsh_screen | grep -Eq -- "$1" && return 0
        sleep 0.1
    done
    return 1
}

# zsh_fresh_line: an empty prompt on a cleared screen.
zsh_fresh_line() {
    # Not C-c: zsh throws away the keys typed after an interrupt.
    tmux -S "$TMUX_SOCKET" send-keys C-e C-u C-l
    tmux -S "$TMUX_SOCKET" clear-history
    local i
    for ((i = 0; i < 200; i++)); do
        [[ $(zsh_screen | grep -c .) == 1 && $(zsh_screen | grep -Ec '^READY>[[:space:]]*$') == 1 ]] && return 0
        sleep 0.1
    done
    fail "zsh did not come back to an empty prompt: $(zsh_screen)"
}

# zsh_complete NAME TYPED TABS PATTERN: types TYPED on a fresh line, presses
# Tab TABS times, and expects a screen line to match PATTERN (tmux drops the
# spaces at the end of a line).
zsh_complete() {
    zsh_fresh_line
    tmux -S "$TMUX_SOCKET" send-keys -l "$2"
    local i
    for ((i = 0; i < $3; i++)); do
        sleep 0.3
        tmux -S "$TMUX_SOCKET" send-keys Tab
    done
    zsh_wait_for "$4" || fail "$1: no line matches /$4/ on the screen:"$'\n'"$(zsh_screen)"
    echo "ok: $1"
}
