// SPDX-License-Identifier: Apache-2.0
#include "posturemodel.h"

namespace Posture::Models {

PostureModel::PostureModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

PostureModel::~PostureModel() = default;

QString PostureModel::rowName(Row row)
{
    return Core::PostureTable::rowName(Core::PostureTable::Row(row));
}

void PostureModel::setInspection(const Core::Inspection &inspection)
{
    beginResetModel();
    m_table = Core::PostureTable::of(inspection);
    m_columnTitles[CliColumn] =
        inspection.options.profile.isEmpty() ? tr("CLI") : tr("CLI (profile %1)").arg(inspection.options.profile);
    m_columnTitles[IdeColumn] = tr("IDE extension");
    m_columnTitles[CloudColumn] =
        inspection.cloud.source == u"declared" ? tr("Cloud (declared)") : tr("Cloud (documented)");
    m_filled = true;
    endResetModel();
}

void PostureModel::clear()
{
    beginResetModel();
    m_filled = false;
    endResetModel();
}

int PostureModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_filled ? 0 : RowCount;
}

int PostureModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PostureModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row row = Row(index.row());
    const Column column = Column(index.column());
    const Cell &cell = this->cell(row, column);
    if (const QVariant risk = riskData(cell.risk, role); risk.isValid())
        return risk;
    const auto differs = [this, row] { return this->cell(row, CliColumn).value != this->cell(row, IdeColumn).value; };
    switch (role) {
    case Qt::DisplayRole:
        return cell.value;
    case ProvenanceRole:
        return cell.provenance;
    case FileRole:
        return cell.file;
    case LineRole:
        return cell.line;
    case LayerRole:
        return cell.layer;
    case OverriddenRole:
        return cell.overridden;
    case IgnoredRole:
        return cell.ignored;
    case FindingIdsRole:
        return cell.findingIds;
    case DiffersRole:
        return column != CloudColumn && differs();
    case Qt::ToolTipRole: {
        QStringList lines{tr("%1: %2").arg(Core::riskWord(cell.risk), cell.value), cell.provenance};
        if (!cell.note.isEmpty())
            lines.append(cell.note);
        if (!cell.overridden.isEmpty())
            lines.append(tr("Overrode: %1").arg(cell.overridden.join(QStringLiteral("; "))));
        if (!cell.ignored.isEmpty())
            lines.append(tr("Codex ignored: %1").arg(cell.ignored.join(QStringLiteral("; "))));
        if (!cell.findingTitles.isEmpty())
            lines.append(tr("Findings: %1").arg(cell.findingTitles.join(QStringLiteral("; "))));
        return lines.join(u'\n');
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2: %3, %4").arg(m_columnTitles[column], rowName(row), cell.value, Core::riskWord(cell.risk));
    case Qt::AccessibleDescriptionRole: {
        QString description = tr("Set by %1").arg(cell.provenance);
        if (column != CloudColumn && differs())
            description += QStringLiteral(". ") + tr("The CLI and the IDE extension differ here");
        if (!cell.findingTitles.isEmpty())
            description += QStringLiteral(". ") + tr("Findings: %1").arg(cell.findingTitles.join(QStringLiteral("; ")));
        return description;
    }
    default:
        return {};
    }
}

QVariant PostureModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section >= 0 && section < ColumnCount ? m_columnTitles[section] : QVariant();
    return section >= 0 && section < RowCount ? rowName(Row(section)) : QVariant();
}

} // namespace Posture::Models
