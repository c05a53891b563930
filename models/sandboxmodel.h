// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"
#include "riskroles.h"

#include <QAbstractTableModel>

namespace Posture::Models {

// What the sandbox really enforces: first the verdict for the CLI and for the IDE extension (with the remedies,
// smallest blast radius first), then one row per machine fact and probe (bubblewrap, user namespaces, AppArmor,
// seccomp, Landlock, WSL, the live trial, ...) with its state and evidence. Remedies are text and commands to copy;
// nothing here runs them.
class SandboxModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxModel)

public:
    enum Column : int { StateColumn, NameColumn, EvidenceColumn, ColumnCount };
    enum Role : int {
        IdRole = FirstModelRole, // "cli", "ide" or the probe's id ("user-namespaces", "live-bwrap", ...)
        IsVerdictRole, // bool: a surface's verdict rather than a probe
        RemediesRole, // QStringList: what to do, in order
        RemedyCommandsRole, // QStringList, one entry per remedy: its commands (lines), empty when none
    };

    struct Entry
    {
        QString id;
        QString name;
        QString state; // "enforced", "not enforced", "unknown"; a probe's "ok", "problem", "unknown", "info"
        Core::RiskLevel risk = Core::RiskLevel::Unknown;
        QString evidence;
        QList<Core::Remedy> remedies;
        bool verdict = false;
    };

    explicit SandboxModel(QObject *parent = nullptr);
    ~SandboxModel() override;

    void setInspection(const Core::Inspection &inspection);
    const QList<Entry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Entry> m_entries;
};

} // namespace Posture::Models
