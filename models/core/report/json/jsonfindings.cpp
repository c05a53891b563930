// SPDX-License-Identifier: Apache-2.0
// The JSON report's judgement: findings, guided fixes, verdicts per surface.
#include "core/report/json/jsonfindings.h"

#include "core/common/secrets.h"
#include "core/inspection.h"
#include "core/report/json/jsonreport.h"

#include <QJsonArray>

namespace Posture::Core {

QJsonObject verdictJson(const SurfaceVerdict &verdict)
{
    QJsonObject counts;
    for (int i = 0; i < 5; ++i)
        counts.insert(severityName(Severity(i)), verdict.counts[i]);
    return {{QStringLiteral("verdict"), verdict.word()},
        {QStringLiteral("worst"), verdict.worst ? QJsonValue(severityName(*verdict.worst)) : QJsonValue()},
        {QStringLiteral("counts"), counts}, {QStringLiteral("accepted"), verdict.accepted}};
}

QJsonObject findingsJson(const Inspection &inspection)
{
    QJsonArray findings;
    for (const Finding &finding : inspection.findings) {
        const Evidence &evidence = finding.evidence;
        QJsonObject object{{QStringLiteral("id"), finding.id}, {QStringLiteral("rule"), finding.ruleId},
            {QStringLiteral("severity"), severityName(finding.severity)},
            {QStringLiteral("icon"), severityIconName(finding.severity)},
            {QStringLiteral("surfaces"), QJsonArray::fromStringList(surfaceNames(finding.surfaces))},
            {QStringLiteral("title"), finding.title},
            {QStringLiteral("evidence"),
                QJsonObject{{QStringLiteral("layer"), stringOrNull(evidence.layer)},
                    {QStringLiteral("file"), stringOrNull(evidence.file)},
                    {QStringLiteral("line"), evidence.line > 0 ? QJsonValue(evidence.line) : QJsonValue()},
                    {QStringLiteral("column"), evidence.column > 0 ? QJsonValue(evidence.column) : QJsonValue()},
                    {QStringLiteral("key"), stringOrNull(evidence.keyPath)},
                    {QStringLiteral("value"), stringOrNull(Secrets::maskText(evidence.value))}}},
            {QStringLiteral("explanation"), finding.explanation}, {QStringLiteral("remediation"), finding.remediation},
            {QStringLiteral("reference"), finding.reference}, {QStringLiteral("fix_id"), stringOrNull(finding.fixId)}};
        if (finding.acceptance)
            object.insert(QStringLiteral("accepted"),
                QJsonObject{{QStringLiteral("reason"), finding.acceptance->reason},
                    {QStringLiteral("owner"), finding.acceptance->owner},
                    {QStringLiteral("expires"), finding.acceptance->expires.toString(Qt::ISODate)},
                    {QStringLiteral("expired"), finding.acceptance->expired}});
        else
            object.insert(QStringLiteral("accepted"), QJsonValue());
        findings.append(object);
    }
    QJsonArray fixes;
    for (const Fix &fix : inspection.fixes) {
        QJsonArray operations;
        for (const FixOperation &operation : fix.operations) {
            operations.append(QJsonObject{
                {QStringLiteral("op"),
                    operation.kind == FixOperation::Kind::Set ? QStringLiteral("set") : QStringLiteral("remove")},
                {QStringLiteral("key"), keyPathToString(operation.path)},
                {QStringLiteral("value"),
                    operation.kind == FixOperation::Kind::Set
                        ? QJsonValue::fromVariant(Secrets::mask(operation.path, operation.value))
                        : QJsonValue()}});
        }
        fixes.append(QJsonObject{{QStringLiteral("id"), fix.id}, {QStringLiteral("finding"), fix.findingId},
            {QStringLiteral("title"), fix.title}, {QStringLiteral("file"), stringOrNull(fix.file)},
            {QStringLiteral("layer"), stringOrNull(fix.layer)}, {QStringLiteral("operations"), operations},
            {QStringLiteral("note"), stringOrNull(fix.note)}, {QStringLiteral("refused"), stringOrNull(fix.refusal)}});
    }
    return {{QStringLiteral("findings"), findings}, {QStringLiteral("fixes"), fixes},
        {QStringLiteral("verdicts"),
            QJsonObject{{QStringLiteral("cli"), verdictJson(inspection.verdict(Surface::Cli))},
                {QStringLiteral("ide"), verdictJson(inspection.verdict(Surface::Ide))},
                {QStringLiteral("cloud"), verdictJson(inspection.verdict(Surface::Cloud))}}},
        {QStringLiteral("baseline"), stringOrNull(inspection.options.baselineFile)},
        {QStringLiteral("accepted_risks"), stringOrNull(inspection.options.acceptFile)}};
}

} // namespace Posture::Core
