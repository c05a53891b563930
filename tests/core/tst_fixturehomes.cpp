// SPDX-License-Identifier: Apache-2.0
// The 24 fixture homes of ../shared/fixtures: codex-posture's verdict must match what the real Codex 0.171.0
// reported for each (expected.json; fixtures/README.md says which fields come from which command).
#include "fixturehome.h"

#include <QJsonValue>
#include <QTest>

using namespace Posture;
using Tests::FixtureHome;

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
    const auto orNull = [](bool starts, const QString &value) { return starts ? QJsonValue(value) : QJsonValue(); };

    // `codex doctor`: the base configuration, without the profile.
    const Core::Inspection base = Core::Inspection::run(fixture.options(false), QProcessEnvironment());
    QCOMPARE(Core::loadStatusName(base.loadStatus), expected.value(u"config_load").toString());
    const bool starts = base.codexStarts();
    QCOMPARE(orNull(starts, Tests::oracleApprovalName(base.cli.approvalPolicy.value)), expected.value(u"approval"));
    QCOMPARE(orNull(starts, base.cli.filesystem.value), expected.value(u"filesystem"));
    QCOMPARE(orNull(starts, base.cli.network.value), expected.value(u"network"));

    // `codex [-p PROFILE] debug prompt-input`: the profile applied.
    const Core::Inspection applied =
        fixture.profile().isEmpty() ? base : Core::Inspection::run(fixture.options(true), QProcessEnvironment());
    const bool appliedStarts = applied.codexStarts();
    QCOMPARE(orNull(appliedStarts, applied.cli.sandboxMode.value), expected.value(u"sandbox_mode"));
    if (expected.contains(u"prompt_network"))
        QCOMPARE(applied.cli.network.value, expected.value(u"prompt_network").toString());
    const QString promptApproval = expected.value(u"prompt_approval").toString(QStringLiteral("on-request"));
    if (appliedStarts)
        QCOMPARE(applied.cli.approvalPolicy.value == u"never" ? QStringLiteral("never") : QStringLiteral("on-request"),
            promptApproval == u"never" ? QStringLiteral("never") : QStringLiteral("on-request"));
}

QTEST_GUILESS_MAIN(TestFixtureHomes)
#include "tst_fixturehomes.moc"
