// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/tomlpp.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <string_view>

namespace Posture::Core {

// A TOML key's name or string value as a Qt string. Qt's UTF-8 decoder drops a byte order mark at the start of its
// input, but in a key or a string it is a character (Codex's parser keeps it): without it, "\u{FEFF}name" and "name"
// would be one key to the engine and two to Codex. Every key and string the core takes from toml++ goes through here.
inline QString fromTomlUtf8(std::string_view bytes)
{
    QString name = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    if (bytes.starts_with("\xEF\xBB\xBF") && !name.startsWith(QChar(0xFEFF)))
        name.prepend(QChar(0xFEFF));
    return name;
}

// A TOML file's bytes with what edits and checks need: where each line starts, its line ending, and toml++'s
// positions (line, column in code points, after a BOM) as byte offsets. Core-internal: it speaks toml++.
class TomlText
{
public:
    explicit TomlText(const QByteArray &bytes)
        : m_bytes(bytes)
    {
        m_starts.append(0);
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            if (bytes.at(i) == '\n')
                m_starts.append(i + 1);
        }
        const qsizetype crlf = bytes.count("\r\n");
        m_eol = crlf > 0 && crlf * 2 >= bytes.count('\n') ? QByteArrayLiteral("\r\n") : QByteArrayLiteral("\n");
        m_bom = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    }

    const QByteArray &bytes() const { return m_bytes; }
    QByteArray eol() const { return m_eol; }
    int lineCount() const { return int(m_starts.size()); }
    bool endsWithNewline() const { return m_bytes.endsWith('\n'); }
    qsizetype lineStart(int line) const { return line <= 1 ? m_bom : m_starts.at(line - 1); }
    // The offset after the line and its line ending (the next line's start, or the end of the file).
    qsizetype lineEnd(int line) const { return line < lineCount() ? m_starts.at(line) : m_bytes.size(); }
    // The line's text without its line ending.
    QByteArray line(int line) const
    {
        QByteArray text = m_bytes.mid(lineStart(line), lineEnd(line) - lineStart(line));
        while (text.endsWith('\n') || text.endsWith('\r'))
            text.chop(1);
        return text;
    }
    // toml++ counts columns in code points; this turns a position into a byte offset.
    qsizetype offset(const toml::source_position &position) const
    {
        qsizetype at = lineStart(int(position.line));
        for (toml::source_index column = 1; column < position.column && at < m_bytes.size(); ++column) {
            ++at;
            while (at < m_bytes.size() && (uchar(m_bytes.at(at)) & 0xC0) == 0x80)
                ++at; // continuation bytes of the same code point
        }
        return at;
    }

private:
    QByteArray m_bytes;
    QList<qsizetype> m_starts;
    QByteArray m_eol;
    qsizetype m_bom = 0;
};

} // namespace Posture::Core
