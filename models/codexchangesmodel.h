// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/report/codexchanges.h"

#include <QAbstractTableModel>

namespace Posture::Models {

// What changed in Codex's configuration semantics between two recorded releases (the engine's CodexChangeList, as
// `--codex-changes` prints it), one row per change: kind, key, value asked, since which release, what each says.
class CodexChangesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodexChangesModel)

public:
    enum Column : int { KindColumn, KeyColumn, ValueColumn, SinceColumn, AnswersColumn, ColumnCount };

    explicit CodexChangesModel(QObject *parent = nullptr);
    ~CodexChangesModel() override;

    // Every recorded release, oldest first.
    static QStringList releases();
    // The pair to open on for a machine whose CLI and IDE are judged as these releases: the two when they differ,
    // else the one in use and the newest (what an update changes), or on the newest, the oldest and the newest.
    static std::pair<QString, QString> pairFor(const QString &cliRelease, const QString &ideRelease);

    void setReleases(const QString &from, const QString &to);
    // "3 answers of Codex 0.167.2 differ in 0.171.0:", or that the two take everything alike.
    QString summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Core::CodexChanges m_changes;
    QList<Core::CodexChange> m_rows;
};

} // namespace Posture::Models
