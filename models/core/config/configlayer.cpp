// SPDX-License-Identifier: Apache-2.0
#include "core/config/configlayer.h"

#include <QFileInfo>

namespace Posture::Core {

QString ConfigLayer::kindName() const
{
    switch (kind) {
    case Kind::System:
        return QStringLiteral("system");
    case Kind::User:
        return QStringLiteral("user");
    case Kind::Profile:
        return QStringLiteral("profile");
    case Kind::Project:
        return QStringLiteral("project");
    case Kind::Managed:
        return QStringLiteral("managed");
    case Kind::Requirements:
        return QStringLiteral("requirements");
    }
    Q_UNREACHABLE_RETURN(QString());
}

QString ConfigLayer::label() const
{
    switch (kind) {
    case Kind::Profile:
        return QStringLiteral("profile ")
            + QFileInfo(document.path()).fileName().chopped(int(sizeof(".config.toml")) - 1);
    case Kind::Project:
        // <dir>/.codex/config.toml → "project <dir>"
        return QStringLiteral("project ") + QFileInfo(QFileInfo(document.path()).absolutePath()).absolutePath();
    case Kind::System:
    case Kind::User:
    case Kind::Managed:
    case Kind::Requirements:
        break;
    }
    return kindName();
}

} // namespace Posture::Core
