// SPDX-License-Identifier: Apache-2.0
#include "findingsfiltermodel.h"

#include "findingsmodel.h"

namespace Posture::Models {

FindingsFilterModel::FindingsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(RiskRankRole);
    sort(FindingsModel::SeverityColumn, Qt::DescendingOrder);
}

FindingsFilterModel::~FindingsFilterModel() = default;

void FindingsFilterModel::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateRowsFilter();
}

void FindingsFilterModel::setSeverity(std::optional<Core::Severity> severity)
{
    m_severity = severity;
    invalidateRowsFilter();
}

void FindingsFilterModel::setSurface(std::optional<Core::Surface> surface)
{
    m_surface = surface;
    invalidateRowsFilter();
}

bool FindingsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_severity && index.data(RiskRole).toInt() != int(Core::riskOf(*m_severity)))
        return false;
    if (m_surface && !(Core::Surfaces::fromInt(index.data(FindingsModel::SurfacesRole).toInt()) & *m_surface))
        return false;
    if (m_text.isEmpty())
        return true;
    for (const int role : {int(FindingsModel::IdRole), int(FindingsModel::ExplanationRole),
             int(FindingsModel::KeyPathRole), int(FindingsModel::FileRole)}) {
        if (index.data(role).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    for (int column = 0; column < FindingsModel::ColumnCount; ++column) {
        if (sourceModel()
                ->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool FindingsFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant leftKey = left.data(sortRole());
    const QVariant rightKey = right.data(sortRole());
    if (leftKey != rightKey)
        return QVariant::compare(leftKey, rightKey) == QPartialOrdering::Less;
    // Equal keys keep the engine's order whichever way the list is sorted.
    return sortOrder() == Qt::DescendingOrder ? left.row() > right.row() : left.row() < right.row();
}

} // namespace Posture::Models
