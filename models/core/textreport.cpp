// SPDX-License-Identifier: Apache-2.0
#include "textreport.h"

#include "inspection.h"
#include "version.h"

namespace Posture::Core {

namespace {

// One "label   value" row; labels are padded so that values line up.
QString row(const QString &label, const QString &value)
{
    return QStringLiteral("  %1 %2\n").arg(label, -12).arg(value);
}

QString configStatus(const ConfigDocument &document)
{
    switch (document.status()) {
    case ConfigDocument::Status::Missing:
        return QStringLiteral("not found: Codex starts with its built-in defaults");
    case ConfigDocument::Status::Parsed:
        return QStringLiteral("parsed: %1 values in %2 tables, %3 bytes")
            .arg(document.valueCount())
            .arg(document.tableCount())
            .arg(document.bytes().size());
    case ConfigDocument::Status::Unreadable:
    case ConfigDocument::Status::ParseError:
        break;
    }
    const Diagnostic problem = document.problem().value_or(Diagnostic{});
    QString where;
    if (problem.location.line > 0)
        where = QStringLiteral("line %1, column %2: ").arg(problem.location.line).arg(problem.location.column);
    return severityWord(problem.severity) + u": " + where + problem.text;
}

} // namespace

QString renderTextReport(const Inspection &inspection, const QDateTime &generatedAt)
{
    QString report = QStringLiteral("codex-posture %1: Codex configuration report\n").arg(toolVersion());
    report += QStringLiteral("generated %1\n\n").arg(generatedAt.toUTC().toString(Qt::ISODate));
    report += row(QStringLiteral("Codex home"),
        inspection.locations.codexHome + QStringLiteral(" (from %1)").arg(inspection.locations.sourceDescription()));
    report += row(QStringLiteral("config.toml"), inspection.userConfig().path());
    report += row(QStringLiteral("status"), configStatus(inspection.userConfig()));
    if (const auto problem = inspection.userConfig().problem())
        report += row(QString(), problem->hint);
    return report;
}

} // namespace Posture::Core
