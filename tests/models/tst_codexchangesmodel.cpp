// SPDX-License-Identifier: Apache-2.0
#include "codexchangesmodel.h"
#include "core/config/codexreleases.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Posture;
using Models::CodexChangesModel;

class TestCodexChangesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_followTheEnginesChangeList();
    void pairFor_opensOnWhatThisMachineRuns();
};

void TestCodexChangesModel::rows_followTheEnginesChangeList()
{
    CodexChangesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReleases(QStringLiteral("0.167.2"), QStringLiteral("0.171.0"));
    const Core::CodexChanges expected = Core::CodexChangeList::between(
        Core::CodexReleases::known(), QStringLiteral("0.167.2"), QStringLiteral("0.171.0"));
    const QList<Core::CodexChange> rows = Core::CodexChangeList::merged(expected);
    QVERIFY(!rows.isEmpty());
    QCOMPARE(model.rowCount(), rows.size());
    QCOMPARE(model.columnCount(), int(CodexChangesModel::ColumnCount));
    QCOMPARE(model.index(0, CodexChangesModel::KeyColumn).data().toString(), rows.constFirst().key);
    const QString answers = model.index(0, CodexChangesModel::AnswersColumn).data().toString();
    QVERIFY2(answers.startsWith(QStringLiteral("0.167.2: ")) && answers.contains(QStringLiteral("\n0.171.0: ")),
        qPrintable(answers));
    QVERIFY2(model.summary().contains(QStringLiteral("0.167.2")), qPrintable(model.summary()));
    model.setReleases(QStringLiteral("0.171.0"), QStringLiteral("0.171.0"));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY2(model.summary().contains(QStringLiteral("alike")), qPrintable(model.summary()));
}

void TestCodexChangesModel::pairFor_opensOnWhatThisMachineRuns()
{
    const QString newest = Core::CodexReleases::known().newest();
    const QString oldest = CodexChangesModel::releases().constFirst();
    QCOMPARE(CodexChangesModel::pairFor(QStringLiteral("0.171.0"), QStringLiteral("0.167.2")),
        std::pair(QStringLiteral("0.167.2"), QStringLiteral("0.171.0"))); // the two surfaces, older first
    QCOMPARE(CodexChangesModel::pairFor(oldest, oldest), std::pair(oldest, newest)); // what an update changes
    QCOMPARE(CodexChangesModel::pairFor(newest, newest), std::pair(oldest, newest)); // never newest -> newest
}

QTEST_GUILESS_MAIN(TestCodexChangesModel)
#include "tst_codexchangesmodel.moc"
