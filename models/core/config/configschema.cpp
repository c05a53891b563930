// SPDX-License-Identifier: Apache-2.0
#include "core/config/configschema.h"

#include "core/config/codexacceptance.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <deque>
#include <mutex>

namespace Posture::Core {

namespace {

// What a problem is about: the value's type or enum (which Codex may take after all, see CodexAcceptance), its range
// or a missing key, a key the schema does not know, or something only the real CLI said.
enum class IssueKind { Type, Enum, Range, Required, UnknownKey, Codex };

struct Issue
{
    DiagnosticSeverity severity;
    KeyPath path;
    QString text;
    QString hint;
    IssueKind kind = IssueKind::Type;
};

using Issues = QList<Issue>;

bool hasError(const Issues &issues)
{
    return std::any_of(
        issues.cbegin(), issues.cend(), [](const Issue &issue) { return issue.severity == DiagnosticSeverity::Error; });
}

// The JSON Schema type names a TOML value can satisfy ("integer" values also satisfy "number"): the value's TOML kind
// in JSON Schema's words; a TOML date or time matches no JSON type.
QString jsonType(const QVariant &value)
{
    if (value.typeId() == QMetaType::Nullptr)
        return QStringLiteral("null"); // only in JSON documents (the report's own schema test)
    const QString kind = CodexAcceptance::kindOf(value);
    if (kind == u"table")
        return QStringLiteral("object");
    if (kind == u"float")
        return QStringLiteral("number");
    return kind;
}

bool typeAccepts(const QString &schemaType, const QString &valueType)
{
    return schemaType == valueType || (schemaType == u"number" && valueType == u"integer");
}

// How a type reads in a sentence: "a string", "a table", ...
QString typePhrase(const QString &type)
{
    if (type == u"object")
        return QStringLiteral("a table");
    if (type == u"array")
        return QStringLiteral("an array");
    if (type == u"integer")
        return QStringLiteral("an integer");
    if (type == u"datetime")
        return QStringLiteral("a date or time");
    return QStringLiteral("a ") + type;
}

// Short values are quoted in messages so the user sees what was written; long ones might be secrets and are not.
QString shownValue(const QVariant &value)
{
    const QString text = value.toString();
    if (value.typeId() == QMetaType::QString && text.size() <= 40)
        return u'"' + text + u'"';
    if (value.typeId() == QMetaType::Bool || value.typeId() == QMetaType::LongLong)
        return text;
    return typePhrase(jsonType(value));
}

} // namespace

// One schema, compiled once: $ref resolved to shared nodes and every keyword read into a field, so that checking
// tens of thousands of values does no JSON lookups (see scripts/bench).
struct SchemaNode
{
    QStringList types; // empty: any type
    bool hasEnum = false;
    QJsonArray enumValues;
    std::optional<double> minimum;
    std::optional<double> maximum;
    QList<const SchemaNode *> allOf;
    QList<const SchemaNode *> alternatives; // oneOf or anyOf
    bool checksObject = false; // has properties, additionalProperties or required
    QHash<QString, const SchemaNode *> properties;
    QStringList propertyNames;
    enum class Additional { Allowed, Forbidden, Schema } additional = Additional::Allowed;
    const SchemaNode *additionalSchema = nullptr;
    QStringList required;
    const SchemaNode *items = nullptr;
    const SchemaNode *unknownKeyType = nullptr; // x-unknown-key-type: unknown keys warn, but must have this type

    // Filled from source on first use (CompiledSchema::ready): a small config touches a few dozen of the schema's
    // thousand nodes, and compiling them all would cost every start more than parsing the schema does.
    QJsonObject source;
    mutable std::once_flag filled;
};

class CompiledSchema
{
public:
    explicit CompiledSchema(const QJsonObject &root)
        : m_definitions(root.value(u"definitions").toObject())
    {
        m_root = compile(root);
    }

    const SchemaNode *root() const { return &ready(*m_root); }

    // The node with its fields read from its schema. Thread-safe: the engine may run on a worker thread.
    const SchemaNode &ready(const SchemaNode &node) const
    {
        std::call_once(node.filled, [this, &node] {
            const std::lock_guard lock(m_mutex);
            // Filling adds nodes to this compiled schema; nothing else about it changes.
            const_cast<CompiledSchema *>(this)->fill(const_cast<SchemaNode &>(node), node.source);
        });
        return node;
    }

private:
    const SchemaNode *compile(const QJsonObject &schema)
    {
        if (schema.contains(u"$ref")) {
            // A $ref replaces the schema it stands in (draft 7); each definition is compiled once and shared, which
            // also makes recursive definitions work.
            const QString name = schema.value(u"$ref").toString().section(u'/', -1);
            if (const auto it = m_byDefinition.constFind(name); it != m_byDefinition.cend())
                return *it;
            SchemaNode *node = create();
            m_byDefinition.insert(name, node);
            node->source = m_definitions.value(name).toObject();
            return node;
        }
        SchemaNode *node = create();
        node->source = schema;
        return node;
    }

    SchemaNode *create() { return &m_nodes.emplace_back(); }

    void fill(SchemaNode &node, const QJsonObject &schema)
    {
        node.types = ConfigSchema::typesOf(schema);
        node.hasEnum = schema.contains(u"enum");
        node.enumValues = schema.value(u"enum").toArray();
        if (schema.contains(u"minimum"))
            node.minimum = schema.value(u"minimum").toDouble();
        if (schema.contains(u"maximum"))
            node.maximum = schema.value(u"maximum").toDouble();
        for (const QJsonValue &part : schema.value(u"allOf").toArray())
            node.allOf.append(compile(part.toObject()));
        const QJsonArray alternatives =
            schema.contains(u"oneOf") ? schema.value(u"oneOf").toArray() : schema.value(u"anyOf").toArray();
        for (const QJsonValue &branch : alternatives)
            node.alternatives.append(compile(branch.toObject()));
        node.checksObject =
            schema.contains(u"properties") || schema.contains(u"additionalProperties") || schema.contains(u"required");
        const QJsonObject properties = schema.value(u"properties").toObject();
        for (auto it = properties.constBegin(); it != properties.constEnd(); ++it)
            node.properties.insert(it.key(), compile(it.value().toObject()));
        node.propertyNames = properties.keys();
        const QJsonValue additional = schema.value(u"additionalProperties");
        if (additional.isObject()) {
            node.additional = SchemaNode::Additional::Schema;
            node.additionalSchema = compile(additional.toObject());
        } else if (additional.isBool() && !additional.toBool()) {
            node.additional = SchemaNode::Additional::Forbidden;
        }
        for (const QJsonValue &key : schema.value(u"required").toArray())
            node.required.append(key.toString());
        if (schema.value(u"items").isObject())
            node.items = compile(schema.value(u"items").toObject());
        if (schema.contains(u"x-unknown-key-type"))
            node.unknownKeyType = compile(QJsonObject{{QStringLiteral("type"), schema.value(u"x-unknown-key-type")}});
    }

    QJsonObject m_definitions;
    mutable std::mutex m_mutex;
    std::deque<SchemaNode> m_nodes; // stable addresses
    QHash<QString, const SchemaNode *> m_byDefinition;
    const SchemaNode *m_root = nullptr;
};

namespace {

class Validator
{
public:
    Validator(const CompiledSchema &schema, const CodexAcceptance *acceptance)
        : m_schema(schema)
        , m_topLevel(schema.root())
        , m_acceptance(acceptance)
    { }

    void check(const SchemaNode &node, const QVariant &value, KeyPath &path, Issues &out) const;

private:
    void checkAlternatives(const SchemaNode &node, const QVariant &value, KeyPath &path, Issues &out) const;
    void checkObject(const SchemaNode &node, const QVariantMap &map, KeyPath &path, Issues &out) const;
    // Every enum value the schema (through its alternatives) allows, for "expected one of" messages.
    QStringList enumValues(const SchemaNode &node) const;
    // What the user probably meant by an unknown key: a sibling it is a typo of, or a top-level setting that landed
    // in this table because it was written after the table's header (the table trap).
    QString unknownKeyHint(const KeyPath &path, const SchemaNode &table) const;
    // Corrects the schema's verdict on one key's value (issues) with what the real CLI did (the acceptance table).
    void judgeAsCodexDid(const QVariant &value, const KeyPath &path, Issues &issues) const;
    void judgeUnknownKey(const QVariant &value, const KeyPath &path, Issues &issues) const;

    const CompiledSchema &m_schema;
    const SchemaNode *m_topLevel;
    const CodexAcceptance *m_acceptance;
};

namespace {

// Codex's own warning, as an issue: a key it ignores joins the other ignored keys (one startup warning for all).
Issue codexWarning(const KeyPath &path, const QString &codexText)
{
    if (codexText.contains(QStringLiteral("is ignored")))
        return {DiagnosticSeverity::Warning, path, QStringLiteral("is not used by Codex; Codex ignores it"), {},
            IssueKind::UnknownKey};
    return {DiagnosticSeverity::Warning, path, QStringLiteral("— Codex warns: ") + codexText, {}, IssueKind::Codex};
}

Issue codexRefusal(const KeyPath &path, const QVariant &value)
{
    return {DiagnosticSeverity::Error, path,
        QStringLiteral("cannot be %1: Codex refuses to start with it").arg(typePhrase(jsonType(value))),
        QStringLiteral("The published schema allows it, but the real Codex CLI did not."), IssueKind::Codex};
}

} // namespace

void Validator::judgeUnknownKey(const QVariant &value, const KeyPath &path, Issues &issues) const
{
    // A key the CLI knows though the schema does not (measured on its own) is judged by its value; any other
    // unknown key as the CLI treated an unknown key in this table.
    const bool known = m_acceptance->knows(path);
    const CodexAcceptance::Answer answer =
        known ? m_acceptance->value(path, value) : m_acceptance->unknownKeyIn(path.first(path.size() - 1));
    if (answer.status == CodexAcceptance::Status::Unknown || answer.status == CodexAcceptance::Status::Warning)
        return;
    if (known) {
        // A setting of the CLI's that the schema lacks ([agents] enabled): taken, or refused.
        issues.removeIf([&](const Issue &issue) {
            return issue.path == path && (issue.kind == IssueKind::UnknownKey || issue.kind == IssueKind::Type);
        });
        if (answer.status == CodexAcceptance::Status::Fail)
            issues.append(codexRefusal(path, value));
        return;
    }
    // An agent role ([agents.<name>]) takes settings of its own (model, sandbox_mode, ...) that the schema does not
    // list and Codex loads without a word: accepted, not ignored (rw-agents-role-tables).
    if (answer.status == CodexAcceptance::Status::Ok && path.size() == 3 && path.constFirst() == u"agents") {
        issues.removeIf([&](const Issue &issue) { return issue.path == path && issue.kind == IssueKind::UnknownKey; });
        return;
    }
    for (Issue &issue : issues) {
        if (issue.path != path || issue.kind != IssueKind::UnknownKey)
            continue;
        if (answer.status == CodexAcceptance::Status::Fail) {
            issue = codexRefusal(path, value);
        } else {
            // Codex drops it without a word ([tui] and similar tables): still ignored, so still worth knowing.
            issue.severity = DiagnosticSeverity::Info;
            issue.text = QStringLiteral("is not a Codex setting; Codex ignores it without a warning");
        }
    }
}

void Validator::judgeAsCodexDid(const QVariant &value, const KeyPath &path, Issues &issues) const
{
    if (std::any_of(issues.cbegin(), issues.cend(),
            [&](const Issue &issue) { return issue.path == path && issue.kind == IssueKind::UnknownKey; })) {
        judgeUnknownKey(value, path, issues);
        return;
    }
    const CodexAcceptance::Answer answer = m_acceptance->value(path, value);
    if (answer.status == CodexAcceptance::Status::Unknown)
        return;
    const auto wrongTypeOrValue = [&](const Issue &issue) {
        return issue.path == path && (issue.kind == IssueKind::Type || issue.kind == IssueKind::Enum);
    };
    if (std::any_of(issues.cbegin(), issues.cend(), wrongTypeOrValue)) {
        // The schema refuses the value's type or value; the CLI took it (a boolean [tools] web_search, any string
        // for model_reasoning_effort), or took it with a warning.
        if (answer.status == CodexAcceptance::Status::Fail)
            return;
        issues.removeIf(wrongTypeOrValue);
        if (answer.status == CodexAcceptance::Status::Warning)
            issues.append(codexWarning(path, answer.text));
        return;
    }
    // The schema takes it. A warning of the CLI's is about this value only when the value is a scalar whose content
    // cannot matter (a boolean, a number) or the very string measured: a deprecated flag, an ignored key. A refusal is
    // left to CodexChecks: the CLI refuses some values only after merging the layers (a retired value a higher layer
    // overrides does not stop it), which a key alone in a file cannot show.
    const QString kind = CodexAcceptance::kindOf(value);
    const bool scalar = kind != u"string" && kind != u"array" && kind != u"table";
    if ((scalar || answer.forThisValue) && answer.status == CodexAcceptance::Status::Warning)
        issues.append(codexWarning(path, answer.text));
}

QString Validator::unknownKeyHint(const KeyPath &path, const SchemaNode &table) const
{
    const QString key = path.constLast();
    if (path.size() == 3 && path.constFirst() == u"profiles") {
        return QStringLiteral(
            "A profile cannot set `%1`; Codex ignores it in [profiles.%2]. If it should apply to every "
            "session, set it in config.toml outside the profiles.")
            .arg(key, path.at(1));
    }
    if (path.size() > 1 && m_topLevel->properties.contains(key)) {
        return QStringLiteral("`%1` is a top-level setting. It landed in [%2] because it was written after that "
                              "table's header: move it above the first table header.")
            .arg(key, keyPathToString(path.first(path.size() - 1)));
    }
    QString normalised = key;
    normalised.replace(u'-', u'_');
    for (const QString &sibling : table.propertyNames) {
        if (normalised == sibling || (key.size() > 3 && editDistance(key, sibling) <= 2))
            return QStringLiteral("Did you mean `%1`?").arg(sibling);
    }
    return {};
}

QStringList Validator::enumValues(const SchemaNode &unready) const
{
    const SchemaNode &node = m_schema.ready(unready);
    QStringList values;
    for (const QJsonValue &value : node.enumValues)
        values.append(value.toString());
    for (const SchemaNode *part : node.allOf)
        values += enumValues(*part);
    for (const SchemaNode *branch : node.alternatives)
        values += enumValues(*branch);
    return values;
}

void Validator::check(const SchemaNode &unready, const QVariant &value, KeyPath &path, Issues &out) const
{
    const SchemaNode &node = m_schema.ready(unready);
    for (const SchemaNode *part : node.allOf)
        check(*part, value, path, out);
    if (!node.alternatives.isEmpty())
        checkAlternatives(node, value, path, out);

    const QString valueType = jsonType(value);
    if (!node.types.isEmpty() && std::none_of(node.types.cbegin(), node.types.cend(), [&](const QString &type) {
            return typeAccepts(type, valueType);
        })) {
        QStringList expected;
        for (const QString &type : node.types) {
            if (type != u"null")
                expected.append(typePhrase(type));
        }
        out.append({DiagnosticSeverity::Error, path,
            QStringLiteral("must be %1, not %2").arg(expected.join(QStringLiteral(" or ")), typePhrase(valueType)), {},
            IssueKind::Type});
        return;
    }
    if (node.hasEnum && !node.enumValues.contains(QJsonValue::fromVariant(value))) {
        out.append({DiagnosticSeverity::Error, path,
            QStringLiteral("has the unknown value %1; expected one of: %2")
                .arg(shownValue(value), enumValues(node).join(QStringLiteral(", "))),
            {}, IssueKind::Enum});
        return;
    }
    if (valueType == u"integer" || valueType == u"number") {
        const double number = value.toDouble();
        if (node.minimum && number < *node.minimum)
            out.append({DiagnosticSeverity::Error, path, QStringLiteral("must be at least %1").arg(*node.minimum), {},
                IssueKind::Range});
        if (node.maximum && number > *node.maximum)
            out.append({DiagnosticSeverity::Error, path, QStringLiteral("must be at most %1").arg(*node.maximum), {},
                IssueKind::Range});
    }
    if (value.typeId() == QMetaType::QVariantMap && node.checksObject)
        checkObject(node, value.toMap(), path, out);
    if (value.typeId() == QMetaType::QVariantList && node.items) {
        const QVariantList list = value.toList();
        for (qsizetype i = 0; i < list.size(); ++i) {
            path.append(arrayElementKey(i));
            check(*node.items, list.at(i), path, out);
            path.removeLast();
        }
    }
}

void Validator::checkAlternatives(const SchemaNode &node, const QVariant &value, KeyPath &path, Issues &out) const
{
    const QString valueType = jsonType(value);
    Issues best;
    bool haveBest = false;
    bool bestTypeMatches = false;
    for (const SchemaNode *branch : node.alternatives) {
        Issues issues;
        check(*branch, value, path, issues);
        if (!hasError(issues)) {
            out += issues; // the first alternative that fits decides (its unknown-key warnings count)
            return;
        }
        // Prefer the complaints of an alternative of the value's own type: they say what is wrong inside it.
        const QStringList &types = m_schema.ready(*branch).types;
        const bool typeMatches = std::any_of(
            types.cbegin(), types.cend(), [&](const QString &type) { return typeAccepts(type, valueType); });
        if (!haveBest || (typeMatches && !bestTypeMatches)) {
            best = issues;
            haveBest = true;
            bestTypeMatches = typeMatches;
        }
    }
    QStringList allowed;
    for (const SchemaNode *branch : node.alternatives)
        allowed += enumValues(*branch);
    if (valueType == u"string" && !allowed.isEmpty()) {
        out.append({DiagnosticSeverity::Error, path,
            QStringLiteral("has the unknown value %1; expected one of: %2")
                .arg(shownValue(value), allowed.join(QStringLiteral(", "))),
            {}, IssueKind::Enum});
        return;
    }
    out += best;
}

void Validator::checkObject(const SchemaNode &node, const QVariantMap &map, KeyPath &path, Issues &out) const
{
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        path.append(it.key());
        const SchemaNode *property = node.properties.value(it.key());
        Issues issues;
        if (property)
            check(*property, it.value(), path, issues);
        else if (node.additional == SchemaNode::Additional::Schema)
            check(*node.additionalSchema, it.value(), path, issues);
        else if (node.additional == SchemaNode::Additional::Forbidden)
            issues.append(
                {DiagnosticSeverity::Warning, path, QStringLiteral("is not a Codex setting; Codex ignores it"),
                    unknownKeyHint(path, node), IssueKind::UnknownKey});
        if (!property && node.unknownKeyType)
            check(*node.unknownKeyType, it.value(), path, issues);
        if (m_acceptance)
            judgeAsCodexDid(it.value(), path, issues);
        out += issues;
        path.removeLast();
    }
    for (const QString &required : node.required) {
        if (!map.contains(required))
            out.append({DiagnosticSeverity::Error, path, QStringLiteral("needs the key `%1`").arg(required), {},
                IssueKind::Required});
    }
}

// Where Codex 0.171.0 treats keys differently from its published schema (each seen with the real CLI):
// - an unknown [features] flag is only a warning, but its value must still be a boolean or a table;
// - a permission profile ([permissions.<name>]) accepts keys the schema does not list, without a warning.
void patchForCodexCli(QJsonObject &root)
{
    QJsonObject properties = root.value(u"properties").toObject();
    QJsonObject features = properties.value(u"features").toObject();
    features.insert(
        QStringLiteral("x-unknown-key-type"), QJsonArray{QStringLiteral("boolean"), QStringLiteral("object")});
    properties.insert(QStringLiteral("features"), features);
    root.insert(QStringLiteral("properties"), properties);
    QJsonObject definitions = root.value(u"definitions").toObject();
    QJsonObject profile = definitions.value(u"PermissionProfileToml").toObject();
    profile.remove(QStringLiteral("additionalProperties"));
    definitions.insert(QStringLiteral("PermissionProfileToml"), profile);
    root.insert(QStringLiteral("definitions"), definitions);
}

} // namespace

QStringList ConfigSchema::typesOf(const QJsonObject &schema)
{
    const QJsonValue type = schema.value(u"type");
    if (type.isString())
        return {type.toString()};
    QStringList types;
    for (const QJsonValue &entry : type.toArray())
        types.append(entry.toString());
    return types;
}

const ConfigSchema &ConfigSchema::codex()
{
    static const ConfigSchema schema = [] {
        QFile file(QStringLiteral(":/posture/codex-config.schema.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the Codex schema resource is missing from the build");
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        patchForCodexCli(root);
        ConfigSchema codexSchema(root);
        codexSchema.m_acceptance = &CodexAcceptance::codex();
        return codexSchema;
    }();
    return schema;
}

ConfigSchema::ConfigSchema(const QJsonObject &schema)
    : m_compiled(std::make_shared<const CompiledSchema>(schema))
{ }

ConfigSchema ConfigSchema::withAcceptance(const CodexAcceptance *acceptance) const
{
    ConfigSchema copy = *this;
    copy.m_acceptance = acceptance;
    return copy;
}

Diagnostics ConfigSchema::validate(const QVariantMap &root, const Locator &locate) const
{
    Issues issues;
    KeyPath path;
    Validator(*m_compiled, m_acceptance).check(*m_compiled->root(), root, path, issues);
    Diagnostics diagnostics;
    for (const Issue &issue : std::as_const(issues)) {
        // A missing key is reported at the nearest table that exists.
        KeyPath where = issue.path;
        SourceLocation location = locate(where);
        while (location.line <= 0 && !where.isEmpty()) {
            where.removeLast();
            location = locate(where);
        }
        const bool unknownKey = issue.kind == IssueKind::UnknownKey;
        const QString code = unknownKey ? QStringLiteral("unknown-key")
            : issue.kind == IssueKind::Codex && issue.severity == DiagnosticSeverity::Warning
            ? QStringLiteral("codex-warning")
            : QStringLiteral("invalid-value");
        diagnostics.append({issue.severity, location,
            u'`' + keyPathToString(issue.path) + QStringLiteral("` ") + issue.text, issue.hint, code, issue.path});
    }
    return diagnostics;
}

Diagnostics ConfigSchema::validate(const ConfigDocument &document) const
{
    return validate(document.root(), [&document](const KeyPath &path) { return document.location(path); });
}

} // namespace Posture::Core
