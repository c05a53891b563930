#!/bin/sh
# Runs each POSIX script of installer/fleet/ with a fake codex-posture first on PATH (a stub that records its
# arguments, prints what it is told and exits with the status it is told) and checks what an MDM sees: the output and
# the exit status. Usage: fleetscripts.sh SOURCE_DIR. ctest runs it (label app).
set -u

fleet=${1:?usage: fleetscripts.sh SOURCE_DIR}/installer/fleet
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin" "$work/empty"
cat >"$work/bin/codex-posture" <<'STUB'
#!/bin/sh
printf '%s\n' "$*" >>"$STUB_ARGS"
printf '%s' "$STUB_OUT"
exit "$STUB_EXIT"
STUB
chmod +x "$work/bin/codex-posture"

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# run SCRIPT STUB_EXIT STUB_OUT [ARGS...]: sets out, status and args (the stub's last arguments).
run() {
    script=$1 stub_exit=$2 stub_out=$3
    shift 3
    : >"$work/args"
    out=$(PATH="$work/bin:/usr/bin:/bin" STUB_ARGS="$work/args" STUB_EXIT="$stub_exit" STUB_OUT="$stub_out" \
        CODEX_POSTURE_USER="$(id -un)" HOME="$work/home" sh "$fleet/$script" "$@")
    status=$?
    args=$(tail -n 1 "$work/args")
}

expect() { # expect WHAT ACTUAL EXPECTED
    [ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"
}

critical='<result>critical: 1 critical, 3 high (CLI)</result>
'

# Jamf extension attribute: the line as it is, exit 0; an error is a result too.
run jamf-extension-attribute.sh 0 "$critical"
expect "jamf: output" "$out" "<result>critical: 1 critical, 3 high (CLI)</result>"
expect "jamf: status" "$status" 0
expect "jamf: arguments" "$args" "--report mdm --no-live-probe"
run jamf-extension-attribute.sh 2 ""
expect "jamf, codex-posture fails: output" "$out" "<result>error: codex-posture exited with status 2</result>"
expect "jamf, codex-posture fails: status" "$status" 0
out=$(PATH="$work/empty:/usr/bin:/bin" CODEX_POSTURE_USER="$(id -un)" sh "$fleet/jamf-extension-attribute.sh")
expect "jamf, not installed: output" "$out" "<result>error: codex-posture not found</result>"

# Intune detection: exit 1 when a finding at or above the threshold stands, 0 when none does, 2 when it cannot say.
run intune-detect.sh 1 "$critical"
expect "detect, finding: status" "$status" 1
expect "detect, finding: output" "$out" "<result>critical: 1 critical, 3 high (CLI)</result>"
expect "detect, finding: arguments" "$args" "--report mdm --no-live-probe --fail-on high"
run intune-detect.sh 0 "<result>ok: none</result>
"
expect "detect, clean: status" "$status" 0
out=$(PATH="$work/bin:/usr/bin:/bin" STUB_ARGS="$work/args" STUB_EXIT=0 STUB_OUT="" CODEX_POSTURE_FAIL_ON=medium \
    CODEX_POSTURE_USER="$(id -un)" sh "$fleet/intune-detect.sh")
expect "detect, threshold: arguments" "$(tail -n 1 "$work/args")" "--report mdm --no-live-probe --fail-on medium"
run intune-detect.sh 2 ""
expect "detect, input error: status" "$status" 2
out=$(PATH="$work/empty:/usr/bin:/bin" CODEX_POSTURE_USER="$(id -un)" sh "$fleet/intune-detect.sh")
expect "detect, not installed: status" "$?" 2

# Intune remediation: the guided fixes only (--fix all --yes), codex-posture's status.
run intune-remediate.sh 0 "written"
expect "remediate: status" "$status" 0
expect "remediate: arguments" "$args" "--fix all --yes --no-live-probe"
run intune-remediate.sh 1 "refused"
expect "remediate, a fix refused: status" "$status" 1

# NDJSON to a log: each successful run's lines appended, the file the owner's only; a failed run appends nothing.
lines='{"event":"finding","id":"a"}
{"event":"summary","verdict":"critical"}
'
run ndjson-to-log.sh 0 "$lines" "$work/log/posture.ndjson"
expect "ndjson: status" "$status" 0
expect "ndjson: arguments" "$args" "--report ndjson --no-live-probe"
run ndjson-to-log.sh 0 "$lines" "$work/log/posture.ndjson"
run ndjson-to-log.sh 2 '{"event":"partial"}' "$work/log/posture.ndjson"
expect "ndjson, failed run: status" "$status" 2
expect "ndjson: lines after three runs" "$(wc -l <"$work/log/posture.ndjson" | tr -d ' ')" 4
expect "ndjson: no partial run" "$(grep -c partial "$work/log/posture.ndjson")" 0
expect "ndjson: mode 600" "$(find "$work/log/posture.ndjson" -perm 0600 | wc -l | tr -d ' ')" 1
run ndjson-to-log.sh 0 "$lines"
expect "ndjson: default log" "$(wc -l <"$work/home/.local/state/codex-posture/posture.ndjson" | tr -d ' ')" 2

if [ "$failures" -gt 0 ]; then
    echo "$failures failed"
    exit 1
fi
echo "every fleet script behaves as the MDMs expect"
