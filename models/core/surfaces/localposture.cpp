// SPDX-License-Identifier: Apache-2.0
#include "core/surfaces/localposture.h"

namespace Posture::Core {

namespace {

// The words each dimension's values are shown and compared by (posturevalues.h).
const QString ReadOnly = postureName(SandboxMode::ReadOnly);
const QString WorkspaceWrite = postureName(SandboxMode::WorkspaceWrite);
const QString FullAccess = postureName(SandboxMode::DangerFullAccess);
const QString Restricted = postureName(FilesystemAccess::Restricted);
const QString Unrestricted = postureName(FilesystemAccess::Unrestricted);
const QString Enabled = postureName(NetworkAccess::Enabled);

KeyPath key(std::initializer_list<const char16_t *> parts)
{
    KeyPath path;
    for (const char16_t *part : parts)
        path.append(QString::fromUtf16(part));
    return path;
}

void approval(LocalPosture &posture, const EffectiveConfig &config, const ProjectTrust &trust)
{
    const KeyPath path = key({u"approval_policy"});
    const QVariant value = config.value(path);
    if (value.typeId() == QMetaType::QVariantMap) {
        posture.approvalPolicy = {
            postureName(ApprovalPolicy::Granular), path, QStringLiteral("granular approval rules")};
    } else if (value.toString() == postureName(ApprovalPolicy::Never)) {
        posture.approvalPolicy = {postureName(ApprovalPolicy::Never), path, QStringLiteral("set")};
    } else if (value.toString() == u"on-failure") { // a config value, not a posture: Codex reads it as on-request
        posture.approvalPolicy = {postureName(ApprovalPolicy::OnRequest), path,
            QStringLiteral("the deprecated on-failure, read as on-request")};
    } else if (value.toString() == postureName(ApprovalPolicy::OnRequest)) {
        posture.approvalPolicy = {postureName(ApprovalPolicy::OnRequest), path, QStringLiteral("set")};
    } else if (trust.level == ProjectTrust::Level::Untrusted) {
        posture.approvalPolicy = {
            postureName(ApprovalPolicy::UnlessTrusted), {}, QStringLiteral("default for a project marked untrusted")};
    } else {
        posture.approvalPolicy = {postureName(ApprovalPolicy::OnRequest), {}, QStringLiteral("default")};
    }
}

// A permission profile after following `extends`: its built-in base, filesystem entries and network switch.
struct ResolvedProfile
{
    QString base; // a built-in at the end of the extends chain, or empty
    QVariantMap filesystem; // child entries override the parent's
    std::optional<bool> networkEnabled;
    bool domains = false;
};

std::optional<ResolvedProfile> resolveProfile(
    const QString &name, const EffectiveConfig &config, const SourceLocation &where, Diagnostics &diagnostics)
{
    ResolvedProfile resolved;
    const QVariantMap profiles = config.value(key({u"permissions"})).toMap();
    QStringList chain;
    QString current = name;
    while (!current.isEmpty()) {
        if (current.startsWith(u':')) {
            if (current == u":danger-full-access") {
                diagnostics.append({DiagnosticSeverity::Error, where,
                    QStringLiteral("permissions profile `%1` cannot extend unsupported built-in profile `%2`")
                        .arg(chain.constLast(), current),
                    QStringLiteral("Codex refuses to start. Extend :workspace or :read-only instead.")});
                return std::nullopt;
            }
            resolved.base = current;
            break;
        }
        if (chain.contains(current) || !profiles.contains(current)) {
            diagnostics.append({DiagnosticSeverity::Error, where,
                chain.contains(current)
                    ? QStringLiteral("permissions profile `%1` extends itself through `%2`").arg(name, current)
                    : QStringLiteral("default_permissions refers to undefined profile `%1`").arg(current),
                QStringLiteral("Codex refuses to start. Define [permissions.%1] or choose another profile.")
                    .arg(current)});
            return std::nullopt;
        }
        chain.append(current);
        const QVariantMap profile = profiles.value(current).toMap();
        const QVariantMap filesystem = profile.value(QStringLiteral("filesystem")).toMap();
        for (auto it = filesystem.cbegin(); it != filesystem.cend(); ++it) {
            if (!resolved.filesystem.contains(it.key()))
                resolved.filesystem.insert(it.key(), it.value());
        }
        const QVariantMap network = profile.value(QStringLiteral("network")).toMap();
        if (!resolved.networkEnabled && network.contains(QStringLiteral("enabled")))
            resolved.networkEnabled = network.value(QStringLiteral("enabled")).toBool();
        resolved.domains = resolved.domains || !network.value(QStringLiteral("domains")).toMap().isEmpty();
        current = profile.value(QStringLiteral("extends")).toString();
    }
    return resolved;
}

// The special filesystem entries Codex 0.171.0 knows; it ignores any other `:name`, with a warning.
bool isKnownSpecialPath(const QString &entry)
{
    static const QStringList special{QStringLiteral(":root"), QStringLiteral(":minimal"),
        QStringLiteral(":workspace_roots"), QStringLiteral(":tmpdir"), QStringLiteral(":slash_tmp")};
    return special.contains(entry);
}

// Codex warns on Linux about a deny-read glob with `**` (it expands globs at start, without a bound) unless the profile
// sets glob_scan_max_depth. An entry is "path" = "deny", or "path" = { "glob" = "deny" } scoped under a path.
void warnUnboundedDenyGlobs(LocalPosture &posture, const EffectiveConfig &config, const QString &name,
    const ResolvedProfile &profile, const SourceLocation &where)
{
    if (profile.filesystem.contains(QStringLiteral("glob_scan_max_depth")))
        return;
    QList<KeyPath> globs;
    for (auto it = profile.filesystem.cbegin(); it != profile.filesystem.cend(); ++it) {
        if (it.value().toString() == u"deny" && it.key().contains(QStringLiteral("**")))
            globs.append({it.key()});
        const QVariantMap scoped = it.value().toMap();
        for (auto inner = scoped.cbegin(); inner != scoped.cend(); ++inner) {
            if (inner.value().toString() == u"deny" && inner.key().contains(QStringLiteral("**")))
                globs.append({it.key(), inner.key()});
        }
    }
    for (const KeyPath &glob : std::as_const(globs)) {
        const KeyPath entry = KeyPath{QStringLiteral("permissions"), name, QStringLiteral("filesystem")} + glob;
        const SourceLocation location = config.location(entry);
        posture.diagnostics.append({DiagnosticSeverity::Warning, location.line > 0 ? location : where,
            QStringLiteral("deny-read glob `%1` uses `**`, which Codex cannot bound on Linux").arg(glob.join(u'/')),
            QStringLiteral("Set glob_scan_max_depth in [permissions.%1.filesystem], or list the paths explicitly.")
                .arg(name),
            QStringLiteral("unbounded-deny-glob"), entry});
    }
}

void applyPermissionProfile(LocalPosture &posture, const EffectiveConfig &config)
{
    const KeyPath path = key({u"default_permissions"});
    const QString name = config.value(path).toString();
    const SourceLocation where = config.location(path);
    posture.sandboxSystem = LocalPosture::SandboxSystem::PermissionProfile;
    posture.permissionProfile = name;
    const QString reason = QStringLiteral("permission profile `%1`").arg(name);
    const auto set = [&](const QString &mode, const QString &filesystem, bool network) {
        posture.sandboxMode = {mode, path, reason};
        posture.filesystem = {filesystem, path, reason};
        posture.network = {network ? Enabled : Restricted, path, reason};
    };
    if (name.startsWith(u':')) {
        if (name == u":read-only")
            set(ReadOnly, Restricted, false);
        else if (name == u":workspace")
            set(WorkspaceWrite, Restricted, false);
        else if (name == u":danger-full-access")
            set(FullAccess, Unrestricted, true);
        else
            posture.diagnostics.append({DiagnosticSeverity::Error, where,
                QStringLiteral("default_permissions refers to unknown built-in profile `%1`").arg(name),
                QStringLiteral("Codex refuses to start. Use :read-only, :workspace or :danger-full-access.")});
        return;
    }
    if (!config.value(key({u"permissions"})).isValid()) {
        posture.diagnostics.append(
            {DiagnosticSeverity::Error, where, QStringLiteral("default_permissions requires a `[permissions]` table"),
                QStringLiteral("Codex refuses to start. Define [permissions.%1].").arg(name)});
        return;
    }
    const std::optional<ResolvedProfile> profile = resolveProfile(name, config, where, posture.diagnostics);
    if (!profile)
        return;
    const QString rootAccess = profile->filesystem.value(QStringLiteral(":root")).toString();
    const QString workspaceAccess = profile->filesystem.value(QStringLiteral(":workspace_roots")).toString();
    QString mode = ReadOnly;
    if (rootAccess == u"write")
        mode = FullAccess;
    else if (workspaceAccess == u"write" || profile->base == u":workspace")
        mode = WorkspaceWrite;
    // The two warnings Codex prints about a profile's filesystem (seen with the real CLI): no entries at all, and each
    // special path it does not know.
    if (profile->base.isEmpty() && profile->filesystem.isEmpty()) {
        posture.diagnostics.append({DiagnosticSeverity::Warning, where,
            QStringLiteral("permissions profile `%1` does not define any recognized filesystem entries; "
                           "filesystem access stays restricted")
                .arg(name),
            QStringLiteral("Add `extends = \":workspace\"` or [permissions.%1.filesystem] entries.").arg(name),
            QStringLiteral("codex-warning"), {QStringLiteral("permissions"), name}});
    }
    for (auto it = profile->filesystem.cbegin(); it != profile->filesystem.cend(); ++it) {
        if (!it.key().startsWith(u':') || isKnownSpecialPath(it.key()))
            continue;
        const KeyPath entry{QStringLiteral("permissions"), name, QStringLiteral("filesystem"), it.key()};
        const SourceLocation location = config.location(entry);
        posture.diagnostics.append({DiagnosticSeverity::Warning, location.line > 0 ? location : where,
            QStringLiteral("filesystem path `%1` is not one Codex knows; Codex ignores it").arg(it.key()),
            QStringLiteral("Codex 0.171.0 knows :root, :minimal, :workspace_roots, :tmpdir and :slash_tmp."),
            QStringLiteral("unknown-special-path"), entry});
    }
    warnUnboundedDenyGlobs(posture, config, name, *profile, where);
    // `codex doctor` calls only the built-in full access "unrestricted"; a profile writing :root is still a profile.
    set(mode, Restricted, profile->networkEnabled.value_or(false));
    posture.domainRules = profile->domains;
}

void legacyOrDefaultSandbox(LocalPosture &posture, const EffectiveConfig &config, const ProjectTrust &trust)
{
    const KeyPath modePath = key({u"sandbox_mode"});
    const QString configured = config.value(modePath).toString();
    QString mode;
    if (!configured.isEmpty()) {
        posture.sandboxSystem = LocalPosture::SandboxSystem::Legacy;
        mode = configured;
        posture.sandboxMode = {mode, modePath, QStringLiteral("set")};
    } else {
        if (config.contains(key({u"permissions"}))) {
            posture.diagnostics.append({DiagnosticSeverity::Error, config.location(key({u"permissions"})),
                QStringLiteral("config defines [permissions] profiles but does not set default_permissions"),
                QStringLiteral("Codex refuses to start. Add default_permissions = \"<profile>\" above the first "
                               "table header, or remove the [permissions] tables.")});
        }
        posture.sandboxSystem = LocalPosture::SandboxSystem::TrustDefault;
        mode = trust.level == ProjectTrust::Level::Unknown ? ReadOnly : WorkspaceWrite;
        posture.sandboxMode = {mode, {},
            trust.level == ProjectTrust::Level::Unknown ? QStringLiteral("default outside a known project")
                                                        : QStringLiteral("default for a project with a trust entry")};
    }
    posture.filesystem = {
        mode == FullAccess ? Unrestricted : Restricted, posture.sandboxMode.decidedBy, posture.sandboxMode.reason};
    const KeyPath networkPath = key({u"sandbox_workspace_write", u"network_access"});
    if (mode == FullAccess)
        posture.network = {Enabled, posture.sandboxMode.decidedBy, QStringLiteral("full access has no network limit")};
    else if (mode == WorkspaceWrite && config.value(networkPath).toBool())
        posture.network = {Enabled, networkPath, QStringLiteral("set")};
    else if (mode == WorkspaceWrite)
        posture.network = {Restricted, config.contains(networkPath) ? networkPath : KeyPath{}, QStringLiteral("off")};
    else
        posture.network = {Restricted, posture.sandboxMode.decidedBy, QStringLiteral("read-only allows no network")};
    if (mode == WorkspaceWrite)
        posture.writableRoots = config.value(key({u"sandbox_workspace_write", u"writable_roots"})).toStringList();
}

// Codex falls back to the first allowed value when requirements do not allow the configured one, and warns
// (seen with the real CLI, /etc/codex bind-mounted in a private mount namespace).
void applyRequirements(LocalPosture &posture, const Requirements &requirements)
{
    const auto fallBack = [&posture](const QString &key, const QString &configured, const QString &used,
                              const SourceLocation &where) {
        posture.diagnostics.append({DiagnosticSeverity::Warning, where,
            QStringLiteral("requirements do not allow %1 = \"%2\"; Codex uses \"%3\"").arg(key, configured, used),
            QStringLiteral("Set an allowed value in config.toml, or ask the administrator who set the requirements."),
            QStringLiteral("required-value"), {key}});
        return QStringLiteral("required: %1 is not allowed, so Codex uses the first allowed value").arg(configured);
    };
    const QStringList &approvals = requirements.allowedApprovalPolicies;
    if (!approvals.isEmpty() && !approvals.contains(posture.approvalPolicy.value)) {
        const QString reason = fallBack(QStringLiteral("approval_policy"), posture.approvalPolicy.value,
            approvals.constFirst(), requirements.approvalSource);
        posture.approvalPolicy = {approvals.constFirst(), {}, reason, requirements.approvalSource};
    }
    const QStringList &modes = requirements.allowedSandboxModes;
    if (!modes.isEmpty() && !modes.contains(posture.sandboxMode.value)) {
        const QString mode = modes.constFirst();
        const QString reason =
            fallBack(QStringLiteral("sandbox_mode"), posture.sandboxMode.value, mode, requirements.sandboxSource);
        posture.sandboxMode = {mode, {}, reason, requirements.sandboxSource};
        posture.filesystem = {mode == FullAccess ? Unrestricted : Restricted, {}, reason, requirements.sandboxSource};
        posture.network = {mode == FullAccess ? Enabled : Restricted, {}, reason, requirements.sandboxSource};
        if (mode != WorkspaceWrite)
            posture.writableRoots.clear();
    }
}

} // namespace

QString LocalPosture::sandboxSystemName() const
{
    switch (sandboxSystem) {
    case SandboxSystem::TrustDefault:
        return QStringLiteral("trust-default");
    case SandboxSystem::Legacy:
        return QStringLiteral("legacy");
    case SandboxSystem::PermissionProfile:
        return QStringLiteral("permission-profile");
    }
    Q_UNREACHABLE_RETURN(QString());
}

LocalPosture LocalPosture::evaluate(
    const EffectiveConfig &config, const ProjectTrust &trust, const Requirements &requirements)
{
    LocalPosture posture;
    approval(posture, config, trust);
    // Whichever of sandbox_mode and default_permissions a higher layer sets decides; within one layer,
    // default_permissions wins (Codex 0.171.0; its docs say sandbox_mode always wins).
    const std::optional<Provenance> mode = config.provenance(key({u"sandbox_mode"}));
    const std::optional<Provenance> profile = config.provenance(key({u"default_permissions"}));
    const int modeLayer = mode ? mode->winner.layer : -1;
    const int profileLayer = profile ? profile->winner.layer : -1;
    if (profileLayer >= 0 && profileLayer >= modeLayer)
        applyPermissionProfile(posture, config);
    else
        legacyOrDefaultSandbox(posture, config, trust);
    const QVariant proxy = config.value(key({u"features", u"network_proxy"}));
    applyRequirements(posture, requirements);
    posture.proxyEnabled = proxy.typeId() == QMetaType::QVariantMap
        ? proxy.toMap().value(QStringLiteral("enabled"), true).toBool()
        : proxy.toBool();
    return posture;
}

} // namespace Posture::Core
