#!/bin/sh
# Appends this user's Codex posture as NDJSON (one line per finding and one summary line, README "Reports") to a log
# file that Fleet (osquery's filesystem logs), Filebeat, Fluent Bit or a SIEM agent tails. Run it as the user whose
# configuration counts, from cron or a LaunchAgent (codex-posture.cron, com.example.codex-posture.plist):
#   ndjson-to-log.sh [LOG]     LOG defaults to $HOME/.local/state/codex-posture/posture.ndjson
# The lines of one run are appended together, and only when codex-posture succeeded; the file is readable by its
# owner only (paths and settings are not for everyone). Exit status: codex-posture's.
set -u

program=${CODEX_POSTURE:-codex-posture}
log=${1:-${HOME:?}/.local/state/codex-posture/posture.ndjson}
mkdir -p "$(dirname "$log")" || exit 2
umask 077
run=$(mktemp "${TMPDIR:-/tmp}/codex-posture.XXXXXX") || exit 2
trap 'rm -f "$run"' EXIT
"$program" --report ndjson --no-live-probe >"$run"
status=$?
if [ "$status" -eq 0 ]; then
    cat "$run" >>"$log" || status=2
fi
exit "$status"
