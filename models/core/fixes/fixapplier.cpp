// SPDX-License-Identifier: Apache-2.0
#include "core/fixes/fixapplier.h"

#include "core/common/systemroot.h"
#include "core/config/configbackups.h"
#include "core/fixes/fixjournal.h"
#include "core/fixes/fixsafety.h"
#include "core/rules/catalogue.h"
#include "core/surfaces/inspectionfacts.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace Posture::Core::FixApplier {

namespace {

FileWriter &testWriter()
{
    static FileWriter writer;
    return writer;
}

// Writes bytes atomically (a temporary file renamed over the old one) and keeps the file's mode.
QString writeAtomically(const QString &path, const QByteArray &bytes, QFileDevice::Permissions permissions)
{
    if (testWriter())
        return testWriter()(path, bytes);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return file.errorString();
    if (file.write(bytes) != bytes.size()) {
        const QString error = file.errorString();
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return file.errorString();
    QFile::setPermissions(path, permissions);
    return {};
}

FixOutcome refused(const QString &message)
{
    FixOutcome outcome;
    outcome.message = message;
    return outcome;
}

QString backupSecretNote(const QString &backup)
{
    return QStringLiteral("The backup %1 still holds the secret in plain text (readable by you only). Rotate the "
                          "secret, then remove it: codex-posture --remove-backups --yes.")
        .arg(backup);
}

FixOutcome refusedInCopy(const QString &message)
{
    FixOutcome outcome = refused(message);
    outcome.inCopiedMachine = true;
    return outcome;
}

} // namespace

void setFileWriterForTesting(FileWriter writer)
{
    testWriter() = std::move(writer);
}

bool isCurrent(const FixPreview &preview)
{
    QFile file(preview.fix.file);
    const QByteArray now = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    return now == preview.before;
}

QString defaultJournalPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/codex-posture/journal.jsonl");
}

namespace {

// The facts and the risk rules' findings with the preview's file read from the bytes it would write (no programs
// run): judged before anything is written, they say whether the fix opens the posture and, once the file holds exactly
// these bytes, whether the finding went away.
struct Judged
{
    InspectionFacts facts;
    Findings findings;
};

Judged judgeNewBytes(const FixPreview &preview, const InspectOptions &options)
{
    InspectOptions check = options;
    check.runPrograms = false;
    check.replacedFiles.insert(preview.fix.file, preview.after);
    check.replacedParses.insert(preview.fix.file, preview.afterParsed);
    Judged judged{InspectionFacts::gather(check), {}};
    judged.findings = RiskRules::evaluate(judged.facts);
    return judged;
}

// Why a preview must not be written, checked before anything is: it has a problem or changes nothing, the file changed
// on disk since the preview read it, or the new bytes would make the posture more open. Otherwise *after is the
// inspection of the new bytes.
std::optional<FixOutcome> refusalBeforeWriting(
    const FixPreview &preview, const InspectOptions &options, std::optional<Judged> &after)
{
    const QString ids = preview.fixIds().join(QStringLiteral(", "));
    if (preview.problem)
        return refused(QStringLiteral("%1: not applied: %2").arg(ids, preview.problem->text));
    if (!preview.changes())
        return refused(QStringLiteral("%1: nothing to change").arg(ids));
    const QString path = preview.fix.file;
    if (const QString refusal = SystemRoot(options.systemRoot).writeRefusal(path, SystemRoot::patchInstead());
        !refusal.isEmpty())
        return refusedInCopy(QStringLiteral("%1: not applied: %2").arg(ids, refusal));
    if (!isCurrent(preview))
        return refused(QStringLiteral("%1 changed on disk since it was read; nothing was written. Inspect again and "
                                      "review the fix on the new content.")
                .arg(path));
    // Never more open (plan() refuses such fixes already; a preview may come from elsewhere). The file as it is now is
    // judged by the inspection's parse of it where that parse is of exactly these bytes (ConfigDocument checks).
    after = judgeNewBytes(preview, options);
    InspectOptions unchanged = options;
    if (preview.fileExisted && preview.fix.parsed) {
        unchanged.replacedFiles.insert(path, preview.before); // the file holds exactly these bytes (isCurrent)
        unchanged.replacedParses.insert(path, preview.fix.parsed);
    }
    const QStringList widened = FixSafety::widenings(InspectionFacts::configurationOnly(unchanged), after->facts);
    if (!widened.isEmpty())
        return refused(QStringLiteral("%1: not applied: it would make the posture more open (%2); nothing was written.")
                .arg(ids, widened.join(QStringLiteral("; "))));
    return std::nullopt;
}

// The file a preview writes: the symlink's target when the config is a symlink, with the mode it keeps.
struct WriteTarget
{
    QString path; // as the fix names it
    QString writtenTo;
    bool existed = false;
    QFileDevice::Permissions permissions;
    QString through; // " (through the symlink …)", or empty
};

WriteTarget targetOf(const FixPreview &preview)
{
    const QFileInfo info(preview.fix.file);
    WriteTarget target;
    target.path = preview.fix.file;
    target.existed = info.exists();
    target.writtenTo = target.existed ? info.canonicalFilePath() : info.absoluteFilePath();
    target.permissions =
        target.existed ? QFile::permissions(target.writtenTo) : (QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (info.isSymLink())
        target.through = QStringLiteral(" (through the symlink %1)").arg(target.path);
    return target;
}

// Step 1: the previous bytes next to the file, readable by the owner only whatever the file's mode (they may hold a
// secret the fix moves out of the file). Returns the error, or empty.
QString writeBackup(const WriteTarget &target, const FixPreview &preview, FixOutcome &outcome)
{
    outcome.backup = target.writtenTo + QStringLiteral(".codex-posture-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + QStringLiteral(".bak");
    QFile backup(outcome.backup);
    if (!backup.open(QIODevice::NewOnly) || backup.write(preview.before) != preview.before.size() || !backup.flush()) {
        const QString error = backup.errorString();
        backup.close();
        QFile::remove(outcome.backup);
        return error;
    }
    backup.close();
    QFile::setPermissions(outcome.backup,
        target.permissions
            & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));
    // The parses the preview made of both (ConfigDocument checks they are of exactly these bytes).
    outcome.backupHoldsSecret =
        ConfigBackups::keepsRemovedSecret(preview.before, preview.after, preview.fix.parsed, preview.afterParsed);
    return {};
}

// Step 3: why the written file did not do what the fix promised (a finding stayed, or Codex would refuse the file);
// empty when it did. The file holds exactly the bytes judged before writing, so that judgement stands; a file the fix
// created is judged again now that it exists (a project's config is only read where there is one).
QString whyItDidNotWork(const FixPreview &preview, const InspectOptions &options, bool existed,
    std::optional<Judged> judged, const QStringList &findingIds)
{
    const Judged after = existed ? *std::move(judged) : judgeNewBytes(preview, options);
    QStringList stayed;
    for (const Finding &finding : after.findings) {
        if (findingIds.contains(finding.id))
            stayed.append(finding.id);
    }
    if (!stayed.isEmpty())
        return QStringLiteral("the finding did not go away (another layer decides it): %1")
            .arg(stayed.join(QStringLiteral(", ")));
    if (!after.facts.codexStarts())
        return QStringLiteral("Codex would refuse the new file");
    return {};
}

// Step 4, when step 3 failed: the previous bytes go back (a file the fix created goes away again).
FixOutcome restore(const WriteTarget &target, const FixPreview &preview, FixOutcome outcome, const QString &why,
    const QString &journalPath)
{
    const QString ids = preview.fixIds().join(QStringLiteral(", "));
    QString error;
    if (!target.existed) {
        QFile created(target.writtenTo);
        if (!created.remove())
            error = created.errorString();
    } else {
        error = writeAtomically(target.writtenTo, preview.before, target.permissions);
    }
    if (!error.isEmpty()) {
        // The journal keeps the fix as the last change, so --undo can still put the backup back.
        outcome.restoreFailed = true;
        outcome.message =
            QStringLiteral("%1: written to %2%3, but %4, and putting the previous bytes back failed: %5. The file now "
                           "holds the fix's bytes; %6")
                .arg(ids, target.writtenTo, target.through, why, error,
                    outcome.backup.isEmpty()
                        ? QStringLiteral("it did not exist before (remove it to go back).")
                        : QStringLiteral("the previous bytes are in the backup %1 (codex-posture --undo puts them "
                                         "back).")
                              .arg(outcome.backup));
        return outcome;
    }
    JournalEntry restored;
    restored.kind = JournalEntry::Kind::Restored;
    restored.time = QDateTime::currentDateTimeUtc();
    restored.file = target.path;
    restored.fix = ids;
    restored.afterSha256 = FixJournal::sha256(preview.before);
    FixJournal::append(journalPath, restored);
    outcome.restored = true;
    outcome.message = QStringLiteral("%1: written to %2%3, then put back: %4. The file holds its previous bytes.")
                          .arg(ids, target.writtenTo, target.through, why);
    return outcome;
}

} // namespace

FixOutcome apply(const FixPreview &preview, const InspectOptions &options, const QString &journalPath)
{
    std::optional<Judged> judged;
    if (std::optional<FixOutcome> refusal = refusalBeforeWriting(preview, options, judged))
        return *refusal;
    // refusalBeforeWriting made sure the file still holds preview.before.
    const WriteTarget target = targetOf(preview);
    const QList<Fix> carried = preview.fixes.isEmpty() ? QList<Fix>{preview.fix} : preview.fixes;
    QStringList findingIds;
    QStringList titles;
    for (const Fix &fix : carried) {
        findingIds.append(fix.findingId);
        titles.append(fix.title);
    }
    const QString ids = preview.fixIds().join(QStringLiteral(", "));
    FixOutcome outcome;
    outcome.writtenTo = target.writtenTo;

    // 1. backup, 2. write, 3. verify, 4. restore when the check fails.
    if (target.existed) {
        if (const QString error = writeBackup(target, preview, outcome); !error.isEmpty())
            return refused(
                QStringLiteral("could not write the backup %1: %2; nothing was changed").arg(outcome.backup, error));
    }
    if (const QString error = writeAtomically(target.writtenTo, preview.after, target.permissions); !error.isEmpty()) {
        if (!outcome.backup.isEmpty())
            QFile::remove(outcome.backup);
        return refused(QStringLiteral("could not write %1: %2; the file is unchanged").arg(target.writtenTo, error));
    }
    JournalEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.file = target.path;
    entry.writtenTo = target.writtenTo;
    entry.fix = ids;
    entry.fixes = preview.fixIds();
    entry.finding = findingIds.join(QStringLiteral(", "));
    entry.beforeSha256 = FixJournal::sha256(preview.before);
    entry.afterSha256 = FixJournal::sha256(preview.after);
    entry.backup = outcome.backup;
    entry.created = !target.existed;
    const bool journaled = FixJournal::append(journalPath, entry);
    if (const QString why = whyItDidNotWork(preview, options, target.existed, std::move(judged), findingIds);
        !why.isEmpty())
        return restore(target, preview, outcome, why, journalPath);
    outcome.applied = true;
    outcome.message = QStringLiteral("%1: %2 in %3%4; backup %5%6%7")
                          .arg(ids, titles.join(QStringLiteral("; ")), target.writtenTo, target.through,
                              outcome.backup.isEmpty() ? QStringLiteral("(new file)") : outcome.backup,
                              journaled ? QString() : QStringLiteral(" (the journal could not be written)"),
                              outcome.backupHoldsSecret ? u' ' + backupSecretNote(outcome.backup) : QString());
    return outcome;
}

FixOutcome undoLast(const QString &journalPath, const QString &systemRoot)
{
    const std::optional<QList<JournalEntry>> standing = FixJournal::standing(journalPath);
    if (!standing)
        return refused(QStringLiteral("no fix to undo: %1 does not exist").arg(journalPath));
    if (standing->isEmpty())
        return refused(QStringLiteral("no fix to undo in %1").arg(journalPath));
    const JournalEntry &last = standing->constLast();
    const QString target = last.writtenTo;
    if (const QString refusal = SystemRoot(systemRoot).writeRefusal(target, SystemRoot::patchInstead());
        !refusal.isEmpty())
        return refusedInCopy(QStringLiteral("not undone: %1").arg(refusal));
    QFile file(target);
    const QByteArray now = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    file.close();
    if (FixJournal::sha256(now) != last.afterSha256)
        return refused(QStringLiteral("%1 changed since the fix was written; not undone (the backup %2 has the "
                                      "previous bytes)")
                .arg(target, last.backup));
    // A fix that created the file has no backup: its undo removes the file, which did not exist before.
    QFile backup(last.backup);
    const QByteArray previous = !last.created && backup.open(QIODevice::ReadOnly) ? backup.readAll() : QByteArray();
    if (last.created) {
        if (!file.remove())
            return refused(QStringLiteral("could not remove %1: %2").arg(target, file.errorString()));
    } else if (FixJournal::sha256(previous) != last.beforeSha256) {
        return refused(QStringLiteral("the backup %1 is missing or changed; not undone").arg(backup.fileName()));
    } else if (const QString error = writeAtomically(target, previous, QFile::permissions(target)); !error.isEmpty()) {
        return refused(QStringLiteral("could not write %1: %2").arg(target, error));
    }
    JournalEntry undone;
    undone.kind = JournalEntry::Kind::Undone;
    undone.time = QDateTime::currentDateTimeUtc();
    undone.file = last.file;
    undone.fix = last.fix;
    undone.afterSha256 = FixJournal::sha256(previous);
    FixJournal::append(journalPath, undone);
    FixOutcome outcome;
    outcome.applied = true;
    outcome.writtenTo = target;
    outcome.backup = backup.fileName();
    outcome.message = last.created
        ? QStringLiteral("undid %1: removed %2, which the fix had created").arg(last.fix, target)
        : QStringLiteral("undid %1: %2 holds its previous bytes again").arg(last.fix, target);
    return outcome;
}

} // namespace Posture::Core::FixApplier
