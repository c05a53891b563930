// SPDX-License-Identifier: Apache-2.0
// Rules on values Codex refuses or ignores, versions that disagree, and administrators' requirements.
#include "core/common/secrets.h"
#include "core/rules/rulecontext.h"

namespace Posture::Core::Rules {

namespace {

// Settings whose loss weakens the sandbox or approvals: a misspelling of one of them silently does nothing.
const QStringList &securityKeys()
{
    static const QStringList keys{QStringLiteral("sandbox_mode"), QStringLiteral("approval_policy"),
        QStringLiteral("network_access"), QStringLiteral("writable_roots"), QStringLiteral("default_permissions"),
        QStringLiteral("trust_level"), QStringLiteral("sandbox_workspace_write"), QStringLiteral("permissions"),
        QStringLiteral("shell_environment_policy"), QStringLiteral("ignore_default_excludes"),
        QStringLiteral("exclude_tmpdir_env_var"), QStringLiteral("exclude_slash_tmp"), QStringLiteral("network_proxy"),
        QStringLiteral("approvals_reviewer")};
    return keys;
}

// Whether an ignored key is about what Codex may do: the sandbox, approvals, network, trust, permissions, the shell
// environment, MCP servers, providers, commands Codex runs. Others (tui.*, notice.*, features.skills) only inform.
bool isSecurityRelevant(const KeyPath &path)
{
    static const QStringList parts{QStringLiteral("sandbox"), QStringLiteral("approval"), QStringLiteral("network"),
        QStringLiteral("trust"), QStringLiteral("permission"), QStringLiteral("shell_environment"),
        QStringLiteral("mcp"), QStringLiteral("provider"), QStringLiteral("writable"), QStringLiteral("notify"),
        QStringLiteral("hooks"), QStringLiteral("web_search"), QStringLiteral("projects"), QStringLiteral("proxy")};
    return std::any_of(path.cbegin(), path.cend(), [](const QString &key) {
        return securityKeys().contains(key)
            || std::any_of(parts.cbegin(), parts.cend(), [&key](const QString &part) { return key.contains(part); });
    });
}

Evidence evidenceOf(const Diagnostic &message)
{
    Evidence evidence;
    evidence.file = message.location.file;
    evidence.line = message.location.line;
    evidence.column = message.location.column;
    evidence.keyPath = keyPathToString(message.keyPath);
    evidence.path = message.keyPath;
    return evidence;
}

} // namespace

// The security key an unknown key was probably meant to be: `sandbox-mode`, `sandboxmode`, `aproval_policy`.
QString meantSecurityKey(const QString &key)
{
    QString normalised = key.toLower();
    normalised.replace(u'-', u'_');
    for (const QString &known : securityKeys()) {
        if (normalised == known || editDistance(normalised, known) <= 2)
            return known;
    }
    // A shortened name (`sandbox = "danger-full-access"`, seen in a real config) means the setting it begins.
    for (const QString &known : {QStringLiteral("sandbox_mode"), QStringLiteral("approval_policy")}) {
        if (normalised.size() >= 6 && known.startsWith(normalised + u'_'))
            return known;
    }
    return {};
}

KeyPath securityKeyHome(const QString &key)
{
    static const QHash<QString, KeyPath> homes{{QStringLiteral("sandbox_mode"), {QStringLiteral("sandbox_mode")}},
        {QStringLiteral("approval_policy"), {QStringLiteral("approval_policy")}},
        {QStringLiteral("default_permissions"), {QStringLiteral("default_permissions")}},
        {QStringLiteral("network_access"),
            {QStringLiteral("sandbox_workspace_write"), QStringLiteral("network_access")}},
        {QStringLiteral("writable_roots"),
            {QStringLiteral("sandbox_workspace_write"), QStringLiteral("writable_roots")}}};
    return homes.value(key);
}

namespace {

// The title and explanation of a security key Codex ignores: misspelt, or right but in the wrong place.
FindingText ignoredKeyText(const Diagnostic &message, const QString &meant, bool misplaced)
{
    const QString key = message.keyPath.constLast();
    const KeyPath home = securityKeyHome(meant);
    const QString ignored = QStringLiteral("Codex ignores %1 (%2), so the restriction it was meant to set is not in "
                                           "force, while the file suggests it is.")
                                .arg(keyPathToString(message.keyPath), Secrets::maskText(message.text));
    if (!misplaced && !meant.isEmpty() && meant == key && !home.isEmpty() && home != message.keyPath) {
        // The right name in the wrong place (a top-level network_access): say where it counts, and that moving it
        // would make it take effect, which may open the posture.
        return {.title = QStringLiteral("`%1` has no effect where it is written").arg(keyPathToString(message.keyPath)),
            .explanation = QStringLiteral(
                "Codex ignores %1 where it is written (%2): the setting has no effect, "
                "whatever its value says. Codex reads it only as `%3`, where it would take effect, which can "
                "open the posture (network_access = true lets sandboxed commands reach the "
                "network).")
                .arg(keyPathToString(message.keyPath), Secrets::maskText(message.text), keyPathToString(home)),
            .remediation = QStringLiteral("Remove the line so the file no longer suggests a setting that is not in "
                                          "force; if you do want it, write it as `%1`.")
                .arg(keyPathToString(home))};
    }
    return {.title = misplaced || meant.isEmpty()
            ? QStringLiteral("A setting landed in the wrong table and is ignored")
            : QStringLiteral("`%1` is ignored: Codex knows it as `%2`").arg(key, meant),
        .explanation = ignored,
        .remediation = message.hint.isEmpty() ? QStringLiteral("Write the key as `%1`.").arg(meant) : message.hint};
}

// Codex's own messages: what it refuses, and security keys it ignores (misspelt or in the wrong table).
void refusedAndIgnored(Context &context)
{
    const InspectionFacts &inspection = context.inspection;
    for (const Diagnostic &message : inspection.messages) {
        const QString subject = message.keyPath.isEmpty()
            ? QStringLiteral("%1:%2").arg(message.location.file).arg(message.location.line)
            : keyPathToString(message.keyPath);
        if (message.severity == DiagnosticSeverity::Error) {
            context.add(Rule::CodexRefusesConfig, subject, Surfaces(Surface::Cli) | Surface::Ide, evidenceOf(message),
                {.title = QStringLiteral("Codex refuses to start with this configuration"),
                    .explanation = QStringLiteral(
                        "%1. Codex stops at start-up, so users fall back to whatever gets them working: flags, "
                        "another profile, or deleting the file with its safe settings.")
                        .arg(Secrets::maskText(message.text)),
                    .remediation = message.hint.isEmpty() ? QStringLiteral("Correct the value.") : message.hint});
            continue;
        }
        if (message.code != u"unknown-key" || message.keyPath.isEmpty())
            continue;
        const QString meant = meantSecurityKey(message.keyPath.constLast());
        const bool misplaced = message.hint.contains(QStringLiteral("table"));
        if (meant.isEmpty() && !misplaced)
            continue;
        context.add(Rule::SecuritySettingIgnored, subject, Surfaces(Surface::Cli) | Surface::Ide, evidenceOf(message),
            ignoredKeyText(message, meant, misplaced),
            meant.isEmpty() && !isSecurityRelevant(message.keyPath) ? std::optional(Severity::Info) : std::nullopt);
    }
}

// Values Codex still accepts but has retired.
void deprecatedValues(Context &context)
{
    const InspectionFacts &inspection = context.inspection;
    const KeyPath approval{QStringLiteral("approval_policy")};
    if (inspection.config.value(approval).toString() == u"on-failure") {
        context.add(Rule::DeprecatedValue, QStringLiteral("approval_policy"), context.localSurfaces(),
            context.evidence(approval),
            {.title = QStringLiteral("approval_policy = \"on-failure\" is deprecated"),
                .explanation = QStringLiteral(
                    "Codex 0.171.0 treats on-failure as on-request; a later version may refuse it and stop "
                    "at start-up."),
                .remediation = QStringLiteral("Write approval_policy = \"on-request\".")});
    }
}

// An IDE extension's own codex next to the CLI's: different versions mean different rules and defaults.
void codexVersions(Context &context)
{
    const InspectionFacts &inspection = context.inspection;
    QString cliVersion;
    for (const CodexBinary &binary : inspection.binaries) {
        if (binary.source == u"PATH" && !binary.version.isEmpty()) {
            cliVersion = binary.version;
            break;
        }
    }
    for (const CodexBinary &binary : inspection.binaries) {
        if (!binary.bundledWithExtension() || binary.version.isEmpty() || cliVersion.isEmpty()
            || binary.version == cliVersion)
            continue;
        context.add(Rule::CodexVersionsDiffer, binary.path, Surface::Ide, Context::fact(binary.path, binary.version),
            {.title = QStringLiteral("The IDE runs codex %1, the CLI %2").arg(binary.version, cliVersion),
                .explanation = QStringLiteral(
                    "The two read the same files but may apply them differently (defaults, accepted values, "
                    "sandbox behaviour), so what was checked for one does not hold for the other."),
                .remediation = QStringLiteral("Update the older one so both run the same version.")});
    }
}

// What an administrator decided above the user's files.
void administratorOverrides(Context &context)
{
    const InspectionFacts &inspection = context.inspection;
    // Values of the managed configuration that replaced what the user (or a profile or project) wrote.
    for (const KeyPath &path : inspection.config.keyPaths()) {
        const std::optional<Provenance> provenance = inspection.config.provenance(path);
        if (!provenance || provenance->winner.layer < 0
            || inspection.layers.at(provenance->winner.layer).kind != ConfigLayer::Kind::Managed
            || provenance->overridden.isEmpty())
            continue;
        const ValueOrigin &replaced = provenance->overridden.constLast();
        context.add(Rule::RequirementOverrides, keyPathToString(path), context.localSurfaces(), context.evidence(path),
            {.title = QStringLiteral("The managed configuration decides %1").arg(keyPathToString(path)),
                .explanation = QStringLiteral(
                    "%1 in %2 is replaced by the administrator's managed configuration; changing it there "
                    "changes nothing.")
                    .arg(keyPathToString(path), replaced.location.toShortString()),
                .remediation = QStringLiteral("Ask whoever manages %1 if the value must change.")
                    .arg(provenance->winner.location.file)});
    }

    for (const auto &[surface, posture] :
        {std::pair{Surface::Cli, &inspection.cli}, std::pair{Surface::Ide, &inspection.ide}}) {
        for (const PostureValue *cell : {&posture->approvalPolicy, &posture->sandboxMode}) {
            if (cell->requiredBy.line <= 0)
                continue;
            context.add(Rule::RequirementOverrides, cell->requiredBy.file + u'#' + cell->value, Surfaces(surface),
                Evidence{QStringLiteral("requirements"), cell->requiredBy.file, cell->requiredBy.line,
                    cell->requiredBy.column, keyPathToString(cell->decidedBy), cell->value},
                {.title = QStringLiteral("An administrator's requirement decides this value"),
                    .explanation = QStringLiteral(
                        "The configured value is not allowed by the machine's requirements, so Codex uses %1. "
                        "Changing your own config.toml will not change it.")
                        .arg(cell->value),
                    .remediation =
                        QStringLiteral("Ask whoever manages %1 if the value must change.").arg(cell->requiredBy.file)});
        }
    }
}

// The rules codex-posture knows for the codex each surface runs: newer or older than every recorded release, and
// releases that take this configuration differently.
void codexReleases(Context &context)
{
    const InspectionFacts &inspection = context.inspection;
    const CodexReleases &releases = CodexReleases::known();
    const auto fit = [&](const JudgingRelease &rules, Surfaces surfaces) {
        const Evidence evidence = Context::fact(rules.source.section(QStringLiteral(": "), 1), rules.installed);
        if (rules.fit == JudgingRelease::Fit::NewerThanKnown)
            context.add(Rule::CodexNewerThanKnown, rules.installed, surfaces, evidence,
                {.title =
                        QStringLiteral("codex %1 is newer than every release codex-posture knows").arg(rules.installed),
                    .explanation = QStringLiteral(
                        "codex-posture knows the rules of Codex up to %1 and judged this configuration by them. "
                        "What %2 accepts, warns about or refuses may have changed since: verdicts may be out of "
                        "date.")
                        .arg(releases.newest(), rules.installed),
                    .remediation =
                        QStringLiteral("Update codex-posture, or record the new release (scripts/record-versions).")});
        else if (rules.fit == JudgingRelease::Fit::OlderThanKnown)
            context.add(Rule::CodexOlderThanKnown, rules.installed, surfaces, evidence,
                {.title =
                        QStringLiteral("codex %1 is older than every release codex-posture knows").arg(rules.installed),
                    .explanation = QStringLiteral(
                        "It was judged by the rules of %1, the oldest recorded release; older releases may accept "
                        "or refuse keys differently.")
                        .arg(releases.oldest()),
                    .remediation = QStringLiteral("Update codex to %1 or newer.").arg(releases.oldest())});
    };
    const bool sameBinary = inspection.cliRelease.source == inspection.ideRelease.source;
    fit(inspection.cliRelease, sameBinary ? context.localSurfaces() : Surfaces(Surface::Cli));
    if (!sameBinary)
        fit(inspection.ideRelease, Surface::Ide);

    if (inspection.cliOnlyMessages.isEmpty() && inspection.ideOnlyMessages.isEmpty())
        return;
    QStringList keys;
    for (const Diagnostics *messages : {&inspection.cliOnlyMessages, &inspection.ideOnlyMessages}) {
        for (const Diagnostic &message : *messages) {
            const QString key = keyPathToString(message.keyPath);
            if (!key.isEmpty() && !keys.contains(key))
                keys.append(key);
        }
    }
    const auto says = [](const Diagnostics &messages) {
        QStringList texts;
        for (const Diagnostic &message : messages)
            texts.append(message.text);
        return texts.isEmpty() ? QStringLiteral("nothing of the kind") : texts.join(QStringLiteral("; "));
    };
    const bool oneRefuses = inspection.codexStarts() != inspection.ideStarts();
    const Diagnostics &first =
        inspection.cliOnlyMessages.isEmpty() ? inspection.ideOnlyMessages : inspection.cliOnlyMessages;
    context.add(Rule::CodexReleasesJudgeDifferently, keys.join(u','), context.localSurfaces(),
        context.evidence(first.constFirst().keyPath),
        {.title = QStringLiteral("The CLI's codex %1 and the IDE's %2 take %3 differently")
                .arg(inspection.cliRelease.release, inspection.ideRelease.release,
                    keys.isEmpty() ? QStringLiteral("this configuration") : keys.join(QStringLiteral(", "))),
            .explanation = QStringLiteral("By the rules of %1 (the CLI): %2. By the rules of %3 (the IDE): %4. What "
                                          "was checked with one surface does not hold for the other.")
                .arg(inspection.cliRelease.release, says(inspection.cliOnlyMessages), inspection.ideRelease.release,
                    says(inspection.ideOnlyMessages)),
            .remediation = QStringLiteral(
                "Run the same codex release for both (update the older one), or change the keys they take "
                "differently.")},
        oneRefuses ? std::nullopt : std::optional<Severity>(Severity::Low));
}

} // namespace

void configRules(Context &context)
{
    refusedAndIgnored(context);
    deprecatedValues(context);
    codexVersions(context);
    codexReleases(context);
    administratorOverrides(context);
}

} // namespace Posture::Core::Rules
