// SPDX-License-Identifier: Apache-2.0
#include "core/fixes/fixapplier.h"

#include "core/common/systemroot.h"
#include "core/config/configbackups.h"
#include "core/fixes/fixsafety.h"
#include "core/rules/catalogue.h"
#include "core/surfaces/inspectionfacts.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace Posture::Core::FixApplier {

namespace {

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

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

bool appendJournal(const QString &journalPath, const QJsonObject &entry)
{
    QDir().mkpath(QFileInfo(journalPath).absolutePath());
    QFile journal(journalPath);
    if (!journal.open(QIODevice::Append))
        return false;
    return journal.write(QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n') > 0;
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
    QFile current(path);
    const QByteArray now = current.open(QIODevice::ReadOnly) ? current.readAll() : QByteArray();
    if (now != preview.before)
        return refused(QStringLiteral("%1 changed on disk since it was read; nothing was written. Inspect again and "
                                      "review the fix on the new content.")
                .arg(path));
    // Never more open (plan() refuses such fixes already; a preview may come from elsewhere). The file as it is now is
    // judged by the inspection's parse of it where that parse is of exactly these bytes (ConfigDocument checks).
    after = judgeNewBytes(preview, options);
    InspectOptions unchanged = options;
    if (preview.fileExisted && preview.fix.parsed) {
        unchanged.replacedFiles.insert(path, now);
        unchanged.replacedParses.insert(path, preview.fix.parsed);
    }
    const QStringList widened = FixSafety::widenings(InspectionFacts::configurationOnly(unchanged), after->facts);
    if (!widened.isEmpty())
        return refused(QStringLiteral("%1: not applied: it would make the posture more open (%2); nothing was written.")
                .arg(ids, widened.join(QStringLiteral("; "))));
    return std::nullopt;
}

} // namespace

FixOutcome apply(const FixPreview &preview, const InspectOptions &options, const QString &journalPath)
{
    std::optional<Judged> judged;
    if (std::optional<FixOutcome> refusal = refusalBeforeWriting(preview, options, judged))
        return *refusal;
    const QString path = preview.fix.file;
    const QFileInfo info(path);
    const bool existed = info.exists();
    const QByteArray &now = preview.before; // refusalBeforeWriting made sure the file still holds these bytes
    const QList<Fix> carried = preview.fixes.isEmpty() ? QList<Fix>{preview.fix} : preview.fixes;
    QStringList findingIds;
    QStringList titles;
    for (const Fix &fix : carried) {
        findingIds.append(fix.findingId);
        titles.append(fix.title);
    }
    const QString ids = preview.fixIds().join(QStringLiteral(", "));
    FixOutcome outcome;
    outcome.writtenTo = existed ? info.canonicalFilePath() : info.absoluteFilePath();
    const QFileDevice::Permissions permissions =
        existed ? QFile::permissions(outcome.writtenTo) : (QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QString through;
    if (info.isSymLink())
        through = QStringLiteral(" (through the symlink %1)").arg(path);

    if (existed) {
        outcome.backup = outcome.writtenTo + QStringLiteral(".codex-posture-")
            + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + QStringLiteral(".bak");
        QFile backup(outcome.backup);
        if (!backup.open(QIODevice::NewOnly) || backup.write(now) != now.size() || !backup.flush()) {
            const QString error = backup.errorString();
            backup.close();
            QFile::remove(outcome.backup);
            return refused(
                QStringLiteral("could not write the backup %1: %2; nothing was changed").arg(outcome.backup, error));
        }
        backup.close();
        // Readable by the owner only, whatever the file's mode: it may hold a secret the fix moves out of the file.
        QFile::setPermissions(outcome.backup,
            permissions
                & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));
        outcome.backupHoldsSecret = ConfigBackups::keepsRemovedSecret(now, preview.after);
    }
    if (const QString error = writeAtomically(outcome.writtenTo, preview.after, permissions); !error.isEmpty()) {
        if (!outcome.backup.isEmpty())
            QFile::remove(outcome.backup);
        return refused(QStringLiteral("could not write %1: %2; the file is unchanged").arg(outcome.writtenTo, error));
    }
    const bool journaled = appendJournal(journalPath,
        {{QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("file"), path}, {QStringLiteral("written_to"), outcome.writtenTo},
            {QStringLiteral("fix"), ids}, {QStringLiteral("fixes"), QJsonArray::fromStringList(preview.fixIds())},
            {QStringLiteral("finding"), findingIds.join(QStringLiteral(", "))},
            {QStringLiteral("before_sha256"), sha256(now)}, {QStringLiteral("after_sha256"), sha256(preview.after)},
            {QStringLiteral("backup"), outcome.backup}, {QStringLiteral("created"), !existed}});

    // Did it work? The engine judges the new file; if not, the old bytes go back. The file holds exactly the bytes
    // judged before writing, so that judgement stands; a file the fix created is inspected again now that it exists
    // (a project's config is only read where there is one).
    const Judged after = existed ? *std::move(judged) : judgeNewBytes(preview, options);
    QStringList stayed;
    for (const Finding &finding : after.findings) {
        if (findingIds.contains(finding.id))
            stayed.append(finding.id);
    }
    if (!stayed.isEmpty() || !after.facts.codexStarts()) {
        const QString why = !stayed.isEmpty()
            ? QStringLiteral("the finding did not go away (another layer decides it): %1")
                  .arg(stayed.join(QStringLiteral(", ")))
            : QStringLiteral("Codex would refuse the new file");
        // A file the fix created goes away again; an existing one gets its bytes back.
        QString error;
        if (!existed) {
            QFile created(outcome.writtenTo);
            if (!created.remove())
                error = created.errorString();
        } else {
            error = writeAtomically(outcome.writtenTo, now, permissions);
        }
        if (!error.isEmpty()) {
            // The journal keeps the fix as the last change, so --undo can still put the backup back.
            outcome.restoreFailed = true;
            outcome.message =
                QStringLiteral("%1: written to %2%3, but %4, and putting the previous bytes back failed: %5. The "
                               "file now holds the fix's bytes; %6")
                    .arg(ids, outcome.writtenTo, through, why, error,
                        outcome.backup.isEmpty()
                            ? QStringLiteral("it did not exist before (remove it to go back).")
                            : QStringLiteral("the previous bytes are in the backup %1 (codex-posture --undo puts them "
                                             "back).")
                                  .arg(outcome.backup));
            return outcome;
        }
        appendJournal(journalPath,
            {{QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                {QStringLiteral("file"), path}, {QStringLiteral("restored"), ids},
                {QStringLiteral("after_sha256"), sha256(now)}});
        outcome.restored = true;
        outcome.message = QStringLiteral("%1: written to %2%3, then put back: %4. The file holds its previous bytes.")
                              .arg(ids, outcome.writtenTo, through, why);
        return outcome;
    }
    outcome.applied = true;
    outcome.message = QStringLiteral("%1: %2 in %3%4; backup %5%6%7")
                          .arg(ids, titles.join(QStringLiteral("; ")), outcome.writtenTo, through,
                              outcome.backup.isEmpty() ? QStringLiteral("(new file)") : outcome.backup,
                              journaled ? QString() : QStringLiteral(" (the journal could not be written)"),
                              outcome.backupHoldsSecret ? u' ' + backupSecretNote(outcome.backup) : QString());
    return outcome;
}

FixOutcome undoLast(const QString &journalPath, const QString &systemRoot)
{
    QFile journal(journalPath);
    if (!journal.open(QIODevice::ReadOnly))
        return refused(QStringLiteral("no fix to undo: %1 does not exist").arg(journalPath));
    // The fixes still in effect, oldest first: an undone or restored entry takes back the newest fix of its file
    // and id, so that undo walks back through several fixes (and a fix applied again after an undo counts again).
    QList<QJsonObject> standing;
    for (const QByteArray &line : journal.readAll().split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (entry.contains(u"undone") || entry.contains(u"restored")) {
            const QString fix = entry.value(u"undone").toString() + entry.value(u"restored").toString();
            for (qsizetype i = standing.size() - 1; i >= 0; --i) {
                if (standing.at(i).value(u"fix").toString() == fix
                    && standing.at(i).value(u"file") == entry.value(u"file")) {
                    standing.removeAt(i);
                    break;
                }
            }
        } else if (entry.contains(u"fix")) {
            standing.append(entry);
        }
    }
    if (standing.isEmpty())
        return refused(QStringLiteral("no fix to undo in %1").arg(journalPath));
    const QJsonObject last = standing.constLast();
    const QString target = last.value(u"written_to").toString();
    if (const QString refusal = SystemRoot(systemRoot).writeRefusal(target, SystemRoot::patchInstead());
        !refusal.isEmpty())
        return refusedInCopy(QStringLiteral("not undone: %1").arg(refusal));
    QFile file(target);
    const QByteArray now = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    file.close();
    if (sha256(now) != last.value(u"after_sha256").toString())
        return refused(QStringLiteral("%1 changed since the fix was written; not undone (the backup %2 has the "
                                      "previous bytes)")
                .arg(target, last.value(u"backup").toString()));
    // A fix that created the file has no backup (journals before "created" was written say so by an empty backup):
    // its undo removes the file, which did not exist before.
    const bool created = last.value(u"created").toBool() || last.value(u"backup").toString().isEmpty();
    QFile backup(last.value(u"backup").toString());
    const QByteArray previous = !created && backup.open(QIODevice::ReadOnly) ? backup.readAll() : QByteArray();
    if (created) {
        if (!file.remove())
            return refused(QStringLiteral("could not remove %1: %2").arg(target, file.errorString()));
    } else if (sha256(previous) != last.value(u"before_sha256").toString()) {
        return refused(QStringLiteral("the backup %1 is missing or changed; not undone").arg(backup.fileName()));
    } else if (const QString error = writeAtomically(target, previous, QFile::permissions(target)); !error.isEmpty()) {
        return refused(QStringLiteral("could not write %1: %2").arg(target, error));
    }
    appendJournal(journalPath,
        {{QStringLiteral("time"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("file"), last.value(u"file").toString()}, {QStringLiteral("undone"), last.value(u"fix")},
            {QStringLiteral("after_sha256"), sha256(previous)}});
    FixOutcome outcome;
    outcome.applied = true;
    outcome.writtenTo = target;
    outcome.backup = backup.fileName();
    outcome.message = created
        ? QStringLiteral("undid %1: removed %2, which the fix had created").arg(last.value(u"fix").toString(), target)
        : QStringLiteral("undid %1: %2 holds its previous bytes again").arg(last.value(u"fix").toString(), target);
    return outcome;
}

} // namespace Posture::Core::FixApplier
