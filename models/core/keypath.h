// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace Posture::Core {

// A path of TOML keys, e.g. {"mcp_servers", "my.server", "env"}. Array elements appear as "[0]", "[1]", ...
using KeyPath = QStringList;

// The path as TOML would write it: bare keys joined by dots, other keys quoted (mcp_servers."my.server".env).
QString keyPathToString(const KeyPath &path);

// The element name used for array index i in a KeyPath.
QString arrayElementKey(qsizetype index);

} // namespace Posture::Core
