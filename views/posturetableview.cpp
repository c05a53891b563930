// SPDX-License-Identifier: Apache-2.0
#include "posturetableview.h"

#include "posturemodel.h"
#include "riskpalette.h"
#include "severitydelegate.h"

#include <QApplication>
#include <QHeaderView>

namespace Posture::Views {

PostureTableView::PostureTableView(QWidget *parent)
    : QTableView(parent)
{
    setItemDelegate(new PostureDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setWordWrap(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setAccessibleName(tr("Posture: CLI, IDE extension and cloud side by side"));
}

PostureTableView::~PostureTableView() = default;

QString PostureTableView::cellText(const QModelIndex &index)
{
    QString value = index.data().toString();
    if (index.data(Models::PostureModel::DiffersRole).toBool())
        value += QStringLiteral("  ≠");
    const QString provenance = index.data(Models::PostureModel::ProvenanceRole).toString();
    return provenance.isEmpty() ? value : value + u'\n' + provenance;
}

PostureDelegate::PostureDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

PostureDelegate::~PostureDelegate() = default;

void PostureDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->text = PostureTableView::cellText(index).replace(u'\n', QChar::LineSeparator); // as displayText()
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    const auto level = Core::RiskLevel(index.data(Models::RiskRole).toInt());
    option->icon = riskIcon(level, style);
    option->features |= QStyleOptionViewItem::HasDecoration;
    tintForRisk(option, level);
    option->decorationAlignment = Qt::AlignLeft | Qt::AlignTop;
    option->displayAlignment = Qt::AlignLeft | Qt::AlignTop;
}

} // namespace Posture::Views
