// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/diagnostic.h"

#include <QVariantMap>

namespace Posture::Core {

// The chatgpt.* settings of one editor of the VS Code family (the Codex extension's settings).
struct EditorSettings
{
    QString editor; // "VS Code", "Cursor", ...
    QString path; // its user settings.json
    QVariantMap codexSettings; // the chatgpt.* keys, secrets masked
    std::optional<Diagnostic> problem; // the file could not be read or parsed
};

// One installed copy of the Codex extension (openai.chatgpt) and the codex binary it bundles.
struct IdeExtension
{
    QString editor;
    QString directory;
    QString version; // the extension's version, from its folder name
    QString bundledCodex; // the codex binary inside it, or empty
};

// What is known about the IDE extension locally. The extension reads the same config layers as the CLI; the modes
// are as documented (docs/reference/codex-config.md §6), not observed.
struct IdeSurface
{
    QList<EditorSettings> editors; // only editors whose settings.json exists
    QList<IdeExtension> extensions;

    static IdeSurface discover(const QString &home);
};

} // namespace Posture::Core
