#!/bin/sh
# The man page and the bash, zsh and fish completions name every option of `codex-posture --help` and every value
# the program accepts for --report and --fail-on (read from its own usage errors), and the fish completion names no
# option the program lacks: they cannot drift from the command line (app/commandline.cpp).
#   clidocs.sh CODEX_POSTURE_BINARY SOURCE_DIR
set -eu
bin=$1
linux=$2/installer/linux
man=$linux/codex-posture.1 bash=$linux/completions/codex-posture.bash zsh=$linux/completions/_codex-posture
fish=$linux/completions/codex-posture.fish
failures=0
fail() {
    printf 'clidocs: %s\n' "$*"
    failures=$((failures + 1))
}

options=$("$bin" --help | grep -oE '^ +(-[a-zA-Z?], )*--[a-z][a-z-]*' | grep -oE -- '--[a-z][a-z-]*')
formats=$("$bin" --report '?' 2>&1 | sed -n "s/.*(known: \(.*\))\$/\1/p" | tr -d ',')
severities=$("$bin" --fail-on '?' 2>&1 | sed -n 's/.*not a severity (\(.*\))$/\1/p' | tr -d ',')
[ "$(echo "$options" | wc -l)" -ge 20 ] || fail "could not read the options from --help: $options"
[ -n "$formats" ] || fail "could not read the report formats from the usage error of --report"
[ -n "$severities" ] || fail "could not read the severities from the usage error of --fail-on"

for option in $options; do
    name=${option#--}
    grep -qF -- "$(echo "$option" | sed 's/-/\\-/g')" "$man" || fail "the man page does not name $option"
    grep -qE -- "(^|[^a-z-])$option([^a-z-]|\$)" "$bash" || fail "the bash completion does not name $option"
    grep -qE -- "(^|[^a-z-])$option([^a-z-]|\$)" "$zsh" || fail "the zsh completion does not name $option"
    grep -qE -- "-l $name( |\$)" "$fish" || fail "the fish completion does not name $option"
done
sed -n 's/.* -l \([a-z-]*\).*/\1/p' "$fish" >"${TMPDIR:-/tmp}/clidocs.$$"
while read -r name; do
    echo "$options" | grep -qx -- "--$name" || fail "the fish completion names --$name, which codex-posture lacks"
done <"${TMPDIR:-/tmp}/clidocs.$$"
rm -f "${TMPDIR:-/tmp}/clidocs.$$"
# Each value on the completion's line for its option (bash: the line after the case label), and in the man page.
values() { # OPTION VALUES...
    option=$1
    shift
    for value in "$@"; do
        grep -A1 -- "^ *$option)" "$bash" | grep -qw -- "$value" || fail "bash: $option lacks $value"
        grep -- "'$option=" "$zsh" | grep -qw -- "$value" || fail "zsh: $option lacks $value"
        grep -- "-l ${option#--} " "$fish" | grep -qw -- "$value" || fail "fish: $option lacks $value"
        grep -qE -- "^\.BR? $value( ,| \.|\$)" "$man" || fail "the man page does not name $option $value"
    done
}
# shellcheck disable=SC2086 # word lists
values --report $formats
# shellcheck disable=SC2086
values --fail-on $severities
# The bash completion works, not only names things: completing `--report ` offers the formats.
# shellcheck disable=SC2016 # for the inner bash
offered=$(bash -c '. "$1" && COMP_WORDS=(codex-posture --report "") COMP_CWORD=2 && _codex_posture &&
    echo "${COMPREPLY[*]}"' bash "$bash")
[ "$offered" = "$formats" ] || fail "bash: completing --report offers '$offered', not '$formats'"
[ "$failures" = 0 ] || exit 1
echo "clidocs: $(echo "$options" | wc -l) options, report formats $formats, severities $severities: all documented"
