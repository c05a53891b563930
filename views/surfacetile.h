// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/risklevel.h"

#include <QAbstractButton>

namespace Posture::Views {

// One surface's verdict at a glance: its name, the verdict word, the risk icon and the palette's tint, and the
// findings counted by severity. A checkable button: activating it (click, Space) narrows the findings to the surface.
// Painted here because no Qt button shows a tinted card with three lines of text and an icon.
class SurfaceTile final : public QAbstractButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SurfaceTile)

public:
    explicit SurfaceTile(const QString &surface, QWidget *parent = nullptr);
    ~SurfaceTile() override;

    // verdict: "critical", "ok", ...; counts: "1 critical · 2 high"; note: what the verdict rests on.
    void setVerdict(Core::RiskLevel risk, const QString &verdict, const QString &counts, const QString &note);
    Core::RiskLevel risk() const { return m_risk; }
    QString verdict() const { return m_verdict; }
    QString counts() const { return m_counts; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_surface;
    Core::RiskLevel m_risk = Core::RiskLevel::Unknown;
    QString m_verdict;
    QString m_counts;
};

} // namespace Posture::Views
