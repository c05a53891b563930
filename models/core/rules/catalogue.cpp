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

} // namespace

const QList<RuleInfo> &catalogue()
{
    using enum Rule;
    using enum Severity;
    static const QList<RuleInfo> rules{
        {UnattendedFullAccess, "unattended-full-access"_L1, Critical, only(Critical), Local, FixKind::RestoreSandbox,
            SandboxDocs, "full access, approval never and network on together"_L1},
        {FullAccess, "full-access"_L1, High, only(High), Local, FixKind::RestoreSandbox, SandboxDocs,
            "danger-full-access, as a legacy mode or a permission profile"_L1},
        {ApprovalNever, "approval-never"_L1, Medium, only(Medium), Local, FixKind::ApprovalOnRequest, SandboxDocs,
            "approval_policy = \"never\""_L1},
        {NetworkEnabled, "network-enabled"_L1, Medium, only(Medium), Local, FixKind::NetworkOff, SandboxDocs,
            "sandboxed commands reach the internet without an enforced allowlist"_L1},
        {SandboxNotEnforced, "sandbox-not-enforced"_L1, High, only(High), Local, FixKind::None, SandboxDocs,
            "a sandbox is configured but the machine cannot enforce it"_L1},
        {SandboxEnforcementUnknown, "sandbox-enforcement-unknown"_L1, Low, only(Low) | only(Info), Local, FixKind::None,
            SandboxDocs, "whether the sandbox is enforced could not be told (info when it was not probed)"_L1},
        {SurfacesDiffer, "surfaces-differ"_L1, Medium, only(Medium), Local, FixKind::None, ConfigDocs,
            "CLI and IDE run on different baselines"_L1},
        {FullAccessWarningHidden, "full-access-warning-hidden"_L1, Low, only(Low), Local,
            FixKind::ShowFullAccessWarning, ConfigDocs, "notice.hide_full_access_warning = true"_L1},
        {DomainRulesUnenforced, "domain-rules-unenforced"_L1, Medium, only(Medium), Local, FixKind::None, SandboxDocs,
            "domain rules without the network proxy"_L1},
        {DangerousProxySetting, "dangerous-proxy-setting"_L1, High, only(High), Local, FixKind::DangerousSettingOff,
            SandboxDocs, "a dangerously_* network key is on"_L1},
        {LiveWebSearchWithNetwork, "live-web-search-with-network"_L1, Low, only(Low), Local, FixKind::CachedWebSearch,
            ConfigDocs, "live web search while network access is on"_L1},
        {PlainHttpUrl, "plain-http-url"_L1, Medium, only(Medium), Local, FixKind::None, SecurityDocs,
            "an MCP server or provider over http:// to another host"_L1},
        {BroadTrust, "broad-trust"_L1, High, only(High), Local, FixKind::RemoveTrust, SecurityDocs,
            "home, / or a parent of home trusted as a project"_L1},
        {ProjectWidens, "project-widens"_L1, High, only(High), Local, FixKind::None, SecurityDocs,
            "a trusted project's config widens the posture"_L1},
        {BroadWritableRoot, "broad-writable-root"_L1, High, only(High), Local, FixKind::None, SandboxDocs,
            "home or / among the writable roots"_L1},
        {EnvironmentSecretsReachCommands, "environment-secrets-reach-commands"_L1, Medium, only(Medium), Local,
            FixKind::KeepDefaultExcludes, ConfigDocs, "every variable, secrets too, reaches commands"_L1},
        {PlaintextSecret, "plaintext-secret"_L1, High, only(High), Local, FixKind::SecretToEnvironment, SecurityDocs,
            "a token written in the configuration"_L1},
        {UnpinnedMcpPackage, "unpinned-mcp-package"_L1, Medium, only(Medium), Local, FixKind::None, SecurityDocs,
            "an MCP server started from an unpinned package"_L1},
        {CommandInWritablePlace, "command-in-writable-place"_L1, High, only(High), Local, FixKind::None, SecurityDocs,
            "notify or a hook runs a program others can change"_L1},
        {CredentialsExposed, "credentials-exposed"_L1, High, only(High), Local, FixKind::None, SecurityDocs,
            "auth.json or .credentials.json open to other users"_L1},
        {ConfigWritableByOthers, "config-writable-by-others"_L1, High, only(High), Local, FixKind::None, SecurityDocs,
            "a config layer others can write"_L1},
        {SecretFileReadableByOthers, "secret-file-readable-by-others"_L1, Medium, only(Medium), Local, FixKind::None,
            SecurityDocs, "a config holding a secret others can read"_L1},
        {SecretInBackup, "secret-in-backup"_L1, Low, only(Low) | only(Medium), Local, FixKind::None, SecurityDocs,
            "a fix's backup still holds a secret (medium when others can read it)"_L1},
        {CodexRefusesConfig, "codex-refuses-config"_L1, Medium, only(Medium), Local, FixKind::ApprovalOnRequest,
            ConfigDocs, "a value Codex refuses: it does not start (the fix covers the retired \"untrusted\")"_L1},
        {SecuritySettingIgnored, "security-setting-ignored"_L1, Medium, only(Medium) | only(Info), Local,
            FixKind::MoveMisplacedKey, ConfigDocs,
            "a misspelt or misplaced setting Codex ignores (info unless security-relevant)"_L1},
        {DeprecatedValue, "deprecated-value"_L1, Low, only(Low), Local, FixKind::ApprovalOnRequest, ConfigDocs,
            "approval_policy = \"on-failure\""_L1},
        {CodexVersionsDiffer, "codex-versions-differ"_L1, Low, only(Low), Surface::Ide, FixKind::None, ConfigDocs,
            "the IDE's codex and the CLI's differ in version"_L1},
        {CodexReleasesJudgeDifferently, "codex-releases-judge-differently"_L1, Medium, only(Medium) | only(Low), Local,
            FixKind::None, ConfigDocs,
            "the CLI's and the IDE's codex releases take this configuration differently (medium when one refuses "
            "it)"_L1},
        {CodexNewerThanKnown, "codex-newer-than-known"_L1, Low, only(Low), Local, FixKind::None, ConfigDocs,
            "a codex newer than every release codex-posture has recorded: verdicts may be out of date"_L1},
        {CodexOlderThanKnown, "codex-older-than-known"_L1, Low, only(Low), Local, FixKind::None, ConfigDocs,
            "a codex older than every recorded release: judged by the oldest one's rules"_L1},
        {RequirementOverrides, "requirement-overrides"_L1, Info, only(Info), Local, FixKind::None, ConfigDocs,
            "an administrator's requirement replaced a value"_L1},
        {CloudInternetUnrestricted, "cloud-internet-unrestricted"_L1, Medium, only(Medium), Surface::Cloud,
            FixKind::None, CloudDocs, "a cloud environment reaches every domain"_L1},
        {CloudAllHttpMethods, "cloud-all-http-methods"_L1, Low, only(Low), Surface::Cloud, FixKind::None, CloudDocs,
            "a cloud environment allows every HTTP method"_L1},
        {CliMoreOpenThanCloud, "cli-more-open-than-cloud"_L1, Info, only(Info), Surfaces(Surface::Cli) | Surface::Cloud,
            FixKind::None, SandboxDocs, "the CLI has network where the cloud has none"_L1},
        {BaselineDrift, "baseline-drift"_L1, Medium, Any, Local | Surface::Cloud, FixKind::None, ConfigDocs,
            "the machine differs from the intended baseline (--baseline; its [severity] table sets the level)"_L1},
    };
    return rules;
}

const RuleInfo &info(Rule rule)
{
    const RuleInfo &entry = catalogue().at(int(rule));
    Q_ASSERT(entry.rule == rule); // the table is in the enum's order
    return entry;
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
