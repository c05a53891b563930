// SPDX-License-Identifier: Apache-2.0
// Every fix codex-posture offers on the fixture homes, applied to a copy and then shown to the real Codex CLI: it
// must still load the file (config.load not fail), reach the posture codex-posture now reports, and be no more open
// than the real CLI's recorded verdict before the fix (the case's expected.json).
#include "fixrunner.h"
#include "verdict.h"

#include <QTest>

using namespace Posture::Tests;

namespace {

const QString Oracle = QStringLiteral(POSTURE_CODEX_ORACLE);

} // namespace

class TestFixOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFix_isAcceptedByRealCodex_andAgrees();
};

void TestFixOracle::everyFix_isAcceptedByRealCodex_andAgrees()
{
    QVERIFY2(QFileInfo(Oracle).isExecutable(), qPrintable(Oracle + QStringLiteral(" is not the pinned Codex CLI")));
    QStringList failures;
    const int checked = forEachAppliedFixtureFix(
        [&failures](const QString &where, const AppliedFixtureFix &result) {
            const FixtureHome &home = *result.home;
            const CodexCase codexCase{
                home.home(), home.codexHome(), home.cwd(), home.profile(), home.options(false).systemRoot};
            const Verdict ours = postureVerdict(codexCase);
            QString error;
            const Verdict real = oracleVerdict(Oracle, codexCase, &error);
            if (!error.isEmpty())
                failures.append(where + QStringLiteral(": the CLI did not answer: ") + error);
            else if (real.configLoad == u"fail")
                failures.append(where + QStringLiteral(": Codex refuses the fixed file"));
            else if (!(ours == real))
                failures.append(where + QStringLiteral("\n    codex:         ") + real.toString()
                    + QStringLiteral("\n    codex-posture: ") + ours.toString());
            const QStringList widened = real.widenedFrom(Verdict::fromExpectedJson(home.expected()));
            if (error.isEmpty() && !widened.isEmpty())
                failures.append(where + QStringLiteral(": the real CLI is more open after the fix: ")
                    + widened.join(QStringLiteral("; ")));
        },
        failures);
    qInfo("fixes: %d applied and checked against the real CLI, %lld failures", checked, qlonglong(failures.size()));
    QVERIFY(checked >= 10);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestFixOracle)
#include "tst_fixoracle.moc"
