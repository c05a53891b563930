// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/risklevel.h"
#include "core/rules/catalogue.h"
#include "core/rules/finding.h"

#include <QStringList>

namespace Posture::Core {

struct Inspection;

// The posture side by side, as every face shows it: one row per dimension (approval, sandbox mode, filesystem,
// writable roots, network, web search, project trust, MCP servers, sandbox enforced), one column per surface (CLI |
// IDE extension | Cloud). Each cell knows its value, its risk (the worst finding that concerns it and counts), those
// findings, and where the value came from: file, line, layer, and the values it overrode or that Codex ignored.
class PostureTable
{
public:
    // The catalogue's posture rows (a rule's record names the rows its findings are about), in their order.
    enum Row : int {
        ApprovalRow = int(RiskRules::PostureRow::Approval),
        SandboxModeRow = int(RiskRules::PostureRow::SandboxMode),
        FilesystemRow = int(RiskRules::PostureRow::Filesystem),
        WritableRootsRow = int(RiskRules::PostureRow::WritableRoots),
        NetworkRow = int(RiskRules::PostureRow::Network),
        WebSearchRow = int(RiskRules::PostureRow::WebSearch),
        ProjectTrustRow = int(RiskRules::PostureRow::ProjectTrust),
        McpServersRow = int(RiskRules::PostureRow::McpServers),
        SandboxEnforcedRow = int(RiskRules::PostureRow::SandboxEnforced),
        RowCount
    };
    enum Column : int { CliColumn, IdeColumn, CloudColumn, ColumnCount };

    struct Cell
    {
        QString value;
        RiskLevel risk = RiskLevel::Ok;
        QString provenance; // "config.toml:4 (user)", or how a default decided
        QString file; // the file that set the value; empty for a default
        int line = 0;
        QString layer; // the layer's label: "user", "profile ci", "project /src/app", ...
        QStringList overridden; // the values the winner replaced, lowest layer first, "value at file:line (layer)"
        QStringList ignored; // the values Codex ignored, and why
        QStringList findingIds; // the findings that concern this cell, accepted ones too
        QStringList findingTitles;
        QString note; // a word on the value when it needs one ("declared", "not applicable", ...)
    };

    // Every cell for this inspection: the CLI's and the IDE extension's values with the place that set each (the
    // extension never takes a value from the profile layer: it is started without one), the cloud's declared or
    // documented ones, and the findings that concern each cell, the worst that counts making its risk.
    static PostureTable of(const Inspection &inspection);

    const Cell &cell(Row row, Column column) const { return m_cells[row][column]; }
    static QString rowName(Row row); // "approval", "sandbox mode", ...
    // The rows a finding is about: its rule's record names them, or for the rules about any key (a value Codex
    // ignores, a requirement, baseline drift) the key or dimension the finding names does. Many findings concern no
    // row (a secret in a file, a file's mode): they are in the findings list only. A rule id the catalogue does not
    // know concerns no row.
    static QList<Row> rowsOf(const Finding &finding);

private:
    friend struct PostureCells;
    Cell m_cells[RowCount][ColumnCount];
};

} // namespace Posture::Core
