// SPDX-License-Identifier: Apache-2.0
// Parse what Codex parses: every case of the TOML conformance suite (valid and invalid, TOML 1.0 and 1.1) goes to the
// real CLI as a config.toml and to codex-posture's parser; the test prints the agreement and every disagreement, and
// fails on any. Codex's parser verdict: a TOML parse error or unreadable bytes (codexParsesToml); any other answer (ok,
// a warning, a refusal of the values) means the file parsed.
#include "acceptanceprobe.h"
#include "core/config/configdocument.h"
#include "tomltestsuite.h"

#include <QDirIterator>
#include <QFile>
#include <QMutex>
#include <QTest>
#include <QThreadPool>

using namespace Posture::Tests;
using Posture::Core::ConfigDocument;

namespace {

const QString Oracle = QStringLiteral(POSTURE_CODEX_ORACLE);
const QString Suite = Posture::Tests::tomlTestSuite();

} // namespace

// The cases go in data rows of Batch each (the limit per row is set in tests/CMakeLists.txt); the summary slot prints
// the agreement over all of them and judges it.
class TestParserOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyTomlTestCase_parsesAsCodexParsesIt_data();
    void everyTomlTestCase_parsesAsCodexParsesIt();
    void summary();

private:
    static constexpr qsizetype Batch = 100;
    QStringList m_cases;
    QStringList m_toml10;
    QStringList m_toml11;
    QStringList m_disagreements;
    int m_asked = 0;
    int m_codexAccepts = 0;
};

void TestParserOracle::initTestCase()
{
    QDirIterator it(Suite, {QStringLiteral("*.toml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        m_cases.append(it.next().mid(Suite.size() + 1));
    m_cases.sort();
    QVERIFY2(m_cases.size() > 700, "the vendored suite has over 700 cases");
    m_toml10 = tomlTestCases(QStringLiteral("1.0.0"));
    m_toml11 = tomlTestCases(QStringLiteral("1.1.0"));
}

void TestParserOracle::everyTomlTestCase_parsesAsCodexParsesIt_data()
{
    QTest::addColumn<qsizetype>("first");
    for (qsizetype first = 0; first < m_cases.size(); first += Batch)
        QTest::addRow("cases %lld-%lld", qlonglong(first), qlonglong(qMin(first + Batch, m_cases.size()) - 1)) << first;
}

void TestParserOracle::everyTomlTestCase_parsesAsCodexParsesIt()
{
    QFETCH(qsizetype, first);
    QMutex mutex;
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    const qsizetype before = m_disagreements.size();
    for (const QString &name : m_cases.mid(first, Batch)) {
        pool.start([&, name] {
            QFile file(Suite + u'/' + name);
            if (!file.open(QIODevice::ReadOnly))
                return;
            const QByteArray bytes = file.readAll();
            const bool ours = ConfigDocument::fromBytes(bytes, name).status() != ConfigDocument::Status::ParseError;
            const bool codex = codexParsesToml(Oracle, bytes);
            const QMutexLocker lock(&mutex);
            ++m_asked;
            m_codexAccepts += codex ? 1 : 0;
            if (ours != codex) {
                const QString lists =
                    QStringLiteral("%1%2").arg(m_toml10.contains(name) ? QStringLiteral(" 1.0") : QString(),
                        m_toml11.contains(name) ? QStringLiteral(" 1.1") : QString());
                m_disagreements.append(QStringLiteral("%1 [lists:%2]: Codex %3, codex-posture %4")
                        .arg(name, lists.isEmpty() ? QStringLiteral(" none") : lists,
                            codex ? QStringLiteral("parses") : QStringLiteral("refuses"),
                            ours ? QStringLiteral("parses") : QStringLiteral("refuses")));
            }
        });
    }
    pool.waitForDone();
    QVERIFY2(m_disagreements.size() == before, qPrintable(m_disagreements.mid(before).join(u'\n')));
}

void TestParserOracle::summary()
{
    m_disagreements.sort();
    const qsizetype agreed = m_cases.size() - m_disagreements.size();
    qInfo("toml-test: %lld cases (Codex parses %d), codex-posture agrees on %lld: %.1f%%", qlonglong(m_cases.size()),
        m_codexAccepts, qlonglong(agreed), 100.0 * double(agreed) / double(m_cases.size()));
    for (const QString &line : std::as_const(m_disagreements))
        qInfo("  %s", qPrintable(line));
    QCOMPARE(m_asked, int(m_cases.size()));
    QVERIFY2(m_disagreements.isEmpty(), "codex-posture must parse exactly what Codex parses");
}

QTEST_GUILESS_MAIN(TestParserOracle)
#include "tst_parseroracle.moc"
