// SPDX-License-Identifier: Apache-2.0
#include "severitydelegate.h"

#include "diagnosticsmodel.h"
#include "riskpalette.h"
#include "riskroles.h"

#include <QApplication>
#include <QStyle>

namespace Posture::Views {

QIcon severityIcon(Core::DiagnosticSeverity severity, const QStyle *style)
{
    switch (severity) {
    case Core::DiagnosticSeverity::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    case Core::DiagnosticSeverity::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case Core::DiagnosticSeverity::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    }
    Q_UNREACHABLE_RETURN(QIcon());
}

QIcon riskIcon(Core::RiskLevel level, const QStyle *style)
{
    QStyle::StandardPixmap fallback = QStyle::SP_MessageBoxQuestion;
    switch (level) {
    case Core::RiskLevel::Ok:
        fallback = QStyle::SP_DialogApplyButton;
        break;
    case Core::RiskLevel::Info:
    case Core::RiskLevel::Low:
        fallback = QStyle::SP_MessageBoxInformation;
        break;
    case Core::RiskLevel::Medium:
    case Core::RiskLevel::High:
        fallback = QStyle::SP_MessageBoxWarning;
        break;
    case Core::RiskLevel::Critical:
        fallback = QStyle::SP_MessageBoxCritical;
        break;
    case Core::RiskLevel::Unknown:
        break;
    }
    return QIcon::fromTheme(Core::riskIconName(level), style->standardIcon(fallback));
}

SeverityDelegate::SeverityDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

SeverityDelegate::~SeverityDelegate() = default;

void SeverityDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    makeSelectionReadable(option);
    const QVariant severity = index.data(Models::DiagnosticsModel::SeverityRole);
    if (index.column() != Models::DiagnosticsModel::SeverityColumn || !severity.isValid())
        return;
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    option->icon = severityIcon(static_cast<Core::DiagnosticSeverity>(severity.toInt()), style);
    option->features |= QStyleOptionViewItem::HasDecoration;
}

RiskDelegate::RiskDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

RiskDelegate::~RiskDelegate() = default;

void RiskDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    makeSelectionReadable(option);
    if (index.data(Models::MutedRole).toBool()) {
        // Accepted: still listed, greyed and untinted (the word says "accepted", the detail says until when).
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
        if (index.data(Qt::DecorationRole).isValid()) {
            const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
            option->icon = riskIcon(Core::RiskLevel(index.data(Models::RiskRole).toInt()), style);
            option->features |= QStyleOptionViewItem::HasDecoration;
        }
        return;
    }
    if (!index.data(Qt::DecorationRole).isValid())
        return;
    const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
    const auto level = Core::RiskLevel(index.data(Models::RiskRole).toInt());
    option->icon = riskIcon(level, style);
    option->features |= QStyleOptionViewItem::HasDecoration;
    tintForRisk(option, level);
}

} // namespace Posture::Views
