// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QTabWidget>

namespace Posture::Views {

class ConfigView;

// Every configuration file Codex reads on this machine, one tab each in the order Codex applies them (lowest
// precedence first, as everywhere in the window): highlighted, secrets masked, line numbers, the parse error marked.
// A file that exists but cannot be read gets a tab that says why. A finding's or a cell's evidence opens its file's
// tab at the line with the span highlighted.
class ConfigTabs final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigTabs)

public:
    explicit ConfigTabs(QWidget *parent = nullptr);
    ~ConfigTabs() override;

    // Shows the inspection's layer files; a rescan keeps each file's view (and where it was scrolled).
    void setInspection(const Core::Inspection &inspection);
    // Opens the file's tab at the line with the span from the column highlighted; false when no tab shows it.
    bool showEvidence(const QString &file, int line, int column);
    // The view of this file, or null.
    ConfigView *viewOf(const QString &file) const;
    // At least one file is shown (false: there is no configuration at all).
    bool hasFiles() const { return count() > 0; }
    // The tab's file, or empty.
    QString fileAt(int index) const;
};

} // namespace Posture::Views
