#!/bin/sh
# Jamf Pro extension attribute (Settings > Computer management > Extension attributes, input type: script).
# Prints one line, e.g. <result>critical: 1 critical, 3 high (CLI)</result> (the grammar is in the README, "Reports"):
# the Codex posture of the console user's configuration. Jamf runs it as root; codex-posture runs as the console
# user, with that user's HOME, and starts no program (--no-live-probe). It always exits 0, as Jamf expects; when
# codex-posture cannot run, the result says "error: ...". Self-contained: paste it as it is.
# CODEX_POSTURE (the program, default codex-posture on PATH) and CODEX_POSTURE_USER (whose configuration, default the
# console user) override the defaults.
set -u

program=${CODEX_POSTURE:-codex-posture}
if ! command -v "$program" >/dev/null 2>&1; then
    echo "<result>error: codex-posture not found</result>"
    exit 0
fi

# The user at the console: macOS's owner of /dev/console, elsewhere the first user of a graphical or console login.
console_user() {
    if [ "$(uname -s)" = Darwin ]; then
        stat -f %Su /dev/console
    else
        who | awk '$2 ~ /^(:|tty|console|seat)/ { print $1; exit }'
    fi
}

user=${CODEX_POSTURE_USER:-}
if [ -z "$user" ]; then
    user=$(console_user)
    case "$user" in
    "" | root | loginwindow | _mbsetupuser)
        echo "<result>error: no console user</result>"
        exit 0
        ;;
    esac
fi

if [ "$user" = "$(id -un)" ]; then
    line=$("$program" --report mdm --no-live-probe 2>/dev/null)
else
    line=$(sudo -H -u "$user" -- "$program" --report mdm --no-live-probe 2>/dev/null)
fi
status=$?
case "$line" in
"<result>"*"</result>") echo "$line" ;;
*) echo "<result>error: codex-posture exited with status $status</result>" ;;
esac
exit 0
