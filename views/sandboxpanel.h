// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QVBoxLayout;

namespace Posture::Models {
class SandboxModel;
} // namespace Posture::Models

namespace Posture::Views {

// Whether the sandbox is really enforced: the verdict in words, a busy indicator while the live probes run, one row
// per surface verdict, machine fact and probe with its state and evidence, and the remedies of the chosen row (the
// first verdict with remedies when none is chosen), smallest blast radius first, each with a Copy button. Remedies
// are text to copy: nothing here runs them.
class SandboxPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxPanel)

public:
    explicit SandboxPanel(QWidget *parent = nullptr);
    ~SandboxPanel() override;

    void setInspection(const Core::Inspection &inspection);
    void setProbing(bool running);
    bool probing() const;

    QTableView *table() const { return m_table; }
    QString summary() const;
    // The remedies shown, as "text\ncommands" each; and their Copy buttons, in the same order.
    QStringList remedies() const;
    QList<QPushButton *> copyButtons() const { return m_copyButtons; }

private:
    void showRemedies(int row);

    Models::SandboxModel *m_model;
    QLabel *m_summary;
    QString m_verdict; // the newest inspection's, in words
    QProgressBar *m_busy;
    QTableView *m_table;
    QLabel *m_remediesTitle;
    QVBoxLayout *m_remedies;
    QStringList m_remedyTexts;
    QList<QPushButton *> m_copyButtons;
};

} // namespace Posture::Views
