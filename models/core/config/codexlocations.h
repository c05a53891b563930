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
    };

    QString codexHome;
    HomeSource source = HomeSource::HomeDirectory;
    // The home directory that goes with it (for editor settings): --home, the parent of a --codex-home named
    // .codex, else $HOME.
    QString home;

    QString userConfigPath() const;
    // "--codex-home", "$CODEX_HOME", ...: how codexHome was chosen, for reports.
    QString sourceDescription() const;

    static CodexLocations resolve(
        const QString &codexHomeOption, const QString &homeOption, const QProcessEnvironment &environment);
};

} // namespace Posture::Core
