// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace Posture::Core {

// A path with links resolved, as Codex compares paths; for a path that does not exist, its cleaned absolute form.
QString canonicalPath(const QString &path);

// Whether path is directory or lies below it (both already clean or canonical); never for an empty directory.
bool isPathInside(const QString &path, const QString &directory);

// Where the Codex home is, and why there: an explicit option beats the environment, so that a reviewer pointing the
// tool at a copied home never mixes in the live machine's $CODEX_HOME.
struct CodexLocations
{
    enum class HomeSource {
        CodexHomeOption, // --codex-home DIR
        HomeOption, // --home DIR: DIR/.codex
        CodexHomeVariable, // $CODEX_HOME
        HomeDirectory, // $HOME/.codex
        // A copied machine (--system-root DIR) without --home or --codex-home: the one home inside DIR with a .codex
        // folder, or none of them when there are none or several (the live machine's home is never read then).
        HomeInCopy,
        NoHomeInCopy,
        SeveralHomesInCopy,
    };

    QString codexHome;
    HomeSource source = HomeSource::HomeDirectory;
    // The home directory that goes with it (for editor settings): --home, the parent of a --codex-home named
    // .codex, else $HOME.
    QString home;

    // The homes found in the copied machine (HomeInCopy, SeveralHomesInCopy).
    QStringList homesInCopy;

    QString userConfigPath() const;
    // The directory Codex is judged as started in when --cwd is not given: the current one, or in a copied machine
    // the home found there (never a directory of the live machine).
    QString defaultCwd(const QString &systemRoot) const;
    // "--codex-home", "$CODEX_HOME", ...: how codexHome was chosen, for reports.
    QString sourceDescription() const;

    // systemRoot: a copied machine; without the two options its home is looked for inside it (findHomesInCopy).
    static CodexLocations resolve(const QString &codexHomeOption, const QString &homeOption,
        const QProcessEnvironment &environment, const QString &systemRoot = {});

    // The homes of a copied machine, sorted: DIR/home/*, DIR/Users/* and DIR/root, each holding a .codex folder.
    static QStringList findHomesInCopy(const QString &systemRoot);
};

} // namespace Posture::Core
