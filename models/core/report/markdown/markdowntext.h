// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace Posture::Core {

// GitHub-flavoured Markdown that cannot break: every text is escaped, every path and value is a code span, every
// table row has its cells' pipes escaped and stays on one line.

// Plain text: Markdown's punctuation, `<` (GitHub would take `<masked>` for an HTML tag) and `|` escaped; newlines
// become spaces.
QString markdownText(const QString &text);
// A code span, for paths and values: delimited by more backticks than it holds, `|` escaped (GFM tables split on it
// even inside code); empty text gives an empty string.
QString markdownCode(const QString &text);
// "| a | b |": cells already escaped.
QString markdownRow(const QStringList &cells);
// The header row and its delimiter row.
QString markdownHeader(const QStringList &cells);

} // namespace Posture::Core
