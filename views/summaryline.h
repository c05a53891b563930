// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QWidget>

class QLabel;

namespace Posture::Views {

// The line under the tiles: the state of the user's config.toml (missing, unreadable, a parse error with its place,
// parsed) and the CLI's posture in a sentence, with the matching icon. Hidden when Codex refuses the configuration:
// the banner says that already.
class SummaryLine final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryLine)

public:
    explicit SummaryLine(QWidget *parent = nullptr);
    ~SummaryLine() override;

    // A copied machine (sample) is said so.
    void setInspection(const Core::Inspection &inspection, bool sample);
    // Before the first inspection, or while another scope is read.
    void setReading();
    QString text() const;
    // What the window shows instead of the files when there is no config.toml, or it cannot be read; empty otherwise.
    static QString emptyStateHtml(const Core::Inspection &inspection);

    // As tall as the text wrapped at the line's width needs.
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void show(Core::DiagnosticSeverity severity, const QString &text);

    QLabel *m_icon;
    QLabel *m_text;
};

} // namespace Posture::Views
