// SPDX-License-Identifier: Apache-2.0
// The SARIF report: valid against the official SARIF 2.1.0 schema for every fixture home (checked by a real
// JSON-schema validator, python3-jsonschema), a golden log for yolo, and the mapping code scanning relies on.
#include "core/common/version.h"
#include "core/inspection.h"
#include "core/report/reports.h"
#include "core/report/sarif/sarifparts.h"
#include "core/report/sarif/sarifreport.h"
#include "core/rules/catalogue.h"
#include "fixturehome.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Posture::Core;
using Posture::Tests::FixtureHome;

namespace {

const QString Schema = QStringLiteral(POSTURE_TEST_DATA_DIR "/sarif/sarif-schema-2.1.0.json");
const QString Validator = QStringLiteral(POSTURE_SOURCE_DIR "/tests/tools/validate-json-schema.py");
const QString Golden = QStringLiteral(POSTURE_TEST_DATA_DIR "/sarif/yolo.sarif");

Inspection inspectFixture(const FixtureHome &fixture, const QString &baseline = {}, const QString &accept = {})
{
    InspectOptions options = fixture.options(true);
    options.baselineFile = baseline;
    options.acceptFile = accept;
    options.today = QDate(2026, 11, 27);
    return Inspection::run(options, QProcessEnvironment());
}

QJsonObject sarif(const Inspection &inspection)
{
    return QJsonDocument::fromJson(renderSarifReport(inspection, QDateTime())).object();
}

QJsonObject run(const QJsonObject &log)
{
    return log.value(u"runs").toArray().first().toObject();
}

QJsonObject resultOf(const QJsonObject &log, const QString &findingId)
{
    for (const QJsonValue &result : run(log).value(u"results").toArray()) {
        if (result.toObject().value(u"properties").toObject().value(u"findingId").toString() == findingId)
            return result.toObject();
    }
    return {};
}

// Runs the validator on the files: its exit code and what it printed.
std::pair<int, QString> validate(const QStringList &files)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("python3"), QStringList{Validator, Schema} + files);
    if (!process.waitForStarted() || !process.waitForFinished(90000))
        return {-1, QStringLiteral("python3 did not run: ") + process.errorString()};
    const QString output = QString::fromUtf8(process.readAll());
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, output};
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

} // namespace

class TestSarifReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixture_validatesAgainstTheOfficialSchema();
    void brokenLog_failsTheValidator();
    void yolo_matchesTheGolden();
    void driver_listsEveryRuleOfTheCatalogue();
    void severity_mapsToLevelAndSecuritySeverity();
    void result_pointsAtTheFileRelativeToItsBase();
    void fix_carriesTheGuidedFixReplacementWithoutTheSecret();
    void fix_thatWouldInsertASecret_isLeftOut();
    void acceptedRisk_isASuppressionWithJustification();
    void format_isRegistered();
    void redacted_leavesNoEncodedHome();
};

void TestSarifReport::everyFixture_validatesAgainstTheOfficialSchema()
{
    QTemporaryDir dir;
    const QString accept = writeFile(dir, QStringLiteral("accept.toml"),
        "[[accept]]\nid = \"approval-never:approval_policy\"\nreason = \"CI runner\"\nowner = \"o\"\n"
        "expires = 2099-01-01\n");
    QStringList files;
    for (const QString &directory : FixtureHome::caseDirectories()) {
        const FixtureHome fixture(directory);
        QVERIFY2(fixture.isValid(), qPrintable(directory));
        // Plain, and with a baseline and accepted risks (drift findings, suppressions); redacted too.
        for (const bool full : {false, true}) {
            const Inspection inspection =
                full ? inspectFixture(fixture, QStringLiteral("working-rule"), accept) : inspectFixture(fixture);
            const ReportFormat *format = reportFormat(QStringLiteral("sarif"));
            QVERIFY(format);
            const QByteArray bytes = renderReport(*format, inspection, ReportRequest{QDateTime(), false, full});
            const QString name =
                FixtureHome::label(directory).replace(u'/', u'-') + (full ? u"-full" : u"") + QStringLiteral(".sarif");
            // GitHub code scanning rejects the whole log when one result has no physical location with a URI.
            const QJsonObject log = QJsonDocument::fromJson(bytes).object();
            for (const QJsonValue &result : run(log).value(u"results").toArray()) {
                const QJsonObject location = result.toObject().value(u"locations").toArray().first().toObject();
                QVERIFY2(!location.value(u"physicalLocation")
                             .toObject()
                             .value(u"artifactLocation")
                             .toObject()
                             .value(u"uri")
                             .toString()
                             .isEmpty(),
                    qPrintable(name + u' ' + result.toObject().value(u"ruleId").toString()));
            }
            const QString path = writeFile(dir, name, bytes);
            QVERIFY2(!path.isEmpty(), qPrintable(name));
            files.append(path);
        }
    }
    QVERIFY(files.size() >= 2 * FixtureHome::ownCaseDirectories().size());
    const auto [status, output] = validate(files);
    QVERIFY2(status == 0, qPrintable(output.left(8000)));
}

void TestSarifReport::brokenLog_failsTheValidator()
{
    // The validator really judges: a log that breaks the schema in three ways fails, each named.
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    QJsonObject log = sarif(inspectFixture(fixture));
    QJsonObject first = run(log);
    QJsonArray results = first.value(u"results").toArray();
    QJsonObject result = results.first().toObject();
    result.insert(QStringLiteral("level"), QStringLiteral("fatal")); // not an enum value
    result.remove(QStringLiteral("message")); // required
    results.replace(0, result);
    first.insert(QStringLiteral("results"), results);
    first.insert(QStringLiteral("unexpected"), true); // additionalProperties: false
    log.insert(QStringLiteral("runs"), QJsonArray{first});
    QTemporaryDir dir;
    const QString broken = writeFile(dir, QStringLiteral("broken.sarif"), QJsonDocument(log).toJson());
    const QString valid = writeFile(dir, QStringLiteral("valid.sarif"), renderSarifReport(inspectFixture(fixture), {}));
    const auto [validStatus, validOutput] = validate({valid});
    QVERIFY2(validStatus == 0, qPrintable(validOutput));
    const auto [status, output] = validate({broken});
    QCOMPARE(status, 1);
    QVERIFY2(output.contains(QStringLiteral("'fatal' is not one of")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("'message' is a required property")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("'unexpected' was unexpected")), qPrintable(output));
}

void TestSarifReport::yolo_matchesTheGolden()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const QString base = QFileInfo(fixture.home()).absolutePath();
    QByteArray actual = renderSarifReport(inspectFixture(fixture), QDateTime());
    // The copy's directory, the version and path hashes differ from run to run and machine to machine; nothing else
    // may. The log is rendered without a time (a report's generatedAt is the only time in it).
    actual.replace(QUrl::fromLocalFile(base).toString(QUrl::FullyEncoded).toUtf8(), "file://@BASE@");
    actual.replace(base.toUtf8(), "@BASE@");
    actual.replace(QByteArray("\"version\": \"" + toolVersion().toUtf8() + '"'), "\"version\": \"@VERSION@\"");
    // A fix id of a finding that names a path hashes that path (fix:<rule>:<8 hex digits>): it differs with the copy.
    actual =
        QString::fromUtf8(actual)
            .replace(QRegularExpression(QStringLiteral("(\"fix:[a-z-]+:)[0-9a-f]{8}\"")), QStringLiteral("\\1@HASH@\""))
            .toUtf8();
    QFile golden(Golden);
    const QByteArray expected = golden.open(QIODevice::ReadOnly) ? golden.readAll() : QByteArray();
    if (actual != expected) {
        // To review, and to copy over the golden file when the change is intended.
        const QString written = QStringLiteral(POSTURE_BINARY_DIR "/yolo.sarif.actual");
        QFile out(written);
        if (out.open(QIODevice::WriteOnly))
            out.write(actual);
        QFAIL(
            qPrintable(QStringLiteral("the SARIF of yolo differs from %1; the actual log is %2").arg(Golden, written)));
    }
    QVERIFY(!expected.contains("sk-proj-PLANTED"));
}

void TestSarifReport::driver_listsEveryRuleOfTheCatalogue()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("empty")));
    const QJsonObject driver =
        run(sarif(inspectFixture(fixture))).value(u"tool").toObject().value(u"driver").toObject();
    QCOMPARE(driver.value(u"name").toString(), QStringLiteral("codex-posture"));
    QCOMPARE(driver.value(u"version").toString(), toolVersion());
    const QJsonArray rules = driver.value(u"rules").toArray();
    QCOMPARE(std::size_t(rules.size()), RiskRules::catalogue().size());
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QJsonObject rule = rules.at(i).toObject();
        const RiskRules::RuleInfo &info = RiskRules::catalogue()[std::size_t(i)];
        QCOMPARE(rule.value(u"id").toString(), QString(info.id));
        QVERIFY(!rule.value(u"shortDescription").toObject().value(u"text").toString().isEmpty());
        QVERIFY(!rule.value(u"fullDescription").toObject().value(u"text").toString().isEmpty());
        const QString help = rule.value(u"help").toObject().value(u"text").toString();
        QVERIFY2(help.contains(QString(info.reference)), qPrintable(help));
        QVERIFY2(help.size() > 60, qPrintable(QString(info.id) + u": " + help)); // a remedy, not only the link
        QVERIFY2(help.startsWith(QString(info.remedy)), qPrintable(help)); // the record's remedy
        QCOMPARE(rule.value(u"helpUri").toString(), QString(info.reference));
        const QJsonObject properties = rule.value(u"properties").toObject();
        QVERIFY(properties.value(u"tags").toArray().contains(QStringLiteral("security")));
        bool number = false;
        const double score = properties.value(u"security-severity").toString().toDouble(&number);
        QVERIFY(number && score > 0.0 && score <= 10.0);
    }
}

void TestSarifReport::severity_mapsToLevelAndSecuritySeverity()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const Inspection inspection = inspectFixture(fixture);
    const QJsonObject log = sarif(inspection);
    const QHash<QString, std::pair<QString, QString>> expected{{QStringLiteral("critical"), {"error", "9.5"}},
        {QStringLiteral("high"), {"error", "8.0"}}, {QStringLiteral("medium"), {"warning", "5.5"}},
        {QStringLiteral("low"), {"note", "3.0"}}, {QStringLiteral("info"), {"note", "1.0"}}};
    QSet<QString> seen;
    const QJsonArray results = run(log).value(u"results").toArray();
    QCOMPARE(results.size(), inspection.findings.size());
    for (const QJsonValue &value : results) {
        const QJsonObject result = value.toObject();
        const QString severity = result.value(u"properties").toObject().value(u"severity").toString();
        QVERIFY2(expected.contains(severity), qPrintable(severity));
        QCOMPARE(result.value(u"level").toString(), expected.value(severity).first);
        QCOMPARE(result.value(u"properties").toObject().value(u"security-severity").toString(),
            expected.value(severity).second);
        seen.insert(severity);
    }
    QVERIFY2(seen.contains(QStringLiteral("critical")) && seen.contains(QStringLiteral("medium"))
            && seen.contains(QStringLiteral("low")),
        qPrintable(QStringList(seen.values()).join(u',')));
}

void TestSarifReport::result_pointsAtTheFileRelativeToItsBase()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const QJsonObject log = sarif(inspectFixture(fixture));
    const QJsonObject bases = run(log).value(u"originalUriBaseIds").toObject();
    QCOMPARE(bases.value(u"CODEX_HOME").toObject().value(u"uri").toString(),
        QUrl::fromLocalFile(fixture.codexHome() + u'/').toString(QUrl::FullyEncoded));
    QVERIFY(bases.value(u"HOME").toObject().value(u"uri").toString().endsWith(u"/home/"));
    const QJsonObject result = resultOf(log, QStringLiteral("approval-never:approval_policy"));
    const QJsonObject physical =
        result.value(u"locations").toArray().first().toObject().value(u"physicalLocation").toObject();
    const QJsonObject artifact = physical.value(u"artifactLocation").toObject();
    QCOMPARE(artifact.value(u"uri").toString(), QStringLiteral("config.toml"));
    QCOMPARE(artifact.value(u"uriBaseId").toString(), QStringLiteral("CODEX_HOME"));
    const QJsonObject region = physical.value(u"region").toObject();
    QCOMPARE(region.value(u"startLine").toInt(), 5);
    QCOMPARE(
        region.value(u"snippet").toObject().value(u"text").toString(), QStringLiteral("approval_policy = \"never\""));
    QCOMPARE(result.value(u"partialFingerprints").toObject().value(u"codexPostureFindingId/v1").toString(),
        QStringLiteral("approval-never:approval_policy"));
    // A finding id that names a file gets a fingerprint without the machine's directories.
    const QString secret = QStringLiteral("plaintext-secret:model_providers.lab-relay.experimental_bearer_token");
    const QJsonObject token = resultOf(log, secret);
    QVERIFY(!token.isEmpty());
    QCOMPARE(token.value(u"locations")
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"physicalLocation")
                 .toObject()
                 .value(u"region")
                 .toObject()
                 .value(u"snippet")
                 .toObject()
                 .value(u"text")
                 .toString(),
        QStringLiteral("experimental_bearer_token = \"<masked>\""));
    for (const QJsonValue &value : run(log).value(u"results").toArray()) {
        const QString fingerprint =
            value.toObject().value(u"partialFingerprints").toObject().value(u"codexPostureFindingId/v1").toString();
        QVERIFY2(!fingerprint.contains(fixture.home()), qPrintable(fingerprint));
    }
}

void TestSarifReport::fix_carriesTheGuidedFixReplacementWithoutTheSecret()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const QJsonObject log = sarif(inspectFixture(fixture));
    // approval_policy = "never" on line 5 becomes "on-request": that line, replaced whole.
    const QJsonObject approval = resultOf(log, QStringLiteral("approval-never:approval_policy"));
    const QJsonObject change =
        approval.value(u"fixes").toArray().first().toObject().value(u"artifactChanges").toArray().first().toObject();
    QCOMPARE(change.value(u"artifactLocation").toObject().value(u"uri").toString(), QStringLiteral("config.toml"));
    const QJsonObject replacement = change.value(u"replacements").toArray().first().toObject();
    const QJsonObject region = replacement.value(u"deletedRegion").toObject();
    QCOMPARE(region.value(u"startLine").toInt(), 5);
    QCOMPARE(region.value(u"startColumn").toInt(), 1);
    QCOMPARE(region.value(u"endLine").toInt(), 6);
    QCOMPARE(region.value(u"endColumn").toInt(), 1);
    QCOMPARE(replacement.value(u"insertedContent").toObject().value(u"text").toString(),
        QStringLiteral("approval_policy = \"on-request\"\n"));
    // The token's fix replaces it by env_key: the replacement names a variable, never the token.
    const QJsonObject token =
        resultOf(log, QStringLiteral("plaintext-secret:model_providers.lab-relay.experimental_bearer_token"));
    const QByteArray fixes = QJsonDocument(token.value(u"fixes").toArray()).toJson();
    QVERIFY2(fixes.contains("env_key"), fixes.constData());
    QVERIFY(!fixes.contains("PLANTED"));
    QVERIFY(!fixes.contains("<masked>"));
}

void TestSarifReport::fix_thatWouldInsertASecret_isLeftOut()
{
    // A SARIF fix carries the text it inserts; masked, it would write the mask into the file when a tool applies it.
    // So a fix whose new lines hold a secret is left out, while the same fix with a harmless value is there.
    QTemporaryDir dir;
    const QString file =
        writeFile(dir, QStringLiteral("config.toml"), "model = \"gpt-5\"\n[model_providers.lab]\nname = \"Lab\"\n");
    const auto location = [](const QString &) {
        return QJsonObject{{QStringLiteral("uri"), QStringLiteral("config.toml")}};
    };
    Fix fix{QStringLiteral("fix:test"), QStringLiteral("test"), QStringLiteral("Set a token"), file,
        QStringLiteral("user"),
        {FixOperation{FixOperation::Kind::Set,
            {QStringLiteral("model_providers"), QStringLiteral("lab"), QStringLiteral("experimental_bearer_token")},
            QStringLiteral("sk-proj-SARIFFIX0123456789abcdefABCDEF")}},
        {}, {}};
    QVERIFY(Sarif::fix(fix, location).isEmpty());
    fix.operations.first().path = {QStringLiteral("model_providers"), QStringLiteral("lab"), QStringLiteral("env_key")};
    fix.operations.first().value = QStringLiteral("LAB_API_KEY");
    const QByteArray harmless = QJsonDocument(Sarif::fix(fix, location)).toJson();
    QVERIFY2(harmless.contains("env_key = \\\"LAB_API_KEY\\\""), harmless.constData());
}

void TestSarifReport::acceptedRisk_isASuppressionWithJustification()
{
    QTemporaryDir dir;
    const QString accept = writeFile(dir, QStringLiteral("accept.toml"),
        "[[accept]]\nid = \"approval-never:approval_policy\"\nreason = \"CI runner, disposable VM\"\n"
        "owner = \"alice@example.com\"\nexpires = 2099-01-01\n"
        "[[accept]]\nid = \"full-access-warning-hidden:notice.hide_full_access_warning\"\nreason = \"old\"\n"
        "owner = \"bob@example.com\"\nexpires = 2020-01-01\n");
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const QJsonObject log = sarif(inspectFixture(fixture, {}, accept));
    const QJsonArray suppressions =
        resultOf(log, QStringLiteral("approval-never:approval_policy")).value(u"suppressions").toArray();
    QCOMPARE(suppressions.size(), 1);
    const QJsonObject suppression = suppressions.first().toObject();
    QCOMPARE(suppression.value(u"kind").toString(), QStringLiteral("external"));
    QCOMPARE(suppression.value(u"status").toString(), QStringLiteral("accepted"));
    QCOMPARE(suppression.value(u"justification").toString(), QStringLiteral("CI runner, disposable VM"));
    QCOMPARE(
        suppression.value(u"properties").toObject().value(u"owner").toString(), QStringLiteral("alice@example.com"));
    // An expired acceptance counts again: no suppression.
    const QJsonObject expired =
        resultOf(log, QStringLiteral("full-access-warning-hidden:notice.hide_full_access_warning"));
    QVERIFY(!expired.isEmpty());
    QVERIFY(!expired.contains(u"suppressions"));
    QCOMPARE(
        expired.value(u"properties").toObject().value(u"acceptanceExpired").toString(), QStringLiteral("2020-01-01"));
}

void TestSarifReport::format_isRegistered()
{
    const ReportFormat *format = reportFormat(QStringLiteral("sarif"));
    QVERIFY(format);
    QVERIFY(reportFormatNames().contains(QStringLiteral("sarif")));
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const QJsonObject log =
        QJsonDocument::fromJson(renderReport(*format, inspectFixture(fixture), ReportRequest{})).object();
    QCOMPARE(log.value(u"version").toString(), QStringLiteral("2.1.0"));
    // The sandbox probes are the invocation's notifications.
    const QJsonArray notifications =
        run(log).value(u"invocations").toArray().first().toObject().value(u"toolExecutionNotifications").toArray();
    QVERIFY(!notifications.isEmpty());
    for (const QJsonValue &notification : notifications)
        QVERIFY(!notification.toObject().value(u"descriptor").toObject().value(u"id").toString().isEmpty());
}

void TestSarifReport::redacted_leavesNoEncodedHome()
{
    // A home named with a non-ASCII letter: percent-encoded in a URI ("zo%C3%AB"), the redaction of the finished
    // report would not see it, so the SARIF report redacts paths before encoding them.
    QTemporaryDir base;
    const QString home = base.filePath(QStringLiteral("zo\u00EB"));
    QVERIFY(QDir().mkpath(home + QStringLiteral("/.codex")));
    QFile config(home + QStringLiteral("/.codex/config.toml"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("approval_policy = \"never\"\n");
    config.close();
    InspectOptions options;
    options.home = home;
    options.cwd = home;
    options.systemRoot = base.filePath(QStringLiteral("system"));
    const Inspection inspection = Inspection::run(options, QProcessEnvironment());
    const ReportFormat *format = reportFormat(QStringLiteral("sarif"));
    QVERIFY(format);
    const QByteArray plain = renderReport(*format, inspection, ReportRequest{QDateTime(), false, false});
    QVERIFY2(plain.contains("zo%C3%AB"), plain.constData()); // it was there, encoded, to be redacted
    const QByteArray redacted = renderReport(*format, inspection, ReportRequest{QDateTime(), false, true});
    QVERIFY2(!redacted.contains("zo%C3%AB") && !redacted.contains("zo\xC3\xAB"), redacted.constData());
}

QTEST_GUILESS_MAIN(TestSarifReport)
#include "tst_sarifreport.moc"
