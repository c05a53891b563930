// SPDX-License-Identifier: Apache-2.0
#include "core/config/codexacceptance.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <deque>

namespace Posture::Core {

namespace {

using Answer = CodexAcceptance::Answer;
using Status = CodexAcceptance::Status;

// One recorded key: its answers, read from the table's JSON.
struct Slot
{
    Answer status;
    QHash<QString, Answer> kinds;
    QHash<QString, Answer> values;
    Answer unknownKey;
};

// "ok", "warning:N" (N: index of Codex's text), "fail".
Answer decode(const QJsonValue &value, const QJsonArray &texts)
{
    const QString code = value.toString();
    if (code == u"ok")
        return {Status::Ok, {}};
    if (code == u"fail" || code.startsWith(u"fail:"))
        return {Status::Fail, {}};
    if (code.startsWith(u"warning:"))
        return {Status::Warning, texts.at(code.mid(8).toInt()).toString()};
    return {};
}

QHash<QString, Answer> decodeMap(const QJsonObject &map, const QJsonArray &texts)
{
    QHash<QString, Answer> answers;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it)
        answers.insert(it.key(), decode(it.value(), texts));
    return answers;
}

} // namespace

// The recorded keys as a tree of key names; `*` (a name the user chooses, such as an MCP server's) matches any name
// that has no entry of its own.
class AcceptanceTree
{
public:
    struct Node
    {
        QHash<QString, Node *> children;
        const Slot *slot = nullptr;
    };

    explicit AcceptanceTree(const QJsonObject &table)
        : version(table.value(u"codex_version").toString())
    {
        const QJsonArray texts = table.value(u"texts").toArray();
        const QJsonObject slots = table.value(u"slots").toObject();
        for (auto it = slots.constBegin(); it != slots.constEnd(); ++it) {
            const QJsonObject json = it.value().toObject();
            Slot &slot = m_slots.emplace_back(
                Slot{decode(json.value(u"status"), texts), decodeMap(json.value(u"kinds").toObject(), texts),
                    decodeMap(json.value(u"values").toObject(), texts), decode(json.value(u"unknown_key"), texts)});
            Node *node = &m_root;
            if (!it.key().isEmpty()) {
                for (const QString &name : it.key().split(u'.')) {
                    Node *&child = node->children[name];
                    if (!child)
                        child = &m_nodes.emplace_back();
                    node = child;
                }
            }
            node->slot = &slot;
        }
    }

    const Slot *find(const KeyPath &path) const
    {
        const Node *node = &m_root;
        for (const QString &name : path) {
            const Node *child = node->children.value(name);
            if (!child)
                child = node->children.value(QStringLiteral("*"));
            if (!child)
                return nullptr;
            node = child;
        }
        return node->slot;
    }

    QString version;

private:
    Node m_root;
    std::deque<Node> m_nodes; // stable addresses
    std::deque<Slot> m_slots;
};

const CodexAcceptance &CodexAcceptance::codex()
{
    static const CodexAcceptance acceptance = [] {
        QFile file(QStringLiteral(":/posture/codex-acceptance.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the Codex acceptance table is missing from the build");
        return CodexAcceptance(QJsonDocument::fromJson(file.readAll()).object());
    }();
    return acceptance;
}

CodexAcceptance::CodexAcceptance(const QJsonObject &table)
    : m_tree(std::make_unique<const AcceptanceTree>(table))
{ }

CodexAcceptance::~CodexAcceptance() = default;

QString CodexAcceptance::codexVersion() const
{
    return m_tree->version;
}

QString CodexAcceptance::kindOf(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap:
        return QStringLiteral("table");
    case QMetaType::QVariantList:
        return QStringLiteral("array");
    case QMetaType::QString:
        return QStringLiteral("string");
    case QMetaType::Bool:
        return QStringLiteral("boolean");
    case QMetaType::LongLong:
        return QStringLiteral("integer");
    case QMetaType::Double:
        return QStringLiteral("float");
    default:
        return QStringLiteral("datetime");
    }
}

CodexAcceptance::Answer CodexAcceptance::value(const KeyPath &path, const QVariant &value) const
{
    const Slot *slot = m_tree->find(path);
    if (!slot)
        return {};
    if (value.typeId() == QMetaType::QString) {
        if (const auto it = slot->values.constFind(value.toString()); it != slot->values.cend()) {
            Answer answer = *it;
            answer.forThisValue = true;
            return answer;
        }
    }
    return slot->kinds.value(kindOf(value));
}

CodexAcceptance::Answer CodexAcceptance::unknownKeyIn(const KeyPath &table) const
{
    const Slot *slot = m_tree->find(table);
    return slot ? slot->unknownKey : Answer{};
}

bool CodexAcceptance::knows(const KeyPath &path) const
{
    return m_tree->find(path) != nullptr;
}

} // namespace Posture::Core
