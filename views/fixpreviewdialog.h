// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fixes/fixapplier.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
} // namespace KSyntaxHighlighting

namespace Posture::Views {

// The guided fix of a finding, previewed read-only: what it resolves, the file and layer it writes, what changes in
// words, what else to do, and the unified diff (secrets masked) highlighted with KSyntaxHighlighting's "Diff"
// definition. A fix the core refuses says why and who can change it. The preview is worked out on a worker thread:
// it reads the file and proves every edit by parsing it again, which takes a while on a large file.
//
// Applying from the window is the guided-fixes step that follows; until then the dialog gives the command that
// applies exactly this preview.
class FixPreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixPreviewDialog)

public:
    FixPreviewDialog(const Core::Fix &fix, const QString &findingTitle, QWidget *parent = nullptr);
    ~FixPreviewDialog() override;

    // The preview arrived from the worker.
    bool ready() const { return m_ready; }
    QString diffText() const;
    QString summaryText() const;
    QString command() const;

Q_SIGNALS:
    void previewReady();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showPreview(const Core::FixPreview &preview);
    void applyTheme();

    Core::Fix m_fix;
    QLabel *m_summary;
    QPlainTextEdit *m_diff;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter;
    bool m_ready = false;
};

} // namespace Posture::Views
