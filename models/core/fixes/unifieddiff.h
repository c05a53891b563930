// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace Posture::Core {

// A unified diff (3 lines of context) between two versions of a text file, for the fix preview: "--- FILE",
// "+++ FILE (fixed)", hunks, each line shown without its line ending. The lines are compared in linear space
// (linediff.h): a 1 MB config costs a few arrays of its line count, not a matrix of it.
QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &fileName);

// The same, with each shown line passed through `shown` first (the fix preview masks secrets this way, so that only the
// few lines in the hunks are masked, not the whole file twice): it gets the side (false: before, true: after), the
// line's index there and the line without its '\n', and returns the text to show.
using ShownLine = std::function<QByteArray(bool after, int index, const QByteArray &line)>;
QString unifiedDiff(const QByteArray &before, const QByteArray &after, const QString &fileName, const ShownLine &shown);

// The same comparison as a patch that `git apply` and `patch -p1` apply byte for byte: the lines keep their own
// endings (CRLF stays CRLF), a last line without one is followed by "\ No newline at end of file", and a hunk that
// adds to or removes from nothing counts from line 0. `oldName` and `newName` are written as given ("a/.codex/...",
// or "/dev/null" for a file that does not exist yet); names with spaces or special bytes must come quoted.
QByteArray unifiedPatch(
    const QByteArray &before, const QByteArray &after, const QByteArray &oldName, const QByteArray &newName);

} // namespace Posture::Core
