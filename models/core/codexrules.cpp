// SPDX-License-Identifier: Apache-2.0
#include "codexrules.h"

namespace Posture::Core::CodexRules {

namespace {

const QStringList &projectDenyList()
{
    static const QStringList keys{
        QStringLiteral("openai_base_url"),
        QStringLiteral("chatgpt_base_url"),
        QStringLiteral("apps_mcp_product_sku"),
        QStringLiteral("model_provider"),
        QStringLiteral("model_providers"),
        QStringLiteral("notify"),
        QStringLiteral("profile"),
        QStringLiteral("profiles"),
        QStringLiteral("experimental_realtime_webrtc_call_base_url"),
        QStringLiteral("experimental_realtime_ws_base_url"),
        QStringLiteral("otel"),
    };
    return keys;
}

Diagnostic error(const ConfigLayer &layer, const KeyPath &path, const QString &text, const QString &hint)
{
    return Diagnostic{DiagnosticSeverity::Error, layer.document.location(path), text, hint};
}

} // namespace

std::optional<QString> projectDeniedReason(const ConfigLayer &layer, const KeyPath &path)
{
    // managed_config.toml's approval_policy and sandbox_mode are not values but allowlists (requirements).
    if (layer.kind == ConfigLayer::Kind::Managed && path.size() == 1
        && (path.constFirst() == u"approval_policy" || path.constFirst() == u"sandbox_mode"))
        return QStringLiteral("in managed_config.toml this is a requirement (an allowlist), not a value");
    if (layer.kind != ConfigLayer::Kind::Project)
        return std::nullopt;
    const bool denied = (path.size() == 1 && projectDenyList().contains(path.constFirst()))
        || path == KeyPath{QStringLiteral("features"), QStringLiteral("respect_system_proxy")};
    if (!denied)
        return std::nullopt;
    return QStringLiteral("projects may not set this key; Codex removes it from project config");
}

Diagnostics checkLayer(const ConfigLayer &layer, const QString &selectedProfile)
{
    Diagnostics diagnostics;
    const ConfigDocument &document = layer.document;
    const KeyPath profile{QStringLiteral("profile")};
    if (layer.kind != ConfigLayer::Kind::Project && document.value(profile).isValid()) {
        const QString name = document.value(profile).toString();
        diagnostics.append(
            error(layer, profile, QStringLiteral("legacy `profile = \"%1\"` is no longer supported").arg(name),
                QStringLiteral("Codex refuses to start. Move the settings into %1.config.toml next to config.toml, "
                               "remove this line, and start Codex with --profile %1.")
                    .arg(name)));
    }
    const KeyPath legacyTable{QStringLiteral("profiles"), selectedProfile};
    if (!selectedProfile.isEmpty() && layer.kind != ConfigLayer::Kind::Project
        && document.value(legacyTable).isValid()) {
        diagnostics.append(error(layer, legacyTable,
            QStringLiteral("--profile %1 cannot be used while this file has a legacy [profiles.%1] table")
                .arg(selectedProfile),
            QStringLiteral("Codex refuses to start. Move those settings into %1.config.toml and remove the table.")
                .arg(selectedProfile)));
    }
    if (layer.kind == ConfigLayer::Kind::Project && layer.enabled) {
        QStringList ignored;
        for (auto it = document.root().cbegin(); it != document.root().cend(); ++it) {
            if (projectDeniedReason(layer, {it.key()}))
                ignored.append(it.key());
        }
        const QVariantMap features = document.value({QStringLiteral("features")}).toMap();
        if (features.contains(QStringLiteral("respect_system_proxy")))
            ignored.append(QStringLiteral("features.respect_system_proxy"));
        if (!ignored.isEmpty()) {
            diagnostics.append(
                Diagnostic{DiagnosticSeverity::Warning, document.location({ignored.constFirst().section(u'.', 0, 0)}),
                    QStringLiteral("project config may not set %1; Codex ignores it")
                        .arg(ignored.join(QStringLiteral(", "))),
                    QStringLiteral("If the setting should apply, set it in your user config.toml.")});
        }
    }
    return diagnostics;
}

Diagnostics checkEffective(const EffectiveConfig &config)
{
    Diagnostics diagnostics;
    // Checked on the merged value: a retired value that a higher layer overrides does not stop Codex.
    const KeyPath approval{QStringLiteral("approval_policy")};
    if (config.value(approval) == QVariant(QStringLiteral("untrusted"))) {
        diagnostics.append({DiagnosticSeverity::Error, config.provenance(approval)->winner.location,
            QStringLiteral("approval_policy = \"untrusted\" is no longer supported (retired in Codex 0.149.0)"),
            QStringLiteral("Codex refuses to start. Remove the setting, and mark untrusted projects with "
                           "[projects.\"<path>\"] trust_level = \"untrusted\" instead.")});
    }
    return diagnostics;
}

} // namespace Posture::Core::CodexRules
