// SPDX-License-Identifier: Apache-2.0
#include "findingsfiltermodel.h"
#include "findingsmodel.h"
#include "fixturehome.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Posture;
using Models::FindingsFilterModel;
using Models::FindingsModel;
using Tests::FixtureHome;

namespace {

Core::Inspection inspectionOf(const QString &name)
{
    const FixtureHome fixture(FixtureHome::caseDirectory(name));
    return Core::Inspection::run(fixture.options(false), QProcessEnvironment());
}

// The ranks of the rows as the proxy lists them.
QList<int> ranks(const QAbstractItemModel &model)
{
    QList<int> ranks;
    for (int row = 0; row < model.rowCount(); ++row)
        ranks.append(model.index(row, 0).data(Models::RiskRankRole).toInt());
    return ranks;
}

} // namespace

class TestFindingsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void mutators_keepBothModelsConsistent();
    void data_answersEachRole();
    void proxy_listsWorstFirstInTheEnginesOrder();
    void proxy_filtersByText();
    void proxy_filtersBySeverityAndSurface();
    void acceptedFinding_staysListedAndMarked();

private:
    std::unique_ptr<FindingsModel> m_model;
    std::unique_ptr<FindingsFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestFindingsModel::init()
{
    QTest::failOnWarning();
    m_model = std::make_unique<FindingsModel>();
    m_proxy = std::make_unique<FindingsFilterModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
    m_proxy->setSourceModel(m_model.get());
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get());
}

void TestFindingsModel::mutators_keepBothModelsConsistent()
{
    QCOMPARE(m_proxy->rowCount(), 0);
    const Core::Inspection yolo = inspectionOf(QStringLiteral("yolo"));
    QVERIFY(yolo.findings.size() > 3);
    m_model->setInspection(yolo);
    QCOMPARE(m_model->rowCount(), int(yolo.findings.size()));
    QCOMPARE(m_proxy->rowCount(), int(yolo.findings.size()));
    m_proxy->setText(QStringLiteral("token"));
    m_model->setInspection(inspectionOf(QStringLiteral("safe-legacy")));
    m_proxy->setText(QString());
    m_model->setInspection({});
    QCOMPARE(m_proxy->rowCount(), 0);
}

void TestFindingsModel::data_answersEachRole()
{
    m_model->setInspection(inspectionOf(QStringLiteral("yolo")));
    const QModelIndex first = m_model->index(0, FindingsModel::SeverityColumn);
    QCOMPARE(first.data().toString(), QStringLiteral("critical"));
    QCOMPARE(first.data(FindingsModel::IdRole).toString(), QStringLiteral("unattended-full-access:sandbox_mode"));
    QCOMPARE(Core::RiskLevel(first.data(Models::RiskRole).toInt()), Core::RiskLevel::Critical);
    QCOMPARE(first.data(Models::IconNameRole).toString(), QStringLiteral("dialog-error"));
    QVERIFY(first.data(Qt::DecorationRole).canConvert<QIcon>());
    QVERIFY(!m_model->index(0, FindingsModel::TitleColumn).data(Qt::DecorationRole).isValid()); // one icon a row
    QCOMPARE(m_model->index(0, FindingsModel::SurfacesColumn).data().toString(), QStringLiteral("CLI, IDE extension"));
    QVERIFY(!first.data(FindingsModel::ExplanationRole).toString().isEmpty());
    QVERIFY(first.data(Qt::ToolTipRole).toString().contains(QStringLiteral("What to do: ")));
    QVERIFY(first.data(FindingsModel::ReferenceRole).toString().startsWith(QStringLiteral("https://")));
    // Read aloud: "critical: <title>, config.toml line 4".
    const QString spoken = first.data(Qt::AccessibleTextRole).toString();
    QVERIFY2(spoken.startsWith(QStringLiteral("critical: ")) && spoken.contains(QStringLiteral("config.toml line ")),
        qPrintable(spoken));
    QVERIFY(first.data(Qt::AccessibleDescriptionRole).toString().startsWith(QStringLiteral("Concerns CLI, IDE")));
    // Full access is a one-click fix in the user's file; the token in it too (to an environment variable).
    QCOMPARE(Core::WhoCanAct::Actor(first.data(FindingsModel::ActorRole).toInt()), Core::WhoCanAct::Actor::GuidedFix);
    QVERIFY2(first.data(FindingsModel::WhoCanActRole).toString().contains(QStringLiteral("--fix fix:")),
        qPrintable(first.data(FindingsModel::WhoCanActRole).toString()));
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, FindingsModel::LocationColumn);
        if (index.data(FindingsModel::FileRole).toString().isEmpty())
            continue;
        // The file by name, with its layer (user, project) or, for a file-level finding, its folder.
        const QString location = index.data().toString();
        QVERIFY2(location.startsWith(QStringLiteral("config.toml:"))
                ? location.endsWith(QStringLiteral(" (user)"))
                : location.startsWith(QStringLiteral(".codex/config.toml")),
            qPrintable(location));
        QVERIFY(!index.data().toString().contains(QStringLiteral("PLANTED"))); // the fixture's token never shows
    }
}

void TestFindingsModel::proxy_listsWorstFirstInTheEnginesOrder()
{
    m_model->setInspection(inspectionOf(QStringLiteral("yolo")));
    QList<int> sorted = ranks(*m_proxy);
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    QCOMPARE(ranks(*m_proxy), sorted);
    // Ties keep the engine's order (by id), in both directions of the sort.
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        QCOMPARE(m_proxy->mapToSource(m_proxy->index(row, 0)).row(), row);
}

void TestFindingsModel::proxy_filtersByText()
{
    m_model->setInspection(inspectionOf(QStringLiteral("yolo")));
    const int all = m_proxy->rowCount();
    m_proxy->setText(QStringLiteral("  WEB_SEARCH "));
    QVERIFY(m_proxy->rowCount() >= 1 && m_proxy->rowCount() < all);
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        QVERIFY(
            m_proxy->index(row, 0).data(FindingsModel::KeyPathRole).toString().contains(QStringLiteral("web_search"))
            || m_proxy->index(row, 0)
                .data(FindingsModel::ExplanationRole)
                .toString()
                .contains(QStringLiteral("web search"), Qt::CaseInsensitive)
            || m_proxy->index(row, FindingsModel::TitleColumn)
                .data()
                .toString()
                .contains(QStringLiteral("web search"), Qt::CaseInsensitive));
    m_proxy->setText(QStringLiteral("no finding says this"));
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setText(QString());
    QCOMPARE(m_proxy->rowCount(), all);
}

void TestFindingsModel::proxy_filtersBySeverityAndSurface()
{
    m_model->setInspection(inspectionOf(QStringLiteral("yolo")));
    const int all = m_proxy->rowCount();
    m_proxy->setSeverity(Core::Severity::High);
    QVERIFY(m_proxy->rowCount() >= 1 && m_proxy->rowCount() < all);
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        QCOMPARE(m_proxy->index(row, 0).data().toString(), QStringLiteral("high"));
    m_proxy->setSeverity(std::nullopt);
    m_proxy->setSurface(Core::Surface::Cloud);
    QVERIFY(m_proxy->rowCount() < all);
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        QVERIFY(m_proxy->index(row, FindingsModel::SurfacesColumn).data().toString().contains(QStringLiteral("Cloud")));
    m_proxy->setSurface(std::nullopt);
    QCOMPARE(m_proxy->rowCount(), all);
}

void TestFindingsModel::acceptedFinding_staysListedAndMarked()
{
    Core::Inspection yolo = inspectionOf(QStringLiteral("yolo"));
    Core::Findings &findings = yolo.findings;
    findings.first().acceptance =
        Core::Acceptance{QStringLiteral("lab VM"), QStringLiteral("ada"), QDate(2099, 1, 1), false};
    m_model->setInspection(yolo);
    const QModelIndex first = m_model->index(0, FindingsModel::SeverityColumn);
    QCOMPARE(first.data().toString(), QStringLiteral("critical (accepted)"));
    QVERIFY(first.data(FindingsModel::AcceptedRole).toBool());
    QVERIFY(first.data(Models::MutedRole).toBool()); // greyed in the list
    QVERIFY(!m_model->index(1, 0).data(Models::MutedRole).toBool());
    QCOMPARE(first.data(FindingsModel::AcceptanceRole).toString(),
        QStringLiteral("Accepted by ada until 2099-01-01: lab VM"));
    QVERIFY(m_model->index(1, 0).data(FindingsModel::AcceptanceRole).toString().isEmpty());
    QCOMPARE(m_proxy->rowCount(), int(findings.size()));
}

QTEST_MAIN(TestFindingsModel)
#include "tst_findingsmodel.moc"
