# Intune Remediations, remediation script (Windows), the pair of intune-detect.ps1. UNTESTED HERE: no Windows
# machine or PowerShell runs in this project's CI; it mirrors intune-remediate.sh, which is tested. Run it with the
# logged-on credentials, as the detection script. Applies only the guided fixes (--fix all --yes), which never make
# the posture more open; each write keeps a backup (codex-posture --undo puts the last one back).
# Exit 0 when every fix was written, 1 when one was refused (the output says why), 2 on an input error.
$Program = if ($env:CODEX_POSTURE) { $env:CODEX_POSTURE } else { 'codex-posture' }
if (-not (Get-Command $Program -ErrorAction SilentlyContinue)) {
    Write-Error 'codex-posture not found'
    exit 2
}
& $Program --fix all --yes --no-live-probe
exit $LASTEXITCODE
