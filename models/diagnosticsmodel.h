// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/diagnostic.h"

#include <QAbstractTableModel>

namespace Posture::Models {

// The problems found in the configuration files, one row each: severity, where, what.
class DiagnosticsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagnosticsModel)

public:
    enum Column : int { SeverityColumn, LocationColumn, MessageColumn, ColumnCount };
    enum Role : int {
        SeverityRole = Qt::UserRole, // Core::DiagnosticSeverity as int
        FileRole,
        LineRole,
        ColumnRole,
        SortRole,
    };

    explicit DiagnosticsModel(QObject *parent = nullptr);
    ~DiagnosticsModel() override;

    void setDiagnostics(const Core::Diagnostics &diagnostics);
    const Core::Diagnostics &diagnostics() const { return m_diagnostics; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Core::Diagnostics m_diagnostics;
};

} // namespace Posture::Models
