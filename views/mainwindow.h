// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QMainWindow>

class QLabel;
class QStackedWidget;
class QSplitter;
class QTabWidget;
class QTableView;

namespace Posture::Models {
class DiagnosticsModel;
class InspectionSession;
class LayersModel;
class PostureModel;
class SandboxModel;
} // namespace Posture::Models

namespace Posture::Views {

class ConfigView;
class FindingsPane;
class PostureTableView;

// The main window: the posture of the CLI, the IDE extension and the cloud side by side, the findings, the user's
// config.toml with its problems, or a friendly empty state, and whether the sandbox is really enforced. It shows what
// its InspectionSession reports: the session runs the engine and the live probes on a worker thread and inspects again
// when a file changes on disk.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // Inspects the scope in options with a session of its own.
    explicit MainWindow(const Core::InspectOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    Models::InspectionSession *session() const { return m_session; }
    // Inspects again (F5); the result arrives through the session.
    void reload();
    // The live probes are running: the sandbox verdict is not in yet.
    bool probing() const;
    // The newest inspection is shown and nothing is running.
    bool settled() const;

    const Core::Inspection &inspection() const;
    ConfigView *configView() const { return m_configView; }
    PostureTableView *postureView() const { return m_postureView; }
    FindingsPane *findingsPane() const { return m_findings; }
    QTableView *sandboxView() const { return m_sandbox; }
    QTableView *layersView() const { return m_layers; }
    // The tabs below: Codex's problems (only when there are some), the sandbox, the files Codex reads.
    QTabWidget *bottomTabs() const { return m_bottom; }
    bool showsEmptyState() const;
    QString statusText() const;
    // The window's size and the panes' proportions, kept in QSettings between runs. The application restores them
    // for a user's window; a screenshot keeps the fixed layout, so that it is the same on every machine.
    void restoreLayout();
    void saveLayout() const;
    QList<QSplitter *> splitters() const { return {m_outer, m_sideBySide, m_judgement}; }
    QString enforcementText() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    // "<Codex home> · profile P · this machine — codex-posture": what is inspected.
    QString scopeTitle() const;
    // The panes in reading order: posture, findings, the configuration, the tab below.
    QList<QWidget *> panes() const;
    void focusPane(int pane);
    // Opens the user's config.toml at a line, when the file is the one shown.
    void showEvidence(const QString &file, int line);
    void showInspection();
    void showEnforcement();
    QString postureSummary() const;

    Models::InspectionSession *m_session;
    QLabel *m_statusIcon;
    QLabel *m_status;
    QLabel *m_enforcementIcon;
    QLabel *m_enforcement;
    QStackedWidget *m_pages;
    QLabel *m_emptyState;
    ConfigView *m_configView;
    Models::DiagnosticsModel *m_diagnostics;
    QTableView *m_diagnosticsView;
    Models::PostureModel *m_posture;
    PostureTableView *m_postureView;
    FindingsPane *m_findings;
    Models::SandboxModel *m_sandboxModel;
    QTableView *m_sandbox;
    Models::LayersModel *m_layersModel;
    QTableView *m_layers;
    QTabWidget *m_bottom;
    QSplitter *m_outer = nullptr;
    QSplitter *m_sideBySide = nullptr;
    QSplitter *m_judgement = nullptr;
    QLabel *m_scope;
};

} // namespace Posture::Views
