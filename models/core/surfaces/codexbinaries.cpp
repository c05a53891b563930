// SPDX-License-Identifier: Apache-2.0
#include "core/surfaces/codexbinaries.h"

#include "core/common/probeprocess.h"
#include "core/config/codexlocations.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace Posture::Core::CodexBinaries {

QList<CodexBinary> find(
    const QString &pathVariable, const QString &cwd, const QString &codexHome, const QList<IdeExtension> &extensions)
{
    QList<CodexBinary> binaries;
    QStringList seen;
    const auto add = [&](const QString &path, const QString &source) {
        const QFileInfo info(path);
        const QString canonical = info.canonicalFilePath();
        if (!info.isFile() || !info.isExecutable() || seen.contains(canonical))
            return;
        seen.append(canonical);
        binaries.append({info.absoluteFilePath(), source, {}, {}});
    };
    const QString canonicalCwd = QFileInfo(cwd).canonicalFilePath();
    for (const QString &directory : pathVariable.split(u':', Qt::SkipEmptyParts)) {
        // A relative PATH entry, or one inside the project, could hold a binary the project planted.
        const QString canonical = QFileInfo(directory).canonicalFilePath();
        if (QDir::isRelativePath(directory) || isPathInside(canonical, canonicalCwd))
            continue;
        add(directory + QStringLiteral("/codex"), QStringLiteral("PATH"));
    }
    for (const IdeExtension &extension : extensions) {
        if (!extension.bundledCodex.isEmpty())
            add(extension.bundledCodex, extension.editor + QStringLiteral(" extension"));
    }
    QDirIterator standalone(codexHome + QStringLiteral("/packages/standalone/releases"), {QStringLiteral("codex")},
        QDir::Files, QDirIterator::Subdirectories);
    while (standalone.hasNext())
        add(standalone.next(), QStringLiteral("standalone install"));
    return binaries;
}

void askVersions(QList<CodexBinary> &binaries, int timeoutMs)
{
    static const QRegularExpression version(QStringLiteral("(\\d+\\.\\d+\\.\\d+[0-9A-Za-z.+-]*)"));
    for (CodexBinary &binary : binaries) {
        QTemporaryDir emptyHome;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), emptyHome.path());
        environment.insert(QStringLiteral("CODEX_HOME"), emptyHome.path());
        environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        const ProbeProcess process =
            ProbeProcess::run(binary.path, {QStringLiteral("--version")}, environment, emptyHome.path(), timeoutMs);
        const QRegularExpressionMatch match = version.match(process.output.trimmed());
        if (process.state == ProbeProcess::State::FailedToStart)
            binary.error = QStringLiteral("could not be started: %1").arg(process.why);
        else if (process.state == ProbeProcess::State::TimedOut)
            binary.error = process.why;
        else if (process.succeeded() && match.hasMatch())
            binary.version = match.captured(1);
        else
            binary.error = QStringLiteral("answered no version (exit status %1)").arg(process.exitCode);
    }
}

} // namespace Posture::Core::CodexBinaries
