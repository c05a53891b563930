// SPDX-License-Identifier: Apache-2.0
// Help ▸ Codex Releases…: whose checks judged this machine, and what changed between two recorded Codex releases.
#include "codexchangesdialog.h"
#include "core/report/codexchanges.h"
#include "mainwindow.h"
#include "screenshotlook.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Posture;

namespace {

// The CLI runs 0.171.0 and the IDE extension's bundled codex 0.167.2, as asked from the binaries.
Core::Inspection twoReleases()
{
    const Core::CodexReleases &releases = Core::CodexReleases::known();
    Core::Inspection inspection;
    inspection.cliRelease = releases.choose(QStringLiteral("0.171.0"), QStringLiteral("PATH: /usr/local/bin/codex"));
    inspection.ideRelease =
        releases.choose(QStringLiteral("0.167.2"), QStringLiteral("VS Code extension: ~/.vscode/…/codex"));
    return inspection;
}

QStringList column(const QTableView &table, int column)
{
    QStringList cells;
    for (int row = 0; row < table.model()->rowCount(); ++row)
        cells.append(table.model()->index(row, column).data().toString());
    return cells;
}

bool saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = QStringLiteral(POSTURE_BINARY_DIR "/screenshots");
    QCoreApplication::sendPostedEvents();
    const QImage image = widget.grab().toImage();
    return QDir().mkpath(dir) && !image.isNull() && image.save(dir + u'/' + name + QStringLiteral(".png"));
}

} // namespace

class TestCodexChangesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensOnThisMachinesReleases();
    void otherReleases_showTheirChanges();
    void sameRelease_offersWhatAnUpdateChanges();
    void helpMenu_opensIt();
    void screenshots_data();
    void screenshots();
};

void TestCodexChangesDialog::opensOnThisMachinesReleases()
{
    Views::CodexChangesDialog dialog(twoReleases());
    const QTableView &table = *dialog.table();
    const Core::CodexChanges expected = Core::CodexChangeList::between(
        Core::CodexReleases::known(), QStringLiteral("0.167.2"), QStringLiteral("0.171.0"));
    QVERIFY(!expected.changes.isEmpty());
    QCOMPARE(table.model()->rowCount(), Core::CodexChangeList::merged(expected).size());
    QVERIFY(column(table, 1).contains(QStringLiteral("features.multi_agent")));
    QVERIFY(column(table, 0).contains(QStringLiteral("newly warned")));
    QVERIFY(column(table, 3).contains(QStringLiteral("0.168.0")));
    QVERIFY2(dialog.summaryText().contains(QStringLiteral("0.167.2")), qPrintable(dialog.summaryText()));
}

void TestCodexChangesDialog::otherReleases_showTheirChanges()
{
    Views::CodexChangesDialog dialog(twoReleases());
    auto *to = dialog.findChildren<QComboBox *>().at(1);
    to->setFocus();
    dialog.setReleases(QStringLiteral("0.168.0"), QStringLiteral("0.169.0"));
    QCOMPARE(dialog.table()->model()->rowCount(), 0);
    QVERIFY2(dialog.summaryText().contains(QStringLiteral("alike")), qPrintable(dialog.summaryText()));
    // Picking a release with the keyboard recomputes the list.
    auto *from = dialog.findChildren<QComboBox *>().at(0);
    from->setCurrentText(QStringLiteral("0.160.1"));
    QVERIFY(dialog.table()->model()->rowCount() > 0);
}

void TestCodexChangesDialog::sameRelease_offersWhatAnUpdateChanges()
{
    Core::Inspection inspection;
    inspection.cliRelease = inspection.ideRelease =
        Core::CodexReleases::known().choose(QStringLiteral("0.160.1"), QStringLiteral("PATH: /usr/bin/codex"));
    Views::CodexChangesDialog dialog(inspection);
    const auto boxes = dialog.findChildren<QComboBox *>();
    QCOMPARE(boxes.at(0)->currentText(), QStringLiteral("0.160.1"));
    QCOMPARE(boxes.at(1)->currentText(), Core::CodexReleases::known().newest());

    // On the newest release there is no update: what changed since the oldest recorded one, never newest -> newest.
    inspection.cliRelease = inspection.ideRelease = Core::CodexReleases::known().choose(
        Core::CodexReleases::known().newest(), QStringLiteral("PATH: /usr/bin/codex"));
    Views::CodexChangesDialog onNewest(inspection);
    const auto newestBoxes = onNewest.findChildren<QComboBox *>();
    QCOMPARE(newestBoxes.at(0)->currentText(), Core::CodexReleases::known().versions().constFirst());
    QCOMPARE(newestBoxes.at(1)->currentText(), Core::CodexReleases::known().newest());
    QVERIFY(onNewest.table()->model()->rowCount() > 0);
}

void TestCodexChangesDialog::helpMenu_opensIt()
{
    QTemporaryDir home;
    QDir().mkpath(home.filePath(QStringLiteral(".codex")));
    QFile config(home.filePath(QStringLiteral(".codex/config.toml")));
    QVERIFY(config.open(QIODevice::WriteOnly) && config.write("[features]\nmulti_agent = true\n") > 0);
    config.close();
    QTemporaryDir system;
    Core::InspectOptions options{.home = home.path(), .cwd = home.path(), .systemRoot = system.path()};
    options.codexVersion = QStringLiteral("0.167.2");
    Views::MainWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.settled(), 10000);
    window.codexReleasesAction()->trigger();
    auto *dialog = window.findChild<Views::CodexChangesDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChildren<QComboBox *>().at(0)->currentText(), QStringLiteral("0.167.2"));
    QVERIFY(dialog->table()->model()->rowCount() > 0); // 0.167.2 -> the newest: the multi_agent deprecation
    QVERIFY(saveScreenshot(window, QStringLiteral("codex-rules-scope")));
}

void TestCodexChangesDialog::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestCodexChangesDialog::screenshots()
{
    QFETCH(bool, dark);
    const QPalette original = QApplication::palette();
    QApplication::setPalette(Views::screenshotPalette(dark));
    {
        Views::CodexChangesDialog dialog(twoReleases());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::qWait(50); // the rows fit their wrapped text once the columns have their widths
        // A row is no taller than its text needs: a few lines, not the whole table.
        QVERIFY(dialog.table()->rowHeight(0) < dialog.table()->viewport()->height() / 2);
        QVERIFY(saveScreenshot(
            dialog, dark ? QStringLiteral("codex-releases-dark") : QStringLiteral("codex-releases-light")));
    }
    QApplication::setPalette(original);
}

QTEST_MAIN(TestCodexChangesDialog)
#include "tst_codexchangesdialog.moc"
