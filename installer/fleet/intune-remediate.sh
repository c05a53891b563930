#!/bin/sh
# Remediation script, the pair of intune-detect.sh: applies every guided fix codex-posture offers (--fix all --yes).
# Those fixes never make the posture more open (README, "Guided fixes"): each is refused unless the configuration,
# evaluated again on the bytes it would write, is no more open; a value an administrator's file decides is left to
# the administrator. Every write keeps a backup and a journal entry (codex-posture --undo puts the last one back).
# Exits 0 when every fix was written, 1 when one was refused (the output says why), 2 on an input error. Runs as the
# console user when started as root (see jamf-extension-attribute.sh for CODEX_POSTURE and CODEX_POSTURE_USER).
set -u

program=${CODEX_POSTURE:-codex-posture}
if ! command -v "$program" >/dev/null 2>&1; then
    echo "codex-posture not found" >&2
    exit 2
fi

console_user() {
    if [ "$(uname -s)" = Darwin ]; then
        stat -f %Su /dev/console
    else
        who | awk '$2 ~ /^(:|tty|console|seat)/ { print $1; exit }'
    fi
}

user=${CODEX_POSTURE_USER:-}
[ -n "$user" ] || user=$(console_user)
[ -n "$user" ] || user=$(id -un)

if [ "$user" = "$(id -un)" ]; then
    "$program" --fix all --yes --no-live-probe
else
    sudo -H -u "$user" -- "$program" --fix all --yes --no-live-probe
fi
