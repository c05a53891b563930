// SPDX-License-Identifier: Apache-2.0
#include "core/surfaces/inventory.h"

#include "core/common/secrets.h"

namespace Posture::Core::Inventory {

namespace {

// A list masked as a whole, so that an argument after a credential flag (--token X) is masked too.
QStringList maskedStrings(const KeyPath &path, const QVariant &value)
{
    QStringList strings;
    for (const QVariant &element : Secrets::mask(path, value.toList()).toList())
        strings.append(element.toString());
    return strings;
}

// Every "command" string in a hook table, however deeply the events and matchers nest it.
void collectCommands(const QString &event, const QVariant &value, QStringList &out)
{
    if (value.typeId() == QMetaType::QVariantMap) {
        const QVariantMap table = value.toMap();
        if (table.value(QStringLiteral("command")).typeId() == QMetaType::QString)
            out.append(
                event + QStringLiteral(": ") + Secrets::maskText(table.value(QStringLiteral("command")).toString()));
        for (auto it = table.cbegin(); it != table.cend(); ++it)
            collectCommands(event, it.value(), out);
    } else if (value.typeId() == QMetaType::QVariantList) {
        for (const QVariant &element : value.toList())
            collectCommands(event, element, out);
    }
}

// A server is enabled unless its table says otherwise.
bool enabled(const QVariantMap &server)
{
    return server.value(QStringLiteral("enabled"), true).toBool();
}

} // namespace

QList<McpServer> mcpServers(const EffectiveConfig &config)
{
    QList<McpServer> servers;
    const QVariantMap table = config.value({QStringLiteral("mcp_servers")}).toMap();
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        const QVariantMap entry = it.value().toMap();
        const KeyPath path{QStringLiteral("mcp_servers"), it.key()};
        McpServer server;
        server.name = it.key();
        server.url = Secrets::maskText(entry.value(QStringLiteral("url")).toString()); // user:password@, ?token=
        server.transport = server.url.isEmpty() ? QStringLiteral("stdio") : QStringLiteral("http");
        server.command = Secrets::maskText(entry.value(QStringLiteral("command")).toString());
        server.args = maskedStrings(path + KeyPath{QStringLiteral("args")}, entry.value(QStringLiteral("args")));
        server.envNames = entry.value(QStringLiteral("env")).toMap().keys();
        server.bearerTokenEnvVar = entry.value(QStringLiteral("bearer_token_env_var")).toString();
        server.enabled = enabled(entry);
        server.provenance =
            config.provenance(path + KeyPath{server.url.isEmpty() ? QStringLiteral("command") : QStringLiteral("url")});
        servers.append(server);
    }
    return servers;
}

QStringList enabledMcpServerNames(const EffectiveConfig &config)
{
    QStringList names;
    const QVariantMap table = config.value({QStringLiteral("mcp_servers")}).toMap();
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        if (enabled(it.value().toMap()))
            names.append(it.key());
    }
    return names;
}

QList<TrustEntry> trustEntries(const EffectiveConfig &config)
{
    QList<TrustEntry> entries;
    const QVariantMap projects = config.value({QStringLiteral("projects")}).toMap();
    for (auto it = projects.cbegin(); it != projects.cend(); ++it) {
        const KeyPath path{QStringLiteral("projects"), it.key(), QStringLiteral("trust_level")};
        entries.append({it.key(), config.value(path).toString(), config.provenance(path)});
    }
    return entries;
}

QStringList notifyCommand(const EffectiveConfig &config)
{
    const KeyPath path{QStringLiteral("notify")};
    return maskedStrings(path, config.value(path));
}

QStringList hookCommands(const EffectiveConfig &config)
{
    QStringList commands;
    const QVariantMap hooks = config.value({QStringLiteral("hooks")}).toMap();
    for (auto it = hooks.cbegin(); it != hooks.cend(); ++it) {
        if (it.key() != u"state")
            collectCommands(it.key(), it.value(), commands);
    }
    return commands;
}

} // namespace Posture::Core::Inventory
