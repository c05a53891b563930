// SPDX-License-Identifier: Apache-2.0
// The posture table every face shows (the window's model, the reports): values, where they came from, and the risk
// of the worst finding that concerns each cell.
#include "core/report/posturetable.h"
#include "fixturehome.h"

#include <QTest>

using namespace Posture::Core;
using Posture::Tests::FixtureHome;

class TestPostureTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void yolo_fullAccessCellSaysCriticalAndWhere();
    void findingRows_followTheRuleOrTheKey();
    void safeHome_hasNoCellAboveInfo();
};

void TestPostureTable::yolo_fullAccessCellSaysCriticalAndWhere()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const PostureTable table = PostureTable::of(Inspection::run(fixture.options(false), QProcessEnvironment()));
    const PostureTable::Cell &mode = table.cell(PostureTable::SandboxModeRow, PostureTable::CliColumn);
    QCOMPARE(mode.value, QStringLiteral("danger-full-access"));
    QCOMPARE(mode.provenance, QStringLiteral("config.toml:4 (user)"));
    QCOMPARE(mode.risk, RiskLevel::Critical);
    QVERIFY(mode.findingIds.contains(QStringLiteral("unattended-full-access:sandbox_mode")));
    // The cloud column is Codex's documented container, not the local file.
    QCOMPARE(table.cell(PostureTable::SandboxModeRow, PostureTable::CloudColumn).value, QStringLiteral("container"));
    QCOMPARE(PostureTable::rowName(PostureTable::McpServersRow), QStringLiteral("MCP servers"));
}

void TestPostureTable::findingRows_followTheRuleOrTheKey()
{
    Finding byRule;
    byRule.ruleId = QStringLiteral("approval-never");
    QCOMPARE(PostureTable::rowsOf(byRule), QList<PostureTable::Row>{PostureTable::ApprovalRow});
    Finding byKey;
    byKey.ruleId = QStringLiteral("security-setting-ignored");
    byKey.evidence.keyPath = QStringLiteral("sandbox_workspace_write.network_access");
    QCOMPARE(PostureTable::rowsOf(byKey), QList<PostureTable::Row>{PostureTable::NetworkRow});
    Finding aboutAFile;
    aboutAFile.ruleId = QStringLiteral("config-writable-by-others");
    QVERIFY(PostureTable::rowsOf(aboutAFile).isEmpty());
}

void TestPostureTable::safeHome_hasNoCellAboveInfo()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("safe-legacy")));
    const PostureTable table = PostureTable::of(Inspection::run(fixture.options(false), QProcessEnvironment()));
    for (int row = 0; row < PostureTable::RowCount; ++row) {
        for (int column = 0; column < PostureTable::ColumnCount; ++column) {
            const RiskLevel risk = table.cell(PostureTable::Row(row), PostureTable::Column(column)).risk;
            QVERIFY2(riskRank(risk) <= riskRank(RiskLevel::Unknown),
                qPrintable(PostureTable::rowName(PostureTable::Row(row)) + u' ' + riskWord(risk)));
        }
    }
}

QTEST_GUILESS_MAIN(TestPostureTable)
#include "tst_posturetable.moc"
