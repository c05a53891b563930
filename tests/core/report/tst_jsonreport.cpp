// SPDX-License-Identifier: Apache-2.0
#include "core/config/configschema.h"
#include "core/inspection.h"
#include "core/report/json/jsonreport.h"
#include "fixturehome.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Posture::Core;
using Posture::Tests::FixtureHome;

namespace {

QByteArray reportBytes(const QString &caseDirectory, bool withProfile = false)
{
    const FixtureHome fixture(caseDirectory);
    return renderJsonReport(Inspection::run(fixture.options(withProfile), QProcessEnvironment()), QDateTime());
}

QJsonObject report(const QString &name, bool withProfile = false)
{
    return QJsonDocument::fromJson(reportBytes(FixtureHome::caseDirectory(name), withProfile)).object();
}

QJsonObject cli(const QJsonObject &document)
{
    return document.value(u"surfaces").toObject().value(u"cli").toObject();
}

} // namespace

class TestJsonReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixture_followsTheReportSchema();
    void yolo_givesPostureWithProvenance();
    void refusedConfig_givesNullPostureAndMessages();
    void profile_appliesToCliNotToIde();
    void tableTrap_keyIsShownIgnoredWithHint();
    void plantedSecrets_neverAppear_data();
    void plantedSecrets_neverAppear();
};

void TestJsonReport::everyFixture_followsTheReportSchema()
{
    QFile file(QStringLiteral(POSTURE_SOURCE_DIR "/resources/schema/report-1.schema.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const ConfigSchema schema(QJsonDocument::fromJson(file.readAll()).object());
    for (const QString &directory : FixtureHome::caseDirectories()) {
        const QString name = FixtureHome::label(directory);
        const QVariantMap document = QJsonDocument::fromJson(reportBytes(directory)).object().toVariantMap();
        QCOMPARE(document.value(QStringLiteral("schema")).toString(), QString::fromLatin1(JsonReportSchema));
        QStringList problems;
        for (const Diagnostic &problem : schema.validate(document, [](const KeyPath &) { return SourceLocation{}; }))
            problems.append(problem.text);
        QVERIFY2(problems.isEmpty(), qPrintable(name + QStringLiteral(": ") + problems.join(u'\n')));
    }
}

void TestJsonReport::yolo_givesPostureWithProvenance()
{
    const QJsonObject document = report(QStringLiteral("yolo"));
    QCOMPARE(document.value(u"codex").toObject().value(u"config_load").toString(), QStringLiteral("ok"));
    const QJsonObject surface = cli(document);
    QCOMPARE(surface.value(u"approval_policy").toString(), QStringLiteral("never"));
    QCOMPARE(surface.value(u"sandbox_mode").toString(), QStringLiteral("danger-full-access"));
    QCOMPARE(surface.value(u"filesystem").toString(), QStringLiteral("unrestricted"));
    QCOMPARE(surface.value(u"network").toString(), QStringLiteral("enabled"));
    const QJsonObject sandbox = surface.value(u"provenance").toObject().value(u"sandbox_mode").toObject();
    QCOMPARE(sandbox.value(u"decided_by").toString(), QStringLiteral("sandbox_mode"));
    QCOMPARE(sandbox.value(u"layer").toString(), QStringLiteral("user"));
    QCOMPARE(sandbox.value(u"line").toInt(), 4);
    QVERIFY(sandbox.value(u"file").toString().endsWith(QStringLiteral("/home/.codex/config.toml")));
    QCOMPARE(document.value(u"surfaces").toObject().value(u"cloud").toObject().value(u"observed").toBool(true), false);
}

void TestJsonReport::refusedConfig_givesNullPostureAndMessages()
{
    const QJsonObject document = report(QStringLiteral("approval-untrusted-retired"));
    const QJsonObject codex = document.value(u"codex").toObject();
    QCOMPARE(codex.value(u"config_load").toString(), QStringLiteral("fail"));
    for (const char16_t *field : {u"approval_policy", u"sandbox_mode", u"filesystem", u"network"})
        QVERIFY(cli(document).value(QStringView(field)).isNull());
    const QJsonObject message = codex.value(u"messages").toArray().first().toObject();
    QCOMPARE(message.value(u"severity").toString(), QStringLiteral("error"));
    QCOMPARE(message.value(u"line").toInt(), 3);
    QCOMPARE(message.value(u"column").toInt(), 19);
    QVERIFY(message.value(u"text").toString().contains(QStringLiteral("untrusted")));
}

void TestJsonReport::profile_appliesToCliNotToIde()
{
    const QJsonObject document = report(QStringLiteral("profile-file-ci"), true);
    QCOMPARE(cli(document).value(u"sandbox_mode").toString(), QStringLiteral("danger-full-access"));
    QCOMPARE(cli(document).value(u"profile").toString(), QStringLiteral("ci"));
    const QJsonObject ide = document.value(u"surfaces").toObject().value(u"ide").toObject();
    QCOMPARE(ide.value(u"sandbox_mode").toString(), QStringLiteral("workspace-write"));
    const QJsonObject provenance = cli(document).value(u"provenance").toObject().value(u"sandbox_mode").toObject();
    QCOMPARE(provenance.value(u"layer").toString(), QStringLiteral("profile ci"));
}

void TestJsonReport::tableTrap_keyIsShownIgnoredWithHint()
{
    const QJsonObject document = report(QStringLiteral("table-trap"));
    QJsonObject trapped;
    for (const QJsonValue &entry : document.value(u"effective").toArray()) {
        if (entry.toObject().value(u"key").toString() == u"shell_environment_policy.sandbox_mode")
            trapped = entry.toObject();
    }
    QVERIFY(!trapped.isEmpty());
    QVERIFY(trapped.value(u"value").isNull());
    const QJsonObject ignored = trapped.value(u"ignored").toArray().first().toObject();
    QVERIFY2(ignored.value(u"reason").toString().contains(QStringLiteral("top-level setting")),
        qPrintable(ignored.value(u"reason").toString()));
    QCOMPARE(ignored.value(u"line").toInt(), 7);
}

void TestJsonReport::plantedSecrets_neverAppear_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("provider token") << QStringLiteral("yolo") << QByteArray("sk-proj-PLANTED");
    QTest::newRow("mcp env token") << QStringLiteral("mcp-servers") << QByteArray("ghp_PLANTED");
}

void TestJsonReport::plantedSecrets_neverAppear()
{
    QFETCH(QString, fixture);
    QFETCH(QByteArray, secret);
    const QByteArray bytes = reportBytes(FixtureHome::caseDirectory(fixture));
    QVERIFY(bytes.contains("<masked>"));
    QVERIFY2(!bytes.contains(secret), bytes.constData());
}

QTEST_GUILESS_MAIN(TestJsonReport)
#include "tst_jsonreport.moc"
