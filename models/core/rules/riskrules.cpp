// SPDX-License-Identifier: Apache-2.0
#include "core/rules/riskrules.h"

#include "core/rules/rulecontext.h"

namespace Posture::Core::RiskRules {

const QList<RuleInfo> &catalogue()
{
    static const QList<RuleInfo> rules{
        {"unattended-full-access", Severity::Critical, "full access, approval never and network on together"},
        {"full-access", Severity::High, "danger-full-access, as a legacy mode or a permission profile"},
        {"approval-never", Severity::Medium, "approval_policy = \"never\""},
        {"network-enabled", Severity::Medium, "sandboxed commands reach the internet without an enforced allowlist"},
        {"sandbox-not-enforced", Severity::High, "a sandbox is configured but the machine cannot enforce it"},
        {"sandbox-enforcement-unknown", Severity::Low, "whether the sandbox is enforced could not be told"},
        {"surfaces-differ", Severity::Medium, "CLI and IDE run on different baselines"},
        {"full-access-warning-hidden", Severity::Low, "notice.hide_full_access_warning = true"},
        {"domain-rules-unenforced", Severity::Medium, "domain rules without the network proxy"},
        {"dangerous-proxy-setting", Severity::High, "a dangerously_* network key is on"},
        {"live-web-search-with-network", Severity::Low, "live web search while network access is on"},
        {"plain-http-url", Severity::Medium, "an MCP server or provider over http:// to another host"},
        {"broad-trust", Severity::High, "home, / or a parent of home trusted as a project"},
        {"project-widens", Severity::High, "a trusted project's config widens the posture"},
        {"broad-writable-root", Severity::High, "home or / among the writable roots"},
        {"environment-secrets-reach-commands", Severity::Medium, "every variable, secrets too, reaches commands"},
        {"plaintext-secret", Severity::High, "a token written in the configuration"},
        {"unpinned-mcp-package", Severity::Medium, "an MCP server started from an unpinned package"},
        {"command-in-writable-place", Severity::High, "notify or a hook runs a program others can change"},
        {"credentials-exposed", Severity::High, "auth.json or .credentials.json open to other users"},
        {"config-writable-by-others", Severity::High, "a config layer others can write"},
        {"secret-file-readable-by-others", Severity::Medium, "a config holding a secret others can read"},
        {"codex-refuses-config", Severity::Medium, "a value Codex refuses: it does not start"},
        {"security-setting-ignored", Severity::Medium, "a misspelt or misplaced security setting Codex ignores"},
        {"deprecated-value", Severity::Low, "approval_policy = \"on-failure\""},
        {"codex-versions-differ", Severity::Low, "the IDE's codex and the CLI's differ in version"},
        {"requirement-overrides", Severity::Info, "an administrator's requirement replaced a value"},
        {"cloud-internet-unrestricted", Severity::Medium, "a cloud environment reaches every domain"},
        {"cloud-all-http-methods", Severity::Low, "a cloud environment allows every HTTP method"},
        {"cli-more-open-than-cloud", Severity::Low, "the CLI has network where the cloud has none"},
        {"baseline-drift", Severity::Medium, "the machine differs from the intended baseline (--baseline)"},
    };
    return rules;
}

Findings evaluate(const Inspection &inspection)
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
