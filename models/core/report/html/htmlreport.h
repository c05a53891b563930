// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>

namespace Posture::Core {

struct Inspection;

// Which stylesheet the page carries: a browser's (light and dark by prefers-color-scheme, a print stylesheet), or
// the plain one Qt's rich-text engine reads when the PDF report is made from the page (no media queries, no
// variables: it would drop the whole sheet).
enum class HtmlStyle { Browser, QtPdf };

// The report as one self-contained HTML page: inline CSS, no script, no image, nothing fetched (a
// Content-Security-Policy of default-src 'none' says so to the browser). The summary and the three verdicts, the
// posture side by side (icon, word and colour), the findings with their masked evidence lines, what to do and the
// guided fix, the layers, the sandbox and the machine, accepted risks and baseline, versions, and the SHA-256 of every
// file inspected. With redact, names are replaced before escaping (redaction.h's placeholders would be tags).
QByteArray renderHtmlReport(
    const Inspection &inspection, const QDateTime &generatedAt, bool redact, HtmlStyle style = HtmlStyle::Browser);

} // namespace Posture::Core
