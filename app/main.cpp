// SPDX-License-Identifier: Apache-2.0
// codex-posture: the command line, then either the window or a headless report. No logic lives here.
#include "commandline.h"
#include "core/common/version.h"
#include "core/report/reports.h"
#include "core/rules/acceptedrisksfile.h"
#include "fixcommand.h"
#include "inputproblems.h"
#include "windowmodule.h"

#include <QCoreApplication>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Posture;

namespace {

void printTo(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Without a display, QApplication would abort; the headless report is what such a machine wants anyway.
bool hasDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

// Colour for a person at a terminal only: never in a pipe, a file, with NO_COLOR or on a dumb terminal.
bool wantsColour()
{
#ifdef Q_OS_UNIX
    return isatty(STDOUT_FILENO) && qEnvironmentVariableIsEmpty("NO_COLOR") && qgetenv("TERM") != "dumb";
#else
    return false;
#endif
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("codex-posture")); // the window's settings: the same file
    QCoreApplication::setApplicationName(QStringLiteral("codex-posture"));
    QCoreApplication::setApplicationVersion(Core::toolVersion());
    App::CommandLine commandLine = App::CommandLine::parse(argc, argv);
    if (commandLine.exitCode != App::CommandLine::Continue) {
        printTo(commandLine.exitCode == 0 ? stdout : stderr, commandLine.output.toLocal8Bit());
        return commandLine.exitCode;
    }
    if (!commandLine.notice.isEmpty())
        printTo(stderr, commandLine.notice.toLocal8Bit());
    // The accepted risks the window records count in every report of this machine too (a screenshot stays the same
    // picture on every machine).
    if (commandLine.screenshot.isEmpty())
        commandLine.options.acceptFile =
            Core::AcceptedRisksFile::toCount(commandLine.options.acceptFile, commandLine.options.systemRoot);
    if (commandLine.removeBackups)
        return App::runRemoveBackups(commandLine);
    if (commandLine.undo || !commandLine.fix.isEmpty()) {
        qputenv("QT_ENABLE_REGEXP_JIT", "0");
        return App::runFixCommand(commandLine);
    }
    // A screenshot needs no screen: without a display the window is drawn offscreen.
    if (!commandLine.screenshot.isEmpty() && !hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (commandLine.report.isEmpty() && hasDisplay())
        return App::runWindow(argc, argv, commandLine.options, {commandLine.screenshot, commandLine.dark});

    // A report needs no event loop, so no application object; and its few dozen regular-expression matches (secret
    // masking) cost less interpreted than JIT-compiled. Both make the process start faster (scripts/bench).
    qputenv("QT_ENABLE_REGEXP_JIT", "0");
    if (commandLine.report.isEmpty()) {
        printTo(stderr, "codex-posture: no display found; printing the text report\n");
        commandLine.report = QStringLiteral("text");
    }
    const Core::Inspection inspection = Core::Inspection::run(commandLine.options);
    if (App::reportInputProblems(inspection.inputProblems))
        return 2;
    const Core::ReportRequest request{
        QDateTime::currentDateTimeUtc(), commandLine.outputFile.isEmpty() && wantsColour(), commandLine.redact};
    const Core::ReportFormat &format = *Core::reportFormat(commandLine.report);
    const QByteArray report = Core::renderReport(format, inspection, request);
    if (format.pdf) {
        if (const int status = App::writePdf(argc, argv, report, commandLine.outputFile); status != 0)
            return status;
    } else if (commandLine.outputFile.isEmpty()) {
        printTo(stdout, report);
    } else if (const QString error = Core::saveReport(report, commandLine.outputFile); !error.isEmpty()) {
        printTo(stderr, QStringLiteral("codex-posture: %1\n").arg(error).toLocal8Bit());
        return 2;
    }
    if (commandLine.failOn) {
        for (const Core::Finding &finding : inspection.findings) {
            if (!finding.isAccepted() && finding.severity >= *commandLine.failOn)
                return 1;
        }
    }
    return 0;
}
