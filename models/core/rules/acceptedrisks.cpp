// SPDX-License-Identifier: Apache-2.0
#include "core/rules/acceptedrisks.h"

#include "core/config/configdocument.h"
#include "core/config/tomleditor.h"

namespace Posture::Core {

AcceptedRisks AcceptedRisks::load(const QString &path, Diagnostics &problems)
{
    return fromDocument(ConfigDocument::load(path), problems);
}

AcceptedRisks AcceptedRisks::fromDocument(const ConfigDocument &document, Diagnostics &problems)
{
    AcceptedRisks risks;
    risks.m_file = document.path();
    if (document.status() != ConfigDocument::Status::Parsed) {
        problems.append(document.problem().value_or(Diagnostic{DiagnosticSeverity::Error, {document.path(), 0, 0},
            QStringLiteral("the accepted-risks file does not exist"), QStringLiteral("Check the path."), {}, {}}));
        return risks;
    }
    for (auto it = document.root().cbegin(); it != document.root().cend(); ++it) {
        if (it.key() != u"accept")
            problems.append({DiagnosticSeverity::Error, document.location({it.key()}),
                QStringLiteral("unknown key `%1`").arg(it.key()),
                QStringLiteral("List each accepted finding in an [[accept]] table."), {}, {}});
    }
    const QVariantList entries = document.value({QStringLiteral("accept")}).toList();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QVariantMap entry = entries.at(i).toMap();
        const KeyPath where{QStringLiteral("accept"), arrayElementKey(i)};
        Entry accepted;
        accepted.id = entry.value(QStringLiteral("id")).toString();
        accepted.acceptance.reason = entry.value(QStringLiteral("reason")).toString();
        accepted.acceptance.owner = entry.value(QStringLiteral("owner")).toString();
        accepted.acceptance.expires = entry.value(QStringLiteral("expires")).toDate();
        accepted.location = document.location(where);
        QStringList missing;
        if (accepted.id.isEmpty())
            missing.append(QStringLiteral("id"));
        if (accepted.acceptance.reason.isEmpty())
            missing.append(QStringLiteral("reason"));
        if (accepted.acceptance.owner.isEmpty())
            missing.append(QStringLiteral("owner"));
        if (!accepted.acceptance.expires.isValid())
            missing.append(QStringLiteral("expires (a date: 2027-03-31)"));
        if (!missing.isEmpty()) {
            problems.append({DiagnosticSeverity::Error, accepted.location,
                QStringLiteral("accepted risk %1 lacks %2").arg(i + 1).arg(missing.join(QStringLiteral(", "))),
                QStringLiteral("Every accepted risk needs an id, a reason, an owner and an expiry date."), {}, {}});
            continue;
        }
        risks.m_entries.append(accepted);
    }
    return risks;
}

void AcceptedRisks::apply(Findings &findings, const QDate &today, Diagnostics &warnings) const
{
    for (const Entry &entry : m_entries) {
        bool found = false;
        for (Finding &finding : findings) {
            if (finding.id != entry.id)
                continue;
            found = true;
            finding.acceptance = entry.acceptance;
            finding.acceptance->expired = today >= entry.acceptance.expires;
        }
        if (!found)
            warnings.append({DiagnosticSeverity::Warning, entry.location,
                QStringLiteral("accepted risk `%1` matches no finding").arg(entry.id),
                QStringLiteral("Check the id against the report; a finding that went away can be removed."), {}, {}});
    }
}

QString AcceptedRisks::entryText(const QString &id, const Acceptance &acceptance)
{
    const auto quoted = [](const QString &text) { return QString::fromUtf8(TomlEditor::render(text)); };
    return QStringLiteral("[[accept]]\nid = %1\nreason = %2\nowner = %3\nexpires = %4\n")
        .arg(quoted(id), quoted(acceptance.reason), quoted(acceptance.owner), acceptance.expires.toString(Qt::ISODate));
}

} // namespace Posture::Core
