// SPDX-License-Identifier: Apache-2.0
#include "diffview.h"

#include "syntaxrepository.h"

#include <QEvent>
#include <QFontDatabase>

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>

namespace Posture::Views {

DiffView::DiffView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new KSyntaxHighlighting::SyntaxHighlighter(document()))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter->setDefinition(syntaxRepository().definitionForName(QStringLiteral("Diff")));
    applyTheme();
}

DiffView::~DiffView() = default;

void DiffView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
}

void DiffView::applyTheme()
{
    const KSyntaxHighlighting::Theme theme = themeForPalette(palette());
    if (theme.name() == m_highlighter->theme().name())
        return; // also stops the palette set below from coming back here for ever
    m_highlighter->setTheme(theme);
    m_highlighter->rehighlight();
    // The text area takes the theme's background, so that the +/− colours read in light and dark.
    QPalette colours = viewport()->palette();
    colours.setColor(QPalette::Base, QColor::fromRgba(theme.editorColor(KSyntaxHighlighting::Theme::BackgroundColor)));
    colours.setColor(QPalette::Text, QColor::fromRgba(theme.textColor(KSyntaxHighlighting::Theme::Normal)));
    viewport()->setPalette(colours);
}

} // namespace Posture::Views
