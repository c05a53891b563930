// SPDX-License-Identifier: Apache-2.0
#include "core/report/json/ndjsonreport.h"

#include "core/common/secrets.h"
#include "core/common/systemroot.h"
#include "core/common/version.h"
#include "core/inspection.h"
#include "core/report/json/jsonfindings.h"
#include "core/report/json/jsonreport.h"
#include "core/report/reportparts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

namespace Posture::Core {

namespace {

QJsonArray codexVersions(const QList<CodexBinary> &binaries)
{
    QJsonArray versions;
    for (const CodexBinary &binary : binaries)
        versions.append(QJsonObject{{QStringLiteral("version"), stringOrNull(binary.version)},
            {QStringLiteral("source"), binary.source}, {QStringLiteral("path"), binary.path}});
    return versions;
}

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace

QString hostId(const Inspection &inspection, QString *source)
{
    const SystemRoot root(inspection.options.systemRoot);
    const std::optional<QString> machineId = root.readTrimmed(QStringLiteral("/etc/machine-id"));
    if (source)
        *source = machineId && !machineId->isEmpty() ? QStringLiteral("machine-id") : QStringLiteral("hostname");
    if (machineId && !machineId->isEmpty())
        return *machineId;
    const std::optional<QString> hostname = root.readTrimmed(QStringLiteral("/etc/hostname"));
    return hostname && !hostname->isEmpty() && !root.isLive() ? *hostname : QSysInfo::machineHostName();
}

QByteArray renderNdjsonReport(const Inspection &inspection, const QDateTime &generatedAt, bool redact)
{
    QString source;
    const QString id = hostId(inspection, &source);
    const QJsonObject common{{QStringLiteral("schema"), QLatin1StringView(NdjsonReportSchema)},
        {QStringLiteral("host_id"), redact ? QStringLiteral("<host>") : id}, {QStringLiteral("host_id_source"), source},
        {QStringLiteral("time"), generatedAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("tool_version"), toolVersion()},
        {QStringLiteral("codex_versions"), codexVersions(inspection.binaries)},
        {QStringLiteral("codex_rules"),
            QJsonObject{{QStringLiteral("cli"), inspection.cliRelease.release},
                {QStringLiteral("ide"), inspection.ideRelease.release}}}};
    QByteArray lines;
    for (const Finding &finding : inspection.findings) {
        QJsonObject object = common;
        object.insert(QStringLiteral("event"), QStringLiteral("finding"));
        object.insert(QStringLiteral("severity"), severityName(finding.severity));
        object.insert(QStringLiteral("id"), finding.id);
        object.insert(QStringLiteral("rule"), finding.ruleId);
        object.insert(QStringLiteral("surfaces"), QJsonArray::fromStringList(surfaceNames(finding.surfaces)));
        object.insert(QStringLiteral("title"), finding.title);
        object.insert(QStringLiteral("file"), stringOrNull(finding.evidence.file));
        object.insert(
            QStringLiteral("line"), finding.evidence.line > 0 ? QJsonValue(finding.evidence.line) : QJsonValue());
        object.insert(QStringLiteral("key"), stringOrNull(finding.evidence.keyPath));
        object.insert(QStringLiteral("value"), stringOrNull(Secrets::maskText(finding.evidence.value)));
        object.insert(QStringLiteral("accepted"), finding.isAccepted());
        object.insert(QStringLiteral("fix_id"), stringOrNull(finding.fixId));
        lines += line(object);
    }
    QJsonObject summary = common;
    const SurfaceVerdict all = hostVerdict(inspection);
    summary.insert(QStringLiteral("event"), QStringLiteral("summary"));
    // As the JSON report's verdicts, with the accepted findings among the counts ("accepted" is a finding line's
    // boolean: one key, one type, for the SIEM's index).
    const QJsonObject verdict = verdictJson(all);
    QJsonObject counts = verdict.value(u"counts").toObject();
    counts.insert(QStringLiteral("accepted"), all.accepted);
    summary.insert(QStringLiteral("verdict"), verdict.value(u"verdict"));
    summary.insert(QStringLiteral("worst"), verdict.value(u"worst"));
    summary.insert(QStringLiteral("counts"), counts);
    summary.insert(QStringLiteral("verdicts"),
        QJsonObject{{QStringLiteral("cli"), inspection.verdict(Surface::Cli).word()},
            {QStringLiteral("ide"), inspection.verdict(Surface::Ide).word()},
            {QStringLiteral("cloud"), inspection.verdict(Surface::Cloud).word()}});
    summary.insert(QStringLiteral("findings"), int(inspection.findings.size()));
    summary.insert(QStringLiteral("config_load"), loadStatusName(inspection.loadStatus));
    return lines + line(summary);
}

} // namespace Posture::Core
