// SPDX-License-Identifier: Apache-2.0
#include "core/fixes/fixconsequence.h"

#include "core/rules/catalogue.h"

namespace Posture::Core {

QString whatMayStopWorking(const Fix &fix)
{
    const RiskRules::RuleInfo *rule = RiskRules::find(QStringView(fix.findingId).left(fix.findingId.indexOf(u':')));
    using RiskRules::FixKind;
    switch (rule ? rule->fix : FixKind::None) {
    case FixKind::RestoreSandbox:
        return QStringLiteral("Commands run in the workspace sandbox: writes outside the project and network access "
                              "ask first (or fail under approval \"never\"), so installs, pushes and tools that "
                              "write to your home need an approval.");
    case FixKind::ApprovalOnRequest:
        return QStringLiteral("Codex stops to ask before a command that needs more than the sandbox allows; an "
                              "unattended run (CI, a script) waits for an answer instead of going on.");
    case FixKind::NetworkOff:
        return QStringLiteral("Commands in sessions lose the network: package installs (npm install, pip install, "
                              "cargo fetch), git fetch and push, and API calls fail inside the sandbox.");
    case FixKind::RemoveTrust:
        return QStringLiteral("Projects under that folder are no longer trusted: their own .codex/config.toml is not "
                              "applied until you trust each project itself.");
    case FixKind::SecretToEnvironment:
        return QStringLiteral("The server or provider needs the environment variable set before Codex starts; "
                              "until then it cannot authenticate.");
    case FixKind::KeepDefaultExcludes:
        return QStringLiteral("Variables whose names look like secrets (*KEY*, *SECRET*, *TOKEN*) no longer reach "
                              "commands; a tool that reads one from the environment needs it set another way.");
    case FixKind::CachedWebSearch:
        return QStringLiteral("Web search answers from the cache: pages newer than the cache are not found.");
    case FixKind::DangerousSettingOff:
        return QStringLiteral("The network proxy enforces its rules again: hosts outside the allowlist are refused.");
    case FixKind::ShowFullAccessWarning:
        return QStringLiteral("Codex shows its warning again when it runs with full access.");
    case FixKind::MoveMisplacedKey:
    case FixKind::None:
        break;
    }
    return {};
}

} // namespace Posture::Core
