// SPDX-License-Identifier: Apache-2.0
// The MDM line follows its grammar (mdmreport.h, README "Reports") on every fixture home and says the worst verdict.
#include "core/inspection.h"
#include "core/report/text/mdmreport.h"
#include "fixturehome.h"

#include <QRegularExpression>
#include <QTest>

using namespace Posture::Core;
using Posture::Tests::FixtureHome;

namespace {

// The grammar, written out independently of the code that prints it.
const QRegularExpression &grammar()
{
    static const QRegularExpression line(QStringLiteral(
        "^<result>(ok|low risk|attention|at risk|critical): "
        "(none|\\d+ (?:critical|high|medium|low|accepted)(?:, \\d+ (?:critical|high|medium|low|accepted))*)"
        "(?: \\(((?:CLI|IDE extension|Cloud)(?:, (?:IDE extension|Cloud))*)\\))?</result>\n$"));
    return line;
}

} // namespace

class TestMdmReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFixture_followsTheGrammar();
    void yolo_isCriticalOnTheCli();
    void safeHome_isOkNone();
};

void TestMdmReport::everyFixture_followsTheGrammar()
{
    for (const QString &directory : FixtureHome::ownCaseDirectories()) {
        const FixtureHome fixture(directory);
        const Inspection inspection = Inspection::run(fixture.options(true), QProcessEnvironment());
        const QString line = renderMdmReport(inspection);
        const QString name = FixtureHome::label(directory) + QStringLiteral(": ") + line;
        const QRegularExpressionMatch match = grammar().match(line);
        QVERIFY2(match.hasMatch(), qPrintable(name));
        // The verdict is the worst surface's; the counts add up to the findings that count, each once.
        QString worst = QStringLiteral("ok");
        const QStringList order{QStringLiteral("ok"), QStringLiteral("low risk"), QStringLiteral("attention"),
            QStringLiteral("at risk"), QStringLiteral("critical")};
        QStringList worstSurfaces;
        for (const Surface surface : {Surface::Cli, Surface::Ide, Surface::Cloud}) {
            const QString word = inspection.verdict(surface).word();
            if (order.indexOf(word) > order.indexOf(worst)) {
                worst = word;
                worstSurfaces.clear();
            }
            if (word == worst)
                worstSurfaces.append(surfaceLabel(surface));
        }
        QCOMPARE(match.captured(1), worst);
        QCOMPARE(match.captured(3), worst == u"ok" ? QString() : worstSurfaces.join(QStringLiteral(", ")));
        int counted = 0;
        int accepted = 0;
        for (const Finding &finding : inspection.findings) {
            if (finding.isAccepted())
                ++accepted;
            else if (finding.severity != Severity::Info)
                ++counted;
        }
        int sum = 0;
        int acceptedInLine = 0;
        static const QRegularExpression count(QStringLiteral("(\\d+) (\\w+)"));
        for (auto it = count.globalMatch(match.captured(2)); it.hasNext();) {
            const QRegularExpressionMatch part = it.next();
            (part.captured(2) == u"accepted" ? acceptedInLine : sum) += part.captured(1).toInt();
        }
        QCOMPARE(sum, counted);
        QCOMPARE(acceptedInLine, accepted);
        QCOMPARE(match.captured(2) == u"none", counted == 0 && accepted == 0);
    }
}

void TestMdmReport::yolo_isCriticalOnTheCli()
{
    const FixtureHome fixture(FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const QString line = renderMdmReport(Inspection::run(fixture.options(false), QProcessEnvironment()));
    QVERIFY2(line.startsWith(QStringLiteral("<result>critical: 1 critical, ")), qPrintable(line));
    QVERIFY2(line.endsWith(QStringLiteral(" (CLI, IDE extension)</result>\n")), qPrintable(line));
}

void TestMdmReport::safeHome_isOkNone()
{
    for (const char *name : {"safe-legacy", "empty"}) {
        const FixtureHome fixture(FixtureHome::caseDirectory(QString::fromLatin1(name)));
        QCOMPARE(renderMdmReport(Inspection::run(fixture.options(false), QProcessEnvironment())),
            QStringLiteral("<result>ok: none</result>\n"));
    }
}

QTEST_GUILESS_MAIN(TestMdmReport)
#include "tst_mdmreport.moc"
