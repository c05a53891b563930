// SPDX-License-Identifier: Apache-2.0
// Rules on trust: projects trusted too broadly, trusted projects that widen the posture, writable roots too wide.
#include "core/common/secrets.h"
#include "core/config/codexchecks.h"
#include "core/config/tomleditor.h"
#include "core/rules/rulecontext.h"
#include "core/surfaces/inventory.h"

#include <QDir>
#include <QRegularExpression>

namespace Posture::Core::Rules {

namespace {

// The home directory, the root, or a folder that holds the home directory: trusting it trusts every project below,
// writing to it reaches shell start-up files and every project. Home-like folders count wherever the reviewer runs
// (a copied machine's /home/alice is not the reviewer's home): /home/<user>, /Users/<user>, C:\Users\<user>, /root,
// and the inspected home itself. /tmp and /var/tmp count for trust only (anything cloned there becomes trusted;
// the sandbox may write /tmp anyway).
bool isBroad(const QString &path, const QString &home, bool temporaryIsBroad)
{
    // Backslashes too: a Windows machine's config is judged on any host (fromNativeSeparators only converts on
    // Windows).
    const QString cleaned = QDir::cleanPath(QString(path).replace(u'\\', u'/'));
    const QString cleanHome = QDir::cleanPath(home);
    static const QRegularExpression homeLike(
        QStringLiteral("^(?:/home(?:/[^/]+)?|/Users(?:/[^/]+)?|/root|[A-Za-z]:(?:/Users(?:/[^/]+)?)?)/?$"),
        QRegularExpression::CaseInsensitiveOption);
    const bool temporary = cleaned == u"/tmp" || cleaned == u"/var/tmp";
    return cleaned == u"/" || cleaned == u"~" || isPathInside(cleanHome, cleaned) || homeLike.match(cleaned).hasMatch()
        || (temporaryIsBroad && temporary);
}

// What a project's own .codex/config.toml may not be trusted to set: each widens what Codex does for everyone who
// opens the repository.
struct Widening
{
    QStringList path;
    std::function<bool(const QVariant &)> widens;
    const char *what;
};

const QList<Widening> &widenings()
{
    static const QList<Widening> list{
        {{QStringLiteral("sandbox_mode")},
            [](const QVariant &v) { return postureValue<SandboxMode>(v.toString()) == SandboxMode::DangerFullAccess; },
            "turns the sandbox off"},
        {{QStringLiteral("default_permissions")},
            [](const QVariant &v) { return v.toString() == u":danger-full-access"; }, "turns the sandbox off"},
        {{QStringLiteral("approval_policy")},
            [](const QVariant &v) { return postureValue<ApprovalPolicy>(v.toString()) == ApprovalPolicy::Never; },
            "stops approvals"},
        {{QStringLiteral("sandbox_workspace_write"), QStringLiteral("network_access")},
            [](const QVariant &v) { return v.toBool(); }, "turns network access on"},
        {{QStringLiteral("sandbox_workspace_write"), QStringLiteral("writable_roots")},
            [](const QVariant &v) { return !v.toList().isEmpty(); }, "adds writable roots"},
        {{QStringLiteral("mcp_servers")}, [](const QVariant &v) { return !v.toMap().isEmpty(); },
            "adds MCP servers (programs Codex starts)"},
        {{QStringLiteral("hooks")}, [](const QVariant &v) { return !v.toMap().isEmpty(); },
            "adds hooks (commands Codex runs)"},
        {{QStringLiteral("notify")}, [](const QVariant &v) { return !v.toList().isEmpty(); }, "sets a notify command"},
    };
    return list;
}

} // namespace

void trustRules(Context &context)
{
    const InspectionFacts &inspection = context.inspection;
    const QString home = inspection.locations.home;
    for (const TrustEntry &entry : Inventory::trustEntries(inspection.config)) {
        if (entry.level != u"trusted" || !isBroad(entry.path, home, true))
            continue;
        const KeyPath path{QStringLiteral("projects"), entry.path, QStringLiteral("trust_level")};
        context.add(Rule::BroadTrust, entry.path, context.localSurfaces(), context.evidence(path),
            {.title = QStringLiteral("Every project under %1 is trusted").arg(entry.path),
                .explanation = QStringLiteral(
                    "A trusted folder's own .codex/config.toml is loaded and its defaults are more permissive. "
                    "Trusting %1 trusts every repository cloned below it, including one an attacker sends, "
                    "whose config can then widen the sandbox or add MCP servers and hooks.")
                    .arg(entry.path),
                .remediation = QStringLiteral("Trust individual project folders instead, and remove the entry for %1.")
                    .arg(entry.path)});
    }

    for (const ConfigLayer &layer : inspection.layers) {
        if (layer.kind != ConfigLayer::Kind::Project || !layer.enabled || !layer.exists())
            continue;
        for (const Widening &widening : widenings()) {
            const QVariant value = layer.document.value(widening.path);
            // A key projects may not set is dropped by Codex: it widens nothing (it is reported as ignored).
            if (!value.isValid() || !widening.widens(value) || CodexChecks::projectDeniedReason(layer, widening.path))
                continue;
            const SourceLocation location = layer.document.location(widening.path);
            const Evidence evidence{layer.kindName(), location.file, location.line, location.column,
                keyPathToString(widening.path), tomlValueText(Secrets::mask(widening.path, value)), widening.path};
            context.add(Rule::ProjectWidens, location.file + u'#' + keyPathToString(widening.path),
                context.localSurfaces(), evidence,
                {.title = QStringLiteral("A trusted project's config %1").arg(QLatin1StringView(widening.what)),
                    .explanation = QStringLiteral(
                        "This file is part of the repository: whoever can commit to it decides what Codex does "
                        "on every machine that trusts the project. Here it %1.")
                        .arg(QLatin1StringView(widening.what)),
                    .remediation = QStringLiteral(
                        "Move the setting to your own ~/.codex/config.toml if you want it, and remove it from "
                        "the project; or stop trusting the project.")});
        }
    }

    const KeyPath roots{QStringLiteral("sandbox_workspace_write"), QStringLiteral("writable_roots")};
    for (const QVariant &root : inspection.config.value(roots).toList()) {
        const QString path = root.toString();
        if (!isBroad(path, home, false))
            continue;
        context.add(Rule::BroadWritableRoot, path, context.localSurfaces(), context.evidence(roots),
            {.title = QStringLiteral("The sandbox may write to %1").arg(path),
                .explanation = QStringLiteral(
                    "A writable root of %1 lets sandboxed commands change shell start-up files, SSH "
                    "configuration and other projects: a write there runs code outside the sandbox later.")
                    .arg(path),
                .remediation = QStringLiteral("List only the folders the work needs in writable_roots.")});
    }
}

} // namespace Posture::Core::Rules
