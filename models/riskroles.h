// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/risklevel.h"

#include <QIcon>
#include <QVariant>

namespace Posture::Models {

// The roles every model of the window answers beside Qt's (display, decoration, tooltip, accessible text and
// description). A model's own roles start at FirstModelRole.
enum SharedRole : int {
    RiskRole = Qt::UserRole, // Core::RiskLevel as int
    RiskRankRole, // riskRank(): sort worst first by rank, never by colour
    IconNameRole, // riskIconName(): the freedesktop name of the decoration
    MutedRole, // bool: shown but no longer counted (an accepted risk): greyed, untinted
    FirstModelRole = Qt::UserRole + 16,
};

// The decoration for a risk level: the theme's icon of its name (the word is always beside it).
inline QIcon riskIcon(Core::RiskLevel level)
{
    return QIcon::fromTheme(Core::riskIconName(level));
}

// The worse of two levels, by rank.
inline Core::RiskLevel worseRisk(Core::RiskLevel a, Core::RiskLevel b)
{
    return Core::riskRank(b) > Core::riskRank(a) ? b : a;
}

// The answer to the roles above and DecorationRole for a level; an invalid QVariant for any other role.
inline QVariant riskData(Core::RiskLevel level, int role)
{
    switch (role) {
    case RiskRole:
        return int(level);
    case RiskRankRole:
        return Core::riskRank(level);
    case IconNameRole:
        return Core::riskIconName(level);
    case Qt::DecorationRole:
        return riskIcon(level);
    default:
        return {};
    }
}

} // namespace Posture::Models
