// SPDX-License-Identifier: Apache-2.0
// NDJSON: every line one JSON object with the fields a fleet tool needs, one per finding and one summary last.
#include "core/inspection.h"
#include "core/report/json/ndjsonreport.h"
#include "core/report/reports.h"
#include "fixturehome.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTest>

using namespace Posture::Core;
using Posture::Tests::FixtureHome;

namespace {

QList<QJsonObject> parsedLines(const QByteArray &ndjson)
{
    QList<QJsonObject> objects;
    if (!ndjson.endsWith('\n'))
        return {};
    for (const QByteArray &line : ndjson.chopped(1).split('\n')) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            return {};
        objects.append(document.object());
    }
    return objects;
}

QByteArray ndjsonOf(const Inspection &inspection, bool redact = false)
{
    return renderReport(*reportFormat(QStringLiteral("ndjson")), inspection,
        ReportRequest{QDateTime(QDate(2026, 11, 30), QTime(12, 0), QTimeZone::UTC), false, redact});
}

} // namespace

class TestNdjsonReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixture_linesParseWithTheRequiredFields();
    void safeHome_reportsOneSummaryLine();
    void acceptedFinding_isMarked();
    void hostId_isTheMachineIdAndRedacted();
};

void TestNdjsonReport::everyFixture_linesParseWithTheRequiredFields()
{
    const QStringList common{QStringLiteral("schema"), QStringLiteral("event"), QStringLiteral("host_id"),
        QStringLiteral("host_id_source"), QStringLiteral("time"), QStringLiteral("tool_version"),
        QStringLiteral("codex_versions")};
    const QStringList finding{QStringLiteral("severity"), QStringLiteral("id"), QStringLiteral("rule"),
        QStringLiteral("surfaces"), QStringLiteral("title"), QStringLiteral("file"), QStringLiteral("line"),
        QStringLiteral("key"), QStringLiteral("value"), QStringLiteral("accepted")};
    for (const QString &directory : FixtureHome::ownCaseDirectories()) {
        const FixtureHome fixture(directory);
        const Inspection inspection = Inspection::run(fixture.options(true), QProcessEnvironment());
        const QByteArray ndjson = ndjsonOf(inspection);
        const QList<QJsonObject> lines = parsedLines(ndjson);
        const QString name = FixtureHome::label(directory);
        QVERIFY2(lines.size() == inspection.findings.size() + 1, qPrintable(name + u'\n' + QString::fromUtf8(ndjson)));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QJsonObject &line = lines.at(i);
            for (const QString &field : common)
                QVERIFY2(line.contains(field), qPrintable(name + u' ' + field));
            QCOMPARE(line.value(u"schema").toString(), QStringLiteral("codex-posture.event/1"));
            QCOMPARE(line.value(u"time").toString(), QStringLiteral("2026-11-30T12:00:00Z"));
            QVERIFY(!line.value(u"host_id").toString().isEmpty());
            if (i == lines.size() - 1) {
                QCOMPARE(line.value(u"event").toString(), QStringLiteral("summary"));
                QCOMPARE(line.value(u"findings").toInt(), int(inspection.findings.size()));
                continue;
            }
            QCOMPARE(line.value(u"event").toString(), QStringLiteral("finding"));
            for (const QString &field : finding)
                QVERIFY2(line.contains(field), qPrintable(name + u' ' + field));
            QCOMPARE(line.value(u"id").toString(), inspection.findings.at(i).id);
            QCOMPARE(line.value(u"severity").toString(), severityName(inspection.findings.at(i).severity));
            QVERIFY(!line.value(u"surfaces").toArray().isEmpty());
            QCOMPARE(line.value(u"accepted").toBool(true), false);
        }
    }
}

void TestNdjsonReport::safeHome_reportsOneSummaryLine()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("empty")));
    const Inspection inspection = Inspection::run(fixture.options(false), QProcessEnvironment());
    const QList<QJsonObject> lines = parsedLines(ndjsonOf(inspection));
    QCOMPARE(lines.size(), inspection.findings.size() + 1);
    const QJsonObject summary = lines.constLast();
    QCOMPARE(summary.value(u"event").toString(), QStringLiteral("summary"));
    QCOMPARE(summary.value(u"verdict").toString(), QStringLiteral("ok"));
    QCOMPARE(summary.value(u"verdicts").toObject().value(u"cli").toString(), QStringLiteral("ok"));
    QCOMPARE(summary.value(u"counts").toObject().value(u"critical").toInt(-1), 0);
    QCOMPARE(summary.value(u"counts").toObject().value(u"accepted").toInt(-1), 0);
    QVERIFY(!summary.contains(u"accepted")); // a finding line's boolean: one key, one type
}

void TestNdjsonReport::acceptedFinding_isMarked()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    QTemporaryDir dir;
    QFile accept(dir.filePath(QStringLiteral("accept.toml")));
    QVERIFY(accept.open(QIODevice::WriteOnly)
        && accept.write("[[accept]]\nid = \"approval-never:approval_policy\"\nreason = \"CI\"\nowner = \"ci\"\n"
                        "expires = 2099-01-01\n")
            > 0);
    accept.close();
    InspectOptions options = fixture.options(false);
    options.acceptFile = accept.fileName();
    const QList<QJsonObject> lines = parsedLines(ndjsonOf(Inspection::run(options, QProcessEnvironment())));
    QVERIFY(!lines.isEmpty());
    int accepted = 0;
    for (const QJsonObject &line : lines) {
        if (line.value(u"event").toString() == u"finding" && line.value(u"accepted").toBool()) {
            QCOMPARE(line.value(u"id").toString(), QStringLiteral("approval-never:approval_policy"));
            ++accepted;
        }
    }
    QCOMPARE(accepted, 1);
    QCOMPARE(lines.constLast().value(u"counts").toObject().value(u"accepted").toInt(), 1);
}

void TestNdjsonReport::hostId_isTheMachineIdAndRedacted()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    QTemporaryDir machine;
    InspectOptions options = fixture.options(false);
    options.systemRoot = machine.path();
    // Without /etc/machine-id: the host name.
    QString source;
    QCOMPARE(hostId(Inspection::run(options, QProcessEnvironment()), &source), QSysInfo::machineHostName());
    QCOMPARE(source, QStringLiteral("hostname"));
    QVERIFY(QDir().mkpath(machine.filePath(QStringLiteral("etc"))));
    QFile file(machine.filePath(QStringLiteral("etc/machine-id")));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("0123456789abcdef0123456789abcdef\n") > 0);
    file.close();
    const Inspection inspection = Inspection::run(options, QProcessEnvironment());
    const QList<QJsonObject> lines = parsedLines(ndjsonOf(inspection));
    QVERIFY(lines.size() > 1);
    QCOMPARE(lines.constFirst().value(u"host_id").toString(), QStringLiteral("0123456789abcdef0123456789abcdef"));
    QCOMPARE(lines.constFirst().value(u"host_id_source").toString(), QStringLiteral("machine-id"));
    const QByteArray redacted = ndjsonOf(inspection, true);
    QVERIFY(!redacted.contains("0123456789abcdef"));
    for (const QJsonObject &line : parsedLines(redacted))
        QCOMPARE(line.value(u"host_id").toString(), QStringLiteral("<host>"));
}

QTEST_GUILESS_MAIN(TestNdjsonReport)
#include "tst_ndjsonreport.moc"
