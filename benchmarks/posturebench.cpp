// SPDX-License-Identifier: Apache-2.0
// Measures two things (README, "Benchmarks"):
// 1. a full headless scan of a Codex home by the codex-posture binary, side by side with `codex doctor --json` on
//    the same home, both started as processes the same number of times;
// 2. reading and evaluating a 1 MB config.toml with 2,000 MCP servers, in process.
#include "core/config/configschema.h"
#include "core/inspection.h"
#include "core/report/jsonreport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

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

} // namespace

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
    }

    QTemporaryDir dir;
    const QByteArray config = manyMcpServers(2000);
    QFile file(dir.filePath(QStringLiteral("config.toml")));
    if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
        return 2;
    file.close();
    QList<double> times;
    int servers = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Inspection inspection = Inspection::run(
            InspectOptions{.codexHome = dir.path(), .home = dir.path(), .cwd = dir.path()}, QProcessEnvironment());
        times.append(double(timer.nsecsElapsed()) / 1e6);
        servers = int(inspection.config.value({QStringLiteral("mcp_servers")}).toMap().size());
        if (inspection.loadStatus == LoadStatus::Fail)
            return 2;
    }
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
    return 0;
}
