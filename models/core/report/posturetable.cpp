// SPDX-License-Identifier: Apache-2.0
// The cells of the posture table, built from an inspection: values, where they came from, and their findings.
#include "core/report/posturetable.h"

#include "core/common/secrets.h"
#include "core/config/tomleditor.h"
#include "core/inspection.h"
#include "core/surfaces/inventory.h"

#include <QFileInfo>

namespace Posture::Core {

namespace {

using Cell = PostureTable::Cell;
using CellTable = Cell[PostureTable::RowCount][PostureTable::ColumnCount];

// A value as a cell shows it, secrets masked: a word or a number as it is, a list as TOML writes it.
QString valueText(const KeyPath &path, const QVariant &value)
{
    const QVariant masked = Secrets::mask(path, value);
    if (masked.typeId() == QMetaType::QVariantList)
        return tomlValueText(masked);
    return Secrets::maskText(masked.toString());
}

// "config.toml:4 (user)": the file's name and line, and the kind of layer.
QString placeText(const Inspection &inspection, const SourceLocation &location, int layer)
{
    const QString kind =
        layer >= 0 && layer < inspection.layers.size() ? inspection.layers.at(layer).kindName() : QString();
    QString place = QFileInfo(location.file).fileName();
    if (location.line > 0)
        place += u':' + QString::number(location.line);
    return kind.isEmpty() ? place : place + QStringLiteral(" (") + kind + u')';
}

bool fromProfile(const Inspection &inspection, int layer)
{
    return layer >= 0 && layer < inspection.layers.size()
        && inspection.layers.at(layer).kind == ConfigLayer::Kind::Profile;
}

// Where a key's value came from, for one surface. The IDE extension is started without the profile: its value is
// the highest origin outside the profile layer (none: Codex's default).
void setOrigin(Cell &cell, const Inspection &inspection, const KeyPath &path, bool withoutProfile, bool takeValue)
{
    const std::optional<Provenance> provenance = inspection.config.provenance(path);
    if (!provenance)
        return;
    QList<ValueOrigin> origins = provenance->overridden; // lowest first
    if (provenance->winner.layer >= 0)
        origins.append(provenance->winner);
    while (withoutProfile && !origins.isEmpty() && fromProfile(inspection, origins.constLast().layer))
        origins.removeLast();
    for (const IgnoredValue &ignored : provenance->ignored)
        cell.ignored.append(QStringLiteral("%1 (%2)").arg(
            placeText(inspection, ignored.location, ignored.layer), Secrets::maskText(ignored.reason)));
    if (origins.isEmpty())
        return;
    const ValueOrigin winner = origins.takeLast();
    cell.provenance = placeText(inspection, winner.location, winner.layer);
    cell.file = winner.location.file;
    cell.line = winner.location.line;
    cell.layer = inspection.layers.at(winner.layer).label();
    if (takeValue)
        cell.value = valueText(path, winner.value);
    for (const ValueOrigin &origin : std::as_const(origins)) {
        if (withoutProfile && fromProfile(inspection, origin.layer))
            continue;
        cell.overridden.append(QStringLiteral("%1 at %2")
                .arg(valueText(path, origin.value), placeText(inspection, origin.location, origin.layer)));
    }
}

// Codex refuses the configuration: what it would do cannot be said until the file is fixed (docs/reference/desktop.md:
// "unknown" is a check that could not run), and the refusal itself is the finding and the banner.
Cell doesNotStart()
{
    return {.value = QStringLiteral("does not start"),
        .risk = RiskLevel::Unknown,
        .provenance = QStringLiteral("Codex refuses this configuration")};
}

Cell notApplicable(const QString &value, const QString &why)
{
    return {.value = value, .risk = RiskLevel::Info, .provenance = why, .note = QStringLiteral("not applicable")};
}

// A cell of the local posture: the value Codex arrives at and the key (or requirement, or default) that decided it.
Cell postureCell(const Inspection &inspection, const PostureValue &value, bool ide)
{
    Cell cell{.value = value.value, .provenance = value.reason};
    if (!value.requiredBy.file.isEmpty()) {
        cell.provenance = QStringLiteral("%1:%2 (requirements)")
                              .arg(QFileInfo(value.requiredBy.file).fileName())
                              .arg(value.requiredBy.line);
        cell.file = value.requiredBy.file;
        cell.line = value.requiredBy.line;
        cell.layer = QStringLiteral("requirements");
        return cell;
    }
    if (!value.decidedBy.isEmpty())
        setOrigin(cell, inspection, value.decidedBy, ide && !inspection.options.profile.isEmpty(), false);
    return cell;
}

// A cell read straight from one key of the configuration (the rules read these keys the same way for both
// surfaces), with Codex's default when no layer sets it.
Cell keyCell(const Inspection &inspection, const KeyPath &path, const QString &defaultValue, bool ide)
{
    Cell cell{.value = defaultValue, .provenance = QStringLiteral("Codex's default")};
    setOrigin(cell, inspection, path, ide && !inspection.options.profile.isEmpty(), true);
    return cell;
}

Cell writableRootsCell(const Inspection &inspection, const LocalPosture &posture, bool ide)
{
    // Without a filesystem sandbox, or read-only, the mode decides and the roots do not matter.
    if (posture.is(FilesystemAccess::Unrestricted)) {
        Cell cell = postureCell(inspection, posture.filesystem, ide);
        cell.value = QStringLiteral("everything (no filesystem sandbox)");
        return cell;
    }
    if (posture.is(SandboxMode::ReadOnly)) {
        Cell cell = postureCell(inspection, posture.sandboxMode, ide);
        cell.value = QStringLiteral("none (read-only)");
        return cell;
    }
    Cell cell = keyCell(
        inspection, {QStringLiteral("sandbox_workspace_write"), QStringLiteral("writable_roots")}, QString(), ide);
    cell.value = posture.writableRoots.isEmpty()
        ? QStringLiteral("the workspace only")
        : QStringLiteral("the workspace and %1").arg(posture.writableRoots.join(QStringLiteral(", ")));
    return cell;
}

Cell trustCell(const Inspection &inspection)
{
    const ProjectTrust &trust = inspection.trust;
    Cell cell{.value = ProjectTrust::levelName(trust.level),
        .provenance = QStringLiteral("no [projects] entry for %1").arg(trust.cwd)};
    if (const std::optional<Provenance> &provenance = trust.decision.provenance) {
        cell.provenance = placeText(inspection, provenance->winner.location, provenance->winner.layer);
        cell.file = provenance->winner.location.file;
        cell.line = provenance->winner.location.line;
        if (provenance->winner.layer >= 0)
            cell.layer = inspection.layers.at(provenance->winner.layer).label();
    }
    if (!trust.decision.entry.isEmpty())
        cell.note = QStringLiteral("[projects.\"%1\"]").arg(trust.decision.entry);
    return cell;
}

Cell mcpCell(const Inspection &inspection)
{
    QStringList names;
    Cell cell{.provenance = QStringLiteral("no MCP server is configured")};
    for (const McpServer &server : Inventory::mcpServers(inspection.config)) {
        if (!server.enabled)
            continue;
        names.append(server.name);
        if (cell.file.isEmpty() && server.provenance) {
            cell.provenance =
                placeText(inspection, server.provenance->winner.location, server.provenance->winner.layer);
            cell.file = server.provenance->winner.location.file;
            cell.line = server.provenance->winner.location.line;
            if (server.provenance->winner.layer >= 0)
                cell.layer = inspection.layers.at(server.provenance->winner.layer).label();
        }
    }
    cell.value = names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
    return cell;
}

Cell enforcementCell(const Enforcement &enforcement)
{
    const QString word = enforcement.state == Enforcement::State::Enforced ? QStringLiteral("enforced")
        : enforcement.state == Enforcement::State::NotEnforced             ? QStringLiteral("not enforced")
                                                                           : QStringLiteral("unknown");
    return {.value = word, .risk = riskOf(enforcement), .provenance = enforcement.reason};
}

Cell cloudNetworkCell(const CloudSurface &cloud)
{
    Cell cell{.value = cloud.network()};
    const bool declared = cloud.source == u"declared";
    cell.note = declared ? QStringLiteral("declared") : QStringLiteral("documented default");
    cell.provenance = declared ? QFileInfo(cloud.file).fileName() : QStringLiteral("Codex's documented defaults");
    cell.file = declared ? cloud.file : QString();
    return cell;
}

// The cells of one local surface, top to bottom.
void fillLocal(CellTable &cells, PostureTable::Column column, const Inspection &inspection)
{
    using enum PostureTable::Row;
    const bool ide = column == PostureTable::IdeColumn;
    const LocalPosture &posture = ide ? inspection.ide : inspection.cli;
    const bool starts = ide ? inspection.ideStarts() : inspection.codexStarts();
    for (int row = 0; row < PostureTable::RowCount; ++row)
        cells[row][column] = doesNotStart();
    cells[SandboxEnforcedRow][column] = enforcementCell(ide ? inspection.ideEnforcement : inspection.cliEnforcement);
    if (!starts)
        return;
    cells[ApprovalRow][column] = postureCell(inspection, posture.approvalPolicy, ide);
    cells[SandboxModeRow][column] = postureCell(inspection, posture.sandboxMode, ide);
    cells[FilesystemRow][column] = postureCell(inspection, posture.filesystem, ide);
    cells[WritableRootsRow][column] = writableRootsCell(inspection, posture, ide);
    cells[NetworkRow][column] = postureCell(inspection, posture.network, ide);
    cells[WebSearchRow][column] = keyCell(inspection, {QStringLiteral("web_search")}, QStringLiteral("cached"), ide);
    cells[ProjectTrustRow][column] = trustCell(inspection);
    cells[McpServersRow][column] = mcpCell(inspection);
}

void fillCloud(CellTable &cells, const Inspection &inspection)
{
    using enum PostureTable::Row;
    const QString local = QStringLiteral("a setting of the local Codex only");
    const QString container = QStringLiteral("cloud tasks run in OpenAI's container");
    constexpr auto Cloud = PostureTable::CloudColumn;
    cells[ApprovalRow][Cloud] = notApplicable(QStringLiteral("—"), local);
    cells[SandboxModeRow][Cloud] = notApplicable(QStringLiteral("container"), container);
    cells[FilesystemRow][Cloud] = notApplicable(QStringLiteral("container only"), container);
    cells[WritableRootsRow][Cloud] = notApplicable(QStringLiteral("—"), container);
    cells[NetworkRow][Cloud] = cloudNetworkCell(inspection.cloud);
    cells[WebSearchRow][Cloud] = notApplicable(QStringLiteral("—"), local);
    cells[ProjectTrustRow][Cloud] = notApplicable(QStringLiteral("—"), local);
    cells[McpServersRow][Cloud] = notApplicable(QStringLiteral("—"), local);
    cells[SandboxEnforcedRow][Cloud] = {.value = QStringLiteral("not observable"),
        .risk = RiskLevel::Unknown,
        .provenance = QStringLiteral("%1; nothing here can observe it").arg(container)};
}

// Each finding marks the cells it concerns; those that count (not accepted) make the cell as risky as they are.
void attachFindings(CellTable &cells, const Findings &findings)
{
    constexpr Surface surfaces[] = {Surface::Cli, Surface::Ide, Surface::Cloud};
    for (const Finding &finding : findings) {
        for (const PostureTable::Row row : PostureTable::rowsOf(finding)) {
            for (int column = 0; column < PostureTable::ColumnCount; ++column) {
                if (!(finding.surfaces & surfaces[column]))
                    continue;
                Cell &cell = cells[row][column];
                cell.findingIds.append(finding.id);
                cell.findingTitles.append(finding.title);
                if (!finding.isAccepted())
                    if (riskRank(riskOf(finding.severity)) > riskRank(cell.risk))
                        cell.risk = riskOf(finding.severity);
            }
        }
    }
}

} // namespace

// PostureTable's own cells, filled by the functions above.
struct PostureCells
{
    static CellTable &of(PostureTable &table) { return table.m_cells; }
};

PostureTable PostureTable::of(const Inspection &inspection)
{
    PostureTable table;
    CellTable &cells = PostureCells::of(table);
    fillLocal(cells, PostureTable::CliColumn, inspection);
    fillLocal(cells, PostureTable::IdeColumn, inspection);
    fillCloud(cells, inspection);
    attachFindings(cells, inspection.findings);
    return table;
}

QString PostureTable::rowName(Row row)
{
    switch (row) {
    case ApprovalRow:
        return QStringLiteral("approval");
    case SandboxModeRow:
        return QStringLiteral("sandbox mode");
    case FilesystemRow:
        return QStringLiteral("filesystem");
    case WritableRootsRow:
        return QStringLiteral("writable roots");
    case NetworkRow:
        return QStringLiteral("network");
    case WebSearchRow:
        return QStringLiteral("web search");
    case ProjectTrustRow:
        return QStringLiteral("project trust");
    case McpServersRow:
        return QStringLiteral("MCP servers");
    case SandboxEnforcedRow:
        return QStringLiteral("sandbox enforced");
    case RowCount:
        break;
    }
    return {};
}

} // namespace Posture::Core
