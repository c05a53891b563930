// SPDX-License-Identifier: Apache-2.0
#include "core/report/posturetable.h"

#include <QHash>

namespace Posture::Core {

namespace {

using Row = PostureTable::Row;

const QHash<QString, QList<Row>> &rowsByRule()
{
    static const QHash<QString, QList<Row>> rows{
        {QStringLiteral("unattended-full-access"),
            {Row::ApprovalRow, Row::SandboxModeRow, Row::FilesystemRow, Row::WritableRootsRow, Row::NetworkRow}},
        {QStringLiteral("full-access"),
            {Row::SandboxModeRow, Row::FilesystemRow, Row::WritableRootsRow, Row::NetworkRow}},
        {QStringLiteral("full-access-warning-hidden"), {Row::SandboxModeRow}},
        {QStringLiteral("approval-never"), {Row::ApprovalRow}},
        {QStringLiteral("deprecated-value"), {Row::ApprovalRow}},
        {QStringLiteral("network-enabled"), {Row::NetworkRow}},
        {QStringLiteral("domain-rules-unenforced"), {Row::NetworkRow}},
        {QStringLiteral("dangerous-proxy-setting"), {Row::NetworkRow}},
        {QStringLiteral("cli-more-open-than-cloud"), {Row::NetworkRow}},
        {QStringLiteral("cloud-internet-unrestricted"), {Row::NetworkRow}},
        {QStringLiteral("cloud-all-http-methods"), {Row::NetworkRow}},
        {QStringLiteral("live-web-search-with-network"), {Row::WebSearchRow, Row::NetworkRow}},
        {QStringLiteral("sandbox-not-enforced"), {Row::SandboxEnforcedRow}},
        {QStringLiteral("sandbox-enforcement-unknown"), {Row::SandboxEnforcedRow}},
        {QStringLiteral("broad-trust"), {Row::ProjectTrustRow}},
        {QStringLiteral("project-widens"), {Row::ProjectTrustRow}},
        {QStringLiteral("broad-writable-root"), {Row::WritableRootsRow}},
        {QStringLiteral("unpinned-mcp-package"), {Row::McpServersRow}},
    };
    return rows;
}

// For the rules about any key: the row its key path or dimension names ("sandbox_workspace_write.network_access",
// "cli.approval_policy", "projects./src").
QList<Row> rowsByKey(const QString &key)
{
    if (key.startsWith(QStringLiteral("mcp_servers")))
        return {Row::McpServersRow};
    if (key.startsWith(QStringLiteral("projects")))
        return {Row::ProjectTrustRow};
    if (key.contains(QStringLiteral("approval_policy")))
        return {Row::ApprovalRow};
    if (key.contains(QStringLiteral("sandbox_mode")))
        return {Row::SandboxModeRow};
    if (key.contains(QStringLiteral("writable_roots")))
        return {Row::WritableRootsRow};
    if (key.contains(QStringLiteral("filesystem")))
        return {Row::FilesystemRow};
    if (key.contains(QStringLiteral("web_search")))
        return {Row::WebSearchRow};
    if (key.contains(QStringLiteral("network")) || key.contains(QStringLiteral("agent_internet"))
        || key.contains(QStringLiteral("http_methods")))
        return {Row::NetworkRow};
    if (key.endsWith(QStringLiteral(".enforced")))
        return {Row::SandboxEnforcedRow};
    return {};
}

} // namespace

QList<PostureTable::Row> PostureTable::rowsOf(const Finding &finding)
{
    const auto byRule = rowsByRule().constFind(finding.ruleId);
    if (byRule != rowsByRule().cend())
        return *byRule;
    if (finding.ruleId == u"plain-http-url") // a provider's URL is not about the MCP servers
        return finding.evidence.keyPath.startsWith(QStringLiteral("mcp_servers")) ? QList<Row>{Row::McpServersRow}
                                                                                  : QList<Row>{};
    const QList<Row> byKey = rowsByKey(finding.evidence.keyPath);
    if (!byKey.isEmpty())
        return byKey;
    // Baseline drift names its dimension in its id: "baseline-drift:cli.network".
    return rowsByKey(finding.id.mid(finding.ruleId.size() + 1));
}

} // namespace Posture::Core
