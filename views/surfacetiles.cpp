// SPDX-License-Identifier: Apache-2.0
#include "surfacetiles.h"

#include "surfacetile.h"

#include <QDir>
#include <QHBoxLayout>

namespace Posture::Views {

namespace {

constexpr Core::Surface TileSurfaces[] = {Core::Surface::Cli, Core::Surface::Ide, Core::Surface::Cloud};

// "1 critical · 2 high · 1 medium", and the accepted ones: the counts behind a verdict.
QString countsText(const Core::SurfaceVerdict &verdict)
{
    QStringList parts;
    for (int severity = int(Core::Severity::Critical); severity >= int(Core::Severity::Low); --severity) {
        if (verdict.counts[severity] > 0)
            parts.append(SurfaceTiles::tr("%1 %2")
                    .arg(verdict.counts[severity])
                    .arg(Core::severityName(Core::Severity(severity))));
    }
    if (parts.isEmpty())
        parts.append(SurfaceTiles::tr("nothing above info"));
    if (verdict.accepted > 0)
        parts.append(SurfaceTiles::tr("%1 accepted").arg(verdict.accepted));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

SurfaceTiles::SurfaceTiles(QWidget *parent)
    : QWidget(parent)
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins({});
    for (const Core::Surface surface : TileSurfaces) {
        auto *tile = new SurfaceTile(Core::surfaceLabel(surface), this);
        const int index = int(m_tiles.size());
        connect(tile, &SurfaceTile::toggled, this, [this, index](bool checked) { choose(index, checked); });
        row->addWidget(tile);
        m_tiles.append(tile);
    }
}

SurfaceTiles::~SurfaceTiles() = default;

void SurfaceTiles::clearChoice()
{
    for (SurfaceTile *tile : std::as_const(m_tiles))
        tile->setChecked(false);
}

void SurfaceTiles::choose(int tile, bool checked)
{
    // One surface at a time, or none: checking a tile unchecks the others.
    if (checked) {
        for (int other = 0; other < m_tiles.size(); ++other) {
            if (other != tile)
                m_tiles.at(other)->setChecked(false);
        }
    }
    const bool any = std::any_of(m_tiles.cbegin(), m_tiles.cend(), [](const SurfaceTile *t) { return t->isChecked(); });
    if (checked)
        Q_EMIT surfaceChosen(TileSurfaces[tile]);
    else if (!any)
        Q_EMIT surfaceChosen(std::nullopt);
}

void SurfaceTiles::setInspection(const Core::Inspection &current)
{
    for (int index = 0; index < m_tiles.size(); ++index) {
        const Core::Surface surface = TileSurfaces[index];
        const Core::SurfaceVerdict verdict = current.verdict(surface);
        QString word = verdict.word();
        QString note;
        switch (surface) {
        case Core::Surface::Cli:
            if (!current.codexStarts())
                word = tr("%1 · does not start").arg(word);
            note = tr("Codex CLI started in the project folder%1.")
                       .arg(current.options.profile.isEmpty() ? QString()
                                                              : tr(" with profile %1").arg(current.options.profile));
            break;
        case Core::Surface::Ide:
            if (!current.ideStarts())
                word = tr("%1 · does not start").arg(word);
            note = tr("The IDE extension: the same files, without a profile.");
            break;
        case Core::Surface::Cloud:
            note = current.options.cloudFile.isEmpty()
                ? tr("Codex cloud with its documented defaults: no environments declared (File ▸ Inspect…).")
                : tr("Codex cloud as declared in %1.").arg(QDir::toNativeSeparators(current.options.cloudFile));
            break;
        }
        m_tiles.at(index)->setVerdict(Core::riskOf(verdict), word, countsText(verdict), note);
    }
}

} // namespace Posture::Views
