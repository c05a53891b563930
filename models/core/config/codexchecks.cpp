// SPDX-License-Identifier: Apache-2.0
#include "core/config/codexchecks.h"

#include <QDir>
#include <QFileInfo>

namespace Posture::Core::CodexChecks {

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
        // Codex prints one warning per project file naming every key it dropped; each key is a message of its own
        // here (code "project-ignored") so that it points at its line.
        QList<KeyPath> ignored;
        for (auto it = document.root().cbegin(); it != document.root().cend(); ++it) {
            if (projectDeniedReason(layer, {it.key()}))
                ignored.append({it.key()});
        }
        const QVariantMap features = document.value({QStringLiteral("features")}).toMap();
        if (features.contains(QStringLiteral("respect_system_proxy")))
            ignored.append({QStringLiteral("features"), QStringLiteral("respect_system_proxy")});
        for (const KeyPath &path : std::as_const(ignored)) {
            diagnostics.append(Diagnostic{DiagnosticSeverity::Warning, document.location(path),
                QStringLiteral("project config may not set `%1`; Codex ignores it").arg(keyPathToString(path)),
                QStringLiteral("If the setting should apply, set it in your user config.toml."),
                QStringLiteral("project-ignored"), path});
        }
    }
    return diagnostics;
}

namespace {

// An MCP server is stdio (command) or streamable HTTP (url); a key of the other transport stops Codex.
void checkMcpServers(const EffectiveConfig &config, Diagnostics &diagnostics)
{
    static const QStringList stdioOnly{QStringLiteral("command"), QStringLiteral("args"), QStringLiteral("env"),
        QStringLiteral("env_vars"), QStringLiteral("cwd")};
    static const QStringList httpOnly{QStringLiteral("url"), QStringLiteral("bearer_token_env_var"),
        QStringLiteral("http_headers"), QStringLiteral("env_http_headers")};
    const QVariantMap servers = config.value({QStringLiteral("mcp_servers")}).toMap();
    for (auto it = servers.cbegin(); it != servers.cend(); ++it) {
        const QVariantMap server = it.value().toMap();
        const KeyPath path{QStringLiteral("mcp_servers"), it.key()};
        const bool stdio = server.contains(QStringLiteral("command"));
        const bool http = server.contains(QStringLiteral("url"));
        QString problem;
        if (!stdio && !http) {
            problem = QStringLiteral("has neither `command` (a local server) nor `url` (an HTTP server)");
        } else if (server.contains(QStringLiteral("bearer_token"))) {
            problem = QStringLiteral("sets an inline `bearer_token`, which Codex does not accept");
        } else {
            for (const QString &key : stdio ? httpOnly : stdioOnly) {
                if (server.contains(key)) {
                    problem =
                        QStringLiteral("sets `%1`, which %2 server does not take")
                            .arg(key, stdio ? QStringLiteral("a local (command)") : QStringLiteral("an HTTP (url)"));
                    break;
                }
            }
        }
        if (!problem.isEmpty())
            diagnostics.append({DiagnosticSeverity::Error, config.location(path),
                QStringLiteral("MCP server `%1` %2").arg(it.key(), problem),
                QStringLiteral("Codex refuses to start. Give the server either command (with args, env) or url (with "
                               "bearer_token_env_var, http_headers); keep tokens in environment variables."),
                QStringLiteral("invalid-value"), path});
    }
}

// Built-in providers cannot be redefined, and a custom provider needs a name.
void checkModelProviders(const EffectiveConfig &config, Diagnostics &diagnostics)
{
    static const QStringList reserved{QStringLiteral("openai"), QStringLiteral("ollama"), QStringLiteral("lmstudio")};
    static const QStringList bedrockKeys{
        QStringLiteral("base_url"), QStringLiteral("auth"), QStringLiteral("http_headers"), QStringLiteral("aws")};
    const QVariantMap providers = config.value({QStringLiteral("model_providers")}).toMap();
    for (auto it = providers.cbegin(); it != providers.cend(); ++it) {
        const KeyPath path{QStringLiteral("model_providers"), it.key()};
        const QVariantMap provider = it.value().toMap();
        QString problem;
        if (reserved.contains(it.key())) {
            problem =
                QStringLiteral("redefines the built-in provider `%1`; rename it (e.g. `%1-custom`)").arg(it.key());
        } else if (it.key() == u"amazon-bedrock") {
            const auto keys = provider.keys();
            const auto other =
                std::find_if(keys.cbegin(), keys.cend(), [](const QString &key) { return !bedrockKeys.contains(key); });
            if (other != keys.cend())
                problem = QStringLiteral("sets `%1`; amazon-bedrock only takes base_url, auth, http_headers and aws")
                              .arg(*other);
        } else if (provider.value(QStringLiteral("name")).toString().isEmpty()) {
            problem = QStringLiteral("has no name; a provider's name must not be empty");
        }
        if (!problem.isEmpty())
            diagnostics.append({DiagnosticSeverity::Error, config.location(path),
                QStringLiteral("model provider `%1` %2").arg(it.key(), problem),
                QStringLiteral("Codex refuses to start until the provider is fixed."), QStringLiteral("invalid-value"),
                path});
    }
}

// An agent role ([agents.<name>], a table among [agents]' settings) needs a description or a config_file, and a
// config_file that exists (relative to the file that names it); Codex ignores a malformed role with a warning.
void checkAgentRoles(const EffectiveConfig &config, Diagnostics &diagnostics)
{
    const QVariantMap agents = config.value({QStringLiteral("agents")}).toMap();
    for (auto it = agents.cbegin(); it != agents.cend(); ++it) {
        if (it.value().typeId() != QMetaType::QVariantMap)
            continue; // a setting of [agents] itself (max_threads, enabled, ...)
        const QVariantMap role = it.value().toMap();
        const KeyPath path{QStringLiteral("agents"), it.key()};
        const QString hint = QStringLiteral("Codex starts without this role.");
        if (role.contains(QStringLiteral("config_file"))) {
            const KeyPath file = path + KeyPath{QStringLiteral("config_file")};
            const SourceLocation where = config.location(file);
            const QString named = role.value(QStringLiteral("config_file")).toString();
            const QString resolved =
                QFileInfo(named).isAbsolute() ? named : QFileInfo(where.file).dir().filePath(named);
            if (!QFileInfo(resolved).isFile())
                diagnostics.append({DiagnosticSeverity::Warning, where,
                    QStringLiteral("agent role `%1`: config_file %2 does not exist; Codex ignores the role")
                        .arg(it.key(), resolved),
                    hint, QStringLiteral("codex-warning"), file});
        } else if (role.value(QStringLiteral("description")).toString().isEmpty()) {
            diagnostics.append({DiagnosticSeverity::Warning, config.location(path),
                QStringLiteral("agent role `%1` has no description; Codex ignores the role").arg(it.key()), hint,
                QStringLiteral("codex-warning"), path});
        }
    }
}

} // namespace

Diagnostics checkEffective(const EffectiveConfig &config)
{
    Diagnostics diagnostics;
    checkMcpServers(config, diagnostics);
    checkAgentRoles(config, diagnostics);
    checkModelProviders(config, diagnostics);
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

} // namespace Posture::Core::CodexChecks
