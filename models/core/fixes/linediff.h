// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>

namespace Posture::Core::LineDiff {

// Which lines differ between two versions of a text, as the two sides of an edit script: removed[i] for the i-th line
// of `before`, added[j] for the j-th line of `after`; the lines left unmarked are common to both, in the same order.
struct Changes
{
    QList<bool> removed;
    QList<bool> added;
};

// A shortest edit script in linear space: the common prefix and suffix are trimmed, then Myers' bidirectional search
// for the middle snake divides what is left (E. W. Myers, "An O(ND) difference algorithm and its variations", 1986).
// A range that needs more than `maxEdits` changes is marked removed and added as a whole instead: still a correct
// diff, no longer a shortest one, and the time stays bounded for two unrelated files.
Changes compare(const QList<QByteArray> &before, const QList<QByteArray> &after, int maxEdits = 4096);

} // namespace Posture::Core::LineDiff
