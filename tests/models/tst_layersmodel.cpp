// SPDX-License-Identifier: Apache-2.0
#include "fixturehome.h"
#include "layersmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Posture;
using Models::LayersModel;
using Tests::FixtureHome;

namespace {

Core::Inspection inspect(const QString &name, bool withProfile = false)
{
    const FixtureHome fixture(FixtureHome::caseDirectory(name));
    return Core::Inspection::run(fixture.options(withProfile), QProcessEnvironment());
}

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.index(row, column).data(role).toString());
    return values;
}

} // namespace

class TestLayersModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void everyFile_inCodexOrder();
    void untrustedProject_isReadButIgnored();
    void parseError_isMediumWithCodexsMessage();

private:
    std::unique_ptr<LayersModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestLayersModel::init()
{
    QTest::failOnWarning();
    m_model = std::make_unique<LayersModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
}

void TestLayersModel::everyFile_inCodexOrder()
{
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setInspection(inspect(QStringLiteral("profile-file-ci"), true));
    QCOMPARE(column(*m_model, LayersModel::LayerColumn, LayersModel::KindRole),
        (QStringList{QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("profile"),
            QStringLiteral("requirements"), QStringLiteral("managed")}));
    QCOMPARE(m_model->index(2, LayersModel::LayerColumn).data().toString(), QStringLiteral("profile ci"));
    QVERIFY(m_model->index(2, LayersModel::FileColumn).data().toString().endsWith(QStringLiteral("/ci.config.toml")));
    QCOMPARE(m_model->index(0, LayersModel::StatusColumn).data().toString(), QStringLiteral("not found"));
    QVERIFY(!m_model->index(0, 0).data(LayersModel::ExistsRole).toBool());
    QCOMPARE(Core::RiskLevel(m_model->index(0, 0).data(Models::RiskRole).toInt()), Core::RiskLevel::Info);
    const QModelIndex user = m_model->index(1, LayersModel::StatusColumn);
    QVERIFY(user.data().toString().startsWith(QStringLiteral("read: ")));
    QCOMPARE(Core::RiskLevel(user.data(Models::RiskRole).toInt()), Core::RiskLevel::Ok);
    QVERIFY(m_model->index(1, LayersModel::LayerColumn).data(Qt::DecorationRole).canConvert<QIcon>());
    QVERIFY(!user.data(Qt::DecorationRole).isValid());
    QVERIFY(user.data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("user layer, ")));
    QVERIFY(!user.data(Qt::AccessibleDescriptionRole).toString().isEmpty());
    QVERIFY(!user.data(Qt::ToolTipRole).toString().isEmpty());
    m_model->setInspection(inspect(QStringLiteral("yolo")));
    QCOMPARE(m_model->rowCount(), 4); // no profile
}

void TestLayersModel::untrustedProject_isReadButIgnored()
{
    m_model->setInspection(inspect(QStringLiteral("untrusted-project-ignored")));
    const QStringList kinds = column(*m_model, LayersModel::LayerColumn, LayersModel::KindRole);
    const int project = int(kinds.indexOf(QStringLiteral("project")));
    QCOMPARE(project, 2); // after the user's, before requirements
    const QModelIndex status = m_model->index(project, LayersModel::StatusColumn);
    QVERIFY2(status.data().toString().startsWith(QStringLiteral("ignored: the project is not trusted")),
        qPrintable(status.data().toString()));
    QVERIFY(status.data(LayersModel::ExistsRole).toBool());
    QVERIFY(!status.data(LayersModel::EnabledRole).toBool());
}

void TestLayersModel::parseError_isMediumWithCodexsMessage()
{
    m_model->setInspection(inspect(QStringLiteral("invalid-syntax")));
    const QModelIndex user = m_model->index(1, LayersModel::StatusColumn);
    QCOMPARE(user.data().toString(), QStringLiteral("not valid TOML"));
    QCOMPARE(Core::RiskLevel(user.data(Models::RiskRole).toInt()), Core::RiskLevel::Medium);
    const QStringList messages = user.data(LayersModel::MessagesRole).toStringList();
    QCOMPARE(messages.size(), 1);
    QVERIFY(user.data(Qt::ToolTipRole).toString().contains(messages.first()));
}

QTEST_MAIN(TestLayersModel)
#include "tst_layersmodel.moc"
