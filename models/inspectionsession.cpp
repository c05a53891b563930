// SPDX-License-Identifier: Apache-2.0
#include "inspectionsession.h"

#include "core/common/secrets.h"
#include "core/common/systemroot.h"
#include "core/fixes/fixpatch.h"
#include "core/fixes/unifieddiff.h"
#include "core/rules/acceptedrisksfile.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrentRun>

#include <exception>

namespace Posture::Models {

namespace {

// The file itself when it exists, and the directory it is in (an atomic save renames a new file into it; a missing
// file may appear there). When that directory is missing too and orMissingParent says so, its parent: a Codex home
// created later is noticed. (Not for /etc/codex: /etc changes too often to rescan, and probe, on each change.)
void addWatchTargets(QStringList &targets, const QString &file, bool orMissingParent = false)
{
    if (file.isEmpty())
        return;
    const QFileInfo info(file);
    if (info.exists())
        targets.append(info.absoluteFilePath());
    const QString directory = info.absolutePath();
    if (QFileInfo(directory).isDir())
        targets.append(directory);
    else if (const QString parent = QFileInfo(directory).absolutePath(); orMissingParent && QFileInfo(parent).isDir())
        targets.append(parent);
}

QStringList watchTargets(const Core::Inspection &inspection)
{
    QStringList targets;
    for (const Core::ConfigLayer &layer : inspection.layers)
        addWatchTargets(targets, layer.document.path(), layer.kind == Core::ConfigLayer::Kind::User);
    const Core::InspectOptions &options = inspection.options;
    addWatchTargets(targets, options.cloudFile);
    addWatchTargets(targets, options.acceptFile);
    if (options.baselineFile != u"working-rule") // the shipped one is a resource
        addWatchTargets(targets, options.baselineFile);
    targets.removeDuplicates();
    return targets;
}

bool probesTimedOut(const Core::LiveResults &live)
{
    return live.userNamespace.state == Core::ProbeProcess::State::TimedOut
        || live.codexSandbox.process.state == Core::ProbeProcess::State::TimedOut;
}

// Unusable --baseline or --accept files, in words (the reports exit 2 on them).
QString inputErrors(const Core::Diagnostics &problems)
{
    QStringList errors;
    for (const Core::Diagnostic &problem : problems) {
        if (problem.severity == Core::DiagnosticSeverity::Error)
            errors.append(problem.toString());
    }
    return errors.join(u'\n');
}

} // namespace

InspectionSession::InspectionSession(QObject *parent)
    : QObject(parent)
{
    m_rescanDelay.setSingleShot(true);
    m_rescanDelay.setInterval(100); // editors save in bursts within a few ms; a person notices 150 ms
    connect(&m_rescanDelay, &QTimer::timeout, this, &InspectionSession::rescan);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, &InspectionSession::fileChanged);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, &m_rescanDelay, qOverload<>(&QTimer::start));
}

InspectionSession::~InspectionSession()
{
    m_pool.waitForDone();
}

QString InspectionSession::probeStateWord(ProbeState state)
{
    switch (state) {
    case ProbeState::NotProbed:
        return tr("not probed");
    case ProbeState::Running:
        return tr("running");
    case ProbeState::Done:
        return tr("done");
    case ProbeState::TimedOut:
        return tr("timed out");
    }
    Q_UNREACHABLE_RETURN(QString());
}

void InspectionSession::setScope(const Core::InspectOptions &scope)
{
    m_scope = scope;
    Q_EMIT scopeChanged();
    rescan();
}

void InspectionSession::rescan()
{
    m_rescanDelay.stop();
    ++m_generation;
    Q_EMIT inspectionStarted();
    startFiles();
}

void InspectionSession::startFiles()
{
    Core::InspectOptions filesOnly = m_scope;
    filesOnly.runPrograms = false; // reading the files is quick and starts nothing: shown first
    const quint64 generation = m_generation;
    ++m_filesRunning;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        --m_filesRunning;
        if (generation != m_generation)
            return; // a newer rescan is on its way
        const Outcome outcome = watcher->result();
        // Whoever sees this result also sees whether probes follow (a screenshot waits for them).
        const bool probes = probesWanted() && outcome.error.isEmpty();
        setProbeState(probes ? ProbeState::Running : ProbeState::NotProbed);
        show(outcome);
        if (probes)
            startProbes();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [filesOnly, environment = m_environment]() -> Outcome {
        try {
            return {Core::Inspection::run(filesOnly, environment), {}};
        } catch (const std::exception &e) {
            return {{}, QString::fromLocal8Bit(e.what())};
        }
    }));
}

void InspectionSession::startProbes()
{
    setProbeState(ProbeState::Running);
    if (m_probesRunning) { // one probe run at a time: this one starts when the older one returns
        m_probesPending = true;
        return;
    }
    m_probesRunning = true;
    Q_EMIT probesStarted();
    const quint64 generation = m_generation;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        m_probesRunning = false;
        if (m_probesPending) { // what was probed is stale: the scope or the files changed meanwhile
            m_probesPending = false;
            startProbes();
            return;
        }
        if (generation != m_generation)
            return; // a newer rescan will start its own probes
        const Outcome outcome = watcher->result();
        if (!outcome.error.isEmpty())
            setProbeState(ProbeState::NotProbed);
        else
            setProbeState(probesTimedOut(outcome.inspection.sandbox.live) ? ProbeState::TimedOut : ProbeState::Done);
        show(outcome);
        Q_EMIT probesFinished();
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [options = m_scope, environment = m_environment]() -> Outcome {
        try {
            return {Core::Inspection::run(options, environment), {}};
        } catch (const std::exception &e) {
            return {{}, QString::fromLocal8Bit(e.what())};
        }
    }));
}

void InspectionSession::show(const Outcome &outcome)
{
    if (!outcome.error.isEmpty()) {
        Q_EMIT error(tr("The inspection failed: %1").arg(outcome.error));
        return;
    }
    m_inspection = outcome.inspection;
    m_hasInspection = true;
    watch(m_inspection);
    Q_EMIT inspectionFinished(m_inspection);
    if (const QString errors = inputErrors(m_inspection.inputProblems); !errors.isEmpty())
        Q_EMIT error(errors);
}

void InspectionSession::setProbeState(ProbeState state)
{
    if (state == m_probeState)
        return;
    m_probeState = state;
    Q_EMIT probeStateChanged(state);
}

QStringList InspectionSession::watchedPaths() const
{
    return m_watcher.files() + m_watcher.directories();
}

void InspectionSession::watch(const Core::Inspection &inspection)
{
    const QStringList targets = watchTargets(inspection);
    const QStringList current = watchedPaths();
    QStringList stale;
    for (const QString &path : current) {
        if (!targets.contains(path))
            stale.append(path);
    }
    if (!stale.isEmpty())
        m_watcher.removePaths(stale);
    QStringList added;
    for (const QString &path : targets) {
        if (!current.contains(path))
            added.append(path);
    }
    if (!added.isEmpty())
        m_watcher.addPaths(added);
}

const Core::Fix *InspectionSession::fix(const QString &fixId) const
{
    return m_inspection.fixWithId(fixId);
}

QString InspectionSession::whyReadOnly(const QString &file) const
{
    if (isSample())
        return tr("This is a copied machine (%1): nothing is written to it. Export a patch for its owner instead.")
            .arg(m_scope.systemRoot);
    const QFileInfo info(file);
    if (info.exists() ? !info.isWritable() : !QFileInfo(info.absolutePath()).isWritable())
        return tr("You cannot write %1 (its permissions). Export a patch for whoever can.").arg(file);
    return {};
}

QList<Core::ConfigBackups::Backup> InspectionSession::backups() const
{
    return Core::ConfigBackups::besides(m_inspection.layers);
}

QString InspectionSession::removeBackups()
{
    const Core::ConfigBackups::Removal removal = Core::ConfigBackups::remove(backups(), m_scope.systemRoot);
    rescan();
    return removal.all().join(u'\n');
}

template <typename Result>
void InspectionSession::onWorker(
    std::function<Result()> work, QObject *receiver, std::function<void(const Result &)> done)
{
    // As the inspections and fixes: a watcher owned by the session (whose destructor waits for its pool) hands the
    // result over on the session's thread, and done is called only if the receiver still exists.
    QPointer<QObject> alive(receiver);
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [watcher, alive, done = std::move(done)] {
        watcher->deleteLater();
        if (alive)
            done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, std::move(work)));
}

void InspectionSession::previewFix(
    const Core::Fix &fix, QObject *receiver, std::function<void(const Core::FixPreview &)> done)
{
    onWorker<Core::FixPreview>([fix] { return Core::FixApplier::preview(fix); }, receiver, std::move(done));
}

void InspectionSession::previewFixes(
    const QList<Core::Fix> &fixes, QObject *receiver, std::function<void(const QList<Core::FixPreview> &)> done)
{
    onWorker<QList<Core::FixPreview>>(
        [fixes, inspection = m_inspection] { return Core::FixApplier::previewTogether(fixes, inspection); }, receiver,
        std::move(done));
}

bool InspectionSession::previewIsCurrent(const Core::FixPreview &preview)
{
    return Core::FixApplier::isCurrent(preview);
}

QString InspectionSession::acceptRisk(
    const QString &path, const QString &findingId, const Core::Acceptance &acceptance) const
{
    return Core::AcceptedRisksFile::addEntry(path, findingId, acceptance, m_scope.systemRoot);
}

QByteArray InspectionSession::renderReport(const QString &format, bool redact) const
{
    const Core::ReportFormat *chosen = Core::reportFormat(format);
    if (!chosen)
        return {};
    return Core::renderReport(
        *chosen, m_inspection, Core::ReportRequest{QDateTime::currentDateTimeUtc(), false, redact});
}

QString InspectionSession::reportRefusal(const QString &path) const
{
    return Core::SystemRoot(m_scope.systemRoot).writeRefusal(path, tr("Write it outside the copy."));
}

QString InspectionSession::saveReport(const QByteArray &bytes, const QString &path) const
{
    if (const QString refusal = reportRefusal(path); !refusal.isEmpty())
        return refusal;
    return Core::saveReport(bytes, path);
}

QString InspectionSession::rememberedAcceptFile()
{
    return Core::AcceptedRisksFile::rememberedPath();
}

void InspectionSession::rememberAcceptFile(const QString &path)
{
    Core::AcceptedRisksFile::remember(path);
}

void InspectionSession::applyFix(const Core::FixPreview &preview)
{
    applyFixes({preview});
}

void InspectionSession::applyFixes(const QList<Core::FixPreview> &previews)
{
    for (const Core::FixPreview &preview : previews) {
        if (const QString why = whyReadOnly(preview.fix.file); !why.isEmpty()) {
            Core::FixOutcome refused;
            refused.message = why;
            Q_EMIT fixFinished(preview.fix.id, refused, false);
            return; // nothing at all is written from a set that touches a file that must not be
        }
    }
    Core::InspectOptions options = m_scope;
    options.runPrograms = false; // the check afterwards reads the files; it starts nothing
    runFixes(
        false,
        [previews, options, journal = m_journal] {
            QList<std::pair<QString, Core::FixOutcome>> outcomes;
            for (const Core::FixPreview &preview : previews) {
                if (preview.changes())
                    outcomes.append({preview.fix.id, Core::FixApplier::apply(preview, options, journal)});
            }
            return outcomes;
        },
        previews);
}

QString InspectionSession::exportPatch(
    const QList<Core::FixPreview> &previews, const QString &path, QStringList *files) const
{
    const Core::FixPatch::Patch patch = Core::FixPatch::make(previews, m_inspection.locations.home);
    if (patch.text.isEmpty())
        return tr("No patch: no fix changes a file under %1.").arg(m_inspection.locations.home);
    if (files)
        *files = patch.files;
    return Core::FixPatch::save(patch, path);
}

void InspectionSession::undoFix()
{
    if (!canUndo())
        return;
    runFixes(true, [fixId = m_applied.constLast(), journal = m_journal, root = m_scope.systemRoot] {
        return QList<std::pair<QString, Core::FixOutcome>>{{fixId, Core::FixApplier::undoLast(journal, root)}};
    });
}

void InspectionSession::redoFix()
{
    if (!canRedo())
        return;
    const QString fixId = m_undone.constLast();
    const Core::Fix *again = fix(fixId);
    if (!again) {
        m_undone.removeLast();
        Core::FixOutcome refused;
        refused.message =
            tr("%1 is not offered any more: the configuration changed since it was taken back.").arg(fixId);
        Q_EMIT fixFinished(fixId, refused, false);
        Q_EMIT historyChanged();
        return;
    }
    Core::InspectOptions options = m_scope;
    options.runPrograms = false;
    runFixes(false, [fix = *again, options, journal = m_journal] {
        return QList<std::pair<QString, Core::FixOutcome>>{
            {fix.id, Core::FixApplier::apply(Core::FixApplier::preview(fix), options, journal)}};
    });
}

QString InspectionSession::changedSince(const QString &fixId) const
{
    const auto written = m_written.constFind(fixId);
    if (written == m_written.cend())
        return {};
    QFile file(written->first);
    const QByteArray now = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    if (now == written->second)
        return {};
    return Core::unifiedDiff(Core::Secrets::maskConfigText(QString::fromUtf8(written->second)).toUtf8(),
        Core::Secrets::maskConfigText(QString::fromUtf8(now)).toUtf8(), written->first);
}

void InspectionSession::runFixes(bool undo, std::function<QList<std::pair<QString, Core::FixOutcome>>()> work,
    const QList<Core::FixPreview> &previews)
{
    for (const Core::FixPreview &preview : previews)
        m_written.insert(preview.fix.id, {preview.fix.file, preview.after});
    m_fixing = true;
    Q_EMIT historyChanged();
    using Outcomes = QList<std::pair<QString, Core::FixOutcome>>;
    auto *watcher = new QFutureWatcher<Outcomes>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, undo] {
        watcher->deleteLater();
        m_fixing = false;
        Outcomes outcomes = watcher->result();
        for (auto &[fixId, outcome] : outcomes) {
            if (undo && !outcome.applied)
                outcome.changedSince = changedSince(fixId);
            if (outcome.applied && undo) {
                m_applied.removeLast();
                m_undone.append(fixId);
            } else if (outcome.applied) {
                m_applied.append(fixId);
                if (!m_undone.isEmpty() && m_undone.constLast() == fixId)
                    m_undone.removeLast();
                else
                    m_undone.clear(); // a new fix: what was taken back before is no longer "next"
            }
            Q_EMIT fixFinished(fixId, outcome, undo);
        }
        if (outcomes.size() > 1) {
            QStringList messages;
            for (const auto &[fixId, outcome] : outcomes)
                messages.append(outcome.message);
            Q_EMIT batchFinished(int(std::count_if(outcomes.cbegin(), outcomes.cend(),
                                     [](const auto &entry) { return entry.second.applied; })),
                messages);
        }
        Q_EMIT historyChanged();
        rescan(); // at once: the watcher would see the write too, a little later
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, std::move(work)));
}

void InspectionSession::fileChanged(const QString &path)
{
    // An atomic save replaces the file, and the watcher drops the one it watched: watch the new one at once.
    if (!m_watcher.files().contains(path) && QFileInfo::exists(path))
        m_watcher.addPath(path);
    m_rescanDelay.start();
}

} // namespace Posture::Models
