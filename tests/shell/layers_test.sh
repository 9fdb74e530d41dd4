# The layers, checked from the #include lines of src/: the core includes no
# CLI11, no <iostream> and nothing of src/cli; the engines (pure functions of
# the records) include no storage header, directly or through the core
# headers they include.
source "$(dirname "$0")/lib.sh"

CORE="$SRC/src/core"

# The engines: each computes a report or a plan from records given to it,
# and must build and be tested without a data directory.
ENGINES=(
    due         # the due report, from a Network and a LogSummary
    pitch       # the pitch engine, from a Network
    occasions   # birthdays and job changes, from contacts
    importer    # the import plan, from a Network and a batch
    stats       # month by month figures, from a Network
    ics         # iCalendar text, from a Network and a due report
    merge       # git's three-way merges, from the texts of three versions
    history     # per contact counts, from interactions
    backup      # kith's export and its reader, from a Network
    purge       # a contact taken out of a month's interactions
    contact_merge # one contact of several, and the log lines naming the others
    contacts    # ids, references and duplicates, from contacts
    dupes       # groups of likely duplicates, from contacts
    identity    # the name, company, role and phone keys, from text
    linkedin    # LinkedIn's CSV read into an import batch
    vcard       # vCard read and written
    contact_csv # contact CSV read and written
    address_book_csv # Google's and Outlook's CSV read into an import batch
    propose     # scan proposals, from the readers' findings, contacts, log and inbox
    ics_read    # iCalendar read into past events, from text
    ics_recur   # recurrence rules and VTIMEZONEs through libical, for ics_read
    address_query # the addresses `kith query` prints, from contacts
    gpg_keys    # GnuPG's key listings read: fingerprints, user ids, encryption
    graph       # the picture of `kith graph` and its DOT text, from a Network
    graph_render # that DOT text laid out and drawn through Graphviz
)

# The storage headers: the data directory, its files and the read cache.
STORAGE=(
    store.h       # the Store: reading and writing the data directory
    store_files.h # the store's fast directory reads
    cache.h       # the read cache under $XDG_CACHE_HOME/kith
    cache_codec.h # the cache's binary encoding
    fsutil.h      # atomic rewrites, appends, the write lock
)

# The core headers a file includes: "core/NAME" lines, one name a line.
core_includes() {
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"core\/\([^"]*\)".*/\1/p' "$1"
}

problems=()

# Every core header reached from the engine's own files, and through which
# file (a storage header included by a header the engine includes counts).
for engine in "${ENGINES[@]}"; do
    files=()
    for ext in h cpp; do
        if [[ -f $CORE/$engine.$ext ]]; then files+=("$engine.$ext"); fi
    done
    if [[ ${#files[@]} -eq 0 ]]; then
        problems+=("engine $engine: no src/core/$engine.h or .cpp (update this list)")
    fi
    declare -A seen=()
    queue=("${files[@]}")
    for file in "${files[@]}"; do seen[$file]=1; done
    while [[ ${#queue[@]} -gt 0 ]]; do
        file=${queue[0]}
        queue=("${queue[@]:1}")
        [[ -f $CORE/$file ]] || continue
        while read -r inc; do
            for bad in "${STORAGE[@]}"; do
                if [[ $inc == "$bad" ]]; then
                    problems+=("engine $engine: src/core/$file includes core/$inc")
                fi
            done
            if [[ -z ${seen[$inc]:-} ]]; then
                seen[$inc]=1
                queue+=("$inc")
            fi
        done < <(core_includes "$CORE/$file")
    done
    unset seen
done

# The core: no command line, no standard streams.
for file in "$CORE"/*.h "$CORE"/*.cpp; do
    rel=${file#"$SRC"/}
    if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]CLI/' "$file"; then
        problems+=("$rel includes CLI11")
    fi
    if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*<iostream>' "$file"; then
        problems+=("$rel includes <iostream>")
    fi
    if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"cli/' "$file"; then
        problems+=("$rel includes a file of src/cli")
    fi
done

# ICU is seen by core/transliterate.cpp alone.
for file in "$SRC"/src/*.cpp "$SRC"/src/*/*.h "$SRC"/src/*/*.cpp; do
    rel=${file#"$SRC"/}
    [[ $rel == src/core/transliterate.cpp ]] && continue
    if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]unicode/' "$file"; then
        problems+=("$rel includes ICU (only src/core/transliterate.cpp may)")
    fi
done

# libical is seen by core/ics_recur.cpp alone.
for file in "$SRC"/src/*.cpp "$SRC"/src/*/*.h "$SRC"/src/*/*.cpp; do
    rel=${file#"$SRC"/}
    [[ $rel == src/core/ics_recur.cpp ]] && continue
    if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]libical/' "$file"; then
        problems+=("$rel includes libical (only src/core/ics_recur.cpp may)")
    fi
done

# GMime and GLib are seen by core/mail_read.cpp alone (GLib's macros stay there).
for file in "$SRC"/src/*.cpp "$SRC"/src/*/*.h "$SRC"/src/*/*.cpp; do
    rel=${file#"$SRC"/}
    [[ $rel == src/core/mail_read.cpp ]] && continue
    if grep -qE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](gmime|glib|gio|gobject)' "$file"; then
        problems+=("$rel includes GMime or GLib (only src/core/mail_read.cpp may)")
    fi
done

if [[ ${#problems[@]} -gt 0 ]]; then
    printf '%s\n' "${problems[@]}" >&2
    fail "${#problems[@]} include(s) break the layers"
fi
echo "layers: ${#ENGINES[@]} engines free of storage; src/core free of CLI11, <iostream> and src/cli; ICU in transliterate.cpp only; libical in ics_recur.cpp only; GMime in mail_read.cpp only"
