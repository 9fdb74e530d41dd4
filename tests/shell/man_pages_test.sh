# Every man page source is built, and mandoc finds no error in any built page.
# (That each command's page names every option of its --help is checked by
# the C++ test ManPages.*.)
source "$(dirname "$0")/lib.sh"
need mandoc mandoc

count=0
for source in "$SRC"/man/*.1.scd; do
    page=$(basename "$source" .scd)
    built="$BUILD/man/$page"
    [[ -f $built ]] || fail "$page was not built from man/$page.scd"
    out=$(mandoc -Tlint -W error "$built" 2>&1) || fail "mandoc -Tlint finds errors in $page:"$'\n'"$out"
    [[ -z $out ]] || fail "mandoc -Tlint finds errors in $page:"$'\n'"$out"
    grep -q '^\.SH NAME' "$built" || fail "$page has no NAME section"
    count=$((count + 1))
done
[[ -f $BUILD/man/kith.1 ]] || fail "kith.1 was not built"
echo "ok: $count man pages built, mandoc -Tlint finds no error"
