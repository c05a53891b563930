// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QTableView>

namespace Posture::Views {

// A list of judged rows (findings, the sandbox's checks, the files Codex reads): whole rows selected, read-only, the
// risk level's icon where the model offers a decoration (RiskDelegate), columns as wide as their contents and the
// last one taking the rest.
class RiskTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RiskTableView)

public:
    explicit RiskTableView(const QString &accessibleName, QWidget *parent = nullptr);
    ~RiskTableView() override;
};

} // namespace Posture::Views
