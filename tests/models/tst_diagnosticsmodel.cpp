// SPDX-License-Identifier: Apache-2.0
#include "diagnosticsmodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Posture;
using Models::DiagnosticsModel;

namespace {

Core::Diagnostics sampleDiagnostics()
{
    return {
        {Core::DiagnosticSeverity::Error, {QStringLiteral("/home/ada/.codex/config.toml"), 9, 21},
            QStringLiteral("unterminated string"), QStringLiteral("Close the string.")},
        {Core::DiagnosticSeverity::Warning, {QStringLiteral("/home/ada/.codex/ci.config.toml"), 3, 1},
            QStringLiteral("unknown key"), QString()},
    };
}

} // namespace

class TestDiagnosticsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void mutators_keepModelConsistent();
    void data_answersEachRole();
    void headerData_namesEveryColumnHorizontallyOnly();

private:
    std::unique_ptr<DiagnosticsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestDiagnosticsModel::init()
{
    QTest::failOnWarning();
    m_model = std::make_unique<DiagnosticsModel>();
    // The tester watches from before the first row goes in.
    m_tester = std::make_unique<QAbstractItemModelTester>(m_model.get());
}

void TestDiagnosticsModel::mutators_keepModelConsistent()
{
    QCOMPARE(m_model->rowCount(), 0);
    m_model->setDiagnostics(sampleDiagnostics());
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->columnCount(), int(DiagnosticsModel::ColumnCount));
    m_model->setDiagnostics({});
    QCOMPARE(m_model->rowCount(), 0);
}

void TestDiagnosticsModel::data_answersEachRole()
{
    m_model->setDiagnostics(sampleDiagnostics());
    const QModelIndex severity = m_model->index(0, DiagnosticsModel::SeverityColumn);
    const QModelIndex location = m_model->index(0, DiagnosticsModel::LocationColumn);
    const QModelIndex message = m_model->index(0, DiagnosticsModel::MessageColumn);

    QCOMPARE(severity.data().toString(), QStringLiteral("error"));
    QCOMPARE(location.data().toString(), QStringLiteral("config.toml:9:21"));
    QCOMPARE(message.data().toString(), QStringLiteral("unterminated string"));
    QCOMPARE(message.data(DiagnosticsModel::SeverityRole).toInt(), int(Core::DiagnosticSeverity::Error));
    QCOMPARE(message.data(DiagnosticsModel::FileRole).toString(), QStringLiteral("/home/ada/.codex/config.toml"));
    QCOMPARE(message.data(DiagnosticsModel::LineRole).toInt(), 9);
    QCOMPARE(message.data(DiagnosticsModel::ColumnRole).toInt(), 21);
    QVERIFY(message.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Close the string.")));
    QVERIFY(!message.data(Qt::DecorationRole).isValid());

    // Severity sorts by level, not by word: errors above warnings in a descending sort.
    const QModelIndex warning = m_model->index(1, DiagnosticsModel::SeverityColumn);
    QCOMPARE(warning.data().toString(), QStringLiteral("warning"));
    QVERIFY(severity.data(DiagnosticsModel::SortRole).toInt() > warning.data(DiagnosticsModel::SortRole).toInt());
}

void TestDiagnosticsModel::headerData_namesEveryColumnHorizontallyOnly()
{
    for (int column = 0; column < DiagnosticsModel::ColumnCount; ++column) {
        QVERIFY(!m_model->headerData(column, Qt::Horizontal).toString().isEmpty());
        QVERIFY(!m_model->headerData(column, Qt::Vertical).isValid());
        QVERIFY(!m_model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).isValid());
    }
}

QTEST_MAIN(TestDiagnosticsModel)
#include "tst_diagnosticsmodel.moc"
