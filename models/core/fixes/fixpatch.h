// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fixes/fixapplier.h"

namespace Posture::Core::FixPatch {

// Fixes as one patch for a copy of the inspected machine.
struct Patch
{
    QByteArray text; // the patch; empty when no preview changes a file in the base directory
    QStringList files; // the files in it, relative to the base directory
    QStringList leftOut; // previews that change a file and are not in it: "FILE (fix ids): why"
};

// One unified diff of the previews that change a file, with paths relative to `baseDirectory` (the home that was
// inspected): `--- a/.codex/config.toml` / `+++ b/.codex/config.toml`, or `--- /dev/null` for a file the fix creates.
// Run in a copy of that directory, `git apply` and `patch -p1` both give exactly the bytes FixApplier::apply writes:
// the hunks carry the real bytes (secrets too, unlike FixPreview::diff: a patch that masked them would not apply),
// CRLF line endings and a BOM as they are, and "\ No newline at end of file" where the last line has none. A file is
// named by its real path (a symlinked config by its target). A file outside the base directory is left out (a copy
// of the base has no such file to patch) and named in `leftOut` with the reason; a preview with a problem has nothing
// to patch and is skipped (its problem says why). A comment above the first file names each file's fix ids.
Patch make(const QList<FixPreview> &previews, const QString &baseDirectory);

// Writes a patch atomically (QSaveFile), readable by its owner only: it holds the real bytes of the lines it changes,
// secrets included. Returns the error, or empty.
QString save(const Patch &patch, const QString &path);

} // namespace Posture::Core::FixPatch
