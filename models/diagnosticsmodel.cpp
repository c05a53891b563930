// SPDX-License-Identifier: Apache-2.0
#include "diagnosticsmodel.h"

#include "core/common/secrets.h"

namespace Posture::Models {

namespace { } // namespace

DiagnosticsModel::DiagnosticsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

DiagnosticsModel::~DiagnosticsModel() = default;

void DiagnosticsModel::setDiagnostics(const Core::Diagnostics &diagnostics)
{
    beginResetModel();
    m_diagnostics = diagnostics;
    endResetModel();
}

int DiagnosticsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnostics.size());
}

int DiagnosticsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::Diagnostic &diagnostic = m_diagnostics.at(index.row());
    switch (role) {
    case SeverityRole:
        return int(diagnostic.severity);
    case FileRole:
        return diagnostic.location.file;
    case LineRole:
        return diagnostic.location.line;
    case ColumnRole:
        return diagnostic.location.column;
    case Qt::ToolTipRole:
        return Core::Secrets::maskText(
            diagnostic.hint.isEmpty() ? diagnostic.toString() : diagnostic.toString() + u'\n' + diagnostic.hint);
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    switch (static_cast<Column>(index.column())) {
    case SeverityColumn:
        return role == SortRole ? QVariant(int(diagnostic.severity))
                                : QVariant(Core::severityWord(diagnostic.severity));
    case LocationColumn:
        return role == SortRole ? QVariant(diagnostic.location.line) : QVariant(diagnostic.location.toShortString());
    case MessageColumn:
        return Core::Secrets::maskText(diagnostic.text);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant DiagnosticsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case SeverityColumn:
        return tr("Severity");
    case LocationColumn:
        return tr("Where");
    case MessageColumn:
        return tr("Problem");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Posture::Models
