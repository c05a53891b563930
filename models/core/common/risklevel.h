// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace Posture::Core {

// The one scale every judgement maps to: a finding's severity, a surface's verdict, a probe's state and whether a
// sandbox is enforced. The window's colours and icons and the reports' words all come from here, so that a level
// looks and reads the same everywhere. Never colour alone: every level has a word and an icon.
enum class RiskLevel {
    Ok, // checked, nothing to worry about
    Info, // worth knowing, no risk
    Low,
    Medium,
    High,
    Critical,
    Unknown, // a check that could not run (a copied machine, probes off): not the same as ok
};

inline constexpr RiskLevel AllRiskLevels[] = {RiskLevel::Ok, RiskLevel::Info, RiskLevel::Low, RiskLevel::Medium,
    RiskLevel::High, RiskLevel::Critical, RiskLevel::Unknown};

QString riskWord(RiskLevel level); // "ok", "info", "low", "medium", "high", "critical", "unknown"
std::optional<RiskLevel> riskFromWord(const QString &word);
QString riskIconName(RiskLevel level); // a freedesktop icon name, a different shape for every level
// How much a level asks for attention, to sort worst first: ok 0 < info < unknown < low < ... < critical 6. An
// unknown deserves a look before a note, but it is not a known risk.
int riskRank(RiskLevel level);

// Each judged type maps itself to a level beside its own declaration: riskOf(Severity) and riskOf(SurfaceVerdict) in
// rules/finding.h, riskOf(Capability) and riskOf(Enforcement) in sandbox/sandboxcapability.h.

} // namespace Posture::Core
