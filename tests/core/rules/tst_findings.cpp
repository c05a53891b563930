// SPDX-License-Identifier: Apache-2.0
// Findings as a whole: the expected ids of every fixture home (a golden file), the verdicts, baselines, accepted
// risks, and no planted secret in any report.
#include "core/report/json/jsonreport.h"
#include "core/report/reports.h"
#include "core/report/text/textreport.h"
#include "core/rules/acceptedrisks.h"
#include "core/rules/baseline.h"
#include "core/rules/catalogue.h"
#include "fixturehome.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;
using Posture::Tests::FixtureHome;

namespace {

const QString Golden = QStringLiteral(POSTURE_TEST_DATA_DIR "/findings-golden.json");
const QString SharedGolden = QStringLiteral(POSTURE_TEST_DATA_DIR "/findings-golden-shared.json");

QString caseDirectory(const QString &name)
{
    return FixtureHome::caseDirectory(name);
}

Inspection inspectFixture(const FixtureHome &fixture, const QString &baseline = {}, const QString &accept = {})
{
    InspectOptions options = fixture.options(true);
    options.baselineFile = baseline;
    options.acceptFile = accept;
    options.today = QDate(2026, 11, 27);
    return Inspection::run(options, QProcessEnvironment());
}

// Finding ids with the fixture's temporary directory written as @BASE@, so that they compare across runs.
QStringList normalisedIds(const Inspection &inspection, const FixtureHome &fixture)
{
    const QString base = QFileInfo(fixture.home()).absolutePath();
    QStringList ids;
    for (const Finding &finding : inspection.findings)
        ids.append(QString(finding.id).replace(base, QStringLiteral("@BASE@")));
    return ids;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

} // namespace

class TestFindings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_matchTheGoldenFile_data();
    void fixtures_matchTheGoldenFile();
    void safeFixtures_haveNothingAboveInfo();
    void yolo_isCriticalOnTheCli();
    void plantedSecrets_neverAppear();
    void verdict_comesFromUnacceptedFindings();
    void acceptedRisks_markAndExpire();
    void acceptedRisks_badFile_saysWhere();
    void acceptedRisks_entryText_loadsBack();
    void baseline_workingRule_drift();
    void baseline_badFile_saysWhere();
};

void TestFindings::fixtures_matchTheGoldenFile_data()
{
    QTest::addColumn<QString>("golden");
    QTest::addColumn<QStringList>("directories");
    QTest::newRow("own fixtures") << Golden << FixtureHome::ownCaseDirectories();
    QTest::newRow("../shared fixtures (cross-check)") << SharedGolden << FixtureHome::sharedCaseDirectories();
}

void TestFindings::fixtures_matchTheGoldenFile()
{
    QFETCH(QString, golden);
    QFETCH(QStringList, directories);
    if (directories.isEmpty() && golden == SharedGolden)
        QSKIP("../shared is not beside the repository: its fixture homes are not cross-checked");
    QFile file(golden);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject actual;
    QStringList mismatches;
    for (const QString &directory : std::as_const(directories)) {
        const FixtureHome fixture(directory);
        QVERIFY(fixture.isValid());
        const Inspection inspection = inspectFixture(fixture, QStringLiteral("working-rule"));
        for (const Finding &finding : inspection.findings) { // each as its catalogue entry declares it
            const RiskRules::RuleInfo *entry = RiskRules::find(finding.ruleId);
            QVERIFY2(entry && entry->mismatch(finding).isEmpty(),
                qPrintable(
                    fixture.name() + QStringLiteral(": ") + (entry ? entry->mismatch(finding) : finding.ruleId)));
        }
        const QStringList ids = normalisedIds(inspectFixture(fixture), fixture);
        actual.insert(fixture.name(), QJsonArray::fromStringList(ids));
        const QStringList wanted = expected.value(fixture.name()).toVariant().toStringList();
        if (!expected.contains(fixture.name()) || ids != wanted)
            mismatches.append(QStringLiteral("%1:\n  expected %2\n  actual   %3")
                    .arg(fixture.name(), wanted.join(QStringLiteral(", ")), ids.join(QStringLiteral(", "))));
    }
    if (!mismatches.isEmpty()) {
        // The whole actual set, to review and copy into the golden file when the change is intended.
        qWarning().noquote() << QJsonDocument(actual).toJson(QJsonDocument::Indented);
    }
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
    QCOMPARE(expected.size() - 1, directories.size()); // every fixture, and the _comment
}

void TestFindings::safeFixtures_haveNothingAboveInfo()
{
    // The homes whose configuration is safe: only notes, nothing a reviewer has to act on.
    for (const char *name : {"safe-legacy", "empty", "approval-granular", "crlf-bom-comments",
             "legacy-profile-unselected", "network-on-read-only", "permissions-builtin-workspace",
             "project-explicitly-untrusted", "untrusted-project-ignored"}) {
        const FixtureHome fixture(caseDirectory(QString::fromLatin1(name)));
        const Inspection inspection = inspectFixture(fixture);
        for (const Finding &finding : inspection.findings)
            QVERIFY2(finding.severity == Severity::Info, qPrintable(QString::fromLatin1(name) + u' ' + finding.id));
        for (const Surface surface : {Surface::Cli, Surface::Ide, Surface::Cloud})
            QCOMPARE(inspection.verdict(surface).word(), QStringLiteral("ok"));
    }
}

void TestFindings::yolo_isCriticalOnTheCli()
{
    const FixtureHome fixture(caseDirectory(QStringLiteral("yolo")));
    const Inspection inspection = inspectFixture(fixture);
    const SurfaceVerdict cli = inspection.verdict(Surface::Cli);
    QVERIFY(cli.counts[int(Severity::Critical)] >= 1);
    QCOMPARE(cli.word(), QStringLiteral("critical"));
    const Finding &first = inspection.findings.constFirst(); // sorted: the most severe first
    QCOMPARE(first.severity, Severity::Critical);
    QVERIFY(first.surfaces & Surface::Cli);
    QCOMPARE(first.evidence.keyPath, QStringLiteral("sandbox_mode"));
    QCOMPARE(first.evidence.line, 4);
    QVERIFY(renderTextReport(inspection, QDateTime()).contains(QStringLiteral("CRITICAL  Full access, never asks")));
}

void TestFindings::plantedSecrets_neverAppear()
{
    // The fixtures' planted tokens: each must be masked in every format, with a baseline and accepted risks too.
    const QList<QByteArray> planted{QByteArrayLiteral("sk-proj-PLANTED"), QByteArrayLiteral("ghp_PLANTED"),
        QByteArrayLiteral("sk-live-PLAINTEXT"), QByteArrayLiteral("ghp_plaintext")}; // own fixtures, ../shared's
    QTemporaryDir dir;
    const QString accept = writeFile(dir, QStringLiteral("accept.toml"),
        "[[accept]]\nid = \"plaintext-secret:model_providers.lab-relay.experimental_bearer_token\"\nreason = \"r\"\n"
        "owner = \"o\"\nexpires = 2099-01-01\n");
    int masked = 0;
    for (const QString &directory : FixtureHome::caseDirectories()) {
        const FixtureHome fixture(directory);
        for (const QString &baseline : {QString(), QStringLiteral("working-rule")}) {
            const Inspection inspection = inspectFixture(fixture, baseline, accept);
            // Every format of the report, coloured or not, redacted or not.
            QList<QByteArray> reports;
            for (const ReportFormat &format : reportFormats()) {
                for (const bool redact : {false, true}) {
                    for (const bool colour : {false, true})
                        reports.append(renderReport(format, inspection, ReportRequest{QDateTime(), colour, redact}));
                }
            }
            for (const QByteArray &report : reports) {
                masked += report.count("<masked>");
                for (const QByteArray &secret : planted)
                    QVERIFY2(!report.contains(secret),
                        qPrintable(fixture.name() + QStringLiteral(": ") + QString::fromLatin1(secret)));
            }
        }
    }
    QVERIFY(masked > 0); // the secrets were there to be masked
    // And the project's own planted tokens really are in its fixture files, so their absence above means something.
    for (const QByteArray &secret : {QByteArrayLiteral("sk-proj-PLANTED"), QByteArrayLiteral("ghp_PLANTED")}) {
        bool present = false;
        for (const QString &name : {QStringLiteral("yolo"), QStringLiteral("mcp-servers")}) {
            QFile config(FixtureHome::caseDirectory(name) + QStringLiteral("/home/.codex/config.toml"));
            present = present || (config.open(QIODevice::ReadOnly) && config.readAll().contains(secret));
        }
        QVERIFY2(present, secret.constData());
    }
}

void TestFindings::verdict_comesFromUnacceptedFindings()
{
    Findings findings{
        {QStringLiteral("a"), QStringLiteral("a"), Severity::High, Surface::Cli, {}, {}, {}, {}, {}, {}, {}},
        {QStringLiteral("b"), QStringLiteral("b"), Severity::Critical, Surfaces(Surface::Cli) | Surface::Ide, {}, {},
            {}, {}, {}, {}, Acceptance{QStringLiteral("r"), QStringLiteral("o"), QDate(2099, 1, 1), false}},
        {QStringLiteral("c"), QStringLiteral("c"), Severity::Low, Surface::Cloud, {}, {}, {}, {}, {}, {}, {}}};
    const SurfaceVerdict cli = SurfaceVerdict::of(findings, Surface::Cli);
    QCOMPARE(cli.word(), QStringLiteral("at risk")); // the accepted critical does not count
    QCOMPARE(cli.accepted, 1);
    QCOMPARE(cli.counts[int(Severity::High)], 1);
    QCOMPARE(SurfaceVerdict::of(findings, Surface::Ide).word(), QStringLiteral("ok"));
    QCOMPARE(SurfaceVerdict::of(findings, Surface::Cloud).word(), QStringLiteral("low risk"));
    findings[1].acceptance->expired = true; // an expired acceptance counts again
    QCOMPARE(SurfaceVerdict::of(findings, Surface::Ide).word(), QStringLiteral("critical"));
    sortFindings(findings);
    QCOMPARE(findings.constFirst().id, QStringLiteral("b"));
    QCOMPARE(findings.constLast().id, QStringLiteral("c"));
}

void TestFindings::acceptedRisks_entryText_loadsBack()
{
    // What the window offers to paste into an accepted-risks file loads back as written, odd characters and all.
    const Acceptance written{
        QStringLiteral("lab \"VM\" C:\\temp\nnext line"), QStringLiteral("ada@example.com"), QDate(2027, 2, 28), false};
    const QString text = AcceptedRisks::entryText(QStringLiteral("approval-never:approval_policy"), written);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("accept.toml"), "# kept\n" + text.toUtf8());
    Diagnostics problems;
    const AcceptedRisks risks = AcceptedRisks::load(path, problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).text));
    QCOMPARE(risks.entries().size(), 1);
    const AcceptedRisks::Entry &entry = risks.entries().constFirst();
    QCOMPARE(entry.id, QStringLiteral("approval-never:approval_policy"));
    QCOMPARE(entry.acceptance.reason, written.reason);
    QCOMPARE(entry.acceptance.owner, written.owner);
    QCOMPARE(entry.acceptance.expires, written.expires);
}

void TestFindings::acceptedRisks_markAndExpire()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("accept.toml"),
        "# accepted on the CI runner\n[[accept]]\nid = \"approval-never:approval_policy\"\nreason = \"CI VM\"\n"
        "owner = \"alice\"\nexpires = 2027-01-31\n\n[[accept]]\nid = \"full-access:sandbox_mode\"\nreason = \"old\"\n"
        "owner = \"bob\"\nexpires = 2026-11-27\n\n[[accept]]\nid = \"no-such-finding\"\nreason = \"typo\"\n"
        "owner = \"carol\"\nexpires = 2027-01-31\n");
    const FixtureHome fixture(caseDirectory(QStringLiteral("yolo")));
    const Inspection inspection = inspectFixture(fixture, {}, path);
    const auto find = [&](const QString &id) {
        return std::find_if(inspection.findings.cbegin(), inspection.findings.cend(),
            [&id](const Finding &finding) { return finding.id == id; });
    };
    const auto never = find(QStringLiteral("approval-never:approval_policy"));
    QVERIFY(never != inspection.findings.cend() && never->isAccepted());
    QCOMPARE(never->acceptance->owner, QStringLiteral("alice"));
    const auto full = find(QStringLiteral("full-access:sandbox_mode"));
    QVERIFY(full != inspection.findings.cend() && full->acceptance && !full->isAccepted()); // expired today
    QCOMPARE(inspection.inputProblems.size(), 1);
    QCOMPARE(inspection.inputProblems.constFirst().severity, DiagnosticSeverity::Warning);
    QCOMPARE(inspection.inputProblems.constFirst().location.line, 14); // its [[accept]] header
    // Accepted findings stay visible in the reports, marked.
    const QJsonArray json =
        QJsonDocument::fromJson(renderJsonReport(inspection, QDateTime())).object().value(u"findings").toArray();
    const auto accepted = std::find_if(json.begin(), json.end(), [](const QJsonValue &v) {
        return v.toObject().value(u"id") == QStringLiteral("approval-never:approval_policy");
    });
    QVERIFY(accepted != json.end());
    QCOMPARE(accepted->toObject().value(u"accepted").toObject().value(u"reason").toString(), QStringLiteral("CI VM"));
    QVERIFY(renderTextReport(inspection, QDateTime()).contains(QStringLiteral("ACCEPTED by alice until 2027-01-31")));
}

void TestFindings::acceptedRisks_badFile_saysWhere()
{
    QTemporaryDir dir;
    Diagnostics problems;
    AcceptedRisks::load(writeFile(dir, QStringLiteral("a.toml"), "[[accept]]\nid = \"x\"\nreason = \"r\"\n"), problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.constFirst().severity, DiagnosticSeverity::Error);
    QVERIFY(problems.constFirst().text.contains(QStringLiteral("owner")));
    QCOMPARE(problems.constFirst().location.line, 1);
    problems.clear();
    AcceptedRisks::load(writeFile(dir, QStringLiteral("b.toml"), "[[accept]\n"), problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.constFirst().location.line, 1); // a TOML error, with its line and column
    QVERIFY(problems.constFirst().location.column > 0);
}

void TestFindings::baseline_workingRule_drift()
{
    const FixtureHome yolo(caseDirectory(QStringLiteral("yolo")));
    QStringList drift;
    for (const Finding &finding : inspectFixture(yolo, QStringLiteral("working-rule")).findings) {
        if (finding.ruleId == u"baseline-drift")
            drift.append(finding.id);
    }
    for (const QString &expected :
        {QStringLiteral("baseline-drift:cli.sandbox_mode"), QStringLiteral("baseline-drift:cli.approval_policy"),
            QStringLiteral("baseline-drift:cli.network"), QStringLiteral("baseline-drift:ide.sandbox_mode")})
        QVERIFY2(drift.contains(expected), qPrintable(drift.join(QStringLiteral(", "))));

    const FixtureHome safe(caseDirectory(QStringLiteral("safe-legacy")));
    drift.clear();
    for (const Finding &finding : inspectFixture(safe, QStringLiteral("working-rule")).findings) {
        if (finding.ruleId == u"baseline-drift")
            drift.append(finding.id);
    }
    // The copied machine's sandbox cannot be probed: "enforced" is the only dimension it misses.
    QCOMPARE(drift,
        (QStringList{QStringLiteral("baseline-drift:cli.enforced"), QStringLiteral("baseline-drift:ide.enforced")}));

    const FixtureHome profile(caseDirectory(QStringLiteral("profile-file-ci")));
    drift.clear();
    for (const Finding &finding : inspectFixture(profile, QStringLiteral("working-rule")).findings)
        drift.append(finding.id);
    QVERIFY(drift.contains(QStringLiteral("baseline-drift:cli.same_cli_and_ide")));
}

void TestFindings::baseline_badFile_saysWhere()
{
    QTemporaryDir dir;
    Diagnostics problems;
    const Baseline baseline = Baseline::load(writeFile(dir, QStringLiteral("b.toml"),
                                                 "[local]\nnetwork = [\"restricted\"]\nsandbox = [\"read-only\"]\n"
                                                 "[severity]\nnetwork = \"dire\"\n[elsewhere]\nx = 1\n"),
        problems);
    QStringList texts;
    for (const Diagnostic &problem : problems)
        texts.append(QStringLiteral("%1: %2").arg(problem.location.line).arg(problem.text));
    QCOMPARE(problems.size(), 3);
    QVERIFY2(texts.join(u'\n').contains(QStringLiteral("3: [local] sandbox")), qPrintable(texts.join(u'\n')));
    QVERIFY2(texts.join(u'\n').contains(QStringLiteral("5: severity.network")), qPrintable(texts.join(u'\n')));
    QVERIFY2(texts.join(u'\n').contains(QStringLiteral("unknown section [elsewhere]")), qPrintable(texts.join(u'\n')));
    QCOMPARE(baseline.requirements().size(), 2); // network, for cli and ide
}

QTEST_GUILESS_MAIN(TestFindings)
#include "tst_findings.moc"
