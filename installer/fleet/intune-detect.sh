#!/bin/sh
# Detection script (Intune shell script or custom attribute on macOS, any MDM's "detect, then remediate" pair):
# exits 1 when a finding at or above CODEX_POSTURE_FAIL_ON (default high) stands and is not accepted, 0 when none
# does, 2 when codex-posture could not judge (its own usage or input error, or it is missing). Prints the MDM line
# (<result>...</result>) for the console's output column. Runs as the console user when started as root (see
# jamf-extension-attribute.sh for CODEX_POSTURE and CODEX_POSTURE_USER). Self-contained.
set -u

program=${CODEX_POSTURE:-codex-posture}
threshold=${CODEX_POSTURE_FAIL_ON:-high}
if ! command -v "$program" >/dev/null 2>&1; then
    echo "<result>error: codex-posture not found</result>"
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
    "$program" --report mdm --no-live-probe --fail-on "$threshold"
else
    sudo -H -u "$user" -- "$program" --report mdm --no-live-probe --fail-on "$threshold"
fi
status=$?
case "$status" in
0 | 1) exit "$status" ;;
*) exit 2 ;;
esac
