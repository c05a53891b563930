// SPDX-License-Identifier: Apache-2.0
#include "core/common/secrets.h"

#include <QRegularExpression>

namespace Posture::Core::Secrets {

namespace {

// Tables whose values are secrets more often than not: environment variables and HTTP headers.
bool isSecretTable(const QString &key)
{
    return key == u"env" || key == u"http_headers" || key == u"headers" || key == u"set";
}

} // namespace

bool isPlaceholder(const QString &value)
{
    static const QRegularExpression placeholder(QStringLiteral(
        "^\\s*(\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}|\\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|<[^<>]*>)?\\s*$"));
    return placeholder.match(value).hasMatch();
}

QString maskedText()
{
    return QStringLiteral("<masked>");
}

bool isSecretKey(const KeyPath &path)
{
    if (path.isEmpty())
        return false;
    const QString key = path.constLast().toLower();
    if (key.endsWith(u"_env_var") || key.endsWith(u"env_key") || key.endsWith(u"_var") || key.endsWith(u"_file"))
        return false;
    static const QRegularExpression secret(
        QStringLiteral("token|secret|passw|api_?key|apikey|authorization|bearer|credential|private_key|cookie"));
    return secret.match(key).hasMatch() || (path.size() >= 2 && isSecretTable(path.at(path.size() - 2)));
}

namespace {

// Tokens that announce themselves: OpenAI-style sk-/pk-/rk- keys, GitHub and GitLab tokens, Slack, AWS and Google keys,
// JWTs. Both isSecretValue and maskText look for these; each adds its own rules around them.
const QString &knownTokenShapes()
{
    static const QString shapes = QStringLiteral(
        "(?<![A-Za-z0-9])(?:sk|pk|rk)[-_][A-Za-z0-9_-]{8,}|gh[pousr]_[A-Za-z0-9]{16,}|github_pat_[A-Za-z0-9_]{16,}|"
        "glpat-[A-Za-z0-9_-]{16,}|xox[abprs]-[A-Za-z0-9-]{10,}|(?:AKIA|ASIA)[A-Z0-9]{16}|AIza[A-Za-z0-9_-]{30,}|"
        "eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9._-]{10,}");
    return shapes;
}

// Random keys mix letters and digits; words and numbers do not.
bool mixesLettersAndDigits(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); })
        && std::any_of(text.begin(), text.end(), [](QChar c) { return c.isLetter(); });
}

} // namespace

bool isSecretValue(const QString &value)
{
    // Besides the known shapes: a Bearer credential, and credentials in a URL (scheme://user:password@host).
    static const QRegularExpression shaped(
        knownTokenShapes() + QStringLiteral("|[Bb]earer [A-Za-z0-9._~+/=-]{8,}|://[^/@\\s:]+:[^/@\\s]+@"));
    if (shaped.match(value).hasMatch())
        return true;
    // One long random run, alone: not part of a path, a URL or a list (hash lists are comma- or space-separated).
    static const QRegularExpression run(QStringLiteral("^[A-Za-z0-9+_=-]{32,}$"));
    static const QRegularExpression hash(
        QStringLiteral("^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128})$"));
    const QString trimmed = value.trimmed();
    return run.match(trimmed).hasMatch() && !hash.match(trimmed).hasMatch() && mixesLettersAndDigits(trimmed);
}

QString maskText(const QString &text)
{
    // The known shapes, a "Bearer" credential, and long runs of letters and digits without a path separator (which
    // count only when they mix letters and digits, as keys do and words do not). Simple patterns on purpose: lookaheads
    // over long runs made PCRE2's JIT compile take over a second.
    static const QRegularExpression token(
        knownTokenShapes() + QStringLiteral("|(?<=[Bb]earer )[A-Za-z0-9._~+/=-]{8,}|[A-Za-z0-9+_=-]{32,}"));
    QString masked;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = token.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const QStringView found = match.capturedView();
        const bool longRun =
            found.size() >= 32 && !(found.startsWith(u"sk") || found.startsWith(u"gh") || found.startsWith(u"AIza"));
        if (longRun && !mixesLettersAndDigits(found))
            continue;
        masked += QStringView(text).mid(last, match.capturedStart() - last) + maskedText();
        last = match.capturedEnd();
    }
    return masked + QStringView(text).mid(last);
}

namespace {

// A dotted TOML key as a path ("a.\"b c\".d" → a, b c, d); enough for the secret test, which looks at the last two
// keys.
KeyPath dottedPath(const QString &key)
{
    KeyPath path;
    for (QString part : key.split(u'.', Qt::SkipEmptyParts)) {
        part = part.trimmed();
        if (part.size() >= 2 && (part.startsWith(u'"') || part.startsWith(u'\'')))
            part = part.mid(1, part.size() - 2);
        path.append(part);
    }
    return path;
}

} // namespace

QString maskConfigText(const QString &text)
{
    // key = "value" or key = 'value' whose key path names a secret (Secrets::isSecretKey, as mask() decides for the
    // report): the key itself, or the table it is in ([mcp_servers.x.env], env = { ... } on the line). Line by line,
    // following table headers, so that the diff and the config view mask what the findings and reports mask.
    static const QRegularExpression header(QStringLiteral("^\\s*\\[\\[?\\s*([^\\]]+?)\\s*\\]"));
    static const QRegularExpression assignment(QStringLiteral(
        "((?:[\\w-]+|\"[^\"\\n]*\"|'[^'\\n]*')(?:\\s*\\.\\s*(?:[\\w-]+|\"[^\"\\n]*\"|'[^'\\n]*'))*)(\\s*=\\s*)"
        "(\"(?:[^\"\\\\\\n]|\\\\.)*\"|'[^'\\n]*')"));
    static const QRegularExpression inlineOpen(
        QStringLiteral("((?:[\\w-]+|\"[^\"\\n]*\")(?:\\s*\\.\\s*(?:[\\w-]+|\"[^\"\\n]*\"))*)\\s*=\\s*\\{"));
    QString masked;
    masked.reserve(text.size());
    KeyPath table;
    for (const QString &line : text.split(u'\n')) {
        const QRegularExpressionMatch headerMatch = header.match(line);
        if (headerMatch.hasMatch()) {
            table = dottedPath(headerMatch.captured(1));
            masked += line + u'\n';
            continue;
        }
        QString out;
        qsizetype last = 0;
        QRegularExpressionMatchIterator it = assignment.globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            // The inline table this assignment is in, when it is on the same line: the last `key = {` before it.
            KeyPath path = table;
            QRegularExpressionMatchIterator opens = inlineOpen.globalMatch(line.left(match.capturedStart(1)));
            while (opens.hasNext()) {
                const QRegularExpressionMatch open = opens.next();
                if (!line.mid(open.capturedEnd(0), match.capturedStart(1) - open.capturedEnd(0)).contains(u'}'))
                    path = table + dottedPath(open.captured(1));
            }
            path += dottedPath(match.captured(1));
            if (!isSecretKey(path))
                continue;
            out += QStringView(line).mid(last, match.capturedStart(3) - last);
            out += u'"' + maskedText() + u'"';
            last = match.capturedEnd(3);
        }
        out += QStringView(line).mid(last);
        masked += out + u'\n';
    }
    masked.chop(1); // split() gave one line more than there are newlines
    return maskText(masked);
}

QVariant mask(const KeyPath &path, const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        QVariantMap table = value.toMap();
        KeyPath childPath = path;
        for (auto it = table.begin(); it != table.end(); ++it) {
            childPath.append(it.key());
            *it = mask(childPath, *it);
            childPath.removeLast();
        }
        return table;
    }
    case QMetaType::QStringList:
    case QMetaType::QVariantList: {
        QVariantList list = value.toList();
        for (QVariant &element : list)
            element = mask(path, element);
        return list;
    }
    case QMetaType::QString:
        return isSecretKey(path) ? maskedText() : maskText(value.toString());
    default:
        return value;
    }
}

} // namespace Posture::Core::Secrets
