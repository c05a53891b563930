// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/finding.h"

#include <QSortFilterProxyModel>

#include <optional>

namespace Posture::Models {

// The findings as the list shows them: narrowed by text (title, id, where, explanation; case-insensitive), by
// severity and by surface, and sorted worst first (by rank, then in the engine's order).
class FindingsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsFilterModel)

public:
    explicit FindingsFilterModel(QObject *parent = nullptr);
    ~FindingsFilterModel() override;

    void setText(const QString &text);
    // Only findings of this severity; none: every severity.
    void setSeverity(std::optional<Core::Severity> severity);
    // Only findings that concern this surface; none: every surface.
    void setSurface(std::optional<Core::Surface> surface);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_text;
    std::optional<Core::Severity> m_severity;
    std::optional<Core::Surface> m_surface;
};

} // namespace Posture::Models
