// SPDX-License-Identifier: Apache-2.0
// posture-probe-acceptance CODEX SCHEMA OUT [JOBS]: asks the real Codex CLI, one key at a time, what it accepts, and
// writes the acceptance table the engine compiles in (models/core/config/schema/acceptance.json; format in
// models/core/config/schema/ACCEPTANCE.md). scripts/record-acceptance runs it with the pinned CLI.
//
// For every key of Codex's published schema (SCHEMA), and the keys real configurations use that the schema lacks, it
// writes a config.toml holding that key alone (plus what its tables need to be valid) and records `codex doctor
// --json`:
// - a valid value, trying candidates until one loads;
// - a value of each TOML kind (string, integer, float, boolean, array, table, datetime);
// - for keys with a set of values: every value the schema names and values real configurations use beyond it;
// - for tables: an unknown key inside;
// - for keys that live in a table: the key written at the top level instead.
// Each answer is ok, warning (with Codex's warning text) or fail (with the error `debug prompt-input` prints). The CLI
// runs as the differential test runs it (verdict.cpp): no network, PATH=/usr/bin:/bin, in a temporary home.
#include "acceptanceprobe.h"
#include "core/config/configschema.h"
#include "verdict.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThreadPool>

#include <cstdio>
#include <map>

using namespace Posture::Tests;

namespace {

// Values people write for Codex's enumerations beyond the published ones (seen in public configurations), and one that
// nobody writes.
const QStringList &extraEnumValues()
{
    static const QStringList values{QStringLiteral("ultra"), QStringLiteral("max"), QStringLiteral("xhigh"),
        QStringLiteral("minimal"), QStringLiteral("none"), QStringLiteral("auto"), QStringLiteral("default"),
        QStringLiteral("on"), QStringLiteral("off"), QStringLiteral("enabled"), QStringLiteral("disabled"),
        QStringLiteral("restricted"), QStringLiteral("full"), QStringLiteral("untrusted"),
        QStringLiteral("probe-unknown-value")};
    return values;
}

// Keys real configurations use that the schema does not list, with a value their authors meant to be valid.
const QList<std::pair<QString, QString>> &keysBeyondSchema()
{
    static const QList<std::pair<QString, QString>> keys{{QStringLiteral("agents.enabled"), QStringLiteral("true")},
        {QStringLiteral("agents.max_concurrent_threads_per_session"), QStringLiteral("4")},
        {QStringLiteral("agents.default_subagent_model"), QStringLiteral("\"probe\"")},
        {QStringLiteral("agents.default_subagent_reasoning_effort"), QStringLiteral("\"high\"")},
        {QStringLiteral("features.context_management"), QStringLiteral("{ experimental_mode = true }")},
        {QStringLiteral("tools.update_plan"), QStringLiteral("{ enabled = true }")},
        {QStringLiteral("commit_attribution"), QStringLiteral("true")},
        {QStringLiteral("network_access"), QStringLiteral("true")},
        {QStringLiteral("tui.notifications"), QStringLiteral("true")},
        {QStringLiteral("preferred_auth_method"), QStringLiteral("\"apikey\"")},
        {QStringLiteral("experimental_use_rmcp_client"), QStringLiteral("true")},
        {QStringLiteral("mcp_servers.*.startup_timeout_ms"), QStringLiteral("20000")},
        {QStringLiteral("tools.view_image"), QStringLiteral("true")},
        {QStringLiteral("features.web_search_request"), QStringLiteral("true")}};
    return keys;
}

// What a table needs before its keys can be probed: Codex refuses an MCP server with neither command nor url, and a
// provider without a name. Each entry lists alternatives, tried in order (none of the commands exists).
const QHash<QString, QStringList> &tableContexts()
{
    static const QHash<QString, QStringList> contexts{
        {QStringLiteral("mcp_servers.*"),
            {QStringLiteral("command = \"/nonexistent/codex-posture-probe-mcp\""),
                QStringLiteral("url = \"https://probe.invalid/mcp\"")}},
        {QStringLiteral("model_providers.*"), {QStringLiteral("name = \"probe\"")}},
        {QStringLiteral("agents.*"), {QStringLiteral("description = \"probe\"")}},
    };
    return contexts;
}

// A schema node with $ref resolved and allOf merged into one object.
class SchemaReader
{
public:
    explicit SchemaReader(const QJsonObject &root)
        : m_root(root)
        , m_definitions(root.value(u"definitions").toObject())
    { }

    QJsonObject root() const { return merged(m_root); }

    QJsonObject merged(QJsonObject node) const
    {
        for (int depth = 0; node.contains(u"$ref") && depth < 32; ++depth)
            node = m_definitions.value(node.value(u"$ref").toString().section(u'/', -1)).toObject();
        const QJsonArray parts = node.value(u"allOf").toArray();
        node.remove(QStringLiteral("allOf"));
        for (const QJsonValue &part : parts) {
            const QJsonObject partNode = merged(part.toObject());
            for (auto it = partNode.constBegin(); it != partNode.constEnd(); ++it) {
                if (it.key() == u"properties" && node.contains(u"properties")) {
                    QJsonObject properties = node.value(u"properties").toObject();
                    const QJsonObject more = it.value().toObject();
                    for (auto p = more.constBegin(); p != more.constEnd(); ++p)
                        properties.insert(p.key(), p.value());
                    node.insert(QStringLiteral("properties"), properties);
                } else if (!node.contains(it.key())) {
                    node.insert(it.key(), it.value());
                }
            }
        }
        return node;
    }

    // The node and its anyOf / oneOf alternatives, each merged.
    QList<QJsonObject> variants(const QJsonObject &node) const
    {
        QList<QJsonObject> all{node};
        for (const char *keyword : {"anyOf", "oneOf"}) {
            for (const QJsonValue &branch : node.value(QLatin1StringView(keyword)).toArray())
                all += variants(merged(branch.toObject()));
        }
        return all;
    }

private:
    QJsonObject m_root;
    QJsonObject m_definitions;
};

// A key to probe: its path (`*` for a name the user chooses) and the candidates for a valid value.
struct Slot
{
    QStringList path;
    QStringList validCandidates;
    QStringList enumValues;
    bool table = false;
    bool beyondSchema = false;
};

class SlotCollector
{
public:
    explicit SlotCollector(const SchemaReader &schema)
        : m_schema(schema)
    { }

    QList<Slot> collect()
    {
        Slot root;
        root.table = true;
        root.validCandidates = {QString()};
        m_slots.append(root);
        walk(m_schema.root(), {}, 0);
        return m_slots;
    }

private:
    void walk(const QJsonObject &node, const QStringList &path, int depth)
    {
        if (depth > 5)
            return;
        std::map<QString, QJsonObject> children;
        std::optional<QJsonObject> additional;
        for (const QJsonObject &variant : m_schema.variants(node)) {
            const QJsonObject properties = variant.value(u"properties").toObject();
            for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
                children.emplace(it.key(), m_schema.merged(it.value().toObject()));
            if (variant.value(u"additionalProperties").isObject() && !additional)
                additional = m_schema.merged(variant.value(u"additionalProperties").toObject());
        }
        if (additional)
            children.emplace(Wildcard, *additional);
        for (const auto &[name, child] : children) {
            const QStringList childPath = path + QStringList{name};
            m_slots.append(slotFor(childPath, child));
            walk(child, childPath, depth + 1);
        }
    }

    Slot slotFor(const QStringList &path, const QJsonObject &node) const
    {
        Slot slot;
        slot.path = path;
        for (const QJsonObject &variant : m_schema.variants(node)) {
            for (const QJsonValue &value : variant.value(u"enum").toArray()) {
                if (value.isString() && !slot.enumValues.contains(value.toString()))
                    slot.enumValues.append(value.toString());
            }
            const QStringList types = Posture::Core::ConfigSchema::typesOf(variant);
            if (types.contains(QStringLiteral("object")) || variant.contains(u"properties")
                || variant.contains(u"additionalProperties"))
                slot.table = true;
            for (const QString &type : types)
                slot.validCandidates += candidatesFor(type, variant, path);
        }
        if (!slot.enumValues.isEmpty())
            slot.validCandidates.prepend(u'"' + slot.enumValues.constFirst() + u'"');
        slot.validCandidates.removeDuplicates();
        return slot;
    }

    QStringList candidatesFor(const QString &type, const QJsonObject &node, const QStringList &path) const
    {
        if (type == u"string")
            return {QStringLiteral("\"probe\""), QStringLiteral("\"/tmp/codex-posture-probe\""),
                QStringLiteral("\"https://probe.invalid/\"")};
        if (type == u"integer")
            return {QString::number(qMax(1, node.value(u"minimum").toInt(1)))};
        if (type == u"number")
            return {QStringLiteral("1.5")};
        if (type == u"boolean")
            return {QStringLiteral("true")};
        if (type == u"array")
            return {QStringLiteral("[]")};
        if (type != u"object")
            return {};
        QStringList required;
        for (const QJsonValue &key : node.value(u"required").toArray()) {
            const QJsonObject property =
                m_schema.merged(node.value(u"properties").toObject().value(key.toString()).toObject());
            const Slot inner = slotFor(path + QStringList{key.toString()}, property);
            if (!inner.validCandidates.isEmpty())
                required.append(tomlKey({key.toString()}) + QStringLiteral(" = ") + inner.validCandidates.constFirst());
        }
        QStringList candidates{u"{ " + required.join(QStringLiteral(", ")) + QStringLiteral(" }")};
        for (const QString &context : tableContexts().value(tomlKey(path).replace(ProbeName, Wildcard)))
            candidates.append(QStringLiteral("{ ") + context + QStringLiteral(" }"));
        return candidates;
    }

    const SchemaReader &m_schema;
    QList<Slot> m_slots;
};

// Runs many questions on a pool of threads (each one is a separate short-lived CLI process).
class Prober
{
public:
    Prober(QString codex, int jobs)
        : m_codex(std::move(codex))
    {
        m_pool.setMaxThreadCount(jobs);
    }

    void ask(const QString &config, std::function<void(const Outcome &)> done)
    {
        m_pool.start([this, config, done = std::move(done)] {
            const Outcome outcome = askCodex(m_codex, config);
            const QMutexLocker lock(&m_mutex);
            if (outcome.status.isEmpty())
                ++m_unanswered;
            done(outcome);
            if (++m_asked % 250 == 0)
                std::fprintf(stderr, "%d questions asked\n", m_asked);
        });
    }
    void wait() { m_pool.waitForDone(); }
    QMutex &mutex() { return m_mutex; }
    int asked() const { return m_asked; }
    int unanswered() const { return m_unanswered; }

private:
    QString m_codex;
    QThreadPool m_pool;
    QMutex m_mutex;
    int m_asked = 0;
    int m_unanswered = 0;
};

QString configWith(const Slot &slot, const QString &context, const QString &value)
{
    return probeConfig(slot.path, context, value);
}

// The context lines for a slot: for each table on its way that needs something, one alternative (index chosen).
QStringList contextsFor(const Slot &slot)
{
    QStringList contexts{QString()};
    for (qsizetype length = 1; length < slot.path.size(); ++length) {
        const QStringList prefix = slot.path.first(length);
        QStringList pattern = prefix;
        const QStringList alternatives = tableContexts().value(pattern.join(u'.'));
        if (alternatives.isEmpty())
            continue;
        QStringList expanded;
        for (const QString &alternative : alternatives) {
            if (alternative.section(u' ', 0, 0) == slot.path.value(length))
                continue; // the slot itself sets this key
            for (const QString &before : std::as_const(contexts))
                expanded.append((before.isEmpty() ? QString() : before + u'\n') + tomlKey(prefix) + u'.' + alternative);
        }
        contexts = expanded + contexts; // the alternatives first, then without
    }
    return contexts;
}

struct SlotResult
{
    Slot slot;
    QString context;
    QString valid; // the literal that loaded, empty when none did
    Outcome validOutcome;
    std::map<QString, Outcome> kinds;
    std::map<QString, Outcome> values;
    std::optional<Outcome> unknownKey;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 4) {
        std::fprintf(stderr, "usage: posture-probe-acceptance CODEX SCHEMA OUT [JOBS]\n");
        return 2;
    }
    const QString codex = arguments.at(1);
    QFile schemaFile(arguments.at(2));
    if (!schemaFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(schemaFile.fileName()), qPrintable(schemaFile.errorString()));
        return 1;
    }
    const SchemaReader schema(QJsonDocument::fromJson(schemaFile.readAll()).object());
    QList<Slot> slots = SlotCollector(schema).collect();
    for (const auto &[key, value] : keysBeyondSchema()) {
        const QStringList path = key.split(u'.');
        if (std::any_of(slots.cbegin(), slots.cend(), [&](const Slot &slot) { return slot.path == path; }))
            continue;
        slots.append(Slot{path, {value}, {}, false, true});
    }
    std::fprintf(stderr, "%lld keys to probe\n", qlonglong(slots.size()));

    // First a valid value for each slot: candidates one after another, each in every context, until one loads without
    // a warning (or the best that loads at all).
    const int jobs = arguments.size() > 4 ? arguments.at(4).toInt() : 4;
    QList<SlotResult> results(slots.size());
    for (qsizetype i = 0; i < slots.size(); ++i)
        results[i].slot = slots.at(i);
    QThreadPool::globalInstance()->setMaxThreadCount(jobs);
    for (qsizetype i = 0; i < slots.size(); ++i) {
        SlotResult &result = results[i];
        QThreadPool::globalInstance()->start([&result, &codex] {
            for (const QString &context : contextsFor(result.slot)) {
                for (const QString &candidate : result.slot.validCandidates) {
                    const Outcome outcome = askCodex(codex, configWith(result.slot, context, candidate));
                    // The first value that loads without a word wins; one that loads with a warning (a table
                    // missing what it needs, or a deprecated key) only when no other does.
                    const bool better =
                        result.valid.isEmpty() && (outcome.loads() || result.validOutcome.status.isEmpty());
                    if (better || (outcome.status == u"ok" && result.validOutcome.status != u"ok")) {
                        result.validOutcome = outcome;
                        result.context = context;
                        result.valid = outcome.loads() ? candidate : QString();
                    }
                    if (outcome.status == u"ok")
                        return;
                }
            }
        });
    }
    QThreadPool::globalInstance()->waitForDone();
    std::fprintf(stderr, "valid values found for %lld of %lld keys\n",
        qlonglong(
            std::count_if(results.cbegin(), results.cend(), [](const SlotResult &r) { return !r.valid.isEmpty(); })),
        qlonglong(results.size()));

    // Then every other question, all at once.
    Prober prober(codex, jobs);
    std::map<QString, Outcome> topLevel;
    QStringList topLevelNames;
    const QJsonObject rootProperties = schema.root().value(u"properties").toObject();
    for (SlotResult &result : results) {
        const Slot &slot = result.slot;
        if (slot.path.isEmpty()) {
            prober.ask(
                QStringLiteral("probe_unknown_key = true\n"), [&result](const Outcome &o) { result.unknownKey = o; });
            continue;
        }
        for (const auto &[kind, literal] : kindLiterals()) {
            prober.ask(configWith(slot, result.context, literal),
                [&result, kind](const Outcome &o) { result.kinds[kind] = o; });
        }
        QStringList values = slot.enumValues;
        if (!values.isEmpty())
            values += extraEnumValues();
        values.removeDuplicates();
        for (const QString &value : std::as_const(values)) {
            prober.ask(configWith(slot, result.context, u'"' + value + u'"'),
                [&result, value](const Outcome &o) { result.values[value] = o; });
        }
        if (slot.table && result.valid.startsWith(u'{')) {
            prober.ask(configWith(slot, result.context, withUnknownKey(result.valid)),
                [&result](const Outcome &o) { result.unknownKey = o; });
        }
        const QString leaf = slot.path.constLast();
        if (slot.path.size() > 1 && leaf != Wildcard && !rootProperties.contains(leaf) && !result.valid.isEmpty()
            && !topLevelNames.contains(leaf)) {
            topLevelNames.append(leaf);
            prober.ask(tomlKey({leaf}) + QStringLiteral(" = ") + result.valid + u'\n',
                [&topLevel, leaf](const Outcome &o) { topLevel[leaf] = o; });
        }
    }
    prober.wait();

    AnswerTexts table;
    QJsonObject slotsJson;
    for (const SlotResult &result : std::as_const(results)) {
        QJsonObject entry;
        entry.insert(QStringLiteral("valid"), result.valid.isEmpty() ? QJsonValue() : QJsonValue(result.valid));
        entry.insert(QStringLiteral("status"), table.encode(result.validOutcome));
        if (!result.context.isEmpty())
            entry.insert(QStringLiteral("context"), result.context);
        if (result.slot.beyondSchema)
            entry.insert(QStringLiteral("beyond_schema"), true);
        QJsonObject kinds;
        for (const auto &[kind, outcome] : result.kinds)
            kinds.insert(kind, table.encode(outcome));
        if (!kinds.isEmpty())
            entry.insert(QStringLiteral("kinds"), kinds);
        QJsonObject values;
        for (const auto &[value, outcome] : result.values)
            values.insert(value, table.encode(outcome));
        if (!values.isEmpty())
            entry.insert(QStringLiteral("values"), values);
        if (result.unknownKey)
            entry.insert(QStringLiteral("unknown_key"), table.encode(*result.unknownKey));
        slotsJson.insert(result.slot.path.join(u'.'), entry);
    }
    QJsonObject topLevelJson;
    for (const auto &[name, outcome] : topLevel)
        topLevelJson.insert(name, table.encode(outcome));

    QString versionError;
    const QString version =
        QString::fromUtf8(runOracle(codex, CodexCase{QDir::tempPath(), QDir::tempPath(), QDir::tempPath(), {}, {}},
                              {QStringLiteral("--version")}, &versionError))
            .trimmed()
            .section(u' ', -1);
    const QJsonObject document{{QStringLiteral("codex_version"), version},
        {QStringLiteral("generated_by"), QStringLiteral("scripts/record-acceptance")},
        {QStringLiteral("questions"), prober.asked()}, {QStringLiteral("slots"), slotsJson},
        {QStringLiteral("top_level"), topLevelJson}, {QStringLiteral("texts"), table.json()}};
    QFile out(arguments.at(3));
    if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(document).toJson(QJsonDocument::Indented)) < 0) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(out.fileName()), qPrintable(out.errorString()));
        return 1;
    }
    std::fprintf(stderr, "%d questions, %d unanswered; wrote %s\n", prober.asked(), prober.unanswered(),
        qPrintable(out.fileName()));
    return prober.unanswered() == 0 ? 0 : 1;
}
