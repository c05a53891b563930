// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QFileSystemWatcher>
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

// The main window: the user's config.toml with its problems, or a friendly empty state. Reloads by itself when the
// file changes on disk.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const Core::InspectOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Runs the engine again and shows the result.
    void reload();

    const Core::Inspection &inspection() const { return m_inspection; }
    ConfigView *configView() const { return m_configView; }
    bool showsEmptyState() const;
    QString statusText() const;

private:
    void createActions();
    void showInspection();
    void watchFiles();
    QString postureSummary() const;

    Core::InspectOptions m_options;
    Core::Inspection m_inspection;
    QLabel *m_statusIcon;
    QLabel *m_status;
    QStackedWidget *m_pages;
    QLabel *m_emptyState;
    ConfigView *m_configView;
    Models::DiagnosticsModel *m_diagnostics;
    QTableView *m_diagnosticsView;
    QFileSystemWatcher m_watcher;
    QTimer m_reloadTimer;
};

} // namespace Posture::Views
