// SPDX-License-Identifier: Apache-2.0
#include "configdocument.h"

#include <QFile>
#include <QFileInfo>

#include <toml++/toml.hpp>

#include <string_view>

namespace Posture::Core {

namespace {

// Codex configuration files are a few kilobytes; a file this large is a mistake, not a config.
constexpr qint64 MaximumFileSize = 64 * 1024 * 1024;

Diagnostic fileProblem(const QString &path, const QString &text, const QString &hint)
{
    return Diagnostic{DiagnosticSeverity::Error, SourceLocation{path, 0, 0}, text, hint};
}

void countNode(const toml::node &node, int &values, int &tables)
{
    if (const toml::table *table = node.as_table()) {
        ++tables;
        for (auto &&[key, child] : *table)
            countNode(child, values, tables);
    } else {
        ++values;
    }
}

} // namespace

struct ConfigDocument::Parsed
{
    toml::table root;
};

ConfigDocument ConfigDocument::load(const QString &path)
{
    ConfigDocument document;
    document.m_path = path;
    const QString unchanged = QStringLiteral("Nothing was changed. ");
    const QFileInfo info(path);
    if (info.isSymLink() && !info.exists()) {
        document.m_status = Status::Unreadable;
        document.m_problem = fileProblem(path,
            QStringLiteral("is a symbolic link to %1, which does not exist").arg(info.symLinkTarget()),
            unchanged + QStringLiteral("Point the link at an existing file or remove it."));
        return document;
    }
    if (!info.exists())
        return document; // Missing: not an error, Codex runs on its defaults.
    if (info.isDir()) {
        document.m_status = Status::Unreadable;
        document.m_problem = fileProblem(path, QStringLiteral("is a directory, not a file"),
            unchanged + QStringLiteral("Codex expects a TOML file at this path."));
        return document;
    }
    if (!info.isFile()) {
        // A FIFO or a device would block or never end: never open one.
        document.m_status = Status::Unreadable;
        document.m_problem = fileProblem(path, QStringLiteral("is not a regular file (a pipe, socket or device)"),
            unchanged + QStringLiteral("Codex expects a TOML file at this path."));
        return document;
    }
    if (info.size() > MaximumFileSize) {
        document.m_status = Status::Unreadable;
        document.m_problem = fileProblem(path,
            QStringLiteral("is %1 MiB; a Codex configuration is a few kilobytes").arg(info.size() >> 20),
            unchanged + QStringLiteral("Check that this is the file you meant; files over 64 MiB are not read."));
        return document;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        document.m_status = Status::Unreadable;
        document.m_problem = fileProblem(path, QStringLiteral("cannot be read: %1").arg(file.errorString()),
            unchanged + QStringLiteral("Check the file's owner and permissions."));
        return document;
    }
    return fromBytes(file.readAll(), path);
}

ConfigDocument ConfigDocument::fromBytes(const QByteArray &bytes, const QString &path)
{
    ConfigDocument document;
    document.m_path = path;
    document.m_bytes = bytes;
    try {
        auto parsed = std::make_shared<Parsed>();
        parsed->root = toml::parse(std::string_view(bytes.constData(), size_t(bytes.size())), path.toStdString());
        document.m_parsed = std::move(parsed);
        document.m_status = Status::Parsed;
    } catch (const toml::parse_error &error) {
        const toml::source_position begin = error.source().begin;
        document.m_status = Status::ParseError;
        document.m_problem = Diagnostic{
            DiagnosticSeverity::Error,
            SourceLocation{path, int(begin.line), int(begin.column)},
            QString::fromUtf8(error.description().data(), qsizetype(error.description().size())),
            QStringLiteral("Codex refuses to start while this file is not valid TOML. Fix the syntax at this "
                           "line, then reload."),
        };
    }
    return document;
}

int ConfigDocument::valueCount() const
{
    int values = 0;
    int tables = 0;
    if (m_parsed)
        countNode(m_parsed->root, values, tables);
    return values;
}

int ConfigDocument::tableCount() const
{
    int values = 0;
    int tables = 0;
    if (!m_parsed)
        return 0;
    countNode(m_parsed->root, values, tables);
    return tables - 1; // the root is not a table the user wrote
}

} // namespace Posture::Core
