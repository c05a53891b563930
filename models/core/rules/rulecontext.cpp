// SPDX-License-Identifier: Apache-2.0
#include "core/rules/rulecontext.h"

#include "core/common/secrets.h"
#include "core/config/tomleditor.h"

namespace Posture::Core::Rules {

Context::Context(const InspectionFacts &inspectionToJudge, Findings &findings)
    : inspection(inspectionToJudge)
    , m_findings(findings)
{ }

const QList<McpServer> &Context::mcpServers() const
{
    if (!m_mcpServers)
        m_mcpServers = Inventory::mcpServers(inspection.config);
    return *m_mcpServers;
}

const QList<PlaintextSecret> &Context::plaintextSecrets() const
{
    if (!m_plaintextSecrets)
        m_plaintextSecrets = findPlaintextSecrets(inspection.config);
    return *m_plaintextSecrets;
}

Evidence Context::evidence(const KeyPath &path) const
{
    Evidence evidence;
    evidence.keyPath = keyPathToString(path);
    evidence.path = path;
    const std::optional<Provenance> provenance = inspection.config.provenance(path);
    const QVariant value = inspection.config.value(path);
    if (value.isValid())
        evidence.value = tomlValueText(Secrets::mask(path, value));
    const SourceLocation location = inspection.config.location(path);
    evidence.file = location.file;
    evidence.line = location.line;
    evidence.column = location.column;
    if (provenance && provenance->winner.layer >= 0)
        evidence.layer = inspection.layers.at(provenance->winner.layer).kindName();
    return evidence;
}

Evidence Context::evidence(const PostureValue &cell) const
{
    if (cell.decidedBy.isEmpty())
        return fact(QString(), cell.value + QStringLiteral(" (") + cell.reason + u')');
    Evidence result = evidence(cell.decidedBy);
    if (result.value.isEmpty())
        result.value = cell.value;
    return result;
}

Evidence Context::fact(const QString &file, const QString &value)
{
    Evidence evidence;
    evidence.file = file;
    evidence.value = value;
    return evidence;
}

Surfaces Context::localSurfaces() const
{
    Surfaces surfaces;
    if (inspection.codexStarts())
        surfaces |= Surface::Cli;
    if (inspection.ideStarts())
        surfaces |= Surface::Ide;
    return surfaces;
}

void Context::add(Rule rule, const QString &subject, Surfaces surfaces, Evidence evidence, FindingText text,
    std::optional<Severity> severity)
{
    const RiskRules::RuleInfo &info = RiskRules::info(rule);
    const QString id = info.id;
    Finding finding{
        .id = subject.isEmpty() ? id : id + u':' + subject,
        .ruleId = id,
        .severity = severity.value_or(info.severity),
        .surfaces = surfaces,
        .title = std::move(text.title),
        .evidence = std::move(evidence),
        .explanation = std::move(text.explanation),
        .remediation = std::move(text.remediation),
        .reference = info.reference,
    };
    for (Finding &known : m_findings) {
        if (known.id == finding.id) {
            known.surfaces |= finding.surfaces;
            known.severity = std::max(known.severity, finding.severity);
            return;
        }
    }
    m_findings.append(std::move(finding));
}

} // namespace Posture::Core::Rules
