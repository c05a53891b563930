// SPDX-License-Identifier: Apache-2.0
// What every risk rule uses: the inspection, evidence from the effective configuration, and one way to add a finding.
// Internal to the rules (rules/*.cpp).
#pragma once

#include "core/inspection.h"
#include "core/rules/finding.h"

namespace Posture::Core::Rules {

inline const QString SandboxDocs = QStringLiteral("https://developers.openai.com/codex/concepts/sandboxing");
inline const QString ConfigDocs = QStringLiteral("https://developers.openai.com/codex/config-reference");
inline const QString SecurityDocs = QStringLiteral("https://developers.openai.com/codex/security");
inline const QString CloudDocs = QStringLiteral("https://developers.openai.com/codex/cloud/environments");

class Context
{
public:
    Context(const Inspection &inspection, Findings &findings);

    const Inspection &inspection;

    // Evidence for a key of the effective configuration: its value (secrets masked) and where it was set.
    Evidence evidence(const KeyPath &path) const;
    // Evidence for a posture cell: the key that decided it, or the default's reason.
    Evidence evidence(const PostureValue &cell) const;
    // Evidence that is not a key: a file, a fact.
    static Evidence fact(const QString &file, const QString &value);

    // The surfaces whose Codex starts: rules about the configuration apply to them.
    Surfaces localSurfaces() const;

    // Adds a finding; one with the same id already there gains the surfaces (the CLI and the IDE share layers).
    void add(Finding finding);
    // Whether an earlier rule found ruleId with evidence in this file.
    bool found(const QString &ruleId, const QString &file) const;

private:
    Findings &m_findings;
};

// A value as TOML would show it: "never", true, ["a", "b"].
QString tomlText(const QVariant &value);
// The security key an unknown key was probably meant to be (`sandbox-mode` → sandbox_mode); empty when none.
QString meantSecurityKey(const QString &key);
// "<rule>:<subject>", or "<rule>" for an empty subject.
QString findingId(const QString &ruleId, const QString &subject);

// The rule groups, each in its own file.
void postureRules(Context &context);
void networkRules(Context &context);
void trustRules(Context &context);
void secretRules(Context &context);
void fileRules(Context &context);
void configRules(Context &context);
void cloudRules(Context &context);

} // namespace Posture::Core::Rules
