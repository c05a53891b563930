// SPDX-License-Identifier: Apache-2.0
// Measures the window (README, "Benchmarks"), under QT_QPA_PLATFORM=offscreen, against three budgets:
// 1. process start to the window painted with the posture table filled (600 ms):
//    - measured: this program started again as a child (--child-first-paint), which opens the same MainWindow the
//      application opens and prints CLOCK_MONOTONIC at the first paint of the filled posture table; the parent took
//      the same clock just before starting it. Process start, loading Qt, QApplication, the inspection and the paint.
//    - an upper bound: the real `codex-posture --screenshot FILE` from start to exit, which also grabs the window,
//      writes the PNG and exits (the grab and the PNG are timed in process too, to say how much of it they are).
// 2. the longest UI-thread stall from the window's show until the live probes finished (50 ms): a 1 ms precise timer
//    on the UI thread, the largest gap between its ticks.
// 3. an external edit of config.toml to the posture table showing the new value (150 ms), with the session's own
//    rescan delay (editors save in bursts), which the user waits for too: reported apart.
// 4. the PDF report of the home in process (30 ms, the budget of every report format): the page, laid out and
//    written (it needs Qt Gui, hence here and not in posture-bench).
// It reports and exits 0: a benchmark does not fail a build.
#include "core/report/reports.h"
#include "inspectionsession.h"
#include "mainwindow.h"
#include "pdfreport.h"
#include "posturemodel.h"
#include "posturetableview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEvent>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>

using namespace Posture;
using Models::InspectionSession;
using Models::PostureModel;

namespace {

qint64 monotonicNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}

double msSince(qint64 startNs)
{
    return double(monotonicNs() - startNs) / 1e6;
}

struct Stats
{
    double median = -1, min = -1, max = -1, p99 = -1;
    qsizetype count = 0;
};

Stats statsOf(QList<double> values)
{
    Stats stats;
    if (values.isEmpty())
        return stats;
    std::sort(values.begin(), values.end());
    stats.count = values.size();
    stats.median = values.at(values.size() / 2);
    stats.min = values.constFirst();
    stats.max = values.constLast();
    stats.p99 =
        values.at(std::clamp(qsizetype(std::ceil(double(values.size()) * 0.99)) - 1, qsizetype(0), values.size() - 1));
    return stats;
}

QString range(const Stats &stats)
{
    if (stats.count == 0)
        return QStringLiteral("n/a");
    return QStringLiteral("%1 ms (min %2, max %3)")
        .arg(stats.median, 0, 'f', 1)
        .arg(stats.min, 0, 'f', 1)
        .arg(stats.max, 0, 'f', 1);
}

// Waits until the window shows its newest inspection and nothing runs (the probes' verdict included).
bool waitSettled(Views::MainWindow &window, int timeoutMs)
{
    if (window.settled())
        return true;
    QEventLoop loop;
    const auto check = [&loop, &window] {
        if (window.settled())
            loop.exit(0);
    };
    QObject::connect(window.session(), &InspectionSession::inspectionFinished, &loop, check);
    QObject::connect(window.session(), &InspectionSession::probeStateChanged, &loop, check);
    QTimer::singleShot(timeoutMs, &loop, [&loop] { loop.exit(1); });
    return loop.exec() == 0;
}

// Calls back after each paint of the posture table's viewport while the table has rows.
class TablePaints final : public QObject
{
public:
    TablePaints(Views::MainWindow &window, std::function<void()> painted)
        : m_view(window.postureView())
        , m_painted(std::move(painted))
    {
        m_view->viewport()->installEventFilter(this);
    }
    ~TablePaints() override { m_view->viewport()->removeEventFilter(this); }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_inside || m_view->model()->rowCount() == 0)
            return false;
        // The paint itself first (the view's own filter on its viewport paints), inside the same repaint; then the
        // time.
        m_inside = true;
        QCoreApplication::sendEvent(watched, event);
        m_inside = false;
        m_painted();
        return true;
    }

private:
    QTableView *m_view;
    std::function<void()> m_painted;
    bool m_inside = false;
};

// The largest gaps between the ticks of a 1 ms timer on the UI thread: how long the event loop was kept from
// running.
class StallSampler final : public QObject
{
public:
    StallSampler()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, &StallSampler::tick);
    }
    void start()
    {
        m_last = monotonicNs();
        m_timer.start();
    }
    void stop()
    {
        tick();
        m_timer.stop();
    }
    // Each gap also counts for the phase it ended in (0: before the probes started, 1: while they ran, 2: after).
    void setPhase(int phase) { m_phase = phase; }
    const QList<double> &gaps() const { return m_gaps; }
    const QList<double> &phaseGaps(int phase) const { return m_phaseGaps[phase]; }

private:
    void tick()
    {
        const qint64 now = monotonicNs();
        const double gap = double(now - m_last) / 1e6;
        m_last = now;
        m_gaps.append(gap);
        m_phaseGaps[m_phase].append(gap);
    }

    QTimer m_timer;
    qint64 m_last = 0;
    int m_phase = 0;
    QList<double> m_gaps;
    QList<double> m_phaseGaps[3];
};

// --child-first-paint: open the window as the application does and print CLOCK_MONOTONIC (ns) at the first paint of
// the filled posture table; then leave at once (the probes may still run: waiting for them is not what is measured).
int childFirstPaint(const Core::InspectOptions &options)
{
    Views::MainWindow window(options);
    TablePaints paints(window, [] {
        std::printf("%lld\n", static_cast<long long>(monotonicNs()));
        std::fflush(stdout);
        std::_Exit(0);
    });
    window.show();
    QTimer::singleShot(30000, [] { std::_Exit(3); });
    return QApplication::exec();
}

// Runs a command line (QProcess::splitCommand) to its end; the wall time in ms, or -1.
double runToExit(const QString &commandLine, const QStringList &arguments, const QString &cwd, QByteArray *output)
{
    QStringList command = QProcess::splitCommand(commandLine);
    const QString program = command.takeFirst();
    QProcess process;
    process.setWorkingDirectory(cwd);
    process.setStandardErrorFile(QProcess::nullDevice());
    const qint64 start = monotonicNs();
    process.start(program, command + arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    const double wall = msSince(start);
    if (output)
        *output = process.readAllStandardOutput();
    return process.exitCode() == 0 ? wall : -1;
}

QString probeWords(const QStringList &states)
{
    QStringList distinct = states;
    distinct.removeDuplicates();
    return distinct.join(QStringLiteral(", "));
}

} // namespace

int main(int argc, char *argv[])
{
    // The offscreen platform says this at every window it shows; nothing else is dropped.
    static const QtMessageHandler previousHandler =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (message != u"This plugin does not support propagateSizeHints()")
                previousHandler(type, context, message);
        });
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption posture(QStringLiteral("posture"),
        QStringLiteral("How to start codex-posture: its path, or a loader command line ending with it."),
        QStringLiteral("COMMAND"));
    const QCommandLineOption self(QStringLiteral("self"),
        QStringLiteral("How to start this program again (default: its own path; a loader command line under the "
                       "build root)."),
        QStringLiteral("COMMAND"));
    const QCommandLineOption codex(QStringLiteral("codex"),
        QStringLiteral("A codex binary put first on PATH, so that the live probes have one to run."),
        QStringLiteral("FILE"));
    const QCommandLineOption home(QStringLiteral("home"),
        QStringLiteral("A writable copy of a home with .codex/config.toml (HOME; its config.toml is edited and put "
                       "back)."),
        QStringLiteral("DIR"));
    const QCommandLineOption cwd(
        QStringLiteral("cwd"), QStringLiteral("The directory inspected as the working one."), QStringLiteral("DIR"));
    const QCommandLineOption iterations(QStringLiteral("iterations"),
        QStringLiteral("Runs of each (default 11; at most 5 of the probe runs)."), QStringLiteral("N"),
        QStringLiteral("11"));
    const QCommandLineOption childFirstPaintOption(
        QStringLiteral("child-first-paint"), QStringLiteral("(internal) the child of measurement 1."));
    parser.addOptions({posture, self, codex, home, cwd, iterations, childFirstPaintOption});
    parser.process(app);
    if (!parser.isSet(home)) {
        std::fprintf(stderr, "posture-window-bench: --home DIR is required\n");
        return 2;
    }
    const QString homeDir = QFileInfo(parser.value(home)).absoluteFilePath();
    const QString configFile = homeDir + QStringLiteral("/.codex/config.toml");
    QTemporaryDir cwdDir;
    const QString workDir = parser.isSet(cwd) ? parser.value(cwd) : cwdDir.path();
    const Core::InspectOptions options{.home = homeDir, .cwd = workDir, .runPrograms = true};
    if (parser.isSet(childFirstPaintOption))
        return childFirstPaint(options);

    // The machine as the window sees it: this home, the codex binary first on PATH. Sessions and children take the
    // process's environment when they are made.
    qputenv("HOME", QFile::encodeName(homeDir));
    qputenv("CODEX_HOME", QFile::encodeName(homeDir + QStringLiteral("/.codex")));
    if (parser.isSet(codex))
        qputenv("PATH",
            QByteArray(QFile::encodeName(QFileInfo(parser.value(codex)).absolutePath()) + ':' + qgetenv("PATH")));
    const int runs = std::max(1, parser.value(iterations).toInt());
    const int probeRuns = std::min(runs, 5);

    // ── 1. process start to the filled table painted ──
    QList<double> firstPaint;
    QString selfCommand = parser.value(self);
    if (selfCommand.isEmpty() && !QFileInfo(QCoreApplication::applicationFilePath()).fileName().startsWith(u"ld-"))
        selfCommand = QLatin1Char('"') + QCoreApplication::applicationFilePath() + QLatin1Char('"');
    if (!selfCommand.isEmpty()) {
        for (int i = 0; i < runs; ++i) {
            QByteArray output;
            const qint64 start = monotonicNs();
            const double wall = runToExit(selfCommand,
                {QStringLiteral("--child-first-paint"), QStringLiteral("--home"), homeDir, QStringLiteral("--cwd"),
                    workDir},
                workDir, &output);
            bool ok = false;
            const qint64 painted = output.trimmed().toLongLong(&ok);
            if (wall < 0 || !ok) {
                std::fprintf(stderr, "posture-window-bench: the first-paint child failed\n");
                break;
            }
            firstPaint.append(double(painted - start) / 1e6);
        }
    }
    QList<double> screenshotExit;
    QList<double> screenshotExitLive;
    QTemporaryDir pictures;
    if (parser.isSet(posture)) {
        const QString png = pictures.filePath(QStringLiteral("window.png"));
        const QStringList arguments{
            QStringLiteral("--home"), homeDir, QStringLiteral("--cwd"), workDir, QStringLiteral("--screenshot"), png};
        for (int i = 0; i < runs; ++i) {
            const double wall = runToExit(
                parser.value(posture), arguments + QStringList{QStringLiteral("--no-live-probe")}, workDir, nullptr);
            if (wall < 0 || !QFileInfo(png).size()) {
                std::fprintf(stderr, "posture-window-bench: codex-posture --screenshot failed\n");
                break;
            }
            screenshotExit.append(wall);
        }
        for (int i = 0; i < probeRuns; ++i) {
            const double wall = runToExit(parser.value(posture), arguments, workDir, nullptr);
            if (wall < 0)
                break;
            screenshotExitLive.append(wall);
        }
    }

    // ── 2. UI-thread stalls from show until the live probes finished ──
    // First the timer alone for half a second: what the machine's other load does to it.
    QList<double> idleGaps;
    {
        StallSampler idleSampler;
        QEventLoop idleLoop;
        QTimer::singleShot(500, &idleLoop, &QEventLoop::quit);
        idleSampler.start();
        idleLoop.exec();
        idleSampler.stop();
        idleGaps = idleSampler.gaps();
    }
    QList<double> gaps;
    QList<double> phaseGaps[3];
    QList<double> probeDurations;
    QList<double> grabs;
    QStringList probeStates;
    QString enforcement; // the probes' verdict, as the window says it
    for (int i = 0; i < probeRuns; ++i) {
        Views::MainWindow window(options);
        StallSampler sampler;
        qint64 probesStarted = 0;
        QObject::connect(window.session(), &InspectionSession::probesStarted, &window, [&] {
            probesStarted = monotonicNs();
            sampler.setPhase(1);
        });
        QObject::connect(window.session(), &InspectionSession::probesFinished, &window, [&] {
            sampler.setPhase(2);
            probeDurations.append(msSince(probesStarted));
        });
        sampler.start();
        window.show();
        if (!waitSettled(window, 60000))
            std::fprintf(stderr, "posture-window-bench: the window did not settle within 60 s\n");
        // The result's relayout and repaint happen on the next turns of the loop: a little longer.
        QEventLoop tail;
        QTimer::singleShot(100, &tail, &QEventLoop::quit);
        tail.exec();
        sampler.stop();
        gaps += sampler.gaps();
        for (int phase = 0; phase < 3; ++phase)
            phaseGaps[phase] += sampler.phaseGaps(phase);
        probeStates.append(InspectionSession::probeStateWord(window.session()->probeState()));
        enforcement = window.enforcementText().section(u'\n', 0, 0);
        // What the screenshot adds to the process's time: the grab and the PNG.
        const qint64 grabStart = monotonicNs();
        window.grab().save(pictures.filePath(QStringLiteral("grab.png")), "PNG");
        grabs.append(msSince(grabStart));
    }

    // ── 3. an external edit of config.toml to the table showing it ──
    QFile original(configFile);
    QByteArray originalText;
    if (original.open(QIODevice::ReadOnly))
        originalText = original.readAll();
    original.close();
    QList<double> toTable;
    QList<double> toModel;
    QList<double> debounce;
    QList<double> rescanOnly;
    QList<double> afterDelay;
    const QRegularExpression approval(QStringLiteral("(?m)^approval_policy\\s*=.*$"));
    if (!QString::fromUtf8(originalText).contains(approval)) {
        std::fprintf(
            stderr, "posture-window-bench: %s has no top-level approval_policy to edit\n", qPrintable(configFile));
    } else {
        Views::MainWindow window(options);
        window.show();
        waitSettled(window, 60000);
        auto *model = qobject_cast<PostureModel *>(window.postureView()->model());
        for (int i = 0; i < runs && model; ++i) {
            // The fixture's "never" and back: each edit changes the value shown.
            const QString value = i % 2 == 0 ? QStringLiteral("on-request") : QStringLiteral("never");
            QString text = QString::fromUtf8(originalText);
            text.replace(approval, QStringLiteral("approval_policy = \"%1\"").arg(value));
            qint64 started = 0;
            qint64 modelUpdated = 0;
            qint64 painted = 0;
            const auto shown = [&] {
                return model->rowCount() > 0
                    && model->cell(PostureModel::ApprovalRow, PostureModel::CliColumn).value == value;
            };
            const QMetaObject::Connection onStart =
                QObject::connect(window.session(), &InspectionSession::inspectionStarted, &window, [&] {
                    if (!started)
                        started = monotonicNs();
                });
            const QMetaObject::Connection onReset =
                QObject::connect(model, &QAbstractItemModel::modelReset, &window, [&] {
                    if (!modelUpdated && shown())
                        modelUpdated = monotonicNs();
                });
            QEventLoop loop;
            TablePaints paints(window, [&] {
                if (modelUpdated && !painted) {
                    painted = monotonicNs();
                    loop.quit();
                }
            });
            QTimer::singleShot(10000, &loop, &QEventLoop::quit);
            // The edit, in place, as an editor that rewrites the file does.
            const qint64 edit = monotonicNs();
            QFile file(configFile);
            if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0) {
                std::fprintf(stderr, "posture-window-bench: cannot write %s\n", qPrintable(configFile));
                break;
            }
            file.close();
            loop.exec();
            const bool updated = painted != 0;
            QObject::disconnect(onStart);
            QObject::disconnect(onReset);
            if (!updated) {
                std::fprintf(stderr, "posture-window-bench: the table did not show the edit within 10 s\n");
                break;
            }
            toTable.append(double(painted - edit) / 1e6);
            toModel.append(double(modelUpdated - edit) / 1e6);
            debounce.append(double(started - edit) / 1e6);
            rescanOnly.append(double(modelUpdated - started) / 1e6);
            afterDelay.append(double(painted - started) / 1e6);
            waitSettled(window, 60000); // the probes that follow a rescan
        }
        if (original.open(QIODevice::WriteOnly | QIODevice::Truncate)) // the home as it was
            original.write(originalText);
    }

    // ── 4. The PDF report ──
    QList<double> pdfTimes;
    qint64 pdfBytes = 0;
    {
        Core::InspectOptions quiet = options;
        quiet.runPrograms = false; // the report's own time, not the probes'
        const Core::Inspection inspection = Core::Inspection::run(quiet, QProcessEnvironment());
        const Core::ReportFormat &pdf = *Core::reportFormat(QStringLiteral("pdf"));
        QTemporaryDir pdfDir;
        const QString pdfFile = pdfDir.filePath(QStringLiteral("report.pdf"));
        for (int i = 0; i < runs; ++i) {
            const qint64 start = monotonicNs();
            const QByteArray page =
                Core::renderReport(pdf, inspection, Core::ReportRequest{QDateTime::currentDateTimeUtc(), false, false});
            if (!Views::writePdfReport(page, pdfFile).isEmpty()) {
                std::fprintf(stderr, "posture-window-bench: cannot write %s\n", qPrintable(pdfFile));
                return 2;
            }
            pdfTimes.append(msSince(start));
            pdfBytes = QFileInfo(pdfFile).size();
        }
    }

    // ── The report ──
    const Stats first = statsOf(firstPaint);
    const Stats upper = statsOf(screenshotExit);
    const Stats upperLive = statsOf(screenshotExitLive);
    const Stats grab = statsOf(grabs);
    const Stats stall = statsOf(gaps);
    const Stats phaseStall[3] = {statsOf(phaseGaps[0]), statsOf(phaseGaps[1]), statsOf(phaseGaps[2])};
    const Stats idle = statsOf(idleGaps);
    const Stats probes = statsOf(probeDurations);
    const Stats table = statsOf(toTable);
    const Stats model = statsOf(toModel);
    const Stats delay = statsOf(debounce);
    const Stats rescan = statsOf(rescanOnly);
    const Stats undelayed = statsOf(afterDelay);
    std::printf("window of %s (QT_QPA_PLATFORM=%s), median of %d runs unless said:\n", qPrintable(homeDir),
        qgetenv("QT_QPA_PLATFORM").constData(), runs);
    std::printf("1. start to the window painted with the table filled\n");
    std::printf("   process start -> first paint of the filled table (same MainWindow, in a child)  %s\n",
        qPrintable(range(first)));
    std::printf("   upper bound: codex-posture --screenshot --no-live-probe, start -> exit          %s\n",
        qPrintable(range(upper)));
    std::printf("     (includes the grab and PNG write, %.1f ms in process, and the exit)\n", grab.median);
    std::printf("   codex-posture --screenshot with live probes, start -> exit (%d runs)            %s\n",
        int(upperLive.count), qPrintable(range(upperLive)));
    std::printf("2. UI-thread stalls, 1 ms precise timer, show -> probes finished (+100 ms), %d windows\n", probeRuns);
    std::printf("   largest gap %.1f ms, p99 %.1f ms, over %lld ticks\n", stall.max, stall.p99, qlonglong(stall.count));
    const char *phaseNames[3] = {"before the probes started (the configuration read and shown)",
        "while the probes ran (the configuration's result laid out and painted)",
        "after the probes (their verdict shown)"};
    for (int phase = 0; phase < 3; ++phase)
        std::printf("     %-72s largest %5.1f ms, p99 %5.1f ms\n", phaseNames[phase], phaseStall[phase].max,
            phaseStall[phase].p99);
    std::printf("   the same timer without a window, %lld ticks (this machine's noise): largest %.1f ms, p99 %.1f ms\n",
        qlonglong(idle.count), idle.max, idle.p99);
    std::printf(
        "   probe state reached: %s; probes took %s\n", qPrintable(probeWords(probeStates)), qPrintable(range(probes)));
    std::printf("   the window said: %s\n", qPrintable(enforcement));
    std::printf("3. external edit of config.toml (approval_policy) -> table repainted with it, %lld edits\n",
        qlonglong(table.count));
    std::printf("   edit -> table repainted  %s\n", qPrintable(range(table)));
    std::printf("   edit -> model updated    %s\n", qPrintable(range(model)));
    std::printf("   of which the rescan delay (edit -> rescan started)  %s\n", qPrintable(range(delay)));
    std::printf("   and the rescan itself (started -> model updated)     %s\n", qPrintable(range(rescan)));
    std::printf("   rescan started -> table repainted                    %s\n", qPrintable(range(undelayed)));
    const Stats pdfStats = statsOf(pdfTimes);
    std::printf("4. the PDF report of the home in process (page, layout, write; %lld bytes)  %s\n",
        static_cast<long long>(pdfBytes), qPrintable(range(pdfStats)));

    const auto verdict = [](double measured, double budget) {
        return measured < 0 ? "n/a" : measured <= budget ? "yes" : "NO";
    };
    const double startFigure = first.count ? first.median : upper.median;
    const auto row = [&verdict](const char *what, double measured, double budget, const QString &note) {
        std::printf("%-56s %8.1f ms %5.0f ms  %s%s%s\n", what, measured, budget, verdict(measured, budget),
            note.isEmpty() ? "" : "  ", qPrintable(note));
    };
    std::printf("\n%-56s %11s %8s  %s\n", "budget (offscreen)", "measured", "budget", "holds");
    row(first.count ? "start -> table painted (median)" : "start -> table painted (median, upper bound: exit)",
        startFigure, 600, QString());
    row("longest UI-thread stall, show -> probes done (max)", stall.max, 50,
        QStringLiteral("probes: %1").arg(probeWords(probeStates)));
    row("edit of config.toml -> table updated (median)", table.median, 150,
        QStringLiteral("includes the rescan delay, %1 ms").arg(delay.median, 0, 'f', 0));
    row("  rescan started -> table updated (median, no delay)", undelayed.median, 150,
        delay.median > 150 ? QStringLiteral("the delay alone is over the budget") : QString());
    row("PDF report of the home, in process (median)", pdfStats.median, 30, QString());
    return 0;
}
