// SPDX-License-Identifier: Apache-2.0
#include "core/report/text/textreport.h"

#include "core/common/secrets.h"
#include "core/common/version.h"
#include "core/inspection.h"
#include "core/report/headline.h"
#include "core/report/layerstatus.h"
#include "core/report/reportparts.h"
#include "core/report/text/textfindings.h"
#include "core/report/text/textwrap.h"

namespace Posture::Core {

namespace {

// One "label  value" row; labels are padded so that values line up.
QString row(const QString &label, const QString &value, int width = 12)
{
    return QStringLiteral("  %1 %2\n").arg(label, -width).arg(value);
}

QString problems(const Diagnostics &messages)
{
    QString text;
    for (const Diagnostic &message : messages) {
        text += QStringLiteral("  %1 %2\n").arg(severityWord(message.severity), -8).arg(message.location.toString());
        text += wrapped(Secrets::maskText(message.text), 11);
        if (!message.hint.isEmpty())
            text += wrapped(message.hint, 11);
    }
    return text;
}

QString postureTable(const Inspection &inspection)
{
    const bool cli = inspection.codexStarts();
    const bool ide = inspection.ideStarts();
    const auto value = [](bool starts, const PostureValue &cell) {
        return starts ? cell.value : QStringLiteral("(no start)");
    };
    const CloudSurface &cloud = inspection.cloud;
    const QString cloudSource = cloud.source == u"declared" ? QStringLiteral("declared") : QStringLiteral("documented");
    QString text =
        QStringLiteral("  %1 %2 %3 %4\n")
            .arg(QString(), -12)
            .arg(inspection.options.profile.isEmpty() ? QStringLiteral("CLI")
                                                      : QStringLiteral("CLI -p ") + inspection.options.profile,
                -20)
            .arg(QStringLiteral("IDE extension"), -20)
            .arg(QStringLiteral("Cloud (") + cloudSource + u')');
    const auto line = [&](const QString &label, const PostureValue &cliCell, const PostureValue &ideCell,
                          const QString &cloudCell) {
        text += QStringLiteral("  %1 %2 %3 %4\n")
                    .arg(label, -12)
                    .arg(value(cli, cliCell), -20)
                    .arg(value(ide, ideCell), -20)
                    .arg(cloudCell);
    };
    line(QStringLiteral("approval"), inspection.cli.approvalPolicy, inspection.ide.approvalPolicy, QStringLiteral("-"));
    line(
        QStringLiteral("sandbox"), inspection.cli.sandboxMode, inspection.ide.sandboxMode, QStringLiteral("container"));
    line(QStringLiteral("filesystem"), inspection.cli.filesystem, inspection.ide.filesystem,
        QStringLiteral("container only"));
    line(QStringLiteral("network"), inspection.cli.network, inspection.ide.network, cloud.network());
    const auto enforced = [](const Enforcement &enforcement) {
        return PostureValue{enforcedWord(enforcement), {}, {}, {}};
    };
    line(QStringLiteral("enforced"), enforced(inspection.cliEnforcement), enforced(inspection.ideEnforcement),
        QStringLiteral("not observable"));
    if (cli) {
        text += u'\n';
        text += row(QStringLiteral("approval"), decidedByText(inspection.cli.approvalPolicy, inspection), 14);
        text += row(QStringLiteral("sandbox"), decidedByText(inspection.cli.sandboxMode, inspection), 14);
        text += row(QStringLiteral("network"), decidedByText(inspection.cli.network, inspection), 14);
    }
    return text;
}

QString sandboxSection(const Inspection &inspection)
{
    const SandboxCapability &sandbox = inspection.sandbox;
    QString text = QStringLiteral("\nSandbox enforcement (%1)\n").arg(hostPlatformName(sandbox.facts.platform));
    text += QStringLiteral("  CLI          ") + wrapped(inspection.cliEnforcement.summary(), 15).mid(15);
    text += QStringLiteral("  IDE          ") + wrapped(inspection.ideEnforcement.summary(), 15).mid(15);
    // What a sandboxed Codex would get, when neither surface shows it (both run without a sandbox, say).
    if (sandbox.machine.summary() != inspection.cliEnforcement.summary()
        && sandbox.machine.summary() != inspection.ideEnforcement.summary())
        text += QStringLiteral("  sandboxed    ") + wrapped(sandbox.machine.summary(), 15).mid(15);
    for (const Capability &probe : sandbox.probes) {
        text += QStringLiteral("  %1 %2\n").arg(probe.stateName(), -8).arg(probe.id);
        text += wrapped(probe.evidence, 11);
    }
    const QList<Remedy> remedies = sandboxRemedies(inspection);
    if (remedies.isEmpty())
        return text;
    text += QStringLiteral("\n  What to do, smallest change first (codex-posture runs none of it)\n");
    for (qsizetype i = 0; i < remedies.size(); ++i) {
        const Remedy &remedy = remedies.at(i);
        text += QStringLiteral("  %1. ").arg(i + 1) + wrapped(remedy.text, 5).mid(5);
        for (const QString &command : remedy.commands.split(u'\n', Qt::SkipEmptyParts))
            text += QStringLiteral("       $ ") + command + u'\n';
    }
    return text;
}

} // namespace

QString renderTextReport(const Inspection &inspection, const QDateTime &generatedAt, bool colour)
{
    QString report = QStringLiteral("codex-posture %1: Codex configuration report\n").arg(toolVersion());
    report += QStringLiteral("generated %1\n\n").arg(generatedAt.toUTC().toString(Qt::ISODate));
    report += row(QStringLiteral("Codex home"),
        inspection.locations.codexHome + QStringLiteral(" (from %1)").arg(inspection.locations.sourceDescription()));
    report += row(QStringLiteral("started in"),
        inspection.trust.cwd
            + QStringLiteral(" (project trust: %1)").arg(ProjectTrust::levelName(inspection.trust.level)));
    report += row(QStringLiteral("verdict"), loadVerdictText(inspection.loadStatus));
    report += row(QStringLiteral("judged as"), judgingReleaseText(inspection));
    if (const Headline first = headline(inspection); !first.isEmpty())
        report += u'\n' + wrapped(Secrets::maskText(first.text), 2);

    report += QStringLiteral("\nConfiguration files, lowest precedence first\n");
    for (const ConfigLayer &layer : inspection.layers) {
        if (layer.kind == ConfigLayer::Kind::User || layer.exists())
            report += row(layer.kindName(),
                layer.document.path() + QStringLiteral("\n") + QString(15, u' ') + layerStatus(layer));
    }
    if (!inspection.messages.isEmpty())
        report += QStringLiteral("\nWhat Codex says about them\n") + problems(inspection.messages);
    if (inspection.userConfig().status() == ConfigDocument::Status::Missing)
        report += QStringLiteral("\n  No config.toml: Codex starts with its built-in defaults.\n");

    report += QStringLiteral("\nPosture\n") + postureTable(inspection);
    report += sandboxSection(inspection);
    report += findingsText(inspection, colour);
    if (!inspection.binaries.isEmpty()) {
        report += QStringLiteral("\nCodex binaries\n");
        for (const CodexBinary &binary : inspection.binaries)
            report += row(binary.version.isEmpty() ? QStringLiteral("?") : binary.version,
                binary.path + QStringLiteral(" (") + binary.source
                    + (binary.error.isEmpty() ? QString() : QStringLiteral("; ") + binary.error) + u')');
    }
    return report;
}

} // namespace Posture::Core
