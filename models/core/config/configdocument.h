// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/keypath.h"
#include "core/config/diagnostic.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>

namespace Posture::Core {

// One Codex TOML file as the user wrote it: the original bytes (never re-serialised, so nothing the user wrote is
// lost) and, when it parses, its values as a Qt tree (tables are QVariantMap, arrays QVariantList, integers qint64,
// dates QDate/QTime/QDateTime) with the line and column of every value. toml++ stays out of this header.
struct TomlTree; // configdocumenttree.h: toml++'s own tree of a parse, for the span editor

class ConfigDocument
{
public:
    enum class Status {
        Missing, // no file at the path: Codex uses its defaults
        Unreadable, // a directory, a dangling link, no permission, ...
        ParseError, // read, but not valid TOML
        Parsed,
    };

    // Reads and parses the file at path. Never throws; problems are in status() and problem().
    static ConfigDocument load(const QString &path);
    // Parses bytes as if they had been read from path; `parsed` is a parse of them when the caller has one (a fix's
    // proof): used only if it is of exactly these bytes, it spares toml++'s parse.
    static ConfigDocument fromBytes(
        const QByteArray &bytes, const QString &path, const std::shared_ptr<const TomlTree> &parsed = {});

    Status status() const { return m_status; }
    QString path() const { return m_path; }
    QByteArray bytes() const { return m_bytes; }
    // The text for display; bytes that are not UTF-8 show as U+FFFD.
    QString text() const { return QString::fromUtf8(m_bytes); }
    // Why the file could not be read or parsed, with file, line and column where known.
    std::optional<Diagnostic> problem() const { return m_problem; }

    // toml++'s tree of this parse (core-internal: configdocumenttree.h), which a guided fix's preview edits by instead
    // of parsing the file again; null unless Parsed.
    const std::shared_ptr<const TomlTree> &tree() const { return m_tree; }

    // The top-level table; empty unless Parsed.
    const QVariantMap &root() const { return m_root; }
    // Replaces the values (keeping bytes and locations): for merging a subset of a document.
    void setRoot(const QVariantMap &root) { m_root = root; }
    // The value at path, or an invalid QVariant.
    QVariant value(const KeyPath &path) const;
    // Where the value at path starts (its file always; line and column when the path exists).
    SourceLocation location(const KeyPath &path) const;
    // The same, for a path given by its keyPathHash (for walks over every value).
    SourceLocation locationOfHash(size_t pathHash) const;

    // What the parsed tree holds: values (leaves, arrays counted once) and tables (including inline ones).
    int valueCount() const;
    int tableCount() const;

private:
    QString m_path;
    QByteArray m_bytes;
    Status m_status = Status::Missing;
    std::optional<Diagnostic> m_problem;
    QVariantMap m_root;
    QHash<size_t, QPair<int, int>> m_positions; // keyPathHash → line, column
    std::shared_ptr<const TomlTree> m_tree;
};

} // namespace Posture::Core
