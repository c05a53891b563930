// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"
#include "riskroles.h"

#include <QAbstractTableModel>

namespace Posture::Models {

// Every file Codex reads, in Codex's order (lowest precedence first: system, user, profile, the projects from their
// root down, requirements, managed), found or not, with what became of it.
class LayersModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayersModel)

public:
    enum Column : int { LayerColumn, FileColumn, StatusColumn, ColumnCount };
    enum Role : int {
        FileRole = FirstModelRole, // the absolute path
        KindRole, // "system", "user", "profile", "project", "requirements", "managed"
        ExistsRole, // bool
        EnabledRole, // bool: Codex applies it (an untrusted project's file is read but not applied)
        MessagesRole, // QStringList: what Codex says about this file
    };

    explicit LayersModel(QObject *parent = nullptr);
    ~LayersModel() override;

    void setInspection(const Core::Inspection &inspection);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Layer
    {
        QString label;
        QString kind;
        QString file;
        QString status;
        Core::RiskLevel risk;
        bool exists;
        bool enabled;
        QStringList messages;
    };
    QList<Layer> m_layers;
};

} // namespace Posture::Models
