// SPDX-License-Identifier: Apache-2.0
// The sandbox judge: fixture system trees with expected verdicts, bwrap's error messages, the verdict per surface,
// and the live probes against fake bwrap and codex programs (slow, failing, lying).
#include "core/inspection.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;

namespace {

const QString SysRoots = QStringLiteral(POSTURE_TEST_DATA_DIR "/sysroots");

QJsonObject expectations()
{
    QFile file(SysRoots + QStringLiteral("/expected.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString writeScript(const QString &path, const QByteArray &body)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write("#!/bin/sh\n" + body + '\n');
    file.close();
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther);
    return path;
}

// A configuration in a throw-away home, inspected against a fixture system tree without starting anything.
Inspection inspect(const QString &configToml, const QString &sysroot)
{
    QTemporaryDir home;
    home.setAutoRemove(true);
    QDir().mkpath(home.filePath(QStringLiteral(".codex")));
    QFile config(home.filePath(QStringLiteral(".codex/config.toml")));
    if (!config.open(QIODevice::WriteOnly))
        qFatal("cannot write the config");
    config.write(configToml.toUtf8());
    config.close();
    InspectOptions options;
    options.home = home.path();
    options.cwd = home.path();
    options.systemRoot = SysRoots + u'/' + sysroot;
    return Inspection::run(options, QProcessEnvironment());
}

QStringList problemProbes(const SandboxCapability &capability)
{
    QStringList ids;
    for (const Capability &probe : capability.probes) {
        if (probe.state == Capability::State::Problem)
            ids.append(probe.id);
    }
    return ids;
}

// Live probes with the given PATH, on this machine, with a short timeout.
SandboxCapability liveJudgement(const QStringList &path, const QString &cwd, const QStringList &codex, int timeoutMs)
{
    HostFacts facts = HostFacts::gather(SystemRoot(), path, cwd, codex);
    LiveProbes::refineBubblewrap(facts, timeoutMs);
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), path.join(u':') + QStringLiteral(":/usr/bin:/bin"));
    return SandboxCapability::judge(facts, LiveProbes::run(facts, environment, timeoutMs));
}

} // namespace

class TestSandboxCapability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTreeHasAnExpectation();
    void fixtureTrees_data();
    void fixtureTrees();
    void bwrapErrors_data();
    void bwrapErrors();
    void surfaceVerdicts_data();
    void surfaceVerdicts();
    void copiedMachine_runsNothing();
    void dpkgVersion_isFoundInALargeStatusFile();
    void windowsIdeInWsl_isJudgedInsideWsl();
    void liveFailure_isClassifiedWithRemedies();
    void liveSuccess_isEnforced();
    void slowBwrap_isCutOffAsUnknown();
    void pathBwrapWithoutPerms_fallsBackToBundled();
    void bwrapInsideWorkingDirectory_isSkipped();
    void codexThatIgnoresTheSandbox_isNotEnforced();
    void slowCodex_isUnknown();
};

void TestSandboxCapability::everyTreeHasAnExpectation()
{
    const QJsonObject expected = expectations();
    const QStringList trees = QDir(SysRoots).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(trees.size() >= 8);
    for (const QString &tree : trees)
        QVERIFY2(expected.contains(tree), qPrintable(tree + QStringLiteral(" has no entry in expected.json")));
}

void TestSandboxCapability::fixtureTrees_data()
{
    QTest::addColumn<QString>("tree");
    QTest::addColumn<QJsonObject>("expected");
    const QJsonObject all = expectations();
    for (auto it = all.begin(); it != all.end(); ++it) {
        if (!it.key().startsWith(u'_'))
            QTest::newRow(qPrintable(it.key())) << it.key() << it.value().toObject();
    }
}

void TestSandboxCapability::fixtureTrees()
{
    QFETCH(QString, tree);
    QFETCH(QJsonObject, expected);
    const Inspection inspection = inspect(QString(), tree);
    const SandboxCapability &sandbox = inspection.sandbox;
    QCOMPARE(hostPlatformName(sandbox.facts.platform), expected.value(u"platform").toString());
    if (sandbox.facts.platform == HostPlatform::Linux) {
        QCOMPARE(sandbox.facts.bwrap.path, expected.value(u"bwrap").toString());
        QCOMPARE(sandbox.facts.bwrap.sourceName(), expected.value(u"source").toString());
        QCOMPARE(sandbox.facts.bwrap.version, expected.value(u"version").toString());
    }
    QCOMPARE(sandbox.machine.stateName(), expected.value(u"state").toString());
    QVERIFY2(sandbox.machine.reason.contains(expected.value(u"reason").toString()), qPrintable(sandbox.machine.reason));
    QStringList remedies;
    for (const QJsonValue &id : expected.value(u"remedies").toArray())
        remedies.append(id.toString());
    QCOMPARE(sandbox.machine.remedyIds(), remedies);
    for (const Remedy &remedy : sandbox.machine.remedies)
        QVERIFY2(remedy.text.size() > 40, qPrintable(remedy.id));
    QStringList problems;
    for (const QJsonValue &id : expected.value(u"problems").toArray())
        problems.append(id.toString());
    QCOMPARE(problemProbes(sandbox), problems);
    // Nothing ran on a copied machine.
    QVERIFY(!sandbox.live.attempted);
    // A default configuration is sandboxed: the CLI's verdict is the machine's.
    if (sandbox.facts.platform != HostPlatform::Windows)
        QCOMPARE(inspection.cliEnforcement.summary(), sandbox.machine.summary());
}

void TestSandboxCapability::bwrapErrors_data()
{
    QTest::addColumn<QString>("errorOutput");
    QTest::addColumn<int>("cause");
    QTest::newRow("ubuntu uid map") << "bwrap: setting up uid map: Permission denied\n"
                                    << int(BwrapFailure::Cause::AppArmor);
    QTest::newRow("loopback") << "bwrap: loopback: Failed RTM_NEWADDR: Operation not permitted\n"
                              << int(BwrapFailure::Cause::AppArmor);
    QTest::newRow("no permissions") << "bwrap: No permissions to create a new namespace, likely because the kernel "
                                       "does not allow non-privileged user namespaces.\n"
                                    << int(BwrapFailure::Cause::UserNamespacesDenied);
    QTest::newRow("limit") << "bwrap: Creating new namespace failed: nesting depth or /proc/sys/user/max_*_namespaces "
                              "exceeded (ENOSPC)\n"
                           << int(BwrapFailure::Cause::NamespaceLimit);
    QTest::newRow("seccomp") << "bwrap: Creating new namespace failed: Operation not permitted\n"
                             << int(BwrapFailure::Cause::UserNamespacesDenied);
    QTest::newRow("other") << "bwrap: Can't find source path /nix: No such file or directory\n"
                           << int(BwrapFailure::Cause::Other);
}

void TestSandboxCapability::bwrapErrors()
{
    QFETCH(QString, errorOutput);
    QFETCH(int, cause);
    const BwrapFailure failure = classifyBwrapError(errorOutput);
    QCOMPARE(int(failure.cause), cause);
    QVERIFY(!failure.reason.isEmpty());
    if (failure.cause == BwrapFailure::Cause::Other)
        QCOMPARE(failure.reason, errorOutput.trimmed()); // an unknown message is passed on as it is
}

void TestSandboxCapability::surfaceVerdicts_data()
{
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("tree");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("remedies");
    QTest::newRow("full access asks for no sandbox")
        << "sandbox_mode = \"danger-full-access\"\n"
        << "userns-disabled" << "not-enforced" << "asks for no sandbox" << QStringList();
    QTest::newRow("workspace-write on a machine without user namespaces")
        << "sandbox_mode = \"workspace-write\"\n"
        << "userns-disabled" << "not-enforced"
        << "user.max_user_namespaces = 0" << QStringList{QStringLiteral("enable-user-namespaces")};
    QTest::newRow("legacy landlock is refused") << "[features]\nuse_legacy_landlock = true\n"
                                                << "debian-12" << "not-enforced" << "use_legacy_landlock"
                                                << QStringList{QStringLiteral("remove-legacy-landlock")};
    QTest::newRow("legacy landlock off is fine") << "[features]\nuse_legacy_landlock = false\n"
                                                 << "debian-12" << "enforced" << "" << QStringList();
    QTest::newRow("refused configuration runs nothing") << "approval_policy = \"untrusted\"\n"
                                                        << "debian-12" << "unknown" << "refuses" << QStringList();
    QTest::newRow("windows unelevated") << "[windows]\nsandbox = \"unelevated\"\n"
                                        << "windows-11" << "not-enforced"
                                        << "Everyone" << QStringList{QStringLiteral("use-elevated-windows-sandbox")};
    QTest::newRow("windows elevated") << "[windows]\nsandbox = \"elevated\"\n"
                                      << "windows-11" << "unknown"
                                      << "one-time setup" << QStringList();
    QTest::newRow("windows unset") << "" << "windows-11" << "unknown" << "no [windows] sandbox"
                                   << QStringList{QStringLiteral("use-elevated-windows-sandbox")};
}

void TestSandboxCapability::surfaceVerdicts()
{
    QFETCH(QString, config);
    QFETCH(QString, tree);
    QFETCH(QString, state);
    QFETCH(QString, reason);
    QFETCH(QStringList, remedies);
    const Inspection inspection = inspect(config, tree);
    QCOMPARE(inspection.cliEnforcement.stateName(), state);
    QVERIFY2(inspection.cliEnforcement.reason.contains(reason), qPrintable(inspection.cliEnforcement.reason));
    QCOMPARE(inspection.cliEnforcement.remedyIds(), remedies);
    QCOMPARE(inspection.ideEnforcement.stateName(), state); // no profile: the IDE reads the same layers
}

void TestSandboxCapability::windowsIdeInWsl_isJudgedInsideWsl()
{
    QTemporaryDir home;
    const QString settings = home.filePath(QStringLiteral("AppData/Roaming/Code/User/settings.json"));
    writeScript(settings, QByteArray()); // creates the folders
    QFile file(settings);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  // run Codex in WSL\n  \"chatgpt.runCodexInWindowsSubsystemForLinux\": true,\n}\n");
    file.close();
    InspectOptions options;
    options.home = home.path();
    options.cwd = home.path();
    options.systemRoot = SysRoots + QStringLiteral("/windows-11");
    const Inspection inspection = Inspection::run(options, QProcessEnvironment());
    QCOMPARE(inspection.ideEnforcement.state, Enforcement::State::Unknown);
    QVERIFY(inspection.ideEnforcement.reason.contains(QStringLiteral("inside WSL")));
    QVERIFY(inspection.cliEnforcement.reason.contains(QStringLiteral("[windows] sandbox"))); // the CLI is native
}

void TestSandboxCapability::dpkgVersion_isFoundInALargeStatusFile()
{
    // A desktop's status file runs to megabytes; bubblewrap's paragraph may come first, or after 2 MiB of others.
    for (const bool first : {true, false}) {
        QTemporaryDir root;
        writeScript(root.filePath(QStringLiteral("usr/bin/bwrap")), "exit 1");
        QByteArray others;
        for (int i = 0; others.size() < (2 << 20); ++i)
            others += "Package: lib" + QByteArray::number(i) + "\nStatus: install ok installed\nVersion: 1.0-"
                + QByteArray::number(i)
                + "\nDescription: a package of the size of a real paragraph, to fill the status file\n\n";
        const QByteArray bubblewrap = "Package: bubblewrap\nStatus: install ok installed\nVersion: 0.11.0-2\n\n";
        QFile status(root.filePath(QStringLiteral("var/lib/dpkg/status")));
        QVERIFY(QDir().mkpath(QFileInfo(status).absolutePath()) && status.open(QIODevice::WriteOnly));
        status.write(first ? QByteArray(bubblewrap + others) : QByteArray(others + bubblewrap));
        status.close();
        const HostFacts facts =
            HostFacts::gather(SystemRoot(root.path()), {QStringLiteral("/usr/bin")}, QStringLiteral("/"), {});
        QCOMPARE(facts.bwrap.path, QStringLiteral("/usr/bin/bwrap"));
        QCOMPARE(facts.bwrap.version, QStringLiteral("0.11.0"));
    }
}

void TestSandboxCapability::copiedMachine_runsNothing()
{
    // The fixture's bwrap and codex are scripts that would fail; with runPrograms on they must still never start.
    QTemporaryDir home;
    InspectOptions options;
    options.home = home.path();
    options.cwd = home.path();
    options.systemRoot = SysRoots + QStringLiteral("/no-system-bwrap");
    options.runPrograms = true;
    const Inspection inspection = Inspection::run(options, QProcessEnvironment());
    QVERIFY(!inspection.sandbox.live.attempted);
    QCOMPARE(inspection.binaries.size(), 1);
    QVERIFY(inspection.binaries.constFirst().version.isEmpty());
    QVERIFY(inspection.binaries.constFirst().error.contains(QStringLiteral("copied machine")));
    QCOMPARE(inspection.sandbox.machine.state, Enforcement::State::Enforced);
}

void TestSandboxCapability::liveFailure_isClassifiedWithRemedies()
{
    QTemporaryDir bin;
    writeScript(bin.filePath(QStringLiteral("bwrap")),
        "case \"$1\" in --help) echo '--perms --as-pid-1'; exit 0;; --version) echo 'bubblewrap 0.9.0'; exit 0;; esac\n"
        "echo 'bwrap: setting up uid map: Permission denied' >&2; exit 1");
    const SandboxCapability capability = liveJudgement({bin.path()}, QDir::rootPath(), {}, 5000);
    QCOMPARE(capability.facts.bwrap.version, QStringLiteral("0.9.0"));
    QCOMPARE(capability.machine.state, Enforcement::State::NotEnforced);
    QVERIFY2(capability.machine.reason.contains(QStringLiteral("AppArmor")), qPrintable(capability.machine.reason));
    QVERIFY(capability.machine.remedyIds().contains(QStringLiteral("install-bwrap-apparmor-profile")));
    QCOMPARE(capability.machine.remedyIds().constLast(), QStringLiteral("disable-apparmor-userns-restriction"));
    QCOMPARE(capability.live.userNamespace.exitCode, 1);
}

void TestSandboxCapability::liveSuccess_isEnforced()
{
    QTemporaryDir bin;
    writeScript(bin.filePath(QStringLiteral("bwrap")),
        "case \"$1\" in --help) echo '--perms --as-pid-1';; --version) echo 'bubblewrap 0.11.0';; esac\nexit 0");
    const SandboxCapability capability = liveJudgement({bin.path()}, QDir::rootPath(), {}, 5000);
    QCOMPARE(capability.machine.state, Enforcement::State::Enforced);
    QCOMPARE(capability.facts.bwrap.versionText, QStringLiteral("bubblewrap 0.11.0"));
    QVERIFY(capability.machine.reason.contains(QStringLiteral("live")));
}

void TestSandboxCapability::slowBwrap_isCutOffAsUnknown()
{
    QTemporaryDir bin;
    writeScript(bin.filePath(QStringLiteral("bwrap")),
        "case \"$1\" in --help) echo '--perms --as-pid-1'; exit 0;; --version) exit 0;; esac\nexec sleep 60");
    const SandboxCapability capability = liveJudgement({bin.path()}, QDir::rootPath(), {}, 300);
    QCOMPARE(capability.live.userNamespace.state, ProbeProcess::State::TimedOut);
    QCOMPARE(capability.machine.state, Enforcement::State::Unknown);
    QVERIFY2(capability.machine.reason.contains(QStringLiteral("timed out")), qPrintable(capability.machine.reason));
}

void TestSandboxCapability::pathBwrapWithoutPerms_fallsBackToBundled()
{
    // Measured on Codex 0.171.0: a PATH bwrap whose --help lacks --perms or --as-pid-1 is passed over.
    QTemporaryDir bin;
    writeScript(bin.filePath(QStringLiteral("bwrap")), "echo 'usage: bwrap --as-pid-1'; exit 0");
    const QString codex = writeScript(bin.filePath(QStringLiteral("vendor/bin/codex")), "exit 1");
    const QString bundled = writeScript(bin.filePath(QStringLiteral("vendor/codex-resources/bwrap")),
        "[ \"$1\" = --version ] && echo 'bubblewrap built for Codex'; exit 0");
    HostFacts facts = HostFacts::gather(SystemRoot(), {bin.path()}, QDir::rootPath(), {codex});
    QCOMPARE(facts.bwrap.source, Bubblewrap::Source::Path);
    LiveProbes::refineBubblewrap(facts, 5000);
    QCOMPARE(facts.bwrap.source, Bubblewrap::Source::Bundled);
    QCOMPARE(facts.bwrap.path, QFileInfo(bundled).canonicalFilePath());
    QVERIFY(facts.bwrap.systemSkipped.contains(QStringLiteral("--perms")));
    QCOMPARE(facts.bwrap.versionText, QStringLiteral("bubblewrap built for Codex"));
}

void TestSandboxCapability::bwrapInsideWorkingDirectory_isSkipped()
{
    QTemporaryDir project;
    writeScript(project.filePath(QStringLiteral("bin/bwrap")), "exit 0");
    const HostFacts facts = HostFacts::gather(
        SystemRoot(), {project.filePath(QStringLiteral("bin")), QStringLiteral("relative/bin")}, project.path(), {});
    QCOMPARE(facts.bwrap.source, Bubblewrap::Source::None);
}

void TestSandboxCapability::codexThatIgnoresTheSandbox_isNotEnforced()
{
    // A "codex" that runs the command without any sandbox: the write outside lands, and the verdict must say so.
    QTemporaryDir bin;
    writeScript(
        bin.filePath(QStringLiteral("bwrap")), "case \"$1\" in --help) echo '--perms --as-pid-1';; esac\nexit 0");
    const QString codex = writeScript(
        bin.filePath(QStringLiteral("codex")), "while [ \"$1\" != -- ]; do shift; done; shift; exec \"$@\"");
    const SandboxCapability capability = liveJudgement({bin.path()}, QDir::rootPath(), {codex}, 5000);
    QVERIFY(capability.live.codexSandbox.commandRan);
    QVERIFY(capability.live.codexSandbox.insideWritten);
    QVERIFY(capability.live.codexSandbox.outsideWritten);
    QCOMPARE(capability.machine.state, Enforcement::State::NotEnforced);
    QVERIFY(capability.machine.reason.contains(QStringLiteral("outside the workspace succeeded")));
    // The outside target is not where :workspace may write (/tmp, $TMPDIR).
    QVERIFY(!capability.live.codexSandbox.outside.startsWith(QStringLiteral("/tmp/")));
}

void TestSandboxCapability::slowCodex_isUnknown()
{
    QTemporaryDir bin;
    const QString codex = writeScript(bin.filePath(QStringLiteral("codex")), "exec sleep 60");
    const SandboxCapability capability = liveJudgement({}, QDir::rootPath(), {codex}, 300);
    QCOMPARE(capability.live.codexSandbox.process.state, ProbeProcess::State::TimedOut);
    QCOMPARE(capability.machine.state, Enforcement::State::Unknown);
    QVERIFY(capability.machine.reason.contains(QStringLiteral("timed out")));
}

QTEST_GUILESS_MAIN(TestSandboxCapability)
#include "tst_sandboxcapability.moc"
