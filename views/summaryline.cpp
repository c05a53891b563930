// SPDX-License-Identifier: Apache-2.0
#include "summaryline.h"

#include "severitydelegate.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace Posture::Views {

namespace {

// The CLI's posture in a sentence, and what it rests on.
QString postureSummary(const Core::Inspection &current, bool sample)
{
    if (!current.codexStarts())
        return SummaryLine::tr("Codex refuses to start with this configuration: see the problems.");
    const Core::LocalPosture &cli = current.cli;
    QString summary =
        SummaryLine::tr("Codex CLI: sandbox %1, filesystem %2, network %3, approval %4.")
            .arg(cli.sandboxMode.value, cli.filesystem.value, cli.network.value, cli.approvalPolicy.value);
    if (current.loadStatus == Core::LoadStatus::Warning)
        summary += u' ' + SummaryLine::tr("Codex starts with warnings: see the problems.");
    if (sample)
        summary += u' '
            + SummaryLine::tr(
                "A copied machine: nothing is run there or written to it; its sandbox is judged from its files.");
    return summary;
}

} // namespace

SummaryLine::SummaryLine(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
{
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText); // paths and parser messages are never markup
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setAccessibleName(tr("Summary"));
    // As tall as the wrapped text needs at the window's width (a long sentence wraps onto a second line).
    QSizePolicy wrapping(QSizePolicy::Preferred, QSizePolicy::Minimum);
    wrapping.setHeightForWidth(true);
    m_text->setSizePolicy(wrapping);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins({});
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    setReading();
}

SummaryLine::~SummaryLine() = default;

QString SummaryLine::text() const
{
    return m_text->text();
}

QSize SummaryLine::minimumSizeHint() const
{
    // QMainWindow's central layout gives a wrapped label one line unless its widget asks for more: ask for the
    // height the text needs at the width it has.
    const QSize least = QWidget::minimumSizeHint();
    return {least.width(), qMax(least.height(), layout()->totalHeightForWidth(width()))};
}

void SummaryLine::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateGeometry(); // the height it needs follows the width
}

void SummaryLine::setReading()
{
    m_text->setText(tr("Reading the Codex configuration…"));
}

void SummaryLine::show(Core::DiagnosticSeverity severity, const QString &text)
{
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(severityIcon(severity, style()).pixmap(iconSize, iconSize));
    m_text->setText(text);
    updateGeometry();
}

QString SummaryLine::emptyStateHtml(const Core::Inspection &current)
{
    const Core::ConfigDocument &config = current.userConfig();
    switch (config.status()) {
    case Core::ConfigDocument::Status::Missing:
        return tr("<h2>No Codex configuration yet</h2><p>There is no <code>config.toml</code> in <code>%1</code>.</p>"
                  "<p>Codex runs on its built-in defaults: the table shows what they allow. When the file appears, it "
                  "is shown here.</p>")
            .arg(current.locations.codexHome.toHtmlEscaped());
    case Core::ConfigDocument::Status::Unreadable: {
        const std::optional<Core::Diagnostic> problem = config.problem();
        return tr("<h2>config.toml cannot be read</h2><p><code>%1</code> %2.</p><p>%3</p>")
            .arg(config.path().toHtmlEscaped(), problem->text.toHtmlEscaped(), problem->hint.toHtmlEscaped());
    }
    case Core::ConfigDocument::Status::ParseError:
    case Core::ConfigDocument::Status::Parsed:
        break;
    }
    return {};
}

void SummaryLine::setInspection(const Core::Inspection &current, bool sample)
{
    // The banner says it when Codex refuses the configuration; this line would only repeat it.
    setVisible(current.codexStarts());
    const Core::ConfigDocument &config = current.userConfig();
    const std::optional<Core::Diagnostic> problem = config.problem();
    switch (config.status()) {
    case Core::ConfigDocument::Status::Missing:
        show(Core::DiagnosticSeverity::Info,
            tr("No config.toml: Codex uses its built-in defaults. %1").arg(postureSummary(current, sample)));
        return;
    case Core::ConfigDocument::Status::Unreadable:
        show(problem->severity, tr("%1 %2. %3").arg(QFileInfo(config.path()).fileName(), problem->text, problem->hint));
        return;
    case Core::ConfigDocument::Status::ParseError:
        show(problem->severity,
            tr("Line %1, column %2: %3.\n%4")
                .arg(problem->location.line)
                .arg(problem->location.column)
                .arg(problem->text, problem->hint));
        return;
    case Core::ConfigDocument::Status::Parsed:
        show(current.codexStarts() ? Core::DiagnosticSeverity::Info : Core::DiagnosticSeverity::Error,
            postureSummary(current, sample));
        return;
    }
}

} // namespace Posture::Views
