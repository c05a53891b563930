// SPDX-License-Identifier: Apache-2.0
// Starts the real codex-posture binary as a user or a script would.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runApp(const QStringList &arguments, bool withDisplay)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "CODEX_HOME"})
        environment.remove(QString::fromLatin1(name));
    if (withDisplay)
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Nothing of this machine's own is read: an empty HOME (editor settings, extensions) and system root (/etc/codex).
    static QTemporaryDir machine;
    QDir().mkpath(machine.filePath(QStringLiteral("home")));
    QDir().mkpath(machine.filePath(QStringLiteral("system")));
    environment.insert(QStringLiteral("HOME"), machine.filePath(QStringLiteral("home")));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(POSTURE_APP_BINARY),
        QStringList{QStringLiteral("--system-root"), machine.filePath(QStringLiteral("system"))} + arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromLocal8Bit(process.readAllStandardOutput()),
        QString::fromLocal8Bit(process.readAllStandardError())};
}

// A home whose .codex/config.toml holds these bytes.
bool writeConfig(const QTemporaryDir &home, const QByteArray &config)
{
    QFile file(home.filePath(QStringLiteral(".codex/config.toml")));
    return QDir().mkpath(home.filePath(QStringLiteral(".codex"))) && file.open(QIODevice::WriteOnly)
        && file.write(config) == config.size();
}

} // namespace

class TestAppSmoke : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version_printsProjectVersion();
    void help_namesTheProgramAndOptions();
    void noDisplay_printsTextReportAndSaysSo();
    void reportText_onBrokenConfig_givesLineAndExitsZero();
    void reportJson_isOneVersionedDocument();
    void badUsage_exitsTwo_data();
    void badUsage_exitsTwo();
    void window_offscreen_savesScreenshot();
    void output_writesTheReportToAFileOnlyYouRead();
    void pdf_isWrittenWithoutADisplay();
    void failOn_setsTheExitStatus_data();
    void failOn_setsTheExitStatus();
    void fleetFormats_printAndFailOn_data();
    void fleetFormats_printAndFailOn();
    void codexVersion_judgesByThatReleaseInEveryReport();
    void codexChanges_listsWhatChangedAsTextAndJson();
    void copiedMachine_inspectsItsOwnHome();
};

void TestAppSmoke::codexVersion_judgesByThatReleaseInEveryReport()
{
    // [features] multi_agent: silent up to 0.167.2, a deprecation warning from 0.168.0 (the real CLIs say so).
    QTemporaryDir home;
    QVERIFY(writeConfig(home, "[features]\nmulti_agent = true\n"));
    const auto json = [&home](const QString &version) {
        const Run run =
            runApp({QStringLiteral("--home"), home.path(), QStringLiteral("--no-live-probe"),
                       QStringLiteral("--report"), QStringLiteral("json"), QStringLiteral("--codex-version"), version},
                false);
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    };
    const QJsonObject older = json(QStringLiteral("0.167.2"));
    const QJsonObject newer = json(QStringLiteral("0.171.0"));
    QCOMPARE(older.value(u"codex").toObject().value(u"config_load").toString(), QStringLiteral("ok"));
    QCOMPARE(newer.value(u"codex").toObject().value(u"config_load").toString(), QStringLiteral("warning"));
    const QJsonObject rules = older.value(u"codex").toObject().value(u"rules").toObject();
    QCOMPARE(rules.value(u"cli").toObject().value(u"release").toString(), QStringLiteral("0.167.2"));
    QCOMPARE(rules.value(u"ide").toObject().value(u"fit").toString(), QStringLiteral("asked"));
    const Run text =
        runApp({QStringLiteral("--home"), home.path(), QStringLiteral("--no-live-probe"), QStringLiteral("--report"),
                   QStringLiteral("text"), QStringLiteral("--codex-version"), QStringLiteral("0.167.2")},
            false);
    QVERIFY2(text.out.contains(QStringLiteral("CLI and IDE 0.167.2 (asked for with --codex-version)")),
        qPrintable(text.out));
}

void TestAppSmoke::codexChanges_listsWhatChangedAsTextAndJson()
{
    const Run text =
        runApp({QStringLiteral("--codex-changes"), QStringLiteral("0.160.1"), QStringLiteral("0.171.0")}, false);
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains(QStringLiteral("newly warned  features.multi_agent")), qPrintable(text.out));
    QVERIFY2(text.out.contains(QStringLiteral("(since 0.168.0)")), qPrintable(text.out));
    const Run json = runApp({QStringLiteral("--codex-changes"), QStringLiteral("0.160.1"), QStringLiteral("0.171.0"),
                                QStringLiteral("--report"), QStringLiteral("json")},
        false);
    QCOMPARE(json.exitCode, 0);
    const QJsonObject changes = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(changes.value(u"from").toString(), QStringLiteral("0.160.1"));
    QVERIFY(!changes.value(u"changes").toArray().isEmpty());
    // Two releases with the same rules: nothing changed.
    const Run same =
        runApp({QStringLiteral("--codex-changes"), QStringLiteral("0.168.0"), QStringLiteral("0.169.0")}, false);
    QVERIFY2(same.out.contains(QStringLiteral("No recorded question is answered differently")), qPrintable(same.out));
}

void TestAppSmoke::version_printsProjectVersion()
{
    const Run run = runApp({QStringLiteral("--version")}, false);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, QStringLiteral("codex-posture " POSTURE_EXPECTED_VERSION "\n"));
}

void TestAppSmoke::help_namesTheProgramAndOptions()
{
    const Run run = runApp({QStringLiteral("--help")}, false);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QStringLiteral("Usage: codex-posture [options]")), qPrintable(run.out));
    for (const char *option : {"--codex-home <DIR>", "--home <DIR>", "--cwd <DIR>", "--profile <NAME>",
             "--system-root <DIR>", "--cloud <FILE>", "--report <FORMAT>", "--baseline <FILE>", "--accept <FILE>",
             "--fail-on <SEVERITY>", "--no-live-probe", "--screenshot <FILE>", "--dark"})
        QVERIFY2(run.out.contains(QLatin1StringView(option)), option);
}

void TestAppSmoke::noDisplay_printsTextReportAndSaysSo()
{
    QTemporaryDir home;
    const Run run = runApp({QStringLiteral("--home"), home.path()}, false);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.contains(QStringLiteral("no display found; printing the text report")), qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("Codex configuration report")), qPrintable(run.out));
    QVERIFY(run.out.contains(home.path() + QStringLiteral("/.codex (from --home)")));
    QVERIFY(run.out.contains(QStringLiteral("No config.toml: Codex starts with its built-in defaults")));
}

void TestAppSmoke::reportText_onBrokenConfig_givesLineAndExitsZero()
{
    const Run run = runApp({QStringLiteral("--report"), QStringLiteral("text"), QStringLiteral("--codex-home"),
                               QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/syntax-error/.codex")},
        true);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("/syntax-error/.codex/config.toml:9:")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("Codex REFUSES TO START")));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err)); // asked for explicitly: no note on stderr
}

void TestAppSmoke::reportJson_isOneVersionedDocument()
{
    QTemporaryDir home;
    const Run run = runApp({QStringLiteral("--report"), QStringLiteral("json"), QStringLiteral("--home"), home.path(),
                               QStringLiteral("--cwd"), home.path(), QStringLiteral("--no-live-probe")},
        false);
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonObject document = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.value(u"schema").toString(), QStringLiteral("codex-posture.report/1"));
    QCOMPARE(document.value(u"tool").toObject().value(u"version").toString(), QStringLiteral(POSTURE_EXPECTED_VERSION));
    QCOMPARE(document.value(u"codex").toObject().value(u"config_load").toString(), QStringLiteral("ok"));
    const QJsonObject cli = document.value(u"surfaces").toObject().value(u"cli").toObject();
    QCOMPARE(cli.value(u"sandbox_mode").toString(), QStringLiteral("read-only")); // an empty, untrusted directory
    QCOMPARE(cli.value(u"approval_policy").toString(), QStringLiteral("on-request"));
}

void TestAppSmoke::badUsage_exitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")}
                                    << QStringLiteral("Unknown option 'frobnicate'");
    QTest::newRow("unknown format") << QStringList{QStringLiteral("--report"), QStringLiteral("yaml")}
                                    << QStringLiteral("unknown report format 'yaml'");
    QTest::newRow("missing value") << QStringList{QStringLiteral("--codex-home")}
                                   << QStringLiteral("Missing value after '--codex-home'");
    QTest::newRow("missing directory") << QStringList{QStringLiteral("--home"), QStringLiteral("/nonexistent/ada")}
                                       << QStringLiteral("--home /nonexistent/ada: no such directory");
    QTest::newRow("missing cwd") << QStringList{QStringLiteral("--cwd"), QStringLiteral("/nonexistent")}
                                 << QStringLiteral("--cwd /nonexistent: no such directory");
    QTest::newRow("missing cloud file") << QStringList{QStringLiteral("--cloud"), QStringLiteral("/nonexistent.toml")}
                                        << QStringLiteral("--cloud /nonexistent.toml: no such file");
    QTest::newRow("unknown severity") << QStringList{QStringLiteral("--fail-on"), QStringLiteral("dire")}
                                      << QStringLiteral("--fail-on dire: not a severity");
    QTest::newRow("missing baseline") << QStringList{QStringLiteral("--baseline"), QStringLiteral("/nonexistent.toml")}
                                      << QStringLiteral("--baseline /nonexistent.toml: no such file");
    QTest::newRow("missing accept file") << QStringList{QStringLiteral("--accept"), QStringLiteral("/nonexistent.toml")}
                                         << QStringLiteral("--accept /nonexistent.toml: no such file");
    QTest::newRow("codex version not recorded") << QStringList{QStringLiteral("--codex-version"),
        QStringLiteral("0.170.0")} << QStringLiteral("--codex-version 0.170.0: not a recorded Codex release");
    QTest::newRow("codex changes, one release") << QStringList{QStringLiteral("--codex-changes"),
        QStringLiteral("0.171.0")} << QStringLiteral("--codex-changes needs two Codex releases");
    QTest::newRow("codex changes as sarif") << QStringList{QStringLiteral("--codex-changes"), QStringLiteral("0.160.1"),
        QStringLiteral("0.171.0"), QStringLiteral("--report"), QStringLiteral("sarif")}
                                            << QStringLiteral("--codex-changes prints text or json");
    QTest::newRow("stray argument") << QStringList{QStringLiteral("config.toml")}
                                    << QStringLiteral("unexpected argument 'config.toml'");
    QTest::newRow("output without a report") << QStringList{QStringLiteral("--output"), QStringLiteral("/tmp/x")}
                                             << QStringLiteral("--output and --redact go with --report");
    QTest::newRow("redact without a report")
        << QStringList{QStringLiteral("--redact")} << QStringLiteral("--output and --redact go with --report");
    QTest::newRow("pdf to a terminal") << QStringList{QStringLiteral("--report"), QStringLiteral("pdf")}
                                       << QStringLiteral("--report pdf needs --output FILE");
    QTest::newRow("dark without a screenshot")
        << QStringList{QStringLiteral("--dark")} << QStringLiteral("--dark goes with --screenshot");
}

void TestAppSmoke::badUsage_exitsTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run run = runApp(arguments, false);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestAppSmoke::window_offscreen_savesScreenshot()
{
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("window.png"));
    const Run run =
        runApp({QStringLiteral("--codex-home"), QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/syntax-error/.codex"),
                   QStringLiteral("--screenshot"), png},
            true);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QFile file(png);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(8) == QByteArray("\x89PNG\r\n\x1a\n"));
    QVERIFY(file.size() > 10000); // a real window, not an empty image
    // --dark: the same window with the dark palette; the light one is the default.
    const QString darkPng = dir.filePath(QStringLiteral("dark.png"));
    const Run dark =
        runApp({QStringLiteral("--codex-home"), QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/syntax-error/.codex"),
                   QStringLiteral("--screenshot"), darkPng, QStringLiteral("--dark")},
            true);
    QVERIFY2(dark.exitCode == 0, qPrintable(dark.err));
    const QImage light(png);
    const QImage darkImage(darkPng);
    QCOMPARE(darkImage.size(), light.size());
    // The window's background, sampled below the menu bar at the left edge.
    QVERIFY(light.pixelColor(2, light.height() - 3).lightness() > 160);
    QVERIFY(darkImage.pixelColor(2, darkImage.height() - 3).lightness() < 96);
    // Without a display the screenshot is drawn offscreen, not replaced by the text report.
    const QString headless = dir.filePath(QStringLiteral("headless.png"));
    const Run noDisplay =
        runApp({QStringLiteral("--codex-home"), QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/syntax-error/.codex"),
                   QStringLiteral("--screenshot"), headless},
            false);
    QVERIFY2(noDisplay.exitCode == 0 && noDisplay.out.isEmpty(), qPrintable(noDisplay.out + noDisplay.err));
    QCOMPARE(QImage(headless).size(), light.size());
}

void TestAppSmoke::output_writesTheReportToAFileOnlyYouRead()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("report.json"));
    const Run run = runApp({QStringLiteral("--codex-home"), QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/valid/.codex"),
                               QStringLiteral("--report"), QStringLiteral("json"), QStringLiteral("--output"), file},
        false);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.readAll().startsWith("{"));
    QCOMPARE(written.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    // A file that cannot be written: exit 2 and why.
    const Run refused = runApp({QStringLiteral("--report"), QStringLiteral("text"), QStringLiteral("--output"),
                                   dir.filePath(QStringLiteral("no/such/dir/report.txt"))},
        false);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(QStringLiteral("could not write the report")), qPrintable(refused.err));
}

// The PDF report is made by the window module on the offscreen platform: no display, nothing on standard output, a
// PDF readable by its owner only; --fail-on still decides the exit status.
void TestAppSmoke::pdf_isWrittenWithoutADisplay()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("report.pdf"));
    const Run run = runApp({QStringLiteral("--codex-home"), QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/valid/.codex"),
                               QStringLiteral("--report"), QStringLiteral("pdf"), QStringLiteral("--output"), file,
                               QStringLiteral("--fail-on"), QStringLiteral("critical")},
        false);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray pdf = written.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    QCOMPARE(written.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
}

void TestAppSmoke::failOn_setsTheExitStatus_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QString>("threshold");
    QTest::addColumn<int>("exitCode");
    const QByteArray never = "approval_policy = \"never\"\n"; // a medium finding
    const QByteArray accepted = "[[accept]]\nid = \"approval-never:approval_policy\"\nreason = \"CI\"\nowner = \"ci\"\n"
                                "expires = 2099-01-01\n";
    QTest::newRow("medium finding, fail on medium") << never << QByteArray() << QStringLiteral("medium") << 1;
    QTest::newRow("medium finding, fail on high") << never << QByteArray() << QStringLiteral("high") << 0;
    QTest::newRow("accepted finding") << never << accepted << QStringLiteral("medium") << 0;
    QTest::newRow("unusable accept file")
        << never << QByteArray("[[accept]]\nid = \"x\"\n") << QStringLiteral("medium") << 2;
}

void TestAppSmoke::failOn_setsTheExitStatus()
{
    QFETCH(QByteArray, config);
    QFETCH(QByteArray, accept);
    QFETCH(QString, threshold);
    QFETCH(int, exitCode);
    QTemporaryDir home;
    QVERIFY(writeConfig(home, config));
    QStringList arguments{QStringLiteral("--report"), QStringLiteral("text"), QStringLiteral("--home"), home.path(),
        QStringLiteral("--cwd"), home.path(), QStringLiteral("--no-live-probe"), QStringLiteral("--fail-on"),
        threshold};
    if (!accept.isEmpty()) {
        QFile acceptFile(home.filePath(QStringLiteral("accept.toml")));
        QVERIFY(acceptFile.open(QIODevice::WriteOnly) && acceptFile.write(accept) == accept.size());
        arguments << QStringLiteral("--accept") << acceptFile.fileName();
    }
    const Run run = runApp(arguments, false);
    QCOMPARE(run.exitCode, exitCode);
    if (exitCode == 2) {
        QVERIFY2(run.err.contains(QStringLiteral("lacks reason")), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        return;
    }
    QVERIFY(run.out.contains(QStringLiteral("Codex never asks for approval")));
    QVERIFY(!run.out.contains(QStringLiteral("\x1b["))); // no colour into a pipe
}

void TestAppSmoke::fleetFormats_printAndFailOn_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("threshold");
    QTest::addColumn<int>("exitCode");
    for (const char *format : {"markdown", "mdm", "ndjson"}) {
        QTest::addRow("%s, no --fail-on", format) << QString::fromLatin1(format) << QString() << 0;
        QTest::addRow("%s, fail on medium", format) << QString::fromLatin1(format) << QStringLiteral("medium") << 1;
        QTest::addRow("%s, fail on high", format) << QString::fromLatin1(format) << QStringLiteral("high") << 0;
    }
}

void TestAppSmoke::fleetFormats_printAndFailOn()
{
    QFETCH(QString, format);
    QFETCH(QString, threshold);
    QFETCH(int, exitCode);
    QTemporaryDir home;
    QVERIFY(writeConfig(home, "approval_policy = \"never\"\n")); // one medium finding
    QStringList arguments{QStringLiteral("--report"), format, QStringLiteral("--home"), home.path(),
        QStringLiteral("--cwd"), home.path(), QStringLiteral("--no-live-probe")};
    if (!threshold.isEmpty())
        arguments << QStringLiteral("--fail-on") << threshold;
    const Run run = runApp(arguments, false);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    if (format == u"markdown") {
        QVERIFY2(run.out.startsWith(QStringLiteral("# Codex posture: attention\n")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("### MEDIUM: Codex never asks for approval")));
    } else if (format == u"mdm") {
        QCOMPARE(run.out, QStringLiteral("<result>attention: 1 medium (CLI, IDE extension)</result>\n"));
    } else {
        const QStringList lines = run.out.trimmed().split(u'\n');
        QVERIFY(lines.size() >= 2);
        const QJsonObject summary = QJsonDocument::fromJson(lines.constLast().toUtf8()).object();
        QCOMPARE(summary.value(u"event").toString(), QStringLiteral("summary"));
        QCOMPARE(summary.value(u"verdict").toString(), QStringLiteral("attention"));
        QCOMPARE(summary.value(u"tool_version").toString(), QStringLiteral(POSTURE_EXPECTED_VERSION));
    }
}

// --system-root DIR alone: the copy's one home is inspected and named, several are listed for --home (exit 2), none
// is said; the live machine's home (HOME, with a config of its own here) is never read into the sample.
void TestAppSmoke::copiedMachine_inspectsItsOwnHome()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy"));
    QVERIFY(QDir().mkpath(copy + QStringLiteral("/etc")));
    const auto write = [](const QString &path, const QByteArray &bytes) {
        QFile file(path);
        return QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly)
            && file.write(bytes) == bytes.size();
    };
    const QStringList report{QStringLiteral("--system-root"), copy, QStringLiteral("--report"), QStringLiteral("json"),
        QStringLiteral("--no-live-probe")};

    const Run none = runApp(report, false);
    QCOMPARE(none.exitCode, 0);
    QVERIFY2(none.err.contains(QStringLiteral("has no home with a .codex folder")), qPrintable(none.err));
    const QJsonObject noneJson = QJsonDocument::fromJson(none.out.toUtf8()).object();
    QVERIFY2(noneJson.value(u"inputs").toObject().value(u"codex_home").toString().startsWith(copy),
        qPrintable(none.out.left(400)));

    QVERIFY(write(copy + QStringLiteral("/home/alice/.codex/config.toml"), "approval_policy = \"never\"\n"));
    const Run one = runApp(report, false);
    QCOMPARE(one.exitCode, 0);
    QVERIFY2(one.err.contains(QStringLiteral("inspecting %1/home/alice").arg(copy)), qPrintable(one.err));
    const QJsonObject scope = QJsonDocument::fromJson(one.out.toUtf8()).object().value(u"inputs").toObject();
    QCOMPARE(scope.value(u"codex_home").toString(), copy + QStringLiteral("/home/alice/.codex"));
    QVERIFY(one.out.contains(QStringLiteral("approval-never:approval_policy")));

    QVERIFY(write(copy + QStringLiteral("/Users/bob/.codex/config.toml"), "model = \"o3\"\n"));
    const Run two = runApp(report, false);
    QCOMPARE(two.exitCode, 2);
    QVERIFY2(two.err.contains(copy + QStringLiteral("/home/alice"))
            && two.err.contains(copy + QStringLiteral("/Users/bob")) && two.err.contains(QStringLiteral("--home")),
        qPrintable(two.err));
    QVERIFY(two.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestAppSmoke)
#include "tst_appsmoke.moc"
