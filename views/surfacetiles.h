// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QWidget>

#include <optional>

namespace Posture::Views {

class SurfaceTile;

// The row of tiles, one per surface (CLI, IDE extension, cloud), each with its verdict and the counts behind it. One
// tile at a time can be chosen (click, Space) to narrow the findings to its surface; choosing it again shows all.
class SurfaceTiles final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SurfaceTiles)

public:
    explicit SurfaceTiles(QWidget *parent = nullptr);
    ~SurfaceTiles() override;

    void setInspection(const Core::Inspection &inspection);
    // No tile chosen (a new scope).
    void clearChoice();
    QList<SurfaceTile *> tiles() const { return m_tiles; }

Q_SIGNALS:
    // The surface to narrow the findings to, or none.
    void surfaceChosen(std::optional<Core::Surface> surface);

private:
    void choose(int tile, bool checked);

    QList<SurfaceTile *> m_tiles;
};

} // namespace Posture::Views
