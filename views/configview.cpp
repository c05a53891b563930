// SPDX-License-Identifier: Apache-2.0
#include "configview.h"

#include "riskpalette.h"
#include "syntaxrepository.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

namespace Posture::Views {

using KSyntaxHighlighting::Theme;

namespace {

// The theme's error mark is a strong colour meant for small marks; under a whole line of text it is softened
// towards the background so that the text on it stays readable.
QColor errorLineColour(const Theme &theme)
{
    return blended(QColor::fromRgba(theme.editorColor(Theme::BackgroundColor)),
        QColor::fromRgba(theme.editorColor(Theme::MarkError)), 0.3);
}

} // namespace

// QPlainTextEdit has no line numbers and KSyntaxHighlighting only colours text, so the gutter is drawn here: a
// child widget in the viewport margin that asks the view to paint it.
class ConfigView::LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(ConfigView *view)
        : QWidget(view)
        , m_view(view)
    { }

    QSize sizeHint() const override { return {m_view->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintLineNumbers(event); }

private:
    ConfigView *m_view;
};

ConfigView::ConfigView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
    , m_lineNumberArea(new LineNumberArea(this))
{
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter->setDefinition(syntaxRepository().definitionForName(QStringLiteral("TOML")));
    connect(
        this, &QPlainTextEdit::blockCountChanged, this, [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0)
            m_lineNumberArea->scroll(0, dy);
        else
            m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
    });
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &ConfigView::updateExtraSelections);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    applyTheme();
}

ConfigView::~ConfigView() = default;

void ConfigView::setConfigText(const QString &text)
{
    if (text == toPlainText() && m_errorLine == 0)
        return; // the same file again (a rescan): keep the place and the highlight
    m_errorLine = 0;
    m_evidence = {0, 0};
    setPlainText(text);
    updateExtraSelections();
}

void ConfigView::setErrorLine(int line, const QString &message)
{
    m_errorLine = line;
    setToolTip(line > 0 ? tr("Line %1: %2").arg(line).arg(message) : QString());
    updateExtraSelections();
    if (line > 0)
        goToLine(line);
    m_lineNumberArea->update();
}

void ConfigView::goToLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    setTextCursor(cursor);
    centerCursor();
}

void ConfigView::showEvidence(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (line <= 0 || !block.isValid()) {
        m_evidence = {0, 0};
        updateExtraSelections();
        return;
    }
    const QString text = block.text();
    int first = 0;
    while (first < text.size() && text.at(first).isSpace())
        ++first;
    if (column > 0)
        first = qMin(column - 1, int(text.size()));
    int last = int(text.size());
    while (last > first && text.at(last - 1).isSpace())
        --last;
    m_evidence = {block.position() + first, block.position() + qMax(last, first + 1)};
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + first);
    setTextCursor(cursor); // updates the selections
    centerCursor();
}

QString ConfigView::themeName() const
{
    return m_highlighter->theme().name();
}

int ConfigView::lineNumberAreaWidth() const
{
    const int digits = QString::number(qMax(1, blockCount())).size();
    return fontMetrics().horizontalAdvance(u'9') * (digits + 2);
}

void ConfigView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void ConfigView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect contents = contentsRect();
    m_lineNumberArea->setGeometry(QRect(contents.left(), contents.top(), lineNumberAreaWidth(), contents.height()));
}

void ConfigView::applyTheme()
{
    const Theme theme = themeForPalette(palette());
    if (theme.name() == m_highlighter->theme().name())
        return;
    m_highlighter->setTheme(theme);
    m_highlighter->rehighlight();
    // The text area takes the theme's colours too, or dark text would sit on a dark window and the reverse.
    QPalette colours = palette();
    colours.setColor(QPalette::Base, QColor::fromRgba(theme.editorColor(Theme::BackgroundColor)));
    colours.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(Theme::Normal)));
    colours.setColor(QPalette::Highlight, QColor::fromRgba(theme.editorColor(Theme::TextSelection)));
    viewport()->setPalette(colours);
    updateExtraSelections();
}

void ConfigView::updateExtraSelections()
{
    const Theme theme = m_highlighter->theme();
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection current;
    current.format.setBackground(QColor::fromRgba(theme.editorColor(Theme::CurrentLine)));
    current.format.setProperty(QTextFormat::FullWidthSelection, true);
    current.cursor = textCursor();
    current.cursor.clearSelection();
    selections.append(current);
    if (m_errorLine > 0) {
        QTextEdit::ExtraSelection error;
        error.format.setBackground(errorLineColour(theme));
        error.format.setProperty(QTextFormat::FullWidthSelection, true);
        error.cursor = QTextCursor(document()->findBlockByNumber(m_errorLine - 1));
        selections.append(error);
    }
    if (m_evidence.second > m_evidence.first) {
        // The evidence in the theme's search colour: the same mark the editor uses for "found here".
        QTextEdit::ExtraSelection evidence;
        evidence.format.setBackground(QColor::fromRgba(theme.editorColor(Theme::SearchHighlight)));
        evidence.format.setForeground(QColor::fromRgba(theme.textColor(Theme::Normal)));
        evidence.cursor = QTextCursor(document());
        evidence.cursor.setPosition(m_evidence.first);
        evidence.cursor.setPosition(qMin(m_evidence.second, document()->characterCount() - 1), QTextCursor::KeepAnchor);
        selections.append(evidence);
    }
    setExtraSelections(selections);
}

void ConfigView::paintLineNumbers(QPaintEvent *event)
{
    const Theme theme = m_highlighter->theme();
    QPainter painter(m_lineNumberArea);
    painter.fillRect(event->rect(), QColor::fromRgba(theme.editorColor(Theme::IconBorder)));
    const int currentLine = textCursor().blockNumber() + 1;
    const int width = m_lineNumberArea->width() - fontMetrics().horizontalAdvance(u'9') / 2;
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        const int line = block.blockNumber() + 1;
        if (block.isVisible() && top + height >= event->rect().top()) {
            const QRect rect(0, top, m_lineNumberArea->width(), fontMetrics().height());
            QFont numberFont = font();
            QColor numberColour = QColor::fromRgba(theme.editorColor(Theme::LineNumbers));
            if (line == m_errorLine) {
                // The full mark colour in the gutter, with the number and a "!" in white or black on it.
                const QColor mark = QColor::fromRgba(theme.editorColor(Theme::MarkError));
                painter.fillRect(rect, mark);
                numberFont.setBold(true);
                numberColour = mark.lightness() < 140 ? Qt::white : Qt::black;
                painter.setFont(numberFont);
                painter.setPen(numberColour);
                painter.drawText(rect.adjusted(2, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("!"));
            } else if (line == currentLine) {
                numberColour = QColor::fromRgba(theme.editorColor(Theme::CurrentLineNumber));
            }
            painter.setFont(numberFont);
            painter.setPen(numberColour);
            painter.drawText(
                QRect(0, top, width, fontMetrics().height()), Qt::AlignRight | Qt::AlignVCenter, QString::number(line));
        }
        block = block.next();
        top += height;
    }
}

} // namespace Posture::Views
