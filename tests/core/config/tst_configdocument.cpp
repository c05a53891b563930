// SPDX-License-Identifier: Apache-2.0
#include "core/config/configdocument.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using Posture::Core::ConfigDocument;
using Status = ConfigDocument::Status;

class TestConfigDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void load_validFile_keepsBytesAndCounts();
    void load_missingFile_isMissingWithoutProblem();
    void fromBytes_syntaxError_reportsLineAndColumn_data();
    void fromBytes_syntaxError_reportsLineAndColumn();
    void fromBytes_crlfAndBom_parse();
    void fromBytes_bomInsideKeysAndStrings_isKept();
    void load_directory_isUnreadable();
    void load_danglingSymlink_namesTarget();
    void load_fifo_isNotOpened();
};

void TestConfigDocument::load_validFile_keepsBytesAndCounts()
{
    const QString path = QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/valid/.codex/config.toml");
    const ConfigDocument document = ConfigDocument::load(path);
    QCOMPARE(document.status(), Status::Parsed);
    QVERIFY(!document.problem());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(document.bytes(), file.readAll());
    // model, approval_policy, sandbox_mode, network_access, writable_roots, command, args, LOG_LEVEL
    QCOMPARE(document.valueCount(), 8);
    // sandbox_workspace_write, mcp_servers, mcp_servers.docs, the inline env table
    QCOMPARE(document.tableCount(), 4);
}

void TestConfigDocument::load_missingFile_isMissingWithoutProblem()
{
    QTemporaryDir dir;
    const ConfigDocument document = ConfigDocument::load(dir.filePath(QStringLiteral("config.toml")));
    QCOMPARE(document.status(), Status::Missing);
    QVERIFY(!document.problem());
    QCOMPARE(document.valueCount(), 0);
    QCOMPARE(document.tableCount(), 0);
}

void TestConfigDocument::fromBytes_syntaxError_reportsLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    QTest::newRow("unterminated string") << QByteArray("a = 1\nb = \"open\n") << 2 << 10;
    QTest::newRow("missing value") << QByteArray("# c\n\nkey =\n") << 3 << 6;
    QTest::newRow("duplicate key") << QByteArray("x = 1\nx = 2\n") << 2 << 5; // toml++ points at the value
    QTest::newRow("bad header") << QByteArray("[table\nk = 1\n") << 1 << 7;
    QTest::newRow("not UTF-8") << QByteArray("k = \"\xff\"\n") << 1 << 5; // at the string it is in
    // What toml++'s TOML 1.1 mode takes and Codex refuses, found from toml++'s positions in the bytes.
    QTest::newRow("hexadecimal float") << QByteArray("a = 0x1p1\n") << 1 << 5;
    QTest::newRow("hexadecimal float after a BOM") << QByteArray("\xEF\xBB\xBF"
                                                                 "a = -0x1.8p1\n")
                                                   << 1 << 5;
    QTest::newRow("unquoted non-ASCII key") << QByteArray("x = \"\xC3\xA9\"\n\xCE\xBC = 1\n") << 2 << 1;
}

void TestConfigDocument::fromBytes_syntaxError_reportsLineAndColumn()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    QFETCH(int, column);

    const ConfigDocument document = ConfigDocument::fromBytes(bytes, QStringLiteral("/x/config.toml"));
    QCOMPARE(document.status(), Status::ParseError);
    QVERIFY(document.problem());
    QCOMPARE(document.problem()->location.file, QStringLiteral("/x/config.toml"));
    QCOMPARE(document.problem()->location.line, line);
    QCOMPARE(document.problem()->location.column, column);
    QVERIFY(!document.problem()->text.isEmpty());
    QVERIFY(!document.problem()->hint.isEmpty());
    QCOMPARE(document.bytes(), bytes);
}

void TestConfigDocument::fromBytes_crlfAndBom_parse()
{
    const QByteArray bytes("\xEF\xBB\xBF# comment\r\nmodel = \"o3\"\r\n[tools]\r\nweb_search = true\r\n");
    const ConfigDocument document = ConfigDocument::fromBytes(bytes, QStringLiteral("config.toml"));
    QCOMPARE(document.status(), Status::Parsed);
    QCOMPARE(document.valueCount(), 2);
    QCOMPARE(document.bytes(), bytes);
}

// A byte order mark that starts a quoted key or a string is a character of it (Qt's decoder would drop it): the key is
// another key than the one without it, as it is to Codex. Found by the span editor's fuzz smoke.
void TestConfigDocument::fromBytes_bomInsideKeysAndStrings_isKept()
{
    const QByteArray bytes("name.f = 1\n\"\xEF\xBB\xBFname\".last = \"\xEF\xBB\xBF"
                           "Dent\"\n");
    const ConfigDocument document = ConfigDocument::fromBytes(bytes, QStringLiteral("config.toml"));
    QCOMPARE(document.status(), Status::Parsed);
    const QString bom(QChar(0xFEFF));
    QCOMPARE(document.value({QStringLiteral("name"), QStringLiteral("f")}), QVariant(qint64(1)));
    QVERIFY(!document.value({QStringLiteral("name"), QStringLiteral("last")}).isValid());
    QCOMPARE(document.value({bom + QStringLiteral("name"), QStringLiteral("last")}).toString(),
        bom + QStringLiteral("Dent"));
}

void TestConfigDocument::load_directory_isUnreadable()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("config.toml")));
    const ConfigDocument document = ConfigDocument::load(dir.filePath(QStringLiteral("config.toml")));
    QCOMPARE(document.status(), Status::Unreadable);
    QVERIFY(document.problem()->text.contains(QStringLiteral("directory")));
    QCOMPARE(document.problem()->location.file, dir.filePath(QStringLiteral("config.toml")));
}

void TestConfigDocument::load_danglingSymlink_namesTarget()
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("config.toml"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("gone.toml")), link));
    const ConfigDocument document = ConfigDocument::load(link);
    QCOMPARE(document.status(), Status::Unreadable);
    QVERIFY2(document.problem()->text.contains(QStringLiteral("gone.toml")), qPrintable(document.problem()->text));
}

void TestConfigDocument::load_fifo_isNotOpened()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.toml"));
    QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
    // Opening a FIFO with no writer would block forever: the test would time out instead of failing.
    const ConfigDocument document = ConfigDocument::load(path);
    QCOMPARE(document.status(), Status::Unreadable);
    QVERIFY(document.problem()->text.contains(QStringLiteral("not a regular file")));
}

QTEST_GUILESS_MAIN(TestConfigDocument)
#include "tst_configdocument.moc"
