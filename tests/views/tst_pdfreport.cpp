// SPDX-License-Identifier: Apache-2.0
// The PDF report: a real PDF of a sensible number of pages in the locale's paper size, whose text (read back with
// poppler's pdftotext, as a reviewer's tools would) holds every finding title and the three verdicts, nothing secret.
#include "core/inspection.h"
#include "core/report/reports.h"
#include "fixturehome.h"
#include "pdfreport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture;
using Posture::Tests::FixtureHome;

namespace {

// What a poppler tool printed for these arguments; empty when it failed.
QString poppler(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Whitespace as one space (a title the layout wrapped is still found), ligatures as their letters ("ﬁ": fi).
QString simplified(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC)
        .replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
}

} // namespace

class TestPdfReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void report_holdsEveryFindingOnPagesOfTheChosenSize_data();
    void report_holdsEveryFindingOnPagesOfTheChosenSize();
    void unwritablePath_saysWhy();
};

void TestPdfReport::initTestCase()
{
    // poppler-utils is in scripts/buildroot-packages.txt: the build root and native hosts have it.
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
        "pdftotext not found: install poppler-utils (scripts/buildroot-packages.txt)");
}

void TestPdfReport::report_holdsEveryFindingOnPagesOfTheChosenSize_data()
{
    QTest::addColumn<QString>("home");
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("sizeName");
    QTest::addColumn<int>("minPages");
    QTest::addColumn<int>("maxPages");
    QTest::newRow("yolo A4") << QStringLiteral("yolo") << int(QPageSize::A4) << QStringLiteral("A4") << 3 << 12;
    QTest::newRow("yolo Letter") << QStringLiteral("yolo") << int(QPageSize::Letter) << QStringLiteral("letter") << 3
                                 << 12;
    QTest::newRow("safe A4") << QStringLiteral("safe-legacy") << int(QPageSize::A4) << QStringLiteral("A4") << 1 << 6;
}

void TestPdfReport::report_holdsEveryFindingOnPagesOfTheChosenSize()
{
    QFETCH(QString, home);
    QFETCH(int, size);
    QFETCH(QString, sizeName);
    QFETCH(int, minPages);
    QFETCH(int, maxPages);
    const FixtureHome fixture(FixtureHome::caseDirectory(home));
    const Core::Inspection inspection = Core::Inspection::run(fixture.options(false), QProcessEnvironment());
    const Core::ReportFormat *format = Core::reportFormat(QStringLiteral("pdf"));
    QVERIFY(format && format->pdf);
    const QByteArray page =
        Core::renderReport(*format, inspection, Core::ReportRequest{QDateTime::currentDateTimeUtc(), false, false});
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    QCOMPARE(Views::writePdfReport(page, pdf, QPageSize::PageSizeId(size)), QString());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());

    const QString info = poppler(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    QVERIFY2(pages.hasMatch(), qPrintable(info));
    const int count = pages.captured(1).toInt();
    QVERIFY2(count >= minPages && count <= maxPages, qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("(%1)").arg(sizeName)), qPrintable(info));

    const QString text = simplified(poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}));
    QVERIFY2(text.contains(QStringLiteral("Codex posture: ")), qPrintable(text.left(400)));
    for (const Core::Finding &finding : inspection.findings)
        QVERIFY2(text.contains(simplified(finding.title)), qPrintable(finding.title + u'\n' + text));
    for (const Core::Surface surface : {Core::Surface::Cli, Core::Surface::Ide, Core::Surface::Cloud})
        QVERIFY2(text.contains(Core::surfaceLabel(surface) + u' ') && text.contains(inspection.verdict(surface).word()),
            qPrintable(Core::surfaceLabel(surface)));
    QVERIFY(!text.contains(QStringLiteral("PLANTED")));

    // The first page, to be looked at (build/test/screenshots).
    const QString shots = QStringLiteral(POSTURE_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(shots));
    const QString name = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-');
    QProcess::execute(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("80"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
            QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), pdf,
            shots + QStringLiteral("/report-pdf-") + name});
    QVERIFY(QFile::exists(shots + QStringLiteral("/report-pdf-") + name + QStringLiteral(".png")));
}

void TestPdfReport::unwritablePath_saysWhy()
{
    const QString error = Views::writePdfReport("<p>x</p>", QStringLiteral("/nonexistent/dir/report.pdf"));
    QVERIFY2(
        error.startsWith(QStringLiteral("could not write the report /nonexistent/dir/report.pdf")), qPrintable(error));
}

QTEST_MAIN(TestPdfReport)
#include "tst_pdfreport.moc"
