// SPDX-License-Identifier: Apache-2.0
// The Codex releases codex-posture knows: each release's table (schema/versions.json over acceptance.json), which
// release judges each surface (fake codex binaries answering --version), and the findings about releases.
#include "core/config/codexreleases.h"
#include "core/inspection.h"
#include "core/report/codexchanges.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Core;

namespace {

// Set for the deprecated [features] multi_agent from 0.168.0 on, silent before (measured with the real CLIs).
const QByteArray MultiAgent = "[features]\nmulti_agent = true\n";

const QString ExtensionCodex =
    QStringLiteral("home/.vscode/extensions/openai.chatgpt-26.1.0-linux-x64/bin/linux-x86_64/codex");

// A home with this config.toml, and fake codex binaries that print "codex-cli <version>" (none for an empty version):
// one on PATH (bin/codex) and one bundled with the VS Code extension.
struct Machine
{
    QTemporaryDir dir;

    bool setUp(const QByteArray &config, const QString &cliVersion, const QString &ideVersion)
    {
        const auto write = [this](const QString &path, const QByteArray &bytes, bool executable) {
            const QString full = dir.filePath(path);
            QDir().mkpath(QFileInfo(full).path());
            QFile file(full);
            return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size()
                && (!executable || file.setPermissions(file.permissions() | QFileDevice::ExeOwner));
        };
        const auto fake = [](const QString &version) {
            return "#!/bin/sh\necho 'codex-cli " + version.toUtf8() + "'\n";
        };
        return dir.isValid() && write(QStringLiteral("home/.codex/config.toml"), config, false)
            && QDir().mkpath(dir.filePath(QStringLiteral("project")))
            && QDir().mkpath(dir.filePath(QStringLiteral("bin")))
            && QDir().mkpath(dir.filePath(QStringLiteral("system")))
            && (cliVersion.isEmpty() || write(QStringLiteral("bin/codex"), fake(cliVersion), true))
            && (ideVersion.isEmpty() || write(ExtensionCodex, fake(ideVersion), true));
    }

    Inspection inspect(bool runPrograms, const QString &codexVersion = {}) const
    {
        InspectOptions options;
        options.home = dir.filePath(QStringLiteral("home"));
        options.cwd = dir.filePath(QStringLiteral("project"));
        options.runPrograms = runPrograms; // the fixed probe: each codex binary's --version
        options.probeTimeoutMs = 5000;
        options.codexVersion = codexVersion;
        if (!runPrograms)
            options.systemRoot = dir.filePath(QStringLiteral("system"));
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PATH"), dir.filePath(QStringLiteral("bin")));
        return Inspection::run(options, environment);
    }
};

const Finding *findingOf(const Inspection &inspection, QStringView rule)
{
    for (const Finding &finding : inspection.findings) {
        if (finding.ruleId == rule)
            return &finding;
    }
    return nullptr;
}

} // namespace

class TestCodexReleases : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void releases_areRecordedAndOrdered();
    void tables_answerAsEachReleaseDid();
    void differences_listWhatChanged();
    void choose_picksTheRecordedReleaseForAVersion_data();
    void choose_picksTheRecordedReleaseForAVersion();
    void codexVersionOption_judgesByThatRelease();
    void fakeBinaries_decideEachSurfacesRules_data();
    void fakeBinaries_decideEachSurfacesRules();
    void releasesThatDisagree_giveAFindingWithTheKey();
    void changeList_saysWhatChangedAndSince();
};

void TestCodexReleases::changeList_saysWhatChangedAndSince()
{
    const CodexReleases &releases = CodexReleases::known();
    const CodexChanges forwards =
        CodexChangeList::between(releases, QStringLiteral("0.160.1"), QStringLiteral("0.171.0"));
    QVERIFY(forwards.between.contains(QStringLiteral("0.168.0")));
    QVERIFY(!forwards.between.contains(QStringLiteral("0.171.0")));
    const auto multiAgent =
        std::find_if(forwards.changes.cbegin(), forwards.changes.cend(), [](const CodexChange &change) {
            return change.key == u"features.multi_agent" && change.question == u"status";
        });
    QVERIFY(multiAgent != forwards.changes.cend());
    QCOMPARE(multiAgent->kind, QStringLiteral("newly warned"));
    QCOMPARE(multiAgent->since, QStringLiteral("0.168.0"));
    // Backwards, the same change undone, by the first release before 0.168.0.
    const CodexChanges backwards =
        CodexChangeList::between(releases, QStringLiteral("0.171.0"), QStringLiteral("0.160.1"));
    QCOMPARE(backwards.changes.size(), forwards.changes.size());
    QCOMPARE(backwards.changes.constFirst().kind, QStringLiteral("no longer warned"));
    QCOMPARE(backwards.changes.constFirst().since, QStringLiteral("0.167.2"));
    QVERIFY(CodexChangeList::text(forwards).contains(QStringLiteral("features.multi_agent")));
    QVERIFY(CodexChangeList::between(releases, QStringLiteral("0.168.0"), QStringLiteral("0.169.0")).changes.isEmpty());
}

void TestCodexReleases::releases_areRecordedAndOrdered()
{
    const CodexReleases &releases = CodexReleases::known();
    const QStringList versions = releases.versions();
    QVERIFY2(versions.size() >= 10, qPrintable(versions.join(u' ')));
    for (qsizetype i = 1; i < versions.size(); ++i)
        QCOMPARE(CodexReleases::compare(versions.at(i - 1), versions.at(i)), -1);
    QCOMPARE(releases.newest(), CodexAcceptance::codex().codexVersion());
    QCOMPARE(CodexReleases::compare(QStringLiteral("0.99.1"), QStringLiteral("0.171.0")), -1);
    QCOMPARE(CodexReleases::compare(QStringLiteral("0.171.0"), QStringLiteral("0.171.0")), 0);
}

void TestCodexReleases::tables_answerAsEachReleaseDid()
{
    const CodexReleases &releases = CodexReleases::known();
    const KeyPath multiAgent{QStringLiteral("features"), QStringLiteral("multi_agent")};
    QCOMPARE(
        releases.acceptance(QStringLiteral("0.167.2")).value(multiAgent, true).status, CodexAcceptance::Status::Ok);
    const CodexAcceptance::Answer newest = releases.acceptance(QStringLiteral("0.168.0")).value(multiAgent, true);
    QCOMPARE(newest.status, CodexAcceptance::Status::Warning);
    QVERIFY(newest.text.contains(QStringLiteral("deprecated")));
    // Everything not recorded as different is the recorded table's answer.
    const KeyPath approval{QStringLiteral("approval_policy")};
    QCOMPARE(releases.acceptance(QStringLiteral("0.160.1")).value(approval, QStringLiteral("untrusted")),
        CodexAcceptance::codex().value(approval, QStringLiteral("untrusted")));
    QVERIFY(releases.sameRules(QStringLiteral("0.168.0"), QStringLiteral("0.169.0")));
    QVERIFY(!releases.sameRules(QStringLiteral("0.169.0"), QStringLiteral("0.171.0"))); // marketplaces.<name> = []
    QVERIFY(!releases.sameRules(QStringLiteral("0.167.2"), QStringLiteral("0.168.0")));
}

void TestCodexReleases::differences_listWhatChanged()
{
    const CodexReleases &releases = CodexReleases::known();
    const QList<CodexAcceptance::Difference> changes =
        releases.acceptance(QStringLiteral("0.171.0")).differencesFrom(releases.acceptance(QStringLiteral("0.160.1")));
    const auto it = std::find_if(changes.cbegin(), changes.cend(), [](const CodexAcceptance::Difference &change) {
        return change.key == u"features.multi_agent" && change.question == u"status";
    });
    QVERIFY(it != changes.cend());
    QCOMPARE(it->before.status, CodexAcceptance::Status::Ok);
    QCOMPARE(it->after.status, CodexAcceptance::Status::Warning);
    QVERIFY(releases.acceptance(QStringLiteral("0.169.0"))
            .differencesFrom(releases.acceptance(QStringLiteral("0.168.0")))
            .isEmpty());
}

void TestCodexReleases::choose_picksTheRecordedReleaseForAVersion_data()
{
    const CodexReleases &releases = CodexReleases::known();
    QTest::addColumn<QString>("installed");
    QTest::addColumn<QString>("release");
    QTest::addColumn<JudgingRelease::Fit>("fit");
    QTest::newRow("recorded") << QStringLiteral("0.167.2") << QStringLiteral("0.167.2") << JudgingRelease::Fit::Exact;
    QTest::newRow("between two") << QStringLiteral("0.170.0") << QStringLiteral("0.169.0")
                                 << JudgingRelease::Fit::Between;
    QTest::newRow("newer") << QStringLiteral("0.999.0") << releases.newest() << JudgingRelease::Fit::NewerThanKnown;
    QTest::newRow("older") << QStringLiteral("0.100.0") << releases.oldest() << JudgingRelease::Fit::OlderThanKnown;
    QTest::newRow("unknown") << QString() << releases.newest() << JudgingRelease::Fit::NotKnown;
}

void TestCodexReleases::choose_picksTheRecordedReleaseForAVersion()
{
    QFETCH(QString, installed);
    QFETCH(QString, release);
    QFETCH(JudgingRelease::Fit, fit);
    const JudgingRelease choice = CodexReleases::known().choose(installed, QStringLiteral("PATH: /usr/bin/codex"));
    QCOMPARE(choice.release, release);
    QCOMPARE(choice.fit, fit);
    QVERIFY(choice.describe().startsWith(release + u' '));
}

void TestCodexReleases::codexVersionOption_judgesByThatRelease()
{
    Machine machine;
    QVERIFY(machine.setUp(MultiAgent, {}, {}));
    const Inspection older = machine.inspect(false, QStringLiteral("0.167.2"));
    QCOMPARE(older.loadStatus, LoadStatus::Ok);
    QCOMPARE(older.cliRelease.release, QStringLiteral("0.167.2"));
    QCOMPARE(older.cliRelease.fit, JudgingRelease::Fit::Asked);
    QCOMPARE(older.ideRelease.release, QStringLiteral("0.167.2"));
    const Inspection newer = machine.inspect(false, QStringLiteral("0.171.0"));
    QCOMPARE(newer.loadStatus, LoadStatus::Warning);
    // Without a version known, the newest release judges.
    const Inspection unknown = machine.inspect(false);
    QCOMPARE(unknown.cliRelease.release, CodexReleases::known().newest());
    QCOMPARE(unknown.cliRelease.fit, JudgingRelease::Fit::NotKnown);
    QCOMPARE(unknown.loadStatus, LoadStatus::Warning);
    // A version that is not recorded is refused.
    QString error;
    QVERIFY(!CodexReleases::known().asked(QStringLiteral("0.170.0"), &error));
    QVERIFY(error.contains(QStringLiteral("0.169.0")));
}

void TestCodexReleases::fakeBinaries_decideEachSurfacesRules_data()
{
    QTest::addColumn<QString>("cli");
    QTest::addColumn<QString>("ide");
    QTest::addColumn<QString>("cliRelease");
    QTest::addColumn<QString>("ideRelease");
    QTest::addColumn<QString>("finding"); // the release finding expected, or empty
    const QString newest = CodexReleases::known().newest();
    const QString oldest = CodexReleases::known().oldest();
    for (const QString &version : CodexReleases::known().versions())
        QTest::addRow("both %s", qPrintable(version)) << version << version << version << version << QString();
    QTest::newRow("cli only") << QStringLiteral("0.165.0") << QString() << QStringLiteral("0.165.0")
                              << QStringLiteral("0.165.0") << QString();
    QTest::newRow("ide newer than known")
        << QStringLiteral("0.165.0") << QStringLiteral("0.999.0") << QStringLiteral("0.165.0") << newest
        << QStringLiteral("codex-newer-than-known");
    QTest::newRow("cli older than known")
        << QStringLiteral("0.100.0") << QString() << oldest << oldest << QStringLiteral("codex-older-than-known");
    QTest::newRow("none") << QString() << QString() << newest << newest << QString();
}

void TestCodexReleases::fakeBinaries_decideEachSurfacesRules()
{
    QFETCH(QString, cli);
    QFETCH(QString, ide);
    QFETCH(QString, cliRelease);
    QFETCH(QString, ideRelease);
    QFETCH(QString, finding);
    Machine machine;
    QVERIFY(machine.setUp("approval_policy = \"on-request\"\n", cli, ide));
    const Inspection inspection = machine.inspect(true);
    QCOMPARE(inspection.cliRelease.release, cliRelease);
    QCOMPARE(inspection.ideRelease.release, ideRelease);
    if (!cli.isEmpty())
        QCOMPARE(inspection.cliRelease.installed, cli);
    for (const QString &rule : {QStringLiteral("codex-newer-than-known"), QStringLiteral("codex-older-than-known")})
        QCOMPARE(findingOf(inspection, rule) != nullptr, rule == finding);
    // Not asked (nothing runs on a copied machine): the newest release, whatever is installed.
    const Inspection notAsked = machine.inspect(false);
    QCOMPARE(notAsked.cliRelease.release, CodexReleases::known().newest());
}

void TestCodexReleases::releasesThatDisagree_giveAFindingWithTheKey()
{
    Machine machine;
    QVERIFY(machine.setUp(MultiAgent, QStringLiteral("0.171.0"), QStringLiteral("0.167.2")));
    const Inspection inspection = machine.inspect(true);
    QCOMPARE(inspection.loadStatus, LoadStatus::Warning); // the CLI's 0.171.0 warns
    QCOMPARE(inspection.ideLoadStatus, LoadStatus::Ok); // the IDE's 0.167.2 does not
    const Finding *finding = findingOf(inspection, u"codex-releases-judge-differently");
    QVERIFY(finding);
    QVERIFY2(finding->title.contains(QStringLiteral("features.multi_agent")), qPrintable(finding->title));
    QCOMPARE(finding->severity, Severity::Low); // both start: only a warning differs
    QCOMPARE(finding->evidence.line, 2);
    // The same release on both sides: no such finding.
    Machine same;
    QVERIFY(same.setUp(MultiAgent, QStringLiteral("0.171.0"), QStringLiteral("0.171.0")));
    QVERIFY(!findingOf(same.inspect(true), u"codex-releases-judge-differently"));
}

QTEST_GUILESS_MAIN(TestCodexReleases)
#include "tst_codexreleases.moc"
