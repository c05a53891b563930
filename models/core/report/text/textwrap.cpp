// SPDX-License-Identifier: Apache-2.0
#include "core/report/text/textwrap.h"

#include <QStringList>

namespace Posture::Core {

QString wrapped(const QString &text, int indent)
{
    constexpr int Width = 79;
    QString result;
    QString line;
    for (const QString &word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && indent + line.size() + 1 + word.size() > Width) {
            result += QString(indent, u' ') + line + u'\n';
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        result += QString(indent, u' ') + line + u'\n';
    return result;
}

} // namespace Posture::Core
