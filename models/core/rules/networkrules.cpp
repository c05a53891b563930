// SPDX-License-Identifier: Apache-2.0
// Rules on network rules that do nothing, proxy switches that open everything, web search and plain-text URLs.
#include "core/rules/rulecontext.h"
#include "core/surfaces/inventory.h"

#include <QUrl>

namespace Posture::Core::Rules {

namespace {

bool isLoopback(const QString &host)
{
    return host == u"localhost" || host.startsWith(QStringLiteral("127.")) || host == u"::1" || host == u"[::1]";
}

void collectDangerousKeys(const QVariant &value, KeyPath &path, QList<KeyPath> &found)
{
    if (value.typeId() != QMetaType::QVariantMap)
        return;
    const QVariantMap table = value.toMap();
    for (auto it = table.cbegin(); it != table.cend(); ++it) {
        path.append(it.key());
        if (it.key().startsWith(QStringLiteral("dangerously_")) && it.value() != QVariant(false))
            found.append(path);
        collectDangerousKeys(it.value(), path, found);
        path.removeLast();
    }
}

// Per local surface: domain rules nothing enforces, live web search with network on.
void surfaceNetworkRules(Context &context)
{
    const InspectionFacts &inspection = context.inspection;
    const EffectiveConfig &config = inspection.config;
    for (const auto &[surface, posture, starts] : {std::tuple{Surface::Cli, &inspection.cli, inspection.codexStarts()},
             std::tuple{Surface::Ide, &inspection.ide, inspection.ideStarts()}}) {
        if (!starts)
            continue;
        if (posture->domainRules && !posture->proxyEnabled) {
            const KeyPath network{QStringLiteral("permissions"), posture->permissionProfile, QStringLiteral("network")};
            Evidence evidence = context.evidence(network);
            evidence.value = QStringLiteral("domain rules, features.network_proxy off");
            context.add(Rule::DomainRulesUnenforced, keyPathToString(network), Surfaces(surface), evidence,
                {.title = QStringLiteral("Domain rules that nothing enforces"),
                    .explanation =
                        QStringLiteral("The permission profile lists allowed domains, but only the network proxy "
                                       "(features.network_proxy) enforces them. Without it the rules are decoration: "
                                       "commands reach every host the network allows."),
                    .remediation = QStringLiteral(
                        "Enable the proxy ([features] network_proxy = true) or remove the domain list so "
                        "nobody relies on it.")});
        }
        const KeyPath webSearch{QStringLiteral("web_search")};
        if (postureValue<WebSearch>(config.value(webSearch).toString()) == WebSearch::Live
            && posture->is(NetworkAccess::Enabled)) {
            context.add(Rule::LiveWebSearchWithNetwork, QStringLiteral("web_search"), Surfaces(surface),
                context.evidence(webSearch),
                {.title = QStringLiteral("Live web search with network access"),
                    .explanation = QStringLiteral(
                        "Live web search feeds the model pages an attacker can write; with network access "
                        "on, an instruction hidden in such a page can also make commands send data out."),
                    .remediation =
                        QStringLiteral("Use web_search = \"cached\" (the default), or keep network access off.")});
        }
    }
}

// The network proxy's dangerously_* switches.
void dangerousSwitches(Context &context)
{
    const EffectiveConfig &config = context.inspection.config;
    QList<KeyPath> dangerous;
    KeyPath walk;
    collectDangerousKeys(config.root(), walk, dangerous);
    for (const KeyPath &path : std::as_const(dangerous)) {
        context.add(Rule::DangerousProxySetting, keyPathToString(path), context.localSurfaces(), context.evidence(path),
            {.title = QStringLiteral("A dangerously_* network switch is on"),
                .explanation = QStringLiteral(
                    "Settings named dangerously_* turn off a protection of the network proxy (for example "
                    "letting commands reach local or private addresses, or bypassing the allowlist): a "
                    "command can then reach services on this machine or the office network."),
                .remediation = QStringLiteral("Remove the key, or set it to false.")});
    }
}

// MCP servers and model providers reached over plain http:// (loopback excepted).
void plainHttpUrls(Context &context)
{
    const EffectiveConfig &config = context.inspection.config;
    const auto checkUrl = [&](const KeyPath &path, const QString &what) {
        const QUrl url(config.value(path).toString());
        if (url.scheme() != u"http" || isLoopback(url.host()))
            return;
        context.add(Rule::PlainHttpUrl, keyPathToString(path), context.localSurfaces(), context.evidence(path),
            {.title = QStringLiteral("%1 over plain HTTP").arg(what),
                .explanation = QStringLiteral(
                    "Requests, prompts, code and any credentials sent to %1 travel unencrypted: anyone on the "
                    "network path can read them or answer in the server's place.")
                    .arg(url.host()),
                .remediation = QStringLiteral("Use an https:// URL.")});
    };
    for (const McpServer &server : context.mcpServers()) {
        if (!server.url.isEmpty())
            checkUrl({QStringLiteral("mcp_servers"), server.name, QStringLiteral("url")},
                QStringLiteral("MCP server `%1`").arg(server.name));
    }
    const QVariantMap providers = config.value({QStringLiteral("model_providers")}).toMap();
    for (auto it = providers.cbegin(); it != providers.cend(); ++it)
        checkUrl({QStringLiteral("model_providers"), it.key(), QStringLiteral("base_url")},
            QStringLiteral("Model provider `%1`").arg(it.key()));
}

} // namespace

void networkRules(Context &context)
{
    surfaceNetworkRules(context);
    dangerousSwitches(context);
    plainHttpUrls(context);
}

} // namespace Posture::Core::Rules
