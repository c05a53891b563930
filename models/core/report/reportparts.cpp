// SPDX-License-Identifier: Apache-2.0
#include "core/report/reportparts.h"

#include "core/common/risklevel.h"
#include "core/common/secrets.h"
#include "core/inspection.h"

namespace Posture::Core {

QString loadVerdictText(LoadStatus status)
{
    switch (status) {
    case LoadStatus::Ok:
        return QStringLiteral("Codex starts with this configuration");
    case LoadStatus::Warning:
        return QStringLiteral("Codex starts, with warnings");
    case LoadStatus::Fail:
        return QStringLiteral("Codex REFUSES TO START with this configuration");
    }
    Q_UNREACHABLE_RETURN(QString());
}

QString decidedByText(const PostureValue &cell, const Inspection &inspection)
{
    if (cell.decidedBy.isEmpty())
        return cell.reason;
    const std::optional<Provenance> provenance = inspection.config.provenance(cell.decidedBy);
    if (!provenance || provenance->winner.layer < 0)
        return keyPathToString(cell.decidedBy);
    return keyPathToString(cell.decidedBy) + QStringLiteral(" (")
        + inspection.layers.at(provenance->winner.layer).kindName() + u' ' + provenance->winner.location.toShortString()
        + u')';
}

QString enforcedWord(const Enforcement &enforcement)
{
    switch (enforcement.state) {
    case Enforcement::State::Enforced:
        return QStringLiteral("yes");
    case Enforcement::State::NotEnforced:
        return QStringLiteral("NO");
    case Enforcement::State::Unknown:
        return QStringLiteral("unknown");
    }
    Q_UNREACHABLE_RETURN(QString());
}

QList<Remedy> sandboxRemedies(const Inspection &inspection)
{
    QList<Remedy> remedies;
    for (const Enforcement *enforcement :
        {&inspection.cliEnforcement, &inspection.ideEnforcement, &inspection.sandbox.machine}) {
        for (const Remedy &remedy : enforcement->remedies) {
            if (std::none_of(
                    remedies.cbegin(), remedies.cend(), [&remedy](const Remedy &r) { return r.id == remedy.id; }))
                remedies.append(remedy);
        }
    }
    return remedies;
}

QString evidenceText(const Evidence &evidence)
{
    QString where;
    if (!evidence.file.isEmpty())
        where = SourceLocation{evidence.file, evidence.line, evidence.column}.toShortString();
    if (!evidence.keyPath.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral("  ")) + evidence.keyPath
            + (evidence.value.isEmpty() ? QString() : QStringLiteral(" = ") + evidence.value);
    else if (!evidence.value.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(": ")) + evidence.value;
    if (!evidence.layer.isEmpty())
        where += QStringLiteral(" (%1)").arg(evidence.layer);
    return where;
}

QString fixRefusal(const Inspection &inspection, const QString &fixId)
{
    const Fix *fix = inspection.fixWithId(fixId);
    return fix && !fix->applicable() ? fix->refusal : QString();
}

QString fixCommand(const QString &fixId)
{
    return QStringLiteral("codex-posture --fix ") + fixId;
}

QString acceptanceText(const Acceptance &acceptance)
{
    return QStringLiteral("%1 by %2 until %3: %4")
        .arg(acceptance.expired ? QStringLiteral("ACCEPTANCE EXPIRED, was accepted") : QStringLiteral("ACCEPTED"),
            acceptance.owner, acceptance.expires.toString(Qt::ISODate), acceptance.reason);
}

QStringList verdictCounts(const SurfaceVerdict &verdict)
{
    QStringList counts;
    for (int i = int(Severity::Critical); i >= int(Severity::Low); --i) {
        if (verdict.counts[i] > 0)
            counts.append(QStringLiteral("%1 %2").arg(verdict.counts[i]).arg(riskWord(riskOf(Severity(i)))));
    }
    if (verdict.accepted > 0)
        counts.append(QStringLiteral("%1 accepted").arg(verdict.accepted));
    return counts;
}

QString surfacesLabel(Surfaces surfaces, const QString &separator)
{
    QStringList labels;
    for (const Surface surface : {Surface::Cli, Surface::Ide, Surface::Cloud}) {
        if (surfaces & surface)
            labels.append(surfaceLabel(surface));
    }
    return labels.join(separator);
}

SurfaceVerdict hostVerdict(const Inspection &inspection)
{
    return SurfaceVerdict::of(inspection.findings, Surface::Cli | Surface::Ide | Surface::Cloud);
}

QString EvidenceSnippets::of(const Evidence &evidence)
{
    const ConfigLayer *layer = m_inspection.layerWithFile(evidence.file);
    if (!layer || evidence.line <= 0)
        return {};
    auto lines = m_maskedLines.constFind(evidence.file);
    if (lines == m_maskedLines.cend())
        lines = m_maskedLines.insert(evidence.file, Secrets::maskConfigText(layer->document.text()).split(u'\n'));
    return evidence.line <= lines->size() ? QString(lines->at(evidence.line - 1)).remove(u'\r') : QString();
}

QString judgingReleaseText(const Inspection &inspection)
{
    const QString cli = inspection.cliRelease.describe();
    const QString ide = inspection.ideRelease.describe();
    return cli == ide ? QStringLiteral("CLI and IDE ") + cli : QStringLiteral("CLI %1; IDE %2").arg(cli, ide);
}

} // namespace Posture::Core
