// SPDX-License-Identifier: Apache-2.0
// The HTML report's evidence integrity: the SHA-256 of every file the inspection read, so that a reviewer can show
// later that the files on the machine are the ones the report judged.
#include "core/inspection.h"
#include "core/report/html/htmlparts.h"
#include "core/report/html/htmltext.h"

#include <QCryptographicHash>
#include <QFile>

namespace Posture::Core::HtmlReport {

namespace {

struct InspectedFile
{
    QString role;
    QString path;
    std::optional<QByteArray> bytes; // nullopt: could not be read
};

// The layers as the inspection read them (their bytes), then the other inputs as they are on disk now.
QList<InspectedFile> inspectedFiles(const Inspection &inspection)
{
    QList<InspectedFile> files;
    for (const ConfigLayer &layer : inspection.layers) {
        if (layer.document.status() == ConfigDocument::Status::Missing)
            continue;
        const bool unreadable = layer.document.status() == ConfigDocument::Status::Unreadable;
        files.append({layer.kindName(), layer.document.path(),
            unreadable ? std::nullopt : std::optional(layer.document.bytes())});
    }
    const auto fromDisk = [&files](const QString &role, const QString &path) {
        QFile file(path);
        files.append({role, path, file.open(QIODevice::ReadOnly) ? std::optional(file.readAll()) : std::nullopt});
    };
    if (!inspection.options.acceptFile.isEmpty())
        fromDisk(QStringLiteral("accepted risks"), inspection.options.acceptFile);
    if (!inspection.options.baselineFile.isEmpty() && inspection.options.baselineFile != u"working-rule")
        fromDisk(QStringLiteral("baseline"), inspection.options.baselineFile);
    if (!inspection.cloud.file.isEmpty())
        fromDisk(QStringLiteral("cloud environments"), inspection.cloud.file);
    return files;
}

} // namespace

QString filesInspected(const Inspection &inspection, const HtmlText &html)
{
    QString text =
        QStringLiteral(
            "<section id=\"files\">\n<h2>Files inspected (SHA-256)</h2>\n<table class=\"list\" width=\"100%\">\n")
        + HtmlText::row(
            {QStringLiteral("Role"), QStringLiteral("File"), QStringLiteral("Bytes"), QStringLiteral("SHA-256")}, true);
    for (const InspectedFile &file : inspectedFiles(inspection)) {
        const QString hash = file.bytes
            ? QString::fromLatin1(QCryptographicHash::hash(*file.bytes, QCryptographicHash::Sha256).toHex())
            : QString();
        text += HtmlText::row({html.text(file.role), html.code(file.path),
            file.bytes ? QString::number(file.bytes->size()) : QStringLiteral("unreadable"),
            hash.isEmpty() ? QString() : QStringLiteral("<code class=\"hash\">%1</code>").arg(hash)});
    }
    return text + QStringLiteral("</table>\n</section>\n");
}

} // namespace Posture::Core::HtmlReport
