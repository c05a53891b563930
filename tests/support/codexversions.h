// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace Posture::Tests {

// The pinned Codex CLIs of versions other than the oracle's that scripts/test installed (tests/oracle/versions; CMake's
// POSTURE_CODEX_VERSIONS): version -> native binary. Empty when the build was configured without them.
inline QMap<QString, QString> pinnedCodexBinaries()
{
    QMap<QString, QString> binaries;
#ifdef POSTURE_CODEX_VERSIONS
    for (const QString &pair : QStringLiteral(POSTURE_CODEX_VERSIONS).split(u',', Qt::SkipEmptyParts))
        binaries.insert(pair.section(u'=', 0, 0), pair.section(u'=', 1));
#endif
    return binaries;
}

} // namespace Posture::Tests
