// SPDX-License-Identifier: Apache-2.0
#include "core/rules/catalogue.h"

#include "core/rules/rulecontext.h"

namespace Posture::Core::RiskRules {

namespace {

using namespace Qt::StringLiterals;

constexpr Surfaces Local = Surfaces(Surface::Cli) | Surface::Ide;
constexpr auto SandboxDocs = "https://developers.openai.com/codex/concepts/sandboxing"_L1;
constexpr auto ConfigDocs = "https://developers.openai.com/codex/config-reference"_L1;
constexpr auto SecurityDocs = "https://developers.openai.com/codex/security"_L1;
constexpr auto CloudDocs = "https://developers.openai.com/codex/cloud/environments"_L1;
constexpr Severities Any = 0x1f;

constexpr Severities only(Severity severity)
{
    return severityBit(severity);
}

using enum Rule;
using enum Severity;

// One record per rule, in the order of the Rule enum (checked below, when the core is compiled).
constexpr RuleInfo Rules[] = {
    {
        .rule = UnattendedFullAccess,
        .id = "unattended-full-access"_L1,
        .severity = Critical,
        .severities = only(Critical),
        .surfaces = Local,
        .rows = row(PostureRow::Approval) | row(PostureRow::SandboxMode) | row(PostureRow::Filesystem)
            | row(PostureRow::WritableRoots) | row(PostureRow::Network),
        .fix = FixKind::RestoreSandbox,
        .reference = SandboxDocs,
        .summary = "full access, approval never and network on together"_L1,
        .remedy = "Run Codex in a sandbox: sandbox_mode = \"workspace-write\" (or default_permissions = "
                  "\":workspace\"), and keep full access for throwaway machines."_L1,
    },
    {
        .rule = FullAccess,
        .id = "full-access"_L1,
        .severity = High,
        .severities = only(High),
        .surfaces = Local,
        .rows = row(PostureRow::SandboxMode) | row(PostureRow::Filesystem) | row(PostureRow::WritableRoots)
            | row(PostureRow::Network),
        .fix = FixKind::RestoreSandbox,
        .reference = SandboxDocs,
        .summary = "danger-full-access, as a legacy mode or a permission profile"_L1,
        .remedy = "Run Codex in a sandbox: sandbox_mode = \"workspace-write\" (or default_permissions = "
                  "\":workspace\"), and keep full access for throwaway machines."_L1,
    },
    {
        .rule = ApprovalNever,
        .id = "approval-never"_L1,
        .severity = Medium,
        .severities = only(Medium),
        .surfaces = Local,
        .rows = row(PostureRow::Approval),
        .fix = FixKind::ApprovalOnRequest,
        .reference = SandboxDocs,
        .summary = "approval_policy = \"never\""_L1,
        .remedy = "Let Codex ask before it leaves the sandbox: approval_policy = \"on-request\"."_L1,
    },
    {
        .rule = NetworkEnabled,
        .id = "network-enabled"_L1,
        .severity = Medium,
        .severities = only(Medium),
        .surfaces = Local,
        .rows = row(PostureRow::Network),
        .fix = FixKind::NetworkOff,
        .reference = SandboxDocs,
        .summary = "sandboxed commands reach the internet without an enforced allowlist"_L1,
        .remedy = "Turn network access off for sandboxed commands (network_access = false), or allow only the domains "
                  "needed through the network proxy."_L1,
    },
    {
        .rule = SandboxNotEnforced,
        .id = "sandbox-not-enforced"_L1,
        .severity = High,
        .severities = only(High),
        .surfaces = Local,
        .rows = row(PostureRow::SandboxEnforced),
        .fix = FixKind::None,
        .reference = SandboxDocs,
        .summary = "a sandbox is configured but the machine cannot enforce it"_L1,
        .remedy = "Make the machine able to enforce the sandbox: the finding lists remedies, smallest blast radius "
                  "first (install bubblewrap, load its AppArmor profile, ...)."_L1,
    },
    {
        .rule = SandboxEnforcementUnknown,
        .id = "sandbox-enforcement-unknown"_L1,
        .severity = Low,
        .severities = only(Low) | only(Info),
        .surfaces = Local,
        .rows = row(PostureRow::SandboxEnforced),
        .fix = FixKind::None,
        .reference = SandboxDocs,
        .summary = "whether the sandbox is enforced could not be told (info when it was not probed)"_L1,
        .remedy = "Inspect the machine itself (not a copy, without --no-live-probe) to learn whether the sandbox is "
                  "enforced."_L1,
    },
    {
        .rule = SurfacesDiffer,
        .id = "surfaces-differ"_L1,
        .severity = Medium,
        .severities = only(Medium),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = ConfigDocs,
        .summary = "CLI and IDE run on different baselines"_L1,
        .remedy = "Give the CLI and the IDE extension the same approval policy, sandbox and network settings."_L1,
    },
    {
        .rule = FullAccessWarningHidden,
        .id = "full-access-warning-hidden"_L1,
        .severity = Low,
        .severities = only(Low),
        .surfaces = Local,
        .rows = row(PostureRow::SandboxMode),
        .fix = FixKind::ShowFullAccessWarning,
        .reference = ConfigDocs,
        .summary = "notice.hide_full_access_warning = true"_L1,
        .remedy = "Remove notice.hide_full_access_warning so that Codex warns before full access."_L1,
    },
    {
        .rule = DomainRulesUnenforced,
        .id = "domain-rules-unenforced"_L1,
        .severity = Medium,
        .severities = only(Medium),
        .surfaces = Local,
        .rows = row(PostureRow::Network),
        .fix = FixKind::None,
        .reference = SandboxDocs,
        .summary = "domain rules without the network proxy"_L1,
        .remedy = "Enable the network proxy, or the domain rules are not enforced."_L1,
    },
    {
        .rule = DangerousProxySetting,
        .id = "dangerous-proxy-setting"_L1,
        .severity = High,
        .severities = only(High),
        .surfaces = Local,
        .rows = row(PostureRow::Network),
        .fix = FixKind::DangerousSettingOff,
        .reference = SandboxDocs,
        .summary = "a dangerously_* network key is on"_L1,
        .remedy = "Set the dangerously_* network key to false."_L1,
    },
    {
        .rule = LiveWebSearchWithNetwork,
        .id = "live-web-search-with-network"_L1,
        .severity = Low,
        .severities = only(Low),
        .surfaces = Local,
        .rows = row(PostureRow::WebSearch) | row(PostureRow::Network),
        .fix = FixKind::CachedWebSearch,
        .reference = ConfigDocs,
        .summary = "live web search while network access is on"_L1,
        .remedy = "Use web_search = \"cached\" while network access is on."_L1,
    },
    {
        .rule = PlainHttpUrl,
        .id = "plain-http-url"_L1,
        .severity = Medium,
        .severities = only(Medium),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = SecurityDocs,
        .summary = "an MCP server or provider over http:// to another host"_L1,
        .remedy = "Use https:// for MCP servers and model providers on other hosts."_L1,
    },
    {
        .rule = BroadTrust,
        .id = "broad-trust"_L1,
        .severity = High,
        .severities = only(High),
        .surfaces = Local,
        .rows = row(PostureRow::ProjectTrust),
        .fix = FixKind::RemoveTrust,
        .reference = SecurityDocs,
        .summary = "home, / or a parent of home trusted as a project"_L1,
        .remedy = "Remove the trust entry for the home directory, / or its parent; trust single projects instead."_L1,
    },
    {
        .rule = ProjectWidens,
        .id = "project-widens"_L1,
        .severity = High,
        .severities = only(High),
        .surfaces = Local,
        .rows = row(PostureRow::ProjectTrust),
        .fix = FixKind::None,
        .reference = SecurityDocs,
        .summary = "a trusted project's config widens the posture"_L1,
        .remedy = "Review the trusted project's .codex/config.toml, or stop trusting the project."_L1,
    },
    {
        .rule = BroadWritableRoot,
        .id = "broad-writable-root"_L1,
        .severity = High,
        .severities = only(High),
        .surfaces = Local,
        .rows = row(PostureRow::WritableRoots),
        .fix = FixKind::None,
        .reference = SandboxDocs,
        .summary = "home or / among the writable roots"_L1,
        .remedy = "Remove the home directory or / from writable_roots; list only the directories needed."_L1,
    },
    {
        .rule = EnvironmentSecretsReachCommands,
        .id = "environment-secrets-reach-commands"_L1,
        .severity = Medium,
        .severities = only(Medium),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::KeepDefaultExcludes,
        .reference = ConfigDocs,
        .summary = "every variable, secrets too, reaches commands"_L1,
        .remedy = "Keep Codex's default excludes: shell_environment_policy.ignore_default_excludes = false."_L1,
    },
    {
        .rule = PlaintextSecret,
        .id = "plaintext-secret"_L1,
        .severity = High,
        .severities = only(High),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::SecretToEnvironment,
        .reference = SecurityDocs,
        .summary = "a token written in the configuration"_L1,
        .remedy = "Move the token out of the file: env_key = \"NAME\" for a provider, env_vars = [\"NAME\"] for an "
                  "MCP server, and set the variable; then rotate the token."_L1,
    },
    {
        .rule = UnpinnedMcpPackage,
        .id = "unpinned-mcp-package"_L1,
        .severity = Medium,
        .severities = only(Medium),
        .surfaces = Local,
        .rows = row(PostureRow::McpServers),
        .fix = FixKind::None,
        .reference = SecurityDocs,
        .summary = "an MCP server started from an unpinned package"_L1,
        .remedy = "Pin the MCP server's package to a version (package@1.2.3)."_L1,
    },
    {
        .rule = CommandInWritablePlace,
        .id = "command-in-writable-place"_L1,
        .severity = High,
        .severities = only(High),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = SecurityDocs,
        .summary = "notify or a hook runs a program others can change"_L1,
        .remedy = "Point notify and hooks at programs only their owner can change."_L1,
    },
    {
        .rule = CredentialsExposed,
        .id = "credentials-exposed"_L1,
        .severity = High,
        .severities = only(High),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = SecurityDocs,
        .summary = "auth.json or .credentials.json open to other users"_L1,
        .remedy = "chmod 600 auth.json and .credentials.json, and rotate the credentials if others could read them."_L1,
    },
    {
        .rule = ConfigWritableByOthers,
        .id = "config-writable-by-others"_L1,
        .severity = High,
        .severities = only(High),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = SecurityDocs,
        .summary = "a config layer others can write"_L1,
        .remedy = "chmod go-w the config file and its directory."_L1,
    },
    {
        .rule = SecretFileReadableByOthers,
        .id = "secret-file-readable-by-others"_L1,
        .severity = Medium,
        .severities = only(Medium),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = SecurityDocs,
        .summary = "a config holding a secret others can read"_L1,
        .remedy = "chmod 600 the config file that holds a secret, or move the secret to an environment variable."_L1,
    },
    {
        .rule = SecretInBackup,
        .id = "secret-in-backup"_L1,
        .severity = Low,
        .severities = only(Low) | only(Medium),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = SecurityDocs,
        .summary = "a fix's backup still holds a secret (medium when others can read it)"_L1,
        .remedy = "Rotate the secret, then remove the backups: codex-posture --remove-backups --yes."_L1,
    },
    {
        .rule = ExecPolicyRulesUnjudged,
        .id = "exec-policy-rules-unjudged"_L1,
        .severity = Info,
        .severities = only(Info),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = SecurityDocs,
        .summary = "exec-policy rules files Codex reads, which codex-posture does not judge yet"_L1,
        .remedy = "Review every prefix_rule in the files: an allow rule (the default decision) runs matching commands "
                  "without asking and outside the sandbox. Remove allow rules for shells and interpreters, or make "
                  "them decision = \"prompt\"; codex execpolicy check --rules FILE -- COMMAND shows what a file "
                  "decides."_L1,
    },
    {
        .rule = CodexRefusesConfig,
        .id = "codex-refuses-config"_L1,
        .severity = Medium,
        .severities = only(Medium),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::ApprovalOnRequest,
        .reference = ConfigDocs,
        .summary = "a value Codex refuses: it does not start (the fix covers the retired \"untrusted\")"_L1,
        .remedy = "Correct the value Codex refuses (\"untrusted\" becomes \"on-request\"); Codex does not start "
                  "until then."_L1,
    },
    {
        .rule = SecuritySettingIgnored,
        .id = "security-setting-ignored"_L1,
        .severity = Medium,
        .severities = only(Medium) | only(Info),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::MoveMisplacedKey,
        .reference = ConfigDocs,
        .summary = "a misspelt or misplaced setting Codex ignores (info unless security-relevant)"_L1,
        .remedy = "Write the setting under the key and table where Codex reads it."_L1,
    },
    {
        .rule = DeprecatedValue,
        .id = "deprecated-value"_L1,
        .severity = Low,
        .severities = only(Low),
        .surfaces = Local,
        .rows = row(PostureRow::Approval),
        .fix = FixKind::ApprovalOnRequest,
        .reference = ConfigDocs,
        .summary = "approval_policy = \"on-failure\""_L1,
        .remedy = "Replace approval_policy = \"on-failure\" by \"on-request\"."_L1,
    },
    {
        .rule = CodexVersionsDiffer,
        .id = "codex-versions-differ"_L1,
        .severity = Low,
        .severities = only(Low),
        .surfaces = Surface::Ide,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = ConfigDocs,
        .summary = "the IDE's codex and the CLI's differ in version"_L1,
        .remedy = "Update the IDE extension or the CLI so that both run the same codex version."_L1,
    },
    {
        .rule = CodexReleasesJudgeDifferently,
        .id = "codex-releases-judge-differently"_L1,
        .severity = Medium,
        .severities = only(Medium) | only(Low),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = ConfigDocs,
        .summary =
            "the CLI's and the IDE's codex releases take this configuration differently (medium when one refuses "
            "it)"_L1,
        .remedy = "Run the same codex release for the CLI and the IDE, or change the keys the two take differently."_L1,
    },
    {
        .rule = CodexNewerThanKnown,
        .id = "codex-newer-than-known"_L1,
        .severity = Low,
        .severities = only(Low),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = ConfigDocs,
        .summary = "a codex newer than every release codex-posture has recorded: verdicts may be out of date"_L1,
        .remedy = "Update codex-posture, or record the new release's checks (scripts/record-versions)."_L1,
    },
    {
        .rule = CodexOlderThanKnown,
        .id = "codex-older-than-known"_L1,
        .severity = Low,
        .severities = only(Low),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = ConfigDocs,
        .summary = "a codex older than every recorded release: judged by the oldest one's rules"_L1,
        .remedy = "Update codex to a recorded release."_L1,
    },
    {
        .rule = RequirementOverrides,
        .id = "requirement-overrides"_L1,
        .severity = Info,
        .severities = only(Info),
        .surfaces = Local,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = ConfigDocs,
        .summary = "an administrator's requirement replaced a value"_L1,
        .remedy = "Nothing to do on this machine: an administrator's requirement decides the value."_L1,
    },
    {
        .rule = CloudInternetUnrestricted,
        .id = "cloud-internet-unrestricted"_L1,
        .severity = Medium,
        .severities = only(Medium),
        .surfaces = Surface::Cloud,
        .rows = row(PostureRow::Network),
        .fix = FixKind::None,
        .reference = CloudDocs,
        .summary = "a cloud environment reaches every domain"_L1,
        .remedy = "Restrict the cloud environment's agent internet to an allowlist."_L1,
    },
    {
        .rule = CloudAllHttpMethods,
        .id = "cloud-all-http-methods"_L1,
        .severity = Low,
        .severities = only(Low),
        .surfaces = Surface::Cloud,
        .rows = row(PostureRow::Network),
        .fix = FixKind::None,
        .reference = CloudDocs,
        .summary = "a cloud environment allows every HTTP method"_L1,
        .remedy = "Allow only safe HTTP methods (GET, HEAD, OPTIONS) in the cloud environment."_L1,
    },
    {
        .rule = CliMoreOpenThanCloud,
        .id = "cli-more-open-than-cloud"_L1,
        .severity = Info,
        .severities = only(Info),
        .surfaces = Surfaces(Surface::Cli) | Surface::Cloud,
        .rows = row(PostureRow::Network),
        .fix = FixKind::None,
        .reference = SandboxDocs,
        .summary = "the CLI has network where the cloud has none"_L1,
        .remedy = "Consider turning network access off locally, as in the cloud."_L1,
    },
    {
        .rule = BaselineDrift,
        .id = "baseline-drift"_L1,
        .severity = Medium,
        .severities = Any,
        .surfaces = Local | Surface::Cloud,
        .rows = ByKey,
        .fix = FixKind::None,
        .reference = ConfigDocs,
        .summary =
            "the machine differs from the intended baseline (--baseline; its [severity] table sets the level)"_L1,
        .remedy = "Bring the setting back to the baseline, or change the baseline if the difference is intended."_L1,
    },
};

constexpr bool inEnumOrder()
{
    for (std::size_t i = 0; i < std::size(Rules); ++i) {
        if (std::size_t(Rules[i].rule) != i)
            return false;
    }
    return true;
}
static_assert(inEnumOrder(), "the catalogue's records are in the order of the Rule enum");
static_assert(std::size(Rules) == std::size_t(BaselineDrift) + 1, "every Rule has a record");

} // namespace

std::span<const RuleInfo> catalogue()
{
    return Rules;
}

const RuleInfo &info(Rule rule)
{
    return Rules[std::size_t(rule)]; // the records are in the enum's order (static_assert above)
}

bool isRule(const Finding &finding, Rule rule)
{
    return finding.ruleId == info(rule).id;
}

const RuleInfo *find(QStringView id)
{
    for (const RuleInfo &entry : catalogue()) {
        if (entry.id == id)
            return &entry;
    }
    return nullptr;
}

QString RuleInfo::mismatch(const Finding &finding) const
{
    if (finding.ruleId != id)
        return u"finding %1 names rule %2, not %3"_s.arg(finding.id, finding.ruleId, id);
    if (finding.id != id && !finding.id.startsWith(id + u':'))
        return u"finding id %1 does not start with %2"_s.arg(finding.id, id);
    if (!(severities & severityBit(finding.severity)))
        return u"%1 reports severity %2, which its catalogue entry does not declare"_s.arg(
            finding.id, severityName(finding.severity));
    if ((finding.surfaces & ~surfaces) != Surfaces())
        return u"%1 concerns %2, beyond its catalogue entry's %3"_s.arg(
            finding.id, surfaceNames(finding.surfaces).join(u','), surfaceNames(surfaces).join(u','));
    return {};
}

Findings evaluate(const InspectionFacts &inspection)
{
    Findings findings;
    Rules::Context context(inspection, findings);
    Rules::postureRules(context);
    Rules::networkRules(context);
    Rules::trustRules(context);
    Rules::secretRules(context);
    Rules::fileRules(context);
    Rules::configRules(context);
    Rules::cloudRules(context);
    sortFindings(findings);
    return findings;
}

} // namespace Posture::Core::RiskRules
