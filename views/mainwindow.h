// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QTimer>

class QLabel;
class QStackedWidget;
class QTableView;

namespace Posture::Models {
class DiagnosticsModel;
} // namespace Posture::Models

namespace Posture::Views {

class ConfigView;

// The main window: the user's config.toml with its problems, or a friendly empty state, and whether the sandbox is
// really enforced. Reloads by itself when the file changes on disk. The configuration is shown at once; the probes
// that start programs (bwrap, codex sandbox) run on a worker thread and fill in the verdict when they finish.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const Core::InspectOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Runs the engine again and shows the result; the live probes follow in the background.
    void reload();
    bool probing() const { return m_probing; }

    const Core::Inspection &inspection() const { return m_inspection; }
    ConfigView *configView() const { return m_configView; }
    bool showsEmptyState() const;
    QString statusText() const;
    QString enforcementText() const;

Q_SIGNALS:
    // The live probes finished and the window shows their verdict.
    void probesFinished();

private:
    void createActions();
    void showInspection();
    void watchFiles();
    void startProbes();
    void showEnforcement();
    QString postureSummary() const;

    Core::InspectOptions m_options;
    Core::Inspection m_inspection;
    QLabel *m_statusIcon;
    QLabel *m_status;
    QLabel *m_enforcementIcon;
    QLabel *m_enforcement;
    QStackedWidget *m_pages;
    QLabel *m_emptyState;
    ConfigView *m_configView;
    Models::DiagnosticsModel *m_diagnostics;
    QTableView *m_diagnosticsView;
    QFileSystemWatcher m_watcher;
    QTimer m_reloadTimer;
    QFutureWatcher<Core::Inspection> m_probes;
    bool m_probing = false; // until the window has shown the probes' result
    bool m_probeAgain = false; // the files changed while the probes ran
};

} // namespace Posture::Views
