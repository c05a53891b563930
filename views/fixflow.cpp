// SPDX-License-Identifier: Apache-2.0
#include "fixflow.h"

#include "acceptriskdialog.h"
#include "banner.h"
#include "diffview.h"
#include "fixalldialog.h"
#include "fixpreviewdialog.h"
#include "inspectionsession.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Posture::Views {

FixFlow::FixFlow(Models::InspectionSession *session, Banner *banner, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_fixBanner(banner)
    , m_window(window)
    , m_undo(new QAction(QIcon::fromTheme(QStringLiteral("edit-undo")), tr("&Undo Fix"), this))
    , m_redo(new QAction(QIcon::fromTheme(QStringLiteral("edit-redo")), tr("&Redo Fix"), this))
    , m_fixAll(new QAction(tr("Fix A&ll…"), this))
    , m_removeBackups(new QAction(tr("Remove &Backups…"), this))
{
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setToolTip(tr("Put back the bytes from before the newest fix of this session"));
    m_redo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);
    m_fixAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_fixAll->setToolTip(tr("Every guided fix as a checklist, previewed together per file"));
    m_removeBackups->setToolTip(
        tr("Remove the backups earlier fixes left next to the configuration (they may hold a secret)"));
    connect(m_undo, &QAction::triggered, m_session, &Models::InspectionSession::undoFix);
    connect(m_redo, &QAction::triggered, m_session, &Models::InspectionSession::redoFix);
    connect(m_fixAll, &QAction::triggered, this, &FixFlow::showFixAll);
    connect(m_removeBackups, &QAction::triggered, this, &FixFlow::removeBackups);
    connect(m_session, &Models::InspectionSession::historyChanged, this, [this] {
        m_undo->setEnabled(m_session->canUndo());
        m_redo->setEnabled(m_session->canRedo());
    });
    connect(m_session, &Models::InspectionSession::fixFinished, this, &FixFlow::showOutcome);
    connect(
        m_session, &Models::InspectionSession::batchFinished, this, [this](int applied, const QStringList &messages) {
            const QString text =
                tr("Fixed %1 of %2 files:\n%3").arg(applied).arg(messages.size()).arg(messages.join(u'\n'));
            if (applied == messages.size())
                m_fixBanner->showPositive(text, undoActions());
            else
                m_fixBanner->showMessage(Core::RiskLevel::Medium, text, undoActions());
        });
}

void FixFlow::showFix(const QString &fixId, const QString &findingTitle)
{
    const Core::Fix *fix = m_session->fix(fixId);
    if (!fix)
        return;
    auto *dialog = new FixPreviewDialog(*fix, findingTitle, m_session, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FixPreviewDialog::applyRequested, m_session, &Models::InspectionSession::applyFix);
    dialog->open();
}

void FixFlow::showChanges(const QString &diff)
{
    auto *dialog = new QDialog(m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Changed since the fix"));
    auto *view = new DiffView(dialog);
    view->setObjectName(QStringLiteral("changedSince"));
    view->setAccessibleName(tr("What changed in the file since the fix wrote it"));
    view->setPlainText(diff);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(new QLabel(tr("The file was changed after the fix wrote it, so undo would throw these changes "
                                    "away. Undo it by hand, or keep it."),
        dialog));
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    dialog->resize(700, 420);
    dialog->open();
}

void FixFlow::showFixAll()
{
    if (!m_session->hasInspection())
        return;
    auto *dialog = new FixAllDialog(m_session, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FixAllDialog::applyRequested, m_session, &Models::InspectionSession::applyFixes);
    dialog->open();
}

QList<QAction *> FixFlow::undoActions()
{
    auto *undoAction = new QAction(tr("Undo"), this);
    undoAction->setToolTip(tr("Put back the bytes from before the newest fix (Ctrl+Z; again for the one before)"));
    connect(undoAction, &QAction::triggered, m_session, &Models::InspectionSession::undoFix);
    auto *dismiss = new QAction(tr("Dismiss"), this);
    connect(dismiss, &QAction::triggered, m_fixBanner, &QWidget::hide);
    return {undoAction, dismiss};
}

void FixFlow::removeBackups()
{
    const QList<Core::ConfigBackups::Backup> backups = m_session->backups();
    if (backups.isEmpty()) {
        QMessageBox::information(m_window, tr("Remove Backups"), tr("No fix left a backup next to these files."));
        return;
    }
    QStringList lines;
    for (const Core::ConfigBackups::Backup &backup : backups)
        lines.append(
            QDir::toNativeSeparators(backup.path) + (backup.holdsSecret ? tr("  (holds a secret)") : QString()));
    QMessageBox confirm(QMessageBox::Question, tr("Remove Backups"),
        tr("Remove %n backup(s) earlier fixes left? Undo cannot go back past a removed backup.", nullptr,
            int(backups.size())),
        QMessageBox::Cancel, m_window);
    confirm.setInformativeText(lines.join(u'\n'));
    QPushButton *remove = confirm.addButton(tr("Remove"), QMessageBox::DestructiveRole);
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() != remove)
        return;
    if (const QString problem = m_session->removeBackups(); !problem.isEmpty())
        m_fixBanner->showMessage(Core::RiskLevel::Medium, problem, {});
    else
        m_fixBanner->showPositive(tr("Removed %n backup(s).", nullptr, int(backups.size())), {});
}

void FixFlow::showOutcome(const QString &, const Core::FixOutcome &outcome, bool undo)
{
    if (!outcome.applied) {
        const QString text =
            undo ? tr("Not undone: %1").arg(outcome.message) : tr("Not fixed: %1").arg(outcome.message);
        QList<QAction *> actions;
        if (!outcome.changedSince.isEmpty()) {
            auto *show = new QAction(tr("Show What Changed"), this);
            show->setToolTip(tr("The changes made to the file since the fix wrote it"));
            connect(show, &QAction::triggered, this, [this, diff = outcome.changedSince] { showChanges(diff); });
            actions.append(show);
        }
        m_fixBanner->showMessage(Core::RiskLevel::Medium, text, actions);
        return;
    }
    QList<QAction *> actions;
    if (undo) {
        auto *redo = new QAction(tr("Redo"), this);
        connect(redo, &QAction::triggered, m_session, &Models::InspectionSession::redoFix);
        auto *dismiss = new QAction(tr("Dismiss"), this);
        connect(dismiss, &QAction::triggered, m_fixBanner, &QWidget::hide);
        actions = {redo, dismiss};
    } else {
        actions = undoActions();
        if (outcome.backupHoldsSecret) {
            auto *remove = new QAction(tr("Remove Backups…"), this);
            remove->setToolTip(tr("The backup still holds the secret: remove it once the secret is rotated"));
            connect(remove, &QAction::triggered, this, &FixFlow::removeBackups);
            actions.append(remove);
        }
    }
    // The outcome's message names the file, what changed and the backup.
    QString text = outcome.message; // undo's already begins "undid …"
    if (undo && !text.isEmpty())
        text[0] = text.at(0).toUpper();
    else if (!undo)
        text = tr("Fixed: %1").arg(outcome.message);
    m_fixBanner->showPositive(text, actions);
}

void FixFlow::showAccept(const QString &findingId, const QString &findingTitle, const QString &file)
{
    auto *dialog = new AcceptRiskDialog(findingId, findingTitle, file, m_session, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AcceptRiskDialog::saved, this, &FixFlow::riskAccepted);
    dialog->open();
}

} // namespace Posture::Views
