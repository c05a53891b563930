// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/diagnostic.h"
#include "core/fixes/fixes.h"

#include <QByteArray>

namespace Posture::Core {

struct InspectOptions;

// A fix worked out on the file's current bytes, before anything is written.
struct FixPreview
{
    Fix fix;
    QByteArray before; // the bytes read
    QByteArray after; // the bytes to write
    QString diff; // unified diff of the two, secrets masked
    std::optional<Diagnostic> problem; // why it cannot be applied; nothing is written then

    bool changes() const { return !problem && before != after; }
};

// What writing a fix did.
struct FixOutcome
{
    bool applied = false; // the new bytes are in the file and the finding is gone
    bool restored = false; // written, then put back because the check afterwards failed
    QString message; // what happened, in words, for the user
    QString backup; // the backup of the previous bytes
    QString writtenTo; // the file written (the symlink's target when the config is a symlink)
};

namespace FixApplier {

// Reads the fix's file and applies its operations in memory, each one proven by the editor.
FixPreview preview(const Fix &fix);

// Writes a preview: refuses if the file changed since it was read; keeps a timestamped backup next to the file with
// the same permissions; writes atomically (QSaveFile) through a symlink to its target, keeping the mode; records the
// change in the journal; then inspects again with `options` and puts the previous bytes back if the finding did not
// go away or Codex would refuse the file.
FixOutcome apply(const FixPreview &preview, const InspectOptions &options, const QString &journalPath);

// Restores the bytes from before the last fix in the journal, if the file still holds what that fix wrote.
FixOutcome undoLast(const QString &journalPath);

// ~/.local/share/codex-posture/journal.jsonl (the platform's data directory).
QString defaultJournalPath();

} // namespace FixApplier

} // namespace Posture::Core
