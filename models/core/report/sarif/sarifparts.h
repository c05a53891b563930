// SPDX-License-Identifier: Apache-2.0
// The parts of the SARIF report (sarifreport.h), one file each: the rules and the severity mapping, the fixes.
#pragma once

#include "core/rules/finding.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace Posture::Core {

struct Fix;

namespace Sarif {

// critical and high: "error"; medium: "warning"; low and info: "note".
QString level(Severity severity);
// GitHub's properties.security-severity, a number from 0.0 to 10.0 written as text: critical 9.5, high 8.0,
// medium 5.5, low 3.0, info 1.0 (GitHub reads > 9.0 critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low).
QString securitySeverity(Severity severity);
// tool.driver.rules: every rule of the catalogue, in its order (a result's ruleIndex is its position).
QJsonArray rules();
// The position of a rule id in rules(), or -1.
int ruleIndex(const QString &ruleId);

// Where a file is: its artifactLocation (uri relative to a base id, or an absolute file URI).
using ArtifactLocation = std::function<QJsonObject(const QString &file)>;
// The SARIF `fix` of a guided fix: its replacement span in the file, from the bytes the fix would write. Empty when
// the fix is refused, cannot be worked out on the file now, changes nothing, or would insert a secret.
QJsonObject fix(const Fix &fix, const ArtifactLocation &location);

} // namespace Sarif

} // namespace Posture::Core
