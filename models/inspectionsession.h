// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/configbackups.h"
#include "core/fixes/fixapplier.h"
#include "core/inspection.h"
#include "core/report/reports.h"
#include "core/rules/finding.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>

namespace Posture::Models {

// One inspection of one scope, kept current: runs the engine on a worker thread (the thread the session lives on
// never runs an inspection or a probe), watches every file the inspection read and inspects again when one changes,
// and runs the live probes after the configuration is shown. The views bind to its signals.
//
// A rescan first reads the files (no program is started) and reports that; when the scope asks for live probes on
// this machine, the probes follow on the worker and their inspection replaces the first. A result of an older rescan
// never replaces a newer one.
class InspectionSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectionSession)

public:
    enum class ProbeState {
        NotProbed, // live probes off, or a copied machine (nothing is run there)
        Running,
        Done,
        TimedOut, // a probe program was cut off at its timeout: its part of the verdict is unknown
    };
    Q_ENUM(ProbeState)

    explicit InspectionSession(QObject *parent = nullptr);
    ~InspectionSession() override; // waits for the worker: every probe has a timeout

    // What is inspected: Codex home, home, cwd, profile, system root, cloud, baseline, accepted risks, and whether
    // the live probes run. Setting it inspects again.
    const Core::InspectOptions &scope() const { return m_scope; }
    void setScope(const Core::InspectOptions &scope);
    // The environment the engine sees (PATH, CODEX_HOME, HOME, ...): the process's own unless set.
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    // A copied machine (--system-root): read-only, nothing is run there.
    bool isSample() const { return !m_scope.systemRoot.isEmpty(); }

    // Inspects the scope again (F5; a watched file changed).
    void rescan();
    // The newest inspection shown; empty until inspectionFinished was first emitted.
    const Core::Inspection &inspection() const { return m_inspection; }
    bool hasInspection() const { return m_hasInspection; }
    // An inspection or its probes are still running.
    bool isBusy() const { return m_filesRunning > 0 || m_probeState == ProbeState::Running; }
    ProbeState probeState() const { return m_probeState; }
    static QString probeStateWord(ProbeState state); // "not probed", "running", "done", "timed out"

    // The files and directories watched: every layer file Codex reads (and the directory it is in, which sees an
    // atomic save or the file appearing), the cloud, baseline and accept files.
    QStringList watchedPaths() const;
    // How long after the last change on disk the rescan starts (editors save in bursts).
    void setRescanDelay(int milliseconds) { m_rescanDelay.setInterval(milliseconds); }

    // The guided fixes, on the worker (FixApplier: backup, atomic write, journal, the check afterwards); the session
    // inspects again when one is done. Nothing is ever written on a copied machine or to a file the user cannot write.
    // The fix of this id in the newest inspection, or null.
    const Core::Fix *fix(const QString &fixId) const;
    // Why this file cannot be written from here (a copied machine, no permission); empty when it can.
    QString whyReadOnly(const QString &file) const;
    // Works out a fix's preview on the worker (FixApplier::preview reads its file and proves the edit by parsing);
    // `done` runs on the session's thread, and only while `receiver` exists (a dialog closed meanwhile is not called).
    void previewFix(const Core::Fix &fix, QObject *receiver, std::function<void(const Core::FixPreview &)> done);
    // Several fixes together, one preview per file (FixApplier::previewTogether), judged against the newest
    // inspection; on the worker, `done` as above.
    void previewFixes(
        const QList<Core::Fix> &fixes, QObject *receiver, std::function<void(const QList<Core::FixPreview> &)> done);
    // The preview's file still holds the bytes the preview was worked out on.
    static bool previewIsCurrent(const Core::FixPreview &preview);
    void applyFix(const Core::FixPreview &preview);
    // Several previews (Fix all: one per file) in one go; fixFinished for each, in order.
    void applyFixes(const QList<Core::FixPreview> &previews);
    // Writes the previews as one patch for a copy of the inspected home (Export Patch…; nothing else is written).
    // Returns the error, or empty; *files gets the files in the patch, relative to the home.
    QString exportPatch(const QList<Core::FixPreview> &previews, const QString &path, QStringList *files) const;
    // Takes back the newest fix this session applied (Ctrl+Z), if the file still holds what it wrote.
    void undoFix();
    // Applies again the newest fix taken back (Ctrl+Shift+Z), worked out again on the file as it is now.
    void redoFix();
    bool canUndo() const { return !m_applied.isEmpty() && !m_fixing; }
    bool canRedo() const { return !m_undone.isEmpty() && !m_fixing; }
    bool isFixing() const { return m_fixing; }
    // The backups earlier fixes left next to the inspected configuration files (ConfigBackups), and their removal
    // (refused on a copied machine); the session inspects again afterwards. Returns what went wrong, or empty.
    QList<Core::ConfigBackups::Backup> backups() const;
    QString removeBackups();
    // Accepts a finding's risk: its [[accept]] entry added to (or replaced in) the accepted-risks file `path`, every
    // other byte kept (AcceptedRisksFile::addEntry; refused inside a copied machine). Returns the error, or empty.
    // The caller inspects with that file (it may not be the scope's yet).
    QString acceptRisk(const QString &path, const QString &findingId, const Core::Acceptance &acceptance) const;
    // Reports of the newest inspection, in the formats of --report (Core::reportFormats()): the bytes (for the PDF
    // format, the HTML page the window lays out), and writing them (atomically, readable by you only). Nothing is
    // written inside a copied machine (reportRefusal says why; empty when the path may be written).
    QByteArray renderReport(const QString &format, bool redact) const;
    QString reportRefusal(const QString &path) const;
    QString saveReport(const QByteArray &bytes, const QString &path) const;
    // The accepted-risks file the window wrote last (AcceptedRisksFile::rememberedPath), and remembering one.
    static QString rememberedAcceptFile();
    static void rememberAcceptFile(const QString &path);
    // The journal fixes are recorded in (default: FixApplier::defaultJournalPath(), which `--undo` reads too).
    void setJournalPath(const QString &path) { m_journal = path; }
    QString journalPath() const { return m_journal; }

Q_SIGNALS:
    void scopeChanged();
    void inspectionStarted();
    // A new result: the configuration at once, and again with the probes' verdict when they finish.
    void inspectionFinished(const Posture::Core::Inspection &inspection);
    void probesStarted();
    void probesFinished();
    void probeStateChanged(Posture::Models::InspectionSession::ProbeState state);
    // The inspection could not be made, or an input file (--baseline, --accept) is unusable.
    void error(const QString &message);
    // A fix was applied, undone or redone (outcome.applied), or refused (outcome.message says why).
    void fixFinished(const QString &fixId, const Posture::Core::FixOutcome &outcome, bool undo);
    // Several fixes were applied in one go (Fix all), after their fixFinished: how many of how many, and each message.
    void batchFinished(int applied, const QStringList &messages);
    // What Undo and Redo can do changed.
    void historyChanged();

private:
    struct Outcome
    {
        Core::Inspection inspection;
        QString error;
    };

    void startFiles();
    void startProbes();
    void show(const Outcome &outcome);
    void watch(const Core::Inspection &inspection);
    void fileChanged(const QString &path);
    void setProbeState(ProbeState state);
    // What changed in the file a fix wrote since it wrote it (an undo refused), as a masked diff; empty if nothing.
    QString changedSince(const QString &fixId) const;
    // Runs fixes on the worker: each outcome names the fix ids it concerns; the history and the signals follow.
    // Runs work on the worker and hands its result to done on the session's thread while receiver exists.
    template <typename Result>
    void onWorker(std::function<Result()> work, QObject *receiver, std::function<void(const Result &)> done);
    void runFixes(bool undo, std::function<QList<std::pair<QString, Core::FixOutcome>>()> work,
        const QList<Core::FixPreview> &previews = {});
    bool probesWanted() const { return m_scope.runPrograms && !isSample(); }

    Core::InspectOptions m_scope;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    Core::Inspection m_inspection;
    bool m_hasInspection = false;
    quint64 m_generation = 0; // of the newest rescan; older results are dropped
    int m_filesRunning = 0;
    bool m_probesRunning = false; // a probe run is on the worker (perhaps of an older rescan)
    bool m_probesPending = false; // start the probes again when it returns
    ProbeState m_probeState = ProbeState::NotProbed;
    QFileSystemWatcher m_watcher;
    QTimer m_rescanDelay;
    QString m_journal = Core::FixApplier::defaultJournalPath();
    QStringList m_applied; // this session's fixes in effect, oldest first (what Ctrl+Z takes back)
    QStringList m_undone; // taken back, newest last (what Ctrl+Shift+Z applies again)
    QHash<QString, std::pair<QString, QByteArray>> m_written; // fix id → the file and the bytes it wrote
    bool m_fixing = false;
    QThreadPool m_pool; // the session's own: its destructor waits for exactly its work
};

} // namespace Posture::Models
