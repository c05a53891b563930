// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace Posture::Core {

struct Inspection;

// What a report is asked for beyond the inspection.
struct ReportRequest
{
    QDateTime generatedAt;
    bool colour = false; // ANSI colour (text to a terminal only)
    bool redact = false; // user name, home path and host name replaced by placeholders (redaction.h)
};

// One format of the headless report. Every format masks secrets; redaction is applied by renderReport, after the
// format wrote its text, so that no format can forget it (except where the format must do it before escaping).
struct ReportFormat
{
    QString name; // --report NAME
    QString description; // one line for --help
    QByteArray (*render)(const Inspection &inspection, const ReportRequest &request);
    // The PDF report: render gives the page Qt's rich-text engine lays out, and the window module (it has Qt Gui)
    // writes the PDF from it; only to a file (--output), never to a terminal.
    bool pdf = false;
    // The format replaces names itself, before escaping (HTML: a `<home>` placeholder would be a tag), so renderReport
    // leaves its escaped text alone; tst_redaction checks every format names no one either way.
    bool redactsBeforeEscaping = false;
};

// Every format, in the order --help lists them.
const QList<ReportFormat> &reportFormats();
// The format of this name, or null.
const ReportFormat *reportFormat(const QString &name);
// "text, json, ...": the names, for messages.
QString reportFormatNames();

// The report in a format, redacted when the request says so.
QByteArray renderReport(const ReportFormat &format, const Inspection &inspection, const ReportRequest &request);

// Writes a report to a file atomically (QSaveFile), readable by its owner only: a report names files under a home
// and what they allow. Returns the error, or empty.
QString saveReport(const QByteArray &bytes, const QString &path);

} // namespace Posture::Core
