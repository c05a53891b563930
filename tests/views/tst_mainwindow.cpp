// SPDX-License-Identifier: Apache-2.0
#include "configview.h"
#include "findingsmodel.h"
#include "findingspane.h"
#include "fixturehome.h"
#include "inspectionsession.h"
#include "isolatedmachine.h"
#include "layersmodel.h"
#include "mainwindow.h"
#include "posturemodel.h"
#include "posturetableview.h"
#include "sandboxmodel.h"

#include <QAccessible>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture;
using Views::MainWindow;

namespace {

// Screenshots land in the build directory, to be looked at by a person (the README says where).
// Saves a screenshot for people to look at; the caller checks the result (a QVERIFY in a helper would not stop the
// calling test).
bool saveScreenshot(QWidget &window, const QString &name)
{
    const QString dir = QStringLiteral(POSTURE_BINARY_DIR "/screenshots");
    // The results arrive from the session's worker: lay out the text they brought before the picture is taken.
    QCoreApplication::sendPostedEvents();
    const QImage image = window.grab().toImage();
    return QDir().mkpath(dir) && !image.isNull() && image.save(dir + u'/' + name + QStringLiteral(".png"));
}

bool writeConfig(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool writeScript(const QString &path, const QByteArray &body)
{
    return writeConfig(path, "#!/bin/sh\n" + body + '\n')
        && QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

QPalette darkPalette()
{
    QPalette palette(QColor(0x31, 0x36, 0x3b), QColor(0x20, 0x22, 0x25));
    palette.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    return palette;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseError_showsMarkerLineAndProblem();
    void validConfig_showsHighlightedFileWithoutProblems();
    void validConfig_darkPalette();
    void yolo_postureTableSaysCliCriticalAndWhere();
    void yolo_findingsFilterAndOpenTheirEvidence();
    void everyPaneReachedByTab_hasAnAccessibleName();
    void filesTab_listsEveryLayerInCodexsOrder();
    void keyboard_reachesEveryPane();
    void missingConfig_showsFriendlyEmptyState();
    void secrets_areMaskedInTheView();
    void fileChangedOnDisk_reloads();
    void codexHomeCreatedLater_isNoticed();
    void sampleMachine_showsTheVerdictOfItsFiles();
    void probes_runInTheBackgroundAndShowTheVerdict();
    void title_saysWhatIsInspected();
    void layout_persistsBetweenRuns();
};

void TestMainWindow::parseError_showsMarkerLineAndProblem()
{
    MainWindow window(
        Posture::Tests::isolated({.codexHome = QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/syntax-error/.codex")}));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000); // the session inspects on its worker

    QVERIFY(!window.showsEmptyState());
    QCOMPARE(window.configView()->errorLine(), 9);
    QVERIFY2(window.statusText().startsWith(QStringLiteral("Line 9, column ")), qPrintable(window.statusText()));
    auto *table = window.findChild<QTableView *>(QStringLiteral("problems"));
    QVERIFY(table && table->isVisible());
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(window.bottomTabs()->tabText(window.bottomTabs()->currentIndex()), QStringLiteral("Problems (1)"));
    QVERIFY(table->model()->index(0, 1).data().toString().startsWith(QStringLiteral("config.toml:9:")));
    // What is inspected stays in the status bar, whatever the views' status tips do.
    const QList<QLabel *> labels = window.statusBar()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->isVisible() && label->text().startsWith(QStringLiteral("Codex home: "));
    }));
    QVERIFY(saveScreenshot(window, QStringLiteral("main-window-parse-error")));
}

void TestMainWindow::validConfig_showsHighlightedFileWithoutProblems()
{
    MainWindow window(
        Posture::Tests::isolated({.codexHome = QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/valid/.codex")}));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000); // the session inspects on its worker

    QVERIFY(!window.showsEmptyState());
    QCOMPARE(window.configView()->errorLine(), 0);
    QVERIFY(window.configView()->toPlainText().startsWith(QStringLiteral("# Hand-written Codex configuration")));
    QVERIFY2(window.statusText().contains(QStringLiteral(
                 "Codex CLI: sandbox workspace-write, filesystem restricted, network restricted, approval on-request")),
        qPrintable(window.statusText()));
    QVERIFY(!window.findChild<QTableView *>(QStringLiteral("problems"))->isVisible());
    QVERIFY(saveScreenshot(window, QStringLiteral("main-window-valid")));
}

void TestMainWindow::validConfig_darkPalette()
{
    const QPalette original = QApplication::palette();
    QApplication::setPalette(darkPalette());
    {
        MainWindow window(Posture::Tests::isolated(
            {.codexHome = QStringLiteral(POSTURE_TEST_DATA_DIR "/homes/syntax-error/.codex")}));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000); // the session inspects on its worker
        QVERIFY(window.configView()->viewport()->palette().color(QPalette::Base).lightness() < 128);
        QVERIFY(saveScreenshot(window, QStringLiteral("main-window-dark")));
    }
    QApplication::setPalette(original);
}

void TestMainWindow::yolo_postureTableSaysCliCriticalAndWhere()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    QVERIFY(fixture.isValid());
    MainWindow window(fixture.options(false));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    Views::PostureTableView *table = window.postureView();
    QVERIFY(table->isVisible());
    QVERIFY(!table->accessibleName().isEmpty());
    const QModelIndex fullAccess =
        table->model()->index(Models::PostureModel::SandboxModeRow, Models::PostureModel::CliColumn);
    QCOMPARE(Views::PostureTableView::cellText(fullAccess), QStringLiteral("danger-full-access\nconfig.toml:4 (user)"));
    QCOMPARE(Core::RiskLevel(fullAccess.data(Models::RiskRole).toInt()), Core::RiskLevel::Critical);
    QCOMPARE(
        table->model()->headerData(Models::PostureModel::CliColumn, Qt::Horizontal).toString(), QStringLiteral("CLI"));
    // Activating the cell opens the configuration at the line that set it.
    table->setCurrentIndex(fullAccess);
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Return);
    QCOMPARE(window.configView()->textCursor().blockNumber() + 1, 4);
    QVERIFY(window.configView()->hasFocus());
    QVERIFY(saveScreenshot(window, QStringLiteral("main-window-yolo")));
}

void TestMainWindow::yolo_findingsFilterAndOpenTheirEvidence()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    QVERIFY(fixture.isValid());
    MainWindow window(fixture.options(false));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    Views::FindingsPane *pane = window.findingsPane();
    QTableView *list = pane->list();
    const int all = list->model()->rowCount();
    QCOMPARE(all, int(window.inspection().findings.size()));
    QVERIFY(all > 3);
    QCOMPARE(
        list->model()->index(0, Models::FindingsModel::SeverityColumn).data().toString(), QStringLiteral("critical"));
    QVERIFY(!list->accessibleName().isEmpty() && !pane->filterField()->accessibleName().isEmpty());

    // Ctrl+F goes to the filter; typing narrows the list.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(pane->filterField()->hasFocus());
    QTest::keyClicks(pane->filterField(), QStringLiteral("web_search"));
    QVERIFY(list->model()->rowCount() >= 1 && list->model()->rowCount() < all);
    QVERIFY(saveScreenshot(window, QStringLiteral("main-window-findings-filtered")));
    pane->filterField()->clear();
    QCOMPARE(list->model()->rowCount(), all);

    // Enter on a finding opens the configuration at its evidence.
    const QModelIndex first = list->model()->index(0, 0);
    const int line = first.data(Models::FindingsModel::LineRole).toInt();
    QVERIFY(line > 0);
    list->setCurrentIndex(first);
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(window.configView()->textCursor().blockNumber() + 1, line);
    QVERIFY(window.configView()->hasFocus());
}

void TestMainWindow::everyPaneReachedByTab_hasAnAccessibleName()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("invalid-syntax")));
    QVERIFY(fixture.isValid());
    MainWindow window(fixture.options(false));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    int checked = 0;
    for (QWidget *widget : window.findChildren<QWidget *>()) {
        if (!widget->isVisible() || !(widget->focusPolicy() & Qt::TabFocus))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        QVERIFY(accessible);
        QVERIFY2(!accessible->text(QAccessible::Name).isEmpty(), widget->metaObject()->className());
        ++checked;
    }
    QVERIFY2(checked >= 4, qPrintable(QString::number(checked))); // posture, filter, findings, config, problems
}

void TestMainWindow::filesTab_listsEveryLayerInCodexsOrder()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("untrusted-project-ignored")));
    QVERIFY(fixture.isValid());
    MainWindow window(fixture.options(false));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    window.bottomTabs()->setCurrentWidget(window.layersView());
    const QAbstractItemModel *layers = window.layersView()->model();
    QCOMPARE(layers->rowCount(), int(window.inspection().layers.size()));
    QStringList kinds;
    for (int row = 0; row < layers->rowCount(); ++row)
        kinds.append(layers->index(row, 0).data(Models::LayersModel::KindRole).toString());
    QCOMPARE(kinds,
        (QStringList{QStringLiteral("system"), QStringLiteral("user"), QStringLiteral("project"),
            QStringLiteral("requirements"), QStringLiteral("managed")}));
    QVERIFY(
        layers->index(2, Models::LayersModel::StatusColumn).data().toString().startsWith(QStringLiteral("ignored")));
    QVERIFY(saveScreenshot(window, QStringLiteral("main-window-files")));
    // Activating the user's file opens it at its top.
    window.layersView()->setCurrentIndex(layers->index(1, 0));
    window.layersView()->setFocus();
    QTest::keyClick(window.layersView(), Qt::Key_Return);
    QVERIFY(window.configView()->hasFocus());
    QCOMPARE(window.configView()->textCursor().blockNumber(), 0);
}

void TestMainWindow::keyboard_reachesEveryPane()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    QVERIFY(fixture.isValid());
    MainWindow window(fixture.options(false));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    const QList<QWidget *> panes{
        window.postureView(), window.findingsPane()->list(), window.configView(), window.bottomTabs()->currentWidget()};
    for (int pane = 0; pane < panes.size(); ++pane) {
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + pane), Qt::ControlModifier);
        QVERIFY2(panes.at(pane)->hasFocus(), qPrintable(QStringLiteral("Ctrl+%1").arg(pane + 1)));
    }
    // F6 goes round them in reading order: from the last back to the first, then on.
    for (int step = 0; step <= panes.size(); ++step) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
        QVERIFY2(panes.at(step % panes.size())->hasFocus(), qPrintable(QStringLiteral("F6 step %1").arg(step)));
    }
}

void TestMainWindow::missingConfig_showsFriendlyEmptyState()
{
    QTemporaryDir home;
    MainWindow window(Posture::Tests::isolated({.home = home.path()}));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000); // the session inspects on its worker

    QVERIFY(window.showsEmptyState());
    QVERIFY(window.statusText().contains(QStringLiteral("built-in defaults")));
    QVERIFY(!window.findChild<QTableView *>(QStringLiteral("problems"))->isVisible());
    QVERIFY(saveScreenshot(window, QStringLiteral("main-window-empty")));
}

void TestMainWindow::secrets_areMaskedInTheView()
{
    QTemporaryDir codexHome;
    QVERIFY(writeConfig(codexHome.filePath(QStringLiteral("config.toml")),
        "[model_providers.corp]\nname = \"Corp\"\nexperimental_bearer_token = "
        "\"sk-live-PLAINTEXT-0123456789abcdef\"\n"));
    MainWindow window(Posture::Tests::isolated({.codexHome = codexHome.path()}));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    const QString shown = window.configView()->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("experimental_bearer_token = \"<masked>\"")));
    QVERIFY(!shown.contains(QStringLiteral("PLAINTEXT")));
}

void TestMainWindow::fileChangedOnDisk_reloads()
{
    QTemporaryDir codexHome;
    const QString path = codexHome.filePath(QStringLiteral("config.toml"));
    QVERIFY(writeConfig(path, "model = \"o3\"\n"));
    MainWindow window(Posture::Tests::isolated({.codexHome = codexHome.path()}));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    QCOMPARE(window.configView()->errorLine(), 0);

    QVERIFY(writeConfig(path, "model = \"o3\"\nsandbox_mode = \n"));
    QTRY_COMPARE_WITH_TIMEOUT(window.configView()->errorLine(), 2, 10000);
    QVERIFY(QFile::remove(path));
    QTRY_VERIFY_WITH_TIMEOUT(window.showsEmptyState(), 10000);
}

void TestMainWindow::codexHomeCreatedLater_isNoticed()
{
    QTemporaryDir home;
    MainWindow window(Posture::Tests::isolated({.home = home.path()}));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    QVERIFY(window.showsEmptyState());
    QVERIFY(QDir(home.path()).mkdir(QStringLiteral(".codex")));
    QVERIFY(writeConfig(home.filePath(QStringLiteral(".codex/config.toml")), "model = \"o3\"\n"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.showsEmptyState(), 10000);
}

void TestMainWindow::sampleMachine_showsTheVerdictOfItsFiles()
{
    // A copied machine without user namespaces: judged from its files on the worker, nothing started.
    QTemporaryDir home;
    MainWindow window(Posture::Tests::isolated({.home = home.path(),
        .cwd = home.path(),
        .systemRoot = QStringLiteral(POSTURE_TEST_DATA_DIR "/sysroots/ubuntu-2404-restricted"),
        .runPrograms = true}));
    QVERIFY(!window.settled()); // the constructor returned before the engine ran
    QVERIFY(window.statusText().startsWith(QStringLiteral("Reading")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    QVERIFY(!window.probing());
    QCOMPARE(window.session()->probeState(), Models::InspectionSession::ProbeState::NotProbed);
    QVERIFY2(window.enforcementText().contains(QStringLiteral("not enforced: AppArmor")),
        qPrintable(window.enforcementText()));
    QVERIFY(window.enforcementText().contains(QStringLiteral("sudo apparmor_parser -r")));
    // The sandbox tab: the verdicts, then the checks behind them.
    QCOMPARE(window.bottomTabs()->currentWidget(), window.sandboxView());
    QCOMPARE(window.bottomTabs()->tabText(window.bottomTabs()->currentIndex()), QStringLiteral("Sandbox"));
    const QAbstractItemModel *sandbox = window.sandboxView()->model();
    QCOMPARE(sandbox->index(0, Models::SandboxModel::StateColumn).data().toString(), QStringLiteral("not enforced"));
    QVERIFY(sandbox->rowCount() > 2);
    QVERIFY(saveScreenshot(window, QStringLiteral("main-window-not-enforced")));
}

void TestMainWindow::probes_runInTheBackgroundAndShowTheVerdict()
{
    // This machine, with a PATH whose only bwrap hangs: the probes run on the session's worker and are cut off.
    QTemporaryDir bin;
    QVERIFY(writeScript(bin.filePath(QStringLiteral("bwrap")),
        "case \"$1\" in --help) echo '--perms --as-pid-1'; exit 0;; --version) exit 0;; esac\nexec /bin/sleep 60"));
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(bin.path()));
    QTemporaryDir home;
    Core::InspectOptions options = Posture::Tests::isolated({.home = home.path(), .cwd = home.path()});
    options.systemRoot.clear();
    options.runPrograms = true;
    options.probeTimeoutMs = 3000;
    MainWindow window(options);
    qputenv("PATH", path); // the session took its environment when it was made
    QSignalSpy finished(window.session(), &Models::InspectionSession::probesFinished);
    // The configuration first, while the probes still run.
    QTRY_VERIFY_WITH_TIMEOUT(window.session()->hasInspection(), 10000);
    QVERIFY(window.probing());
    QVERIFY2(window.enforcementText().startsWith(QStringLiteral("Checking")), qPrintable(window.enforcementText()));
    QCOMPARE(window.bottomTabs()->tabText(window.bottomTabs()->indexOf(window.sandboxView())),
        QStringLiteral("Sandbox (checking…)"));
    QVERIFY(finished.wait(20000));
    QVERIFY(window.settled());
    QCOMPARE(window.session()->probeState(), Models::InspectionSession::ProbeState::TimedOut);
    QVERIFY2(window.enforcementText().contains(QStringLiteral("timed out")), qPrintable(window.enforcementText()));
    QCOMPARE(
        window.bottomTabs()->tabText(window.bottomTabs()->indexOf(window.sandboxView())), QStringLiteral("Sandbox"));
}

void TestMainWindow::title_saysWhatIsInspected()
{
    QTemporaryDir home;
    MainWindow window(Posture::Tests::isolated({.home = home.path(), .cwd = home.path()}));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    QVERIFY2(window.windowTitle().contains(home.path() + QStringLiteral("/.codex")), qPrintable(window.windowTitle()));
    // (Every window here inspects an isolated system root, so each is a "sample"; "this machine" would need the
    // host's /etc/codex, which no test reads.)
    const QString root = QStringLiteral(POSTURE_TEST_DATA_DIR "/sysroots/ubuntu-2404-restricted");
    MainWindow sample(Posture::Tests::isolated(
        {.home = home.path(), .cwd = home.path(), .profile = QStringLiteral("ci"), .systemRoot = root}));
    QTRY_VERIFY_WITH_TIMEOUT(sample.settled(), 10000);
    QVERIFY2(sample.windowTitle().contains(QStringLiteral("sample of ") + root), qPrintable(sample.windowTitle()));
    QVERIFY2(sample.windowTitle().contains(QStringLiteral("profile ci")), qPrintable(sample.windowTitle()));
}

void TestMainWindow::layout_persistsBetweenRuns()
{
    // QSettings in a folder of the test's own, never the user's.
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("codex-posture-test"));
    QTemporaryDir home;
    QList<int> chosen;
    {
        MainWindow window(Posture::Tests::isolated({.home = home.path(), .cwd = home.path()}));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSplitter *judgement = window.splitters().constLast();
        const int total = judgement->sizes().at(0) + judgement->sizes().at(1);
        judgement->setSizes({total / 4, total - total / 4});
        chosen = judgement->sizes();
        QVERIFY(window.close()); // closing saves
    }
    MainWindow again(Posture::Tests::isolated({.home = home.path(), .cwd = home.path()}));
    QVERIFY(again.splitters().constLast()->sizes() != chosen); // the built-in proportions before restoring
    again.restoreLayout();
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    // The posture table keeps the height chosen (a pixel either way: the handle's width is shared out again); the
    // findings below take what the window's height leaves.
    const QList<int> restored = again.splitters().constLast()->sizes();
    QVERIFY2(qAbs(restored.constFirst() - chosen.constFirst()) <= 2,
        qPrintable(QStringLiteral("%1 vs %2").arg(restored.constFirst()).arg(chosen.constFirst())));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
