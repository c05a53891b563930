// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/diagnostic.h"
#include "core/fixes/fixes.h"

#include <QByteArray>

#include <functional>

namespace Posture::Core {

struct InspectOptions;
struct InspectionFacts;

// One or more fixes of one file worked out on the file's current bytes, before anything is written.
struct FixPreview
{
    Fix fix; // the first fix it carries (the only one for preview())
    QList<Fix> fixes; // every fix it carries, in the order their operations were applied
    QByteArray before; // the bytes read
    QByteArray after; // the bytes to write
    bool fileExisted = true; // false when the fix creates the file (before is empty then)
    QString diff; // unified diff of the two, secrets masked
    // The proof's parse of after: applying reads the new bytes by it instead of parsing them again.
    std::shared_ptr<const TomlTree> afterParsed;
    std::optional<Diagnostic> problem; // why it cannot be applied; nothing is written then

    bool changes() const { return !problem && before != after; }
    QStringList fixIds() const;
};

// What writing a fix did.
struct FixOutcome
{
    bool applied = false; // the new bytes are in the file and the finding is gone
    bool inCopiedMachine = false; // refused: the file lies in a copied machine (SystemRoot::writeRefusal)
    bool restored = false; // written, then put back because the check afterwards failed
    QString message; // what happened, in words, for the user
    QString backup; // the backup of the previous bytes (readable by the owner only)
    bool backupHoldsSecret = false; // the backup keeps a secret the fix took out of the file (the message says so)
    QString writtenTo; // the file written (the symlink's target when the config is a symlink)
    // Written, the check afterwards failed, and putting the previous bytes back failed too: the file holds the fix's
    // bytes, the backup the previous ones (the message says both, and --undo can still put them back).
    bool restoreFailed = false;
    // An undo refused because the file changed since the fix: what changed, as a unified diff from the bytes the fix
    // wrote to the bytes there now (secrets masked). Filled by the window's session, which knows what it wrote.
    QString changedSince;
};

namespace FixApplier {

// Reads the fix's file and applies its operations in memory, each one proven by the editor.
FixPreview preview(const Fix &fix);

// Several fixes together, one preview per file (in the order of each file's first fix): the file is read once and
// the operations of its fixes are applied in sequence to its bytes in memory, each proven by the editor as in
// preview(). A fix that is not applicable, whose operations fail on the bytes the fixes before it left, or that
// together with them would make the posture more open than `inspection` (FixSafety::widenedBy, checked for every fix
// after a file's first one, which plan() checked alone) gets a preview of its own with the problem, and the file's
// other fixes go on without it. A fix already done by an earlier one (a key it removes is gone) changes no byte and is
// still carried, so that applying checks its finding too. Applying a combined preview writes one backup per file.
QList<FixPreview> previewTogether(const QList<Fix> &fixes, const InspectionFacts &inspection);

// The preview's file still holds the bytes the preview was worked out on (apply() refuses otherwise).
bool isCurrent(const FixPreview &preview);

// Writes a preview: refuses a file in the copied machine options.systemRoot (SystemRoot::writeRefusal) and a file that
// changed since it was read; keeps a timestamped backup next to the file with
// the same permissions; writes atomically (QSaveFile) through a symlink to its target, keeping the mode; records the
// change in the journal (one entry per file, every fix id in it); then inspects again with `options` and puts the
// previous bytes back if the finding of any fix it carries did not go away or Codex would refuse the file. When that
// restore itself fails, the outcome says so (restoreFailed) and where the backup is.
FixOutcome apply(const FixPreview &preview, const InspectOptions &options, const QString &journalPath);

// Restores the bytes from before the last fix in the journal, if the file still holds what that fix wrote (a file the
// fix created is removed). Refused when the file lies in the copied machine systemRoot (SystemRoot::writeRefusal).
FixOutcome undoLast(const QString &journalPath, const QString &systemRoot = {});

// ~/.local/share/codex-posture/journal.jsonl (the platform's data directory).
QString defaultJournalPath();

// A test seam for what no file system condition makes fail on cue (the restore right after a write that worked):
// the function that writes a config file's bytes atomically, returning the error text or an empty string. apply() and
// undoLast() write through it; an empty function puts QSaveFile back. Tests only.
using FileWriter = std::function<QString(const QString &path, const QByteArray &bytes)>;
void setFileWriterForTesting(FileWriter writer);

} // namespace FixApplier

} // namespace Posture::Core
