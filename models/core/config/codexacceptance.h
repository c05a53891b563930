// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/keypath.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QVariant>

#include <memory>
#include <optional>

namespace Posture::Core {

// What the real Codex CLI accepted, key by key: the acceptance table (schema/acceptance.json) that
// scripts/record-acceptance records from the pinned CLI, one key alone in a config.toml at a time. Where it and the
// published schema disagree, the table wins (ConfigSchema asks it). Format: schema/ACCEPTANCE.md.
class CodexAcceptance
{
public:
    enum class Status { Unknown, Ok, Warning, Fail };
    struct Answer
    {
        Status status = Status::Unknown;
        QString text; // Codex's warning, for Warning
        bool forThisValue = false; // measured with this very string, not another value of its kind

        friend bool operator==(const Answer &, const Answer &) = default;
    };
    // How one key's answers differ in another Codex release (schema/versions.json): only what differs is set.
    struct SlotAnswers
    {
        std::optional<Answer> status;
        QHash<QString, Answer> kinds;
        QHash<QString, Answer> values;
        std::optional<Answer> unknownKey;
    };
    using ReleaseAnswers = QHash<QString, SlotAnswers>; // by the table's key name ("features.multi_agent")

    // The table compiled into the engine.
    static const CodexAcceptance &codex();

    explicit CodexAcceptance(const QJsonObject &table);
    ~CodexAcceptance();

    // This table as another release answered: its answers where they differ, this table's elsewhere. The key tree is
    // shared, not copied.
    CodexAcceptance forRelease(const QString &version, ReleaseAnswers answers) const;

    QString codexVersion() const;

    // One answer that differs between two releases: the key as the table names it, the question ("status": its
    // valid value; "kinds.string": a string; "values.xhigh": that string; "unknown_key": an unknown key inside it).
    struct Difference
    {
        QString key;
        QString question;
        Answer before; // `older`'s answer
        Answer after; // this release's
    };
    // Every answer this release gives differently from `older` (both from the same recorded table).
    QList<Difference> differencesFrom(const CodexAcceptance &older) const;
    // This release's answer to a question of the recorded key (see Difference).
    Answer answer(const QString &key, const QString &question) const;
    // How Codex took a value of this kind (and, for a string, this value) at this key; Unknown where the table has no
    // key of that name, or no value of that key loaded on its own.
    Answer value(const KeyPath &path, const QVariant &value) const;
    // How Codex took a key it does not know inside the table at this path.
    Answer unknownKeyIn(const KeyPath &table) const;
    // Whether the table has measured this key (a key the schema may not know).
    bool knows(const KeyPath &path) const;

    // "string", "integer", "float", "boolean", "array", "table" or "datetime": the kind a parsed TOML value has.
    static QString kindOf(const QVariant &value);

    // Decodes one answer as the table writes it ("ok", "warning:N", "fail", "fail:N"; N indexes texts).
    static Answer decode(const QJsonValue &value, const QJsonArray &texts);

private:
    CodexAcceptance() = default;
    const SlotAnswers *releaseAnswers(const QString &key) const;

    std::shared_ptr<const class AcceptanceTree> m_tree;
    std::shared_ptr<const ReleaseAnswers> m_release; // null for the table as recorded
    QString m_version;
};

} // namespace Posture::Core
