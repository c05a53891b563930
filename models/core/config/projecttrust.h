// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/effectiveconfig.h"

namespace Posture::Core {

// Whether Codex trusts a directory (docs/reference/codex-config.md §1.3, checked against the real CLI): the
// [projects."<path>"] entry for the directory itself, else for its project root, else for its git root.
struct ProjectTrust
{
    enum class Level { Unknown, Trusted, Untrusted };

    // One trust decision and the entry that made it.
    struct Decision
    {
        Level level = Level::Unknown;
        QString entry; // the [projects."..."] key that decided, as written; empty when none did
        std::optional<Provenance> provenance;
    };

    QString cwd;
    QString projectRoot; // the nearest directory up from cwd with a project_root_markers entry, else cwd
    QString gitRoot; // the nearest directory up from cwd that is a git checkout, else empty
    Decision decision; // for cwd
    Level level = Level::Unknown; // decision.level, for short

    static QString levelName(Level level);
    // The directories whose .codex/config.toml Codex reads: the project root down to cwd.
    QStringList projectDirectories() const;
    // The decision for one directory at or below the project root.
    Decision decisionFor(const QString &directory) const;

    static ProjectTrust resolve(const QString &cwd, const EffectiveConfig &config);

private:
    QHash<QString, Decision> m_entries; // canonical path → decision
};

} // namespace Posture::Core
