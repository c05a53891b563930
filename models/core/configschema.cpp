// SPDX-License-Identifier: Apache-2.0
#include "configschema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Posture::Core {

namespace {

struct Issue
{
    DiagnosticSeverity severity;
    KeyPath path;
    QString text;
    QString hint;
};

using Issues = QList<Issue>;

bool hasError(const Issues &issues)
{
    return std::any_of(
        issues.cbegin(), issues.cend(), [](const Issue &issue) { return issue.severity == DiagnosticSeverity::Error; });
}

// The JSON Schema type names a TOML value can satisfy ("integer" values also satisfy "number").
QString jsonType(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap:
        return QStringLiteral("object");
    case QMetaType::QVariantList:
        return QStringLiteral("array");
    case QMetaType::QString:
        return QStringLiteral("string");
    case QMetaType::Bool:
        return QStringLiteral("boolean");
    case QMetaType::LongLong:
        return QStringLiteral("integer");
    case QMetaType::Double:
        return QStringLiteral("number");
    case QMetaType::Nullptr:
        return QStringLiteral("null"); // only in JSON documents (the report's own schema test)
    default:
        return QStringLiteral("datetime"); // TOML dates and times: no JSON type matches them
    }
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

QStringList schemaTypes(const QJsonObject &schema)
{
    const QJsonValue type = schema.value(u"type");
    if (type.isString())
        return {type.toString()};
    QStringList types;
    for (const QJsonValue &entry : type.toArray())
        types.append(entry.toString());
    return types;
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

// The number of single-character edits between two short strings (for "did you mean").
int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        QList<int> current(b.size() + 1);
        current[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        previous = current;
    }
    return previous.constLast();
}

class Validator
{
public:
    Validator(const QJsonObject &definitions, const QJsonObject &topLevel)
        : m_definitions(definitions)
        , m_topLevel(topLevel)
    { }

    void check(const QJsonObject &schema, const QVariant &value, KeyPath &path, Issues &out) const;

private:
    QJsonObject resolve(QJsonObject schema) const;
    void checkAlternatives(const QJsonArray &branches, const QVariant &value, KeyPath &path, Issues &out) const;
    void checkObject(const QJsonObject &schema, const QVariantMap &map, KeyPath &path, Issues &out) const;
    // Every enum value the schema (through its alternatives) allows, for "expected one of" messages.
    QStringList enumValues(const QJsonObject &schema) const;
    // What the user probably meant by an unknown key: a sibling it is a typo of, or a top-level setting that landed
    // in this table because it was written after the table's header (the table trap).
    QString unknownKeyHint(const KeyPath &path, const QJsonObject &siblings) const;

    QJsonObject m_definitions;
    QJsonObject m_topLevel;
};

QString Validator::unknownKeyHint(const KeyPath &path, const QJsonObject &siblings) const
{
    const QString key = path.constLast();
    if (path.size() > 1 && m_topLevel.contains(key)) {
        return QStringLiteral("`%1` is a top-level setting. It landed in [%2] because it was written after that "
                              "table's header: move it above the first table header.")
            .arg(key, keyPathToString(path.first(path.size() - 1)));
    }
    QString normalised = key;
    normalised.replace(u'-', u'_');
    for (auto it = siblings.constBegin(); it != siblings.constEnd(); ++it) {
        if (normalised == it.key() || (key.size() > 3 && editDistance(key, it.key()) <= 2))
            return QStringLiteral("Did you mean `%1`?").arg(it.key());
    }
    return {};
}

QJsonObject Validator::resolve(QJsonObject schema) const
{
    // A $ref replaces the schema it stands in (draft 7); a chain of references is followed.
    for (int depth = 0; depth < 32 && schema.contains(u"$ref"); ++depth) {
        const QString reference = schema.value(u"$ref").toString();
        schema = m_definitions.value(reference.section(u'/', -1)).toObject();
    }
    return schema;
}

QStringList Validator::enumValues(const QJsonObject &schemaIn) const
{
    const QJsonObject schema = resolve(schemaIn);
    QStringList values;
    for (const QJsonValue &value : schema.value(u"enum").toArray())
        values.append(value.toString());
    for (const char16_t *keyword : {u"allOf", u"anyOf", u"oneOf"}) {
        for (const QJsonValue &branch : schema.value(QStringView(keyword)).toArray())
            values += enumValues(branch.toObject());
    }
    return values;
}

void Validator::check(const QJsonObject &schemaIn, const QVariant &value, KeyPath &path, Issues &out) const
{
    const QJsonObject schema = resolve(schemaIn);
    for (const QJsonValue &part : schema.value(u"allOf").toArray())
        check(part.toObject(), value, path, out);
    const QJsonArray alternatives =
        schema.contains(u"oneOf") ? schema.value(u"oneOf").toArray() : schema.value(u"anyOf").toArray();
    if (!alternatives.isEmpty())
        checkAlternatives(alternatives, value, path, out);

    const QString valueType = jsonType(value);
    const QStringList types = schemaTypes(schema);
    if (!types.isEmpty() && std::none_of(types.cbegin(), types.cend(), [&](const QString &type) {
            return typeAccepts(type, valueType);
        })) {
        QStringList expected;
        for (const QString &type : types) {
            if (type != u"null")
                expected.append(typePhrase(type));
        }
        out.append({DiagnosticSeverity::Error, path,
            QStringLiteral("must be %1, not %2").arg(expected.join(QStringLiteral(" or ")), typePhrase(valueType)),
            {}});
        return;
    }
    if (schema.contains(u"enum") && !schema.value(u"enum").toArray().contains(QJsonValue::fromVariant(value))) {
        out.append({DiagnosticSeverity::Error, path,
            QStringLiteral("has the unknown value %1; expected one of: %2")
                .arg(shownValue(value), enumValues(schema).join(QStringLiteral(", "))),
            {}});
        return;
    }
    if (valueType == u"integer" || valueType == u"number") {
        const double number = value.toDouble();
        if (schema.contains(u"minimum") && number < schema.value(u"minimum").toDouble())
            out.append({DiagnosticSeverity::Error, path,
                QStringLiteral("must be at least %1").arg(schema.value(u"minimum").toDouble()), {}});
        if (schema.contains(u"maximum") && number > schema.value(u"maximum").toDouble())
            out.append({DiagnosticSeverity::Error, path,
                QStringLiteral("must be at most %1").arg(schema.value(u"maximum").toDouble()), {}});
    }
    if (value.typeId() == QMetaType::QVariantMap
        && (schema.contains(u"properties") || schema.contains(u"additionalProperties") || schema.contains(u"required")))
        checkObject(schema, value.toMap(), path, out);
    if (value.typeId() == QMetaType::QVariantList && schema.value(u"items").isObject()) {
        const QVariantList list = value.toList();
        for (qsizetype i = 0; i < list.size(); ++i) {
            path.append(arrayElementKey(i));
            check(schema.value(u"items").toObject(), list.at(i), path, out);
            path.removeLast();
        }
    }
}

void Validator::checkAlternatives(const QJsonArray &branches, const QVariant &value, KeyPath &path, Issues &out) const
{
    const QString valueType = jsonType(value);
    Issues best;
    bool haveBest = false;
    bool bestTypeMatches = false;
    for (const QJsonValue &branch : branches) {
        Issues issues;
        check(branch.toObject(), value, path, issues);
        if (!hasError(issues)) {
            out += issues; // the first alternative that fits decides (its unknown-key warnings count)
            return;
        }
        // Prefer the complaints of an alternative of the value's own type: they say what is wrong inside it.
        const QStringList types = schemaTypes(resolve(branch.toObject()));
        const bool typeMatches = std::any_of(
            types.cbegin(), types.cend(), [&](const QString &type) { return typeAccepts(type, valueType); });
        if (!haveBest || (typeMatches && !bestTypeMatches)) {
            best = issues;
            haveBest = true;
            bestTypeMatches = typeMatches;
        }
    }
    QStringList allowed;
    for (const QJsonValue &branch : branches)
        allowed += enumValues(branch.toObject());
    if (valueType == u"string" && !allowed.isEmpty()) {
        out.append({DiagnosticSeverity::Error, path,
            QStringLiteral("has the unknown value %1; expected one of: %2")
                .arg(shownValue(value), allowed.join(QStringLiteral(", "))),
            {}});
        return;
    }
    out += best;
}

void Validator::checkObject(const QJsonObject &schema, const QVariantMap &map, KeyPath &path, Issues &out) const
{
    const QJsonObject properties = schema.value(u"properties").toObject();
    const QJsonValue additional = schema.value(u"additionalProperties");
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        path.append(it.key());
        if (properties.contains(it.key()))
            check(properties.value(it.key()).toObject(), it.value(), path, out);
        else if (additional.isObject())
            check(additional.toObject(), it.value(), path, out);
        else if (additional.isBool() && !additional.toBool())
            out.append({DiagnosticSeverity::Warning, path, QStringLiteral("is not a Codex setting; Codex ignores it"),
                unknownKeyHint(path, properties)});
        if (!properties.contains(it.key()) && schema.contains(u"x-unknown-key-type"))
            check(QJsonObject{{QStringLiteral("type"), schema.value(u"x-unknown-key-type")}}, it.value(), path, out);
        path.removeLast();
    }
    for (const QJsonValue &required : schema.value(u"required").toArray()) {
        if (!map.contains(required.toString()))
            out.append(
                {DiagnosticSeverity::Error, path, QStringLiteral("needs the key `%1`").arg(required.toString()), {}});
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

const ConfigSchema &ConfigSchema::codex()
{
    static const ConfigSchema schema = [] {
        QFile file(QStringLiteral(":/posture/codex-config.schema.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the Codex schema resource is missing from the build");
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        patchForCodexCli(root);
        return ConfigSchema(root);
    }();
    return schema;
}

ConfigSchema::ConfigSchema(const QJsonObject &schema)
    : m_root(schema)
    , m_definitions(schema.value(u"definitions").toObject())
{ }

Diagnostics ConfigSchema::validate(const QVariantMap &root, const Locator &locate) const
{
    Issues issues;
    KeyPath path;
    Validator(m_definitions, m_root.value(u"properties").toObject()).check(m_root, root, path, issues);
    Diagnostics diagnostics;
    for (const Issue &issue : std::as_const(issues)) {
        // A missing key is reported at the nearest table that exists.
        KeyPath where = issue.path;
        SourceLocation location = locate(where);
        while (location.line <= 0 && !where.isEmpty()) {
            where.removeLast();
            location = locate(where);
        }
        const bool unknownKey = issue.severity == DiagnosticSeverity::Warning;
        diagnostics.append(
            {issue.severity, location, u'`' + keyPathToString(issue.path) + QStringLiteral("` ") + issue.text,
                issue.hint, unknownKey ? QStringLiteral("unknown-key") : QStringLiteral("invalid-value"), issue.path});
    }
    return diagnostics;
}

Diagnostics ConfigSchema::validate(const ConfigDocument &document) const
{
    return validate(document.root(), [&document](const KeyPath &path) { return document.location(path); });
}

QStringList ConfigSchema::topLevelKeys() const
{
    return m_root.value(u"properties").toObject().keys();
}

} // namespace Posture::Core
