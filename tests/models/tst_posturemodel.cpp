// SPDX-License-Identifier: Apache-2.0
#include "fixturehome.h"
#include "posturemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Posture;
using Core::RiskLevel;
using Models::PostureModel;
using Tests::FixtureHome;

namespace {

Core::Inspection inspect(const QString &name, bool withProfile = false)
{
    const FixtureHome fixture(FixtureHome::caseDirectory(name));
    return Core::Inspection::run(fixture.options(withProfile), QProcessEnvironment());
}

RiskLevel riskAt(const QModelIndex &index)
{
    return RiskLevel(index.data(Models::RiskRole).toInt());
}

} // namespace

class TestPostureModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void mutators_keepModelConsistent();
    void yolo_cliIsCriticalAndSaysWhereFullAccessWasSet();
    void everyCell_answersEveryRole();
    void profile_decidesTheCliOnly();
    void untrustedProject_isNotWhereValuesComeFrom();
    void parseError_neitherSurfaceStarts();
    void safeHome_hasNoCellAboveLow();
    void headers_nameSurfacesAndDimensions();

private:
    std::unique_ptr<PostureModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestPostureModel::init()
{
    QTest::failOnWarning();
    m_model = std::make_unique<PostureModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
}

void TestPostureModel::mutators_keepModelConsistent()
{
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setInspection(inspect(QStringLiteral("yolo")));
    QCOMPARE(m_model->rowCount(), int(PostureModel::RowCount));
    QCOMPARE(m_model->columnCount(), int(PostureModel::ColumnCount));
    m_model->setInspection(inspect(QStringLiteral("safe-legacy")));
    QCOMPARE(m_model->rowCount(), int(PostureModel::RowCount));
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestPostureModel::yolo_cliIsCriticalAndSaysWhereFullAccessWasSet()
{
    m_model->setInspection(inspect(QStringLiteral("yolo")));
    const QModelIndex fullAccess = m_model->index(PostureModel::SandboxModeRow, PostureModel::CliColumn);
    QCOMPARE(fullAccess.data().toString(), QStringLiteral("danger-full-access"));
    QCOMPARE(fullAccess.data(PostureModel::ProvenanceRole).toString(), QStringLiteral("config.toml:4 (user)"));
    QVERIFY(fullAccess.data(PostureModel::FileRole).toString().endsWith(QStringLiteral("/.codex/config.toml")));
    QCOMPARE(fullAccess.data(PostureModel::LineRole).toInt(), 4);
    QCOMPARE(fullAccess.data(PostureModel::LayerRole).toString(), QStringLiteral("user"));
    QCOMPARE(riskAt(fullAccess), RiskLevel::Critical); // full access, never asks and network on, together
    const QStringList findings = fullAccess.data(PostureModel::FindingIdsRole).toStringList();
    QVERIFY2(findings.contains(QStringLiteral("unattended-full-access:sandbox_mode")), qPrintable(findings.join(u' ')));
    QVERIFY(fullAccess.data(Qt::ToolTipRole).toString().contains(QStringLiteral("critical")));

    const QModelIndex approval = m_model->index(PostureModel::ApprovalRow, PostureModel::CliColumn);
    QCOMPARE(approval.data().toString(), QStringLiteral("never"));
    QCOMPARE(approval.data(PostureModel::ProvenanceRole).toString(), QStringLiteral("config.toml:5 (user)"));
    const QModelIndex webSearch = m_model->index(PostureModel::WebSearchRow, PostureModel::CliColumn);
    QCOMPARE(webSearch.data().toString(), QStringLiteral("live"));
    QCOMPARE(webSearch.data(PostureModel::ProvenanceRole).toString(), QStringLiteral("config.toml:6 (user)"));
    QCOMPARE(riskAt(webSearch), RiskLevel::Low); // live search with network on
    QCOMPARE(riskAt(m_model->index(PostureModel::ProjectTrustRow, PostureModel::CliColumn)), RiskLevel::High);
    // Full access writes everywhere: the writable roots are as critical as the mode.
    const QModelIndex roots = m_model->index(PostureModel::WritableRootsRow, PostureModel::CliColumn);
    QCOMPARE(roots.data().toString(), QStringLiteral("everything (no filesystem sandbox)"));
    QCOMPARE(riskAt(roots), RiskLevel::Critical);
    QCOMPARE(roots.data(PostureModel::ProvenanceRole).toString(), QStringLiteral("config.toml:4 (user)"));
    // The IDE extension reads the same layers: the same values, and nothing marks a difference.
    const QModelIndex ide = m_model->index(PostureModel::SandboxModeRow, PostureModel::IdeColumn);
    QCOMPARE(ide.data().toString(), QStringLiteral("danger-full-access"));
    QCOMPARE(ide.data(PostureModel::ProvenanceRole).toString(), QStringLiteral("config.toml:4 (user)"));
    QVERIFY(!ide.data(PostureModel::DiffersRole).toBool());
    // The cloud runs its own container, by its documented defaults.
    const QModelIndex cloud = m_model->index(PostureModel::NetworkRow, PostureModel::CloudColumn);
    QCOMPARE(cloud.data().toString(), QStringLiteral("restricted"));
    QCOMPARE(riskAt(cloud), RiskLevel::Info); // the note that the laptop is more open than the cloud
    QCOMPARE(riskAt(m_model->index(PostureModel::SandboxEnforcedRow, PostureModel::CloudColumn)), RiskLevel::Unknown);
}

void TestPostureModel::everyCell_answersEveryRole()
{
    m_model->setInspection(inspect(QStringLiteral("yolo")));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (int column = 0; column < m_model->columnCount(); ++column) {
            const QModelIndex index = m_model->index(row, column);
            const QString where = QStringLiteral("row %1 column %2").arg(row).arg(column);
            QVERIFY2(!index.data().toString().isEmpty(), qPrintable(where));
            QVERIFY2(!index.data(Qt::ToolTipRole).toString().isEmpty(), qPrintable(where));
            QVERIFY2(index.data(Qt::DecorationRole).canConvert<QIcon>(), qPrintable(where));
            const RiskLevel risk = riskAt(index);
            QCOMPARE(index.data(Models::IconNameRole).toString(), Core::riskIconName(risk));
            QCOMPARE(index.data(Models::RiskRankRole).toInt(), Core::riskRank(risk));
            // Read aloud: the surface, the dimension, the value and the level's word.
            const QString spoken = index.data(Qt::AccessibleTextRole).toString();
            QVERIFY2(spoken.contains(m_model->headerData(column, Qt::Horizontal).toString())
                    && spoken.contains(PostureModel::rowName(PostureModel::Row(row)))
                    && spoken.endsWith(Core::riskWord(risk)),
                qPrintable(spoken));
            QVERIFY2(!index.data(Qt::AccessibleDescriptionRole).toString().isEmpty(), qPrintable(where));
        }
    }
    QCOMPARE(m_model->index(PostureModel::SandboxModeRow, PostureModel::CliColumn).data(Qt::AccessibleTextRole),
        QStringLiteral("CLI, sandbox mode: danger-full-access, critical"));
}

void TestPostureModel::profile_decidesTheCliOnly()
{
    m_model->setInspection(inspect(QStringLiteral("profile-file-ci"), true));
    QCOMPARE(
        m_model->headerData(PostureModel::CliColumn, Qt::Horizontal).toString(), QStringLiteral("CLI (profile ci)"));
    const QModelIndex cli = m_model->index(PostureModel::ApprovalRow, PostureModel::CliColumn);
    QCOMPARE(cli.data().toString(), QStringLiteral("never"));
    QCOMPARE(cli.data(PostureModel::ProvenanceRole).toString(), QStringLiteral("ci.config.toml:4 (profile)"));
    QCOMPARE(cli.data(PostureModel::LayerRole).toString(), QStringLiteral("profile ci"));
    QCOMPARE(cli.data(PostureModel::OverriddenRole).toStringList(),
        QStringList{QStringLiteral("on-request at config.toml:4 (user)")});
    QVERIFY(cli.data(PostureModel::DiffersRole).toBool());
    // The extension is started without the profile: the user's value, which nothing overrode for it.
    const QModelIndex ide = m_model->index(PostureModel::ApprovalRow, PostureModel::IdeColumn);
    QCOMPARE(ide.data().toString(), QStringLiteral("on-request"));
    QCOMPARE(ide.data(PostureModel::ProvenanceRole).toString(), QStringLiteral("config.toml:4 (user)"));
    QVERIFY(ide.data(PostureModel::OverriddenRole).toStringList().isEmpty());
    QVERIFY(ide.data(PostureModel::DiffersRole).toBool());
    QVERIFY(ide.data(Qt::AccessibleDescriptionRole).toString().contains(QStringLiteral("differ")));
    // A key only the profile sets: the CLI has the profile's value, the IDE Codex's default.
    QCOMPARE(m_model->index(PostureModel::WebSearchRow, PostureModel::CliColumn).data().toString(),
        QStringLiteral("disabled"));
    const QModelIndex ideSearch = m_model->index(PostureModel::WebSearchRow, PostureModel::IdeColumn);
    QCOMPARE(ideSearch.data().toString(), QStringLiteral("cached"));
    QCOMPARE(ideSearch.data(PostureModel::FileRole).toString(), QString());
    QVERIFY(riskAt(cli) != RiskLevel::Ok && riskAt(ide) == RiskLevel::Ok);
}

void TestPostureModel::untrustedProject_isNotWhereValuesComeFrom()
{
    m_model->setInspection(inspect(QStringLiteral("untrusted-project-ignored")));
    const QModelIndex sandbox = m_model->index(PostureModel::SandboxModeRow, PostureModel::CliColumn);
    QCOMPARE(sandbox.data().toString(), QStringLiteral("workspace-write"));
    QCOMPARE(sandbox.data(PostureModel::ProvenanceRole).toString(), QStringLiteral("config.toml:3 (user)"));
    const QStringList ignored = sandbox.data(PostureModel::IgnoredRole).toStringList();
    QCOMPARE(ignored.size(), 1);
    QVERIFY2(ignored.first().startsWith(QStringLiteral("config.toml:2 (project)")), qPrintable(ignored.first()));
    QCOMPARE(
        m_model->index(PostureModel::McpServersRow, PostureModel::CliColumn).data().toString(), QStringLiteral("none"));
    QCOMPARE(m_model->index(PostureModel::ProjectTrustRow, PostureModel::CliColumn).data().toString(),
        QStringLiteral("unknown"));
}

void TestPostureModel::parseError_neitherSurfaceStarts()
{
    m_model->setInspection(inspect(QStringLiteral("invalid-syntax")));
    for (const auto column : {PostureModel::CliColumn, PostureModel::IdeColumn}) {
        const QModelIndex approval = m_model->index(PostureModel::ApprovalRow, column);
        QCOMPARE(approval.data().toString(), QStringLiteral("does not start"));
        QCOMPARE(riskAt(approval), RiskLevel::Unknown); // not "info": nothing can be said until Codex starts
    }
}

void TestPostureModel::safeHome_hasNoCellAboveLow()
{
    m_model->setInspection(inspect(QStringLiteral("safe-legacy")));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        for (int column = 0; column < m_model->columnCount(); ++column) {
            const QModelIndex index = m_model->index(row, column);
            QVERIFY2(Core::riskRank(riskAt(index)) <= Core::riskRank(RiskLevel::Low),
                qPrintable(index.data(Qt::AccessibleTextRole).toString()));
        }
    }
    QCOMPARE(m_model->index(PostureModel::WritableRootsRow, PostureModel::CliColumn).data().toString(),
        QStringLiteral("the workspace only"));
    QCOMPARE(m_model->index(PostureModel::NetworkRow, PostureModel::CliColumn).data().toString(),
        QStringLiteral("restricted"));
}

void TestPostureModel::headers_nameSurfacesAndDimensions()
{
    m_model->setInspection(inspect(QStringLiteral("yolo")));
    QCOMPARE(m_model->headerData(PostureModel::CliColumn, Qt::Horizontal).toString(), QStringLiteral("CLI"));
    QCOMPARE(m_model->headerData(PostureModel::IdeColumn, Qt::Horizontal).toString(), QStringLiteral("IDE extension"));
    QCOMPARE(m_model->headerData(PostureModel::CloudColumn, Qt::Horizontal).toString(),
        QStringLiteral("Cloud (documented)"));
    for (int row = 0; row < PostureModel::RowCount; ++row)
        QCOMPARE(m_model->headerData(row, Qt::Vertical).toString(), PostureModel::rowName(PostureModel::Row(row)));
    QVERIFY(!m_model->headerData(0, Qt::Horizontal, Qt::ToolTipRole).isValid());
}

QTEST_MAIN(TestPostureModel)
#include "tst_posturemodel.moc"
