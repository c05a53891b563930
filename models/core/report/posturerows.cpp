// SPDX-License-Identifier: Apache-2.0
#include "core/report/posturetable.h"
#include "core/rules/catalogue.h"

namespace Posture::Core {

namespace {

using Row = PostureTable::Row;

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
    const RiskRules::RuleInfo *rule = RiskRules::find(finding.ruleId);
    if (!rule)
        return {};
    if (rule->rows == RiskRules::ByKey) {
        const QList<Row> byKey = rowsByKey(finding.evidence.keyPath);
        if (!byKey.isEmpty())
            return byKey;
        // Baseline drift names its dimension in its id: "baseline-drift:cli.network".
        return rowsByKey(finding.id.mid(finding.ruleId.size() + 1));
    }
    QList<Row> rows;
    for (int row = 0; row < RowCount; ++row) {
        if (rule->rows & RiskRules::row(RiskRules::PostureRow(row)))
            rows.append(Row(row));
    }
    return rows;
}

} // namespace Posture::Core
