// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/configdocument.h"
#include "core/config/tomlpp.h"

namespace Posture::Core {

// toml++'s own tree of a ConfigDocument's parse (ConfigDocument::fromBytes with a tree): the nodes with their source
// positions, which the span editor edits by. Kept out of configdocument.h so that toml++ stays out of the core's
// public headers.
struct TomlTree
{
    toml::table table;
};

} // namespace Posture::Core
