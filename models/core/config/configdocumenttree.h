// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/configdocument.h"
#include "core/config/tomlpp.h"

namespace Posture::Core {

// toml++'s own tree of a file, parsed as ConfigDocument parses it (the same depth limit and TOML 1.1 checks) but
// without its Qt values and positions: the span editor edits by the nodes' source positions and proves an edit by
// comparing trees. Kept out of configdocument.h so that toml++ stays out of the core's public headers.
struct TomlTree
{
    toml::table table;
    QByteArray bytes; // what was parsed

    // Parses bytes into table: the problem (with line and column) when Codex would refuse them, or nullopt.
    std::optional<Diagnostic> parse(const QByteArray &bytes);
    // A node's value as ConfigDocument holds it (tables are QVariantMap, and so on).
    static QVariant valueOf(const toml::node &node);
};

} // namespace Posture::Core
