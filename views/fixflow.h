// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fixes/fixapplier.h"

#include <QObject>

class QAction;
class QWidget;

namespace Posture::Models {
class InspectionSession;
}

namespace Posture::Views {

class Banner;

// The window's guided fixes and accepted risks, from a finding to the outcome: the fix preview, Fix all, Accept
// Risk, the backups' removal, and what each fix did in the fix banner, with Undo, Redo and What Changed. Everything is
// asked of the session (previews on its worker, writes, undo); this only shows it. Dialogs open over `window`.
class FixFlow final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixFlow)

public:
    FixFlow(Models::InspectionSession *session, Banner *banner, QWidget *window);

    // The preview of a finding's fix (Fix…), titled by the finding.
    void showFix(const QString &fixId, const QString &findingTitle);
    void showFixAll();
    // Accept Risk…: the entry written into `file` (suggested; the dialog can change it).
    void showAccept(const QString &findingId, const QString &findingTitle, const QString &file);
    // Finding > Remove Backups…: the fixes' backups listed, removed once confirmed (never on a copied machine).
    void removeBackups();

    // The actions on the fixes, for the window's menus: Undo Fix and Redo Fix (enabled as the session's history
    // allows), Fix All…, Remove Backups….
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *fixAllAction() const { return m_fixAll; }
    QAction *removeBackupsAction() const { return m_removeBackups; }

Q_SIGNALS:
    // An accepted-risks entry was saved in this file.
    void riskAccepted(const QString &file);

private:
    void showOutcome(const QString &fixId, const Core::FixOutcome &outcome, bool undo);
    // The diff of what changed in a file since a fix wrote it (an undo refused).
    void showChanges(const QString &diff);
    // Undo and Dismiss, for the banner after a fix.
    QList<QAction *> undoActions();

    Models::InspectionSession *m_session;
    Banner *m_fixBanner;
    QWidget *m_window;
    QAction *m_undo;
    QAction *m_redo;
    QAction *m_fixAll;
    QAction *m_removeBackups;
};

} // namespace Posture::Views
