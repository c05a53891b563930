// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "banner.h"
#include "codexchangesdialog.h"
#include "configtabs.h"
#include "configview.h"
#include "core/common/version.h"
#include "core/report/headline.h"
#include "diagnosticsmodel.h"
#include "exportreportdialog.h"
#include "findingdetail.h"
#include "findingsfiltermodel.h"
#include "findingsmodel.h"
#include "findingspane.h"
#include "fixflow.h"
#include "inspectionsession.h"
#include "layersmodel.h"
#include "posturemodel.h"
#include "posturetableview.h"
#include "risktableview.h"
#include "sandboxpanel.h"
#include "scopebar.h"
#include "scopedialog.h"
#include "severitydelegate.h"
#include "summaryline.h"
#include "surfacetile.h"
#include "surfacetiles.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Posture::Views {

using Core::ConfigDocument;

namespace { } // namespace

MainWindow::MainWindow(const Core::InspectOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_session(new Models::InspectionSession(this))
    , m_banner(new Banner(this))
    , m_fixBanner(new Banner(this))
    , m_fixFlow(new FixFlow(m_session, m_fixBanner, this))
    , m_summary(new SummaryLine(this))
    , m_pages(new QStackedWidget(this))
    , m_emptyState(new QLabel(this))
    , m_configTabs(new ConfigTabs(this))
    , m_diagnostics(new Models::DiagnosticsModel(this))
    , m_diagnosticsView(new QTableView(this))
    , m_posture(new Models::PostureModel(this))
    , m_postureView(new PostureTableView(this))
    , m_findings(new FindingsPane(this))
    , m_detail(new FindingDetail(this))
    , m_sandbox(new SandboxPanel(this))
    , m_layersModel(new Models::LayersModel(this))
    , m_layers(new RiskTableView(tr("The files Codex reads, lowest precedence first"), this))
    , m_detailTabs(new QTabWidget(this))
{
    createActions();
    createLayout();
    connect(m_session, &Models::InspectionSession::inspectionFinished, this, &MainWindow::showInspection);
    connect(m_session, &Models::InspectionSession::probeStateChanged, this,
        [this](Models::InspectionSession::ProbeState state) {
            const bool running = state == Models::InspectionSession::ProbeState::Running;
            m_sandbox->setProbing(running);
            m_detailTabs->setTabText(SandboxTab, running ? tr("Sandbox (checking…)") : tr("Sandbox"));
        });
    connect(m_session, &Models::InspectionSession::error, this,
        [this](const QString &message) { statusBar()->showMessage(message); });
    connect(m_fixFlow, &FixFlow::riskAccepted, this, [this](const QString &path) {
        RecentScopes::rememberAcceptFile(path);
        Core::InspectOptions scope = m_session->scope();
        if (scope.acceptFile == path) {
            m_session->rescan();
            return;
        }
        scope.acceptFile = path; // the window reads the file it wrote from now on
        openScope(scope);
    });

    resize(1280, 860); // the tiles, the posture table, the findings and a file without scrolling
    m_session->setScope(options);
}

MainWindow::~MainWindow() = default;

void MainWindow::createLayout()
{
    m_scopeBar = new ScopeBar(m_scopeActions, this);
    m_tiles = new SurfaceTiles(this);
    connect(m_tiles, &SurfaceTiles::surfaceChosen, m_findings, &FindingsPane::setSurface);

    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emptyState->setMargin(24);
    m_emptyState->setFocusPolicy(Qt::StrongFocus); // a pane the keyboard reaches (Ctrl+4, F6)
    m_emptyState->setAccessibleName(tr("No configuration"));
    m_pages->addWidget(m_emptyState);
    m_pages->addWidget(m_configTabs);

    m_postureView->setModel(m_posture);
    connect(m_postureView, &QTableView::activated, this, [this](const QModelIndex &index) {
        showEvidence(index.data(Models::PostureModel::FileRole).toString(),
            index.data(Models::PostureModel::LineRole).toInt(), 0);
    });
    connect(m_findings, &FindingsPane::evidenceRequested, this, [this](const QString &file, int line) {
        const QModelIndex current = m_findings->list()->currentIndex();
        showEvidence(file, line, current.data(Models::FindingsModel::ColumnRole).toInt());
    });
    connect(m_findings->list()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            m_detail->setFinding(current);
            // Moving through the list shows each finding in full; a file opened from it stays until then.
            if (m_findings->list()->hasFocus())
                m_detailTabs->setCurrentIndex(FindingTab);
        });
    connect(m_findings->list(), &QTableView::clicked, this, [this] { m_detailTabs->setCurrentIndex(FindingTab); });
    connect(m_detail, &FindingDetail::evidenceRequested, this, &MainWindow::showEvidence);
    connect(m_detail, &FindingDetail::fixRequested, this,
        [this](const QString &fixId) { m_fixFlow->showFix(fixId, chosenFindingTitle()); });
    connect(m_detail, &FindingDetail::acceptRequested, this, [this](const QString &findingId) {
        QString file = m_session->scope().acceptFile;
        if (file.isEmpty())
            file = RecentScopes::rememberedAcceptFile();
        m_fixFlow->showAccept(findingId, chosenFindingTitle(), file);
    });

    m_diagnosticsView->setObjectName(QStringLiteral("problems"));
    m_diagnosticsView->setAccessibleName(tr("Problems Codex would report"));
    m_diagnosticsView->setModel(m_diagnostics);
    m_diagnosticsView->setItemDelegate(new SeverityDelegate(m_diagnosticsView));
    m_diagnosticsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_diagnosticsView->setWordWrap(false);
    m_diagnosticsView->verticalHeader()->hide();
    m_diagnosticsView->horizontalHeader()->setStretchLastSection(true);
    m_diagnosticsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_diagnosticsView, &QTableView::activated, this, [this](const QModelIndex &index) {
        showEvidence(index.data(Models::DiagnosticsModel::FileRole).toString(),
            index.data(Models::DiagnosticsModel::LineRole).toInt(),
            index.data(Models::DiagnosticsModel::ColumnRole).toInt());
    });
    m_layers->setModel(m_layersModel);
    connect(m_layers, &QTableView::activated, this,
        [this](const QModelIndex &index) { showEvidence(index.data(Models::LayersModel::FileRole).toString(), 1, 0); });

    m_detailTabs->setAccessibleName(tr("Details: the finding, the configuration, the sandbox, the files, problems"));
    m_detailTabs->insertTab(FindingTab, m_detail, tr("Finding"));
    m_detailTabs->insertTab(ConfigurationTab, m_pages, tr("Configuration"));
    m_detailTabs->insertTab(SandboxTab, m_sandbox, tr("Sandbox"));
    m_detailTabs->insertTab(FilesTab, m_layers, tr("Files"));
    m_detailTabs->insertTab(ProblemsTab, m_diagnosticsView, tr("Problems"));

    m_judgement = new QSplitter(Qt::Vertical, this);
    m_judgement->setObjectName(QStringLiteral("judgement"));
    m_judgement->addWidget(m_postureView);
    m_judgement->addWidget(m_findings);
    m_judgement->setStretchFactor(0, 0); // a taller window gives the findings the room
    m_judgement->setStretchFactor(1, 1);
    m_judgement->setSizes({330, 400}); // the table's nine rows; the findings below
    m_sideBySide = new QSplitter(Qt::Horizontal, this);
    m_sideBySide->setObjectName(QStringLiteral("sideBySide"));
    m_sideBySide->addWidget(m_judgement);
    m_sideBySide->addWidget(m_detailTabs);
    m_sideBySide->setSizes({720, 540}); // the posture first; the finding, a file or the sandbox beside it

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_scopeBar);
    m_fixBanner->setAccessibleName(tr("What the last fix did"));
    layout->addWidget(m_fixBanner);
    layout->addWidget(m_tiles);
    layout->addWidget(m_banner);
    layout->addWidget(m_summary);
    layout->addWidget(m_sideBySide, 1);
    setCentralWidget(central);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    for (QSplitter *splitter : splitters())
        splitter->restoreState(settings.value(splitter->objectName()).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    for (const QSplitter *splitter : splitters())
        settings.setValue(splitter->objectName(), splitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

QString MainWindow::scopeTitle() const
{
    const Core::InspectOptions &scope = m_session->scope();
    QStringList parts{QDir::toNativeSeparators(inspection().locations.codexHome)};
    if (!scope.profile.isEmpty())
        parts.append(tr("profile %1").arg(scope.profile));
    parts.append(m_session->isSample() ? tr("sample of %1, read-only").arg(QDir::toNativeSeparators(scope.systemRoot))
                                       : tr("this machine"));
    return tr("%1 — codex-posture").arg(parts.join(QStringLiteral(" · ")));
}

void MainWindow::createActions()
{
    createFileMenu();
    // Edit: the fixes' history, which FixFlow owns (enabled as the session's history allows).
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addActions({m_fixFlow->undoAction(), m_fixFlow->redoAction()});
    createFindingMenu();
    createViewMenu();
    createHelpMenu();
}

void MainWindow::createFileMenu()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *inspect =
        fileMenu->addAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Inspect…"), this, [this] {
            ScopeDialog dialog(m_session->scope(), this);
            if (dialog.exec() == QDialog::Accepted)
                openScope(dialog.scope());
        });
    inspect->setShortcut(QKeySequence::Open);
    inspect->setToolTip(tr("Choose what to inspect: Codex home, project, profile, copied machine, baseline…"));
    const auto openFolder = [this](const QString &caption, QString Core::InspectOptions::*field) {
        const QString start = m_session->scope().*field;
        const QString chosen =
            QFileDialog::getExistingDirectory(this, caption, start.isEmpty() ? QDir::homePath() : start);
        if (chosen.isEmpty())
            return;
        Core::InspectOptions scope = m_session->scope();
        scope.*field = chosen;
        if (field == &Core::InspectOptions::codexHome)
            scope.home.clear();
        if (field == &Core::InspectOptions::systemRoot) {
            // The copy's own home and folders, never those of the scope before (openScope asks which home when
            // the copy has several).
            scope.home.clear();
            scope.codexHome.clear();
            scope.cwd.clear();
        }
        openScope(scope);
    };
    fileMenu->addAction(tr("Open Codex &Home…"), this,
        [openFolder] { openFolder(tr("Codex Home"), &Core::InspectOptions::codexHome); });
    fileMenu->addAction(tr("Open &Project Folder…"), this,
        [openFolder] { openFolder(tr("Project Folder"), &Core::InspectOptions::cwd); });
    fileMenu->addAction(tr("Open Copied &Machine…"), this,
        [openFolder] { openFolder(tr("Root of a Copied Machine"), &Core::InspectOptions::systemRoot); });
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    fileMenu->addSeparator();
    QAction *rescan =
        fileMenu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Re&scan"), this, &MainWindow::reload);
    rescan->setShortcut(QKeySequence::Refresh);
    rescan->setToolTip(tr("Inspect again (F5); a change on disk is noticed by itself"));
    m_scopeActions = {inspect, rescan};
    QAction *exportReport =
        fileMenu->addAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Export Report…"), this, [this] {
            if (!m_session->hasInspection())
                return;
            auto *dialog = new ExportReportDialog(m_session, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        });
    exportReport->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportReport->setToolTip(tr("Save this inspection as a report: the same formats as --report"));
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quitAction->setShortcut(QKeySequence::Quit);
}

// Finding: what can be done with the chosen finding (its detail pane's actions) and with every fix (FixFlow's).
void MainWindow::createFindingMenu()
{
    QMenu *findingMenu = menuBar()->addMenu(tr("Fi&nding"));
    QAction *findAction = findingMenu->addAction(tr("&Find a Finding"), this, [this] {
        m_findings->filterField()->setFocus();
        m_findings->filterField()->selectAll();
    });
    findAction->setShortcut(QKeySequence::Find);
    QAction *fix = findingMenu->addAction(tr("&Fix…"), this, [this] {
        // From the posture table: the fix of the value in the chosen cell; else the chosen finding's.
        if (m_postureView->hasFocus() && fixCell(m_postureView->currentIndex()))
            return;
        m_detail->fixAction()->trigger();
    });
    fix->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    fix->setToolTip(tr("Preview the guided fix of the chosen finding, or of the chosen cell's value"));
    // The posture table offers it on its cells too (context menu): "Fix… on a posture cell whose value a fix changes".
    auto *fixValue = new QAction(tr("&Fix This Value…"), m_postureView);
    connect(fixValue, &QAction::triggered, this, [this] { fixCell(m_postureView->currentIndex()); });
    m_postureView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_postureView->addAction(fixValue);
    findingMenu->addActions({m_fixFlow->fixAllAction(), m_fixFlow->removeBackupsAction(), m_detail->acceptAction(),
        m_detail->evidenceAction()});
}

// View: the panes in reading order: Ctrl+1…5 go to one, F6 to the next.
void MainWindow::createViewMenu()
{
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    const QString paneNames[] = {
        tr("&Posture"), tr("F&indings"), tr("The &Finding in Full"), tr("&Configuration"), tr("&Sandbox")};
    for (int pane = 0; pane < 5; ++pane) {
        QAction *action = viewMenu->addAction(paneNames[pane], this, [this, pane] {
            if (pane >= 2)
                m_detailTabs->setCurrentIndex(pane == 2 ? FindingTab : pane == 3 ? ConfigurationTab : SandboxTab);
            focusPane(qMin(pane, 2) + 1);
        });
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + pane)));
    }
    QAction *nextPane = viewMenu->addAction(tr("&Next Pane"), this, [this] {
        const QList<QWidget *> panes = this->panes();
        const auto current = std::find_if(panes.cbegin(), panes.cend(), [](const QWidget *pane) {
            return pane->isAncestorOf(QApplication::focusWidget()) || pane == QApplication::focusWidget();
        });
        focusPane(current == panes.cend() ? 0 : int((current - panes.cbegin() + 1) % panes.size()));
    });
    nextPane->setShortcut(Qt::Key_F6);
}

void MainWindow::createHelpMenu()
{
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    m_codexReleases = helpMenu->addAction(tr("&Codex Releases…"), this, [this] {
        auto *dialog = new CodexChangesDialog(inspection(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    m_codexReleases->setToolTip(tr("Which Codex release judged this machine, and what changed between releases"));
    helpMenu->addAction(tr("&About codex-posture"), this, [this] {
        QMessageBox::about(this, tr("About codex-posture"),
            tr("<h3>codex-posture %1</h3><p>What can Codex actually do on this machine?</p>"
               "<p>Reads the local Codex configuration; never runs what it names.</p>")
                .arg(Core::toolVersion()));
    });
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QList<Core::InspectOptions> recent = RecentScopes::load();
    for (const Core::InspectOptions &scope : recent) {
        m_recentMenu->addAction(RecentScopes::describe(scope), this, [this, scope] {
            Core::InspectOptions opened = scope;
            opened.runPrograms = m_session->scope().runPrograms;
            openScope(opened);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openScope(const Core::InspectOptions &requested)
{
    Core::InspectOptions scope = requested;
    if (!scope.systemRoot.isEmpty() && scope.home.isEmpty() && scope.codexHome.isEmpty()) {
        // A copied machine with several homes: the reviewer chooses one (the engine reads none rather than guess).
        const QStringList homes = Core::CodexLocations::findHomesInCopy(scope.systemRoot);
        if (homes.size() > 1) {
            bool chosen = false;
            const QString home = QInputDialog::getItem(this, tr("Choose a Home"),
                tr("The copied machine %1 has several homes with a .codex folder. Which one should be inspected?")
                    .arg(QDir::toNativeSeparators(scope.systemRoot)),
                homes, 0, false, &chosen);
            if (chosen)
                scope.home = home;
        }
    }
    RecentScopes::remember(scope);
    m_findings->filterField()->clear();
    m_tiles->clearChoice();
    m_summary->setReading();
    m_session->setScope(scope);
}

QList<QWidget *> MainWindow::panes() const
{
    return {m_tiles->tiles().constFirst(), m_postureView, m_findings->list(), m_detailTabs->currentWidget()};
}

void MainWindow::focusPane(int pane)
{
    QWidget *target = panes().at(pane);
    if (target == m_pages) // the configuration: the file shown, or the empty state
        target = showsEmptyState() ? static_cast<QWidget *>(m_emptyState) : m_configTabs->currentWidget();
    if (target)
        target->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showEvidence(const QString &file, int line, int column)
{
    if (!m_configTabs->showEvidence(file, line, column))
        return; // a fact about the machine, or a file Codex does not read as configuration
    m_pages->setCurrentWidget(m_configTabs);
    m_detailTabs->setCurrentIndex(ConfigurationTab);
    m_configTabs->currentWidget()->setFocus();
}

QAction *MainWindow::undoAction() const
{
    return m_fixFlow->undoAction();
}

QAction *MainWindow::redoAction() const
{
    return m_fixFlow->redoAction();
}

QAction *MainWindow::fixAllAction() const
{
    return m_fixFlow->fixAllAction();
}

QList<SurfaceTile *> MainWindow::tiles() const
{
    return m_tiles->tiles();
}

QString MainWindow::chosenFindingTitle() const
{
    return m_findings->list()->currentIndex().siblingAtColumn(Models::FindingsModel::TitleColumn).data().toString();
}

bool MainWindow::fixCell(const QModelIndex &cell)
{
    // The worst finding of the cell that has a guided fix: its preview, with the finding chosen in the list.
    const QStringList ids = cell.data(Models::PostureModel::FindingIdsRole).toStringList();
    for (const Core::Finding &finding : inspection().findings) { // worst first
        if (!ids.contains(finding.id) || finding.fixId.isEmpty() || finding.isAccepted())
            continue;
        m_findings->select(finding.id);
        m_fixFlow->showFix(finding.fixId, chosenFindingTitle());
        return true;
    }
    statusBar()->showMessage(tr("No guided fix changes this value."), 5000);
    return false;
}

void MainWindow::reload()
{
    m_session->rescan();
}

bool MainWindow::probing() const
{
    return m_session->probeState() == Models::InspectionSession::ProbeState::Running;
}

bool MainWindow::settled() const
{
    return m_session->hasInspection() && !m_session->isBusy();
}

const Core::Inspection &MainWindow::inspection() const
{
    return m_session->inspection();
}

ConfigView *MainWindow::configView() const
{
    return m_session->hasInspection() ? m_configTabs->viewOf(inspection().userConfig().path()) : nullptr;
}

QString MainWindow::enforcementText() const
{
    return m_sandbox->summary();
}

bool MainWindow::showsEmptyState() const
{
    return m_pages->currentWidget() == m_emptyState;
}

QString MainWindow::statusText() const
{
    return m_summary->text();
}

void MainWindow::showBanner()
{
    const Core::Headline headline = Core::headline(inspection());
    QList<QAction *> actions;
    switch (headline.kind) {
    case Core::Headline::Kind::None:
        m_banner->hide();
        return;
    case Core::Headline::Kind::CodexRefuses: {
        auto *show = new QAction(tr("Show the Problem"), m_banner);
        const Core::SourceLocation where = headline.where;
        if (!where.file.isEmpty())
            connect(
                show, &QAction::triggered, this, [this, where] { showEvidence(where.file, where.line, where.column); });
        actions.append(show);
        break;
    }
    case Core::Headline::Kind::SandboxNotEnforced: {
        if (probing()) { // the live probes' verdict is not in yet
            m_banner->hide();
            return;
        }
        auto *show = new QAction(tr("Show the Sandbox"), m_banner);
        connect(show, &QAction::triggered, this, [this] { m_detailTabs->setCurrentIndex(SandboxTab); });
        actions.append(show);
        const QList<Core::Remedy> &remedies = headline.enforcement.remedies;
        if (!remedies.isEmpty() && !remedies.constFirst().commands.isEmpty()) {
            auto *copy = new QAction(tr("Copy the First Remedy"), m_banner);
            copy->setToolTip(remedies.constFirst().text);
            const QString commands = remedies.constFirst().commands;
            connect(copy, &QAction::triggered, this, [commands] { QGuiApplication::clipboard()->setText(commands); });
            actions.append(copy);
        }
        break;
    }
    }
    m_banner->showMessage(headline.level, headline.text, actions);
}

void MainWindow::showInspection()
{
    const Core::Inspection &current = inspection();
    setWindowTitle(scopeTitle());
    m_scopeBar->setInspection(current, m_session->isSample());
    m_posture->setInspection(current);
    // The chosen finding stays chosen across a rescan when it is still there.
    const QString chosen = m_detail->findingId();
    m_findings->setInspection(current);
    m_findings->select(chosen);
    m_sandbox->setInspection(current);
    m_layersModel->setInspection(current);
    m_configTabs->setInspection(current);
    m_pages->setCurrentWidget(m_configTabs->hasFiles() ? static_cast<QWidget *>(m_configTabs) : m_emptyState);
    // Every problem Codex would report, in any layer; the tab says how many.
    m_diagnostics->setDiagnostics(current.messages);
    m_detailTabs->setTabText(ProblemsTab, tr("Problems (%1)").arg(current.messages.size()));
    m_detailTabs->setTabEnabled(ProblemsTab, !current.messages.isEmpty());
    m_tiles->setInspection(current);
    showBanner();
    m_summary->setInspection(current, m_session->isSample());
    if (const QString empty = SummaryLine::emptyStateHtml(current); !empty.isEmpty())
        m_emptyState->setText(empty);
    // What to look at first: what Codex refuses, else the file.
    if (!current.codexStarts() || current.userConfig().status() == ConfigDocument::Status::ParseError)
        m_detailTabs->setCurrentIndex(ProblemsTab);
    else if (m_detailTabs->currentIndex() == ProblemsTab || m_detail->findingId().isEmpty())
        m_detailTabs->setCurrentIndex(m_detail->findingId().isEmpty() ? ConfigurationTab : FindingTab);
}

} // namespace Posture::Views
