// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/risklevel.h"
#include "core/config/diagnostic.h"

#include <QStyledItemDelegate>

namespace Posture::Views {

// The icon for a severity, so that a level is never told by colour alone (the word sits beside it).
QIcon severityIcon(Core::DiagnosticSeverity severity, const QStyle *style);
// The icon for a risk level: the theme's icon of its name, else the style's nearest one.
QIcon riskIcon(Core::RiskLevel level, const QStyle *style);

// Puts the severity icon before the severity word in a diagnostics table.
class SeverityDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SeverityDelegate)

public:
    explicit SeverityDelegate(QObject *parent = nullptr);
    ~SeverityDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

// Puts the risk level's icon (the theme's, else the style's nearest) where a model of the window offers a decoration.
class RiskDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RiskDelegate)

public:
    explicit RiskDelegate(QObject *parent = nullptr);
    ~RiskDelegate() override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Posture::Views
