// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QTableView>

namespace Posture::Models {
class SandboxModel;
} // namespace Posture::Models

namespace Posture::Views {

// What the sandbox really enforces (a SandboxModel): the CLI's and the IDE extension's verdicts, then each machine
// fact and probe with its state word, the risk level's icon and its evidence; the tooltip names the first remedy.
class SandboxTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxTableView)

public:
    explicit SandboxTableView(QWidget *parent = nullptr);
    ~SandboxTableView() override;

    void setInspection(const Core::Inspection &inspection);

private:
    Models::SandboxModel *m_model;
};

} // namespace Posture::Views
