// SPDX-License-Identifier: Apache-2.0
#include "configview.h"

#include <QScrollBar>
#include <QTest>
#include <QTextBlock>

using Posture::Views::ConfigView;

namespace {

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x20, 0x22, 0x25));
    palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    return palette;
}

QString numberedLines(int count)
{
    QString text;
    for (int i = 1; i <= count; ++i)
        text += QStringLiteral("key_%1 = %1\n").arg(i);
    return text;
}

} // namespace

class TestConfigView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void highlighting_coloursCommentsAndKeysDifferently();
    void theme_followsPalette();
    void lineNumberArea_widensWithDigits();
    void errorLine_isMarkedInTextAndGutter();
};

void TestConfigView::highlighting_coloursCommentsAndKeysDifferently()
{
    ConfigView view;
    view.setConfigText(QStringLiteral("# a comment\nmodel = \"o3\"\n"));
    const QTextBlock comment = view.document()->findBlockByNumber(0);
    const QTextBlock keyValue = view.document()->findBlockByNumber(1);
    QTRY_VERIFY(!comment.layout()->formats().isEmpty());
    QVERIFY(!keyValue.layout()->formats().isEmpty());
    const QColor commentColour = comment.layout()->formats().constFirst().format.foreground().color();
    const QColor keyColour = keyValue.layout()->formats().constFirst().format.foreground().color();
    QVERIFY2(commentColour != keyColour, qPrintable(commentColour.name()));
}

void TestConfigView::theme_followsPalette()
{
    ConfigView view;
    view.setPalette(QPalette(Qt::white));
    const QString lightTheme = view.themeName();
    QVERIFY(view.viewport()->palette().color(QPalette::Base).lightness() > 128);
    view.setPalette(darkPalette());
    QVERIFY2(view.themeName() != lightTheme, qPrintable(lightTheme));
    QVERIFY(view.viewport()->palette().color(QPalette::Base).lightness() < 128);
    QVERIFY(view.viewport()->palette().color(QPalette::Text).lightness() > 128);
}

void TestConfigView::lineNumberArea_widensWithDigits()
{
    ConfigView view;
    view.setConfigText(numberedLines(9));
    const int narrow = view.lineNumberAreaWidth();
    view.setConfigText(numberedLines(1200));
    QVERIFY(narrow > 0);
    QVERIFY(view.lineNumberAreaWidth() > narrow);
}

void TestConfigView::errorLine_isMarkedInTextAndGutter()
{
    ConfigView view;
    view.resize(500, 300);
    view.setPalette(QPalette(Qt::white));
    view.setConfigText(numberedLines(40));
    view.setErrorLine(30, QStringLiteral("duplicate key"));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));

    QCOMPARE(view.errorLine(), 30);
    QCOMPARE(view.textCursor().blockNumber(), 29);
    QVERIFY(view.toolTip().contains(QStringLiteral("Line 30: duplicate key")));
    bool marked = false;
    for (const QTextEdit::ExtraSelection &selection : view.extraSelections())
        marked |= selection.cursor.blockNumber() == 29 && selection.format.hasProperty(QTextFormat::FullWidthSelection)
            && selection.format.background().color() != view.extraSelections().constFirst().format.background().color();
    QVERIFY(marked);

    // The gutter is painted in the error colour beside line 30, and not beside the first visible line.
    const QImage image = view.grab().toImage();
    const QRect errorRect = view.cursorRect(QTextCursor(view.document()->findBlockByNumber(29)));
    const int y = view.viewport()->mapTo(&view, errorRect.center()).y();
    const QColor errorGutter = image.pixelColor(view.contentsRect().left() + 1, y);
    const QColor plainGutter = image.pixelColor(view.contentsRect().left() + 1, view.contentsRect().top() + 2);
    QVERIFY2(errorGutter != plainGutter, qPrintable(errorGutter.name() + u' ' + plainGutter.name()));
    QVERIFY(errorGutter.red() > errorGutter.blue()); // the themes' error mark is reddish
}

QTEST_MAIN(TestConfigView)
#include "tst_configview.moc"
