// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fixes/fixapplier.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace Posture::Models {
class InspectionSession;
} // namespace Posture::Models

namespace Posture::Views {

class DiffView;

// The guided fix of a finding, previewed: what it resolves, the file and layer it writes, what changes in words,
// what may stop working, what else to do, and the unified diff (secrets masked) highlighted with KSyntaxHighlighting's
// "Diff" definition. A fix the core refuses says why and who can change it. The preview is worked out on a worker
// thread: it reads the file and proves every edit by parsing it again, which takes a while on a large file. When the
// file changes on disk while the dialog is open, the preview is worked out again and the dialog says so: nothing is
// ever applied from a stale preview. Apply asks the session to write exactly the preview shown; on a copied machine
// or a file the user cannot write, Apply is off and says why.
// Asks where to save a patch (Export Patch…); empty when cancelled.
QString askPatchPath(QWidget *parent);
// "<p>Wrote the patch …</p>": what a patch holds and how its owner applies it.
QString patchWritten(const QString &path, const QStringList &files);

class FixPreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixPreviewDialog)

public:
    FixPreviewDialog(const Core::Fix &fix, const QString &findingTitle, Models::InspectionSession *session,
        QWidget *parent = nullptr);
    ~FixPreviewDialog() override;

    // The preview arrived from the worker.
    bool ready() const { return m_ready; }
    QString diffText() const;
    QString summaryText() const;
    QString command() const;
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *exportButton() const { return m_export; }
    // Writes the preview as a patch to path (Export Patch… without its file dialog); the error, or empty.
    QString exportPatch(const QString &path);
    // The preview shown (valid once ready()).
    const Core::FixPreview &preview() const { return m_preview; }

Q_SIGNALS:
    void previewReady();
    // Apply was chosen for this preview.
    void applyRequested(const Core::FixPreview &preview);

private:
    void startPreview(const QString &note);
    void showPreview(const Core::FixPreview &preview, const QString &note);
    // The session inspected again: work the preview out again when the file no longer holds what it was made from.
    void recheck();

    Core::Fix m_fix;
    QString m_title;
    Models::InspectionSession *m_session;
    Core::FixPreview m_preview;
    QLabel *m_summary;
    DiffView *m_diff;
    QPushButton *m_apply;
    QPushButton *m_copy = nullptr;
    QPushButton *m_export = nullptr;
    bool m_ready = false;
};

} // namespace Posture::Views
