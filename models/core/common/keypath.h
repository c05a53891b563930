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

// A 64-bit hash of a path, built key by key: a tree walk hashes each key once (childPathHash), where hashing a whole
// KeyPath at every node would hash its prefix again and again. For indexes of tens of thousands of values.
size_t childPathHash(size_t parent, const QString &key);
size_t keyPathHash(const KeyPath &path);

// The number of single-character edits between two short strings: how far a key is from the one meant (for "did you
// mean" and for misspelt security keys).
int editDistance(const QString &a, const QString &b);

} // namespace Posture::Core
