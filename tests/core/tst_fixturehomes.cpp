// SPDX-License-Identifier: Apache-2.0
// The 24 fixture homes of ../shared/fixtures: codex-posture's verdict must match what the real Codex 0.171.0
// reported for each (expected.json; fixtures/README.md says which fields come from which command).
#include "fixturehome.h"
#include "verdict.h"

#include <QJsonValue>
#include <QTest>

using namespace Posture;
using namespace Posture::Tests;

class TestFixtureHomes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixture_matchesRealCodex_data();
    void fixture_matchesRealCodex();
};

void TestFixtureHomes::fixture_matchesRealCodex_data()
{
    QTest::addColumn<QString>("directory");
    // The project's own cases, and the team's ../shared cases as a cross-check when they are beside the repository.
    QVERIFY2(FixtureHome::ownCaseDirectories().size() >= 24, "tests/data/fixtures/homes must hold at least 24 cases");
    if (FixtureHome::sharedCaseDirectories().isEmpty())
        qInfo("../shared is not beside the repository: the cross-check with its fixture homes does not run");
    for (const QString &directory : FixtureHome::caseDirectories())
        QTest::newRow(qPrintable(FixtureHome::label(directory))) << directory;
}

void TestFixtureHomes::fixture_matchesRealCodex()
{
    QFETCH(QString, directory);
    const FixtureHome fixture(directory);
    QVERIFY(fixture.isValid());
    const QJsonObject expected = fixture.expected();
    QVERIFY2(!expected.isEmpty(), "the case has no expected.json: scripts/record-fixtures records it");
    // The verdict as the oracle commands would give it (doctor: the base configuration; prompt-input: the profile
    // applied; the startup warnings), derived as the differential test derives it.
    const CodexCase codexCase{
        fixture.home(), fixture.codexHome(), fixture.cwd(), fixture.profile(), fixture.options(false).systemRoot};
    const Verdict ours = postureVerdict(codexCase);
    const Verdict real = Verdict::fromExpectedJson(expected);
    QVERIFY2(ours == real,
        qPrintable(
            QStringLiteral("\n    codex:         %1\n    codex-posture: %2").arg(real.toString(), ours.toString())));
}

QTEST_GUILESS_MAIN(TestFixtureHomes)
#include "tst_fixturehomes.moc"
