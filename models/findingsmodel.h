// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"
#include "core/report/whocanact.h"
#include "riskroles.h"

#include <QAbstractTableModel>

namespace Posture::Models {

// The findings, one row each, in the engine's order (most severe first, then by id): severity, title, the surfaces
// it concerns, where. Accepted findings stay, marked.
class FindingsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsModel)

public:
    enum Column : int { SeverityColumn, TitleColumn, SurfacesColumn, LocationColumn, ColumnCount };
    enum Role : int {
        IdRole = FirstModelRole,
        RuleIdRole,
        SurfacesRole, // Core::Surfaces as int
        FileRole,
        LineRole,
        ColumnRole,
        KeyPathRole,
        AcceptedRole, // bool: accepted and not expired (it does not count)
        FixIdRole,
        ExplanationRole, // what it means, including what an attacker could do
        RemediationRole,
        ReferenceRole, // a link
        ActorRole, // Core::WhoCanAct::Actor as int
        WhoCanActRole, // one sentence: who can change it, and where
        AcceptanceRole, // "Accepted by <owner> until <date>: <reason>", or that the acceptance expired; else empty
        TitleTextRole, // the title as the engine words it, `code` marks included (the list shows it without them)
    };

    explicit FindingsModel(QObject *parent = nullptr);
    ~FindingsModel() override;

    // The inspection's findings, and who can act on each (its fixes and layers decide).
    void setInspection(const Core::Inspection &inspection);
    const Core::Findings &findings() const { return m_findings; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const Core::Finding &finding, Column column) const;

    Core::Findings m_findings;
    QList<Core::WhoCanAct> m_actors; // by row
};

} // namespace Posture::Models
