// SPDX-License-Identifier: Apache-2.0
#include "layersmodel.h"

#include "core/common/secrets.h"
#include "core/report/layerstatus.h"

namespace Posture::Models {

LayersModel::LayersModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

LayersModel::~LayersModel() = default;

void LayersModel::setInspection(const Core::Inspection &inspection)
{
    beginResetModel();
    m_layers.clear();
    for (const Core::ConfigLayer &layer : inspection.layers) {
        QStringList messages;
        for (const Core::Diagnostic &message : inspection.messages) {
            if (message.location.file == layer.document.path())
                messages.append(Core::Secrets::maskText(message.toString()));
        }
        m_layers.append({layer.label(), layer.kindName(), layer.document.path(), Core::layerStatus(layer),
            Core::layerRisk(layer), layer.exists(), layer.enabled, messages});
    }
    endResetModel();
}

int LayersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_layers.size());
}

int LayersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LayersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Layer &layer = m_layers.at(index.row());
    if (role == Qt::DecorationRole && index.column() != LayerColumn)
        return {};
    if (const QVariant answer = riskData(layer.risk, role); answer.isValid())
        return answer;
    switch (role) {
    case Qt::DisplayRole:
        switch (static_cast<Column>(index.column())) {
        case LayerColumn:
            return layer.label;
        case FileColumn:
            return layer.file;
        case StatusColumn:
            return layer.status;
        case ColumnCount:
            break;
        }
        return {};
    case FileRole:
        return layer.file;
    case KindRole:
        return layer.kind;
    case ExistsRole:
        return layer.exists;
    case EnabledRole:
        return layer.enabled;
    case MessagesRole:
        return layer.messages;
    case Qt::ToolTipRole:
        return QString(layer.file + u'\n' + (layer.messages.isEmpty() ? layer.status : layer.messages.join(u'\n')));
    case Qt::AccessibleTextRole:
        return tr("%1 layer, %2: %3").arg(layer.label, layer.file, layer.status);
    case Qt::AccessibleDescriptionRole:
        return layer.messages.isEmpty() ? tr("Codex says nothing about this file")
                                        : layer.messages.join(QStringLiteral("; "));
    default:
        return {};
    }
}

QVariant LayersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return {};
    switch (static_cast<Column>(section)) {
    case LayerColumn:
        return tr("Layer");
    case FileColumn:
        return tr("File");
    case StatusColumn:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Posture::Models
