// SPDX-License-Identifier: Apache-2.0
#include "core/sandbox/liveprobes.h"

#include "core/config/codexlocations.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace Posture::Core {

namespace LiveProbes {

namespace {

QProcessEnvironment minimalEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    return environment;
}

// Where a write must fail under :workspace: not below /tmp or $TMPDIR, which :workspace may write.
QString outsideBase(const QProcessEnvironment &environment)
{
    const QStringList writableByWorkspace{QStringLiteral("/tmp"), QFileInfo(QDir::tempPath()).canonicalFilePath(),
        QFileInfo(environment.value(QStringLiteral("TMPDIR"))).canonicalFilePath()};
    const QStringList candidates{
        QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/codex-posture"),
        QStringLiteral("/var/tmp")};
    for (const QString &candidate : candidates) {
        QDir().mkpath(candidate);
        const QFileInfo info(candidate);
        const QString canonical = info.canonicalFilePath();
        if (canonical.isEmpty() || !info.isWritable())
            continue;
        if (std::none_of(writableByWorkspace.cbegin(), writableByWorkspace.cend(),
                [&canonical](const QString &root) { return isPathInside(canonical, root); }))
            return canonical;
    }
    return {};
}

LiveResults::Trial runTrial(const HostFacts &facts, const QProcessEnvironment &environment, int timeoutMs)
{
    LiveResults::Trial trial;
    const QString codex = facts.codexPath;
    if (codex.isEmpty()) {
        trial.process = ProbeProcess::notRun(QStringLiteral("codex"), QStringLiteral("no codex binary found"));
        return trial;
    }
    if (facts.platform == HostPlatform::Windows) {
        trial.process = ProbeProcess::notRun(codex, QStringLiteral("not implemented on Windows yet"));
        return trial;
    }
    const QString base = outsideBase(environment);
    if (base.isEmpty()) {
        trial.process = ProbeProcess::notRun(
            codex, QStringLiteral("no writable directory outside /tmp and $TMPDIR to try a write outside"));
        return trial;
    }
    QTemporaryDir workspace;
    QTemporaryDir scratch(base + QStringLiteral("/probe-XXXXXX")); // a fresh Codex home and the outside target
    if (!workspace.isValid() || !scratch.isValid()) {
        trial.process = ProbeProcess::notRun(codex, QStringLiteral("could not create temporary directories"));
        return trial;
    }
    trial.workspace = QFileInfo(workspace.path()).canonicalFilePath();
    const QString home = scratch.filePath(QStringLiteral("home"));
    trial.outside = scratch.filePath(QStringLiteral("outside"));
    QDir().mkpath(home + QStringLiteral("/.codex"));
    QDir().mkpath(trial.outside);

    // Codex finds bwrap on PATH as the user's own Codex would; its home is empty, so no configuration is read.
    QProcessEnvironment codexEnvironment = minimalEnvironment();
    codexEnvironment.insert(
        QStringLiteral("PATH"), environment.value(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin")));
    codexEnvironment.insert(QStringLiteral("HOME"), home);
    codexEnvironment.insert(QStringLiteral("CODEX_HOME"), home + QStringLiteral("/.codex"));
    // Subshells: a failed redirection must not end the script before it reports.
    static const QString script =
        QStringLiteral("(echo x > \"$1/inside\"); i=$?; (echo x > \"$2/outside\") 2>/dev/null; o=$?; "
                       "echo \"codex-posture-probe $i $o\"");
    trial.process = ProbeProcess::run(codex,
        {QStringLiteral("sandbox"), QStringLiteral("-P"), QStringLiteral(":workspace"), QStringLiteral("-C"),
            trial.workspace, QStringLiteral("--"), QStringLiteral("/bin/sh"), QStringLiteral("-c"), script,
            QStringLiteral("codex-posture-probe"), trial.workspace, trial.outside},
        codexEnvironment, trial.workspace, timeoutMs);
    // The files on disk are the evidence; the command's own line only says that it ran.
    trial.commandRan = trial.process.output.contains(QStringLiteral("codex-posture-probe "));
    trial.insideWritten = QFileInfo::exists(trial.workspace + QStringLiteral("/inside"));
    trial.outsideWritten = QFileInfo::exists(trial.outside + QStringLiteral("/outside"));
    return trial;
}

} // namespace

void refineBubblewrap(HostFacts &facts, int timeoutMs)
{
    Bubblewrap &bwrap = facts.bwrap;
    if (facts.platform != HostPlatform::Linux || bwrap.source == Bubblewrap::Source::None)
        return;
    if (!bwrap.systemPath.isEmpty() && bwrap.systemSkipped.isEmpty()) {
        const ProbeProcess help = ProbeProcess::run(
            bwrap.systemPath, {QStringLiteral("--help")}, minimalEnvironment(), QDir::rootPath(), timeoutMs);
        const QString text = help.output + help.errorOutput;
        for (const QString &option : {QStringLiteral("--perms"), QStringLiteral("--as-pid-1")}) {
            if (help.state == ProbeProcess::State::Finished && !text.contains(option)) {
                bwrap.passOverSystem(QStringLiteral("its --help lacks %1").arg(option));
                break;
            }
        }
    }
    if (bwrap.path.isEmpty())
        return;
    const ProbeProcess version =
        ProbeProcess::run(bwrap.path, {QStringLiteral("--version")}, minimalEnvironment(), QDir::rootPath(), timeoutMs);
    if (version.state != ProbeProcess::State::Finished) {
        bwrap.versionText = QStringLiteral("--version: %1").arg(version.why);
        return;
    }
    bwrap.versionText = QString(version.output + version.errorOutput).trimmed().section(u'\n', 0, 0);
    static const QRegularExpression number(QStringLiteral("(\\d+\\.\\d+(?:\\.\\d+)?)"));
    bwrap.version = number.match(bwrap.versionText).captured(1);
}

LiveResults run(const HostFacts &facts, const QProcessEnvironment &environment, int timeoutMs)
{
    LiveResults results;
    results.attempted = true;
    if (facts.platform == HostPlatform::Linux) {
        if (facts.bwrap.path.isEmpty()) {
            results.userNamespace =
                ProbeProcess::notRun(QStringLiteral("bwrap"), QStringLiteral("no bubblewrap found"));
        } else {
            QTemporaryDir directory;
            results.userNamespace = ProbeProcess::run(facts.bwrap.path,
                {QStringLiteral("--unshare-user"), QStringLiteral("--unshare-net"), QStringLiteral("--ro-bind"),
                    QStringLiteral("/"), QStringLiteral("/"), QStringLiteral("/bin/true")},
                minimalEnvironment(), directory.path(), timeoutMs);
        }
    }
    results.codexSandbox = runTrial(facts, environment, timeoutMs);
    return results;
}

} // namespace LiveProbes

} // namespace Posture::Core
