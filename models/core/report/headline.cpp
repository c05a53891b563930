// SPDX-License-Identifier: Apache-2.0
#include "core/report/headline.h"

#include "core/inspection.h"
#include "core/rules/catalogue.h"

#include <QDir>

namespace Posture::Core {

Headline headline(const Inspection &inspection)
{
    Headline line;
    if (!inspection.codexStarts()) {
        line.kind = Headline::Kind::CodexRefuses;
        line.level = RiskLevel::High;
        line.text = QStringLiteral("Codex refuses this configuration: it will not start.");
        const auto error = std::find_if(inspection.messages.cbegin(), inspection.messages.cend(),
            [](const Diagnostic &message) { return message.severity == DiagnosticSeverity::Error; });
        if (error != inspection.messages.cend()) {
            line.where = error->location;
            line.text += QStringLiteral(" %1, line %2, column %3: %4.")
                             .arg(QDir::toNativeSeparators(error->location.file))
                             .arg(error->location.line)
                             .arg(error->location.column)
                             .arg(error->text);
        }
        return line;
    }
    const auto unenforced =
        std::find_if(inspection.findings.cbegin(), inspection.findings.cend(), [](const Finding &finding) {
            return RiskRules::isRule(finding, RiskRules::Rule::SandboxNotEnforced) && !finding.isAccepted();
        });
    if (unenforced == inspection.findings.cend())
        return line;
    line.kind = Headline::Kind::SandboxNotEnforced;
    line.level = RiskLevel::High;
    line.enforcement =
        unenforced->surfaces.testFlag(Surface::Cli) ? inspection.cliEnforcement : inspection.ideEnforcement;
    line.text = QStringLiteral(
        "The sandbox is configured but this machine does not enforce it: %1. Commands Codex runs are not confined.")
                    .arg(line.enforcement.reason);
    return line;
}

} // namespace Posture::Core
