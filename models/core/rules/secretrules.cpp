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

// Where a secret is written, for the finding's title: "MCP server `gh`'s environment", "the environment Codex sets
// for commands", or the key; empty for a provider's experimental_bearer_token (worded on its own).
QString placeOf(const KeyPath &path)
{
    const auto at = [&path](qsizetype i) { return i < path.size() ? path.at(i) : QString(); };
    if (at(0) == u"model_providers" && path.size() == 3 && at(2) == u"experimental_bearer_token")
        return {};
    if (at(0) == u"model_providers" && at(2) == u"http_headers")
        return QStringLiteral("provider `%1`'s headers").arg(at(1));
    if (at(0) == u"mcp_servers" && path.size() >= 3) {
        const QString part = at(2) == u"env" ? QStringLiteral("environment")
            : at(2) == u"http_headers"       ? QStringLiteral("headers")
            : at(2) == u"url"                ? QStringLiteral("URL")
            : at(2) == u"args"               ? QStringLiteral("arguments")
                                             : QStringLiteral("`%1`").arg(at(2));
        return QStringLiteral("MCP server `%1`'s %2").arg(at(1), part);
    }
    if (at(0) == u"shell_environment_policy" && at(1) == u"set")
        return QStringLiteral("the environment Codex sets for commands");
    return QStringLiteral("`%1`").arg(keyPathToString(path));
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

QList<PlaintextSecret> findPlaintextSecrets(const EffectiveConfig &config)
{
    // Every value of the effective configuration, by the one detector the masking uses (Secrets::findSecrets): one
    // finding per key.
    QList<PlaintextSecret> secrets;
    for (const Secrets::FoundSecret &found : Secrets::findSecrets({}, config.root())) {
        if (secrets.isEmpty() || secrets.constLast().path != found.path)
            secrets.append({found.path, placeOf(found.path)});
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
