// SPDX-License-Identifier: Apache-2.0
#include "banner.h"

#include "riskpalette.h"
#include "severitydelegate.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace Posture::Views {

Banner::Banner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_actions(new QHBoxLayout)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // paths and parser messages are never markup
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QSizePolicy wrapping(QSizePolicy::Preferred, QSizePolicy::Minimum);
    wrapping.setHeightForWidth(true);
    m_text->setSizePolicy(wrapping);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_actions);
    setAccessibleName(tr("What stops everything"));
    hide();
}

Banner::~Banner() = default;

void Banner::showPositive(const QString &text, const QList<QAction *> &actions)
{
    showMessage(Core::RiskLevel::Ok, text, actions);
    m_positive = true;
    applyColours();
}

void Banner::showMessage(Core::RiskLevel risk, const QString &text, const QList<QAction *> &actions)
{
    m_risk = risk;
    m_positive = false;
    m_text->setText(text); // the message says what stops (the icon and the tint say how bad)
    setAccessibleDescription(m_text->text());
    const int size = style()->pixelMetric(QStyle::PM_LargeIconSize);
    m_icon->setPixmap(riskIcon(risk, style()).pixmap(size, size));
    qDeleteAll(m_buttons);
    m_buttons.clear();
    // The banner keeps the actions it shows, and drops the ones it showed before.
    for (QAction *old : std::as_const(m_shown)) {
        if (!actions.contains(old))
            old->deleteLater();
    }
    m_shown = actions;
    for (QAction *action : actions) {
        action->setParent(this);
        auto *button = new QPushButton(action->text(), this);
        button->setToolTip(action->toolTip());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        m_actions->addWidget(button, 0, Qt::AlignTop);
        m_buttons.append(button);
    }
    applyColours();
    show();
}

QString Banner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

void Banner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

void Banner::applyColours()
{
    // Only the frame's own background and text: the buttons keep the palette they inherit.
    const QPalette &inherited = parentWidget() ? parentWidget()->palette() : palette();
    const RiskColours colours = m_positive ? positiveColours(inherited) : riskColours(m_risk, inherited);
    if (!colours.background.isValid())
        return;
    QPalette tinted = m_text->palette();
    tinted.setColor(QPalette::WindowText, colours.foreground);
    m_text->setPalette(tinted);
    QPalette own = palette();
    own.setColor(QPalette::Window, colours.background);
    setPalette(own);
}

} // namespace Posture::Views
