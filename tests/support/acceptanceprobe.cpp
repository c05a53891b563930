// SPDX-License-Identifier: Apache-2.0
#include "acceptanceprobe.h"

#include "verdict.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace Posture::Tests {

// The TOML literal of one value of each kind.
const QList<std::pair<QString, QString>> &kindLiterals()
{
    static const QList<std::pair<QString, QString>> kinds{{QStringLiteral("string"), QStringLiteral("\"probe-text\"")},
        {QStringLiteral("integer"), QStringLiteral("7")}, {QStringLiteral("float"), QStringLiteral("1.5")},
        {QStringLiteral("boolean"), QStringLiteral("true")}, {QStringLiteral("array"), QStringLiteral("[\"probe\"]")},
        {QStringLiteral("table"), QStringLiteral("{}")},
        {QStringLiteral("datetime"), QStringLiteral("1979-05-27T07:32:00Z")}};
    return kinds;
}

QString tomlKey(const QStringList &path)
{
    static const QRegularExpression bare(QStringLiteral("^[A-Za-z0-9_-]+$"));
    QStringList parts;
    for (const QString &part : path) {
        const QString name = part == Wildcard ? ProbeName : part;
        parts.append(bare.match(name).hasMatch() ? name : u'"' + name + u'"');
    }
    return parts.join(u'.');
}

QString probeConfig(const QStringList &path, const QString &context, const QString &value)
{
    QString text;
    if (!context.isEmpty())
        text += context + u'\n';
    if (!path.isEmpty())
        text += tomlKey(path) + QStringLiteral(" = ") + value + u'\n';
    return text;
}

namespace {

QString normalised(QString text, const QString &home)
{
    text.replace(home + QStringLiteral("/.codex"), QStringLiteral("~/.codex"));
    text.replace(home, QStringLiteral("~"));
    return text.trimmed();
}

// The error `codex debug prompt-input` prints when it refuses a configuration ("Error: FILE:L:C: what", then "Caused
// by:" lines), as "what (cause, in `key`)" without the file, and without a cause that only repeats what.
QString refusal(const QString &standardError)
{
    QString what;
    QStringList causes;
    bool inCauses = false;
    for (const QString &line : standardError.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QStringLiteral("Error: "))) {
            static const QRegularExpression prefix(QStringLiteral("^Error: (\\S+:\\d+:\\d+: )?"));
            what = QString(trimmed).remove(prefix);
        } else if (trimmed == u"Caused by:") {
            inCauses = true;
        } else if (trimmed == u"Stack backtrace:") {
            break;
        } else if (inCauses && !trimmed.isEmpty() && trimmed != what) {
            causes.append(trimmed);
        }
    }
    return causes.isEmpty() ? what : what + QStringLiteral(" (") + causes.join(QStringLiteral(", ")) + u')';
}

} // namespace

namespace {

// A probe's temporary home: its Codex home, and an empty folder that no trust entry covers to start in.
CodexCase probeCase(const QString &home)
{
    return {home, home + QStringLiteral("/.codex"), home + QStringLiteral("/work"), {}, {}};
}

QJsonObject doctorLoadCheck(const QString &codex, const QByteArray &config, QString *home, QTemporaryDir &directory)
{
    *home = directory.path();
    QDir().mkpath(*home + QStringLiteral("/.codex"));
    QDir().mkpath(*home + QStringLiteral("/work"));
    QFile file(*home + QStringLiteral("/.codex/config.toml"));
    if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
        return {};
    file.close();
    const CodexCase codexCase = probeCase(*home);
    QString error;
    return QJsonDocument::fromJson(
        runOracle(codex, codexCase, {QStringLiteral("doctor"), QStringLiteral("--json")}, &error))
        .object()
        .value(u"checks")
        .toObject()
        .value(u"config.load")
        .toObject();
}

} // namespace

QJsonObject doctorLoadCheck(const QString &codex, const QByteArray &config)
{
    QTemporaryDir directory;
    QString home;
    return doctorLoadCheck(codex, config, &home, directory);
}

bool codexParsesToml(const QString &codex, const QByteArray &config)
{
    QTemporaryDir directory;
    QString home;
    const QJsonObject load = doctorLoadCheck(codex, config, &home, directory);
    if (load.value(u"status").toString() != u"fail")
        return true;
    // doctor says "invalid data" for unreadable bytes and for a wrong value alike; the error prompt-input prints tells.
    const CodexCase codexCase = probeCase(home);
    QString error;
    QByteArray standardError;
    runOracle(codex, codexCase, {QStringLiteral("debug"), QStringLiteral("prompt-input")}, &error, &standardError);
    return !standardError.contains("TOML parse error") && !standardError.contains("Failed to read config file");
}

QString withUnknownKey(const QString &tableLiteral)
{
    QString inner = tableLiteral.mid(1, tableLiteral.size() - 2).trimmed();
    return QStringLiteral("{ ") + (inner.isEmpty() ? QString() : inner + QStringLiteral(", "))
        + QStringLiteral("probe_unknown_key = true }");
}

namespace {

QString promptInputRefusalIn(const QString &codex, const QString &home)
{
    QString error;
    QByteArray standardError;
    runOracle(
        codex, probeCase(home), {QStringLiteral("debug"), QStringLiteral("prompt-input")}, &error, &standardError);
    return normalised(refusal(QString::fromUtf8(standardError)), home);
}

} // namespace

QString promptInputRefusal(const QString &codex, const QString &config)
{
    QTemporaryDir directory;
    const QString home = directory.path();
    QDir().mkpath(home + QStringLiteral("/.codex"));
    QDir().mkpath(home + QStringLiteral("/work"));
    QFile file(home + QStringLiteral("/.codex/config.toml"));
    const QByteArray bytes = config.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    file.close();
    return promptInputRefusalIn(codex, home);
}

Outcome askCodex(const QString &codex, const QString &config, bool withRefusalText)
{
    QTemporaryDir directory;
    QString home;
    const QJsonObject load = doctorLoadCheck(codex, config.toUtf8(), &home, directory);
    Outcome outcome{load.value(u"status").toString(), {}};
    if (outcome.status == u"warning") {
        const QJsonValue warnings = load.value(u"details").toObject().value(u"startup warning");
        QStringList texts;
        for (const QJsonValue &warning : warnings.isArray() ? warnings.toArray() : QJsonArray{warnings})
            texts.append(normalised(warning.toString(), home));
        outcome.text = texts.join(u'\n');
    } else if (outcome.status == u"fail") {
        if (withRefusalText)
            outcome.text = promptInputRefusalIn(codex, home);
        if (outcome.text.isEmpty())
            outcome.text = load.value(u"details").toObject().value(u"error").toString();
    }
    return outcome;
}

} // namespace Posture::Tests
