// SPDX-License-Identifier: Apache-2.0
#include "core/config/tomleditor.h"

#include "core/config/configdocument.h"
#include "core/config/configdocumenttree.h"
#include "core/config/tomltext.h"

#include <QRegularExpression>

#include <cmath>

namespace Posture::Core {

namespace {

struct Header
{
    int line = 0;
    KeyPath path;
    bool array = false;
};

// Every [table] and [[array]] header line, with the key path it names (parsed by toml++ itself, so quoting and
// escapes mean what they mean in TOML).
QList<Header> headersOf(const TomlText &text)
{
    QList<Header> headers;
    for (int line = 1; line <= text.lineCount(); ++line) {
        // A header line starts with `[` after blanks (a byte scan: a 1 MB file has tens of thousands of lines).
        const QByteArray content = text.line(line);
        qsizetype first = 0;
        while (first < content.size() && (content.at(first) == ' ' || content.at(first) == '\t'))
            ++first;
        if (first >= content.size() || content.at(first) != '[')
            continue;
        const bool array = first + 1 < content.size() && content.at(first + 1) == '[';
        // Only the header itself: cut at the closing bracket that is followed by nothing but a comment.
        toml::table parsed;
        try {
            std::string source(content.constData(), size_t(content.size()));
            parsed = toml::parse(source);
        } catch (const toml::parse_error &) {
            continue; // a line inside a multi-line string or array that only looks like a header
        }
        Header entry{line, {}, array};
        const toml::node *node = &parsed;
        while (node) {
            const toml::table *table = node->as_table();
            const toml::array *list = node->as_array();
            if (list && list->size() == 1)
                table = (*list)[0].as_table();
            if (!table || table->size() != 1)
                break;
            const auto only = table->begin(); // the iterator owns the key/value pair it hands out
            const std::string_view key = only->first.str();
            entry.path.append(fromTomlUtf8(key));
            node = &only->second;
        }
        if (!entry.path.isEmpty())
            headers.append(entry);
    }
    return headers;
}

// The child of a table at a key as ConfigDocument names it (fromTomlUtf8: the same bytes).
const toml::node *child(const toml::table &table, const QString &key)
{
    return table.get(key.toStdString());
}

const toml::node *find(const toml::table &root, const KeyPath &path)
{
    const toml::node *node = &root;
    for (const QString &key : path) {
        const toml::table *table = node ? node->as_table() : nullptr;
        if (!table)
            return nullptr;
        node = child(*table, key);
    }
    return node;
}

QByteArray keyText(const QString &key)
{
    static const QRegularExpression bare(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (bare.match(key).hasMatch())
        return key.toUtf8();
    return TomlEditor::render(key);
}

QByteArray dotted(const KeyPath &path)
{
    QByteArrayList keys;
    for (const QString &key : path)
        keys.append(keyText(key));
    return keys.join('.');
}

TomlEditor::Result refuse(const QByteArray &original, const QString &why, int line = 0, int column = 0)
{
    return {original,
        Diagnostic{DiagnosticSeverity::Error, SourceLocation{QString(), line, column}, why,
            QStringLiteral("Nothing was changed."), QStringLiteral("edit-refused"), {}}};
}

// Equality of values, where nan equals nan (a file holding nan must still be editable).
bool sameValue(const QVariant &a, const QVariant &b)
{
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double && std::isnan(a.toDouble())
        && std::isnan(b.toDouble()))
        return true;
    if (a.typeId() == QMetaType::QVariantMap && b.typeId() == QMetaType::QVariantMap) {
        const QVariantMap x = a.toMap();
        const QVariantMap y = b.toMap();
        if (x.size() != y.size())
            return false;
        for (auto it = x.cbegin(); it != x.cend(); ++it) {
            if (!y.contains(it.key()) || !sameValue(it.value(), y.value(it.key())))
                return false;
        }
        return true;
    }
    if (a.typeId() == QMetaType::QVariantList && b.typeId() == QMetaType::QVariantList) {
        const QVariantList x = a.toList();
        const QVariantList y = b.toList();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameValue(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    return a == b;
}

// Equality of parsed values, where nan equals nan as above. Types must match: an integer is not the float of the same
// value.
bool same(const toml::node &a, const toml::node &b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case toml::node_type::table: {
        const toml::table &x = *a.as_table();
        const toml::table &y = *b.as_table();
        if (x.size() != y.size())
            return false;
        // Both are ordered by key: compared side by side.
        for (auto i = x.cbegin(), j = y.cbegin(); i != x.cend(); ++i, ++j) {
            if (i->first != j->first || !same(i->second, j->second))
                return false;
        }
        return true;
    }
    case toml::node_type::array: {
        const toml::array &x = *a.as_array();
        const toml::array &y = *b.as_array();
        if (x.size() != y.size())
            return false;
        for (size_t i = 0; i < x.size(); ++i) {
            if (!same(x[i], y[i]))
                return false;
        }
        return true;
    }
    case toml::node_type::floating_point: {
        const double x = a.as_floating_point()->get();
        const double y = b.as_floating_point()->get();
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    case toml::node_type::string:
        return *a.as_string() == *b.as_string();
    case toml::node_type::integer:
        return *a.as_integer() == *b.as_integer();
    case toml::node_type::boolean:
        return *a.as_boolean() == *b.as_boolean();
    case toml::node_type::date:
        return *a.as_date() == *b.as_date();
    case toml::node_type::time:
        return *a.as_time() == *b.as_time();
    case toml::node_type::date_time:
        return *a.as_date_time() == *b.as_date_time();
    case toml::node_type::none:
        break;
    }
    return true;
}

// Whether `after` holds exactly what `before` holds (nullptr: a table the edit creates), except at path from index on:
// `wanted` there (nullptr: nothing). Every key beside the path is compared whole; along the path only the one key.
bool sameExcept(
    const toml::table *before, const toml::table &after, const KeyPath &path, qsizetype index, const toml::node *wanted)
{
    const toml::node *was = before ? child(*before, path.at(index)) : nullptr;
    const toml::node *now = child(after, path.at(index));
    const size_t others = before ? before->size() - (was ? 1 : 0) : 0;
    if (after.size() != others + (now ? 1 : 0))
        return false;
    if (before) {
        for (const auto &[name, value] : *before) {
            if (&value == was)
                continue;
            const toml::node *other = after.get(name.str());
            if (!other || !same(value, *other))
                return false;
        }
    }
    if (index == path.size() - 1)
        return wanted ? now && same(*wanted, *now) : !now;
    if (!now || !now->is_table() || (was && !was->is_table()))
        return false;
    return sameExcept(was ? was->as_table() : nullptr, *now->as_table(), path, index + 1, wanted);
}

// The edit is kept only if the text parses as Codex would read it and means the original (`before`, already parsed)
// with exactly this one change: `wanted` at path (nullptr: the key removed).
TomlEditor::Result proven(const QByteArray &original, const toml::table &before, const QByteArray &edited,
    const KeyPath &path, const toml::node *wanted, qsizetype spanBegin, qsizetype spanEnd)
{
    // toml++'s trees are compared: the edited text is parsed, but not turned into Qt values.
    auto after = std::make_shared<TomlTree>();
    if (const std::optional<Diagnostic> problem = after->parse(edited))
        return refuse(original,
            QStringLiteral("the edit would make the file invalid TOML (%1); it was not written").arg(problem->text));
    if (!sameExcept(&before, after->table, path, 0, wanted))
        return refuse(original,
            QStringLiteral("the edit would change more than `%1`; it was not written").arg(keyPathToString(path)));
    return {edited, std::nullopt, spanBegin, spanEnd, std::move(after)};
}

// The value as the parser reads it back (an int becomes a 64-bit integer, and so on): `v = value` parsed.
struct Normalised
{
    Q_DISABLE_COPY_MOVE(Normalised) // node points into tree
    explicit Normalised(const QVariant &value)
    {
        if (!tree.parse("v = " + TomlEditor::render(value) + '\n'))
            node = tree.table.get("v");
    }
    TomlTree tree;
    const toml::node *node = nullptr; // nullptr when the value cannot be written as TOML
};

// The original, parsed once: toml++'s tree with the positions the edits are made by, which also proves each edit.
struct Parsed
{
    std::shared_ptr<const TomlTree> tree;
    const TomlText *text = nullptr;
    std::optional<Diagnostic> problem;
    const toml::table &root() const { return tree->table; }
    // The header lines, found when an insertion asks for them (a value replaced in place needs none).
    const QList<Header> &headers() const
    {
        if (!m_headers)
            m_headers = headersOf(*text);
        return *m_headers;
    }

private:
    mutable std::optional<QList<Header>> m_headers;
};

// The caller's parse of exactly these bytes when it has one (a document the inspection read, the previous edit's
// proof), else a parse of its own.
Parsed parse(const QByteArray &bytes, const TomlText &text, const std::shared_ptr<const TomlTree> &given)
{
    Parsed parsed;
    if (given && given->bytes == bytes) {
        parsed.tree = given;
    } else {
        auto tree = std::make_shared<TomlTree>();
        parsed.problem = tree->parse(bytes);
        if (parsed.problem) {
            parsed.problem->hint = QStringLiteral("Nothing was changed: fix the syntax at this line first.");
            return parsed;
        }
        parsed.tree = std::move(tree);
    }
    parsed.text = &text;
    return parsed;
}

// Nothing to change: the original, and its parse for the next edit.
TomlEditor::Result unchanged(const QByteArray &original, const Parsed &parsed)
{
    return {original, std::nullopt, 0, 0, parsed.tree};
}

const Header *headerFor(const QList<Header> &headers, const KeyPath &path)
{
    for (const Header &header : headers) {
        if (!header.array && header.path == path)
            return &header;
    }
    return nullptr;
}

// The last line of the section that starts after `line` (the next header's line minus one, or the last line).
int sectionEnd(const QList<Header> &headers, int line, int lineCount)
{
    for (const Header &header : headers) {
        if (header.line > line)
            return header.line - 1;
    }
    return lineCount;
}

// The last line any value below `node` ends on, among lines first..last.
int lastValueLine(const toml::node &node, int first, int last)
{
    int result = 0;
    const auto consider = [&](const toml::node &value) {
        const int begin = int(value.source().begin.line);
        const int end = int(value.source().end.line);
        if (begin >= first && begin <= last)
            result = std::max(result, end);
    };
    if (const toml::table *table = node.as_table()) {
        for (const auto &[key, child] : *table) {
            if (child.is_table() && !child.as_table()->is_inline())
                result = std::max(result, lastValueLine(child, first, last));
            else
                consider(child);
        }
    }
    return result;
}

// Where a new top-level key goes: after the last top-level value, else before the comment block above the first
// header (so the header keeps its comment), else at the end.
int rootInsertLine(const Parsed &parsed, const TomlText &text)
{
    const int firstHeader = parsed.headers().isEmpty() ? text.lineCount() + 1 : parsed.headers().constFirst().line;
    const int last = lastValueLine(parsed.root(), 1, firstHeader - 1);
    if (last > 0)
        return last;
    int line = firstHeader - 1;
    while (line >= 1 && text.line(line).trimmed().startsWith('#'))
        --line;
    return line; // insert after this line (0: at the very start)
}

QByteArray insertAfterLine(const TomlText &text, int line, const QByteArray &newLine)
{
    QByteArray bytes = text.bytes();
    if (bytes.isEmpty())
        return newLine + text.eol();
    if (line <= 0)
        return bytes.insert(text.lineStart(1), newLine + text.eol());
    const qsizetype at = text.lineEnd(line);
    if (at == bytes.size() && !text.endsWithNewline())
        return bytes + text.eol() + newLine; // the file had no final newline: it still has none
    return bytes.insert(at, newLine + text.eol());
}

QByteArray indentationOf(const QByteArray &line)
{
    qsizetype i = 0;
    while (i < line.size() && (line.at(i) == ' ' || line.at(i) == '\t'))
        ++i;
    return line.left(i);
}

// Inserts `relative = value` into the existing table at tablePath.
TomlEditor::Result insertInto(const QByteArray &original, const TomlText &text, const Parsed &parsed,
    const KeyPath &tablePath, const KeyPath &relative, const QVariant &value, const toml::node &wanted,
    const KeyPath &fullPath)
{
    const QByteArray assignment = dotted(relative) + " = " + TomlEditor::render(value);
    const toml::node *node = find(parsed.root(), tablePath);
    const toml::table *table = node ? node->as_table() : nullptr;
    if (!table)
        return refuse(original, QStringLiteral("`%1` is not a table").arg(keyPathToString(tablePath)));
    if (table->is_inline()) {
        // Before the closing brace: `{ a = 1 }` becomes `{ a = 1, key = value }`.
        const qsizetype close = text.offset(table->source().end) - 1;
        if (close < 0 || text.bytes().at(close) != '}')
            return refuse(original,
                QStringLiteral("cannot find the end of the inline table `%1`").arg(keyPathToString(tablePath)));
        qsizetype at = close;
        while (at > 0 && text.bytes().at(at - 1) == ' ')
            --at;
        const QByteArray insertion = table->empty() ? QByteArray(" " + assignment + " ") : ", " + assignment;
        QByteArray bytes = original;
        const qsizetype where = table->empty() ? close : at;
        bytes.insert(where, insertion);
        return proven(original, parsed.root(), bytes, fullPath, &wanted, where, where);
    }
    // The section whose lines hold the table's keys, and the dotted prefix they are written with there.
    KeyPath sectionPath = tablePath;
    while (!sectionPath.isEmpty() && !headerFor(parsed.headers(), sectionPath))
        sectionPath.removeLast();
    const KeyPath prefix = tablePath.mid(sectionPath.size());
    int line = 0;
    if (sectionPath.isEmpty()) {
        const int firstHeader = parsed.headers().isEmpty() ? text.lineCount() + 1 : parsed.headers().constFirst().line;
        line = prefix.isEmpty() ? rootInsertLine(parsed, text) : lastValueLine(*table, 1, firstHeader - 1);
    } else {
        const Header *header = headerFor(parsed.headers(), sectionPath);
        const int end = sectionEnd(parsed.headers(), header->line, text.lineCount());
        line = lastValueLine(*table, header->line + 1, end);
        if (line == 0)
            line = header->line;
    }
    if (line == 0 && !prefix.isEmpty())
        return refuse(original, QStringLiteral("cannot tell where `%1` is written").arg(keyPathToString(tablePath)));
    const QByteArray neighbour = line > 0 ? text.line(line) : QByteArray();
    const QByteArray indentation = indentationOf(neighbour);
    // Quoted like the line above: a neighbour written with 'literal' strings gets one too.
    const qsizetype equals = neighbour.indexOf('=');
    const QByteArray style = equals < 0 ? QByteArray() : neighbour.mid(equals + 1).trimmed();
    const QByteArray newLine = indentation + (prefix.isEmpty() ? QByteArray() : dotted(prefix) + '.') + dotted(relative)
        + " = " + TomlEditor::render(value, style);
    const qsizetype where = original.isEmpty() ? 0 : (line <= 0 ? text.lineStart(1) : text.lineEnd(line));
    return proven(original, parsed.root(), insertAfterLine(text, line, newLine), fullPath, &wanted, where, where);
}

} // namespace

QByteArray TomlEditor::render(const QVariant &value, const QByteArray &style)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool() ? "true" : "false";
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QByteArray::number(value.toLongLong());
    case QMetaType::Double: {
        QByteArray number = QByteArray::number(value.toDouble(), 'g', 17);
        if (!number.contains('.') && !number.contains('e') && !number.contains("inf") && !number.contains("nan"))
            number += ".0";
        return number;
    }
    case QMetaType::QStringList:
    case QMetaType::QVariantList: {
        QByteArrayList items;
        for (const QVariant &item : value.toList())
            items.append(render(item, style));
        return '[' + items.join(", ") + ']';
    }
    default:
        break;
    }
    const QString text = value.toString();
    // A literal string like its neighbour, when the text needs no escape.
    if (style.startsWith('\'') && !style.startsWith("'''") && !text.contains(u'\'')
        && std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; }))
        return '\'' + text.toUtf8() + '\'';
    QByteArray quoted = "\"";
    for (const char32_t c : text.toUcs4()) {
        if (c == U'"' || c == U'\\')
            quoted += '\\' + QByteArray(1, char(c));
        else if (c == U'\n')
            quoted += "\\n";
        else if (c == U'\t')
            quoted += "\\t";
        else if (c < 0x20 || c == 0x7f)
            quoted += QStringLiteral("\\u%1").arg(uint(c), 4, 16, QChar(u'0')).toUtf8();
        else
            quoted += QString::fromUcs4(&c, 1).toUtf8();
    }
    return quoted + '"';
}

TomlEditor::Result TomlEditor::setValue(const QByteArray &original, const KeyPath &path, const QVariant &value,
    const std::shared_ptr<const TomlTree> &given)
{
    if (path.isEmpty())
        return refuse(original, QStringLiteral("no key given"));
    const TomlText text(original);
    const Parsed parsed = parse(original, text, given);
    if (parsed.problem)
        return {original, parsed.problem};
    const toml::node *node = find(parsed.root(), path);
    // The same value again: not a byte changes (1e3 stays 1e3, a multi-line string stays one).
    if (node && sameValue(TomlTree::valueOf(*node), value))
        return unchanged(original, parsed);
    const Normalised wanted(value);
    if (!wanted.node)
        return refuse(original, QStringLiteral("the value cannot be written as TOML"));
    if (node) {
        if (same(*node, *wanted.node))
            return unchanged(original, parsed);
        if (node->is_table() && !node->as_table()->is_inline())
            return refuse(original, QStringLiteral("`%1` is a table, not a value").arg(keyPathToString(path)));
        if (node->is_array_of_tables())
            return refuse(original, QStringLiteral("`%1` is an array of tables").arg(keyPathToString(path)));
        const qsizetype begin = text.offset(node->source().begin);
        const qsizetype end = text.offset(node->source().end);
        if (begin >= end || end > original.size())
            return refuse(original, QStringLiteral("cannot find where `%1` is written").arg(keyPathToString(path)));
        QByteArray bytes = original;
        bytes.replace(begin, end - begin, render(value, original.mid(begin, end - begin)));
        return proven(original, parsed.root(), bytes, path, wanted.node, begin, end);
    }
    // A missing key: into the nearest table that exists, with a header of its own where that reads best.
    KeyPath existing = path.mid(0, path.size() - 1);
    while (!existing.isEmpty() && !find(parsed.root(), existing))
        existing.removeLast();
    const toml::node *ancestor = find(parsed.root(), existing);
    if (!ancestor || !ancestor->is_table())
        return refuse(original, QStringLiteral("`%1` is not inside a table").arg(keyPathToString(path)));
    const KeyPath relative = path.mid(existing.size());
    const bool ownHeader = relative.size() >= 2 && !ancestor->as_table()->is_inline()
        && (existing.isEmpty() || headerFor(parsed.headers(), existing));
    if (ownHeader) {
        // A new [table] at the end of the file.
        QByteArray bytes = original;
        const QByteArray eol = text.eol();
        if (!bytes.isEmpty() && !text.endsWithNewline())
            bytes += eol;
        if (!bytes.isEmpty() && !bytes.endsWith(QByteArray(eol + eol)) && !(bytes == eol))
            bytes += eol;
        bytes += '[' + dotted(path.mid(0, path.size() - 1)) + ']' + eol + keyText(path.constLast()) + " = "
            + render(value) + (text.endsWithNewline() || original.isEmpty() ? eol : QByteArray());
        return proven(original, parsed.root(), bytes, path, wanted.node, original.size(), original.size());
    }
    return insertInto(original, text, parsed, existing, relative, value, *wanted.node, path);
}

TomlEditor::Result TomlEditor::removeKey(
    const QByteArray &original, const KeyPath &path, const std::shared_ptr<const TomlTree> &given)
{
    if (path.isEmpty())
        return refuse(original, QStringLiteral("no key given"));
    const TomlText text(original);
    const Parsed parsed = parse(original, text, given);
    if (parsed.problem)
        return {original, parsed.problem};
    const toml::node *node = find(parsed.root(), path);
    if (!node)
        return refuse(original, QStringLiteral("`%1` is not in the file").arg(keyPathToString(path)));
    if ((node->is_table() && !node->as_table()->is_inline()) || node->is_array_of_tables())
        return refuse(original, QStringLiteral("`%1` is a table; only keys are removed").arg(keyPathToString(path)));
    const toml::table *parent = find(parsed.root(), path.mid(0, path.size() - 1))->as_table();
    QByteArray bytes = original;
    if (parent->is_inline()) {
        // Inside `{ ... }`: the key, its value and one comma.
        toml::source_position keyBegin{};
        for (const auto &[key, child] : *parent) {
            if (&child == node)
                keyBegin = key.source().begin;
        }
        qsizetype begin = text.offset(keyBegin);
        qsizetype end = text.offset(node->source().end);
        qsizetype after = end;
        while (after < bytes.size() && bytes.at(after) == ' ')
            ++after;
        if (after < bytes.size() && bytes.at(after) == ',') {
            end = after + 1;
            while (end < bytes.size() && bytes.at(end) == ' ')
                ++end;
        } else {
            qsizetype before = begin;
            while (before > 0 && bytes.at(before - 1) == ' ')
                --before;
            if (before > 0 && bytes.at(before - 1) == ',')
                begin = before - 1;
        }
        // On a line of its own (an inline table over several lines, TOML 1.1): the whole line goes.
        qsizetype lineBegin = begin;
        while (lineBegin > 0 && (bytes.at(lineBegin - 1) == ' ' || bytes.at(lineBegin - 1) == '\t'))
            --lineBegin;
        qsizetype lineEnd = end;
        while (lineEnd < bytes.size()
            && (bytes.at(lineEnd) == ' ' || bytes.at(lineEnd) == '\t' || bytes.at(lineEnd) == '\r'))
            ++lineEnd;
        if ((lineBegin == 0 || bytes.at(lineBegin - 1) == '\n') && lineEnd < bytes.size()
            && bytes.at(lineEnd) == '\n') {
            begin = lineBegin;
            end = lineEnd + 1;
        }
        bytes.remove(begin, end - begin);
        return proven(original, parsed.root(), bytes, path, nullptr, begin, end);
    }
    // A key-value starts on the line its value starts on; it goes with all its lines and a comment after it.
    const int first = int(node->source().begin.line);
    const int last = int(node->source().end.line);
    const QByteArray before =
        original.mid(text.lineStart(first), text.offset(node->source().begin) - text.lineStart(first));
    static const QRegularExpression onlyKey(QStringLiteral("^\\s*[^=#]+=\\s*$"));
    if (!onlyKey.match(QString::fromUtf8(before)).hasMatch())
        return refuse(
            original, QStringLiteral("`%1` shares its line with another key").arg(keyPathToString(path)), first);
    const QByteArray rest = text.line(last).mid(text.offset(node->source().end) - text.lineStart(last)).trimmed();
    if (!rest.isEmpty() && !rest.startsWith('#'))
        return refuse(
            original, QStringLiteral("`%1` shares its line with another key").arg(keyPathToString(path)), last);
    qsizetype begin = text.lineStart(first);
    qsizetype end = text.lineEnd(last);
    if (end == bytes.size() && !text.endsWithNewline() && first > 1) {
        // The last line had no newline: take the one before it, so the file still ends without one.
        end = bytes.size();
        begin = text.lineStart(first) - (bytes.mid(0, text.lineStart(first)).endsWith("\r\n") ? 2 : 1);
    }
    bytes.remove(begin, end - begin);
    return proven(original, parsed.root(), bytes, path, nullptr, begin, end);
}

QString tomlValueText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantMap)
        return QStringLiteral("{...}");
    if (value.typeId() == QMetaType::QDate || value.typeId() == QMetaType::QTime
        || value.typeId() == QMetaType::QDateTime)
        return value.toString(); // a TOML date or time is written bare
    return QString::fromUtf8(TomlEditor::render(value));
}

} // namespace Posture::Core
