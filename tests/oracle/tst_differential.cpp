// SPDX-License-Identifier: Apache-2.0
// The differential test: the real, pinned Codex CLI and codex-posture judge the same homes. It prints the agreement
// rate and every disagreement; it fails on any disagreement on the fixtures and below 98% on the generated homes.
// POSTURE_DIFF_SEED and POSTURE_DIFF_COUNT explore other generated homes; POSTURE_DIFF_KEEP=DIR keeps them in DIR.
#include "codexversions.h"
#include "fixturehome.h"
#include "homegenerator.h"
#include "verdict.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture::Tests;

namespace {

const QString Oracle = QStringLiteral(POSTURE_CODEX_ORACLE);

struct Tally
{
    int cases = 0;
    QStringList disagreements;

    double rate() const { return cases == 0 ? 0 : 100.0 * (cases - int(disagreements.size())) / cases; }
};

// Runs both judges on one case; a disagreement (or an oracle that cannot run) is added to the tally.
void judge(const CodexCase &codexCase, const QString &name, Tally &tally, const QString &oracle = Oracle)
{
    const Verdict ours = postureVerdict(codexCase); // before the CLI writes its state into the home
    QString error;
    const Verdict real = oracleVerdict(oracle, codexCase, &error);
    ++tally.cases;
    if (!error.isEmpty())
        tally.disagreements.append(name + QStringLiteral(": the CLI did not answer: ") + error);
    else if (!(ours == real))
        tally.disagreements.append(name + QStringLiteral("\n    codex:         ") + real.toString()
            + QStringLiteral("\n    codex-posture: ") + ours.toString());
}

void print(const char *title, const Tally &tally)
{
    qInfo("%s: %d cases, %lld disagreements, agreement %.1f%%", title, tally.cases,
        qlonglong(tally.disagreements.size()), tally.rate());
    for (const QString &disagreement : tally.disagreements)
        qInfo("  %s", qPrintable(disagreement));
}

} // namespace

class TestDifferential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fixtures_agreeWithRealCodex();
    void generatedHomes_agreeWithRealCodex();
    void olderReleases_agreeWithTheirRealCodex_data();
    void olderReleases_agreeWithTheirRealCodex();
};

void TestDifferential::initTestCase()
{
    QVERIFY2(QFileInfo(Oracle).isExecutable(), qPrintable(Oracle + QStringLiteral(" is not the pinned Codex CLI")));
}

void TestDifferential::fixtures_agreeWithRealCodex()
{
    Tally tally;
    for (const QString &directory : FixtureHome::caseDirectories()) {
        const FixtureHome fixture(directory);
        QVERIFY(fixture.isValid());
        const CodexCase codexCase{
            fixture.home(), fixture.codexHome(), fixture.cwd(), fixture.profile(), fixture.options(false).systemRoot};
        judge(codexCase, fixture.name(), tally);
    }
    print("fixtures", tally);
    QVERIFY(tally.cases >= 24);
    QVERIFY2(tally.disagreements.isEmpty(), "codex-posture must agree with the real CLI on every fixture");
}

void TestDifferential::generatedHomes_agreeWithRealCodex()
{
    const quint32 seed = !qEnvironmentVariableIsEmpty("POSTURE_DIFF_SEED")
        ? quint32(qEnvironmentVariableIntValue("POSTURE_DIFF_SEED"))
        : 20261127u;
    const int count =
        !qEnvironmentVariableIsEmpty("POSTURE_DIFF_COUNT") ? qEnvironmentVariableIntValue("POSTURE_DIFF_COUNT") : 200;
    HomeGenerator generator(seed);
    Tally tally;
    const QString keep = qEnvironmentVariable("POSTURE_DIFF_KEEP");
    for (int i = 0; i < count; ++i) {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QString root = keep.isEmpty() ? temporary.path() : keep + QStringLiteral("/%1").arg(i);
        QVERIFY(QDir().mkpath(root));
        QString description;
        const CodexCase codexCase = generator.generate(root, &description);
        judge(codexCase, QStringLiteral("#%1 %2").arg(i).arg(description), tally);
    }
    print(qPrintable(QStringLiteral("generated homes (seed %1)").arg(seed)), tally);
    QVERIFY(tally.cases >= 150 || count < 150);
    QVERIFY2(tally.rate() >= 98.0, "agreement with the real CLI on generated homes fell below 98%");
}

void TestDifferential::olderReleases_agreeWithTheirRealCodex_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("binary");
    const QMap<QString, QString> binaries = pinnedCodexBinaries();
    for (auto it = binaries.cbegin(); it != binaries.cend(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key() << it.value();
}

// The same corpus (every fixture, the real-world pattern cases among them, and generated homes) judged by the rules
// of an older recorded release, against that release's real CLI. With the pinned oracle's test above: three releases.
void TestDifferential::olderReleases_agreeWithTheirRealCodex()
{
    QFETCH(QString, version);
    QFETCH(QString, binary);
    QVERIFY2(QFileInfo(binary).isExecutable(), qPrintable(binary + QStringLiteral(" is not a pinned Codex CLI")));
    Tally tally;
    for (const QString &directory : FixtureHome::caseDirectories()) {
        const FixtureHome fixture(directory);
        QVERIFY(fixture.isValid());
        CodexCase codexCase{
            fixture.home(), fixture.codexHome(), fixture.cwd(), fixture.profile(), fixture.options(false).systemRoot};
        codexCase.codexVersion = version;
        judge(codexCase, fixture.name(), tally, binary);
    }
    HomeGenerator generator(20261201u);
    for (int i = 0; i < 100; ++i) {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QString description;
        CodexCase codexCase = generator.generate(temporary.path(), &description);
        codexCase.codexVersion = version;
        judge(codexCase, QStringLiteral("#%1 %2").arg(i).arg(description), tally, binary);
    }
    print(qPrintable(QStringLiteral("codex %1: fixtures and generated homes").arg(version)), tally);
    QVERIFY(tally.cases >= 150);
    QVERIFY2(tally.disagreements.isEmpty(),
        qPrintable(QStringLiteral("codex-posture must agree with codex %1 on every case").arg(version)));
}

QTEST_GUILESS_MAIN(TestDifferential)
#include "tst_differential.moc"
