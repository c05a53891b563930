// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "configview.h"
#include "core/common/secrets.h"
#include "core/common/version.h"
#include "diagnosticsmodel.h"
#include "findingspane.h"
#include "inspectionsession.h"
#include "layersmodel.h"
#include "posturemodel.h"
#include "posturetableview.h"
#include "riskroles.h"
#include "risktableview.h"
#include "sandboxmodel.h"
#include "severitydelegate.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
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

MainWindow::MainWindow(const Core::InspectOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_session(new Models::InspectionSession(this))
    , m_statusIcon(new QLabel(this))
    , m_status(new QLabel(this))
    , m_enforcementIcon(new QLabel(this))
    , m_enforcement(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_emptyState(new QLabel(this))
    , m_configView(new ConfigView(this))
    , m_diagnostics(new Models::DiagnosticsModel(this))
    , m_diagnosticsView(new QTableView(this))
    , m_posture(new Models::PostureModel(this))
    , m_postureView(new PostureTableView(this))
    , m_findings(new FindingsPane(this))
    , m_sandboxModel(new Models::SandboxModel(this))
    , m_sandbox(new RiskTableView(tr("Sandbox: verdicts and the checks behind them"), this))
    , m_layersModel(new Models::LayersModel(this))
    , m_layers(new RiskTableView(tr("The files Codex reads, lowest precedence first"), this))
    , m_bottom(new QTabWidget(this))
    , m_scope(new QLabel(this))
{
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // paths and parser messages are never markup
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusIcon);
    statusRow->addWidget(m_status, 1);
    m_enforcement->setWordWrap(true);
    // A wrapped label tells its height only through height-for-width; without this the row keeps one line.
    QSizePolicy wrapping(QSizePolicy::Preferred, QSizePolicy::Minimum);
    wrapping.setHeightForWidth(true);
    m_enforcement->setSizePolicy(wrapping);
    m_enforcement->setTextFormat(Qt::PlainText);
    m_enforcement->setTextInteractionFlags(Qt::TextSelectableByMouse); // remedies are commands to copy
    auto *enforcementRow = new QHBoxLayout;
    enforcementRow->addWidget(m_enforcementIcon, 0, Qt::AlignTop);
    enforcementRow->addWidget(m_enforcement, 1);

    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_emptyState->setMargin(24);
    m_pages->addWidget(m_emptyState);
    m_pages->addWidget(m_configView);

    m_configView->setAccessibleName(tr("The user's config.toml, read-only"));
    m_emptyState->setAccessibleName(tr("No configuration"));
    m_postureView->setModel(m_posture);
    connect(m_postureView, &QTableView::activated, this, [this](const QModelIndex &index) {
        showEvidence(
            index.data(Models::PostureModel::FileRole).toString(), index.data(Models::PostureModel::LineRole).toInt());
    });
    connect(m_findings, &FindingsPane::evidenceRequested, this, &MainWindow::showEvidence);

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
            index.data(Models::DiagnosticsModel::LineRole).toInt());
    });

    m_judgement = new QSplitter(Qt::Vertical, this);
    m_judgement->setObjectName(QStringLiteral("judgement"));
    m_judgement->addWidget(m_postureView);
    m_judgement->addWidget(m_findings);
    m_judgement->setSizes({330, 170});
    m_sideBySide = new QSplitter(Qt::Horizontal, this);
    m_sideBySide->setObjectName(QStringLiteral("sideBySide"));
    m_sideBySide->addWidget(m_judgement);
    m_sideBySide->addWidget(m_pages);
    m_sideBySide->setSizes({680, 420}); // the posture first; the file beside it
    m_bottom->setAccessibleName(tr("Problems and sandbox"));
    m_bottom->addTab(m_diagnosticsView, tr("Problems"));
    m_bottom->addTab(m_sandbox, tr("Sandbox"));
    m_bottom->addTab(m_layers, tr("Files"));
    m_sandbox->setModel(m_sandboxModel);
    m_layers->setModel(m_layersModel);
    connect(m_layers, &QTableView::activated, this,
        [this](const QModelIndex &index) { showEvidence(index.data(Models::LayersModel::FileRole).toString(), 1); });
    m_outer = new QSplitter(Qt::Vertical, this);
    m_outer->setObjectName(QStringLiteral("outer"));
    m_outer->addWidget(m_sideBySide);
    m_outer->addWidget(m_bottom);
    m_outer->setStretchFactor(0, 1);
    m_outer->setStretchFactor(1, 0);
    m_outer->setSizes({500, 130}); // the posture and the file first; problems or the sandbox below

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->addLayout(statusRow);
    layout->addLayout(enforcementRow);
    layout->addWidget(m_outer, 1);
    setCentralWidget(central);

    // What is inspected stays in the status bar (a temporary message would go at the first status tip).
    m_scope->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_scope, 1);
    createActions();
    m_status->setText(tr("Reading the Codex configuration…"));
    connect(m_session, &Models::InspectionSession::inspectionFinished, this, &MainWindow::showInspection);
    connect(m_session, &Models::InspectionSession::probeStateChanged, this,
        [this](Models::InspectionSession::ProbeState state) {
            const bool running = state == Models::InspectionSession::ProbeState::Running;
            if (running)
                m_enforcement->setText(tr("Checking what the sandbox really enforces (bwrap, codex sandbox)…"));
            m_bottom->setTabText(m_bottom->indexOf(m_sandbox), running ? tr("Sandbox (checking…)") : tr("Sandbox"));
        });
    connect(m_session, &Models::InspectionSession::error, this,
        [this](const QString &message) { statusBar()->showMessage(message); });

    resize(1100, 780); // the posture table, the findings, the file and the sandbox without scrolling
    m_session->setScope(options);
}

MainWindow::~MainWindow() = default;

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
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *reloadAction = fileMenu->addAction(tr("&Reload"), this, &MainWindow::reload);
    reloadAction->setShortcut(QKeySequence::Refresh);
    QAction *findAction = fileMenu->addAction(tr("&Find a Finding"), this, [this] {
        m_findings->filterField()->setFocus();
        m_findings->filterField()->selectAll();
    });
    findAction->setShortcut(QKeySequence::Find);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quitAction->setShortcut(QKeySequence::Quit);
    // The panes in reading order: Ctrl+1…4 go to one, F6 to the next.
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    const QString paneNames[] = {
        tr("&Posture"), tr("&Findings"), tr("&Configuration"), tr("&Problems, Sandbox, Files")};
    for (int pane = 0; pane < 4; ++pane) {
        QAction *action = viewMenu->addAction(paneNames[pane], this, [this, pane] { focusPane(pane); });
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
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About codex-posture"), this, [this] {
        QMessageBox::about(this, tr("About codex-posture"),
            tr("<h3>codex-posture %1</h3><p>What can Codex actually do on this machine?</p>"
               "<p>Reads the local Codex configuration; never runs what it names.</p>")
                .arg(Core::toolVersion()));
    });
}

QList<QWidget *> MainWindow::panes() const
{
    return {m_postureView, m_findings->list(), m_pages->currentWidget(), m_bottom->currentWidget()};
}

void MainWindow::focusPane(int pane)
{
    panes().at(pane)->setFocus(Qt::ShortcutFocusReason);
}

void MainWindow::showEvidence(const QString &file, int line)
{
    // Only the file shown can be opened at a line (one tab per layer file is a later step).
    if (file.isEmpty() || file != inspection().userConfig().path() || line <= 0)
        return;
    m_configView->goToLine(line);
    m_configView->setFocus();
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

QString MainWindow::enforcementText() const
{
    return m_enforcement->text();
}

void MainWindow::showEnforcement()
{
    if (probing()) // the verdict from the files alone would flicker before the live one
        return;
    const Core::Enforcement &cli = inspection().cliEnforcement;
    const Core::Enforcement &ide = inspection().ideEnforcement;
    QString text = cli.summary() == ide.summary() ? tr("Sandbox (CLI and IDE): %1").arg(cli.summary())
                                                  : tr("Sandbox — CLI: %1. IDE: %2").arg(cli.summary(), ide.summary());
    const QString machine = inspection().sandbox.machine.summary();
    if (machine != cli.summary() && machine != ide.summary())
        text += u'\n' + tr("With a sandbox, this machine: %1").arg(machine);
    const QList<Core::Remedy> &remedies = cli.remedies.isEmpty() ? ide.remedies : cli.remedies;
    if (!remedies.isEmpty()) {
        const Core::Remedy &first = remedies.constFirst();
        text += u'\n' + tr("First step: %1").arg(first.text);
        if (!first.commands.isEmpty())
            text += u'\n' + first.commands;
        if (remedies.size() > 1)
            text += u'\n' + tr("More remedies, in order, in the text report (codex-posture --report text).");
    }
    m_enforcement->setText(text);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    const Core::RiskLevel risk = Models::worseRisk(Core::riskOf(cli), Core::riskOf(ide));
    m_enforcementIcon->setPixmap(riskIcon(risk, style()).pixmap(iconSize, iconSize));
    m_enforcementIcon->setToolTip(Core::riskWord(risk));
}

bool MainWindow::showsEmptyState() const
{
    return m_pages->currentWidget() == m_emptyState;
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::showInspection()
{
    const Core::Inspection &current = inspection();
    const ConfigDocument &config = current.userConfig();
    const QString path = config.path();
    setWindowTitle(scopeTitle());
    m_scope->setText(
        tr("Codex home: %1 (from %2)").arg(current.locations.codexHome, current.locations.sourceDescription()));
    const std::optional<Core::Diagnostic> problem = config.problem();
    showEnforcement();
    m_posture->setInspection(current);
    m_findings->setInspection(current);
    m_sandboxModel->setInspection(current);
    m_layersModel->setInspection(current);
    // Every problem Codex would report, in any layer (the view shows the user's config.toml); a tab only when there
    // are some, and then the one shown.
    m_diagnostics->setDiagnostics(current.messages);
    const int problems = m_bottom->indexOf(m_diagnosticsView);
    m_bottom->setTabText(problems, tr("Problems (%1)").arg(current.messages.size()));
    m_bottom->setTabVisible(problems, !current.messages.isEmpty());
    m_bottom->setCurrentIndex(current.messages.isEmpty() ? m_bottom->indexOf(m_sandbox) : problems);

    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    const auto showStatus = [&](Core::DiagnosticSeverity severity, const QString &text) {
        m_statusIcon->setPixmap(severityIcon(severity, style()).pixmap(iconSize, iconSize));
        m_status->setText(text);
    };

    switch (config.status()) {
    case ConfigDocument::Status::Missing:
        m_pages->setCurrentWidget(m_emptyState);
        m_emptyState->setText(tr("<h2>No Codex configuration yet</h2><p>There is no <code>config.toml</code> in "
                                 "<code>%1</code>.</p><p>Codex runs on its built-in defaults. When the file "
                                 "appears, it is shown here.</p>")
                .arg(current.locations.codexHome.toHtmlEscaped()));
        showStatus(Core::DiagnosticSeverity::Info, tr("No config.toml: Codex uses its built-in defaults."));
        return;
    case ConfigDocument::Status::Unreadable:
        m_pages->setCurrentWidget(m_emptyState);
        m_emptyState->setText(tr("<h2>config.toml cannot be read</h2><p><code>%1</code> %2.</p><p>%3</p>")
                .arg(path.toHtmlEscaped(), problem->text.toHtmlEscaped(), problem->hint.toHtmlEscaped()));
        showStatus(problem->severity, tr("%1 %2.").arg(QFileInfo(path).fileName(), problem->text));
        return;
    case ConfigDocument::Status::ParseError:
        m_configView->setConfigText(Core::Secrets::maskConfigText(config.text())); // never a secret on screen
        m_configView->setErrorLine(problem->location.line, problem->text);
        m_pages->setCurrentWidget(m_configView);
        showStatus(problem->severity,
            tr("Line %1, column %2: %3.\n%4")
                .arg(problem->location.line)
                .arg(problem->location.column)
                .arg(problem->text, problem->hint));
        return;
    case ConfigDocument::Status::Parsed:
        m_configView->setConfigText(Core::Secrets::maskConfigText(config.text())); // never a secret on screen
        m_pages->setCurrentWidget(m_configView);
        showStatus(
            current.codexStarts() ? Core::DiagnosticSeverity::Info : Core::DiagnosticSeverity::Error, postureSummary());
        return;
    }
}

QString MainWindow::postureSummary() const
{
    const Core::Inspection &current = inspection();
    if (!current.codexStarts())
        return tr("Codex refuses to start with this configuration: see the problems below.");
    const Core::LocalPosture &cli = current.cli;
    QString summary =
        tr("Codex CLI: sandbox %1, filesystem %2, network %3, approval %4.")
            .arg(cli.sandboxMode.value, cli.filesystem.value, cli.network.value, cli.approvalPolicy.value);
    if (current.loadStatus == Core::LoadStatus::Warning)
        summary += u' ' + tr("Codex starts with warnings: see below.");
    summary += u'\n'
        + tr("Findings — CLI: %1, IDE: %2, cloud: %3 (codex-posture --report text explains each).")
              .arg(current.verdict(Core::Surface::Cli).word(), current.verdict(Core::Surface::Ide).word(),
                  current.verdict(Core::Surface::Cloud).word());
    return summary;
}

} // namespace Posture::Views
