// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableView;

namespace Posture::Models {
class CodexChangesModel;
}

namespace Posture::Views {

// What changed in Codex's configuration semantics between two recorded releases (the engine's
// CodexChangeList, as `--codex-changes` prints it). Opens on the releases of this machine: the CLI's and the IDE's
// when they differ, else the release in use and the newest one (what an update changes).
class CodexChangesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodexChangesDialog)

public:
    explicit CodexChangesDialog(const Core::Inspection &inspection, QWidget *parent = nullptr);
    ~CodexChangesDialog() override;

    void setReleases(const QString &from, const QString &to);
    QTableView *table() const { return m_table; }
    QString summaryText() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showChanges();

    QComboBox *m_from;
    QComboBox *m_to;
    QLabel *m_summary;
    Models::CodexChangesModel *m_changes;
    QTableView *m_table;
};

} // namespace Posture::Views
