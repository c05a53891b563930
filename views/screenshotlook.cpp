// SPDX-License-Identifier: Apache-2.0
#include "screenshotlook.h"

#include <QApplication>
#include <QStyleFactory>

namespace Posture::Views {

QPalette screenshotPalette(bool dark)
{
    if (!dark) {
        QPalette palette(QColor(0xfc, 0xfc, 0xfc), QColor(0xef, 0xf0, 0xf1)); // Breeze's button and window
        palette.setColor(QPalette::Base, Qt::white);
        palette.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf7, 0xf7));
        palette.setColor(QPalette::Text, QColor(0x23, 0x26, 0x29));
        palette.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
        palette.setColor(QPalette::ButtonText, QColor(0x23, 0x26, 0x29));
        palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        palette.setColor(QPalette::HighlightedText, Qt::white);
        palette.setColor(QPalette::Link, QColor(0x29, 0x80, 0xb9));
        return palette;
    }
    QPalette palette(QColor(0x31, 0x36, 0x3b), QColor(0x20, 0x22, 0x25)); // Breeze Dark's button and window
    palette.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    palette.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    palette.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    palette.setColor(QPalette::ToolTipText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    palette.setColor(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    palette.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
    return palette;
}

void useScreenshotLook(QApplication &application, bool dark)
{
    application.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(screenshotPalette(dark));
}

} // namespace Posture::Views
