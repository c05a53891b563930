// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QPageSize>
#include <QString>

namespace Posture::Views {

// The page size a reader here prints on: Letter where the locale measures in US units, else A4.
QPageSize::PageSizeId localPageSize();

// The PDF report: the HTML report's page (core's HtmlStyle::QtPdf) laid out by Qt's rich-text engine on pages of
// this size, written atomically and readable by its owner only. Needs a QGuiApplication (fonts). Returns the error,
// or empty.
QString writePdfReport(const QByteArray &html, const QString &path, QPageSize::PageSizeId size = localPageSize());

} // namespace Posture::Views
