# shellcheck shell=bash
# bash completion for codex-posture (installed as bash-completion/completions/codex-posture).
# tests/package/clidocs.sh checks that it names every option and every --report and --fail-on value.
_codex_posture() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()
    case $prev in
    --report)
        mapfile -t COMPREPLY < <(compgen -W 'text json html pdf markdown mdm ndjson sarif' -- "$cur")
        return
        ;;
    --fail-on)
        mapfile -t COMPREPLY < <(compgen -W 'info low medium high critical' -- "$cur")
        return
        ;;
    --codex-home | --home | --cwd | --system-root)
        compopt -o filenames
        mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        return
        ;;
    --baseline)
        compopt -o filenames
        mapfile -t COMPREPLY < <(compgen -f -W 'working-rule' -- "$cur")
        return
        ;;
    --cloud | --accept | --output | --patch | --screenshot)
        compopt -o filenames
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return
        ;;
    --profile | --fix | --codex-version)
        return
        ;;
    esac
    mapfile -t COMPREPLY < <(compgen -W '--help --help-all --version --codex-home --home --cwd --profile
        --system-root --cloud --report --output --redact --baseline --accept --fail-on --fix --dry-run --yes --patch
        --undo --remove-backups --no-live-probe --screenshot --dark --codex-version --codex-changes' -- "$cur")
}
complete -F _codex_posture codex-posture
