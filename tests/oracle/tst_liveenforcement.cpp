// SPDX-License-Identifier: Apache-2.0
// On this machine: codex-posture's live "enforced" verdict against what the real `codex sandbox -P :workspace` does,
// as root, as an unprivileged user, and with user namespaces taken away (a user namespace whose
// user.max_user_namespaces is 0, so bwrap fails the way it does on a locked-down machine).
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

const QString Oracle = QStringLiteral(POSTURE_CODEX_ORACLE);

// What the real sandbox did: a write inside the workspace and one outside it (not below /tmp, which :workspace may
// write).
struct RealOutcome
{
    bool ran = false;
    bool insideWritten = false;
    bool outsideWritten = false;
    QString errorOutput;
    bool enforced() const { return ran && insideWritten && !outsideWritten; }
};

QStringList prefixFor(const QString &scenario)
{
    if (scenario == u"unprivileged")
        return {QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
            QStringLiteral("--clear-groups"), QStringLiteral("--")};
    if (scenario == u"no user namespaces")
        return {QStringLiteral("unshare"), QStringLiteral("--user"), QStringLiteral("--map-root-user"),
            QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("echo 0 > /proc/sys/user/max_user_namespaces && exec \"$@\""), QStringLiteral("sh")};
    return {};
}

QProcess *start(const QStringList &prefix, const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment, const QString &directory)
{
    auto *process = new QProcess;
    QStringList command = prefix + QStringList{program} + arguments;
    process->setProcessEnvironment(environment);
    process->setWorkingDirectory(directory);
    process->start(command.takeFirst(), command);
    return process;
}

// A directory everybody may enter and write (the unprivileged run shares it).
bool openUp(const QString &path)
{
    return QFile::setPermissions(path, QFileDevice::Permissions(0x7777));
}

} // namespace

class TestLiveEnforcement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void verdictAgreesWithRealSandbox_data();
    void verdictAgreesWithRealSandbox();
};

void TestLiveEnforcement::verdictAgreesWithRealSandbox_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<bool>("expectEnforced"); // what this machine is known to do; the comparison is the test
    QTest::newRow("root") << QStringLiteral("root") << true;
    QTest::newRow("unprivileged") << QStringLiteral("unprivileged") << true;
    QTest::newRow("no user namespaces") << QStringLiteral("no user namespaces") << false;
}

void TestLiveEnforcement::verdictAgreesWithRealSandbox()
{
    QFETCH(QString, scenario);
    QFETCH(bool, expectEnforced);
    if (scenario == u"unprivileged" && ::geteuid() != 0)
        QSKIP("needs root to drop to nobody with setpriv (CI runs as root)");
    const QStringList prefix = prefixFor(scenario);

    QTemporaryDir scratch(QStringLiteral("/var/tmp/posture-live-XXXXXX")); // not below /tmp: outside :workspace
    QTemporaryDir workspace;
    QVERIFY(scratch.isValid() && workspace.isValid());
    QVERIFY(openUp(scratch.path()) && openUp(workspace.path()));
    const QString home = scratch.filePath(QStringLiteral("home"));
    const QString outside = scratch.filePath(QStringLiteral("outside"));
    for (const QString &directory : QStringList{home, home + QStringLiteral("/.codex"), outside})
        QVERIFY(QDir().mkpath(directory) && openUp(directory));
    // Run as nobody, the binary must be reachable by nobody: the checkout may sit in a private directory.
    const QString binary = scratch.filePath(QStringLiteral("codex-posture"));
    QVERIFY(QFile::copy(QStringLiteral(POSTURE_APP_BINARY), binary));
    QVERIFY(QFile::setPermissions(binary, QFile::permissions(binary) | QFileDevice::ExeOther | QFileDevice::ReadOther));

    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), QFileInfo(Oracle).absolutePath() + QStringLiteral(":/usr/bin:/bin"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("CODEX_HOME"), home + QStringLiteral("/.codex"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));

    // codex-posture's verdict, from its JSON report.
    std::unique_ptr<QProcess> posture(start(prefix, binary,
        {QStringLiteral("--report"), QStringLiteral("json"), QStringLiteral("--cwd"), workspace.path()}, environment,
        workspace.path()));
    QVERIFY(posture->waitForFinished(60000));
    QCOMPARE(posture->exitCode(), 0);
    const QJsonObject report = QJsonDocument::fromJson(posture->readAllStandardOutput()).object();
    const QJsonObject capabilities = report.value(u"capabilities").toObject();
    const QJsonObject cliEnforced =
        report.value(u"surfaces").toObject().value(u"cli").toObject().value(u"enforced").toObject();
    QCOMPARE(capabilities.value(u"codex").toString(), Oracle);
    QCOMPARE(capabilities.value(u"bubblewrap").toObject().value(u"source").toString(), QStringLiteral("bundled"));
    QVERIFY(!capabilities.value(u"bubblewrap").toObject().value(u"version_text").toString().isEmpty());
    QVERIFY(capabilities.value(u"live").toObject().value(u"codex_sandbox").toObject().value(u"state")
        == QStringLiteral("finished"));

    // What the real sandbox does, asked separately with its own command.
    std::unique_ptr<QProcess> codex(start(prefix, Oracle,
        {QStringLiteral("sandbox"), QStringLiteral("-P"), QStringLiteral(":workspace"), QStringLiteral("-C"),
            workspace.path(), QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"),
            QStringLiteral("echo real > \"$1/real-inside\"; (echo real > \"$2/real-outside\") 2>/dev/null; echo done"),
            QStringLiteral("sh"), workspace.path(), outside},
        environment, workspace.path()));
    QVERIFY(codex->waitForFinished(60000));
    RealOutcome real;
    real.ran = codex->readAllStandardOutput().contains("done");
    real.errorOutput = QString::fromUtf8(codex->readAllStandardError());
    real.insideWritten = QFileInfo::exists(workspace.filePath(QStringLiteral("real-inside")));
    real.outsideWritten = QFileInfo::exists(outside + QStringLiteral("/real-outside"));

    const QString verdict = cliEnforced.value(u"state").toString();
    qInfo("%s: codex-posture says %s (%s); the real sandbox %s", qPrintable(scenario), qPrintable(verdict),
        qPrintable(cliEnforced.value(u"reason").toString()),
        real.enforced() ? "blocked the write outside"
                        : qPrintable(QStringLiteral("did not: ") + real.errorOutput.trimmed()));
    QCOMPARE(verdict == u"enforced", real.enforced());
    QCOMPARE(real.enforced(), expectEnforced);
    if (!real.enforced())
        QVERIFY(!cliEnforced.value(u"remedies").toArray().isEmpty());
}

QTEST_GUILESS_MAIN(TestLiveEnforcement)
#include "tst_liveenforcement.moc"
