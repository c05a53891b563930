// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fixes/fixapplier.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace Posture::Models {
class InspectionSession;
} // namespace Posture::Models

namespace Posture::Views {

class DiffView;

// Fix all: every applicable guided fix as a checklist (each can be unticked), one combined preview per file
// (FixApplier::previewTogether, worked out on a worker whenever the ticks change), applied together per file with one
// backup per file. A fix the core refuses in combination says why and stays out. On a copied machine, or a file the
// user cannot write, Apply is off and Export Patch… gives the owner a patch instead.
class FixAllDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixAllDialog)

public:
    explicit FixAllDialog(Models::InspectionSession *session, QWidget *parent = nullptr);
    ~FixAllDialog() override;

    QListWidget *checklist() const { return m_list; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *exportButton() const { return m_export; }
    // The previews for the ticked fixes are in.
    bool ready() const { return m_ready; }
    const QList<Core::FixPreview> &previews() const { return m_previews; }
    QString diffText() const;
    QString summaryText() const;
    // Writes the patch of the ticked fixes to path (Export Patch… without its file dialog); the error, or empty.
    QString exportPatch(const QString &path);

Q_SIGNALS:
    void previewReady();
    void applyRequested(const QList<Posture::Core::FixPreview> &previews);

private:
    void recompute();
    void showPreviews(quint64 generation, const QList<Core::FixPreview> &previews);

    Models::InspectionSession *m_session;
    QListWidget *m_list;
    QLabel *m_summary;
    DiffView *m_diff;
    QPushButton *m_apply;
    QPushButton *m_export;
    QList<Core::FixPreview> m_previews;
    quint64 m_generation = 0;
    bool m_ready = false;
};

} // namespace Posture::Views
