// SPDX-License-Identifier: Apache-2.0
// Guided fixes in the window, driven as a user would on copies of fixture homes: preview, Apply, the banner, Undo and
// Redo, undo refused after an external edit, a refused fix, a preview that goes stale, accepting a risk (and reading
// it again on the next start), and a copied machine that is never written to.
#include "acceptriskdialog.h"
#include "banner.h"
#include "core/fixes/fixapplier.h"
#include "files.h"
#include "findingdetail.h"
#include "findingsmodel.h"
#include "findingspane.h"
#include "fixalldialog.h"
#include "fixpreviewdialog.h"
#include "fixturehome.h"
#include "inspectionsession.h"
#include "mainwindow.h"
#include "posturemodel.h"
#include "posturetableview.h"
#include "scopedialog.h"
#include "screenshotlook.h"

#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture;
using Views::MainWindow;

namespace {

// Every file's path and bytes under a directory, hashed: "nothing was written here" is this staying the same.
QByteArray treeHash(const QString &root)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QDirIterator it(
        root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    for (const QString &file : std::as_const(files)) {
        hash.addData(file.toUtf8());
        hash.addData(Tests::readBytes(file));
    }
    return hash.result();
}

bool saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = QStringLiteral(POSTURE_BINARY_DIR "/screenshots");
    QCoreApplication::sendPostedEvents();
    const QImage image = widget.grab().toImage();
    return QDir().mkpath(dir) && !image.isNull() && image.save(dir + u'/' + name + QStringLiteral(".png"));
}

// A fixture copy as this machine (no system root: a root makes it a copied machine, never written to). Nothing is
// run (live probes off), and the host's /etc/codex is not used by the fixtures' verdicts.
Core::InspectOptions thisMachine(const Tests::FixtureHome &fixture)
{
    Core::InspectOptions options = fixture.options(false);
    options.systemRoot.clear();
    options.runPrograms = false;
    return options;
}

// The window on a fixture copy, with a journal of the test's own; null when it did not settle.
std::unique_ptr<MainWindow> openWindow(const Core::InspectOptions &options, const QString &journal)
{
    auto window = std::make_unique<MainWindow>(options);
    window->session()->setJournalPath(journal);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) || !QTest::qWaitFor([&] { return window->settled(); }, 10000))
        return nullptr;
    return window;
}

// Opens Fix… for the finding whose id starts with prefix and waits for its preview.
Views::FixPreviewDialog *openPreview(MainWindow &window, const QString &prefix)
{
    for (const Core::Finding &finding : window.inspection().findings) {
        if (finding.id.startsWith(prefix)) {
            window.findingsPane()->select(finding.id);
            break;
        }
    }
    if (!window.findingDetail()->findingId().startsWith(prefix) || !window.findingDetail()->fixButton()->isEnabled())
        return nullptr;
    QTest::mouseClick(window.findingDetail()->fixButton(), Qt::LeftButton);
    auto *dialog = window.findChild<Views::FixPreviewDialog *>();
    if (!dialog || !QTest::qWaitFor([dialog] { return dialog->ready(); }, 10000))
        return nullptr;
    return dialog;
}

bool hasFinding(const MainWindow &window, const QString &id)
{
    const Core::Findings &findings = window.inspection().findings;
    return std::any_of(findings.cbegin(), findings.cend(), [&id](const Core::Finding &f) { return f.id == id; });
}

} // namespace

class TestFixFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void apply_writesWhatTheCommandLineWrites_thenUndoAndRedo();
    void undo_afterAnExternalEdit_isRefused();
    void managedValue_isRefusedWithWhereToChangeIt();
    void fileChangedWhilePreviewOpen_isWorkedOutAgain();
    void acceptRisk_writesTheFile_andCountsAgainOnTheNextStart();
    void sampleMachine_isNeverWritten();
    void fixAll_withOneUnticked_leavesThatFinding();
    void postureCell_offersTheFixOfItsValue();
    void sampleMachine_exportsAPatchThatGitApplies();
    void screenshots_data();
    void screenshots();

private:
    QTemporaryDir m_scratch;
};

void TestFixFlow::init()
{
    // QSettings (recent scopes, the accepted-risks file) in a folder of the test's own, never the user's.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_scratch.filePath(QStringLiteral("settings")));
    QCoreApplication::setOrganizationName(QStringLiteral("codex-posture-fixflow-test"));
}

void TestFixFlow::apply_writesWhatTheCommandLineWrites_thenUndoAndRedo()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    const Tests::FixtureHome twin(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    QVERIFY(fixture.isValid() && twin.isValid());
    const QString config = fixture.codexHome() + QStringLiteral("/config.toml");
    const QByteArray before = Tests::readBytes(config);
    auto window = openWindow(thisMachine(fixture), m_scratch.filePath(QStringLiteral("journal.jsonl")));
    QVERIFY(window);
    const QString findingId = window->inspection().findings.constFirst().id;
    QVERIFY(findingId.startsWith(QStringLiteral("unattended-full-access")));

    Views::FixPreviewDialog *dialog = openPreview(*window, findingId);
    QVERIFY(dialog);
    QVERIFY2(
        dialog->summaryText().contains(QStringLiteral("What may stop working")), qPrintable(dialog->summaryText()));
    QVERIFY(dialog->applyButton()->isEnabled());
    const QString fixId = dialog->preview().fix.id;
    QSignalSpy fixed(window->session(), &Models::InspectionSession::fixFinished);
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QVERIFY(fixed.wait(10000));
    QVERIFY(fixed.constFirst().at(1).value<Core::FixOutcome>().applied);
    QTRY_VERIFY_WITH_TIMEOUT(window->settled() && !hasFinding(*window, findingId), 10000);

    // The bytes are exactly what `--fix ID --yes` writes: the same FixApplier on the twin copy, as the command does.
    const Core::Inspection twinInspection = Core::Inspection::run(thisMachine(twin), QProcessEnvironment());
    const auto twinFix = std::find_if(twinInspection.fixes.cbegin(), twinInspection.fixes.cend(),
        [&fixId](const Core::Fix &fix) { return fix.id == fixId; });
    QVERIFY(twinFix != twinInspection.fixes.cend());
    QVERIFY(Core::FixApplier::apply(
        Core::FixApplier::preview(*twinFix), twin.options(false), m_scratch.filePath(QStringLiteral("twin.jsonl")))
            .applied);
    const QByteArray after = Tests::readBytes(config);
    QCOMPARE(QString::fromUtf8(after).replace(fixture.home(), QStringLiteral("@HOME@")),
        QString::fromUtf8(Tests::readBytes(twin.codexHome() + QStringLiteral("/config.toml")))
            .replace(twin.home(), QStringLiteral("@HOME@")));
    // Every comment line the user wrote is still there; the backup holds the old bytes.
    for (const QByteArray &line : before.split('\n')) {
        if (line.trimmed().startsWith('#'))
            QVERIFY2(after.contains(line), line.constData());
    }
    const QString backup = fixed.constFirst().at(1).value<Core::FixOutcome>().backup;
    QCOMPARE(Tests::readBytes(backup), before);
    // The banner says what changed and where the backup is, with Undo.
    Views::Banner *banner = window->fixBanner();
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(QStringLiteral("Fixed: ")) && banner->text().contains(backup),
        qPrintable(banner->text()));
    QCOMPARE(banner->buttons().constFirst()->text(), QStringLiteral("Undo"));

    // Ctrl+Z: the bytes from before, exactly; Ctrl+Shift+Z: the fix again.
    QTRY_VERIFY(window->undoAction()->isEnabled());
    fixed.clear();
    window->activateWindow(); // shortcuts go to the active window
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(fixed.wait(10000));
    QVERIFY2(fixed.constFirst().at(1).value<Core::FixOutcome>().applied,
        qPrintable(fixed.constFirst().at(1).value<Core::FixOutcome>().message));
    QCOMPARE(Tests::readBytes(config), before);
    QTRY_VERIFY_WITH_TIMEOUT(window->settled() && hasFinding(*window, findingId), 10000);
    QVERIFY2(banner->text().startsWith(QStringLiteral("Undid ")), qPrintable(banner->text()));
    QTRY_VERIFY(window->redoAction()->isEnabled());
    fixed.clear();
    QTest::keyClick(window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(fixed.size(), 1, 10000);
    QVERIFY2(fixed.constFirst().at(1).value<Core::FixOutcome>().applied,
        qPrintable(fixed.constFirst().at(1).value<Core::FixOutcome>().message));
    QCOMPARE(Tests::readBytes(config), after);
}

void TestFixFlow::undo_afterAnExternalEdit_isRefused()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("approval-never")));
    QVERIFY(fixture.isValid());
    const QString config = fixture.codexHome() + QStringLiteral("/config.toml");
    auto window = openWindow(thisMachine(fixture), m_scratch.filePath(QStringLiteral("journal.jsonl")));
    QVERIFY(window);
    Views::FixPreviewDialog *dialog = openPreview(*window, QStringLiteral("approval-never"));
    QVERIFY(dialog);
    QSignalSpy fixed(window->session(), &Models::InspectionSession::fixFinished);
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QVERIFY(fixed.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(window->settled() && window->undoAction()->isEnabled(), 10000);
    // Someone edits the file after the fix: undo would throw their edit away, so it is refused, with the reason.
    const QByteArray edited = Tests::readBytes(config) + "# edited by hand after the fix\n";
    QVERIFY(Tests::writeBytes(config, edited));
    fixed.clear();
    window->undoAction()->trigger();
    QVERIFY(fixed.wait(10000));
    const auto outcome = fixed.constFirst().at(1).value<Core::FixOutcome>();
    QVERIFY(!outcome.applied);
    QVERIFY2(
        outcome.message.contains(QStringLiteral("changed since the fix was written")), qPrintable(outcome.message));
    QCOMPARE(Tests::readBytes(config), edited);
    QVERIFY2(window->fixBanner()->text().startsWith(QStringLiteral("Not undone: ")),
        qPrintable(window->fixBanner()->text()));
    // And what changed since, as a diff from what the fix wrote to what is there.
    QVERIFY2(outcome.changedSince.contains(QStringLiteral("\n+# edited by hand after the fix")),
        qPrintable(outcome.changedSince));
    QCOMPARE(window->fixBanner()->buttons().size(), 1);
    window->fixBanner()->buttons().constFirst()->click();
    auto *shown = window->findChild<QPlainTextEdit *>(QStringLiteral("changedSince"));
    QVERIFY(shown);
    QCOMPARE(shown->toPlainText(), outcome.changedSince);
}

void TestFixFlow::managedValue_isRefusedWithWhereToChangeIt()
{
    // approval_policy = "never" set by the managed configuration: no file of the user's can change it.
    QTemporaryDir machine;
    QVERIFY(Tests::writeBytes(machine.filePath(QStringLiteral("home/.codex/config.toml")), "model = \"o3\"\n"));
    QVERIFY(Tests::writeBytes(
        machine.filePath(QStringLiteral("system/etc/codex/managed_config.toml")), "approval_policy = \"never\"\n"));
    Core::InspectOptions options{.home = machine.filePath(QStringLiteral("home")),
        .cwd = machine.filePath(QStringLiteral("home")),
        .systemRoot = machine.filePath(QStringLiteral("system"))};
    auto window = openWindow(options, m_scratch.filePath(QStringLiteral("journal.jsonl")));
    QVERIFY(window);
    QVERIFY(hasFinding(*window, QStringLiteral("approval-never:approval_policy")));
    window->findingsPane()->select(QStringLiteral("approval-never:approval_policy"));
    QVERIFY2(window->findingDetail()->text().contains(QStringLiteral("Managed by your organisation")),
        qPrintable(window->findingDetail()->text()));
    Views::FixPreviewDialog *dialog = openPreview(*window, QStringLiteral("approval-never"));
    QVERIFY(dialog);
    QVERIFY(!dialog->applyButton()->isEnabled());
    QVERIFY2(
        dialog->summaryText().contains(QStringLiteral("managed configuration")), qPrintable(dialog->summaryText()));
    QVERIFY(dialog->summaryText().contains(QStringLiteral("managed_config.toml")));
}

void TestFixFlow::fileChangedWhilePreviewOpen_isWorkedOutAgain()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("approval-never")));
    QVERIFY(fixture.isValid());
    const QString config = fixture.codexHome() + QStringLiteral("/config.toml");
    auto window = openWindow(thisMachine(fixture), m_scratch.filePath(QStringLiteral("journal.jsonl")));
    QVERIFY(window);
    Views::FixPreviewDialog *dialog = openPreview(*window, QStringLiteral("approval-never"));
    QVERIFY(dialog);
    const QByteArray first = dialog->preview().before;
    // An edit on disk: the session notices, and the dialog works the preview out again on the new bytes.
    const QByteArray edited = "# added while the preview was open\n" + Tests::readBytes(config);
    QVERIFY(Tests::writeBytes(config, edited));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->ready() && dialog->preview().before == edited, 10000);
    QVERIFY(dialog->preview().before != first);
    QVERIFY2(dialog->summaryText().contains(QStringLiteral("changed on disk while this preview was open")),
        qPrintable(dialog->summaryText()));
    QVERIFY(dialog->preview().after.startsWith("# added while the preview was open\n"));
}

void TestFixFlow::acceptRisk_writesTheFile_andCountsAgainOnTheNextStart()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("approval-never")));
    QVERIFY(fixture.isValid());
    const QString acceptFile = m_scratch.filePath(QStringLiteral("risks/accepted.toml"));
    // A hand-written file with a comment, which must survive.
    QVERIFY(Tests::writeBytes(acceptFile, "# reviewed quarterly\n"));
    Views::RecentScopes::rememberAcceptFile(acceptFile);
    auto window = openWindow(thisMachine(fixture), m_scratch.filePath(QStringLiteral("journal.jsonl")));
    QVERIFY(window);
    window->findingsPane()->select(QStringLiteral("approval-never:approval_policy"));
    QTest::mouseClick(window->findingDetail()->acceptButton(), Qt::LeftButton);
    auto *dialog = window->findChild<Views::AcceptRiskDialog *>();
    QVERIFY(dialog);
    QCOMPARE(QDir::fromNativeSeparators(dialog->fileField()->text()), acceptFile);
    // Saving without a reason keeps the dialog open and says why.
    QVERIFY(!dialog->save());
    QVERIFY(dialog->problem().contains(QStringLiteral("a reason")));
    QTest::keyClicks(dialog->reasonField(), QStringLiteral("CI runner, disposable"));
    dialog->ownerField()->setText(QStringLiteral("ops"));
    QVERIFY2(dialog->save(), qPrintable(dialog->problem()));
    const QByteArray written = Tests::readBytes(acceptFile);
    QVERIFY(written.startsWith("# reviewed quarterly\n"));
    QVERIFY(written.contains("id = \"approval-never:approval_policy\""));
    // The window reads the file from now on: the finding is listed, accepted.
    const auto accepted = [](const MainWindow &w) {
        const Core::Findings &findings = w.inspection().findings;
        return std::any_of(findings.cbegin(), findings.cend(),
            [](const Core::Finding &f) { return f.id == u"approval-never:approval_policy" && f.isAccepted(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(window->settled() && accepted(*window), 10000);
    QCOMPARE(window->session()->scope().acceptFile, acceptFile);
    // The next start (the application uses the remembered file when no --accept is given).
    Core::InspectOptions next = thisMachine(fixture);
    next.acceptFile = Views::RecentScopes::rememberedAcceptFile();
    auto again = openWindow(next, m_scratch.filePath(QStringLiteral("journal.jsonl")));
    QVERIFY(again);
    QVERIFY(accepted(*again));
}

void TestFixFlow::sampleMachine_isNeverWritten()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    QVERIFY(fixture.isValid());
    Core::InspectOptions options = fixture.options(false);
    options.systemRoot = QStringLiteral(POSTURE_TEST_DATA_DIR "/sysroots/debian-12");
    const QByteArray homeBefore = treeHash(fixture.home());
    const QByteArray rootBefore = treeHash(options.systemRoot);
    auto window = openWindow(options, m_scratch.filePath(QStringLiteral("sample-journal.jsonl")));
    QVERIFY(window);
    Views::FixPreviewDialog *dialog = openPreview(*window, QStringLiteral("unattended-full-access"));
    QVERIFY(dialog);
    QVERIFY(!dialog->applyButton()->isEnabled());
    QVERIFY2(dialog->summaryText().contains(QStringLiteral("copied machine")), qPrintable(dialog->summaryText()));
    // Even asked directly, the session refuses.
    QSignalSpy fixed(window->session(), &Models::InspectionSession::fixFinished);
    window->session()->applyFix(dialog->preview());
    QCOMPARE(fixed.size(), 1);
    QVERIFY(!fixed.constFirst().at(1).value<Core::FixOutcome>().applied);
    dialog->close();
    QCOMPARE(treeHash(fixture.home()), homeBefore);
    QCOMPARE(treeHash(options.systemRoot), rootBefore);
    QVERIFY(!QFileInfo::exists(m_scratch.filePath(QStringLiteral("sample-journal.jsonl"))));
}

void TestFixFlow::fixAll_withOneUnticked_leavesThatFinding()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    QVERIFY(fixture.isValid());
    const QString config = fixture.codexHome() + QStringLiteral("/config.toml");
    const QByteArray before = Tests::readBytes(config);
    auto window = openWindow(thisMachine(fixture), m_scratch.filePath(QStringLiteral("fixall.jsonl")));
    QVERIFY(window);
    window->fixAllAction()->trigger();
    auto *dialog = window->findChild<Views::FixAllDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->ready(), 10000);
    QListWidget *list = dialog->checklist();
    QVERIFY2(list->count() >= 3, qPrintable(QString::number(list->count())));
    // Untick the fix that shows the full-access warning again: the rest is previewed together, one diff for the file.
    int unticked = -1;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString().startsWith(QStringLiteral("fix:full-access-warning-hidden")))
            unticked = row;
    }
    QVERIFY(unticked >= 0);
    list->item(unticked)->setCheckState(Qt::Unchecked);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->ready(), 10000);
    QCOMPARE(
        dialog->diffText().count(QStringLiteral("\n+++ ")) + int(dialog->diffText().startsWith(QStringLiteral("+++ "))),
        1);
    QSignalSpy batch(window->session(), &Models::InspectionSession::batchFinished);
    QSignalSpy fixed(window->session(), &Models::InspectionSession::fixFinished);
    QVERIFY(dialog->applyButton()->isEnabled());
    QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(fixed.size() >= 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(window->settled(), 10000);
    QVERIFY2(fixed.constFirst().at(1).value<Core::FixOutcome>().applied,
        qPrintable(fixed.constFirst().at(1).value<Core::FixOutcome>().message));
    // One backup for the one file; the unticked finding remains, the others it fixed are gone.
    const QStringList backups =
        QDir(fixture.codexHome()).entryList({QStringLiteral("config.toml.codex-posture-*")}, QDir::Files);
    QCOMPARE(backups.size(), 1);
    QCOMPARE(Tests::readBytes(fixture.codexHome() + u'/' + backups.constFirst()), before);
    const QString kept = QStringLiteral("full-access-warning-hidden:notice.hide_full_access_warning");
    QVERIFY2(hasFinding(*window, kept), qPrintable(window->inspection().findings.constFirst().id));
    QVERIFY(!hasFinding(*window, QStringLiteral("unattended-full-access:sandbox_mode")));
    QVERIFY(!hasFinding(*window, QStringLiteral("approval-never:approval_policy")));
    QVERIFY(Tests::readBytes(config).contains("hide_full_access_warning = true"));
}

void TestFixFlow::postureCell_offersTheFixOfItsValue()
{
    const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
    auto window = openWindow(thisMachine(fixture), m_scratch.filePath(QStringLiteral("cell.jsonl")));
    QVERIFY(window);
    // The table's context menu has "Fix This Value…".
    QTableView *table = window->postureView();
    QCOMPARE(table->contextMenuPolicy(), Qt::ActionsContextMenu);
    QCOMPARE(table->actions().size(), 1);
    QAction *fixValue = table->actions().constFirst();
    // The CLI's web search ("live"): its fix is the cached search, not the chosen finding's (full access).
    QVERIFY(window->findingDetail()->findingId().startsWith(QStringLiteral("unattended-full-access")));
    table->setCurrentIndex(table->model()->index(Models::PostureModel::WebSearchRow, Models::PostureModel::CliColumn));
    fixValue->trigger();
    auto *dialog = window->findChild<Views::FixPreviewDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->ready(), 10000);
    QVERIFY2(dialog->preview().fix.findingId.startsWith(QStringLiteral("live-web-search-with-network")),
        qPrintable(dialog->preview().fix.findingId));
    QVERIFY(dialog->diffText().contains(QStringLiteral("+web_search = \"cached\"")));
    QVERIFY(window->findingDetail()->findingId().startsWith(QStringLiteral("live-web-search-with-network")));
    delete dialog;
    // A cell no fix changes says so and opens nothing.
    table->setCurrentIndex(table->model()->index(Models::PostureModel::McpServersRow, Models::PostureModel::CliColumn));
    fixValue->trigger();
    QVERIFY(!window->findChild<Views::FixPreviewDialog *>());
    QCOMPARE(window->statusBar()->currentMessage(), QStringLiteral("No guided fix changes this value."));
}

void TestFixFlow::sampleMachine_exportsAPatchThatGitApplies()
{
    // The reviewer's copy of a machine: a patch from the window, applied with git to the owner's copy of the home,
    // gives exactly what Apply (and --fix … --yes) writes there. A BOM, CRLF, comments and no final newline.
    const QByteArray config = "\xEF\xBB\xBF# the team's settings\r\napproval_policy = \"never\" # why\r\n"
                              "sandbox_mode = \"workspace-write\"\r\n[sandbox_workspace_write]\r\n"
                              "network_access = true  # mirrors";
    QTemporaryDir sample;
    QTemporaryDir owner;
    QTemporaryDir applied;
    for (const QTemporaryDir *home : {&sample, &owner, &applied})
        QVERIFY(Tests::writeBytes(home->filePath(QStringLiteral(".codex/config.toml")), config));
    const auto scope = [](const QTemporaryDir &home, const QString &root) {
        return Core::InspectOptions{.home = home.path(), .cwd = home.path(), .systemRoot = root};
    };
    const QByteArray homeBefore = treeHash(sample.path());
    auto window = openWindow(scope(sample, QStringLiteral(POSTURE_TEST_DATA_DIR "/sysroots/debian-12")),
        m_scratch.filePath(QStringLiteral("patch.jsonl")));
    QVERIFY(window);
    window->fixAllAction()->trigger();
    auto *dialog = window->findChild<Views::FixAllDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->ready(), 10000);
    QVERIFY(dialog->checklist()->count() >= 2);
    QVERIFY(!dialog->applyButton()->isEnabled()); // a copy: nothing is written to it
    QVERIFY(dialog->exportButton()->isEnabled());
    const QString patch = m_scratch.filePath(QStringLiteral("owner.patch"));
    QCOMPARE(dialog->exportPatch(patch), QString());
    QCOMPARE(treeHash(sample.path()), homeBefore);
    QCOMPARE(QFile::permissions(patch) & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    QProcess git;
    git.setWorkingDirectory(owner.path());
    git.start(QStringLiteral("git"), {QStringLiteral("apply"), patch});
    QVERIFY2(git.waitForFinished(20000) && git.exitCode() == 0, git.readAllStandardError().constData());
    // The same fixes applied as Apply applies them, on the third copy (this machine's view of it).
    const Core::InspectOptions here = scope(applied, applied.filePath(QStringLiteral("no-system")));
    const Core::Inspection inspection = Core::Inspection::run(here, QProcessEnvironment());
    QList<Core::Fix> all;
    for (const Core::Fix &fix : inspection.fixes) {
        if (fix.applicable())
            all.append(fix);
    }
    for (const Core::FixPreview &preview : Core::FixApplier::previewTogether(all, inspection)) {
        if (preview.changes())
            QVERIFY(Core::FixApplier::apply(preview, here, m_scratch.filePath(QStringLiteral("a.jsonl"))).applied);
    }
    const QString file = QStringLiteral("/.codex/config.toml");
    QCOMPARE(Tests::readBytes(owner.path() + file), Tests::readBytes(applied.path() + file));
    QVERIFY(Tests::readBytes(owner.path() + file) != config);
    QVERIFY(Tests::readBytes(owner.path() + file).startsWith("\xEF\xBB\xBF# the team's settings\r\n"));
}

void TestFixFlow::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestFixFlow::screenshots()
{
    QFETCH(bool, dark);
    const QString look = dark ? QStringLiteral("-dark") : QStringLiteral("-light");
    const QPalette original = QApplication::palette();
    QApplication::setPalette(Views::screenshotPalette(dark));
    {
        const Tests::FixtureHome fixture(Tests::FixtureHome::caseDirectory(QStringLiteral("yolo")));
        auto window = openWindow(thisMachine(fixture), m_scratch.filePath(QStringLiteral("shots") + look));
        QVERIFY(window);
        Views::FixPreviewDialog *dialog = openPreview(*window, QStringLiteral("unattended-full-access"));
        QVERIFY(dialog);
        QVERIFY(saveScreenshot(*dialog, QStringLiteral("fix-preview") + look));
        QSignalSpy fixed(window->session(), &Models::InspectionSession::fixFinished);
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QVERIFY(fixed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(window->settled(), 10000);
        QVERIFY(saveScreenshot(*window, QStringLiteral("fix-applied") + look));
        window->session()->undoFix();
        QVERIFY(fixed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(window->settled(), 10000);
        QVERIFY(saveScreenshot(*window, QStringLiteral("fix-undone") + look));
        QTest::mouseClick(window->findingDetail()->acceptButton(), Qt::LeftButton);
        auto *accept = window->findChild<Views::AcceptRiskDialog *>();
        QVERIFY(accept);
        QTest::keyClicks(accept->reasonField(), QStringLiteral("Disposable VM, rebuilt nightly"));
        accept->fileField()->setText(QStringLiteral("~/.config/codex-posture/accepted-risks.toml"));
        QVERIFY(saveScreenshot(*accept, QStringLiteral("accept-risk") + look));
        accept->close();
        window->fixAllAction()->trigger();
        auto *all = window->findChild<Views::FixAllDialog *>();
        QVERIFY(all);
        QTRY_VERIFY_WITH_TIMEOUT(all->ready(), 10000);
        QVERIFY(saveScreenshot(*all, QStringLiteral("fix-all") + look));
        all->close();
        // The provider token moved out of the file: the banner says the backup still holds it, with Remove Backups….
        Views::FixPreviewDialog *secret = openPreview(*window, QStringLiteral("plaintext-secret"));
        QVERIFY(secret);
        QTest::mouseClick(secret->applyButton(), Qt::LeftButton);
        QVERIFY(fixed.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(window->settled(), 10000);
        QVERIFY2(window->fixBanner()->text().contains(QStringLiteral("still holds the secret")),
            qPrintable(window->fixBanner()->text()));
        const QList<QPushButton *> buttons = window->fixBanner()->buttons();
        QVERIFY(std::any_of(buttons.cbegin(), buttons.cend(),
            [](const QPushButton *button) { return button->text() == QStringLiteral("Remove Backups…"); }));
        QVERIFY(saveScreenshot(*window, QStringLiteral("fix-secret-backup") + look));
    }
    {
        QTemporaryDir machine;
        QVERIFY(Tests::writeBytes(machine.filePath(QStringLiteral("home/.codex/config.toml")), "model = \"o3\"\n"));
        QVERIFY(Tests::writeBytes(
            machine.filePath(QStringLiteral("system/etc/codex/managed_config.toml")), "approval_policy = \"never\"\n"));
        auto window = openWindow(Core::InspectOptions{.home = machine.filePath(QStringLiteral("home")),
                                     .cwd = machine.filePath(QStringLiteral("home")),
                                     .systemRoot = machine.filePath(QStringLiteral("system"))},
            m_scratch.filePath(QStringLiteral("refused") + look));
        QVERIFY(window);
        Views::FixPreviewDialog *dialog = openPreview(*window, QStringLiteral("approval-never"));
        QVERIFY(dialog);
        QVERIFY(saveScreenshot(*dialog, QStringLiteral("fix-refused") + look));
    }
    QApplication::setPalette(original);
}

QTEST_MAIN(TestFixFlow)
#include "tst_fixflow.moc"
