// SPDX-License-Identifier: Apache-2.0
#include "sandboxtableview.h"

#include "sandboxmodel.h"
#include "severitydelegate.h"

#include <QHeaderView>

namespace Posture::Views {

SandboxTableView::SandboxTableView(QWidget *parent)
    : QTableView(parent)
    , m_model(new Models::SandboxModel(this))
{
    setModel(m_model);
    setItemDelegate(new RiskDelegate(this));
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    setAccessibleName(tr("Sandbox: verdicts and the checks behind them"));
}

SandboxTableView::~SandboxTableView() = default;

void SandboxTableView::setInspection(const Core::Inspection &inspection)
{
    m_model->setInspection(inspection);
}

} // namespace Posture::Views
