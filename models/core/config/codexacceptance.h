// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/keypath.h"

#include <QJsonObject>
#include <QVariant>

#include <memory>

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
    };

    // The table compiled into the engine.
    static const CodexAcceptance &codex();

    explicit CodexAcceptance(const QJsonObject &table);
    ~CodexAcceptance();

    QString codexVersion() const;
    // How Codex took a value of this kind (and, for a string, this value) at this key; Unknown where the table has no
    // key of that name, or no value of that key loaded on its own.
    Answer value(const KeyPath &path, const QVariant &value) const;
    // How Codex took a key it does not know inside the table at this path.
    Answer unknownKeyIn(const KeyPath &table) const;
    // Whether the table has measured this key (a key the schema may not know).
    bool knows(const KeyPath &path) const;

    // "string", "integer", "float", "boolean", "array", "table" or "datetime": the kind a parsed TOML value has.
    static QString kindOf(const QVariant &value);

private:
    std::unique_ptr<const class AcceptanceTree> m_tree;
};

} // namespace Posture::Core
