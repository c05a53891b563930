// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Posture::Views {

// A read-only view of one TOML file: KSyntaxHighlighting's TOML definition with a theme that follows the palette,
// line numbers, and a marker on the line of a parse error.
class ConfigView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigView)

public:
    explicit ConfigView(QWidget *parent = nullptr);
    ~ConfigView() override;

    void setConfigText(const QString &text);
    // Marks a 1-based line as erroneous (0 clears the marker) and shows it.
    void setErrorLine(int line, const QString &message);
    int errorLine() const { return m_errorLine; }
    // Moves the cursor to a 1-based line and scrolls it into view.
    void goToLine(int line);
    // Shows a finding's evidence: goes to the line and highlights its span, from the 1-based column (the line's
    // first character when 0) to the end of what is written on the line. Line 0 clears the highlight.
    void showEvidence(int line, int column);
    // The highlighted evidence as document positions [start, end); empty when none.
    std::pair<int, int> evidenceSpan() const { return m_evidence; }

    // The name of the highlighting theme in use, e.g. "Breeze Dark".
    QString themeName() const;
    int lineNumberAreaWidth() const;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    class LineNumberArea;
    friend class LineNumberArea;

    void applyTheme();
    void updateExtraSelections();
    void paintLineNumbers(QPaintEvent *event);

    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    LineNumberArea *m_lineNumberArea;
    int m_errorLine = 0;
    std::pair<int, int> m_evidence{0, 0};
};

} // namespace Posture::Views
