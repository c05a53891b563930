// SPDX-License-Identifier: Apache-2.0
#include "core/common/risklevel.h"

namespace Posture::Core {

QString riskWord(RiskLevel level)
{
    switch (level) {
    case RiskLevel::Ok:
        return QStringLiteral("ok");
    case RiskLevel::Info:
        return QStringLiteral("info");
    case RiskLevel::Low:
        return QStringLiteral("low");
    case RiskLevel::Medium:
        return QStringLiteral("medium");
    case RiskLevel::High:
        return QStringLiteral("high");
    case RiskLevel::Critical:
        return QStringLiteral("critical");
    case RiskLevel::Unknown:
        return QStringLiteral("unknown");
    }
    Q_UNREACHABLE_RETURN(QString());
}

std::optional<RiskLevel> riskFromWord(const QString &word)
{
    for (const RiskLevel level : AllRiskLevels) {
        if (word.compare(riskWord(level), Qt::CaseInsensitive) == 0)
            return level;
    }
    return std::nullopt;
}

QString riskIconName(RiskLevel level)
{
    // The finding levels keep the icons the JSON report has always named (severityIconName).
    switch (level) {
    case RiskLevel::Ok:
        return QStringLiteral("emblem-ok");
    case RiskLevel::Info:
        return QStringLiteral("dialog-information");
    case RiskLevel::Low:
        return QStringLiteral("data-information");
    case RiskLevel::Medium:
        return QStringLiteral("data-warning");
    case RiskLevel::High:
        return QStringLiteral("dialog-warning");
    case RiskLevel::Critical:
        return QStringLiteral("dialog-error");
    case RiskLevel::Unknown:
        return QStringLiteral("dialog-question");
    }
    Q_UNREACHABLE_RETURN(QString());
}

int riskRank(RiskLevel level)
{
    switch (level) {
    case RiskLevel::Ok:
        return 0;
    case RiskLevel::Info:
        return 1;
    case RiskLevel::Unknown:
        return 2;
    case RiskLevel::Low:
        return 3;
    case RiskLevel::Medium:
        return 4;
    case RiskLevel::High:
        return 5;
    case RiskLevel::Critical:
        return 6;
    }
    Q_UNREACHABLE_RETURN(0);
}

} // namespace Posture::Core
