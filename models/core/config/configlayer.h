// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/configdocument.h"

namespace Posture::Core {

// One file in Codex's stack of configuration layers, lowest precedence first (docs/reference/codex-config.md §1.2).
struct ConfigLayer
{
    enum class Kind {
        System, // /etc/codex/config.toml
        User, // $CODEX_HOME/config.toml
        Profile, // $CODEX_HOME/<name>.config.toml, with --profile <name>
        Project, // <dir>/.codex/config.toml between the project root and the working directory
        Managed, // legacy /etc/codex/managed_config.toml: the highest layer
        Requirements, // /etc/codex/requirements.toml: constraints, not values; never merged
    };

    Kind kind = Kind::User;
    ConfigDocument document;
    // A disabled layer is read (and shown) but Codex does not apply it: an untrusted project.
    bool enabled = true;
    QString disabledReason;

    // "user", "profile ci", "project /src/app", ...
    QString label() const;
    // The JSON name of the kind: "system", "user", "profile", "project", "managed", "requirements".
    QString kindName() const;
    bool exists() const { return document.status() != ConfigDocument::Status::Missing; }
};

using ConfigLayers = QList<ConfigLayer>;

} // namespace Posture::Core
