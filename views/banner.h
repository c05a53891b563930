// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/risklevel.h"

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace Posture::Views {

// An inline message for a state that stops everything (Codex refuses the configuration; the sandbox is configured
// but not enforced), in the manner of KMessageWidget: the risk's icon, word and tint, the message, and actions. A
// Qt-only equivalent: KF6 WidgetsAddons is not in the build root.
class Banner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Banner)

public:
    explicit Banner(QWidget *parent = nullptr);
    ~Banner() override;

    // Shows the message with these actions (each a button; nothing is run by the banner itself). The banner takes
    // the actions over.
    void showMessage(Core::RiskLevel risk, const QString &text, const QList<QAction *> &actions);
    // Good news (a fix applied, undone): the positive tint and the ok icon.
    void showPositive(const QString &text, const QList<QAction *> &actions);
    QString text() const;
    Core::RiskLevel risk() const { return m_risk; }
    QList<QPushButton *> buttons() const { return m_buttons; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    Core::RiskLevel m_risk = Core::RiskLevel::Info;
    bool m_positive = false;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_actions;
    QList<QPushButton *> m_buttons;
    QList<QAction *> m_shown;
};

} // namespace Posture::Views
