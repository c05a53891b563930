// SPDX-License-Identifier: Apache-2.0
// The rule catalogue: every risk rule is one record here, with its id, the severities and surfaces it may report, the
// posture rows its findings are about, the guided fix that resolves it, a one-line summary and what to do about it.
// Rules build findings through it (rulecontext.h), so an id is written once; the SARIF rules, the posture table's rows
// and README's rule count read it. Each finding's own words are written by its rule, in the *rules.cpp files.
#pragma once

#include "core/rules/finding.h"

#include <QLatin1StringView>

#include <span>

namespace Posture::Core {

struct InspectionFacts;

namespace RiskRules {

enum class Rule {
    UnattendedFullAccess,
    FullAccess,
    ApprovalNever,
    NetworkEnabled,
    SandboxNotEnforced,
    SandboxEnforcementUnknown,
    SurfacesDiffer,
    FullAccessWarningHidden,
    DomainRulesUnenforced,
    DangerousProxySetting,
    LiveWebSearchWithNetwork,
    PlainHttpUrl,
    BroadTrust,
    ProjectWidens,
    BroadWritableRoot,
    EnvironmentSecretsReachCommands,
    PlaintextSecret,
    UnpinnedMcpPackage,
    CommandInWritablePlace,
    CredentialsExposed,
    ConfigWritableByOthers,
    SecretFileReadableByOthers,
    SecretInBackup,
    ExecPolicyRulesUnjudged,
    CodexRefusesConfig,
    SecuritySettingIgnored,
    DeprecatedValue,
    CodexVersionsDiffer,
    CodexReleasesJudgeDifferently,
    CodexNewerThanKnown,
    CodexOlderThanKnown,
    RequirementOverrides,
    CloudInternetUnrestricted,
    CloudAllHttpMethods,
    CliMoreOpenThanCloud,
    BaselineDrift,
};

// The guided fix a rule's findings get (fixes/fixes.cpp builds each kind; a kind may decline a finding it cannot fix).
enum class FixKind {
    None,
    RestoreSandbox, // sandbox_mode = "workspace-write" / default_permissions = ":workspace" (+ approvals)
    ApprovalOnRequest, // approval_policy = "on-request"
    NetworkOff, // network_access / a permission profile's network.enabled = false
    RemoveTrust, // remove a broad trust entry
    SecretToEnvironment, // an inline token becomes env_key / env_vars
    MoveMisplacedKey, // a misspelt or misplaced security key written where Codex reads it
    KeepDefaultExcludes, // shell_environment_policy.ignore_default_excludes = false
    CachedWebSearch, // web_search = "cached"
    DangerousSettingOff, // a dangerously_* key = false
    ShowFullAccessWarning, // remove notice.hide_full_access_warning
};

// The rows of the posture table (report/posturetable.h, in its order) a rule's findings are about.
enum class PostureRow : quint8 {
    Approval,
    SandboxMode,
    Filesystem,
    WritableRoots,
    Network,
    WebSearch,
    ProjectTrust,
    McpServers,
    SandboxEnforced,
};
// A set of rows, one bit per PostureRow; ByKey: the row each finding's key names ("sandbox_mode", "mcp_servers.x",
// ...) or, without one, the dimension its id names ("baseline-drift:cli.network"), for the rules about any key.
using PostureRows = quint16;
constexpr PostureRows row(PostureRow row)
{
    return PostureRows(1u << int(row));
}
constexpr PostureRows ByKey = 1u << 15;

// A set of severities, one bit per Severity.
using Severities = quint8;
constexpr Severities severityBit(Severity severity)
{
    return Severities(1u << int(severity));
}

struct RuleInfo
{
    Rule rule;
    QLatin1StringView id;
    Severity severity; // what it usually reports
    Severities severities; // every severity it may report
    Surfaces surfaces; // every surface it may concern
    PostureRows rows; // the posture rows its findings are about: fixed bits, or ByKey
    FixKind fix;
    QLatin1StringView reference; // the page to read more
    QLatin1StringView summary; // what it reports, in a line
    QLatin1StringView remedy; // what to do about its findings, in general (each finding says it for itself)

    // Why a finding does not match this entry (an id, severity or surface it does not declare); empty when it does.
    QString mismatch(const Finding &finding) const;
};

// Every rule, in the order of the Rule enum.
std::span<const RuleInfo> catalogue();
const RuleInfo &info(Rule rule);
// The entry of a rule id ("full-access"), or null.
const RuleInfo *find(QStringView id);
// The finding was reported by this rule.
bool isRule(const Finding &finding, Rule rule);

// Every finding of every rule for this inspection, sorted (most severe first, then by id).
Findings evaluate(const InspectionFacts &inspection);

} // namespace RiskRules

} // namespace Posture::Core
