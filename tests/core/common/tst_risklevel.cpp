// SPDX-License-Identifier: Apache-2.0
#include "core/common/risklevel.h"
#include "core/rules/finding.h"
#include "core/sandbox/sandboxcapability.h"

#include <QSet>
#include <QTest>

using namespace Posture::Core;

class TestRiskLevel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyLevel_hasItsOwnWordAndIcon();
    void words_readBack();
    void rank_putsCriticalFirstAndUnknownAboveInfo();
    void severity_keepsItsWordAndIcon();
    void verdict_isOkUnlessAFindingAboveInfoCounts();
    void probeState_mapsToTheScale();
    void enforcement_mapsToTheScale();
};

void TestRiskLevel::everyLevel_hasItsOwnWordAndIcon()
{
    QSet<QString> words;
    QSet<QString> icons;
    for (const RiskLevel level : AllRiskLevels) {
        words.insert(riskWord(level));
        icons.insert(riskIconName(level));
    }
    QCOMPARE(words.size(), int(std::size(AllRiskLevels)));
    QCOMPARE(icons.size(), int(std::size(AllRiskLevels))); // a different shape for each: never colour alone
    QVERIFY(!words.contains(QString()) && !icons.contains(QString()));
}

void TestRiskLevel::words_readBack()
{
    for (const RiskLevel level : AllRiskLevels)
        QCOMPARE(riskFromWord(riskWord(level)), level);
    QCOMPARE(riskFromWord(QStringLiteral("HIGH")), RiskLevel::High);
    QVERIFY(!riskFromWord(QStringLiteral("severe")));
}

void TestRiskLevel::rank_putsCriticalFirstAndUnknownAboveInfo()
{
    const QList<RiskLevel> worstFirst{RiskLevel::Critical, RiskLevel::High, RiskLevel::Medium, RiskLevel::Low,
        RiskLevel::Unknown, RiskLevel::Info, RiskLevel::Ok};
    for (qsizetype i = 1; i < worstFirst.size(); ++i)
        QVERIFY2(riskRank(worstFirst.at(i - 1)) > riskRank(worstFirst.at(i)), qPrintable(riskWord(worstFirst.at(i))));
}

void TestRiskLevel::severity_keepsItsWordAndIcon()
{
    for (int i = 0; i < 5; ++i) {
        const Severity severity = Severity(i);
        QCOMPARE(riskWord(riskOf(severity)), severityName(severity));
        QCOMPARE(riskIconName(riskOf(severity)), severityIconName(severity)); // the JSON report's icon names
    }
}

void TestRiskLevel::verdict_isOkUnlessAFindingAboveInfoCounts()
{
    const auto finding = [](Severity severity, Surfaces surfaces) {
        Finding made;
        made.id = QStringLiteral("rule:%1").arg(int(severity));
        made.severity = severity;
        made.surfaces = surfaces;
        return made;
    };
    Findings findings{finding(Severity::Info, Surface::Cli), finding(Severity::High, Surface::Ide)};
    QCOMPARE(riskOf(SurfaceVerdict::of({}, Surface::Cli)), RiskLevel::Ok);
    QCOMPARE(riskOf(SurfaceVerdict::of(findings, Surface::Cli)), RiskLevel::Ok); // "ok", as the verdict's word
    QCOMPARE(riskOf(SurfaceVerdict::of(findings, Surface::Ide)), RiskLevel::High);
    findings.append(finding(Severity::Critical, Surfaces(Surface::Cli) | Surface::Ide));
    QCOMPARE(riskOf(SurfaceVerdict::of(findings, Surface::Ide)), RiskLevel::Critical);
    findings.last().acceptance = Acceptance{QStringLiteral("lab"), QStringLiteral("ada"), QDate(2099, 1, 1), false};
    QCOMPARE(riskOf(SurfaceVerdict::of(findings, Surface::Ide)), RiskLevel::High); // accepted ones do not count
}

void TestRiskLevel::probeState_mapsToTheScale()
{
    const auto of = [](Capability::State state) { return riskOf(Capability{QStringLiteral("probe"), state, {}, {}}); };
    QCOMPARE(of(Capability::State::Ok), RiskLevel::Ok);
    QCOMPARE(of(Capability::State::Info), RiskLevel::Info);
    QCOMPARE(of(Capability::State::Problem), RiskLevel::Medium);
    QCOMPARE(of(Capability::State::Unknown), RiskLevel::Unknown);
}

void TestRiskLevel::enforcement_mapsToTheScale()
{
    QCOMPARE(riskOf(Enforcement{Enforcement::State::Enforced, {}, {}}), RiskLevel::Ok);
    QCOMPARE(riskOf(Enforcement{Enforcement::State::NotEnforced, {}, {}}), RiskLevel::High);
    QCOMPARE(riskOf(Enforcement{Enforcement::State::Unknown, {}, {}}), RiskLevel::Unknown); // never ok
}

QTEST_GUILESS_MAIN(TestRiskLevel)
#include "tst_risklevel.moc"
