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
    // Tables whose values name variables that hold the secret (env_http_headers = { "X-Token" = "MY_TOKEN" }).
    if (path.size() >= 2 && path.at(path.size() - 2).toLower().startsWith(u"env_"))
        return false;
    static const QRegularExpression secret(
        QStringLiteral("token|secret|passw|api[-_]?key|apikey|authorization|bearer|credential|private_key|cookie"));
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

namespace {

// Whether a name (a flag, a URL's query parameter, a variable) says it holds a credential: GITHUB_TOKEN, --api-key,
// access_token, X-Api-Key, apiKey, password, sig; not token_file, api_key_env, author or design (a word inside
// another word counts only for the unmistakable ones). `key` alone counts only as a query parameter (?key=AIza...).
bool isCredentialName(const QString &name, bool queryParameter)
{
    const QString lower = name.toLower();
    static const QRegularExpression notTheValue(QStringLiteral(
        "(?:file|path|env|var|name|id|dir|url|uri|type|count|limit|length|timeout|ttl|expiry|expires|endpoint|"
        "prefix|header|helper|command|cmd|izer|ized)s?$"));
    if (notTheValue.match(lower).hasMatch())
        return false;
    static const QRegularExpression strong(QStringLiteral(
        "token|secret|passw|passwd|pwd|api[-_]?key|access[-_]?key|private[-_]?key|credential|bearer|cookie|"
        "signature"));
    if (strong.match(lower).hasMatch())
        return true;
    static const QRegularExpression segments(QStringLiteral("[-_.]"));
    for (const QString &segment : lower.split(segments, Qt::SkipEmptyParts)) {
        if (segment == u"auth" || segment == u"authorization" || segment == u"sig" || segment == u"pat"
            || (queryParameter && segment == u"key"))
            return true;
    }
    return false;
}

// The parts of a text that are a credential, as spans: the known shapes, a Bearer/Basic credential, the password (or
// a long lone user) in a URL's userinfo, the value of a credential-named query parameter, flag (`--token X`,
// `--api-key=X`, also across a TOML array's `", "`) or variable assignment (`GITHUB_TOKEN=X`). Placeholders
// (`$TOKEN`, `${TOKEN}`, `<token>`) and paths are no credential.
QList<std::pair<qsizetype, qsizetype>> credentialSpans(const QString &text)
{
    enum Group { Bearer = 1, UrlPassword, UrlUser, QueryName, QueryValue, FlagName, FlagValue, VariableName, Variable };
    static const QRegularExpression parts(knownTokenShapes()
        + QStringLiteral(
            "|(?<=[Bb]earer |[Bb]asic )([A-Za-z0-9._~+/=-]{8,})"
            "|(?<=://)[^/@\\s:\"',]+:([^/@\\s\"',]+)(?=@)"
            "|(?<=://)([A-Za-z0-9._~-]{20,})(?=@)"
            "|[?&;]([A-Za-z][A-Za-z0-9_.-]*)=([^&#\\s\"',]+)"
            "|(?<![A-Za-z0-9])--?([A-Za-z][A-Za-z0-9_-]*)(?:=|\\s+|[\"']\\s*,\\s*[\"'])([^\\s\"',=\\]]{4,})"
            "|(?<![A-Za-z0-9_.-])([A-Za-z][A-Za-z0-9_]*)=([^\\s\"',;&]{4,})"));
    QList<std::pair<qsizetype, qsizetype>> spans;
    // A match that is no credential (--key "sk-...": `key` names none) is skipped by one character only, so that a
    // credential inside it is still found.
    for (qsizetype from = 0; from < text.size();) {
        const QRegularExpressionMatch match = parts.match(text, from);
        if (!match.hasMatch())
            break;
        from = match.capturedStart(0) + 1;
        int value = 0; // the group that holds the credential; 0: a known shape, the whole match
        for (int group : {Bearer, UrlPassword, UrlUser, QueryValue, FlagValue, Variable}) {
            if (match.capturedStart(group) >= 0)
                value = group;
        }
        const QString found = match.captured(value);
        if (value != 0 && (isPlaceholder(found) || found.startsWith(u'$') || found.startsWith(u'%')))
            continue;
        if ((value == QueryValue && !isCredentialName(match.captured(QueryName), true))
            || (value == FlagValue && !isCredentialName(match.captured(FlagName), false))
            || (value == Variable && !isCredentialName(match.captured(VariableName), false)))
            continue;
        if ((value == FlagValue || value == Variable)
            && (found.startsWith(u'/') || found.startsWith(u'~') || found.startsWith(u'.')))
            continue; // a file that holds the credential, not the credential
        spans.append({match.capturedStart(value), match.capturedLength(value)});
        from = match.capturedEnd(0);
    }
    return spans;
}

} // namespace

bool isSecretValue(const QString &value)
{
    if (!credentialSpans(value).isEmpty())
        return true;
    // One long random run, alone: not part of a path, a URL or a list (hash lists are comma- or space-separated).
    static const QRegularExpression run(QStringLiteral("^[A-Za-z0-9+_=-]{32,}$"));
    static const QRegularExpression hash(
        QStringLiteral("^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128})$"));
    const QString trimmed = value.trimmed();
    return run.match(trimmed).hasMatch() && !hash.match(trimmed).hasMatch() && mixesLettersAndDigits(trimmed);
}

QStringList secretsIn(const QString &text)
{
    QStringList secrets;
    for (const auto &[start, length] : credentialSpans(text))
        secrets.append(text.mid(start, length));
    if (secrets.isEmpty() && isSecretValue(text))
        secrets.append(text.trimmed());
    return secrets;
}

QString maskText(const QString &text)
{
    // The credentials first (credentialSpans), then long runs of letters and digits without a path separator (which
    // count only when they mix letters and digits, as keys do and words do not). Simple patterns on purpose:
    // lookaheads over long runs made PCRE2's JIT compile take over a second.
    QString masked;
    qsizetype last = 0;
    for (const auto &[start, length] : credentialSpans(text)) {
        if (start < last)
            continue;
        masked += QStringView(text).mid(last, start - last) + maskedText();
        last = start + length;
    }
    masked += QStringView(text).mid(last);
    static const QRegularExpression run(QStringLiteral("[A-Za-z0-9+_=-]{32,}"));
    QString result;
    last = 0;
    QRegularExpressionMatchIterator it = run.globalMatch(masked);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        if (!mixesLettersAndDigits(match.capturedView()))
            continue;
        result += QStringView(masked).mid(last, match.capturedStart() - last) + maskedText();
        last = match.capturedEnd();
    }
    return result + QStringView(masked).mid(last);
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

namespace {

// Whether an argument is a flag named for a credential (--token, --api-key): the argument after it is the credential.
bool isCredentialFlag(const QString &argument)
{
    static const QRegularExpression flag(QStringLiteral("^--?([A-Za-z][A-Za-z0-9_-]*)$"));
    const QRegularExpressionMatch match = flag.match(argument);
    return match.hasMatch() && isCredentialName(match.captured(1), false);
}

// An entry of an env / headers / set table whose name says it holds a credential (the tables' other values are masked
// but are no finding: LOG_LEVEL = "info").
bool isCredentialEntry(const KeyPath &path)
{
    return path.size() >= 2 && isSecretTable(path.at(path.size() - 2)) && isCredentialName(path.constLast(), false);
}

void collectSecrets(const KeyPath &path, const QVariant &value, QList<FoundSecret> &found)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        const QVariantMap table = value.toMap();
        KeyPath childPath = path;
        for (auto it = table.cbegin(); it != table.cend(); ++it) {
            childPath.append(it.key());
            collectSecrets(childPath, it.value(), found);
            childPath.removeLast();
        }
        return;
    }
    case QMetaType::QStringList:
    case QMetaType::QVariantList: {
        const QVariantList list = value.toList();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString text = list.at(i).toString();
            if (i > 0 && list.at(i).typeId() == QMetaType::QString && isCredentialFlag(list.at(i - 1).toString())
                && !isPlaceholder(text) && !text.startsWith(u'-') && !text.startsWith(u'$'))
                found.append({path, text});
            else
                collectSecrets(path, list.at(i), found);
        }
        return;
    }
    case QMetaType::QString: {
        const QString text = value.toString();
        if (isPlaceholder(text))
            return;
        // A key named for a secret holds one when its value could be a credential: one word of six characters or
        // more that is not a lower-case setting (`TOKEN_HINT = "shown"`, `cli_auth_credentials_store = "keyring"`).
        // Entries of env / headers / set tables count by their own name.
        static const QRegularExpression word(QStringLiteral("^\\S{6,}$"));
        static const QRegularExpression setting(QStringLiteral("^[a-z][a-z_-]*$")); // keyring, file, auto: a choice
        const bool inTable = path.size() >= 2 && isSecretTable(path.at(path.size() - 2));
        const bool namedSecret = (inTable ? isCredentialEntry(path) : isSecretKey(path)) && word.match(text).hasMatch()
            && !setting.match(text).hasMatch();
        if (namedSecret) {
            found.append({path, text});
            return;
        }
        for (const QString &secret : secretsIn(text))
            found.append({path, secret});
        return;
    }
    default:
        return;
    }
}

} // namespace

QList<FoundSecret> findSecrets(const KeyPath &path, const QVariant &value)
{
    QList<FoundSecret> found;
    collectSecrets(path, value, found);
    return found;
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
        for (qsizetype i = 0; i < list.size(); ++i) {
            const bool afterFlag = i > 0 && isCredentialFlag(list.at(i - 1).toString())
                && list.at(i).typeId() == QMetaType::QString && !isPlaceholder(list.at(i).toString());
            list[i] = afterFlag ? QVariant(maskedText()) : mask(path, list.at(i));
        }
        return list;
    }
    case QMetaType::QString:
        return isSecretKey(path) ? maskedText() : maskText(value.toString());
    default:
        return value;
    }
}

} // namespace Posture::Core::Secrets
