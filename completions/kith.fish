# fish completion for kith. Installed as
#   $prefix/share/fish/vendor_completions.d/kith.fish
# or, without installing:  kith completion fish | source
#
# kith itself knows its commands, options and contacts: this only asks
# `kith __complete -- WORDS...` and hands the answer to fish.

function __kith_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    set -l kith $words[1]
    set -e words[1]
    set -l out ($kith __complete -- $words $current 2>/dev/null)
    or return
    switch "$out"
        case :files :dirs
            set -l lead (string match -r -- '^--[^=]*=' $current)
            set -l value (string replace -r -- '^--[^=]*=' '' $current)
            if test "$out" = :dirs
                set out (__fish_complete_directories $value)
            else
                set out (__fish_complete_path $value)
            end
            for line in $out
                printf '%s%s\n' "$lead" $line
            end
        case '*'
            printf '%s\n' $out
    end
end

complete -c kith -f -a '(__kith_complete)'
