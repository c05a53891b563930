// SPDX-License-Identifier: Apache-2.0
#include "risktableview.h"

#include "severitydelegate.h"

#include <QHeaderView>

namespace Posture::Views {

RiskTableView::RiskTableView(const QString &accessibleName, QWidget *parent)
    : QTableView(parent)
{
    setItemDelegate(new RiskDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    setAccessibleName(accessibleName);
}

RiskTableView::~RiskTableView() = default;

} // namespace Posture::Views
