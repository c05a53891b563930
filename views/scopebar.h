// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QWidget>

namespace Posture::Views {

class ScopeField;

// What is inspected, always in sight: the Codex home (and how it was chosen), the project folder Codex would start
// in and its trust, the profile, the system root, and whether this is this machine or a copied sample (read-only);
// with the window's Open and Rescan actions beside it.
class ScopeBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScopeBar)

public:
    explicit ScopeBar(const QList<QAction *> &actions, QWidget *parent = nullptr);
    ~ScopeBar() override;

    void setInspection(const Core::Inspection &inspection, bool sample);
    // Every label's text, one per line (tests, the accessible description).
    QString text() const;

private:
    ScopeField *m_home;
    ScopeField *m_project;
    ScopeField *m_profile;
    ScopeField *m_rules;
    ScopeField *m_mode;
};

} // namespace Posture::Views
