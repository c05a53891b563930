// SPDX-License-Identifier: Apache-2.0
#include "core/surfaces/idesurface.h"

#include "core/common/secrets.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace Posture::Core {

namespace {

struct Place
{
    const char *editor;
    const char *path; // relative to the home directory
};

// Where each editor keeps its user settings (Linux, macOS, then Windows below the user profile).
constexpr Place SettingsPlaces[] = {
    {"VS Code", ".config/Code/User/settings.json"},
    {"VS Code Insiders", ".config/Code - Insiders/User/settings.json"},
    {"Code - OSS", ".config/Code - OSS/User/settings.json"},
    {"VSCodium", ".config/VSCodium/User/settings.json"},
    {"Cursor", ".config/Cursor/User/settings.json"},
    {"Windsurf", ".config/Windsurf/User/settings.json"},
    {"VS Code", "Library/Application Support/Code/User/settings.json"},
    {"Cursor", "Library/Application Support/Cursor/User/settings.json"},
    {"Windsurf", "Library/Application Support/Windsurf/User/settings.json"},
    {"VS Code", "AppData/Roaming/Code/User/settings.json"},
    {"Cursor", "AppData/Roaming/Cursor/User/settings.json"},
};

// Where each editor installs extensions.
constexpr Place ExtensionPlaces[] = {
    {"VS Code", ".vscode/extensions"},
    {"VS Code Insiders", ".vscode-insiders/extensions"},
    {"Code - OSS / VSCodium", ".vscode-oss/extensions"},
    {"Cursor", ".cursor/extensions"},
    {"Windsurf", ".windsurf/extensions"},
    {"VS Code Server", ".vscode-server/extensions"},
    {"Cursor Server", ".cursor-server/extensions"},
};

// settings.json is JSON with comments and trailing commas, which QJsonDocument rejects; this removes both and keeps
// every other byte (and so every offset a parse error reports).
QByteArray stripJsonComments(const QByteArray &text)
{
    QByteArray out = text;
    bool inString = false;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const char c = out.at(i);
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '/' && i + 1 < out.size() && out.at(i + 1) == '/') {
            while (i < out.size() && out.at(i) != '\n')
                out[i++] = ' ';
        } else if (c == '/' && i + 1 < out.size() && out.at(i + 1) == '*') {
            const qsizetype end = out.indexOf("*/", i + 2);
            const qsizetype stop = end < 0 ? out.size() : end + 2;
            for (; i < stop; ++i) {
                if (out.at(i) != '\n')
                    out[i] = ' ';
            }
            --i;
        } else if (c == ',') {
            qsizetype next = i + 1;
            while (next < out.size() && QChar::isSpace(uchar(out.at(next))))
                ++next;
            if (next < out.size() && (out.at(next) == '}' || out.at(next) == ']'))
                out[i] = ' ';
        }
    }
    return out;
}

SourceLocation locationOfOffset(const QString &path, const QByteArray &text, qsizetype offset)
{
    const QByteArray before = text.left(offset);
    const int line = int(before.count('\n')) + 1;
    return {path, line, int(offset - before.lastIndexOf('\n'))};
}

EditorSettings readSettings(const QString &editor, const QString &path)
{
    EditorSettings settings{editor, path, {}, std::nullopt};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        settings.problem = Diagnostic{DiagnosticSeverity::Warning, {path, 0, 0},
            QStringLiteral("cannot be read: %1").arg(file.errorString()), QString()};
        return settings;
    }
    const QByteArray text = stripJsonComments(file.read(16 * 1024 * 1024));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        settings.problem = Diagnostic{DiagnosticSeverity::Warning, locationOfOffset(path, text, error.offset),
            QStringLiteral("is not valid JSON: %1").arg(error.errorString()),
            QStringLiteral("The editor's settings could not be read; the Codex extension's settings are unknown.")};
        return settings;
    }
    const QVariantMap all = document.object().toVariantMap();
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (it.key().startsWith(u"chatgpt."))
            settings.codexSettings.insert(it.key(), Secrets::mask({it.key()}, it.value()));
    }
    return settings;
}

QString bundledCodex(const QString &directory)
{
    QDirIterator it(
        directory, {QStringLiteral("codex"), QStringLiteral("codex.exe")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (info.isExecutable())
            return info.absoluteFilePath();
    }
    return {};
}

} // namespace

IdeSurface IdeSurface::discover(const QString &home)
{
    IdeSurface surface;
    for (const Place &place : SettingsPlaces) {
        const QString path = home + u'/' + QLatin1StringView(place.path);
        if (QFileInfo(path).isFile())
            surface.editors.append(readSettings(QLatin1StringView(place.editor), path));
    }
    for (const Place &place : ExtensionPlaces) {
        const QDir extensions(home + u'/' + QLatin1StringView(place.path));
        for (const QString &name : extensions.entryList({QStringLiteral("openai.chatgpt-*")}, QDir::Dirs, QDir::Name)) {
            // openai.chatgpt-0.4.12 or openai.chatgpt-0.4.12-linux-x64
            const QString version = name.mid(int(sizeof("openai.chatgpt-")) - 1).section(u'-', 0, 0);
            const QString directory = extensions.filePath(name);
            surface.extensions.append({QLatin1StringView(place.editor), directory, version, bundledCodex(directory)});
        }
    }
    return surface;
}

} // namespace Posture::Core
