// SPDX-License-Identifier: Apache-2.0
// The differential test: the real, pinned Codex CLI and codex-posture judge the same homes. It prints the agreement
// rate and every disagreement; it fails on any disagreement on the fixtures and below 98% on the generated homes.
// POSTURE_DIFF_SEED and POSTURE_DIFF_COUNT explore other generated homes; POSTURE_DIFF_KEEP=DIR keeps them in DIR.
#include "codexversions.h"
#include "fixturehome.h"
#include "homegenerator.h"
#include "verdict.h"

#include <QDir>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

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

// Each corpus is split into data rows (a fixture, a batch of generated homes) so that no QtTest function runs longer
// than a few CLI runs (the limit per row is set in tests/CMakeLists.txt); the tallies add up across rows and the
// summary slots print and judge them.
class TestDifferential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fixtures_agreeWithRealCodex_data();
    void fixtures_agreeWithRealCodex();
    void fixtures_summary();
    void generatedHomes_agreeWithRealCodex_data();
    void generatedHomes_agreeWithRealCodex();
    void generatedHomes_summary();
    void olderReleases_agreeWithTheirRealCodex_data();
    void olderReleases_agreeWithTheirRealCodex();
    void olderReleases_summary();

private:
    Tally m_fixtures;
    Tally m_generated;
    QMap<QString, Tally> m_older; // per release
    // Generated homes are made in order, batch after batch, from one generator per corpus: the same homes as one loop.
    std::unique_ptr<HomeGenerator> m_generator;
    QMap<QString, std::shared_ptr<HomeGenerator>> m_olderGenerators;
};

namespace {

constexpr int GeneratedBatch = 25; // homes per data row
constexpr int OlderGenerated = 100; // generated homes per older release

quint32 generatedSeed()
{
    return !qEnvironmentVariableIsEmpty("POSTURE_DIFF_SEED")
        ? quint32(qEnvironmentVariableIntValue("POSTURE_DIFF_SEED"))
        : 20261127u;
}

int generatedCount()
{
    return !qEnvironmentVariableIsEmpty("POSTURE_DIFF_COUNT") ? qEnvironmentVariableIntValue("POSTURE_DIFF_COUNT")
                                                              : 200;
}

CodexCase fixtureCase(const FixtureHome &fixture)
{
    return {fixture.home(), fixture.codexHome(), fixture.cwd(), fixture.profile(), fixture.options(false).systemRoot};
}

} // namespace

void TestDifferential::initTestCase()
{
    QVERIFY2(QFileInfo(Oracle).isExecutable(), qPrintable(Oracle + QStringLiteral(" is not the pinned Codex CLI")));
}

void TestDifferential::fixtures_agreeWithRealCodex_data()
{
    QTest::addColumn<QString>("directory");
    for (const QString &directory : FixtureHome::caseDirectories())
        QTest::newRow(qPrintable(FixtureHome::label(directory))) << directory;
}

void TestDifferential::fixtures_agreeWithRealCodex()
{
    QFETCH(QString, directory);
    const FixtureHome fixture(directory);
    QVERIFY(fixture.isValid());
    const qsizetype before = m_fixtures.disagreements.size();
    judge(fixtureCase(fixture), fixture.name(), m_fixtures);
    QVERIFY2(m_fixtures.disagreements.size() == before, qPrintable(m_fixtures.disagreements.value(before)));
}

void TestDifferential::fixtures_summary()
{
    print("fixtures", m_fixtures);
    QVERIFY(m_fixtures.cases >= 24);
    QVERIFY2(m_fixtures.disagreements.isEmpty(), "codex-posture must agree with the real CLI on every fixture");
}

void TestDifferential::generatedHomes_agreeWithRealCodex_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("count");
    for (int first = 0; first < generatedCount(); first += GeneratedBatch)
        QTest::addRow("homes %d-%d", first, qMin(first + GeneratedBatch, generatedCount()) - 1)
            << first << qMin(GeneratedBatch, generatedCount() - first);
}

void TestDifferential::generatedHomes_agreeWithRealCodex()
{
    QFETCH(int, first);
    QFETCH(int, count);
    if (!m_generator)
        m_generator = std::make_unique<HomeGenerator>(generatedSeed());
    const QString keep = qEnvironmentVariable("POSTURE_DIFF_KEEP");
    for (int i = first; i < first + count; ++i) {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QString root = keep.isEmpty() ? temporary.path() : keep + QStringLiteral("/%1").arg(i);
        QVERIFY(QDir().mkpath(root));
        QString description;
        const CodexCase codexCase = m_generator->generate(root, &description);
        judge(codexCase, QStringLiteral("#%1 %2").arg(i).arg(description), m_generated);
    }
}

void TestDifferential::generatedHomes_summary()
{
    print(qPrintable(QStringLiteral("generated homes (seed %1)").arg(generatedSeed())), m_generated);
    QVERIFY(m_generated.cases >= 150 || generatedCount() < 150);
    QVERIFY2(m_generated.rate() >= 98.0, "agreement with the real CLI on generated homes fell below 98%");
}

void TestDifferential::olderReleases_agreeWithTheirRealCodex_data()
{
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("binary");
    QTest::addColumn<QString>("directory"); // a fixture, or empty for a batch of generated homes
    QTest::addColumn<int>("first");
    const QMap<QString, QString> binaries = pinnedCodexBinaries();
    const QStringList fixtures = FixtureHome::caseDirectories();
    for (auto it = binaries.cbegin(); it != binaries.cend(); ++it) {
        for (const QString &directory : fixtures) {
            QTest::addRow("%s %s", qPrintable(it.key()), qPrintable(FixtureHome::label(directory)))
                << it.key() << it.value() << directory << 0;
        }
        for (int first = 0; first < OlderGenerated; first += GeneratedBatch)
            QTest::addRow("%s homes %d-%d", qPrintable(it.key()), first, first + GeneratedBatch - 1)
                << it.key() << it.value() << QString() << first;
    }
}

// The same corpus (every fixture, the real-world pattern cases among them, and generated homes) judged by the rules
// of an older recorded release, against that release's real CLI. With the pinned oracle's test above: three releases.
void TestDifferential::olderReleases_agreeWithTheirRealCodex()
{
    QFETCH(QString, version);
    QFETCH(QString, binary);
    QFETCH(QString, directory);
    QFETCH(int, first);
    QVERIFY2(QFileInfo(binary).isExecutable(), qPrintable(binary + QStringLiteral(" is not a pinned Codex CLI")));
    Tally &tally = m_older[version];
    const qsizetype before = tally.disagreements.size();
    if (!directory.isEmpty()) {
        const FixtureHome fixture(directory);
        QVERIFY(fixture.isValid());
        CodexCase codexCase = fixtureCase(fixture);
        codexCase.codexVersion = version;
        judge(codexCase, fixture.name(), tally, binary);
    } else {
        std::shared_ptr<HomeGenerator> &generator = m_olderGenerators[version];
        if (!generator)
            generator = std::make_shared<HomeGenerator>(20261201u);
        for (int i = first; i < first + GeneratedBatch; ++i) {
            QTemporaryDir temporary;
            QVERIFY(temporary.isValid());
            QString description;
            CodexCase codexCase = generator->generate(temporary.path(), &description);
            codexCase.codexVersion = version;
            judge(codexCase, QStringLiteral("#%1 %2").arg(i).arg(description), tally, binary);
        }
    }
    QVERIFY2(tally.disagreements.size() == before, qPrintable(tally.disagreements.value(before)));
}

void TestDifferential::olderReleases_summary()
{
    for (auto it = m_older.cbegin(); it != m_older.cend(); ++it) {
        print(qPrintable(QStringLiteral("codex %1: fixtures and generated homes").arg(it.key())), it.value());
        QVERIFY(it.value().cases >= 150);
        QVERIFY2(it.value().disagreements.isEmpty(),
            qPrintable(QStringLiteral("codex-posture must agree with codex %1 on every case").arg(it.key())));
    }
    QCOMPARE(m_older.size(), pinnedCodexBinaries().size());
}

QTEST_GUILESS_MAIN(TestDifferential)
#include "tst_differential.moc"
