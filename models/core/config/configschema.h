// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/configdocument.h"

#include <QJsonObject>

#include <functional>
#include <memory>

namespace Posture::Core {

// Checks a Codex TOML document against Codex's published JSON schema the way Codex treats it: a value of the wrong
// type or outside its enum is an error (Codex refuses to start); a key the schema does not know is a warning (Codex
// starts and ignores it). For Codex's own schema (codex()), the acceptance table recorded from the real CLI corrects
// the schema where they disagree (CodexAcceptance).
//
// Hand-written because neither Qt nor toml++ validates JSON Schema. It supports the subset the Codex schema uses:
// $ref into #/definitions, allOf, anyOf, oneOf, type, enum, properties, additionalProperties, required, items,
// minimum and maximum.
class ConfigSchema
{
public:
    // The schema compiled into the engine (schema/codex-config.schema.json).
    static const ConfigSchema &codex();

    explicit ConfigSchema(const QJsonObject &schema);
    // The same schema corrected by another acceptance table (another Codex release's; it must outlive the copy).
    ConfigSchema withAcceptance(const class CodexAcceptance *acceptance) const;

    // Where a key path was written; the validator reports each problem there.
    using Locator = std::function<SourceLocation(const KeyPath &path)>;

    // Problems in a table of values, each with the location of the value concerned.
    Diagnostics validate(const QVariantMap &root, const Locator &locate) const;
    // Problems in one document's values.
    Diagnostics validate(const ConfigDocument &document) const;
    // The JSON types a schema node allows: its "type", a string or a list of them ({} when it names none).
    static QStringList typesOf(const QJsonObject &node);

private:
    std::shared_ptr<const class CompiledSchema> m_compiled;
    const class CodexAcceptance *m_acceptance = nullptr; // Codex's own schema only: what the real CLI accepted
};

} // namespace Posture::Core
