// SPDX-License-Identifier: Apache-2.0
#include "isolatedmachine.h"
#include "sandboxmodel.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture;
using Models::SandboxModel;

namespace {

// A copied Ubuntu 24.04 whose AppArmor restriction stops bubblewrap: judged from its files, nothing run.
Core::Inspection restrictedUbuntu(const QString &home)
{
    return Core::Inspection::run(
        Tests::isolated({.home = home,
            .cwd = home,
            .systemRoot = QStringLiteral(POSTURE_TEST_DATA_DIR "/sysroots/ubuntu-2404-restricted")}),
        QProcessEnvironment());
}

} // namespace

class TestSandboxModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void verdictsFirst_thenEveryProbe();
    void notEnforced_isHighWithRemediesToCopy();
    void probe_answersEachRole();

private:
    QTemporaryDir m_home;
    std::unique_ptr<SandboxModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSandboxModel::init()
{
    QTest::failOnWarning();
    m_model = std::make_unique<SandboxModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
}

void TestSandboxModel::verdictsFirst_thenEveryProbe()
{
    QCOMPARE(m_model->rowCount(), 0);
    const Core::Inspection inspection = restrictedUbuntu(m_home.path());
    m_model->setInspection(inspection);
    QCOMPARE(m_model->rowCount(), 2 + int(inspection.sandbox.probes.size()));
    QCOMPARE(m_model->index(0, 0).data(SandboxModel::IdRole).toString(), QStringLiteral("cli"));
    QCOMPARE(m_model->index(1, 0).data(SandboxModel::IdRole).toString(), QStringLiteral("ide"));
    for (int row = 0; row < inspection.sandbox.probes.size(); ++row) {
        const QModelIndex index = m_model->index(2 + row, SandboxModel::StateColumn);
        QCOMPARE(index.data(SandboxModel::IdRole).toString(), inspection.sandbox.probes.at(row).id);
        QCOMPARE(index.data().toString(), inspection.sandbox.probes.at(row).stateName());
        QVERIFY(!index.data(SandboxModel::IsVerdictRole).toBool());
    }
    m_model->setInspection(Core::Inspection::run(Tests::isolated({.home = m_home.path()}), QProcessEnvironment()));
    QVERIFY(m_model->rowCount() >= 2);
}

void TestSandboxModel::notEnforced_isHighWithRemediesToCopy()
{
    m_model->setInspection(restrictedUbuntu(m_home.path()));
    const QModelIndex cli = m_model->index(0, SandboxModel::StateColumn);
    QCOMPARE(cli.data().toString(), QStringLiteral("not enforced"));
    QCOMPARE(Core::RiskLevel(cli.data(Models::RiskRole).toInt()), Core::RiskLevel::High);
    QVERIFY(m_model->index(0, SandboxModel::EvidenceColumn).data().toString().contains(QStringLiteral("AppArmor")));
    const QStringList remedies = cli.data(SandboxModel::RemediesRole).toStringList();
    const QStringList commands = cli.data(SandboxModel::RemedyCommandsRole).toStringList();
    QVERIFY(remedies.size() >= 2);
    QCOMPARE(commands.size(), remedies.size());
    QVERIFY2(commands.first().contains(QStringLiteral("apparmor_parser")), qPrintable(commands.first()));
    QVERIFY(cli.data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("CLI sandbox: not enforced, high")));
    QVERIFY(cli.data(Qt::AccessibleDescriptionRole).toString().contains(remedies.first()));
}

void TestSandboxModel::probe_answersEachRole()
{
    m_model->setInspection(restrictedUbuntu(m_home.path()));
    bool sawProblem = false;
    for (int row = 2; row < m_model->rowCount(); ++row) {
        const QModelIndex state = m_model->index(row, SandboxModel::StateColumn);
        const auto risk = Core::RiskLevel(state.data(Models::RiskRole).toInt());
        QCOMPARE(state.data(Models::IconNameRole).toString(), Core::riskIconName(risk));
        QVERIFY(state.data(Qt::DecorationRole).canConvert<QIcon>());
        QVERIFY(!m_model->index(row, SandboxModel::NameColumn).data(Qt::DecorationRole).isValid());
        QVERIFY(!state.data(Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(state.data(Qt::AccessibleTextRole).toString().endsWith(Core::riskWord(risk)));
        if (state.data().toString() == u"problem") {
            sawProblem = true;
            QCOMPARE(risk, Core::RiskLevel::Medium);
            QVERIFY(!state.data(SandboxModel::RemediesRole).toStringList().isEmpty());
        }
    }
    QVERIFY(sawProblem); // the AppArmor restriction is a probe's problem
}

QTEST_MAIN(TestSandboxModel)
#include "tst_sandboxmodel.moc"
