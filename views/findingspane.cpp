// SPDX-License-Identifier: Apache-2.0
#include "findingspane.h"

#include "findingsfiltermodel.h"
#include "findingsmodel.h"
#include "risktableview.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace Posture::Views {

FindingsPane::FindingsPane(QWidget *parent)
    : QWidget(parent)
    , m_model(new Models::FindingsModel(this))
    , m_proxy(new Models::FindingsFilterModel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new RiskTableView(tr("Findings, most severe first"), this))
{
    m_proxy->setSourceModel(m_model);
    m_filter->setPlaceholderText(tr("Filter findings (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter findings"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &Models::FindingsFilterModel::setText);
    // Down from the filter goes to the list, as in a search field.
    connect(m_filter, &QLineEdit::returnPressed, m_list, qOverload<>(&QWidget::setFocus));

    m_list->setModel(m_proxy);
    m_list->horizontalHeader()->setStretchLastSection(false);
    m_list->horizontalHeader()->setSectionResizeMode(Models::FindingsModel::TitleColumn, QHeaderView::Stretch);
    // A fact about the machine can be a long line: the title keeps the room and the place is elided.
    m_list->horizontalHeader()->setSectionResizeMode(Models::FindingsModel::LocationColumn, QHeaderView::Interactive);
    m_list->setColumnWidth(Models::FindingsModel::LocationColumn, 150);
    connect(m_list, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT evidenceRequested(index.data(Models::FindingsModel::FileRole).toString(),
            index.data(Models::FindingsModel::LineRole).toInt());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
}

FindingsPane::~FindingsPane() = default;

void FindingsPane::setSurface(std::optional<Core::Surface> surface)
{
    m_proxy->setSurface(surface);
}

void FindingsPane::select(const QString &findingId)
{
    const QModelIndexList found = findingId.isEmpty()
        ? QModelIndexList()
        : m_proxy->match(m_proxy->index(0, 0), Models::FindingsModel::IdRole, findingId, 1, Qt::MatchExactly);
    const QModelIndex chosen = found.isEmpty() ? m_proxy->index(0, 0) : found.constFirst();
    if (chosen.isValid())
        m_list->setCurrentIndex(chosen);
}

void FindingsPane::setInspection(const Core::Inspection &inspection)
{
    m_model->setInspection(inspection);
}

} // namespace Posture::Views
