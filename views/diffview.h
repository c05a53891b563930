// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Posture::Views {

// A read-only unified diff, highlighted with KSyntaxHighlighting's "Diff" definition in the theme that suits the
// palette (the +/− colours are the theme's), following light and dark while it is shown.
class DiffView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiffView)

public:
    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
};

} // namespace Posture::Views
