// SPDX-License-Identifier: Apache-2.0
// The cells of the posture table, built from an inspection: values, where they came from, and their findings.
#include "posturecells.h"

#include "core/common/secrets.h"
#include "core/surfaces/inventory.h"
#include "findingrows.h"

#include <QFileInfo>

namespace Posture::Models {

namespace {

using Cell = PostureModel::Cell;
using Core::RiskLevel;

// A value as TOML would show it, secrets masked.
QString valueText(const Core::KeyPath &path, const QVariant &value)
{
    const QVariant masked = Core::Secrets::mask(path, value);
    if (masked.typeId() == QMetaType::QVariantList) {
        QStringList items;
        for (const QVariant &item : masked.toList())
            items.append(item.toString());
        return u'[' + items.join(QStringLiteral(", ")) + u']';
    }
    return Core::Secrets::maskText(masked.toString());
}

// "config.toml:4 (user)": the file's name and line, and the kind of layer.
QString placeText(const Core::Inspection &inspection, const Core::SourceLocation &location, int layer)
{
    const QString kind =
        layer >= 0 && layer < inspection.layers.size() ? inspection.layers.at(layer).kindName() : QString();
    QString place = QFileInfo(location.file).fileName();
    if (location.line > 0)
        place += u':' + QString::number(location.line);
    return kind.isEmpty() ? place : place + QStringLiteral(" (") + kind + u')';
}

bool fromProfile(const Core::Inspection &inspection, int layer)
{
    return layer >= 0 && layer < inspection.layers.size()
        && inspection.layers.at(layer).kind == Core::ConfigLayer::Kind::Profile;
}

// Where a key's value came from, for one surface. The IDE extension is started without the profile: its value is
// the highest origin outside the profile layer (none: Codex's default).
void setOrigin(
    Cell &cell, const Core::Inspection &inspection, const Core::KeyPath &path, bool withoutProfile, bool takeValue)
{
    const std::optional<Core::Provenance> provenance = inspection.config.provenance(path);
    if (!provenance)
        return;
    QList<Core::ValueOrigin> origins = provenance->overridden; // lowest first
    if (provenance->winner.layer >= 0)
        origins.append(provenance->winner);
    while (withoutProfile && !origins.isEmpty() && fromProfile(inspection, origins.constLast().layer))
        origins.removeLast();
    for (const Core::IgnoredValue &ignored : provenance->ignored)
        cell.ignored.append(QStringLiteral("%1 (%2)").arg(
            placeText(inspection, ignored.location, ignored.layer), Core::Secrets::maskText(ignored.reason)));
    if (origins.isEmpty())
        return;
    const Core::ValueOrigin winner = origins.takeLast();
    cell.provenance = placeText(inspection, winner.location, winner.layer);
    cell.file = winner.location.file;
    cell.line = winner.location.line;
    cell.layer = inspection.layers.at(winner.layer).label();
    if (takeValue)
        cell.value = valueText(path, winner.value);
    for (const Core::ValueOrigin &origin : std::as_const(origins)) {
        if (withoutProfile && fromProfile(inspection, origin.layer))
            continue;
        cell.overridden.append(QStringLiteral("%1 at %2")
                .arg(valueText(path, origin.value), placeText(inspection, origin.location, origin.layer)));
    }
}

// Codex refuses the configuration: what it would do cannot be said until the file is fixed (desktop.md: "unknown" is
// a check that could not run), and the refusal itself is the finding and the banner.
Cell doesNotStart()
{
    return {.value = PostureModel::tr("does not start"),
        .risk = RiskLevel::Unknown,
        .provenance = PostureModel::tr("Codex refuses this configuration")};
}

Cell notApplicable(const QString &value, const QString &why)
{
    return {.value = value, .risk = RiskLevel::Info, .provenance = why, .note = PostureModel::tr("not applicable")};
}

// A cell of the local posture: the value Codex arrives at and the key (or requirement, or default) that decided it.
Cell postureCell(const Core::Inspection &inspection, const Core::PostureValue &value, bool ide)
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
Cell keyCell(const Core::Inspection &inspection, const Core::KeyPath &path, const QString &defaultValue, bool ide)
{
    Cell cell{.value = defaultValue, .provenance = PostureModel::tr("Codex's default")};
    setOrigin(cell, inspection, path, ide && !inspection.options.profile.isEmpty(), true);
    return cell;
}

Cell writableRootsCell(const Core::Inspection &inspection, const Core::LocalPosture &posture, bool ide)
{
    // Without a filesystem sandbox, or read-only, the mode decides and the roots do not matter.
    if (posture.filesystem.value == u"unrestricted") {
        Cell cell = postureCell(inspection, posture.filesystem, ide);
        cell.value = PostureModel::tr("everything (no filesystem sandbox)");
        return cell;
    }
    if (posture.sandboxMode.value == u"read-only") {
        Cell cell = postureCell(inspection, posture.sandboxMode, ide);
        cell.value = PostureModel::tr("none (read-only)");
        return cell;
    }
    Cell cell = keyCell(
        inspection, {QStringLiteral("sandbox_workspace_write"), QStringLiteral("writable_roots")}, QString(), ide);
    cell.value = posture.writableRoots.isEmpty()
        ? PostureModel::tr("the workspace only")
        : PostureModel::tr("the workspace and %1").arg(posture.writableRoots.join(QStringLiteral(", ")));
    return cell;
}

Cell trustCell(const Core::Inspection &inspection)
{
    const Core::ProjectTrust &trust = inspection.trust;
    Cell cell{.value = Core::ProjectTrust::levelName(trust.level),
        .provenance = PostureModel::tr("no [projects] entry for %1").arg(trust.cwd)};
    if (const std::optional<Core::Provenance> &provenance = trust.decision.provenance) {
        cell.provenance = placeText(inspection, provenance->winner.location, provenance->winner.layer);
        cell.file = provenance->winner.location.file;
        cell.line = provenance->winner.location.line;
        if (provenance->winner.layer >= 0)
            cell.layer = inspection.layers.at(provenance->winner.layer).label();
    }
    if (!trust.decision.entry.isEmpty())
        cell.note = PostureModel::tr("[projects.\"%1\"]").arg(trust.decision.entry);
    return cell;
}

Cell mcpCell(const Core::Inspection &inspection)
{
    QStringList names;
    Cell cell{.provenance = PostureModel::tr("no MCP server is configured")};
    for (const Core::McpServer &server : Core::Inventory::mcpServers(inspection.config)) {
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
    cell.value = names.isEmpty() ? PostureModel::tr("none") : names.join(QStringLiteral(", "));
    return cell;
}

Cell enforcementCell(const Core::Enforcement &enforcement)
{
    const QString word = enforcement.state == Core::Enforcement::State::Enforced ? PostureModel::tr("enforced")
        : enforcement.state == Core::Enforcement::State::NotEnforced             ? PostureModel::tr("not enforced")
                                                                                 : PostureModel::tr("unknown");
    return {.value = word, .risk = Core::riskOf(enforcement), .provenance = enforcement.reason};
}

Cell cloudNetworkCell(const Core::CloudSurface &cloud)
{
    Cell cell{.value = cloud.network()};
    const bool declared = cloud.source == u"declared";
    cell.note = declared ? PostureModel::tr("declared") : PostureModel::tr("documented default");
    cell.provenance = declared ? QFileInfo(cloud.file).fileName() : PostureModel::tr("Codex's documented defaults");
    cell.file = declared ? cloud.file : QString();
    return cell;
}

// The cells of one local surface, top to bottom.
void fillLocal(PostureCellTable &cells, PostureModel::Column column, const Core::Inspection &inspection)
{
    using enum PostureModel::Row;
    const bool ide = column == PostureModel::IdeColumn;
    const Core::LocalPosture &posture = ide ? inspection.ide : inspection.cli;
    const bool starts = ide ? inspection.ideStarts() : inspection.codexStarts();
    for (int row = 0; row < PostureModel::RowCount; ++row)
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

void fillCloud(PostureCellTable &cells, const Core::Inspection &inspection)
{
    using enum PostureModel::Row;
    const QString local = PostureModel::tr("a setting of the local Codex only");
    const QString container = PostureModel::tr("cloud tasks run in OpenAI's container");
    constexpr auto Cloud = PostureModel::CloudColumn;
    cells[ApprovalRow][Cloud] = notApplicable(QStringLiteral("—"), local);
    cells[SandboxModeRow][Cloud] = notApplicable(PostureModel::tr("container"), container);
    cells[FilesystemRow][Cloud] = notApplicable(PostureModel::tr("container only"), container);
    cells[WritableRootsRow][Cloud] = notApplicable(QStringLiteral("—"), container);
    cells[NetworkRow][Cloud] = cloudNetworkCell(inspection.cloud);
    cells[WebSearchRow][Cloud] = notApplicable(QStringLiteral("—"), local);
    cells[ProjectTrustRow][Cloud] = notApplicable(QStringLiteral("—"), local);
    cells[McpServersRow][Cloud] = notApplicable(QStringLiteral("—"), local);
    cells[SandboxEnforcedRow][Cloud] = {.value = PostureModel::tr("not observable"),
        .risk = RiskLevel::Unknown,
        .provenance = PostureModel::tr("%1; nothing here can observe it").arg(container)};
}

// Each finding marks the cells it concerns; those that count (not accepted) make the cell as risky as they are.
void attachFindings(PostureCellTable &cells, const Core::Findings &findings)
{
    constexpr Core::Surface surfaces[] = {Core::Surface::Cli, Core::Surface::Ide, Core::Surface::Cloud};
    for (const Core::Finding &finding : findings) {
        for (const PostureModel::Row row : postureRowsOf(finding)) {
            for (int column = 0; column < PostureModel::ColumnCount; ++column) {
                if (!(finding.surfaces & surfaces[column]))
                    continue;
                Cell &cell = cells[row][column];
                cell.findingIds.append(finding.id);
                cell.findingTitles.append(finding.title);
                if (!finding.isAccepted())
                    cell.risk = worseRisk(cell.risk, Core::riskOf(finding.severity));
            }
        }
    }
}

} // namespace

void fillPostureCells(PostureCellTable &cells, const Core::Inspection &inspection)
{
    for (auto &row : cells) {
        for (Cell &cell : row)
            cell = Cell();
    }
    fillLocal(cells, PostureModel::CliColumn, inspection);
    fillLocal(cells, PostureModel::IdeColumn, inspection);
    fillCloud(cells, inspection);
    attachFindings(cells, inspection.findings);
}

} // namespace Posture::Models
