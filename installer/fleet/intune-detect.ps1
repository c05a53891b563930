# Intune Remediations, detection script (Windows). UNTESTED HERE: no Windows machine or PowerShell runs in this
# project's CI; it mirrors intune-detect.sh, which is tested. Assign with "Run this script using the logged-on
# credentials: Yes" so that the user's Codex configuration is the one read.
# Exit 1 when a finding at or above $Threshold stands (Intune then runs intune-remediate.ps1), 0 when none does,
# 2 when codex-posture could not judge. Writes the MDM line, which Intune shows as the detection output.
$Threshold = if ($env:CODEX_POSTURE_FAIL_ON) { $env:CODEX_POSTURE_FAIL_ON } else { 'high' }
$Program = if ($env:CODEX_POSTURE) { $env:CODEX_POSTURE } else { 'codex-posture' }
if (-not (Get-Command $Program -ErrorAction SilentlyContinue)) {
    Write-Output '<result>error: codex-posture not found</result>'
    exit 2
}
& $Program --report mdm --no-live-probe --fail-on $Threshold
if ($LASTEXITCODE -eq 0 -or $LASTEXITCODE -eq 1) { exit $LASTEXITCODE }
exit 2
