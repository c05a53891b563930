// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Posture::Core {

// One line of the fixes' journal (JSON Lines, FixApplier::defaultJournalPath()): a fix applied to a file, or one taken
// back by undo, or put back at once because the check after writing failed. `--undo` and the window's Undo read the
// same file; its keys are written and read only here.
struct JournalEntry
{
    enum class Kind {
        Applied, // keys: time, file, written_to, fix, fixes, finding, before_sha256, after_sha256, backup, created
        Undone, // keys: time, file, undone (the fix ids), after_sha256
        Restored, // keys: time, file, restored (the fix ids), after_sha256
    };

    Kind kind = Kind::Applied;
    QDateTime time;
    QString file; // as the fix named it (a symlink's own path)
    QString fix; // the fix ids, ", "-joined: what an Undone or Restored entry takes back
    // Applied only:
    QString writtenTo; // the file written (a symlink's target)
    QStringList fixes;
    QString finding; // the finding ids, ", "-joined
    QString beforeSha256;
    QString afterSha256; // every kind: the file's bytes after this entry
    QString backup; // empty when the fix created the file
    bool created = false; // the fix created the file (undo removes it)

    QJsonObject toJson() const;
    // Null for a line that is none of the kinds (a damaged or foreign line is skipped).
    static std::optional<JournalEntry> fromJson(const QJsonObject &object);
};

namespace FixJournal {

// Appends one entry; false when the journal cannot be written.
bool append(const QString &journalPath, const JournalEntry &entry);

// The applied fixes still in effect, oldest first: an Undone or Restored entry takes back the newest Applied entry of
// its file and fix ids, so that undo walks back through several fixes (and a fix applied again after an undo counts
// again). Null when the journal cannot be read.
std::optional<QList<JournalEntry>> standing(const QString &journalPath);

QString sha256(const QByteArray &bytes);

} // namespace FixJournal

} // namespace Posture::Core
