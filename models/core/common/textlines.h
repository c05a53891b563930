// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>

namespace Posture::Core {

// The lines of a text, each with its own line ending ("\n" or "\r\n"; the last one may have none), so that joining
// them gives the text back byte for byte.
inline QList<QByteArray> linesWithEndings(const QByteArray &bytes)
{
    QList<QByteArray> lines;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? bytes.size() : newline + 1;
        lines.append(bytes.sliced(start, end - start));
        start = end;
    }
    return lines;
}

} // namespace Posture::Core
