// SPDX-License-Identifier: Apache-2.0
// Fixes applied from the window, one after another as a user clicks Fix… and Apply down the list, on every own
// fixture home that offers any; then the real Codex CLI is shown the files the window wrote: it must load them, reach
// the posture codex-posture reports, and be no more open than its recorded verdict before.
#include "findingdetail.h"
#include "findingspane.h"
#include "fixpreviewdialog.h"
#include "fixrunner.h"
#include "inspectionsession.h"
#include "mainwindow.h"
#include "verdict.h"

#include <QApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture;
using namespace Posture::Tests;

namespace {

const QString Oracle = QStringLiteral(POSTURE_CODEX_ORACLE);

// Clicks Fix… and Apply for each finding with an applicable fix, worst first, until none is left; returns the fix
// ids applied, or an error.
QStringList fixEverythingFromTheWindow(Views::MainWindow &window, QString *error)
{
    QStringList applied;
    QStringList tried;
    for (int round = 0; round < 12; ++round) {
        // Copied: the session replaces its inspection while the events below are processed.
        const Core::Findings findings = window.inspection().findings;
        const auto next = std::find_if(findings.cbegin(), findings.cend(), [&](const Core::Finding &finding) {
            const Core::Fix *fix = finding.fixId.isEmpty() ? nullptr : window.session()->fix(finding.fixId);
            return fix && fix->applicable() && !tried.contains(fix->id);
        });
        if (next == findings.cend())
            return applied;
        tried.append(next->fixId);
        window.findingsPane()->select(next->id);
        QTest::mouseClick(window.findingDetail()->fixButton(), Qt::LeftButton);
        auto *dialog = window.findChild<Views::FixPreviewDialog *>();
        if (!dialog || !QTest::qWaitFor([dialog] { return dialog->ready(); }, 10000)) {
            *error = QStringLiteral("no preview for ") + next->fixId;
            return applied;
        }
        if (!dialog->applyButton()->isEnabled()) { // nothing to change, or refused: the preview says why
            delete dialog;
            continue;
        }
        QSignalSpy finished(window.session(), &Models::InspectionSession::fixFinished);
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return finished.size() == 1; }, 10000)
            || !QTest::qWaitFor([&] { return window.settled(); }, 10000)) {
            *error = QStringLiteral("no outcome for ") + next->fixId;
            return applied;
        }
        if (finished.constFirst().at(1).value<Core::FixOutcome>().applied)
            applied.append(next->fixId);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the dialog closed itself
    }
    return applied;
}

} // namespace

class TestWindowFixOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixesFromTheWindow_areAcceptedByRealCodex_andAgree();
};

void TestWindowFixOracle::fixesFromTheWindow_areAcceptedByRealCodex_andAgree()
{
    QVERIFY2(QFileInfo(Oracle).isExecutable(), qPrintable(Oracle + QStringLiteral(" is not the pinned Codex CLI")));
    QTemporaryDir journals;
    QStringList failures;
    int homes = 0;
    int fixes = 0;
    for (const QString &directory : FixtureHome::ownCaseDirectories()) {
        if (applicableFixIds(directory).isEmpty())
            continue;
        const FixtureHome home(directory);
        QVERIFY(home.isValid());
        Core::InspectOptions options = home.options(false);
        options.systemRoot.clear(); // this machine: a system root would make it a copied one, never written
        options.runPrograms = false;
        Views::MainWindow window(options);
        window.session()->setJournalPath(journals.filePath(home.name() + QStringLiteral(".jsonl")));
        window.show();
        QVERIFY(QTest::qWaitFor([&] { return window.settled(); }, 10000));
        QString error;
        const QStringList applied = fixEverythingFromTheWindow(window, &error);
        const QString where = FixtureHome::label(directory);
        if (!error.isEmpty()) {
            failures.append(where + QStringLiteral(": ") + error);
            continue;
        }
        if (applied.isEmpty())
            continue;
        ++homes;
        fixes += int(applied.size());
        const CodexCase codexCase{
            home.home(), home.codexHome(), home.cwd(), home.profile(), home.options(false).systemRoot};
        const Verdict ours = postureVerdict(codexCase);
        QString oracleError;
        const Verdict real = oracleVerdict(Oracle, codexCase, &oracleError);
        const QString fixed = where + QStringLiteral(" after ") + applied.join(QStringLiteral(", "));
        if (!oracleError.isEmpty())
            failures.append(fixed + QStringLiteral(": the CLI did not answer: ") + oracleError);
        else if (real.configLoad == u"fail")
            failures.append(fixed + QStringLiteral(": Codex refuses the files the window wrote"));
        else if (!(ours == real))
            failures.append(fixed + QStringLiteral("\n    codex:         ") + real.toString()
                + QStringLiteral("\n    codex-posture: ") + ours.toString());
        const QStringList widened = real.widenedFrom(Verdict::fromExpectedJson(home.expected()));
        if (oracleError.isEmpty() && !widened.isEmpty())
            failures.append(fixed + QStringLiteral(": the real CLI is more open after the fixes: ")
                + widened.join(QStringLiteral("; ")));
    }
    qInfo("window: %d fixes applied on %d homes and checked against the real CLI, %lld failures", fixes, homes,
        qlonglong(failures.size()));
    QVERIFY(homes >= 10);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
}

QTEST_MAIN(TestWindowFixOracle)
#include "tst_windowfixoracle.moc"
