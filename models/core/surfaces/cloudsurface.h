// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/diagnostic.h"

#include <QStringList>

namespace Posture::Core {

// One Codex cloud environment as its owner declared it (the settings live in the web UI, not on this machine).
struct CloudEnvironment
{
    QString name;
    QString agentInternet; // off | on
    QString allowlist; // none | common | all (meaningful with "on")
    QStringList extraDomains;
    QString httpMethods; // all | safe (GET, HEAD, OPTIONS)
    SourceLocation location;

    // restricted (off, or an allowlist) | enabled (all domains)
    QString network() const;
};

// The cloud column: Codex's documented defaults, plus environments declared in a --cloud file. Always "declared"
// or "documented", never observed.
struct CloudSurface
{
    QString source; // "documented-defaults" | "declared"
    QString file;
    QList<CloudEnvironment> environments;
    Diagnostics messages; // problems in the declaration file

    // "enabled" when any environment reaches every domain, else "restricted".
    QString network() const;

    static CloudSurface documentedDefaults();
    static CloudSurface load(const QString &file);
};

} // namespace Posture::Core
