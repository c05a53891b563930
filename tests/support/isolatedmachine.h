// SPDX-License-Identifier: Apache-2.0
// Header-only, so that tests of any layer can use it without linking the test support library.
#pragma once

#include "core/inspection.h"

#include <QDir>
#include <QTemporaryDir>

namespace Posture::Tests {

// Options that read nothing of this machine's own: an empty home (no editor settings or extensions) and an empty
// system root (no /etc/codex, nothing probed) unless the test names its own.
inline Core::InspectOptions isolated(Core::InspectOptions options)
{
    static QTemporaryDir machine;
    QDir().mkpath(machine.filePath(QStringLiteral("home")));
    QDir().mkpath(machine.filePath(QStringLiteral("system")));
    if (options.home.isEmpty())
        options.home = machine.filePath(QStringLiteral("home"));
    if (options.systemRoot.isEmpty())
        options.systemRoot = machine.filePath(QStringLiteral("system"));
    return options;
}

} // namespace Posture::Tests
