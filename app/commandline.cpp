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

// Every option once: its name, its value's name (empty for a switch) and what it does. %FORMATS% and %VERSIONS% are
// filled from the report registry and the recorded Codex releases.
struct OptionSpec
{
    const char *name;
    const char *valueName;
    const char *description;
};

constexpr OptionSpec Options[] = {
    {"codex-home", "DIR", "Inspect DIR as the Codex home (default: $CODEX_HOME, else ~/.codex)."},
    {"home", "DIR", "Inspect DIR as the home directory (DIR/.codex)."},
    {"cwd", "DIR", "Judge Codex as if started in DIR (default: the current directory)."},
    {"profile", "NAME", "Judge Codex as if started with --profile NAME (NAME.config.toml)."},
    {"system-root", "DIR",
        "Inspect a copied machine: /etc/codex, /proc, /sys, AppArmor profiles, bwrap and codex are read below DIR, and "
        "nothing found there is run."},
    {"cloud", "FILE", "Read the declared Codex cloud environments from FILE (see README)."},
    {"report", "FORMAT",
        "Print a report instead of opening the window. FORMAT: %FORMATS%. The default when there is no display: "
        "text."},
    {"baseline", "FILE",
        "Compare with the intended posture in FILE; differences become findings. 'working-rule' is the shipped "
        "baseline (see README)."},
    {"accept", "FILE", "Mark the findings listed in FILE as accepted (id, reason, owner, expires; see README)."},
    {"fail-on", "SEVERITY",
        "With a report: exit with status 1 when a finding at or above SEVERITY (info, low, medium, high, critical) is "
        "not accepted."},
    {"fix", "FIX",
        "Show the guided fix FIX (an id from the report's fix_id, or 'all') as a diff; write it only with --yes (a "
        "backup is kept next to the file)."},
    {"dry-run", "", "With --fix: show the diff, write nothing."},
    {"yes", "", "With --fix: write the fix without asking."},
    {"patch", "FILE",
        "With --fix: write the fixes as one patch to FILE, for `git apply` or `patch -p1` in a copy of the inspected "
        "home; no config file is written."},
    {"undo", "", "Put back the bytes from before the last fix codex-posture wrote (from its journal)."},
    {"remove-backups", "",
        "List the backups earlier fixes left next to the inspected configuration files (they may still hold a secret "
        "a fix moved out); remove them only with --yes."},
    {"no-live-probe", "",
        "Start no program at all. By default codex-posture starts fixed probes, each with a timeout: codex --version, "
        "bwrap's user-namespace check and a codex sandbox write trial in temporary directories. It never runs what "
        "the configuration names."},
    {"screenshot", "FILE", "Open the window, save a PNG of it to FILE and quit."},
    {"dark", "", "With --screenshot: paint the window with the dark palette (else the light one)."},
    {"output", "FILE",
        "With --report: write the report to FILE (atomically, readable by you only) instead of standard output."},
    {"redact", "",
        "With --report: replace the user name, the home path and the host name by placeholders, for sharing outside "
        "the organisation (secrets are masked always)."},
    {"codex-version", "VERSION",
        "Judge by the rules of this recorded Codex release (both CLI and IDE) instead of the release of the codex each "
        "runs (known: %VERSIONS%)."},
    {"codex-changes", "",
        "Print what changed in Codex's configuration semantics between two recorded releases, given after the "
        "options (codex-posture --codex-changes 0.160.1 0.171.0); --report json for JSON."},
};

QList<QCommandLineOption> commandLineOptions()
{
    QStringList formats;
    for (const Core::ReportFormat &format : Core::reportFormats())
        formats.append(QStringLiteral("%1 (%2)").arg(format.name, format.description));
    const QString versions = Core::CodexReleases::known().versions().join(QStringLiteral(", "));
    QList<QCommandLineOption> options;
    for (const OptionSpec &spec : Options) {
        const QString description = QString::fromUtf8(spec.description)
                                        .replace(QStringLiteral("%FORMATS%"), formats.join(QStringLiteral("; ")))
                                        .replace(QStringLiteral("%VERSIONS%"), versions);
        options.append(
            QCommandLineOption(QString::fromLatin1(spec.name), description, QString::fromLatin1(spec.valueName)));
    }
    return options;
}

// A copied machine's own home, never the live one: one is used and named, several are listed for --home. Returns the
// usage error, or empty (and the notice to print).
QString chooseHomeInCopy(const QString &systemRoot, QString &notice)
{
    const QStringList homes = Core::CodexLocations::findHomesInCopy(systemRoot);
    if (homes.size() > 1)
        return QStringLiteral("the copied machine %1 has %2 homes with a .codex folder; choose one with --home DIR:\n"
                              "  %3")
            .arg(systemRoot)
            .arg(homes.size())
            .arg(homes.join(QStringLiteral("\n  ")));
    notice = homes.isEmpty()
        ? QStringLiteral("codex-posture: the copied machine %1 has no home with a .codex folder (looked in home/*, "
                         "Users/* and root): only its system files are inspected; --home DIR names a home.\n")
              .arg(systemRoot)
        : QStringLiteral("codex-posture: inspecting %1, the copied machine's only home with a .codex folder\n")
              .arg(homes.constFirst());
    return {};
}

} // namespace

CommandLine CommandLine::parse(int argc, char *argv[])
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("What can Codex actually do on this machine?"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(commandLineOptions());

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        return CommandLine{.exitCode = 0, .output = helpText(parser)};
    if (parser.isSet(QStringLiteral("version")))
        return CommandLine{.exitCode = 0, .output = QStringLiteral("codex-posture %1\n").arg(Core::toolVersion())};
    const auto value = [&parser](const char *name) { return parser.value(QString::fromLatin1(name)); };
    const auto given = [&parser](const char *name) { return parser.isSet(QString::fromLatin1(name)); };
    if (given("codex-changes"))
        return codexChangesOutput(parser.positionalArguments(), value("report"));
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().constFirst()));

    CommandLine result;
    for (const OptionSpec &spec : Options) {
        if (given(spec.name))
            result.given.append(QString::fromLatin1(spec.name));
    }
    result.options = Core::InspectOptions{.codexHome = value("codex-home"),
        .home = value("home"),
        .cwd = value("cwd"),
        .profile = value("profile"),
        .systemRoot = value("system-root"),
        .cloudFile = value("cloud"),
        .codexVersion = value("codex-version"),
        .runPrograms = !given("no-live-probe"),
        .baselineFile = value("baseline"),
        .acceptFile = value("accept")};
    result.report = value("report");
    result.outputFile = value("output");
    result.redact = given("redact");
    result.screenshot = value("screenshot");
    result.dark = given("dark");
    result.fix = value("fix");
    result.dryRun = given("dry-run");
    result.yes = given("yes");
    result.undo = given("undo");
    result.removeBackups = given("remove-backups");
    result.patch = value("patch");
    if (given("fail-on")) {
        result.failOn = Core::severityFromName(value("fail-on"));
        if (!result.failOn)
            return usageError(QStringLiteral("--fail-on %1: not a severity (info, low, medium, high, critical)")
                    .arg(value("fail-on")));
    }
    if (const QString error = result.validate(); !error.isEmpty())
        return usageError(error);
    if (given("system-root") && !given("home") && !given("codex-home")) {
        if (const QString error = chooseHomeInCopy(result.options.systemRoot, result.notice); !error.isEmpty())
            return usageError(error);
    }
    return result;
}

QString CommandLine::validate() const
{
    const auto named = [this](const char *name) { return given.contains(QString::fromLatin1(name)); };
    const Core::ReportFormat *format = Core::reportFormat(report);
    if (named("report") && !format)
        return QStringLiteral("unknown report format '%1' (known: %2)").arg(report, Core::reportFormatNames());
    if ((named("output") || redact) && !named("report"))
        return QStringLiteral("--output and --redact go with --report");
    if (format && format->pdf && outputFile.isEmpty())
        return QStringLiteral("--report %1 needs --output FILE (a PDF is no text for a terminal)").arg(report);
    // A directory named on the command line must exist: a typo must not read as "no configuration".
    for (const auto &[name, path] : {std::pair{"codex-home", options.codexHome}, std::pair{"home", options.home},
             std::pair{"cwd", options.cwd}, std::pair{"system-root", options.systemRoot}}) {
        if (named(name) && !QFileInfo(path).isDir())
            return QStringLiteral("--%1 %2: no such directory").arg(QLatin1StringView(name), path);
    }
    for (const auto &[name, path] : {std::pair{"cloud", options.cloudFile}, std::pair{"accept", options.acceptFile}}) {
        if (named(name) && !QFileInfo(path).isFile())
            return QStringLiteral("--%1 %2: no such file").arg(QLatin1StringView(name), path);
    }
    if (named("baseline") && options.baselineFile != u"working-rule" && !QFileInfo(options.baselineFile).isFile())
        return QStringLiteral("--baseline %1: no such file (or use --baseline working-rule)").arg(options.baselineFile);
    if (QString error; named("codex-version") && !Core::CodexReleases::known().asked(options.codexVersion, &error))
        return error;
    if (dark && screenshot.isEmpty())
        return QStringLiteral("--dark goes with --screenshot (the window follows the system's colours)");
    if ((dryRun || named("patch")) && fix.isEmpty())
        return QStringLiteral("--dry-run and --patch go with --fix");
    if (yes && fix.isEmpty() && !removeBackups)
        return QStringLiteral("--yes goes with --fix or --remove-backups");
    if (removeBackups && (!fix.isEmpty() || undo))
        return QStringLiteral("--remove-backups goes alone (with --yes to remove)");
    if (named("patch") && (yes || dryRun))
        return QStringLiteral("--patch writes a patch instead of the files: leave out --yes and --dry-run");
    if (named("patch") && patch.isEmpty())
        return QStringLiteral("--patch needs a file name");
    // Nothing codex-posture writes goes into a copied machine: a report or a patch belongs beside it.
    const Core::SystemRoot copy(options.systemRoot);
    for (const QString &written : {outputFile, patch}) {
        if (const QString refusal = copy.writeRefusal(written, QStringLiteral("Write it outside the copy."));
            !refusal.isEmpty())
            return refusal;
    }
    return {};
}

} // namespace Posture::App
