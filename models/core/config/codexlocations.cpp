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
    }
    Q_UNREACHABLE_RETURN(QString());
}

CodexLocations CodexLocations::resolve(
    const QString &codexHomeOption, const QString &homeOption, const QProcessEnvironment &environment)
{
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
