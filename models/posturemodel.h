// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"
#include "core/report/posturetable.h"
#include "riskroles.h"

#include <QAbstractTableModel>

namespace Posture::Models {

// The posture side by side: one row per dimension (approval, sandbox mode, filesystem, writable roots, network, web
// search, project trust, MCP servers, sandbox enforced), one column per surface (CLI | IDE extension | Cloud). Each
// cell knows its value, its risk (the worst finding that concerns it and counts), those findings, and where the value
// came from: file, line, layer, and the values it overrode or that Codex ignored.
class PostureModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostureModel)

public:
    // The core's rows and columns (PostureTable), under the names the views and tests use.
    enum Row : int {
        ApprovalRow = Core::PostureTable::ApprovalRow,
        SandboxModeRow = Core::PostureTable::SandboxModeRow,
        FilesystemRow = Core::PostureTable::FilesystemRow,
        WritableRootsRow = Core::PostureTable::WritableRootsRow,
        NetworkRow = Core::PostureTable::NetworkRow,
        WebSearchRow = Core::PostureTable::WebSearchRow,
        ProjectTrustRow = Core::PostureTable::ProjectTrustRow,
        McpServersRow = Core::PostureTable::McpServersRow,
        SandboxEnforcedRow = Core::PostureTable::SandboxEnforcedRow,
        RowCount = Core::PostureTable::RowCount
    };
    enum Column : int {
        CliColumn = Core::PostureTable::CliColumn,
        IdeColumn = Core::PostureTable::IdeColumn,
        CloudColumn = Core::PostureTable::CloudColumn,
        ColumnCount = Core::PostureTable::ColumnCount
    };
    enum Role : int {
        ProvenanceRole = FirstModelRole, // "config.toml:4 (user)", or how a default decided
        FileRole, // the file that set the value; empty for a default
        LineRole,
        LayerRole, // the layer's label: "user", "profile ci", "project /src/app", ...
        OverriddenRole, // QStringList: the values the winner replaced, lowest layer first, "value at file:line (layer)"
        IgnoredRole, // QStringList: the values Codex ignored, and why
        FindingIdsRole, // QStringList: the findings that concern this cell, accepted ones too
        DiffersRole, // bool: the CLI and the IDE extension disagree on this row
    };

    using Cell = Core::PostureTable::Cell;

    explicit PostureModel(QObject *parent = nullptr);
    ~PostureModel() override;

    void setInspection(const Core::Inspection &inspection);
    void clear();
    const Cell &cell(Row row, Column column) const
    {
        return m_table.cell(Core::PostureTable::Row(row), Core::PostureTable::Column(column));
    }
    static QString rowName(Row row); // "approval", "sandbox mode", ...

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool m_filled = false;
    Core::PostureTable m_table;
    QString m_columnTitles[ColumnCount];
};

} // namespace Posture::Models
