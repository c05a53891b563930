// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/risklevel.h"
#include "core/config/diagnostic.h"
#include "core/sandbox/sandboxcapability.h"

namespace Posture::Core {

struct Inspection;

// What stops everything, in one sentence: Codex refuses the configuration (it will not start), or the sandbox it asks
// for is not enforced by this machine (a configuration that asks for no sandbox is the full-access findings' business,
// not the headline's). The window's banner and the text report say it the same way.
struct Headline
{
    enum class Kind { None, CodexRefuses, SandboxNotEnforced };

    Kind kind = Kind::None;
    RiskLevel level = RiskLevel::Ok;
    QString text;
    SourceLocation where; // CodexRefuses: the first error's place, when Codex names one
    Enforcement enforcement; // SandboxNotEnforced: the unenforced surface's verdict, with its remedies

    bool isEmpty() const { return kind == Kind::None; }
};

Headline headline(const Inspection &inspection);

} // namespace Posture::Core
