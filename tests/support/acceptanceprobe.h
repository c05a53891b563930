// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace Posture::Tests {

// Asking the real CLI about one key: what scripts/record-acceptance (tests/tools/probeacceptance.cpp) records in the
// acceptance table, and what tst_acceptancetable asks again.

// The name a probe gives a key the user names (`*` in a table path: an MCP server, a profile).
inline const QString ProbeName = QStringLiteral("probe");
inline const QString Wildcard = QStringLiteral("*");

// The TOML literal of one value of each kind: string, integer, float, boolean, array, table, datetime.
const QList<std::pair<QString, QString>> &kindLiterals();

// A key path as TOML writes it (dotted, quoted where needed; `*` becomes ProbeName).
QString tomlKey(const QStringList &path);

// A config.toml holding the context lines (what the key's tables need to load) and path = value.
QString probeConfig(const QStringList &path, const QString &context, const QString &value);

// Codex's answer to one config.toml.
struct Outcome
{
    QString status; // ok | warning | fail; empty: the CLI did not answer
    QString text; // warning: the startup warnings; fail: the error

    bool loads() const { return status == u"ok" || status == u"warning"; }
};

// Outcomes as the tables store them: "ok", or "warning:N" / "fail:N" with N the index of the text in their "texts".
class AnswerTexts
{
public:
    QString encode(const Outcome &outcome)
    {
        if (outcome.status != u"warning" && outcome.status != u"fail")
            return outcome.status.isEmpty() ? QStringLiteral("unanswered") : outcome.status;
        qsizetype index = m_texts.indexOf(outcome.text);
        if (index < 0) {
            index = m_texts.size();
            m_texts.append(outcome.text);
        }
        return outcome.status + u':' + QString::number(index);
    }
    QJsonArray json() const { return QJsonArray::fromStringList(m_texts); }

private:
    QStringList m_texts;
};

// `codex doctor --json`'s config.load check for a temporary home holding config (bytes as they are).
QJsonObject doctorLoadCheck(const QString &codex, const QByteArray &config);

// Whether the real CLI parses config as TOML (whatever it then thinks of the values): a refusal that is not a TOML
// parse error or unreadable bytes still parsed.
bool codexParsesToml(const QString &codex, const QByteArray &config);

// The literal of a table holding the keys of tableLiteral and an unknown key (probe_unknown_key = true).
QString withUnknownKey(const QString &tableLiteral);

// Runs `codex doctor --json` on a temporary home holding config (and `debug prompt-input` for a refusal's text unless
// withRefusalText is false: then a refusal's text is doctor's error).
Outcome askCodex(const QString &codex, const QString &config, bool withRefusalText = true);

// The error `codex debug prompt-input` prints for config, as askCodex records a refusal's text; empty when it started.
// One CLI run, and the cheapest (it stops at the error), where askCodex needs two for a refusal.
QString promptInputRefusal(const QString &codex, const QString &config);

} // namespace Posture::Tests
