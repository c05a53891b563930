// SPDX-License-Identifier: Apache-2.0
#include "core/config/codexlocations.h"

#include <QDir>
#include <QFileInfo>

namespace Posture::Core {

namespace {

QString absoluteClean(const QString &path)
{
    return QDir::cleanPath(QDir(path).absolutePath());
}

} // namespace

QString canonicalPath(const QString &path)
{
    const QString resolved = QFileInfo(path).canonicalFilePath();
    return resolved.isEmpty() ? absoluteClean(path) : resolved;
}

bool isPathInside(const QString &path, const QString &directory)
{
    return !directory.isEmpty() && (path == directory || path.startsWith(directory + u'/'));
}

QString CodexLocations::userConfigPath() const
{
    return codexHome + QStringLiteral("/config.toml");
}

QString CodexLocations::sourceDescription() const
{
    switch (source) {
    case HomeSource::CodexHomeOption:
        return QStringLiteral("--codex-home");
    case HomeSource::HomeOption:
        return QStringLiteral("--home");
    case HomeSource::CodexHomeVariable:
        return QStringLiteral("$CODEX_HOME");
    case HomeSource::HomeDirectory:
        return QStringLiteral("$HOME");
    case HomeSource::HomeInCopy:
        return QStringLiteral("--system-root (its only home)");
    case HomeSource::NoHomeInCopy:
        return QStringLiteral("--system-root (no home found)");
    case HomeSource::SeveralHomesInCopy:
        return QStringLiteral("--system-root (several homes, none chosen)");
    }
    Q_UNREACHABLE_RETURN(QString());
}

QString CodexLocations::defaultCwd(const QString &systemRoot) const
{
    if (systemRoot.isEmpty())
        return QDir::currentPath();
    return source == HomeSource::HomeInCopy || isPathInside(home, absoluteClean(systemRoot))
        ? home
        : absoluteClean(systemRoot);
}

QStringList CodexLocations::findHomesInCopy(const QString &systemRoot)
{
    QStringList homes;
    const QString root = absoluteClean(systemRoot);
    for (const QString &parent : {QStringLiteral("/home"), QStringLiteral("/Users")}) {
        const QDir directory(root + parent);
        for (const QString &name : directory.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name)) {
            if (QFileInfo(directory.filePath(name) + QStringLiteral("/.codex")).isDir())
                homes.append(directory.filePath(name));
        }
    }
    if (QFileInfo(root + QStringLiteral("/root/.codex")).isDir())
        homes.append(root + QStringLiteral("/root"));
    return homes;
}

CodexLocations CodexLocations::resolve(const QString &codexHomeOption, const QString &homeOption,
    const QProcessEnvironment &environment, const QString &systemRoot)
{
    if (!systemRoot.isEmpty() && codexHomeOption.isEmpty() && homeOption.isEmpty()) {
        // A copied machine: its own home, never the live one (neither $HOME nor $CODEX_HOME).
        const QStringList homes = findHomesInCopy(systemRoot);
        if (homes.size() == 1)
            return {homes.constFirst() + QStringLiteral("/.codex"), HomeSource::HomeInCopy, homes.constFirst(), homes};
        // No home to read: a place inside the copy that holds none.
        const QString none = absoluteClean(systemRoot) + QStringLiteral("/.codex-posture-no-home-chosen");
        return {none + QStringLiteral("/.codex"),
            homes.isEmpty() ? HomeSource::NoHomeInCopy : HomeSource::SeveralHomesInCopy, none, homes};
    }
    QString home = environment.value(QStringLiteral("HOME"));
    if (home.isEmpty())
        home = QDir::homePath();
    home = absoluteClean(home);
    if (!codexHomeOption.isEmpty()) {
        const QString codexHome = absoluteClean(codexHomeOption);
        if (!homeOption.isEmpty())
            home = absoluteClean(homeOption);
        else if (codexHome.endsWith(QStringLiteral("/.codex")))
            home = codexHome.chopped(int(sizeof("/.codex")) - 1);
        return {codexHome, HomeSource::CodexHomeOption, home};
    }
    if (!homeOption.isEmpty()) {
        home = absoluteClean(homeOption);
        return {home + QStringLiteral("/.codex"), HomeSource::HomeOption, home};
    }
    const QString variable = environment.value(QStringLiteral("CODEX_HOME"));
    if (!variable.isEmpty())
        return {absoluteClean(variable), HomeSource::CodexHomeVariable, home};
    return {home + QStringLiteral("/.codex"), HomeSource::HomeDirectory, home};
}

} // namespace Posture::Core
