// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QMainWindow>

class QLabel;
class QMenu;
class QStackedWidget;
class QSplitter;
class QTabWidget;
class QTableView;

namespace Posture::Models {
class DiagnosticsModel;
class InspectionSession;
class LayersModel;
class PostureModel;
} // namespace Posture::Models

namespace Posture::Views {

class Banner;
class ConfigTabs;
class ConfigView;
class FindingDetail;
class FindingsPane;
class FixFlow;
class PostureTableView;
class SandboxPanel;
class ScopeBar;
class SummaryLine;
class SurfaceTile;
class SurfaceTiles;

// The main window (docs/reference/desktop.md): what is inspected (scope bar), one tile per surface with its verdict, a
// banner for what stops everything, the CLI / IDE extension / cloud posture side by side, the findings worst first with
// the chosen one in full, and beside them the configuration files (one tab each), the sandbox, the files Codex reads
// and the problems Codex would report. It shows what its InspectionSession reports: the session runs the engine and
// the live probes on a worker thread and inspects again when a file changes on disk.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    // The tabs beside the posture and the findings, in this order.
    enum DetailTab : int { FindingTab, ConfigurationTab, SandboxTab, FilesTab, ProblemsTab };

    // Inspects the scope in options with a session of its own.
    explicit MainWindow(const Core::InspectOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    Models::InspectionSession *session() const { return m_session; }
    // Inspects again (F5); the result arrives through the session.
    void reload();
    // Inspects another scope (File ▸ Inspect…, a recent item), and remembers it among the recent ones.
    void openScope(const Core::InspectOptions &scope);
    // The live probes are running: the sandbox verdict is not in yet.
    bool probing() const;
    // The newest inspection is shown and nothing is running.
    bool settled() const;

    const Core::Inspection &inspection() const;
    // The user's config.toml's view, or null when it does not exist.
    ConfigView *configView() const;
    ConfigTabs *configTabs() const { return m_configTabs; }
    PostureTableView *postureView() const { return m_postureView; }
    FindingsPane *findingsPane() const { return m_findings; }
    FindingDetail *findingDetail() const { return m_detail; }
    SandboxPanel *sandboxPanel() const { return m_sandbox; }
    QTableView *layersView() const { return m_layers; }
    QTableView *problemsView() const { return m_diagnosticsView; }
    ScopeBar *scopeBar() const { return m_scopeBar; }
    Banner *banner() const { return m_banner; }
    // What the newest fix did (applied, undone, refused), with Undo or Redo.
    Banner *fixBanner() const { return m_fixBanner; }
    QAction *undoAction() const;
    QAction *redoAction() const;
    QAction *fixAllAction() const;
    QAction *codexReleasesAction() const { return m_codexReleases; }
    QList<SurfaceTile *> tiles() const;
    QTabWidget *detailTabs() const { return m_detailTabs; }
    QMenu *recentMenu() const { return m_recentMenu; }
    bool showsEmptyState() const;
    QString statusText() const;
    QString enforcementText() const;
    // The window's size and the panes' proportions, kept in QSettings between runs. The application restores them
    // for a user's window; a screenshot keeps the fixed layout, so that it is the same on every machine.
    void restoreLayout();
    void saveLayout() const;
    QList<QSplitter *> splitters() const { return {m_sideBySide, m_judgement}; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The menus, each in its own function; the actions belong to what they act on (FixFlow, FindingDetail).
    void createActions();
    void createFileMenu();
    void createFindingMenu();
    void createViewMenu();
    void createHelpMenu();
    void createLayout();
    void fillRecentMenu();
    // "<Codex home> · profile P · this machine — codex-posture": what is inspected.
    QString scopeTitle() const;
    // The panes in reading order: the tiles, posture, findings, the tab beside them.
    QList<QWidget *> panes() const;
    void focusPane(int pane);
    // Opens a file at a line (the span from the column highlighted) in the Configuration tab.
    void showEvidence(const QString &file, int line, int column);
    // The title of the finding chosen in the list.
    QString chosenFindingTitle() const;
    // Fix… on a posture cell: the preview of the fix that changes its value; false (and a word why) when none does.
    bool fixCell(const QModelIndex &cell);
    void showInspection();
    void showBanner();

    Models::InspectionSession *m_session;
    ScopeBar *m_scopeBar = nullptr;
    SurfaceTiles *m_tiles = nullptr;
    Banner *m_banner;
    Banner *m_fixBanner;
    FixFlow *m_fixFlow;
    QAction *m_codexReleases = nullptr;
    SummaryLine *m_summary;
    QStackedWidget *m_pages;
    QLabel *m_emptyState;
    ConfigTabs *m_configTabs;
    Models::DiagnosticsModel *m_diagnostics;
    QTableView *m_diagnosticsView;
    Models::PostureModel *m_posture;
    PostureTableView *m_postureView;
    FindingsPane *m_findings;
    FindingDetail *m_detail;
    SandboxPanel *m_sandbox;
    Models::LayersModel *m_layersModel;
    QTableView *m_layers;
    QTabWidget *m_detailTabs;
    QSplitter *m_sideBySide = nullptr;
    QSplitter *m_judgement = nullptr;
    QMenu *m_recentMenu = nullptr;
    QList<QAction *> m_scopeActions; // Inspect… and Rescan, also in the scope bar
};

} // namespace Posture::Views
