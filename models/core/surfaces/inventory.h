// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/effectiveconfig.h"

namespace Posture::Core {

// What the effective configuration lets Codex start or reach, listed for review. Nothing here is ever run.
struct McpServer
{
    QString name;
    QString transport; // "stdio" or "http"
    QString command; // stdio
    QStringList args; // stdio; secrets masked
    QString url; // http
    QStringList envNames; // the names of the variables set in env (values are never shown)
    QString bearerTokenEnvVar;
    bool enabled = true;
    std::optional<Provenance> provenance; // of the server's command or url
};

struct TrustEntry
{
    QString path;
    QString level; // trusted | untrusted
    std::optional<Provenance> provenance;
};

namespace Inventory {

QList<McpServer> mcpServers(const EffectiveConfig &config);
// The names of the MCP servers that are enabled, as mcpServers() judges them, without working out (and masking) the
// rest of each server: the widening check of a guided fix asks this twice per fix.
QStringList enabledMcpServerNames(const EffectiveConfig &config);
QList<TrustEntry> trustEntries(const EffectiveConfig &config);
// The notify command, secrets masked; empty when none.
QStringList notifyCommand(const EffectiveConfig &config);
// Hook commands from the [hooks] tables, "<event>: <command>", secrets masked.
QStringList hookCommands(const EffectiveConfig &config);

} // namespace Inventory

} // namespace Posture::Core
