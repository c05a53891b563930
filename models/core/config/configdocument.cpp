// SPDX-License-Identifier: Apache-2.0
#include "core/config/configdocument.h"

#include "core/config/configdocumenttree.h"
#include "core/config/tomltext.h"

#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

#include <algorithm>
#include <string_view>

namespace Posture::Core {

namespace {

// Codex configuration files are a few kilobytes; a file this large is a mistake, not a config.
constexpr qint64 MaximumFileSize = 16 * 1024 * 1024;

// Parser messages may quote the offending character; control characters would garble a terminal.
QString printable(QString text)
{
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            c = u'?';
    }
    return text;
}

Diagnostic fileProblem(const QString &path, const QString &text, const QString &hint)
{
    return Diagnostic{DiagnosticSeverity::Error, SourceLocation{path, 0, 0}, text, hint};
}

using PositionMap = QHash<size_t, QPair<int, int>>;

// Where a dotted key or table header is nested deeper than MaximumDepth, or nullopt. toml++ limits the nesting of
// arrays and inline tables but not of dotted keys (a.a.a... = 1) and headers, and frees the tables it built for them
// recursively: 100,000 levels exhaust the stack before toVariant's depth check sees them. This scan counts the dots
// between separators outside strings and comments (a float has one), so nothing deep reaches toml++.
std::optional<QPair<int, int>> tooDeeplyDotted(const QByteArray &bytes, qsizetype maximum)
{
    enum class In { Code, Comment, Basic, Literal, MultiBasic, MultiLiteral } in = In::Code;
    int line = 1;
    int column = 0;
    qsizetype dots = 0;
    // Three equal quotes from i on, compared in place only at a quote (a 1 MB file has a million characters).
    const auto tripleAt = [&bytes](qsizetype i, char quote) {
        return bytes.at(i) == quote && i + 2 < bytes.size() && bytes.at(i + 1) == quote && bytes.at(i + 2) == quote;
    };
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        ++column;
        if (c == '\n') {
            ++line;
            column = 0;
        }
        switch (in) {
        case In::Code:
            if (c == '#') {
                in = In::Comment;
            } else if (tripleAt(i, '"') || tripleAt(i, '\'')) {
                in = c == '"' ? In::MultiBasic : In::MultiLiteral;
                i += 2;
                column += 2;
            } else if (c == '"' || c == '\'') {
                in = c == '"' ? In::Basic : In::Literal;
            } else if (c == '.') {
                if (++dots > maximum)
                    return QPair<int, int>(line, column);
            } else if (c == '=' || c == ',' || c == '{' || c == '}' || c == '[' || c == ']' || c == '\n') {
                dots = 0;
            }
            break;
        case In::Comment:
            if (c == '\n')
                in = In::Code, dots = 0;
            break;
        case In::Basic:
        case In::MultiBasic:
            if (c == '\\')
                ++i, ++column;
            else if (in == In::Basic && (c == '"' || c == '\n'))
                in = In::Code;
            else if (in == In::MultiBasic && tripleAt(i, '"'))
                in = In::Code, i += 2, column += 2;
            break;
        case In::Literal:
            if (c == '\'' || c == '\n')
                in = In::Code;
            break;
        case In::MultiLiteral:
            if (tripleAt(i, '\''))
                in = In::Code, i += 2, column += 2;
            break;
        }
    }
    return std::nullopt;
}

// What toml++ accepts in its TOML 1.1 mode that Codex's parser refuses (tests/oracle/tst_parseroracle): unquoted keys
// with letters beyond ASCII (a draft of TOML 1.1 allowed them; the release does not) and hexadecimal floats (a toml++
// extension). Found from the parsed nodes' positions in the text; toml++ has no switch for either alone.
class Toml11Check
{
public:
    explicit Toml11Check(const QByteArray &bytes)
        : m_bytes(bytes)
    { }

    void checkKey(const toml::key &key)
    {
        const std::string_view name = key.str();
        if (m_problem || std::all_of(name.begin(), name.end(), [](char c) { return uchar(c) < 0x80; }))
            return;
        const char first = byteAt(key.source().begin);
        if (first != '"' && first != '\'')
            problem(key.source().begin,
                QStringLiteral("the key `%1` has letters beyond ASCII and no quotes")
                    .arg(QString::fromUtf8(name.data(), qsizetype(name.size()))),
                QStringLiteral(
                    "Codex reads TOML 1.1, where a bare key is only A-Z, a-z, 0-9, _ and -. Quote the key."));
    }

    void checkFloat(const toml::node &node)
    {
        if (m_problem)
            return;
        qsizetype i = text().offset(node.source().begin);
        if (i < m_bytes.size() && (m_bytes[i] == '+' || m_bytes[i] == '-'))
            ++i;
        if (i + 1 < m_bytes.size() && m_bytes[i] == '0' && (m_bytes[i + 1] == 'x' || m_bytes[i + 1] == 'X'))
            problem(node.source().begin, QStringLiteral("hexadecimal floats are not TOML"),
                QStringLiteral("Codex refuses them. Write the number in decimal."));
    }

    const std::optional<Diagnostic> &result() const { return m_problem; }

private:
    void problem(const toml::source_position &at, const QString &text, const QString &hint)
    {
        m_problem = Diagnostic{DiagnosticSeverity::Error, SourceLocation{{}, int(at.line), int(at.column)}, text, hint};
    }

    // Positions as byte offsets, worked out on the first float or non-ASCII key only (most files have neither).
    const TomlText &text()
    {
        if (!m_text)
            m_text.emplace(m_bytes);
        return *m_text;
    }

    char byteAt(const toml::source_position &at)
    {
        const qsizetype i = text().offset(at);
        return i < m_bytes.size() ? m_bytes[i] : '\0';
    }

    const QByteArray &m_bytes;
    std::optional<TomlText> m_text;
    std::optional<Diagnostic> m_problem;
};

// Deeper tables (a.a.a... = 1 parses fine in toml++) would exhaust the stack of every recursive walk after it.
constexpr qsizetype MaximumDepth = 128;

// One walk over a parsed tree: the checks toml++ does not make, and, when wanted, the Qt values and their positions.
struct Walk
{
    bool values = true; // false: the checks only (the proof of an edit compares toml++'s trees, not Qt values)
    PositionMap *positions = nullptr; // none when only the values are wanted
    std::optional<toml::source_position> tooDeep;
    std::optional<Toml11Check> toml11; // none for a node whose text is not at hand (checked when it was parsed)
};

QVariant toVariant(const toml::node &node, int depth, size_t pathHash, Walk &walk)
{
    const toml::source_position begin = node.source().begin;
    if (depth > MaximumDepth) {
        walk.tooDeep = begin;
        return {};
    }
    if (walk.positions)
        walk.positions->insert(pathHash, {int(begin.line), int(begin.column)});
    switch (node.type()) {
    case toml::node_type::table: {
        QVariantMap map;
        for (auto &&[key, child] : *node.as_table()) {
            if (walk.toml11)
                walk.toml11->checkKey(key);
            if (!walk.values) {
                toVariant(child, depth + 1, 0, walk);
                continue;
            }
            const QString name = fromTomlUtf8(key.str());
            map.insert(name, toVariant(child, depth + 1, childPathHash(pathHash, name), walk));
        }
        return map;
    }
    case toml::node_type::array: {
        QVariantList list;
        const toml::array &array = *node.as_array();
        list.reserve(walk.values ? qsizetype(array.size()) : 0);
        for (size_t i = 0; i < array.size(); ++i) {
            QVariant item = toVariant(
                array[i], depth + 1, walk.positions ? childPathHash(pathHash, arrayElementKey(qsizetype(i))) : 0, walk);
            if (walk.values)
                list.append(std::move(item));
        }
        return list;
    }
    case toml::node_type::floating_point:
        if (walk.toml11)
            walk.toml11->checkFloat(node);
        return walk.values ? QVariant(node.as_floating_point()->get()) : QVariant();
    default:
        break;
    }
    if (!walk.values)
        return {};
    switch (node.type()) {
    case toml::node_type::string: {
        return fromTomlUtf8(node.as_string()->get());
    }
    case toml::node_type::integer:
        return QVariant::fromValue<qint64>(node.as_integer()->get());
    case toml::node_type::boolean:
        return node.as_boolean()->get();
    case toml::node_type::date: {
        const toml::date date = node.as_date()->get();
        return QDate(date.year, date.month, date.day);
    }
    case toml::node_type::time: {
        const toml::time time = node.as_time()->get();
        return QTime(time.hour, time.minute, time.second, int(time.nanosecond / 1000000));
    }
    case toml::node_type::date_time: {
        const toml::date_time value = node.as_date_time()->get();
        const QDate date(value.date.year, value.date.month, value.date.day);
        const QTime time(value.time.hour, value.time.minute, value.time.second, int(value.time.nanosecond / 1000000));
        if (value.offset)
            return QDateTime(date, time, QTimeZone::fromSecondsAheadOfUtc(value.offset->minutes * 60));
        return QDateTime(date, time);
    }
    default:
        break;
    }
    return {};
}

Diagnostic tooDeepProblem(const QString &path, int line, int column)
{
    return Diagnostic{DiagnosticSeverity::Error, SourceLocation{path, line, column},
        QStringLiteral("tables are nested more than %1 levels deep").arg(MaximumDepth),
        QStringLiteral("No Codex setting is that deep; this file is not a Codex configuration. Nothing was changed.")};
}

// Parses bytes as Codex would read them into `root`, walking the tree once for the checks toml++ does not make (and
// for the Qt values and positions `walk` asks for, into *values). The problem, with line and column, or nullopt.
std::optional<Diagnostic> parseChecked(
    const QByteArray &bytes, const QString &path, toml::table &root, Walk &walk, QVariantMap *values)
{
    if (const std::optional<QPair<int, int>> deep = tooDeeplyDotted(bytes, MaximumDepth))
        return tooDeepProblem(path, deep->first, deep->second);
    try {
        root = toml::parse(std::string_view(bytes.constData(), size_t(bytes.size())), path.toStdString());
    } catch (const toml::parse_error &error) {
        const toml::source_position begin = error.source().begin;
        return Diagnostic{
            DiagnosticSeverity::Error,
            SourceLocation{path, int(begin.line), int(begin.column)},
            printable(QString::fromUtf8(error.description().data(), qsizetype(error.description().size()))),
            QStringLiteral("Codex refuses to start while this file is not valid TOML. Fix the syntax at this "
                           "line, then reload."),
        };
    }
    QVariant tree = toVariant(root, 0, keyPathHash({}), walk);
    if (walk.tooDeep)
        return tooDeepProblem(path, int(walk.tooDeep->line), int(walk.tooDeep->column));
    if (std::optional<Diagnostic> problem = walk.toml11 ? walk.toml11->result() : std::nullopt) {
        problem->location.file = path;
        return problem;
    }
    if (values)
        *values = tree.toMap();
    return std::nullopt;
}

void countValues(const QVariant &value, int &values, int &tables)
{
    if (value.typeId() == QMetaType::QVariantMap) {
        ++tables;
        for (const QVariant &child : value.toMap())
            countValues(child, values, tables);
    } else {
        ++values;
    }
}

} // namespace

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
            unchanged + QStringLiteral("Check that this is the file you meant; files over 16 MiB are not read."));
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

ConfigDocument ConfigDocument::fromBytes(
    const QByteArray &bytes, const QString &path, const std::shared_ptr<const TomlTree> &parsed)
{
    ConfigDocument document;
    document.m_path = path;
    document.m_bytes = bytes;
    document.m_positions.reserve(bytes.size() / 16);
    if (parsed && parsed->bytes == bytes) {
        // TomlTree::parse made the same checks: only the values and their positions are left to take.
        Walk walk{.values = true, .positions = &document.m_positions, .tooDeep = {}, .toml11 = std::nullopt};
        document.m_root = toVariant(parsed->table, 0, keyPathHash({}), walk).toMap();
        document.m_status = Status::Parsed;
        document.m_tree = parsed;
        return document;
    }
    auto tree = std::make_shared<TomlTree>();
    Walk walk{.values = true, .positions = &document.m_positions, .tooDeep = {}, .toml11 = std::nullopt};
    walk.toml11.emplace(bytes);
    document.m_problem = parseChecked(bytes, path, tree->table, walk, &document.m_root);
    document.m_status = document.m_problem ? Status::ParseError : Status::Parsed;
    if (document.m_problem) {
        document.m_positions.clear();
        return document;
    }
    tree->bytes = bytes;
    document.m_tree = std::move(tree);
    return document;
}

QVariant TomlTree::valueOf(const toml::node &node)
{
    Walk walk{.values = true, .positions = nullptr, .tooDeep = {}, .toml11 = std::nullopt};
    return toVariant(node, 0, 0, walk);
}

std::optional<Diagnostic> TomlTree::parse(const QByteArray &source)
{
    Walk walk{.values = false, .positions = nullptr, .tooDeep = {}, .toml11 = std::nullopt};
    walk.toml11.emplace(source);
    bytes = source;
    return parseChecked(source, {}, table, walk, nullptr);
}

QVariant ConfigDocument::value(const KeyPath &path) const
{
    QVariant current = m_root;
    for (const QString &key : path) {
        if (current.typeId() == QMetaType::QVariantMap) {
            current = current.toMap().value(key);
        } else if (current.typeId() == QMetaType::QVariantList && key.startsWith(u'[')) {
            current = current.toList().value(key.mid(1, key.size() - 2).toInt());
        } else {
            return {};
        }
    }
    return current;
}

SourceLocation ConfigDocument::location(const KeyPath &path) const
{
    return locationOfHash(keyPathHash(path));
}

SourceLocation ConfigDocument::locationOfHash(size_t pathHash) const
{
    const QPair<int, int> position = m_positions.value(pathHash);
    return SourceLocation{m_path, position.first, position.second};
}

int ConfigDocument::valueCount() const
{
    int values = 0;
    int tables = 0;
    countValues(m_root, values, tables);
    return values;
}

int ConfigDocument::tableCount() const
{
    int values = 0;
    int tables = 0;
    countValues(m_root, values, tables);
    return tables - 1; // the root is not a table the user wrote
}

} // namespace Posture::Core
