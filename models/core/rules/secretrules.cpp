// SPDX-License-Identifier: Apache-2.0
// Rules on secrets: what commands inherit, tokens written into the file, MCP packages that change under the user.
#include "core/common/secrets.h"
#include "core/rules/rulecontext.h"
#include "core/surfaces/inventory.h"

#include <QFileInfo>

namespace Posture::Core::Rules {

namespace {

// A package runner's first package argument, if it names no fixed version: `pkg`, `pkg@latest`, `@scope/pkg`.
QString unpinnedPackage(const McpServer &server)
{
    static const QStringList runners{QStringLiteral("npx"), QStringLiteral("bunx"), QStringLiteral("pnpx"),
        QStringLiteral("uvx"), QStringLiteral("pipx")};
    const QString runner = QFileInfo(server.command).fileName();
    if (!runners.contains(runner))
        return {};
    for (const QString &argument : server.args) {
        if (argument.startsWith(u'-') || argument == u"run" || argument == u"dlx")
            continue;
        const qsizetype at = argument.indexOf(u'@', 1); // a scope's leading @ is not a version
        const QString version = at < 0 ? QString() : argument.mid(at + 1);
        if (runner == u"uvx" || runner == u"pipx")
            return argument.contains(QStringLiteral("==")) ? QString() : argument;
        return version.isEmpty() || version == u"latest" || version == u"next" ? argument : QString();
    }
    return {};
}

// The entries of a table (an MCP server's env, a provider's headers) that are secrets: the variable's own name says
// so (GITHUB_TOKEN), or the value is one (Secrets::isSecretValue: a token's shape, not a hash, path or plain URL).
// Every value of these tables is masked in reports anyway.
void collectSecretEntries(
    const EffectiveConfig &config, const KeyPath &tablePath, const QString &where, QList<PlaintextSecret> &secrets)
{
    const QVariantMap table = config.value(tablePath).toMap();
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        const QString value = it.value().toString();
        if ((!Secrets::isSecretKey({it.key()}) && !Secrets::isSecretValue(value)) || Secrets::isPlaceholder(value))
            continue;
        KeyPath path = tablePath;
        path.append(it.key());
        secrets.append({path, where});
    }
}

void reportSecret(Context &context, const PlaintextSecret &secret)
{
    const QString key = keyPathToString(secret.path);
    if (secret.where.isEmpty()) { // a provider's experimental_bearer_token
        context.add(Rule::PlaintextSecret, key, context.localSurfaces(), context.evidence(secret.path),
            {.title = QStringLiteral("A provider token is written in the config"),
                .explanation = QStringLiteral("experimental_bearer_token keeps the API token of provider `%1` in plain "
                                              "text: backups, dotfile repositories, screen shares and any program "
                                              "running as the user can copy it.")
                    .arg(secret.path.at(1)),
                .remediation = QStringLiteral("Use env_key = \"NAME\" with the token in the environment or a keyring, "
                                              "remove experimental_bearer_token, and rotate the token.")});
        return;
    }
    context.add(Rule::PlaintextSecret, key, context.localSurfaces(), context.evidence(secret.path),
        {.title = QStringLiteral("A secret is written in %1").arg(secret.where),
            .explanation = QStringLiteral("The value of %1 looks like a token or key, stored in plain text in a file "
                                          "that backups, dotfile repositories and screen shares see, and that any "
                                          "program running as the user (a sandboxed command can read it) can copy.")
                .arg(key),
            .remediation = QStringLiteral("Keep the secret in the environment or a keyring and refer to it: env_vars = "
                                          "[\"NAME\"] for MCP servers, bearer_token_env_var or env_http_headers for "
                                          "HTTP servers and providers. Then rotate the exposed value.")});
}

} // namespace

QList<PlaintextSecret> findPlaintextSecrets(const EffectiveConfig &config, const QList<McpServer> &servers)
{
    QList<PlaintextSecret> secrets;
    const QVariantMap providers = config.value({QStringLiteral("model_providers")}).toMap();
    for (auto it = providers.cbegin(); it != providers.cend(); ++it) {
        const KeyPath token{QStringLiteral("model_providers"), it.key(), QStringLiteral("experimental_bearer_token")};
        if (config.value(token).isValid() && !Secrets::isPlaceholder(config.value(token).toString()))
            secrets.append({token, {}});
        collectSecretEntries(config, {QStringLiteral("model_providers"), it.key(), QStringLiteral("http_headers")},
            QStringLiteral("provider `%1`'s headers").arg(it.key()), secrets);
    }
    for (const McpServer &server : servers) {
        collectSecretEntries(config, {QStringLiteral("mcp_servers"), server.name, QStringLiteral("env")},
            QStringLiteral("MCP server `%1`'s environment").arg(server.name), secrets);
        collectSecretEntries(config, {QStringLiteral("mcp_servers"), server.name, QStringLiteral("http_headers")},
            QStringLiteral("MCP server `%1`'s headers").arg(server.name), secrets);
    }
    return secrets;
}

void secretRules(Context &context)
{
    const EffectiveConfig &config = context.inspection.config;
    const KeyPath inherit{QStringLiteral("shell_environment_policy"), QStringLiteral("inherit")};
    const KeyPath ignoreExcludes{QStringLiteral("shell_environment_policy"), QStringLiteral("ignore_default_excludes")};
    const QString inherited = config.value(inherit).toString();
    if (config.value(ignoreExcludes) == QVariant(true) && (inherited.isEmpty() || inherited == u"all")) {
        context.add(Rule::EnvironmentSecretsReachCommands, keyPathToString(ignoreExcludes), context.localSurfaces(),
            context.evidence(ignoreExcludes),
            {.title = QStringLiteral("Every environment variable, secrets included, reaches commands"),
                .explanation = QStringLiteral(
                    "With inherit = \"all\" and the default excludes ignored, variables named *KEY*, *SECRET* "
                    "and *TOKEN* are passed to every command the model runs: one injected `env | curl ...` "
                    "sends them away when network is on, or writes them where the model can read them."),
                .remediation =
                    QStringLiteral("Set ignore_default_excludes = false, or inherit = \"core\" and pass what the work "
                                   "needs with shell_environment_policy.set / include_only.")});
    }

    for (const PlaintextSecret &secret : context.plaintextSecrets())
        reportSecret(context, secret);
    for (const McpServer &server : context.mcpServers()) {
        const QString package = unpinnedPackage(server);
        if (!package.isEmpty() && server.enabled) {
            const KeyPath args{QStringLiteral("mcp_servers"), server.name, QStringLiteral("args")};
            context.add(Rule::UnpinnedMcpPackage, server.name, context.localSurfaces(), context.evidence(args),
                {.title = QStringLiteral("MCP server `%1` runs whatever version is newest").arg(server.name),
                    .explanation = QStringLiteral(
                        "`%1 %2` downloads and runs the newest release at every start, outside the sandbox and "
                        "with the user's rights: whoever takes over the package (or its maintainer's account) "
                        "runs code on this machine at the next start.")
                        .arg(QFileInfo(server.command).fileName(), package),
                    .remediation = QStringLiteral("Pin an exact version (package@1.2.3) and update it deliberately.")});
        }
    }
}

} // namespace Posture::Core::Rules
