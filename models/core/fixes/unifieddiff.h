// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace Posture::Core {

// A unified diff (3 lines of context) between two versions of a small text file, for the fix preview. Qt has no diff
// and the files are a few hundred lines, so a plain longest-common-subsequence over lines is enough.
QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &fileName);

} // namespace Posture::Core
