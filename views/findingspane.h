// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QWidget>

class QLineEdit;
class QTableView;

namespace Posture::Models {
class FindingsFilterModel;
class FindingsModel;
} // namespace Posture::Models

namespace Posture::Views {

// The findings, worst first, with a filter field (text: title, id, key, file, explanation). Activating a finding
// (Enter, double click) asks to show its evidence.
class FindingsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsPane)

public:
    explicit FindingsPane(QWidget *parent = nullptr);
    ~FindingsPane() override;

    void setInspection(const Core::Inspection &inspection);
    // Only the findings about this surface; none: all of them.
    void setSurface(std::optional<Core::Surface> surface);
    // Makes the finding with this id the current one, if it is listed; else the first finding.
    void select(const QString &findingId);
    QLineEdit *filterField() const { return m_filter; }
    QTableView *list() const { return m_list; }

Q_SIGNALS:
    // The evidence of an activated finding: its file (empty for a fact about the machine) and line.
    void evidenceRequested(const QString &file, int line);

private:
    Models::FindingsModel *m_model;
    Models::FindingsFilterModel *m_proxy;
    QLineEdit *m_filter;
    QTableView *m_list;
};

} // namespace Posture::Views
