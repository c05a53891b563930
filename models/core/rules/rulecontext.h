// SPDX-License-Identifier: Apache-2.0
// What every risk rule uses: the inspection, evidence from the effective configuration, and one way to add a finding.
// Internal to the rules (rules/*.cpp).
#pragma once

#include "core/rules/catalogue.h"
#include "core/rules/finding.h"
#include "core/surfaces/inspectionfacts.h"
#include "core/surfaces/inventory.h"

#include <optional>

namespace Posture::Core::Rules {

using RiskRules::Rule;

// A value written in plain text in the configuration that is a secret: the key and how to name where it is.
struct PlaintextSecret
{
    KeyPath path;
    QString where; // "provider `corp`'s headers", or empty for a provider's experimental_bearer_token
};

// What a finding says, by name.
struct FindingText
{
    QString title;
    QString explanation; // what it means, including what an attacker could do with it
    QString remediation;
};

class Context
{
public:
    Context(const InspectionFacts &inspection, Findings &findings);

    const InspectionFacts &inspection;

    // Evidence for a key of the effective configuration: its value (secrets masked) and where it was set.
    Evidence evidence(const KeyPath &path) const;
    // Evidence for a posture cell: the key that decided it, or the default's reason.
    Evidence evidence(const PostureValue &cell) const;
    // Evidence that is not a key: a file, a fact.
    static Evidence fact(const QString &file, const QString &value);

    // The surfaces whose Codex starts: rules about the configuration apply to them.
    Surfaces localSurfaces() const;

    // Worked out once per rules pass, as several rules ask (a configuration may name thousands of MCP servers).
    const QList<McpServer> &mcpServers() const;
    // Every plaintext secret of the effective configuration (the secret rules report them; the file rules ask
    // whether a file others can read holds one).
    const QList<PlaintextSecret> &plaintextSecrets() const;

    // Adds a finding of a catalogue rule. Its id ("<rule id>:<subject>", or the rule id alone for an empty subject),
    // rule id, severity and reference come from the catalogue (pass a severity only where it differs from the rule's
    // usual one). One with the same id already there gains the surfaces (the CLI and the IDE share layers) and keeps
    // the higher severity.
    void add(Rule rule, const QString &subject, Surfaces surfaces, Evidence evidence, FindingText text,
        std::optional<Severity> severity = std::nullopt);

private:
    Findings &m_findings;
    mutable std::optional<QList<McpServer>> m_mcpServers;
    mutable std::optional<QList<PlaintextSecret>> m_plaintextSecrets;
};

// The security key an unknown key was probably meant to be (`sandbox-mode` → sandbox_mode); empty when none.
QString meantSecurityKey(const QString &key);
// Where Codex reads a security key that users write in the wrong place (network_access →
// sandbox_workspace_write.network_access); empty for a key without one such place.
KeyPath securityKeyHome(const QString &key);
// Every plaintext secret of the effective configuration (Context::plaintextSecrets keeps the list).
QList<PlaintextSecret> findPlaintextSecrets(const EffectiveConfig &config);

// The rule groups, each in its own file.
void postureRules(Context &context);
void networkRules(Context &context);
void trustRules(Context &context);
void secretRules(Context &context);
void fileRules(Context &context);
void configRules(Context &context);
void cloudRules(Context &context);

} // namespace Posture::Core::Rules
