// SPDX-License-Identifier: Apache-2.0
// Bad config.toml files, given to the real binary: each gives a clear message naming the file, the documented exit
// status (0: the report was printed and says Codex would refuse), and no crash.
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

QStringList runAs(bool unprivileged)
{
    // Root reads a mode-000 file anyway; such a test drops to nobody first (setpriv is part of util-linux).
    if (unprivileged && ::geteuid() == 0)
        return {QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
            QStringLiteral("--clear-groups"), QStringLiteral("--")};
    return {};
}

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badConfig_givesMessageAndNoCrash_data();
    void badConfig_givesMessageAndNoCrash();
};

void TestBadInput::badConfig_givesMessageAndNoCrash_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::newRow("binary garbage") << "garbage" << "utf-8";
    QTest::newRow("50 MB") << "huge" << "MiB";
    QTest::newRow("deeply nested tables") << "deep-tables" << "nested more than 128 levels";
    QTest::newRow("deeply nested arrays") << "deep-arrays" << "maximum nested value depth";
    QTest::newRow("not UTF-8") << "latin1" << "utf-8";
    QTest::newRow("a directory") << "directory" << "is a directory";
    QTest::newRow("unreadable (mode 000)") << "unreadable" << "Permission denied";
    QTest::newRow("dangling symlink") << "dangling" << "which does not exist";
}

void TestBadInput::badConfig_givesMessageAndNoCrash()
{
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QTemporaryDir root;
    QVERIFY(QFile::setPermissions(root.path(),
        QFile::permissions(root.path()) | QFileDevice::ExeOther
            | QFileDevice::ReadOther)); // nobody must reach the file to be refused by its mode
    const QString codexHome = root.filePath(QStringLiteral(".codex"));
    QVERIFY(QDir().mkpath(codexHome));
    QVERIFY(QFile::setPermissions(codexHome, QFile::permissions(codexHome) | QFileDevice::ExeOther));
    const QString config = codexHome + QStringLiteral("/config.toml");
    const auto write = [&config](const QByteArray &bytes) {
        QFile file(config);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    if (kind == u"garbage") {
        QByteArray bytes;
        for (int i = 0; i < 4096; ++i)
            bytes.append(char((i * 7919 + 13) % 256)); // the same bytes every run
        QVERIFY(write(bytes));
    } else if (kind == u"huge") {
        QVERIFY(write(QByteArray(50 * 1024 * 1024, '#')));
    } else if (kind == u"deep-tables") {
        QVERIFY(write("a" + QByteArray(".a").repeated(100000) + " = 1\n"));
    } else if (kind == u"deep-arrays") {
        QVERIFY(write("a = " + QByteArray(100000, '[') + QByteArray(100000, ']') + "\n"));
    } else if (kind == u"latin1") {
        QVERIFY(write("model = \"caf\xe9\"\n"));
    } else if (kind == u"directory") {
        QVERIFY(QDir().mkdir(config));
    } else if (kind == u"unreadable") {
        QVERIFY(write("model = \"o3\"\n"));
        QVERIFY(QFile::setPermissions(config, {}));
    } else {
        QVERIFY(QFile::link(codexHome + QStringLiteral("/gone.toml"), config));
    }

    // Run as nobody, the binary must be reachable by nobody: the checkout may sit in a private directory.
    QString binary = QStringLiteral(POSTURE_APP_BINARY);
    if (kind == u"unreadable") {
        const QString copy = root.filePath(QStringLiteral("codex-posture"));
        QVERIFY(QFile::copy(binary, copy));
        QVERIFY(QFile::setPermissions(copy, QFile::permissions(copy) | QFileDevice::ExeOther | QFileDevice::ReadOther));
        binary = copy;
    }
    QStringList command = runAs(kind == u"unreadable");
    command << binary << QStringLiteral("--report") << QStringLiteral("json") << QStringLiteral("--codex-home")
            << codexHome << QStringLiteral("--home") << root.path() << QStringLiteral("--cwd") << root.path()
            << QStringLiteral("--system-root") << root.path() << QStringLiteral("--no-live-probe");
    QProcess process;
    process.setWorkingDirectory(root.path());
    process.start(command.takeFirst(), command);
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit); // no crash
    QCOMPARE(process.exitCode(), 0);
    const QJsonObject codex =
        QJsonDocument::fromJson(process.readAllStandardOutput()).object().value(u"codex").toObject();
    QCOMPARE(codex.value(u"config_load").toString(), QStringLiteral("fail"));
    const QJsonObject first = codex.value(u"messages").toArray().first().toObject();
    QCOMPARE(first.value(u"file").toString(), config);
    QVERIFY2(first.value(u"text").toString().contains(message, Qt::CaseInsensitive),
        qPrintable(first.value(u"text").toString()));
    QVERIFY(!first.value(u"hint").toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
