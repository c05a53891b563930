// SPDX-License-Identifier: Apache-2.0
// Writing accepted risks from the window: entries added or replaced without losing a byte the user wrote.
#include "core/config/configdocument.h"
#include "core/rules/acceptedrisks.h"
#include "core/rules/acceptedrisksfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;

namespace {

const Acceptance Lab{QStringLiteral("disposable lab VM"), QStringLiteral("ada"), QDate(2027, 3, 31), false};

QList<AcceptedRisks::Entry> entriesOf(const QByteArray &bytes)
{
    Diagnostics problems;
    const AcceptedRisks risks =
        AcceptedRisks::fromDocument(ConfigDocument::fromBytes(bytes, QStringLiteral("accept.toml")), problems);
    return problems.isEmpty() ? risks.entries() : QList<AcceptedRisks::Entry>();
}

const QByteArray HandWritten = "# Accepted on the CI runners, reviewed by the security team.\r\n"
                               "[[accept]]\r\n"
                               "id = \"approval-never:approval_policy\"   # CI never asks\r\n"
                               "reason = \"CI VM\"\r\n"
                               "owner = \"ops\"\r\n"
                               "expires = 2027-01-31\r\n"
                               "\r\n"
                               "# the lab machine\r\n"
                               "[[accept]]\r\n"
                               "id = 'network-enabled:sandbox_workspace_write.network_access'\r\n"
                               "reason = \"mirrors\"\r\n"
                               "owner = \"bob\"\r\n"
                               "expires = 2027-02-28";

} // namespace

class TestAcceptedRisksFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyFile_getsTheEntry();
    void handWrittenFile_keepsEveryByte_whenAnEntryIsAdded();
    void existingEntry_isReplacedInPlace();
    void brokenFile_isRefusedUnchanged();
    void incompleteAcceptance_isRefused();
    void write_refusesAChangedFileAndKeepsABackup();
    void write_neverIntoACopiedMachine();
    void rememberedPath_isOneFolderDeep();
};

void TestAcceptedRisksFile::emptyFile_getsTheEntry()
{
    const AcceptedRisksFile::Edit edit = AcceptedRisksFile::withEntry(
        {}, QStringLiteral("accept.toml"), QStringLiteral("full-access:sandbox_mode"), Lab);
    QVERIFY2(edit.problem.isEmpty(), qPrintable(edit.problem));
    const QList<AcceptedRisks::Entry> entries = entriesOf(edit.bytes);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.constFirst().id, QStringLiteral("full-access:sandbox_mode"));
    QCOMPARE(entries.constFirst().acceptance.expires, Lab.expires);
}

void TestAcceptedRisksFile::handWrittenFile_keepsEveryByte_whenAnEntryIsAdded()
{
    const AcceptedRisksFile::Edit edit = AcceptedRisksFile::withEntry(
        HandWritten, QStringLiteral("accept.toml"), QStringLiteral("full-access:sandbox_mode"), Lab);
    QVERIFY2(edit.problem.isEmpty(), qPrintable(edit.problem));
    // Everything written before is still there, byte for byte (the last line only gains its line ending), and the
    // new entry follows in the file's CRLF.
    QVERIFY(edit.bytes.startsWith(QByteArray(HandWritten + "\r\n")));
    QVERIFY(!edit.bytes.mid(HandWritten.size()).contains("\n\n")); // no bare LF in a CRLF file
    const QList<AcceptedRisks::Entry> entries = entriesOf(edit.bytes);
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(2).acceptance.reason, Lab.reason);
}

void TestAcceptedRisksFile::existingEntry_isReplacedInPlace()
{
    const AcceptedRisksFile::Edit edit = AcceptedRisksFile::withEntry(
        HandWritten, QStringLiteral("accept.toml"), QStringLiteral("approval-never:approval_policy"), Lab);
    QVERIFY2(edit.problem.isEmpty(), qPrintable(edit.problem));
    const QList<AcceptedRisks::Entry> entries = entriesOf(edit.bytes);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).id, QStringLiteral("approval-never:approval_policy"));
    QCOMPARE(entries.at(0).acceptance.owner, QStringLiteral("ada"));
    QCOMPARE(entries.at(1).acceptance.owner, QStringLiteral("bob"));
    // The comments around it and the other entry are untouched.
    QVERIFY(edit.bytes.startsWith("# Accepted on the CI runners, reviewed by the security team.\r\n[[accept]]\r\n"));
    const qsizetype lab = HandWritten.indexOf("\r\n# the lab machine");
    QVERIFY(edit.bytes.endsWith(HandWritten.mid(lab)));
    QVERIFY(!edit.bytes.contains("CI VM"));
}

void TestAcceptedRisksFile::brokenFile_isRefusedUnchanged()
{
    const QByteArray broken = "[[accept]]\nid = \"x\nreason = 1\n";
    const AcceptedRisksFile::Edit edit =
        AcceptedRisksFile::withEntry(broken, QStringLiteral("accept.toml"), QStringLiteral("x"), Lab);
    QVERIFY(!edit.problem.isEmpty());
    QVERIFY2(edit.problem.contains(QStringLiteral("accept.toml, line ")), qPrintable(edit.problem));
    QCOMPARE(edit.bytes, broken);
}

void TestAcceptedRisksFile::incompleteAcceptance_isRefused()
{
    const AcceptedRisksFile::Edit edit = AcceptedRisksFile::withEntry(HandWritten, QStringLiteral("accept.toml"),
        QStringLiteral("x"), Acceptance{QStringLiteral("  "), QStringLiteral("ada"), QDate(2027, 1, 1), false});
    QVERIFY(edit.problem.contains(QStringLiteral("a reason")));
    QCOMPARE(edit.bytes, HandWritten);
}

void TestAcceptedRisksFile::write_refusesAChangedFileAndKeepsABackup()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("risks/accept.toml"));
    // A new file, in a folder that does not exist yet.
    QCOMPARE(AcceptedRisksFile::write(path, {}, "# first\n"), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("# first\n"));
    file.close();
    // Read as "# old" but it holds "# first": changed since, refused, nothing written.
    QVERIFY(AcceptedRisksFile::write(path, "# old\n", "# new\n").contains(QStringLiteral("changed on disk")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("# first\n"));
    file.close();
    // Not changed: written, and the previous bytes are kept beside it.
    QCOMPARE(AcceptedRisksFile::write(path, "# first\n", "# second\n"), QString());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("# second\n"));
    const QStringList backups =
        QDir(dir.filePath(QStringLiteral("risks"))).entryList({QStringLiteral("accept.toml.codex-posture-*")});
    QCOMPARE(backups.size(), 1);
    QFile backup(dir.filePath(QStringLiteral("risks/") + backups.constFirst()));
    QVERIFY(backup.open(QIODevice::ReadOnly));
    QCOMPARE(backup.readAll(), QByteArray("# first\n"));
}

// The window's Accept Risk on a copied machine: a file inside the copy is refused, nothing created; outside it is fine.
void TestAcceptedRisksFile::write_neverIntoACopiedMachine()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy"));
    QVERIFY(QDir().mkpath(copy + QStringLiteral("/home/alice")));
    const QString inside = copy + QStringLiteral("/home/alice/accepted-risks.toml");
    QVERIFY(AcceptedRisksFile::write(inside, {}, "# x\n", copy).contains(QStringLiteral("copied machine")));
    QVERIFY(!QFile::exists(inside));
    QCOMPARE(
        AcceptedRisksFile::write(dir.filePath(QStringLiteral("review/accepted.toml")), {}, "# x\n", copy), QString());
}

// The default file lives in codex-posture's own config folder, not in a doubled codex-posture/codex-posture.
void TestAcceptedRisksFile::rememberedPath_isOneFolderDeep()
{
    QCoreApplication::setOrganizationName(QStringLiteral("codex-posture-test-accepted"));
    QStandardPaths::setTestModeEnabled(true);
    const QString path = AcceptedRisksFile::rememberedPath();
    QVERIFY2(path.endsWith(QStringLiteral("/codex-posture/accepted-risks.toml"))
            && !path.contains(QStringLiteral("codex-posture/codex-posture")),
        qPrintable(path));
    QCOMPARE(AcceptedRisksFile::toCount(QStringLiteral("/given.toml"), {}), QStringLiteral("/given.toml"));
    QCOMPARE(AcceptedRisksFile::toCount({}, QStringLiteral("/copy")), QString()); // never for a copied machine
}

QTEST_GUILESS_MAIN(TestAcceptedRisksFile)
#include "tst_acceptedrisksfile.moc"
