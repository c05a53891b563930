// SPDX-License-Identifier: Apache-2.0
#include "inspectionsession.h"
#include "isolatedmachine.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture;
using Models::InspectionSession;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// As editors save: a new file renamed over the old one.
bool saveAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

QString writeScript(const QString &path, const QByteArray &body)
{
    if (!writeFile(path, "#!/bin/sh\n" + body + '\n'))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

QString approvalOf(const InspectionSession &session)
{
    return session.inspection().cli.approvalPolicy.value;
}

} // namespace

class TestInspectionSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void setScope_inspectsOnAWorkerAndSaysSo();
    void newerScope_winsOverAnOlderRunStillOnTheWorker();
    void watchedFile_editedInPlace_rescans();
    void watchedFile_savedAtomically_rescansAndStaysWatched();
    void missingCodexHome_isWatchedFromItsParent();
    void missingSystemDirectory_isNotWatchedFromItsParent();
    void sampleMachine_isNotProbed();
    void liveProbes_runAfterTheFilesAndReportDone();
    void hangingProbe_isReportedTimedOut();
    void rescanDuringProbes_dropsTheirStaleVerdictAndProbesAgain();
    void unusableAcceptFile_isAnError();
    void backups_areListedAndRemoved_neverInACopy();

private:
    QTemporaryDir m_dir;
    QString m_codexHome;
};

void TestInspectionSession::init()
{
    QTest::failOnWarning();
    QVERIFY(m_dir.isValid());
    m_codexHome = m_dir.filePath(QStringLiteral("codex-%1").arg(QTest::currentTestFunction()));
    QVERIFY(QDir().mkpath(m_codexHome));
    QVERIFY(writeFile(m_codexHome + QStringLiteral("/config.toml"), "approval_policy = \"never\"\n"));
}

void TestInspectionSession::setScope_inspectsOnAWorkerAndSaysSo()
{
    InspectionSession session;
    QSignalSpy started(&session, &InspectionSession::inspectionStarted);
    QSignalSpy finished(&session, &InspectionSession::inspectionFinished);
    QSignalSpy scope(&session, &InspectionSession::scopeChanged);
    session.setScope(Tests::isolated({.codexHome = m_codexHome}));
    QCOMPARE(scope.count(), 1);
    QCOMPARE(started.count(), 1);
    // setScope returned before the engine ran: the result comes through the event loop.
    QCOMPARE(finished.count(), 0);
    QVERIFY(!session.hasInspection());
    QVERIFY(session.isBusy());
    QVERIFY(finished.wait());
    QCOMPARE(finished.count(), 1);
    const auto inspection = finished.first().first().value<Core::Inspection>();
    QCOMPARE(inspection.cli.approvalPolicy.value, QStringLiteral("never"));
    QCOMPARE(approvalOf(session), QStringLiteral("never"));
    QVERIFY(!session.isBusy());
    QCOMPARE(session.probeState(), InspectionSession::ProbeState::NotProbed);
    QVERIFY(session.watchedPaths().contains(m_codexHome + QStringLiteral("/config.toml")));
    QVERIFY(session.watchedPaths().contains(m_codexHome));
}

void TestInspectionSession::newerScope_winsOverAnOlderRunStillOnTheWorker()
{
    const QString other = m_dir.filePath(QStringLiteral("other-home"));
    QVERIFY(QDir().mkpath(other));
    QVERIFY(writeFile(other + QStringLiteral("/config.toml"), "approval_policy = \"on-request\"\n"));
    InspectionSession session;
    QSignalSpy finished(&session, &InspectionSession::inspectionFinished);
    session.setScope(Tests::isolated({.codexHome = m_codexHome}));
    session.setScope(Tests::isolated({.codexHome = other})); // before the first run could report
    QTRY_VERIFY(!session.isBusy());
    QCoreApplication::processEvents(); // anything the first run might still deliver
    QCOMPARE(finished.count(), 1); // the first run's result was dropped, not shown and then replaced
    QCOMPARE(approvalOf(session), QStringLiteral("on-request"));
    QCOMPARE(session.inspection().locations.codexHome, other);
}

void TestInspectionSession::watchedFile_editedInPlace_rescans()
{
    InspectionSession session;
    session.setRescanDelay(0);
    QSignalSpy finished(&session, &InspectionSession::inspectionFinished);
    session.setScope(Tests::isolated({.codexHome = m_codexHome}));
    QVERIFY(finished.wait());
    QSignalSpy started(&session, &InspectionSession::inspectionStarted);
    QVERIFY(writeFile(m_codexHome + QStringLiteral("/config.toml"), "approval_policy = \"on-request\"\n"));
    QTRY_COMPARE_WITH_TIMEOUT(approvalOf(session), QStringLiteral("on-request"), 10000);
    QVERIFY(started.count() >= 1);
}

void TestInspectionSession::watchedFile_savedAtomically_rescansAndStaysWatched()
{
    const QString config = m_codexHome + QStringLiteral("/config.toml");
    InspectionSession session;
    session.setRescanDelay(0);
    QSignalSpy finished(&session, &InspectionSession::inspectionFinished);
    session.setScope(Tests::isolated({.codexHome = m_codexHome}));
    QVERIFY(finished.wait());
    QVERIFY(saveAtomically(config, "approval_policy = \"on-request\"\n"));
    QTRY_COMPARE_WITH_TIMEOUT(approvalOf(session), QStringLiteral("on-request"), 10000);
    QTRY_VERIFY(!session.isBusy());
    QVERIFY(session.watchedPaths().contains(config)); // the new file is watched, not the replaced one
    QVERIFY(saveAtomically(config, "approval_policy = \n"));
    QTRY_COMPARE_WITH_TIMEOUT(session.inspection().loadStatus, Core::LoadStatus::Fail, 10000); // not TOML
}

void TestInspectionSession::missingCodexHome_isWatchedFromItsParent()
{
    QTemporaryDir home;
    InspectionSession session;
    session.setRescanDelay(0);
    QSignalSpy finished(&session, &InspectionSession::inspectionFinished);
    session.setScope(Tests::isolated({.home = home.path()}));
    QVERIFY(finished.wait());
    QCOMPARE(session.inspection().userConfig().status(), Core::ConfigDocument::Status::Missing);
    QVERIFY(session.watchedPaths().contains(home.path()));
    QVERIFY(QDir(home.path()).mkdir(QStringLiteral(".codex")));
    QVERIFY(writeFile(home.filePath(QStringLiteral(".codex/config.toml")), "approval_policy = \"never\"\n"));
    QTRY_COMPARE_WITH_TIMEOUT(approvalOf(session), QStringLiteral("never"), 10000);
}

void TestInspectionSession::missingSystemDirectory_isNotWatchedFromItsParent()
{
    // A copied machine without /etc/codex: its /etc is not watched (it changes too often to rescan on).
    const QString root = m_dir.filePath(QStringLiteral("machine"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/etc")));
    InspectionSession session;
    QSignalSpy finished(&session, &InspectionSession::inspectionFinished);
    session.setScope(Tests::isolated({.codexHome = m_codexHome, .systemRoot = root}));
    QVERIFY(finished.wait());
    QVERIFY(!session.watchedPaths().contains(root + QStringLiteral("/etc")));
    QVERIFY(session.watchedPaths().contains(m_codexHome + QStringLiteral("/config.toml")));
}

void TestInspectionSession::sampleMachine_isNotProbed()
{
    InspectionSession session;
    QSignalSpy probesStarted(&session, &InspectionSession::probesStarted);
    QSignalSpy finished(&session, &InspectionSession::inspectionFinished);
    session.setScope(Tests::isolated({.codexHome = m_codexHome,
        .systemRoot = QStringLiteral(POSTURE_TEST_DATA_DIR "/sysroots/ubuntu-2404-restricted"),
        .runPrograms = true}));
    QVERIFY(session.isSample());
    QVERIFY(finished.wait());
    QTRY_VERIFY(!session.isBusy());
    QCOMPARE(probesStarted.count(), 0); // nothing is run on a copied machine
    QCOMPARE(session.probeState(), InspectionSession::ProbeState::NotProbed);
    QCOMPARE(InspectionSession::probeStateWord(session.probeState()), QStringLiteral("not probed"));
    QCOMPARE(session.inspection().cliEnforcement.state, Core::Enforcement::State::NotEnforced);
}

void TestInspectionSession::liveProbes_runAfterTheFilesAndReportDone()
{
    // This machine, with a PATH holding a bwrap that says the sandbox works and no codex: nothing real is started.
    QTemporaryDir bin;
    QVERIFY(!writeScript(bin.filePath(QStringLiteral("bwrap")),
        "case \"$1\" in --help) echo '--perms --as-pid-1';; --version) echo 'bubblewrap 0.11.0';; esac\nexit 0")
            .isEmpty());
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), bin.path());
    InspectionSession session;
    session.setEnvironment(environment);
    QSignalSpy finished(&session, &InspectionSession::inspectionFinished);
    QSignalSpy probesStarted(&session, &InspectionSession::probesStarted);
    QSignalSpy probesFinished(&session, &InspectionSession::probesFinished);
    QSignalSpy probeStates(&session, &InspectionSession::probeStateChanged);
    // What a view sees when each result arrives: probes to follow, then nothing left running.
    QList<InspectionSession::ProbeState> statesShown;
    QList<bool> busyShown;
    connect(&session, &InspectionSession::inspectionFinished, this, [&] {
        statesShown.append(session.probeState());
        busyShown.append(session.isBusy());
    });
    Core::InspectOptions options = Tests::isolated({.codexHome = m_codexHome, .cwd = m_dir.path()});
    options.systemRoot.clear(); // this machine
    options.runPrograms = true;
    session.setScope(options);
    QVERIFY(probesFinished.wait(20000));
    QCOMPARE(probesStarted.count(), 1);
    QCOMPARE(finished.count(), 2); // the files at once, then the same with the probes' verdict
    QVERIFY(!finished.first().first().value<Core::Inspection>().sandbox.live.attempted);
    QVERIFY(session.inspection().sandbox.live.attempted);
    QCOMPARE(session.inspection().sandbox.facts.bwrap.versionText, QStringLiteral("bubblewrap 0.11.0"));
    QCOMPARE(session.probeState(), InspectionSession::ProbeState::Done);
    QCOMPARE(probeStates.count(), 2);
    QCOMPARE(statesShown, (QList{InspectionSession::ProbeState::Running, InspectionSession::ProbeState::Done}));
    QCOMPARE(busyShown, (QList{true, false}));
    QCOMPARE(probeStates.at(0).first().value<InspectionSession::ProbeState>(), InspectionSession::ProbeState::Running);
}

void TestInspectionSession::hangingProbe_isReportedTimedOut()
{
    QTemporaryDir bin;
    QVERIFY(!writeScript(bin.filePath(QStringLiteral("bwrap")),
        "case \"$1\" in --help) echo '--perms --as-pid-1'; exit 0;; --version) exit 0;; esac\nexec /bin/sleep 60")
            .isEmpty());
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), bin.path());
    InspectionSession session;
    session.setEnvironment(environment);
    QSignalSpy probesFinished(&session, &InspectionSession::probesFinished);
    Core::InspectOptions options = Tests::isolated({.codexHome = m_codexHome, .cwd = m_dir.path()});
    options.systemRoot.clear();
    options.runPrograms = true;
    options.probeTimeoutMs = 300;
    session.setScope(options);
    QVERIFY(probesFinished.wait(20000));
    QCOMPARE(session.probeState(), InspectionSession::ProbeState::TimedOut);
    QCOMPARE(session.inspection().cliEnforcement.state, Core::Enforcement::State::Unknown);
}

void TestInspectionSession::rescanDuringProbes_dropsTheirStaleVerdictAndProbesAgain()
{
    QTemporaryDir bin;
    QVERIFY(!writeScript(bin.filePath(QStringLiteral("bwrap")),
        "case \"$1\" in --help) echo '--perms --as-pid-1'; exit 0;; --version) exit 0;; esac\nexec /bin/sleep 60")
            .isEmpty());
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), bin.path());
    InspectionSession session;
    session.setEnvironment(environment);
    QSignalSpy finished(&session, &InspectionSession::inspectionFinished);
    QSignalSpy probesStarted(&session, &InspectionSession::probesStarted);
    QSignalSpy probesFinished(&session, &InspectionSession::probesFinished);
    Core::InspectOptions options = Tests::isolated({.codexHome = m_codexHome, .cwd = m_dir.path()});
    options.systemRoot.clear();
    options.runPrograms = true;
    options.probeTimeoutMs = 1000;
    session.setScope(options);
    QVERIFY(finished.wait());
    QCOMPARE(probesStarted.count(), 1);
    QVERIFY(writeFile(m_codexHome + QStringLiteral("/config.toml"), "approval_policy = \"on-request\"\n"));
    session.rescan(); // while the first probes run
    QVERIFY(probesFinished.wait(20000));
    // The first run's verdict was about the old files: dropped, and the probes ran once more.
    QCOMPARE(probesStarted.count(), 2);
    QCOMPARE(probesFinished.count(), 1);
    QCOMPARE(approvalOf(session), QStringLiteral("on-request"));
    QVERIFY(session.inspection().sandbox.live.attempted);
    QVERIFY(!session.isBusy());
}

void TestInspectionSession::unusableAcceptFile_isAnError()
{
    const QString accept = m_dir.filePath(QStringLiteral("accept.toml"));
    QVERIFY(writeFile(accept, "[[accept]]\nid = \"approval-never:approval_policy\"\n")); // no reason, owner, expiry
    InspectionSession session;
    QSignalSpy errors(&session, &InspectionSession::error);
    QSignalSpy finished(&session, &InspectionSession::inspectionFinished);
    session.setScope(Tests::isolated({.codexHome = m_codexHome, .acceptFile = accept}));
    QVERIFY(finished.wait());
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.first().first().toString().contains(QStringLiteral("accept.toml")),
        qPrintable(errors.first().first().toString()));
    QVERIFY(session.watchedPaths().contains(accept)); // fixing the file rescans
}

// The backups a fix left: listed with whether they hold a secret, removed on request and inspected again; in a copied
// machine (the backup inside the system root) refused and left alone.
void TestInspectionSession::backups_areListedAndRemoved_neverInACopy()
{
    const QByteArray config = "model = \"o3\"\n";
    const QByteArray old =
        "[mcp_servers.gh]\ncommand = \"gh\"\nenv = { GITHUB_TOKEN = \"ghp_PLANTEDsession0123456789abcdef\" }\n";
    QVERIFY(writeFile(m_codexHome + QStringLiteral("/config.toml"), config));
    const QString backup = m_codexHome + QStringLiteral("/config.toml.codex-posture-20261207-101500-000.bak");
    QVERIFY(writeFile(backup, old));
    InspectionSession session;
    QSignalSpy finished(&session, &InspectionSession::inspectionFinished);
    session.setScope(Tests::isolated({.codexHome = m_codexHome}));
    QVERIFY(finished.wait());
    QCOMPARE(session.backups().size(), 1);
    QVERIFY(session.backups().constFirst().holdsSecret);
    QVERIFY(std::any_of(session.inspection().findings.cbegin(), session.inspection().findings.cend(),
        [](const Core::Finding &finding) { return finding.id.startsWith(u"secret-in-backup:"); }));
    QCOMPARE(session.removeBackups(), QString());
    QVERIFY(!QFile::exists(backup));
    QVERIFY(finished.wait());
    QVERIFY(session.backups().isEmpty());

    // The same home as part of a copied machine: nothing is removed.
    QVERIFY(writeFile(backup, old));
    session.setScope(Tests::isolated({.codexHome = m_codexHome, .systemRoot = m_dir.path()}));
    QVERIFY(finished.wait());
    QVERIFY(session.isSample());
    QVERIFY2(session.removeBackups().contains(QStringLiteral("copied machine")), "refused on a copied machine");
    QVERIFY(QFile::exists(backup));
}

QTEST_GUILESS_MAIN(TestInspectionSession)
#include "tst_inspectionsession.moc"
