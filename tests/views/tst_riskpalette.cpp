// SPDX-License-Identifier: Apache-2.0
// Risk tints come from the palette and keep text readable: WCAG AA (4.5:1) for every level in a light and a dark
// palette, the levels that need attention tinted and told apart, the others left untinted.
#include "riskpalette.h"
#include "riskroles.h"
#include "screenshotlook.h"
#include "severitydelegate.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QStandardItemModel>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOptionViewItem>
#include <QTest>

using namespace Posture;
using namespace Posture::Views;

namespace {

QPalette lightPalette()
{
    return QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette();
}

// A dark palette as desktops ship them: dark Base, light Text.
QPalette darkPalette()
{
    QPalette palette = lightPalette();
    palette.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    palette.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    palette.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    return palette;
}

// What the delegate paints at the far end of a cell of this level (where no icon or text goes), in this palette
// (and state: selected or not).
QColor paintedCell(Core::RiskLevel level, const QPalette &palette, QStyle::State state = QStyle::State_Enabled)
{
    QStandardItemModel model;
    auto *item = new QStandardItem(QStringLiteral("x"));
    item->setData(QStringLiteral("icon"), Qt::DecorationRole);
    item->setData(int(level), Models::RiskRole);
    model.appendRow(item);
    RiskDelegate delegate;
    QImage image(240, 30, QImage::Format_RGB32);
    image.fill(Qt::magenta);
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = image.rect();
    option.palette = palette;
    option.state = state;
    delegate.paint(&painter, option, model.index(0, 0));
    painter.end();
    return image.pixelColor(230, 15);
}

} // namespace

class TestRiskPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLevel_keepsAaContrast_data();
    void everyLevel_keepsAaContrast();
    void attentionLevels_areTintedAndToldApart();
    void delegate_paintsTheTint_fromTheViewsPalette();
    void selectedRow_keepsAaContrast_data();
    void selectedRow_keepsAaContrast();
};

void TestRiskPalette::everyLevel_keepsAaContrast_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette();
    QTest::newRow("dark") << darkPalette();
}

void TestRiskPalette::everyLevel_keepsAaContrast()
{
    QFETCH(QPalette, palette);
    for (const Core::RiskLevel level : Core::AllRiskLevels) {
        const RiskColours colours = riskColours(level, palette);
        const QColor background = colours.background.isValid() ? colours.background : palette.color(QPalette::Base);
        const double ratio = contrastRatio(colours.foreground, background);
        QVERIFY2(ratio >= 4.5,
            qPrintable(QStringLiteral("%1: %2 on %3 is %4:1")
                    .arg(Core::riskWord(level), colours.foreground.name(), background.name())
                    .arg(ratio, 0, 'f', 2)));
    }
}

void TestRiskPalette::attentionLevels_areTintedAndToldApart()
{
    for (const QPalette &palette : {lightPalette(), darkPalette()}) {
        const QColor base = palette.color(QPalette::Base);
        const QColor critical = riskColours(Core::RiskLevel::Critical, palette).background;
        const QColor medium = riskColours(Core::RiskLevel::Medium, palette).background;
        const QColor low = riskColours(Core::RiskLevel::Low, palette).background;
        QVERIFY(critical.isValid() && medium.isValid() && low.isValid());
        QVERIFY(critical != medium && medium != low && critical != base);
        // The tint stays on the palette's side: dark stays dark, light stays light.
        QCOMPARE(critical.lightnessF() < 0.5, base.lightnessF() < 0.5);
        QVERIFY(!riskColours(Core::RiskLevel::Ok, palette).background.isValid());
        QVERIFY(!riskColours(Core::RiskLevel::Unknown, palette).background.isValid());
    }
    // The same level differs between light and dark: the colour follows the palette.
    QVERIFY(riskColours(Core::RiskLevel::High, lightPalette()).background
        != riskColours(Core::RiskLevel::High, darkPalette()).background);
}

void TestRiskPalette::delegate_paintsTheTint_fromTheViewsPalette()
{
    for (const QPalette &palette : {lightPalette(), darkPalette()}) {
        const QColor tint = riskColours(Core::RiskLevel::Critical, palette).background;
        QCOMPARE(paintedCell(Core::RiskLevel::Critical, palette).rgb(), tint.rgb());
        QVERIFY(paintedCell(Core::RiskLevel::Ok, palette).rgb() != tint.rgb());
    }
}

void TestRiskPalette::selectedRow_keepsAaContrast_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("light") << lightPalette();
    QTest::newRow("dark") << darkPalette();
    QTest::newRow("Breeze light (screenshots)") << screenshotPalette(false);
    QTest::newRow("Breeze dark (screenshots)") << screenshotPalette(true);
}

// A selected row as the delegate paints it: the selection's text on the painted background keeps 4.5:1, in every
// palette (Breeze's own blue under white text is 2.4:1).
void TestRiskPalette::selectedRow_keepsAaContrast()
{
    QFETCH(QPalette, palette);
    for (const Core::RiskLevel level : {Core::RiskLevel::Ok, Core::RiskLevel::High}) {
        const QColor background =
            paintedCell(level, palette, QStyle::State_Enabled | QStyle::State_Selected | QStyle::State_Active);
        QVERIFY2(background != QColor(Qt::magenta), "the delegate paints the selection");
        const double ratio = contrastRatio(palette.color(QPalette::HighlightedText), background);
        QVERIFY2(ratio >= 4.5,
            qPrintable(QStringLiteral("%1 on %2: %3:1")
                    .arg(palette.color(QPalette::HighlightedText).name(), background.name(),
                        QString::number(ratio, 'f', 2))));
    }
}

int main(int argc, char **argv)
{
    QApplication::setStyle(QStringLiteral("Fusion")); // the same painting everywhere
    QApplication app(argc, argv);
    TestRiskPalette test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_riskpalette.moc"
