// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/finding.h"

namespace Posture::Core {

struct Inspection;

namespace RiskRules {

// Every rule: its id and the severity it usually reports (some rise or fall with the evidence).
struct RuleInfo
{
    const char *id;
    Severity severity;
    const char *summary;
};
const QList<RuleInfo> &catalogue();

// Every finding of every rule for this inspection, sorted (most severe first, then by id).
Findings evaluate(const Inspection &inspection);

} // namespace RiskRules

} // namespace Posture::Core
