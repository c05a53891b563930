// SPDX-License-Identifier: Apache-2.0
// The HTML report in a real browser (Debian's chromium-headless-shell, from scripts/buildroot-packages.txt): the DOM
// it builds holds every finding title and the three verdicts, the page follows the reader's light or dark scheme
// (screenshots saved to build/test/screenshots to be looked at), and it asks the network for nothing: the browser
// runs with every host unresolvable and a dead proxy, and its network log must name no URL.
#include "core/inspection.h"
#include "core/report/reports.h"
#include "fixturehome.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Posture::Core;
using Posture::Tests::FixtureHome;

namespace {

const QString Screenshots = QStringLiteral(POSTURE_BINARY_DIR "/screenshots");

class Browser
{
public:
    QString program = QStandardPaths::findExecutable(QStringLiteral("chromium-headless-shell"));

    // Runs the browser on a page with these extra arguments; returns what it printed, empty on failure. Its
    // profile and HOME are a fresh directory: nothing of the machine's is read or written.
    QByteArray run(const QString &page, const QStringList &arguments, const QString &netLog)
    {
        QTemporaryDir profile;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), profile.path());
        process.setProcessEnvironment(environment);
        process.start(program,
            QStringList{QStringLiteral("--no-sandbox"), QStringLiteral("--user-data-dir=") + profile.path(),
                QStringLiteral("--proxy-server=127.0.0.1:9"), QStringLiteral("--host-resolver-rules=MAP * ~NOTFOUND"),
                QStringLiteral("--log-net-log=") + netLog}
                + arguments + QStringList{QUrl::fromLocalFile(page).toString()});
        if (!process.waitForFinished(90000) || process.exitCode() != 0) {
            qWarning("%s", process.readAllStandardError().constData());
            process.kill();
            return {};
        }
        return process.readAllStandardOutput();
    }
};

// The URLs the browser's network log names (a page that fetches nothing names none).
QStringList requestedUrls(const QString &netLog)
{
    QFile file(netLog);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("no network log")};
    QStringList urls;
    const QByteArray log = file.readAll();
    for (qsizetype at = log.indexOf("\"url\":\""); at >= 0; at = log.indexOf("\"url\":\"", at + 1))
        urls.append(QString::fromUtf8(log.mid(at + 7, log.indexOf('"', at + 7) - at - 7)));
    return urls;
}

QString textOf(QString html)
{
    return html.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

} // namespace

class TestHtmlReportBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void networkLog_seesAPageThatFetches();
    void report_rendersEveryFindingAndVerdict_data();
    void report_rendersEveryFindingAndVerdict();

private:
    Browser m_browser;
    QTemporaryDir m_dir;
};

void TestHtmlReportBrowser::initTestCase()
{
    QVERIFY2(!m_browser.program.isEmpty(),
        "chromium-headless-shell not found: it is in scripts/buildroot-packages.txt (run scripts/test)");
    QVERIFY(QDir().mkpath(Screenshots));
}

// The check below can fail: a page with an image on the network shows up in the log (and nothing leaves the
// machine: no host resolves).
void TestHtmlReportBrowser::networkLog_seesAPageThatFetches()
{
    const QString page = m_dir.filePath(QStringLiteral("fetches.html"));
    QFile file(page);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("<!DOCTYPE html><html><body><img src=\"http://192.0.2.1/x.png\" alt=\"\"><p>x</p></body></html>");
    file.close();
    const QString netLog = m_dir.filePath(QStringLiteral("fetches.json"));
    QVERIFY(!m_browser.run(page, {QStringLiteral("--dump-dom")}, netLog).isEmpty());
    QVERIFY2(requestedUrls(netLog).contains(QStringLiteral("http://192.0.2.1/x.png")),
        qPrintable(requestedUrls(netLog).join(u' ')));
}

void TestHtmlReportBrowser::report_rendersEveryFindingAndVerdict_data()
{
    QTest::addColumn<QString>("home");
    QTest::newRow("yolo") << QStringLiteral("yolo");
    QTest::newRow("safe") << QStringLiteral("safe-legacy");
}

void TestHtmlReportBrowser::report_rendersEveryFindingAndVerdict()
{
    QFETCH(QString, home);
    const FixtureHome fixture(FixtureHome::caseDirectory(home));
    const Inspection inspection = Inspection::run(fixture.options(false), QProcessEnvironment());
    const QString page = m_dir.filePath(home + QStringLiteral(".html"));
    QFile file(page);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(renderReport(*reportFormat(QStringLiteral("html")), inspection,
        ReportRequest{QDateTime::currentDateTimeUtc(), false, false}));
    file.close();

    // The DOM the browser built from the page: every finding title and the three verdicts.
    const QString netLog = m_dir.filePath(home + QStringLiteral(".json"));
    const QString dom = textOf(QString::fromUtf8(m_browser.run(page, {QStringLiteral("--dump-dom")}, netLog)));
    QVERIFY2(dom.contains(QStringLiteral("<section id=\"findings\">")), qPrintable(dom.left(400)));
    for (const Finding &finding : inspection.findings)
        QVERIFY2(dom.contains(finding.title), qPrintable(finding.title));
    for (const Surface surface : {Surface::Cli, Surface::Ide, Surface::Cloud})
        QVERIFY2(dom.contains(QStringLiteral("<div class=\"surface\">%1</div>").arg(surfaceLabel(surface)))
                && dom.contains(QStringLiteral("</span> %1</span>").arg(inspection.verdict(surface).word())),
            qPrintable(surfaceLabel(surface)));
    QVERIFY2(requestedUrls(netLog).isEmpty(), qPrintable(requestedUrls(netLog).join(u' ')));

    // Light and dark, as the reader's system asks (prefers-color-scheme): the page's own background follows.
    for (const bool dark : {false, true}) {
        const QString png = Screenshots
            + QStringLiteral("/report-html-%1-%2.png")
                  .arg(home, dark ? QStringLiteral("dark") : QStringLiteral("light"));
        QFile::remove(png);
        m_browser.run(page,
            {QStringLiteral("--window-size=1100,1400"), QStringLiteral("--screenshot=") + png,
                QStringLiteral("--blink-settings=preferredColorScheme=%1").arg(dark ? 0 : 1)},
            m_dir.filePath(QStringLiteral("shot.json")));
        const QImage image(png);
        QVERIFY2(!image.isNull(), qPrintable(png));
        const int lightness = image.pixelColor(4, image.height() - 4).lightness();
        QVERIFY2(dark ? lightness < 60 : lightness > 200, qPrintable(QString::number(lightness)));
        QVERIFY2(requestedUrls(m_dir.filePath(QStringLiteral("shot.json"))).isEmpty(), qPrintable(png));
    }
}

QTEST_GUILESS_MAIN(TestHtmlReportBrowser)
#include "tst_htmlreportbrowser.moc"
