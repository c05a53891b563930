// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/surfaces/idesurface.h"

namespace Posture::Core {

// A codex binary on this machine and the version it reports.
struct CodexBinary
{
    QString path;
    QString source; // "PATH", "VS Code extension", "standalone install", ...
    QString version; // "0.171.0"; empty when not asked or not answered
    QString error; // why there is no version: "not run (--no-live-probe)", "timed out after 5 s", ...

    // Bundled with an IDE extension (source "<editor> extension"): the IDE's codex, not the CLI's.
    bool bundledWithExtension() const { return source.endsWith(QStringLiteral("extension")); }
};

namespace CodexBinaries {

// Every codex binary Codex's users may run: on PATH (absolute entries outside cwd only), bundled with IDE
// extensions, and standalone installs under the Codex home.
QList<CodexBinary> find(
    const QString &pathVariable, const QString &cwd, const QString &codexHome, const QList<IdeExtension> &extensions);

// Asks each binary `--version`, with nothing else on its command line, a fresh empty HOME and a timeout. This is
// the only program codex-posture starts for the engine; nothing the configuration names is ever run.
void askVersions(QList<CodexBinary> &binaries, int timeoutMs);

} // namespace CodexBinaries

} // namespace Posture::Core
