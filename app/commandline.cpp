// SPDX-License-Identifier: Apache-2.0
#include "commandline.h"

#include "core/common/systemroot.h"
#include "core/common/version.h"
#include "core/report/codexchanges.h"
#include "core/report/reports.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

namespace Posture::App {

namespace {

// Qt names the program by its path (or, run through the build root's loader, by the loader): say codex-posture.
QString helpText(const QCommandLineParser &parser)
{
    QString text = parser.helpText();
    const qsizetype firstLineEnd = text.indexOf(u'\n');
    if (text.startsWith(QStringLiteral("Usage: ")) && firstLineEnd > 0)
        text.replace(0, firstLineEnd, QStringLiteral("Usage: codex-posture [options]"));
    return text
        + QStringLiteral(
            "\nExit status: 0 when the window closed or the report was printed (also when the report says Codex\n"
            "would refuse its configuration); 1 with --fail-on when a finding at or above the severity is not\n"
            "accepted; 2 on a usage error, a missing file or directory, or an unusable --baseline or --accept file.\n");
}

CommandLine usageError(const QString &message)
{
    CommandLine result;
    result.exitCode = 2;
    result.output = QStringLiteral("codex-posture: %1\nTry 'codex-posture --help'.\n").arg(message);
    return result;
}

// --codex-changes FROM TO: the change list, printed at once (it reads no configuration).
CommandLine codexChangesOutput(const QStringList &versions, const QString &report)
{
    const Core::CodexReleases &releases = Core::CodexReleases::known();
    if (versions.size() != 2)
        return usageError(QStringLiteral("--codex-changes needs two Codex releases (known: %1)")
                .arg(releases.versions().join(QStringLiteral(", "))));
    for (const QString &version : versions) {
        QString error;
        if (!releases.asked(version, &error))
            return usageError(error.replace(QStringLiteral("--codex-version"), QStringLiteral("--codex-changes")));
    }
    if (!report.isEmpty() && report != u"text" && report != u"json")
        return usageError(QStringLiteral("--codex-changes prints text or json, not %1").arg(report));
    const Core::CodexChanges changes =
        Core::CodexChangeList::between(releases, versions.constFirst(), versions.constLast());
    return CommandLine{.exitCode = 0,
        .output = report == u"json" ? QString::fromUtf8(Core::CodexChangeList::json(changes))
                                    : Core::CodexChangeList::text(changes)};
}

} // namespace

CommandLine CommandLine::parse(int argc, char *argv[])
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("What can Codex actually do on this machine?"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption codexHome(QStringLiteral("codex-home"),
        QStringLiteral("Inspect DIR as the Codex home (default: $CODEX_HOME, else ~/.codex)."), QStringLiteral("DIR"));
    const QCommandLineOption home(QStringLiteral("home"),
        QStringLiteral("Inspect DIR as the home directory (DIR/.codex)."), QStringLiteral("DIR"));
    const QCommandLineOption cwd(QStringLiteral("cwd"),
        QStringLiteral("Judge Codex as if started in DIR (default: the current directory)."), QStringLiteral("DIR"));
    const QCommandLineOption profile(QStringLiteral("profile"),
        QStringLiteral("Judge Codex as if started with --profile NAME (NAME.config.toml)."), QStringLiteral("NAME"));
    const QCommandLineOption systemRoot(QStringLiteral("system-root"),
        QStringLiteral("Inspect a copied machine: /etc/codex, /proc, /sys, AppArmor profiles, bwrap and codex are read "
                       "below DIR, and nothing found there is run."),
        QStringLiteral("DIR"));
    const QCommandLineOption cloud(QStringLiteral("cloud"),
        QStringLiteral("Read the declared Codex cloud environments from FILE (see README)."), QStringLiteral("FILE"));
    QStringList formats;
    for (const Core::ReportFormat &format : Core::reportFormats())
        formats.append(QStringLiteral("%1 (%2)").arg(format.name, format.description));
    const QCommandLineOption report(QStringLiteral("report"),
        QStringLiteral("Print a report instead of opening the window. FORMAT: %1. The default when there is no "
                       "display: text.")
            .arg(formats.join(QStringLiteral("; "))),
        QStringLiteral("FORMAT"));
    const QCommandLineOption output(QStringLiteral("output"),
        QStringLiteral("With --report: write the report to FILE (atomically, readable by you only) instead of "
                       "standard output."),
        QStringLiteral("FILE"));
    const QCommandLineOption redact(QStringLiteral("redact"),
        QStringLiteral("With --report: replace the user name, the home path and the host name by placeholders, for "
                       "sharing outside the organisation (secrets are masked always)."));
    const QCommandLineOption noLiveProbe(QStringLiteral("no-live-probe"),
        QStringLiteral("Start no program at all. By default codex-posture starts fixed probes, each with a timeout: "
                       "codex --version, bwrap's user-namespace check and a codex sandbox write trial in temporary "
                       "directories. It never runs what the configuration names."));
    const QCommandLineOption baseline(QStringLiteral("baseline"),
        QStringLiteral("Compare with the intended posture in FILE; differences become findings. 'working-rule' is the "
                       "shipped baseline (see README)."),
        QStringLiteral("FILE"));
    const QCommandLineOption accept(QStringLiteral("accept"),
        QStringLiteral("Mark the findings listed in FILE as accepted (id, reason, owner, expires; see README)."),
        QStringLiteral("FILE"));
    const QCommandLineOption failOn(QStringLiteral("fail-on"),
        QStringLiteral(
            "With a report: exit with status 1 when a finding at or above SEVERITY (info, low, medium, high, "
            "critical) is not accepted."),
        QStringLiteral("SEVERITY"));
    const QCommandLineOption fix(QStringLiteral("fix"),
        QStringLiteral(
            "Show the guided fix FIX (an id from the report's fix_id, or 'all') as a diff; write it only with "
            "--yes (a backup is kept next to the file)."),
        QStringLiteral("FIX"));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("With --fix: show the diff, write nothing."));
    const QCommandLineOption yes(QStringLiteral("yes"), QStringLiteral("With --fix: write the fix without asking."));
    const QCommandLineOption patch(QStringLiteral("patch"),
        QStringLiteral("With --fix: write the fixes as one patch to FILE, for `git apply` or `patch -p1` in a copy of "
                       "the inspected home; no config file is written."),
        QStringLiteral("FILE"));
    const QCommandLineOption undo(QStringLiteral("undo"),
        QStringLiteral("Put back the bytes from before the last fix codex-posture wrote (from its journal)."));
    const QCommandLineOption removeBackups(QStringLiteral("remove-backups"),
        QStringLiteral("List the backups earlier fixes left next to the inspected configuration files (they may still "
                       "hold a secret a fix moved out); remove them only with --yes."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Open the window, save a PNG of it to FILE and quit."), QStringLiteral("FILE"));
    const QCommandLineOption dark(QStringLiteral("dark"),
        QStringLiteral("With --screenshot: paint the window with the dark palette (else the light one)."));
    const QCommandLineOption codexVersion(QStringLiteral("codex-version"),
        QStringLiteral("Judge by the rules of this recorded Codex release (both CLI and IDE) instead of the release "
                       "of the codex each runs (known: %1).")
            .arg(Core::CodexReleases::known().versions().join(QStringLiteral(", "))),
        QStringLiteral("VERSION"));
    const QCommandLineOption codexChanges(QStringLiteral("codex-changes"),
        QStringLiteral("Print what changed in Codex's configuration semantics between two recorded releases, given "
                       "after the options (codex-posture --codex-changes 0.160.1 0.171.0); --report json for JSON."));
    parser.addOptions({codexHome, home, cwd, profile, systemRoot, cloud, report, baseline, accept, failOn, fix, dryRun,
        yes, patch, undo, removeBackups, noLiveProbe, screenshot, dark, output, redact, codexVersion, codexChanges});

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return CommandLine{.exitCode = 0, .output = helpText(parser)};
    if (parser.isSet(QStringLiteral("version")))
        return CommandLine{.exitCode = 0, .output = QStringLiteral("codex-posture %1\n").arg(Core::toolVersion())};
    if (parser.isSet(codexChanges))
        return codexChangesOutput(parser.positionalArguments(), parser.value(report));
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    CommandLine result;
    result.report = parser.value(report);
    if (parser.isSet(report) && !Core::reportFormat(result.report))
        return usageError(
            QStringLiteral("unknown report format '%1' (known: %2)").arg(result.report, Core::reportFormatNames()));
    result.outputFile = parser.value(output);
    result.redact = parser.isSet(redact);
    if ((parser.isSet(output) || result.redact) && !parser.isSet(report))
        return usageError(QStringLiteral("--output and --redact go with --report"));
    if (parser.isSet(report) && Core::reportFormat(result.report)->pdf && result.outputFile.isEmpty())
        return usageError(
            QStringLiteral("--report %1 needs --output FILE (a PDF is no text for a terminal)").arg(result.report));
    // A directory named on the command line must exist: a typo must not read as "no configuration".
    for (const QCommandLineOption *option : {&codexHome, &home, &cwd, &systemRoot}) {
        const QString value = parser.value(*option);
        if (parser.isSet(*option) && !QFileInfo(value).isDir())
            return usageError(QStringLiteral("--%1 %2: no such directory").arg(option->names().constFirst(), value));
    }
    for (const QCommandLineOption *option : {&cloud, &accept}) {
        if (parser.isSet(*option) && !QFileInfo(parser.value(*option)).isFile())
            return usageError(
                QStringLiteral("--%1 %2: no such file").arg(option->names().constFirst(), parser.value(*option)));
    }
    if (parser.isSet(baseline) && parser.value(baseline) != u"working-rule"
        && !QFileInfo(parser.value(baseline)).isFile())
        return usageError(
            QStringLiteral("--baseline %1: no such file (or use --baseline working-rule)").arg(parser.value(baseline)));
    if (parser.isSet(failOn)) {
        result.failOn = Core::severityFromName(parser.value(failOn));
        if (!result.failOn)
            return usageError(QStringLiteral("--fail-on %1: not a severity (info, low, medium, high, critical)")
                    .arg(parser.value(failOn)));
    }
    if (QString error;
        parser.isSet(codexVersion) && !Core::CodexReleases::known().asked(parser.value(codexVersion), &error))
        return usageError(error);
    result.options = Core::InspectOptions{.codexHome = parser.value(codexHome),
        .home = parser.value(home),
        .cwd = parser.value(cwd),
        .profile = parser.value(profile),
        .systemRoot = parser.value(systemRoot),
        .cloudFile = parser.value(cloud),
        .codexVersion = parser.value(codexVersion),
        .runPrograms = !parser.isSet(noLiveProbe),
        .baselineFile = parser.value(baseline),
        .acceptFile = parser.value(accept)};
    // A copied machine's own home, never the live one: one is used and named, several are listed for --home.
    if (parser.isSet(systemRoot) && !parser.isSet(home) && !parser.isSet(codexHome)) {
        const QStringList homes = Core::CodexLocations::findHomesInCopy(parser.value(systemRoot));
        if (homes.size() > 1)
            return usageError(QStringLiteral("the copied machine %1 has %2 homes with a .codex folder; choose one "
                                             "with --home DIR:\n  %3")
                    .arg(parser.value(systemRoot))
                    .arg(homes.size())
                    .arg(homes.join(QStringLiteral("\n  "))));
        result.notice = homes.isEmpty()
            ? QStringLiteral("codex-posture: the copied machine %1 has no home with a .codex folder (looked in home/*, "
                             "Users/* and root): only its system files are inspected; --home DIR names a home.\n")
                  .arg(parser.value(systemRoot))
            : QStringLiteral("codex-posture: inspecting %1, the copied machine's only home with a .codex folder\n")
                  .arg(homes.constFirst());
    }
    result.screenshot = parser.value(screenshot);
    result.dark = parser.isSet(dark);
    result.fix = parser.value(fix);
    result.dryRun = parser.isSet(dryRun);
    result.yes = parser.isSet(yes);
    result.undo = parser.isSet(undo);
    result.removeBackups = parser.isSet(removeBackups);
    result.patch = parser.value(patch);
    if (result.dark && result.screenshot.isEmpty())
        return usageError(QStringLiteral("--dark goes with --screenshot (the window follows the system's colours)"));
    if ((result.dryRun || parser.isSet(patch)) && result.fix.isEmpty())
        return usageError(QStringLiteral("--dry-run and --patch go with --fix"));
    if (result.yes && result.fix.isEmpty() && !result.removeBackups)
        return usageError(QStringLiteral("--yes goes with --fix or --remove-backups"));
    if (result.removeBackups && (!result.fix.isEmpty() || result.undo))
        return usageError(QStringLiteral("--remove-backups goes alone (with --yes to remove)"));
    if (parser.isSet(patch) && (result.yes || result.dryRun))
        return usageError(QStringLiteral("--patch writes a patch instead of the files: leave out --yes and --dry-run"));
    if (parser.isSet(patch) && result.patch.isEmpty())
        return usageError(QStringLiteral("--patch needs a file name"));
    // Nothing codex-posture writes goes into a copied machine: a report or a patch belongs beside it.
    const Core::SystemRoot copy(result.options.systemRoot);
    for (const QString &written : {result.outputFile, result.patch}) {
        if (const QString refusal = copy.writeRefusal(written, QStringLiteral("Write it outside the copy."));
            !refusal.isEmpty())
            return usageError(refusal);
    }
    return result;
}

} // namespace Posture::App
