// SPDX-License-Identifier: Apache-2.0
#include "pdfreport.h"

#include <QAbstractTextDocumentLayout>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace Posture::Views {

namespace {

constexpr double LayoutDpi = 96; // the document is laid out in pixels at this density, then drawn scaled
constexpr int PdfDpi = 300; // QPdfWriter's default 1200 only makes the numbers in the file longer

// Draws the laid-out document page by page, with "n / N" under each. By hand because QTextDocument::print clones
// the document and lays it out again at the printer's resolution (1200 dpi): a third of the PDF report's time.
void drawPages(QTextDocument &document, QPdfWriter &writer)
{
    const QSizeF page = document.pageSize();
    const int pages = document.pageCount();
    const double scale = PdfDpi / LayoutDpi;
    QPainter painter(&writer);
    for (int index = 0; index < pages; ++index) {
        if (index > 0)
            writer.newPage();
        painter.save();
        painter.scale(scale, scale);
        painter.translate(0, -index * page.height());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = QRectF(0, index * page.height(), page.width(), page.height());
        document.documentLayout()->draw(&painter, context);
        painter.restore();
        painter.save();
        painter.scale(scale, scale);
        QFont font = document.defaultFont();
        font.setPixelSize(11); // in layout pixels, scaled like the page (a point size would be scaled twice)
        painter.setFont(font);
        const QRectF footer(0, page.height(), page.width(), LayoutDpi / 2.54); // the centimetre below the page
        painter.drawText(
            footer, Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1 / %2").arg(index + 1).arg(pages));
        painter.restore();
    }
}

} // namespace

QPageSize::PageSizeId localPageSize()
{
    return QLocale::system().measurementSystem() == QLocale::ImperialUSSystem ? QPageSize::Letter : QPageSize::A4;
}

QString writePdfReport(const QByteArray &html, const QString &path, QPageSize::PageSizeId size)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return QStringLiteral("could not write the report %1: %2").arg(path, file.errorString());
    {
        QPdfWriter writer(&file);
        writer.setResolution(PdfDpi);
        writer.setPageSize(QPageSize(size));
        // 2 cm at the sides and the top, 3 cm at the bottom: the page number stands in the last centimetre.
        writer.setPageMargins(QMarginsF(20, 20, 20, 30), QPageLayout::Millimeter);
        writer.setTitle(QStringLiteral("Codex posture report"));
        writer.setCreator(QStringLiteral("codex-posture"));
        QTextDocument document;
        document.setDocumentMargin(0);
        const QRectF paint = writer.pageLayout().paintRect(QPageLayout::Inch);
        document.setPageSize(QSizeF(paint.width() * LayoutDpi, paint.height() * LayoutDpi));
        document.setHtml(QString::fromUtf8(html));
        drawPages(document, writer);
    } // the writer finishes the PDF when it goes
    if (!file.commit())
        return QStringLiteral("could not write the report %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace Posture::Views
