// SPDX-License-Identifier: Apache-2.0
// The SARIF driver's rules: every rule of the catalogue with its descriptions, help (the remedy) and severity.
#include "core/report/sarif/sarifparts.h"
#include "core/rules/catalogue.h"

namespace Posture::Core::Sarif {

namespace {

using namespace Qt::StringLiterals;
using RiskRules::Rule;

// What to do about a rule's findings, in general (each result's message says it for that finding).
QString remedy(Rule rule)
{
    switch (rule) {
    case Rule::UnattendedFullAccess:
    case Rule::FullAccess:
        return u"Run Codex in a sandbox: sandbox_mode = \"workspace-write\" (or default_permissions = "
               "\":workspace\"), and keep full access for throwaway machines."_s;
    case Rule::ApprovalNever:
        return u"Let Codex ask before it leaves the sandbox: approval_policy = \"on-request\"."_s;
    case Rule::NetworkEnabled:
        return u"Turn network access off for sandboxed commands (network_access = false), or allow only the domains "
               "needed through the network proxy."_s;
    case Rule::SandboxNotEnforced:
        return u"Make the machine able to enforce the sandbox: the finding lists remedies, smallest blast radius "
               "first (install bubblewrap, load its AppArmor profile, ...)."_s;
    case Rule::SandboxEnforcementUnknown:
        return u"Inspect the machine itself (not a copy, without --no-live-probe) to learn whether the sandbox is "
               "enforced."_s;
    case Rule::SurfacesDiffer:
        return u"Give the CLI and the IDE extension the same approval policy, sandbox and network settings."_s;
    case Rule::FullAccessWarningHidden:
        return u"Remove notice.hide_full_access_warning so that Codex warns before full access."_s;
    case Rule::DomainRulesUnenforced:
        return u"Enable the network proxy, or the domain rules are not enforced."_s;
    case Rule::DangerousProxySetting:
        return u"Set the dangerously_* network key to false."_s;
    case Rule::LiveWebSearchWithNetwork:
        return u"Use web_search = \"cached\" while network access is on."_s;
    case Rule::PlainHttpUrl:
        return u"Use https:// for MCP servers and model providers on other hosts."_s;
    case Rule::BroadTrust:
        return u"Remove the trust entry for the home directory, / or its parent; trust single projects instead."_s;
    case Rule::ProjectWidens:
        return u"Review the trusted project's .codex/config.toml, or stop trusting the project."_s;
    case Rule::BroadWritableRoot:
        return u"Remove the home directory or / from writable_roots; list only the directories needed."_s;
    case Rule::EnvironmentSecretsReachCommands:
        return u"Keep Codex's default excludes: shell_environment_policy.ignore_default_excludes = false."_s;
    case Rule::PlaintextSecret:
        return u"Move the token out of the file: env_key = \"NAME\" for a provider, env_vars = [\"NAME\"] for an "
               "MCP server, and set the variable; then rotate the token."_s;
    case Rule::UnpinnedMcpPackage:
        return u"Pin the MCP server's package to a version (package@1.2.3)."_s;
    case Rule::CommandInWritablePlace:
        return u"Point notify and hooks at programs only their owner can change."_s;
    case Rule::CredentialsExposed:
        return u"chmod 600 auth.json and .credentials.json, and rotate the credentials if others could read them."_s;
    case Rule::ConfigWritableByOthers:
        return u"chmod go-w the config file and its directory."_s;
    case Rule::SecretFileReadableByOthers:
        return u"chmod 600 the config file that holds a secret, or move the secret to an environment variable."_s;
    case Rule::SecretInBackup:
        return u"Rotate the secret, then remove the backups: codex-posture --remove-backups --yes."_s;
    case Rule::CodexRefusesConfig:
        return u"Correct the value Codex refuses (\"untrusted\" becomes \"on-request\"); Codex does not start "
               "until then."_s;
    case Rule::SecuritySettingIgnored:
        return u"Write the setting under the key and table where Codex reads it."_s;
    case Rule::DeprecatedValue:
        return u"Replace approval_policy = \"on-failure\" by \"on-request\"."_s;
    case Rule::CodexVersionsDiffer:
        return u"Update the IDE extension or the CLI so that both run the same codex version."_s;
    case Rule::CodexReleasesJudgeDifferently:
        return u"Run the same codex release for the CLI and the IDE, or change the keys the two take differently."_s;
    case Rule::CodexNewerThanKnown:
        return u"Update codex-posture, or record the new release's rules (scripts/record-versions)."_s;
    case Rule::CodexOlderThanKnown:
        return u"Update codex to a recorded release."_s;
    case Rule::RequirementOverrides:
        return u"Nothing to do on this machine: an administrator's requirement decides the value."_s;
    case Rule::CloudInternetUnrestricted:
        return u"Restrict the cloud environment's agent internet to an allowlist."_s;
    case Rule::CloudAllHttpMethods:
        return u"Allow only safe HTTP methods (GET, HEAD, OPTIONS) in the cloud environment."_s;
    case Rule::CliMoreOpenThanCloud:
        return u"Consider turning network access off locally, as in the cloud."_s;
    case Rule::BaselineDrift:
        return u"Bring the setting back to the baseline, or change the baseline if the difference is intended."_s;
    }
    return {};
}

QString fixText(RiskRules::FixKind kind)
{
    return kind == RiskRules::FixKind::None
        ? u"No guided fix."_s
        : u"A guided fix exists: `codex-posture --fix fix:<finding id>` shows the diff, `--yes` writes it."_s;
}

QStringList severityWords(RiskRules::Severities severities)
{
    QStringList words;
    for (int i = 4; i >= 0; --i) {
        if (severities & RiskRules::severityBit(Severity(i)))
            words.append(severityName(Severity(i)));
    }
    return words;
}

QString sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text.endsWith(u'.') ? text : text + u'.';
}

} // namespace

QString level(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
    case Severity::High:
        return u"error"_s;
    case Severity::Medium:
        return u"warning"_s;
    case Severity::Low:
    case Severity::Info:
        break;
    }
    return u"note"_s;
}

QString securitySeverity(Severity severity)
{
    static constexpr const char *Scores[] = {"1.0", "3.0", "5.5", "8.0", "9.5"}; // by Severity
    return QLatin1StringView(Scores[int(severity)]);
}

QJsonArray rules()
{
    QJsonArray array;
    for (const RiskRules::RuleInfo &rule : RiskRules::catalogue()) {
        const QString summary = sentence(rule.summary);
        const QString full = summary + u" Reported as "_s + severityWords(rule.severities).join(u" or "_s) + u" for "_s
            + surfaceNames(rule.surfaces).join(u", "_s) + u'.';
        const QString help = remedy(rule.rule) + u' ' + fixText(rule.fix) + u" See "_s + rule.reference;
        const QString markdown =
            remedy(rule.rule) + u"\n\n"_s + fixText(rule.fix) + u"\n\n[Read more]("_s + rule.reference + u')';
        QJsonArray tags{u"security"_s, u"codex"_s, u"configuration"_s};
        for (const QString &surface : surfaceNames(rule.surfaces))
            tags.append(surface);
        array.append(
            QJsonObject{{u"id"_s, QString(rule.id)}, {u"shortDescription"_s, QJsonObject{{u"text"_s, summary}}},
                {u"fullDescription"_s, QJsonObject{{u"text"_s, full}}},
                {u"help"_s, QJsonObject{{u"text"_s, help}, {u"markdown"_s, markdown}}},
                {u"helpUri"_s, QString(rule.reference)},
                {u"defaultConfiguration"_s, QJsonObject{{u"level"_s, level(rule.severity)}}},
                {u"properties"_s,
                    QJsonObject{{u"security-severity"_s, securitySeverity(rule.severity)}, {u"tags"_s, tags},
                        {u"precision"_s, u"high"_s}}}});
    }
    return array;
}

int ruleIndex(const QString &ruleId)
{
    const QList<RiskRules::RuleInfo> &all = RiskRules::catalogue();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).id == ruleId)
            return int(i);
    }
    return -1;
}

} // namespace Posture::Core::Sarif
