// SPDX-License-Identifier: Apache-2.0
#include "core/inspection.h"
#include "core/textreport.h"
#include "core/version.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;

namespace {

const QDateTime Noon(QDate(2026, 11, 27), QTime(12, 0), QTimeZone::UTC);

QString reportFor(const QString &codexHome)
{
    return renderTextReport(Inspection::run(InspectOptions{.codexHome = codexHome}, QProcessEnvironment()), Noon);
}

} // namespace

class TestTextReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void header_namesToolVersionAndTime();
    void missingConfig_saysDefaults();
    void parseError_givesLineColumnAndHint();
    void parsedConfig_givesCounts();
    void report_printsNoValueFromTheConfig();
};

void TestTextReport::header_namesToolVersionAndTime()
{
    QTemporaryDir dir;
    const QString report = reportFor(dir.path());
    QVERIFY(report.startsWith(QStringLiteral("codex-posture %1:").arg(toolVersion())));
    QVERIFY(report.contains(QStringLiteral("generated 2026-11-27T12:00:00Z")));
    QVERIFY(report.contains(dir.path() + QStringLiteral(" (from --codex-home)")));
}

void TestTextReport::missingConfig_saysDefaults()
{
    QTemporaryDir dir;
    const QString report = reportFor(dir.path());
    QVERIFY2(report.contains(QStringLiteral("status       not found: Codex starts with its built-in defaults")),
        qPrintable(report));
}

void TestTextReport::parseError_givesLineColumnAndHint()
{
    const QString report = reportFor(QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/syntax-error/.codex"));
    QVERIFY2(report.contains(QStringLiteral("status       error: line 9, column ")), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("Codex refuses to start")), qPrintable(report));
}

void TestTextReport::parsedConfig_givesCounts()
{
    const QString report = reportFor(QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/valid/.codex"));
    QVERIFY2(report.contains(QStringLiteral("status       parsed: 8 values in 4 tables")), qPrintable(report));
}

void TestTextReport::report_printsNoValueFromTheConfig()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("config.toml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("experimental_bearer_token = \"sk-planted-secret-0123456789\"\n");
    file.close();
    QVERIFY(!reportFor(dir.path()).contains(QStringLiteral("sk-planted")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("experimental_bearer_token = \"sk-planted-secret-0123456789\n"); // broken: the error names the line
    file.close();
    const QString broken = reportFor(dir.path());
    QVERIFY(broken.contains(QStringLiteral("error: line 1")));
    QVERIFY2(!broken.contains(QStringLiteral("sk-planted")), qPrintable(broken));
}

QTEST_GUILESS_MAIN(TestTextReport)
#include "tst_textreport.moc"
