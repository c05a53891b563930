// SPDX-License-Identifier: Apache-2.0
#include "core/common/version.h"
#include "core/inspection.h"
#include "core/report/text/textreport.h"
#include "fixturehome.h"
#include "isolatedmachine.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;
using Posture::Tests::FixtureHome;

namespace {

const QDateTime Noon(QDate(2026, 11, 27), QTime(12, 0), QTimeZone::UTC);

QString reportFor(const QString &codexHome)
{
    return renderTextReport(
        Inspection::run(Posture::Tests::isolated({.codexHome = codexHome}), QProcessEnvironment()), Noon);
}

QString fixtureReport(const QString &name)
{
    const FixtureHome fixture(FixtureHome::caseDirectory(name));
    return renderTextReport(Inspection::run(fixture.options(false), QProcessEnvironment()), Noon);
}

} // namespace

class TestTextReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void header_namesToolVersionTimeAndHome();
    void missingConfig_saysDefaults();
    void parseError_givesLineColumnAndHint();
    void yolo_showsPostureAndWhatDecidedIt();
    void report_fitsEightyColumns_data();
    void report_fitsEightyColumns();
    void report_masksSecrets();
};

void TestTextReport::header_namesToolVersionTimeAndHome()
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
    QVERIFY2(
        report.contains(QStringLiteral("No config.toml: Codex starts with its built-in defaults")), qPrintable(report));
    QVERIFY(report.contains(QStringLiteral("verdict      Codex starts with this configuration")));
}

void TestTextReport::parseError_givesLineColumnAndHint()
{
    const QString report = reportFor(QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/syntax-error/.codex"));
    QVERIFY2(report.contains(QStringLiteral("/syntax-error/.codex/config.toml:9:")), qPrintable(report));
    QVERIFY(report.contains(QStringLiteral("Codex REFUSES TO START")));
    QVERIFY(report.contains(QStringLiteral("(no start)")));
}

void TestTextReport::yolo_showsPostureAndWhatDecidedIt()
{
    const QString report = fixtureReport(QStringLiteral("yolo"));
    QVERIFY2(report.contains(QStringLiteral("  approval     never                never")), qPrintable(report));
    QVERIFY(report.contains(QStringLiteral("  sandbox      danger-full-access   danger-full-access   container")));
    QVERIFY(report.contains(QStringLiteral("sandbox_mode (user config.toml:4:")));
}

void TestTextReport::report_fitsEightyColumns_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : {QStringLiteral("yolo"), QStringLiteral("invalid-syntax"),
             QStringLiteral("approval-untrusted-retired"), QStringLiteral("table-trap"), QStringLiteral("unknown-key")})
        QTest::newRow(qPrintable(name)) << name;
}

void TestTextReport::report_fitsEightyColumns()
{
    QFETCH(QString, name);
    const QString report = fixtureReport(name);
    for (const QString &line : report.split(u'\n')) {
        // Paths are as long as the machine makes them, and a finding's id is one word; everything else must fit.
        if (!line.contains(u'/') && line.trimmed().contains(u' '))
            QVERIFY2(line.size() <= 80, qPrintable(line));
    }
}

void TestTextReport::report_masksSecrets()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("config.toml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[model_providers.corp]\nname = \"c\"\nexperimental_bearer_token = \"sk-planted-secret-0123456789\"\n"
               "bogus_secret_key = \"ghp_plantedplantedplanted0123456789\"\n");
    file.close();
    const QString report = reportFor(dir.path());
    QVERIFY(report.contains(QStringLiteral("bogus_secret_key"))); // the unknown key is reported ...
    QVERIFY2(!report.contains(QStringLiteral("sk-planted")), qPrintable(report)); // ... but no value is
    QVERIFY(!report.contains(QStringLiteral("ghp_planted")));
}

QTEST_GUILESS_MAIN(TestTextReport)
#include "tst_textreport.moc"
