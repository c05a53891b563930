// SPDX-License-Identifier: Apache-2.0
#include "core/fixes/fixsafety.h"

#include "core/surfaces/inspectionfacts.h"
#include "core/surfaces/inventory.h"

#include <QSet>

namespace Posture::Core::FixSafety {

namespace {

// A dimension more open after than before (posturevalues.h orders each), in words.
template <typename Value>
void compare(QStringList &widened, const QString &what, const QString &before, const QString &after)
{
    if (widerThan<Value>(after, before))
        widened.append(QStringLiteral("%1: %2 → %3").arg(what, before, after));
}

// What is in `after` and not in `before`: trusted folders, writable roots, MCP servers.
void compareSets(QStringList &widened, const QString &what, const QStringList &before, const QStringList &after)
{
    QStringList added;
    const QSet<QString> known(before.cbegin(), before.cend()); // 2,000 MCP servers: no list search per item
    for (const QString &item : after) {
        if (!known.contains(item))
            added.append(item);
    }
    if (!added.isEmpty())
        widened.append(QStringLiteral("%1 added: %2").arg(what, added.join(QStringLiteral(", "))));
}

QStringList trustedFolders(const InspectionFacts &inspection)
{
    QStringList folders;
    for (const TrustEntry &entry : Inventory::trustEntries(inspection.config)) {
        if (entry.level == u"trusted")
            folders.append(entry.path);
    }
    return folders;
}

void compareSurface(QStringList &widened, const QString &surface, const LocalPosture &before, const LocalPosture &after)
{
    compare<ApprovalPolicy>(
        widened, surface + QStringLiteral(" approval"), before.approvalPolicy.value, after.approvalPolicy.value);
    compare<SandboxMode>(
        widened, surface + QStringLiteral(" sandbox"), before.sandboxMode.value, after.sandboxMode.value);
    compare<FilesystemAccess>(
        widened, surface + QStringLiteral(" filesystem"), before.filesystem.value, after.filesystem.value);
    compare<NetworkAccess>(widened, surface + QStringLiteral(" network"), before.network.value, after.network.value);
    compareSets(widened, surface + QStringLiteral(" writable roots"), before.writableRoots, after.writableRoots);
}

} // namespace

QStringList widenings(const InspectionFacts &before, const InspectionFacts &after)
{
    QStringList widened;
    if (before.codexStarts() && after.codexStarts())
        compareSurface(widened, QStringLiteral("CLI"), before.cli, after.cli);
    if (before.ideStarts() && after.ideStarts())
        compareSurface(widened, QStringLiteral("IDE"), before.ide, after.ide);
    if ((before.codexStarts() || before.ideStarts()) && (after.codexStarts() || after.ideStarts())) {
        const auto webSearch = [](const InspectionFacts &inspection) {
            const QString mode = inspection.config.value({QStringLiteral("web_search")}).toString();
            return mode.isEmpty() ? postureName(WebSearch::Cached) : mode; // Codex's default
        };
        compare<WebSearch>(widened, QStringLiteral("web search"), webSearch(before), webSearch(after));
        compareSets(widened, QStringLiteral("trusted projects"), trustedFolders(before), trustedFolders(after));
        compareSets(widened, QStringLiteral("MCP servers"), Inventory::enabledMcpServerNames(before.config),
            Inventory::enabledMcpServerNames(after.config));
    }
    widened.removeDuplicates();
    return widened;
}

QStringList widenedBy(const InspectionFacts &before, const QString &file, const QByteArray &bytes)
{
    InspectOptions options = before.options;
    options.codexHome = before.locations.codexHome;
    options.home = before.locations.home;
    options.cwd = before.trust.cwd;
    options.replacedFiles.insert(file, bytes);
    return widenings(before, InspectionFacts::configurationOnly(options));
}

} // namespace Posture::Core::FixSafety
