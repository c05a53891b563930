// SPDX-License-Identifier: Apache-2.0
#include "surfacetile.h"

#include "riskpalette.h"
#include "severitydelegate.h"

#include <QPainter>
#include <QStyle>
#include <QStyleOptionFocusRect>

namespace Posture::Views {

namespace {

constexpr int Margin = 8;
constexpr int IconSize = 24;

} // namespace

SurfaceTile::SurfaceTile(const QString &surface, QWidget *parent)
    : QAbstractButton(parent)
    , m_surface(surface)
{
    setCheckable(true);
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setVerdict(Core::RiskLevel::Unknown, tr("not inspected yet"), QString(), QString());
}

SurfaceTile::~SurfaceTile() = default;

void SurfaceTile::setVerdict(Core::RiskLevel risk, const QString &verdict, const QString &counts, const QString &note)
{
    m_risk = risk;
    m_verdict = verdict;
    m_counts = counts;
    setText(tr("%1: %2").arg(m_surface, verdict));
    setAccessibleName(counts.isEmpty() ? text() : tr("%1; %2").arg(text(), counts));
    setAccessibleDescription(tr("Shows only the findings about %1 when checked. %2").arg(m_surface, note));
    setToolTip(note.isEmpty() ? accessibleDescription() : note);
    updateGeometry();
    update();
}

QSize SurfaceTile::sizeHint() const
{
    const QFontMetrics metrics(font());
    const int lines = 3 * metrics.lineSpacing();
    const int width = qMax(metrics.horizontalAdvance(m_counts), metrics.horizontalAdvance(m_surface + m_verdict) + 40);
    return {Margin * 3 + IconSize + width, Margin * 2 + lines};
}

QSize SurfaceTile::minimumSizeHint() const
{
    return {160, sizeHint().height()};
}

void SurfaceTile::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const RiskColours colours = riskColours(m_risk, palette());
    const QColor background = colours.background.isValid() ? colours.background : palette().color(QPalette::Base);
    const QColor text = colours.background.isValid() ? colours.foreground : palette().color(QPalette::Text);
    const QRectF card = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    // Checked: the palette's highlight as a thick border, so that the filter it sets is visible without colour too
    // (the accessible name and the list's count say it as well).
    painter.setPen(QPen(
        isChecked() ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid), isChecked() ? 3.0 : 1.0));
    painter.setBrush(background);
    painter.drawRoundedRect(card, 6, 6);

    const QRect inner = rect().adjusted(Margin, Margin, -Margin, -Margin);
    const QIcon icon = riskIcon(m_risk, style());
    icon.paint(&painter, QRect(inner.left(), inner.top(), IconSize, IconSize));
    const QRect textArea = inner.adjusted(IconSize + Margin, 0, 0, 0);
    const QFontMetrics metrics(font());
    painter.setPen(text);
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    const int line = metrics.lineSpacing();
    painter.drawText(QRect(textArea.left(), textArea.top(), textArea.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(m_surface, Qt::ElideRight, textArea.width()));
    painter.drawText(QRect(textArea.left(), textArea.top() + line, textArea.width(), line),
        Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(bold).elidedText(m_verdict, Qt::ElideRight, textArea.width()));
    painter.setFont(font());
    painter.drawText(QRect(textArea.left(), textArea.top() + 2 * line, textArea.width(), line),
        Qt::AlignLeft | Qt::AlignVCenter, metrics.elidedText(m_counts, Qt::ElideRight, textArea.width()));
    if (hasFocus()) {
        QStyleOptionFocusRect focus;
        focus.initFrom(this);
        focus.rect = rect().adjusted(4, 4, -4, -4);
        style()->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, &painter, this);
    }
}

} // namespace Posture::Views
