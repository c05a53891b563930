// SPDX-License-Identifier: Apache-2.0
#include "core/config/codexacceptance.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

#include <deque>

namespace Posture::Core {

namespace {

using Answer = CodexAcceptance::Answer;
using Status = CodexAcceptance::Status;

// One recorded key: its answers, read from the table's JSON.
struct Slot
{
    QString key; // as the table names it: "mcp_servers.*.command"
    Answer status;
    QHash<QString, Answer> kinds;
    QHash<QString, Answer> values;
    Answer unknownKey;
};

QHash<QString, Answer> decodeMap(const QJsonObject &map, const QJsonArray &texts)
{
    QHash<QString, Answer> answers;
    for (auto it = map.constBegin(); it != map.constEnd(); ++it)
        answers.insert(it.key(), CodexAcceptance::decode(it.value(), texts));
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
            Slot &slot = m_slots.emplace_back(Slot{it.key(), CodexAcceptance::decode(json.value(u"status"), texts),
                decodeMap(json.value(u"kinds").toObject(), texts), decodeMap(json.value(u"values").toObject(), texts),
                CodexAcceptance::decode(json.value(u"unknown_key"), texts)});
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
            m_byKey.insert(slot.key, &slot);
        }
    }

    const Slot *slot(const QString &key) const { return m_byKey.value(key); }

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
    QHash<QString, const Slot *> m_byKey;
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
    : m_tree(std::make_shared<const AcceptanceTree>(table))
    , m_version(m_tree->version)
{ }

CodexAcceptance::~CodexAcceptance() = default;

CodexAcceptance CodexAcceptance::forRelease(const QString &version, ReleaseAnswers answers) const
{
    CodexAcceptance release;
    release.m_tree = m_tree;
    release.m_release = std::make_shared<const ReleaseAnswers>(std::move(answers));
    release.m_version = version;
    return release;
}

// "ok", "warning:N" (N: index of Codex's text), "fail".
CodexAcceptance::Answer CodexAcceptance::decode(const QJsonValue &value, const QJsonArray &texts)
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

QString CodexAcceptance::codexVersion() const
{
    return m_version;
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
    const SlotAnswers *release = releaseAnswers(slot->key);
    if (value.typeId() == QMetaType::QString) {
        const QString text = value.toString();
        const auto released = release ? release->values.constFind(text) : QHash<QString, Answer>::const_iterator();
        const bool releaseHasIt = release && released != release->values.cend();
        const auto recorded = slot->values.constFind(text);
        if (releaseHasIt || recorded != slot->values.cend()) {
            Answer answer = releaseHasIt ? *released : *recorded;
            answer.forThisValue = true;
            return answer;
        }
    }
    const QString kind = kindOf(value);
    if (release && release->kinds.contains(kind))
        return release->kinds.value(kind);
    return slot->kinds.value(kind);
}

CodexAcceptance::Answer CodexAcceptance::unknownKeyIn(const KeyPath &table) const
{
    const Slot *slot = m_tree->find(table);
    if (!slot)
        return {};
    const SlotAnswers *release = releaseAnswers(slot->key);
    return release && release->unknownKey ? *release->unknownKey : slot->unknownKey;
}

CodexAcceptance::Answer CodexAcceptance::answer(const QString &key, const QString &question) const
{
    const Slot *slot = m_tree->slot(key);
    const SlotAnswers *release = releaseAnswers(key);
    const auto pick = [](const QHash<QString, Answer> *released, const QHash<QString, Answer> &recorded,
                          const QString &name) {
        return released && released->contains(name) ? released->value(name) : recorded.value(name);
    };
    if (question == u"status")
        return release && release->status ? *release->status : slot ? slot->status : Answer{};
    if (question == u"unknown_key")
        return release && release->unknownKey ? *release->unknownKey : slot ? slot->unknownKey : Answer{};
    static const QHash<QString, Answer> none;
    if (question.startsWith(u"kinds."))
        return pick(release ? &release->kinds : nullptr, slot ? slot->kinds : none, question.mid(6));
    if (question.startsWith(u"values."))
        return pick(release ? &release->values : nullptr, slot ? slot->values : none, question.mid(7));
    return {};
}

QList<CodexAcceptance::Difference> CodexAcceptance::differencesFrom(const CodexAcceptance &older) const
{
    // Only questions one of the two releases answers differently from the recorded table can differ.
    QMap<QString, QSet<QString>> asked; // sorted by key for a stable list
    for (const ReleaseAnswers *release : {m_release.get(), older.m_release.get()}) {
        if (!release)
            continue;
        for (auto it = release->cbegin(); it != release->cend(); ++it) {
            QSet<QString> &questions = asked[it.key()];
            if (it->status)
                questions.insert(QStringLiteral("status"));
            if (it->unknownKey)
                questions.insert(QStringLiteral("unknown_key"));
            for (auto kind = it->kinds.cbegin(); kind != it->kinds.cend(); ++kind)
                questions.insert(QStringLiteral("kinds.") + kind.key());
            for (auto value = it->values.cbegin(); value != it->values.cend(); ++value)
                questions.insert(QStringLiteral("values.") + value.key());
        }
    }
    QList<Difference> differences;
    for (auto it = asked.cbegin(); it != asked.cend(); ++it) {
        QStringList questions(it->cbegin(), it->cend());
        questions.sort();
        for (const QString &question : std::as_const(questions)) {
            const Answer before = older.answer(it.key(), question);
            const Answer after = answer(it.key(), question);
            if (!(before == after))
                differences.append({it.key(), question, before, after});
        }
    }
    return differences;
}

const CodexAcceptance::SlotAnswers *CodexAcceptance::releaseAnswers(const QString &key) const
{
    if (!m_release)
        return nullptr;
    const auto it = m_release->constFind(key);
    return it == m_release->cend() ? nullptr : &*it;
}

bool CodexAcceptance::knows(const KeyPath &path) const
{
    return m_tree->find(path) != nullptr;
}

} // namespace Posture::Core
