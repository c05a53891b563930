// SPDX-License-Identifier: Apache-2.0
// The Markdown report: the text report's sections as GitHub-flavoured Markdown (findings in markdownfindings.cpp).
#include "core/report/markdown/markdownreport.h"

#include "core/common/risklevel.h"
#include "core/common/secrets.h"
#include "core/common/version.h"
#include "core/inspection.h"
#include "core/report/layerstatus.h"
#include "core/report/markdown/markdowntext.h"
#include "core/report/posturetable.h"
#include "core/report/reportparts.h"

namespace Posture::Core {

namespace {

QString verdictsTable(const Inspection &inspection)
{
    QString text = markdownHeader({QStringLiteral("Surface"), QStringLiteral("Verdict"), QStringLiteral("Findings")});
    for (const Surface surface : {Surface::Cli, Surface::Ide, Surface::Cloud}) {
        const SurfaceVerdict verdict = inspection.verdict(surface);
        const QStringList counts = verdictCounts(verdict);
        text += markdownRow({surfaceLabel(surface), QStringLiteral("**%1**").arg(verdict.word()),
            counts.isEmpty() ? QStringLiteral("none") : counts.join(QStringLiteral(", "))});
    }
    return text;
}

// The core's posture table (PostureTable: the window shows the same cells): each cell's value, its level as a word
// (never colour alone) and where the value came from.
QString postureTable(const Inspection &inspection)
{
    const PostureTable table = PostureTable::of(inspection);
    const QString cloudSource =
        inspection.cloud.source == u"declared" ? QStringLiteral("declared") : QStringLiteral("documented");
    const QString cliLabel = inspection.options.profile.isEmpty()
        ? QStringLiteral("CLI")
        : QString(QStringLiteral("CLI ") + markdownCode(QStringLiteral("-p ") + inspection.options.profile));
    QString text = markdownHeader(
        {QString(), cliLabel, QStringLiteral("IDE extension"), QStringLiteral("Cloud (%1)").arg(cloudSource)});
    for (int row = 0; row < PostureTable::RowCount; ++row) {
        QStringList cells{PostureTable::rowName(PostureTable::Row(row))};
        for (int column = 0; column < PostureTable::ColumnCount; ++column) {
            const PostureTable::Cell &cell = table.cell(PostureTable::Row(row), PostureTable::Column(column));
            QString shown = cell.value.isEmpty() || cell.value == u"—" ? QStringLiteral("—") : markdownCode(cell.value);
            const RiskLevel risk = cell.risk;
            if (risk != RiskLevel::Ok && risk != RiskLevel::Info)
                shown += QStringLiteral(" **%1**").arg(riskWord(risk));
            if (!cell.file.isEmpty())
                shown += QStringLiteral(" · ") + markdownText(cell.provenance);
            cells.append(shown);
        }
        text += markdownRow(cells);
    }
    text += markdownRow(
        {QStringLiteral("**verdict**"), QStringLiteral("**%1**").arg(inspection.verdict(Surface::Cli).word()),
            QStringLiteral("**%1**").arg(inspection.verdict(Surface::Ide).word()),
            QStringLiteral("**%1**").arg(inspection.verdict(Surface::Cloud).word())});
    return text;
}

QString layersSection(const Inspection &inspection)
{
    QString text = QStringLiteral("\n## Configuration files, lowest precedence first\n\n")
        + markdownHeader({QStringLiteral("Layer"), QStringLiteral("File"), QStringLiteral("Status")});
    for (const ConfigLayer &layer : inspection.layers) {
        if (layer.kind == ConfigLayer::Kind::User || layer.exists())
            text += markdownRow({markdownText(layer.kindName()), markdownCode(layer.document.path()),
                QStringLiteral("%1 (%2)").arg(markdownText(layerStatus(layer)), riskWord(layerRisk(layer)))});
    }
    if (inspection.userConfig().status() == ConfigDocument::Status::Missing)
        text += QStringLiteral("\nNo config.toml: Codex starts with its built-in defaults.\n");
    if (inspection.messages.isEmpty())
        return text;
    text += QStringLiteral("\n**What Codex says about them**\n\n");
    for (const Diagnostic &message : inspection.messages) {
        text += QStringLiteral("- **%1** %2 %3")
                    .arg(severityWord(message.severity), markdownCode(message.location.toString()),
                        markdownText(Secrets::maskText(message.text)));
        if (!message.hint.isEmpty())
            text += QStringLiteral(" (") + markdownText(message.hint) + u')';
        text += u'\n';
    }
    return text;
}

// "problem (medium)": the probe's state, and its level where that is another word.
QString probeState(const Capability &probe)
{
    const QString level = riskWord(riskOf(probe));
    return level == probe.stateName() ? level : QStringLiteral("%1 (%2)").arg(probe.stateName(), level);
}

QString sandboxSection(const Inspection &inspection)
{
    const SandboxCapability &sandbox = inspection.sandbox;
    QString text = QStringLiteral("\n## Sandbox enforcement (%1)\n\n").arg(hostPlatformName(sandbox.facts.platform));
    text += QStringLiteral("- CLI: ") + markdownText(inspection.cliEnforcement.summary()) + u'\n';
    text += QStringLiteral("- IDE extension: ") + markdownText(inspection.ideEnforcement.summary()) + u'\n';
    if (!sandbox.probes.isEmpty()) {
        text += u'\n' + markdownHeader({QStringLiteral("Probe"), QStringLiteral("State"), QStringLiteral("Evidence")});
        for (const Capability &probe : sandbox.probes)
            text += markdownRow({markdownCode(probe.id), probeState(probe), markdownText(probe.evidence)});
    }
    const QList<Remedy> remedies = sandboxRemedies(inspection);
    if (remedies.isEmpty())
        return text;
    text += QStringLiteral("\n**What to do, smallest change first** (codex-posture runs none of it)\n\n");
    for (qsizetype i = 0; i < remedies.size(); ++i) {
        const Remedy &remedy = remedies.at(i);
        text += QStringLiteral("%1. ").arg(i + 1) + markdownText(remedy.text) + u'\n';
        if (!remedy.commands.isEmpty())
            text += QStringLiteral("   ```sh\n   ") + remedy.commands.trimmed().replace(u'\n', QStringLiteral("\n   "))
                + QStringLiteral("\n   ```\n");
    }
    return text;
}

QString acceptedAndBaseline(const Inspection &inspection)
{
    const SurfaceVerdict all = hostVerdict(inspection);
    const auto file = [](const QString &path) { return path.isEmpty() ? QStringLiteral("none") : markdownCode(path); };
    return QStringLiteral("\n## Accepted risks and baseline\n\n- accepted risks: %1 (%2 accepted)\n- baseline: %3\n")
        .arg(file(inspection.options.acceptFile))
        .arg(all.accepted)
        .arg(file(inspection.options.baselineFile));
}

QString versions(const Inspection &inspection)
{
    QString text = QStringLiteral("\n## Versions\n\n")
        + markdownHeader({QStringLiteral("Program"), QStringLiteral("Version"), QStringLiteral("Path")});
    text += markdownRow({QStringLiteral("codex-posture"), markdownCode(toolVersion()), QString()});
    text += markdownRow(
        {QStringLiteral("Judged as Codex release"), markdownText(judgingReleaseText(inspection)), QString()});
    for (const CodexBinary &binary : inspection.binaries)
        text += markdownRow({QStringLiteral("codex (%1)").arg(markdownText(binary.source)),
            binary.version.isEmpty() ? QString(QStringLiteral("unknown: ") + markdownText(binary.error))
                                     : markdownCode(binary.version),
            markdownCode(binary.path)});
    if (inspection.binaries.isEmpty())
        text +=
            markdownRow({QStringLiteral("codex"), QStringLiteral("not asked (no live probe) or not found"), QString()});
    return text;
}

} // namespace

QString renderMarkdownReport(const Inspection &inspection, const QDateTime &generatedAt)
{
    QString report = QStringLiteral("# Codex posture: %1\n\n").arg(hostVerdict(inspection).word());
    report += QStringLiteral("codex-posture %1, generated %2\n\n")
                  .arg(toolVersion(), generatedAt.toUTC().toString(Qt::ISODate));
    report += markdownHeader({QString(), QString()});
    report += markdownRow({QStringLiteral("Codex home"),
        markdownCode(inspection.locations.codexHome) + QStringLiteral(" (from ")
            + markdownText(inspection.locations.sourceDescription()) + u')'});
    report += markdownRow({QStringLiteral("started in"),
        markdownCode(inspection.trust.cwd) + QStringLiteral(" (project trust: ")
            + ProjectTrust::levelName(inspection.trust.level) + u')'});
    report += markdownRow({QStringLiteral("Codex"), markdownText(loadVerdictText(inspection.loadStatus))});
    report += QStringLiteral("\n## Verdicts\n\n") + verdictsTable(inspection);
    report += QStringLiteral("\n## Posture\n\n") + postureTable(inspection);
    report += markdownFindings(inspection);
    report += layersSection(inspection);
    report += sandboxSection(inspection);
    report += acceptedAndBaseline(inspection);
    report += versions(inspection);
    return report;
}

} // namespace Posture::Core
