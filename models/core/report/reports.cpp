// SPDX-License-Identifier: Apache-2.0
#include "core/report/reports.h"

#include "core/report/html/htmlreport.h"
#include "core/report/json/jsonreport.h"
#include "core/report/json/ndjsonreport.h"
#include "core/report/markdown/markdownreport.h"
#include "core/report/redaction.h"
#include "core/report/sarif/sarifreport.h"
#include "core/report/text/mdmreport.h"
#include "core/report/text/textreport.h"

#include <QSaveFile>

namespace Posture::Core {

namespace {

QByteArray text(const Inspection &inspection, const ReportRequest &request)
{
    return renderTextReport(inspection, request.generatedAt, request.colour).toUtf8();
}

QByteArray json(const Inspection &inspection, const ReportRequest &request)
{
    return renderJsonReport(inspection, request.generatedAt);
}

QByteArray markdown(const Inspection &inspection, const ReportRequest &request)
{
    return renderMarkdownReport(inspection, request.generatedAt).toUtf8();
}

QByteArray mdm(const Inspection &inspection, const ReportRequest &)
{
    return renderMdmReport(inspection).toUtf8();
}

QByteArray ndjson(const Inspection &inspection, const ReportRequest &request)
{
    return renderNdjsonReport(inspection, request.generatedAt, request.redact);
}

QByteArray html(const Inspection &inspection, const ReportRequest &request)
{
    return renderHtmlReport(inspection, request.generatedAt, request.redact); // names redacted before escaping
}

QByteArray pdfPage(const Inspection &inspection, const ReportRequest &request)
{
    return renderHtmlReport(inspection, request.generatedAt, request.redact, HtmlStyle::QtPdf);
}

QByteArray sarif(const Inspection &inspection, const ReportRequest &request)
{
    return renderSarifReport(inspection, request.generatedAt, request.redact); // paths redacted before encoding
}

} // namespace

const QList<ReportFormat> &reportFormats()
{
    static const QList<ReportFormat> formats{
        {QStringLiteral("text"), QStringLiteral("for a person at a terminal (80 columns)"), &text},
        {QStringLiteral("json"), QStringLiteral("one versioned document (resources/schema/report-1.schema.json)"),
            &json},
        {QStringLiteral("html"), QStringLiteral("one self-contained page, light and dark, printable"), &html, false,
            true},
        {QStringLiteral("pdf"), QStringLiteral("the HTML report as a PDF (A4 or Letter by locale; needs --output)"),
            &pdfPage, true, true},
        {QStringLiteral("markdown"), QStringLiteral("GitHub Markdown, for a ticket or a pull request"), &markdown},
        {QStringLiteral("mdm"), QStringLiteral("one <result> line for an MDM (a Jamf extension attribute)"), &mdm},
        {QStringLiteral("ndjson"), QStringLiteral("a JSON line per finding, and a summary (Fleet, SIEM)"), &ndjson},
        {QStringLiteral("sarif"), QStringLiteral("SARIF 2.1.0 for code scanning (GitHub, VS Code, Azure DevOps)"),
            &sarif},
    };
    return formats;
}

const ReportFormat *reportFormat(const QString &name)
{
    for (const ReportFormat &format : reportFormats()) {
        if (format.name == name)
            return &format;
    }
    return nullptr;
}

QString reportFormatNames()
{
    QStringList names;
    for (const ReportFormat &format : reportFormats())
        names.append(format.name);
    return names.join(QStringLiteral(", "));
}

QByteArray renderReport(const ReportFormat &format, const Inspection &inspection, const ReportRequest &request)
{
    const QByteArray bytes = format.render(inspection, request);
    return request.redact && !format.redactsBeforeEscaping ? Redaction::of(inspection).apply(bytes) : bytes;
}

QString saveReport(const QByteArray &bytes, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(bytes) != bytes.size() || !file.commit())
        return QStringLiteral("could not write the report %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace Posture::Core
