// SPDX-License-Identifier: Apache-2.0
// After a fix: undo walks back through several fixes, newest first, as the window's Ctrl+Z does (a fix applied again
// after its undo can be undone again); and the preview says what a fix may stop.
#include "core/fixes/fixapplier.h"
#include "core/fixes/fixconsequence.h"
#include "core/fixes/fixjournal.h"
#include "core/inspection.h"
#include "files.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;
namespace Tests = Posture::Tests;

namespace {

const QByteArray Original = "# keep me\r\napproval_policy = \"never\" # why\r\nsandbox_mode = \"workspace-write\"\r\n"
                            "[sandbox_workspace_write]\r\nnetwork_access = true # mirrors\r\n";

InspectOptions optionsFor(const QString &home)
{
    InspectOptions options;
    options.home = home;
    options.cwd = home;
    options.systemRoot = home + QStringLiteral("/no-system");
    return options;
}

// Applies the fix of the first finding whose id starts with prefix; the outcome's message on failure.
QString applyFixOf(const QString &home, const QString &prefix, const QString &journal)
{
    const Inspection inspection = Inspection::run(optionsFor(home), QProcessEnvironment());
    for (const Fix &fix : inspection.fixes) {
        if (fix.findingId.startsWith(prefix)) {
            const FixOutcome outcome = FixApplier::apply(FixApplier::preview(fix), optionsFor(home), journal);
            return outcome.applied ? QString() : outcome.message;
        }
    }
    return QStringLiteral("no fix for ") + prefix;
}

} // namespace

class TestFixUndo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void undo_walksBackThroughSeveralFixes();
    void fixAppliedAgainAfterItsUndo_canBeUndoneAgain();
    void undoOfAFixThatCreatedTheFile_removesIt();
    void consequence_saysWhatAFixCloses();
    void journal_keepsItsKeysAndReadsOlderLines();
};

void TestFixUndo::undo_walksBackThroughSeveralFixes()
{
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    const QString journal = home.filePath(QStringLiteral("journal.jsonl"));
    QVERIFY(Tests::writeBytes(config, Original));
    QCOMPARE(applyFixOf(home.path(), QStringLiteral("approval-never"), journal), QString());
    const QByteArray afterFirst = Tests::readBytes(config);
    QCOMPARE(applyFixOf(home.path(), QStringLiteral("network-enabled"), journal), QString());
    QVERIFY(Tests::readBytes(config).contains("network_access = false # mirrors\r\n"));

    const FixOutcome second = FixApplier::undoLast(journal);
    QVERIFY2(second.applied, qPrintable(second.message));
    QCOMPARE(Tests::readBytes(config), afterFirst);
    const FixOutcome first = FixApplier::undoLast(journal);
    QVERIFY2(first.applied, qPrintable(first.message));
    QCOMPARE(Tests::readBytes(config), Original);
    QVERIFY(!FixApplier::undoLast(journal).applied); // nothing left
    QCOMPARE(Tests::readBytes(config), Original);
}

void TestFixUndo::fixAppliedAgainAfterItsUndo_canBeUndoneAgain()
{
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    const QString journal = home.filePath(QStringLiteral("journal.jsonl"));
    QVERIFY(Tests::writeBytes(config, Original));
    QCOMPARE(applyFixOf(home.path(), QStringLiteral("approval-never"), journal), QString());
    QVERIFY(FixApplier::undoLast(journal).applied);
    QCOMPARE(applyFixOf(home.path(), QStringLiteral("approval-never"), journal), QString()); // redo
    QVERIFY(Tests::readBytes(config) != Original);
    const FixOutcome undone = FixApplier::undoLast(journal);
    QVERIFY2(undone.applied, qPrintable(undone.message));
    QCOMPARE(Tests::readBytes(config), Original);
}

// The system's config.toml says never and the user has none: the fix writes a new user config.toml, and its undo
// removes it again (an empty file left behind would be a layer Codex reads that was never there).
void TestFixUndo::undoOfAFixThatCreatedTheFile_removesIt()
{
    QTemporaryDir home;
    const QString config = home.filePath(QStringLiteral(".codex/config.toml"));
    const QString journal = home.filePath(QStringLiteral("journal.jsonl"));
    QVERIFY(QDir().mkpath(home.filePath(QStringLiteral(".codex"))));
    QVERIFY(Tests::writeBytes(
        home.filePath(QStringLiteral("no-system/etc/codex/config.toml")), "approval_policy = \"never\"\n"));
    QCOMPARE(applyFixOf(home.path(), QStringLiteral("approval-never"), journal), QString());
    QVERIFY(QFile::exists(config));
    const FixOutcome undone = FixApplier::undoLast(journal);
    QVERIFY2(undone.applied, qPrintable(undone.message));
    QVERIFY2(!QFile::exists(config), "the undo of a fix that created the file must remove it");
    QVERIFY(!FixApplier::undoLast(journal).applied); // nothing left
}

void TestFixUndo::consequence_saysWhatAFixCloses()
{
    QTemporaryDir home;
    QVERIFY(Tests::writeBytes(home.filePath(QStringLiteral(".codex/config.toml")), Original));
    const Inspection inspection = Inspection::run(optionsFor(home.path()), QProcessEnvironment());
    QStringList said;
    for (const Fix &fix : inspection.fixes) {
        if (fix.findingId.startsWith(u"network-enabled"))
            QVERIFY2(
                whatMayStopWorking(fix).contains(QStringLiteral("npm install")), qPrintable(whatMayStopWorking(fix)));
        if (fix.findingId.startsWith(u"approval-never"))
            QVERIFY2(whatMayStopWorking(fix).contains(QStringLiteral("waits for an answer")),
                qPrintable(whatMayStopWorking(fix)));
        said.append(fix.findingId);
    }
    QVERIFY2(said.size() >= 2, qPrintable(said.join(u' ')));
    Fix unknown;
    unknown.findingId = QStringLiteral("no-such-rule:x");
    QVERIFY(whatMayStopWorking(unknown).isEmpty());
}

QTEST_GUILESS_MAIN(TestFixUndo)
void TestFixUndo::journal_keepsItsKeysAndReadsOlderLines()
{
    // The keys --undo of an older codex-posture wrote: an applied line without "created" (an empty backup said it).
    const QJsonObject older{{QStringLiteral("time"), QStringLiteral("2026-11-30T10:00:00.000Z")},
        {QStringLiteral("file"), QStringLiteral("/h/.codex/config.toml")},
        {QStringLiteral("written_to"), QStringLiteral("/h/.codex/config.toml")},
        {QStringLiteral("fix"), QStringLiteral("fix:approval-never")},
        {QStringLiteral("before_sha256"), QStringLiteral("aa")}, {QStringLiteral("after_sha256"), QStringLiteral("bb")},
        {QStringLiteral("backup"), QString()}};
    const std::optional<JournalEntry> read = JournalEntry::fromJson(older);
    QVERIFY(read);
    QCOMPARE(read->kind, JournalEntry::Kind::Applied);
    QVERIFY(read->created);
    QCOMPARE(read->afterSha256, QStringLiteral("bb"));
    // Written and read again, each kind keeps what it says.
    JournalEntry applied = *read;
    applied.backup = QStringLiteral("/h/.codex/config.toml.codex-posture-x.bak");
    applied.created = false;
    applied.fixes = {QStringLiteral("fix:approval-never")};
    const QJsonObject written = applied.toJson();
    QCOMPARE(written.value(u"backup").toString(), applied.backup);
    QCOMPARE(written.value(u"created").toBool(), false);
    QCOMPARE(written.value(u"time").toString(), QStringLiteral("2026-11-30T10:00:00.000Z"));
    const std::optional<JournalEntry> again = JournalEntry::fromJson(written);
    QVERIFY(again);
    QCOMPARE(again->fixes, applied.fixes);
    QVERIFY(!again->created);
    JournalEntry undone;
    undone.kind = JournalEntry::Kind::Undone;
    undone.file = applied.file;
    undone.fix = applied.fix;
    QCOMPARE(undone.toJson().value(u"undone").toString(), applied.fix);
    QCOMPARE(JournalEntry::fromJson(undone.toJson())->kind, JournalEntry::Kind::Undone);
    QVERIFY(!JournalEntry::fromJson(QJsonObject{{QStringLiteral("time"), QStringLiteral("x")}}));
}

#include "tst_fixundo.moc"
