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

class TestParserOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyTomlTestCase_parsesAsCodexParsesIt();
};

void TestParserOracle::everyTomlTestCase_parsesAsCodexParsesIt()
{
    QStringList cases;
    QDirIterator it(Suite, {QStringLiteral("*.toml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        cases.append(it.next().mid(Suite.size() + 1));
    cases.sort();
    QVERIFY2(cases.size() > 700, "the vendored suite has over 700 cases");
    const QStringList toml10 = tomlTestCases(QStringLiteral("1.0.0"));
    const QStringList toml11 = tomlTestCases(QStringLiteral("1.1.0"));

    QMutex mutex;
    QStringList disagreements;
    int codexAccepts = 0;
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    for (const QString &name : std::as_const(cases)) {
        pool.start([&, name] {
            QFile file(Suite + u'/' + name);
            if (!file.open(QIODevice::ReadOnly))
                return;
            const QByteArray bytes = file.readAll();
            const bool ours = ConfigDocument::fromBytes(bytes, name).status() != ConfigDocument::Status::ParseError;
            const bool codex = codexParsesToml(Oracle, bytes);
            const QMutexLocker lock(&mutex);
            codexAccepts += codex ? 1 : 0;
            if (ours != codex) {
                const QString lists =
                    QStringLiteral("%1%2").arg(toml10.contains(name) ? QStringLiteral(" 1.0") : QString(),
                        toml11.contains(name) ? QStringLiteral(" 1.1") : QString());
                disagreements.append(QStringLiteral("%1 [lists:%2]: Codex %3, codex-posture %4")
                        .arg(name, lists.isEmpty() ? QStringLiteral(" none") : lists,
                            codex ? QStringLiteral("parses") : QStringLiteral("refuses"),
                            ours ? QStringLiteral("parses") : QStringLiteral("refuses")));
            }
        });
    }
    pool.waitForDone();
    disagreements.sort();
    const qsizetype agreed = cases.size() - disagreements.size();
    qInfo("toml-test: %lld cases (Codex parses %d), codex-posture agrees on %lld: %.1f%%", qlonglong(cases.size()),
        codexAccepts, qlonglong(agreed), 100.0 * double(agreed) / double(cases.size()));
    for (const QString &line : std::as_const(disagreements))
        qInfo("  %s", qPrintable(line));
    QVERIFY2(disagreements.isEmpty(), "codex-posture must parse exactly what Codex parses");
}

QTEST_GUILESS_MAIN(TestParserOracle)
#include "tst_parseroracle.moc"
