// SPDX-License-Identifier: Apache-2.0
// Measures two things (README, "Benchmarks"):
// 1. a full headless scan of a Codex home by the codex-posture binary, side by side with `codex doctor --json` on
//    the same home, both started as processes the same number of times;
// 2. reading and evaluating a 1 MB config.toml with 2,000 MCP servers, in process;
// 3. a guided fix on that config: its preview (time and peak memory) and applying it with the inspection after it.
#include "core/config/codexreleases.h"
#include "core/config/configschema.h"
#include "core/fixes/fixapplier.h"
#include "core/inspection.h"
#include "core/report/json/jsonreport.h"
#include "core/report/reports.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Posture::Core;

namespace {

// The median wall time of running a command, in milliseconds.
double medianProcessMs(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
    const QString &cwd, int iterations)
{
    QList<double> times;
    for (int i = 0; i < iterations; ++i) {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(cwd);
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        process.start(program, arguments);
        if (!process.waitForFinished(60000)) {
            std::fprintf(stderr, "%s did not finish\n", qPrintable(program));
            return -1;
        }
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

QByteArray manyMcpServers(int count)
{
    QByteArray text = "# a large, hand-maintained config\nmodel = \"gpt-5-codex\"\napproval_policy = \"on-request\"\n"
                      "sandbox_mode = \"workspace-write\"\n\n";
    for (int i = 0; i < count; ++i) {
        text += "[mcp_servers.server-" + QByteArray::number(i) + "]\n" + "command = \"/opt/mcp/bin/server-"
            + QByteArray::number(i) + "\"\n" + "args = [\"--port\", \"" + QByteArray::number(4000 + i)
            + "\", \"--log-level\", \"info\", \"--verbose\"]\n"
            + "env = { LOG_LEVEL = \"info\", REGION = \"eu-west-1\", DATA_DIR = \"/var/lib/mcp/server-"
            + QByteArray::number(i) + "\" }\nenabled_tools = [\"search\", \"fetch\", \"list\"]\n"
            + "startup_timeout_sec = 20\ntool_timeout_sec = 120\ndisabled_tools = [\"delete\", \"write\"]\n"
            + "cwd = \"/srv/mcp/server-" + QByteArray::number(i)
            + "\"\nrequired = false\nsupports_parallel_tool_calls = true\n# server " + QByteArray::number(i)
            + " is owned by team " + QByteArray::number(i % 17)
            + ", see the wiki page for its runbook and escalation contacts\n\n";
    }
    return text;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// A line of /proc/self/status in KiB ("VmRSS", "VmHWM"), or -1 where there is none.
qint64 statusKiB(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

// How far the resident memory rose above where it was while `work` ran, in MiB: freed heap is handed back first,
// the kernel's peak (VmHWM) is reset to the current size (clear_refs 5, Linux 4.0+), and read afterwards. -1 when
// the system cannot say.
double peakGrowthMiB(const std::function<void()> &work)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (!clear.open(QIODevice::WriteOnly) || clear.write("5") != 1)
        return -1;
    clear.close();
    const qint64 base = statusKiB("VmRSS");
    work();
    const qint64 peak = statusKiB("VmHWM");
    return base < 0 || peak < 0 ? -1 : double(peak - base) / 1024.0;
}

const char *verdict(bool holds)
{
    return holds ? "within budget" : "OVER BUDGET";
}

// A fix of the 1 MB config (approval_policy = "never" made "on-request"): the preview as the window and --fix show
// it, then applying it to a copy with the inspection afterwards that decides whether it stays.
// The recorded Codex releases (issue 16): what their tables add to a scan. A process pays once for reading them
// (CodexReleases::known()); a scan by an older release's checks differs from one by the newest's only by lookups.
void benchmarkReleases(const InspectOptions &options, int runs)
{
    QFile file(QStringLiteral(":/posture/versions.json"));
    const QByteArray versions = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    QList<double> loads;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const CodexReleases releases(
            QJsonDocument::fromJson(versions).object(), CodexAcceptance::codex(), ConfigSchema::codex());
        loads.append(double(timer.nsecsElapsed()) / 1e6);
        if (releases.versions().size() < 2)
            return;
    }
    const auto scan = [&](const QString &release) {
        QList<double> times;
        InspectOptions asked = options;
        asked.codexVersion = release;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            const Inspection inspection = Inspection::run(asked, QProcessEnvironment());
            times.append(double(timer.nsecsElapsed()) / 1e6);
        }
        return median(times);
    };
    const CodexReleases &releases = CodexReleases::known();
    const double newest = scan(releases.newest());
    const double oldest = scan(releases.oldest());
    const double load = median(loads);
    const double added = load + std::max(0.0, oldest - newest);
    std::printf("the %lld recorded Codex releases (versions.json, %.0f KB in the binary before compression):\n",
        qlonglong(releases.versions().size()), double(versions.size()) / 1024);
    std::printf("  reading them, once per process          %8.2f ms\n", load);
    std::printf("  a scan by %s's rules / by %s's    %8.2f / %.2f ms\n", qPrintable(releases.oldest()),
        qPrintable(releases.newest()), oldest, newest);
    std::printf(
        "  added to a scan                         %8.2f ms  (budget 2 ms: %s)\n\n", added, verdict(added <= 2));
}

int benchmarkFix(const QByteArray &config, int runs)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("config.toml"));
    QByteArray risky = config;
    risky.replace("approval_policy = \"on-request\"", "approval_policy = \"never\"");
    const auto writeConfig = [&path](const QByteArray &bytes) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    if (!writeConfig(risky))
        return 2;
    const InspectOptions options{.codexHome = dir.path(),
        .home = dir.path(),
        .cwd = dir.path(),
        .systemRoot = dir.filePath(QStringLiteral("no-system")),
        .runPrograms = false};
    const Inspection inspection = Inspection::run(options);
    const auto fix = std::find_if(inspection.fixes.cbegin(), inspection.fixes.cend(),
        [](const Fix &candidate) { return candidate.id == u"fix:approval-never:approval_policy"; });
    if (fix == inspection.fixes.cend() || !FixApplier::preview(*fix).changes()) {
        std::fprintf(stderr, "no applicable approval fix on the 1 MB config\n");
        return 2;
    }
    QList<double> previewTimes;
    double peakMiB = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        const double growth = peakGrowthMiB([&] {
            timer.start();
            const FixPreview preview = FixApplier::preview(*fix);
            previewTimes.append(double(timer.nsecsElapsed()) / 1e6);
        });
        peakMiB = std::max(peakMiB, growth);
    }
    QList<double> applyTimes;
    const QString journal = dir.filePath(QStringLiteral("journal.jsonl"));
    for (int i = 0; i < runs; ++i) {
        if (!writeConfig(risky))
            return 2;
        const FixPreview preview = FixApplier::preview(*fix);
        QElapsedTimer timer;
        timer.start();
        const FixOutcome outcome = FixApplier::apply(preview, options, journal);
        applyTimes.append(double(timer.nsecsElapsed()) / 1e6);
        if (!outcome.applied) {
            std::fprintf(stderr, "the fix was not applied: %s\n", qPrintable(outcome.message));
            return 2;
        }
        QFile::remove(outcome.backup);
    }
    const double previewMs = median(previewTimes);
    const double applyMs = median(applyTimes);
    std::printf("a guided fix on that config (%s), median of %d runs:\n", qPrintable(fix->id), runs);
    std::printf("  preview (edit proven, diff)   %8.2f ms  (budget 50 ms: %s)\n", previewMs, verdict(previewMs <= 50));
    if (peakMiB < 0)
        std::printf("  preview peak memory growth         n/a  (no /proc/self/clear_refs here)\n");
    else
        std::printf("  preview peak memory growth %8.2f MiB  (budget 50 MB: %s)\n", peakMiB,
            verdict(peakMiB * 1048576.0 <= 50e6));
    std::printf("  apply and inspect again       %8.2f ms  (budget 150 ms: %s)\n", applyMs, verdict(applyMs <= 150));
    return 0;
}

} // namespace

// Every report format of one inspection, rendered in process (the inspection made once): budget 30 ms each.
void benchmarkFormats(const Inspection &inspection, int runs)
{
    std::printf("each report format of that home, rendered in process, median of %d runs:\n", runs);
    for (const ReportFormat &format : reportFormats()) {
        for (const bool redact : {false, true}) {
            QList<double> times;
            for (int i = 0; i < runs; ++i) {
                QElapsedTimer timer;
                timer.start();
                const QByteArray bytes =
                    renderReport(format, inspection, ReportRequest{QDateTime::currentDateTimeUtc(), false, redact});
                times.append(double(timer.nsecsElapsed()) / 1e6);
                if (bytes.isEmpty())
                    std::fprintf(stderr, "%s rendered nothing\n", qPrintable(format.name));
            }
            const double ms = median(times);
            std::printf("  %-9s%-9s %8.2f ms  (budget 30 ms: %s)\n", qPrintable(format.name), redact ? "redacted" : "",
                ms, verdict(ms <= 30));
        }
    }
    std::printf("\n");
}

// The HTML report of the 1 MB config (2,000 servers in the posture and the layers), rendered from its inspection (made
// once, as the formats above): budget 300 ms for the inspection's median time and the page's together.
void benchmarkLargeHtml(const Inspection &inspection, double inspectionMs, int runs)
{
    const ReportFormat &html = *reportFormat(QStringLiteral("html"));
    QList<double> pageTimes;
    qsizetype bytes = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        bytes = renderReport(html, inspection, ReportRequest{QDateTime::currentDateTimeUtc(), false, false}).size();
        pageTimes.append(double(timer.nsecsElapsed()) / 1e6);
    }
    const double page = median(pageTimes);
    const double total = inspectionMs + page;
    std::printf("  its HTML report (%.2f MB), median of %d runs: page %.2f ms; inspection and page %.2f ms "
                "(budget 300 ms: %s)\n",
        double(bytes) / 1e6, runs, page, total, verdict(total <= 300));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption posture(QStringLiteral("posture"),
        QStringLiteral("How to start codex-posture: its path, or a loader command line ending with it."),
        QStringLiteral("COMMAND"));
    const QCommandLineOption codex(
        QStringLiteral("codex"), QStringLiteral("The real codex binary."), QStringLiteral("FILE"));
    const QCommandLineOption home(QStringLiteral("home"),
        QStringLiteral("The home to scan (HOME; CODEX_HOME=HOME/.codex)."), QStringLiteral("DIR"));
    const QCommandLineOption iterations(QStringLiteral("iterations"), QStringLiteral("Runs of each (default 21)."),
        QStringLiteral("N"), QStringLiteral("21"));
    parser.addOptions({posture, codex, home, iterations});
    parser.process(app);
    const int runs = std::max(1, parser.value(iterations).toInt());

    if (parser.isSet(posture) && parser.isSet(codex) && parser.isSet(home)) {
        QTemporaryDir cwd;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), parser.value(home));
        environment.insert(QStringLiteral("CODEX_HOME"), parser.value(home) + QStringLiteral("/.codex"));
        environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        QStringList command = QProcess::splitCommand(parser.value(posture));
        const QString program = QFileInfo(command.takeFirst()).absoluteFilePath();
        command << QStringLiteral("--report") << QStringLiteral("json") << QStringLiteral("--no-live-probe");
        const double ours = medianProcessMs(program, command, environment, cwd.path(), runs);
        // With the live probes, as a user runs it by default: codex --version, bwrap's check, a codex sandbox trial.
        QStringList liveCommand = command;
        liveCommand.removeLast();
        QProcessEnvironment liveEnvironment = environment;
        liveEnvironment.insert(
            QStringLiteral("PATH"), QFileInfo(parser.value(codex)).absolutePath() + QStringLiteral(":/usr/bin:/bin"));
        const double live = medianProcessMs(program, liveCommand, liveEnvironment, cwd.path(), runs);
        const double theirs = medianProcessMs(QFileInfo(parser.value(codex)).absoluteFilePath(),
            {QStringLiteral("doctor"), QStringLiteral("--json")}, environment, cwd.path(), runs);
        // The same scan in process: the engine's own time, without starting a process and loading Qt.
        QList<double> engine;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            const Inspection inspection =
                Inspection::run(InspectOptions{.home = parser.value(home), .cwd = cwd.path()}, QProcessEnvironment());
            const QByteArray json = renderJsonReport(inspection, QDateTime::currentDateTimeUtc());
            engine.append(double(timer.nsecsElapsed()) / 1e6);
            if (json.isEmpty())
                return 2;
        }
        std::sort(engine.begin(), engine.end());
        const double inProcess = engine.at(engine.size() / 2);
        std::printf("full scan of %s, median of %d runs:\n", qPrintable(parser.value(home)), runs);
        std::printf("  codex doctor --json (a process)                %8.2f ms\n", theirs);
        std::printf("  codex-posture --report json (a process)        %8.2f ms  %5.1fx faster\n", ours, theirs / ours);
        std::printf("  ... with the live probes (bwrap, codex sandbox) %7.2f ms\n", live);
        std::printf("  the same scan and report in process            %8.2f ms  %5.1fx faster\n\n", inProcess,
            theirs / inProcess);
        benchmarkFormats(
            Inspection::run(InspectOptions{.home = parser.value(home), .cwd = cwd.path()}, QProcessEnvironment()),
            runs);
        benchmarkReleases(InspectOptions{.home = parser.value(home), .cwd = cwd.path()}, runs);
    }

    QTemporaryDir dir;
    const QByteArray config = manyMcpServers(2000);
    QFile file(dir.filePath(QStringLiteral("config.toml")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
        return 2;
    file.close();
    QList<double> times;
    Inspection large;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        large = Inspection::run(
            InspectOptions{.codexHome = dir.path(), .home = dir.path(), .cwd = dir.path()}, QProcessEnvironment());
        times.append(double(timer.nsecsElapsed()) / 1e6);
        if (large.loadStatus == LoadStatus::Fail)
            return 2;
    }
    const int servers = int(large.config.value({QStringLiteral("mcp_servers")}).toMap().size());
    std::sort(times.begin(), times.end());
    // Where the time goes: reading and parsing alone, and checking against the schema alone.
    QElapsedTimer part;
    part.start();
    const ConfigDocument document = ConfigDocument::load(file.fileName());
    const double parseMs = double(part.nsecsElapsed()) / 1e6;
    part.restart();
    const Diagnostics problems = ConfigSchema::codex().validate(document);
    const double schemaMs = double(part.nsecsElapsed()) / 1e6;
    std::printf("  parts of one run: read and parse %.2f ms, schema check %.2f ms (%lld problems)\n", parseMs, schemaMs,
        qlonglong(problems.size()));
    std::printf("read and evaluate a %.2f MB config.toml with %d MCP servers, median of %d runs: %.2f ms "
                "(fastest %.2f ms, slowest %.2f ms)\n",
        double(config.size()) / 1e6, servers, runs, times.at(times.size() / 2), times.constFirst(), times.constLast());
    benchmarkLargeHtml(large, times.at(times.size() / 2), runs);
    return benchmarkFix(config, runs);
}
