// SPDX-License-Identifier: Apache-2.0
#include "acceptriskdialog.h"
#include "banner.h"
#include "configtabs.h"
#include "configview.h"
#include "core/report/reports.h"
#include "exportreportdialog.h"
#include "findingdetail.h"
#include "findingsmodel.h"
#include "findingspane.h"
#include "fixpreviewdialog.h"
#include "fixturehome.h"
#include "inspectionsession.h"
#include "isolatedmachine.h"
#include "layersmodel.h"
#include "mainwindow.h"
#include "posturemodel.h"
#include "posturetableview.h"
#include "sandboxmodel.h"
#include "sandboxpanel.h"
#include "scopebar.h"
#include "scopedialog.h"
#include "screenshotlook.h"
#include "surfacetile.h"

#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

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
    return Views::screenshotPalette(true);
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
    void tiles_sayEachSurfacesVerdictAndFilterTheFindings();
    void findingDetail_explainsAndPreviewsTheFix();
    void acceptRisk_givesTheEntryToPaste();
    void configTabs_oneTabPerFile_evidenceOpensItsTab();
    void paletteChange_followsWhileRunning();
    void scope_openedFromTheWindow_isRemembered();
    void scopeDialog_saysWhatTheCommandLineSays();
    void exportReport_writesEveryFormat();
    void exportReport_writesNothingIntoACopiedMachine();
    void screenshots_data();
    void screenshots();
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
    QCOMPARE(window.detailTabs()->tabText(window.detailTabs()->currentIndex()), QStringLiteral("Problems (1)"));
    QVERIFY(table->model()->index(0, 1).data().toString().startsWith(QStringLiteral("config.toml:9:")));
    // What is inspected stays in sight.
    QVERIFY2(window.scopeBar()->text().contains(QStringLiteral("Codex home: ")), qPrintable(window.scopeBar()->text()));
    // Codex refuses the file: the banner says so, and its action opens the file at the line.
    QVERIFY2(window.banner()->text().contains(QStringLiteral("Codex refuses this configuration")),
        qPrintable(window.banner()->text()));
    QCOMPARE(window.banner()->buttons().size(), 1);
    window.banner()->buttons().constFirst()->click();
    QCOMPARE(window.detailTabs()->currentIndex(), int(MainWindow::ConfigurationTab));
    QCOMPARE(window.configView()->textCursor().blockNumber() + 1, 9);
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
    // The value that set it is highlighted: the line's key and value, from its first character.
    const auto [start, end] = window.configView()->evidenceSpan();
    const QTextBlock line4 = window.configView()->document()->findBlockByNumber(3);
    QCOMPARE(start, line4.position());
    QVERIFY2(line4.text().mid(0, end - start).startsWith(QStringLiteral("sandbox_mode")), qPrintable(line4.text()));
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
    window.detailTabs()->setCurrentIndex(MainWindow::FilesTab);
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
    // Ctrl+1…5: the posture, the findings, the finding in full, the configuration, the sandbox.
    const QList<QWidget *> shortcuts{window.postureView(), window.findingsPane()->list(),
        window.findingDetail()->focusProxy(), window.configView(), window.sandboxPanel()->table()};
    for (int pane = 0; pane < shortcuts.size(); ++pane) {
        QTest::keyClick(&window, Qt::Key(Qt::Key_1 + pane), Qt::ControlModifier);
        QVERIFY2(shortcuts.at(pane)->hasFocus(), qPrintable(QStringLiteral("Ctrl+%1").arg(pane + 1)));
    }
    // F6 goes round the panes in reading order: the tiles, the posture, the findings, the tab beside them.
    window.detailTabs()->setCurrentIndex(MainWindow::FindingTab);
    const QList<QWidget *> panes{window.tiles().constFirst(), window.postureView(), window.findingsPane()->list(),
        window.findingDetail()->focusProxy()};
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
    // The sandbox tab: the verdicts, then the checks behind them, and the remedies to copy (never run).
    const QStringList remedies = window.sandboxPanel()->remedies();
    QVERIFY(!remedies.isEmpty());
    QVERIFY2(
        remedies.constFirst().contains(QStringLiteral("sudo apparmor_parser -r")), qPrintable(remedies.join(u'\n')));
    QVERIFY2(
        remedies.constFirst().contains(QStringLiteral("needs an administrator")), qPrintable(remedies.constFirst()));
    QVERIFY(!window.sandboxPanel()->copyButtons().isEmpty());
    window.sandboxPanel()->copyButtons().constFirst()->click();
    QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("apparmor_parser")));
    const QAbstractItemModel *sandbox = window.sandboxPanel()->table()->model();
    QCOMPARE(sandbox->index(0, Models::SandboxModel::StateColumn).data().toString(), QStringLiteral("not enforced"));
    QVERIFY(sandbox->rowCount() > 2);
    // Configured but not enforced: the banner says so; its actions show the sandbox and copy the first remedy.
    QVERIFY2(
        window.banner()->text().contains(QStringLiteral("does not enforce it")), qPrintable(window.banner()->text()));
    QCOMPARE(window.banner()->buttons().size(), 2);
    QGuiApplication::clipboard()->clear();
    window.banner()->buttons().at(1)->click();
    QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("apparmor_parser")));
    window.banner()->buttons().at(0)->click();
    QCOMPARE(window.detailTabs()->currentIndex(), int(MainWindow::SandboxTab));
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
    QCOMPARE(window.detailTabs()->tabText(MainWindow::SandboxTab), QStringLiteral("Sandbox (checking…)"));
    QVERIFY(finished.wait(20000));
    QVERIFY(window.settled());
    QCOMPARE(window.session()->probeState(), Models::InspectionSession::ProbeState::TimedOut);
    QVERIFY2(window.enforcementText().contains(QStringLiteral("timed out")), qPrintable(window.enforcementText()));
    QCOMPARE(window.detailTabs()->tabText(MainWindow::SandboxTab), QStringLiteral("Sandbox"));
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

void TestMainWindow::tiles_sayEachSurfacesVerdictAndFilterTheFindings()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    MainWindow window(fixture.options(false));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    const QList<Views::SurfaceTile *> tiles = window.tiles();
    QCOMPARE(tiles.size(), 3);
    QCOMPARE(tiles.at(0)->verdict(), window.inspection().verdict(Core::Surface::Cli).word());
    QCOMPARE(tiles.at(0)->risk(), Core::RiskLevel::Critical);
    QVERIFY2(tiles.at(0)->counts().startsWith(QStringLiteral("1 critical")), qPrintable(tiles.at(0)->counts()));
    QVERIFY2(tiles.at(0)->accessibleName().startsWith(QStringLiteral("CLI: critical; 1 critical")),
        qPrintable(tiles.at(0)->accessibleName()));
    QCOMPARE(tiles.at(2)->risk(), Core::riskOf(window.inspection().verdict(Core::Surface::Cloud)));
    // Activating a tile narrows the findings to its surface; activating it again shows them all.
    QTableView *list = window.findingsPane()->list();
    const int all = list->model()->rowCount();
    QTest::mouseClick(tiles.at(2), Qt::LeftButton);
    QVERIFY(tiles.at(2)->isChecked());
    QVERIFY(list->model()->rowCount() < all);
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const auto surfaces =
            Core::Surfaces::fromInt(list->model()->index(row, 0).data(Models::FindingsModel::SurfacesRole).toInt());
        QVERIFY(surfaces.testFlag(Core::Surface::Cloud));
    }
    tiles.at(0)->setFocus();
    QTest::keyClick(tiles.at(0), Qt::Key_Space); // the keyboard as well; one surface at a time
    QVERIFY(tiles.at(0)->isChecked() && !tiles.at(2)->isChecked());
    QCOMPARE(list->model()->rowCount(),
        int(window.inspection().findings.size())
            - int(std::count_if(window.inspection().findings.cbegin(), window.inspection().findings.cend(),
                [](const Core::Finding &finding) { return !finding.surfaces.testFlag(Core::Surface::Cli); })));
    QTest::keyClick(tiles.at(0), Qt::Key_Space);
    QCOMPARE(list->model()->rowCount(), all);
}

void TestMainWindow::findingDetail_explainsAndPreviewsTheFix()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    MainWindow window(fixture.options(false));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    // The worst finding is chosen and shown in full.
    Views::FindingDetail *detail = window.findingDetail();
    QCOMPARE(detail->findingId(), window.inspection().findings.constFirst().id);
    QCOMPARE(window.detailTabs()->currentIndex(), int(MainWindow::FindingTab));
    const QString text = detail->text();
    for (const char *section : {"What it means", "What to do", "Who can act", "Evidence", "Read more: https://"})
        QVERIFY2(text.contains(QLatin1StringView(section)), section);
    QVERIFY2(text.contains(QStringLiteral("One-click fix")), qPrintable(text));
    // Moving through the list with the keyboard shows each finding.
    QTableView *list = window.findingsPane()->list();
    list->setFocus();
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(detail->findingId(), list->currentIndex().data(Models::FindingsModel::IdRole).toString());
    QTest::keyClick(list, Qt::Key_Up);

    // Fix… previews the change read-only: the file, what changes, the diff.
    QVERIFY(detail->fixButton()->isEnabled());
    QTest::mouseClick(detail->fixButton(), Qt::LeftButton);
    auto *dialog = window.findChild<Views::FixPreviewDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->ready(), 10000);
    QVERIFY2(dialog->diffText().contains(QStringLiteral("-sandbox_mode = \"danger-full-access\"")),
        qPrintable(dialog->diffText()));
    QVERIFY(dialog->diffText().contains(QStringLiteral("+sandbox_mode = \"workspace-write\"")));
    QVERIFY(dialog->summaryText().contains(QStringLiteral("config.toml")));
    QVERIFY(dialog->command().startsWith(QStringLiteral("codex-posture --fix fix:")));
    QVERIFY(!dialog->diffText().contains(QStringLiteral("PLANTED"))); // the fixture's token never shows
    const QByteArray before = window.inspection().userConfig().text().toUtf8();
    QFile file(window.inspection().userConfig().path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before); // nothing was written
    dialog->close();
}

void TestMainWindow::acceptRisk_givesTheEntryToPaste()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    MainWindow window(fixture.options(false));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    QTest::mouseClick(window.findingDetail()->acceptButton(), Qt::LeftButton);
    auto *dialog = window.findChild<Views::AcceptRiskDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->expiryField()->date(), QDate::currentDate().addDays(90));
    QTest::keyClicks(dialog->reasonField(), QStringLiteral("disposable \"lab\" VM"));
    const QString entry = dialog->entryText();
    QVERIFY2(entry.contains(QStringLiteral("id = \"%1\"").arg(window.inspection().findings.constFirst().id)),
        qPrintable(entry));
    QVERIFY2(entry.contains(QStringLiteral(R"(reason = "disposable \"lab\" VM")")), qPrintable(entry));
    QVERIFY(entry.contains(QStringLiteral("expires = %1").arg(QDate::currentDate().addDays(90).toString(Qt::ISODate))));
    dialog->close();
}

void TestMainWindow::configTabs_oneTabPerFile_evidenceOpensItsTab()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("trusted-project-escalates")));
    QVERIFY(fixture.isValid());
    MainWindow window(fixture.options(false));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    Views::ConfigTabs *tabs = window.configTabs();
    QStringList expected;
    for (const Core::ConfigLayer &layer : window.inspection().layers) {
        if (layer.exists())
            expected.append(layer.document.path());
    }
    QVERIFY2(expected.size() >= 2, "the fixture has a user and a project file");
    QStringList shown;
    for (int index = 0; index < tabs->count(); ++index)
        shown.append(tabs->fileAt(index));
    QCOMPARE(shown, expected); // in Codex's order, lowest precedence first
    // A finding whose evidence is in the project's file opens that file's tab at its line.
    const auto project = std::find_if(window.inspection().findings.cbegin(), window.inspection().findings.cend(),
        [&](const Core::Finding &finding) { return finding.evidence.file == expected.constLast(); });
    QVERIFY(project != window.inspection().findings.cend());
    window.findingsPane()->select(project->id);
    QTest::mouseClick(window.findingDetail()->evidenceButton(), Qt::LeftButton);
    QCOMPARE(window.detailTabs()->currentIndex(), int(MainWindow::ConfigurationTab));
    QCOMPARE(tabs->fileAt(tabs->currentIndex()), expected.constLast());
    QCOMPARE(tabs->viewOf(expected.constLast())->textCursor().blockNumber() + 1, project->evidence.line);
    QVERIFY(tabs->viewOf(expected.constLast())->evidenceSpan().second > 0);
}

void TestMainWindow::paletteChange_followsWhileRunning()
{
    const QPalette original = QApplication::palette();
    QApplication::setPalette(Views::screenshotPalette(false));
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    MainWindow window(fixture.options(false));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    const QString lightTheme = window.configView()->themeName();
    Views::SurfaceTile *cli = window.tiles().constFirst();
    const QColor lightTile = cli->grab().toImage().pixelColor(cli->width() / 2, cli->height() - 4);
    // The system turns dark while the window is open: the highlighting theme and the tints follow.
    QApplication::setPalette(Views::screenshotPalette(true));
    QCoreApplication::sendPostedEvents();
    QTRY_VERIFY(window.configView()->themeName() != lightTheme);
    QVERIFY(window.configView()->viewport()->palette().color(QPalette::Base).lightness() < 128);
    const QColor darkTile = cli->grab().toImage().pixelColor(cli->width() / 2, cli->height() - 4);
    QVERIFY2(darkTile.lightness() < lightTile.lightness(),
        qPrintable(QStringLiteral("%1 → %2").arg(lightTile.name(), darkTile.name())));
    QApplication::setPalette(original);
}

void TestMainWindow::scope_openedFromTheWindow_isRemembered()
{
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("codex-posture-test-recent"));
    const Tests::FixtureHome yolo(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const Tests::FixtureHome safe(Tests::FixtureHome::caseDirectory(QStringLiteral("safe-legacy")));
    MainWindow window(yolo.options(false));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    QSignalSpy scopeChanged(window.session(), &Models::InspectionSession::scopeChanged);
    QSignalSpy finished(window.session(), &Models::InspectionSession::inspectionFinished);
    window.openScope(safe.options(false));
    QCOMPARE(scopeChanged.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(window.settled() && finished.size() >= 1, 10000);
    QCOMPARE(window.inspection().options.home, safe.options(false).home);
    QVERIFY(window.tiles().constFirst()->risk() != Core::RiskLevel::Critical);
    window.openScope(yolo.options(false));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled() && window.inspection().options.home == yolo.options(false).home, 10000);
    // Both are in File ▸ Open Recent, newest first; choosing one inspects it again.
    Q_EMIT window.recentMenu()->aboutToShow();
    const QList<QAction *> recent = window.recentMenu()->actions();
    QCOMPARE(recent.size(), 2);
    QVERIFY2(recent.at(0)->text().contains(yolo.options(false).home), qPrintable(recent.at(0)->text()));
    QVERIFY2(recent.at(1)->text().contains(safe.options(false).home), qPrintable(recent.at(1)->text()));
    recent.at(1)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.settled() && window.inspection().options.home == safe.options(false).home, 10000);
}

void TestMainWindow::scopeDialog_saysWhatTheCommandLineSays()
{
    QTemporaryDir codexHome;
    QVERIFY(writeConfig(codexHome.filePath(QStringLiteral("ci.config.toml")), "model = \"o3\"\n"));
    Core::InspectOptions start;
    start.runPrograms = true;
    start.baselineFile = QStringLiteral("working-rule");
    Views::ScopeDialog dialog(start);
    QVERIFY(dialog.scope().baselineFile == QStringLiteral("working-rule"));
    dialog.codexHomeField()->setText(codexHome.path());
    Q_EMIT dialog.codexHomeField()->editingFinished(); // lists the home's profile files
    QVERIFY(dialog.profileField()->findText(QStringLiteral("ci")) >= 0);
    dialog.profileField()->setCurrentText(QStringLiteral("ci"));
    dialog.projectField()->setText(QStringLiteral("/src/app/"));
    dialog.systemRootField()->setText(QStringLiteral("/mnt/copy"));
    dialog.acceptField()->setText(QStringLiteral("/etc/accepted.toml"));
    const Core::InspectOptions scope = dialog.scope();
    QCOMPARE(scope.codexHome, codexHome.path());
    QCOMPARE(scope.profile, QStringLiteral("ci"));
    QCOMPARE(scope.cwd, QStringLiteral("/src/app"));
    QCOMPARE(scope.systemRoot, QStringLiteral("/mnt/copy"));
    QCOMPARE(scope.acceptFile, QStringLiteral("/etc/accepted.toml"));
    QCOMPARE(scope.baselineFile, QStringLiteral("working-rule"));
    QVERIFY(scope.runPrograms); // kept; a copied machine is never probed anyway
    QCOMPARE(Views::RecentScopes::describe(scope),
        codexHome.path()
            + QStringLiteral(" · project /src/app · profile ci · sample of /mnt/copy · baseline "
                             "working-rule · accepted /etc/accepted.toml"));
}

void TestMainWindow::exportReport_writesEveryFormat()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    MainWindow window(fixture.options(false));
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);
    auto *dialog = window.findChild<Views::ExportReportDialog *>();
    QVERIFY(dialog);
    QTemporaryDir dir;
    for (int index = 0; index < dialog->formatField()->count(); ++index) {
        dialog->formatField()->setCurrentIndex(index);
        const QString name = dialog->formatField()->currentData().toString();
        const Core::ReportFormat *format = Core::reportFormat(name);
        QVERIFY(format);
        for (const bool redact : {false, true}) {
            dialog->redactField()->setChecked(redact);
            const QString path = dir.filePath(name + (redact ? QStringLiteral(".redacted") : QString()));
            QCOMPARE(dialog->exportTo(path), QString());
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray written = file.readAll();
            // The window writes what the headless report writes (only the time of making differs).
            const QByteArray headless =
                Core::renderReport(*format, window.inspection(), Core::ReportRequest{QDateTime(), false, redact});
            QCOMPARE(written.size() > 0, true);
            QVERIFY2(!written.contains("PLANTED"), qPrintable(name));
            QCOMPARE(
                file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
            if (format->pdf) { // the page laid out as a PDF (its text is checked in tst_pdfreport)
                QVERIFY(written.startsWith("%PDF-"));
                continue;
            }
            // The home appears exactly where the headless report shows it (not at all in the one-line mdm), never
            // when redacted.
            QCOMPARE(written.contains(fixture.home().toUtf8()), headless.contains(fixture.home().toUtf8()));
            if (redact)
                QVERIFY2(!written.contains(fixture.home().toUtf8()), qPrintable(name));
        }
    }
}

void TestMainWindow::exportReport_writesNothingIntoACopiedMachine()
{
    QTemporaryDir copy; // a copied machine with no home: its system files only
    QTemporaryDir beside;
    MainWindow window(Core::InspectOptions{.home = copy.path(), .cwd = copy.path(), .systemRoot = copy.path()});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    QTest::keyClick(&window, Qt::Key_E, Qt::ControlModifier);
    auto *dialog = window.findChild<Views::ExportReportDialog *>();
    QVERIFY(dialog);
    for (int index = 0; index < dialog->formatField()->count(); ++index) {
        dialog->formatField()->setCurrentIndex(index);
        const QString inside = copy.filePath(QStringLiteral("report-%1").arg(index));
        const QString error = dialog->exportTo(inside);
        QVERIFY2(error.contains(QStringLiteral("outside the copy")), qPrintable(error));
        QVERIFY(!QFileInfo::exists(inside));
    }
    dialog->formatField()->setCurrentIndex(0);
    QCOMPARE(dialog->exportTo(beside.filePath(QStringLiteral("report"))), QString()); // beside the copy: written
}

void TestMainWindow::screenshots_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("fixture"); // a fixture case; empty: an empty home
    QTest::addColumn<QString>("sysroot"); // a copied machine under tests/data/sysroots; empty: this machine
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("filter");
    for (const bool dark : {false, true}) {
        const QString look = dark ? QStringLiteral("-dark") : QStringLiteral("-light");
        const auto row = [&](const char *name, const char *fixture, const char *sysroot, int tab,
                             const char *filter = "") {
            QTest::newRow(qPrintable(QLatin1StringView(name) + look))
                << QLatin1StringView(name) + look << QString::fromLatin1(fixture) << QString::fromLatin1(sysroot) << tab
                << QString::fromLatin1(filter);
        };
        row("critical", "yolo", "", MainWindow::FindingTab);
        row("safe", "safe-legacy", "", MainWindow::ConfigurationTab);
        row("parse-error", "invalid-syntax", "", MainWindow::ProblemsTab);
        row("no-config", "", "", MainWindow::ConfigurationTab);
        row("not-enforced", "", "ubuntu-2404-restricted", MainWindow::SandboxTab);
        row("sample-machine", "network-on", "debian-12", MainWindow::FindingTab);
        row("finding-detail", "yolo", "", MainWindow::FindingTab, "token");
        row("layers", "untrusted-project-ignored", "", MainWindow::FilesTab);
    }
}

void TestMainWindow::screenshots()
{
    QFETCH(QString, name);
    QFETCH(QString, fixture);
    QFETCH(QString, sysroot);
    QFETCH(int, tab);
    QFETCH(QString, filter);
    const QPalette original = QApplication::palette();
    QApplication::setPalette(Views::screenshotPalette(name.endsWith(QStringLiteral("-dark"))));
    QTemporaryDir empty;
    std::optional<Tests::FixtureHome> home;
    Core::InspectOptions options;
    if (fixture.isEmpty()) {
        options = Core::InspectOptions{.home = empty.path(), .cwd = empty.path()};
    } else {
        home.emplace(Tests::FixtureHome::caseDirectory(fixture));
        QVERIFY(home->isValid());
        options = home->options(false);
    }
    // This machine, as a user sees it (nothing is run: live probes are off); or a copied one.
    options.systemRoot = sysroot.isEmpty() ? QString() : QStringLiteral(POSTURE_TEST_DATA_DIR "/sysroots/") + sysroot;
    options.runPrograms = false;
    {
        MainWindow window(options);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
        if (!filter.isEmpty()) {
            QTest::keyClicks(window.findingsPane()->filterField(), filter);
            // The finding whose title names it, shown in full.
            for (const Core::Finding &finding : window.inspection().findings) {
                if (finding.title.contains(filter, Qt::CaseInsensitive)) {
                    window.findingsPane()->select(finding.id);
                    break;
                }
            }
        }
        window.detailTabs()->setCurrentIndex(tab);
        QVERIFY(saveScreenshot(window, QStringLiteral("main-window-") + name));
    }
    QApplication::setPalette(original);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
