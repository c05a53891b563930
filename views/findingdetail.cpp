// SPDX-License-Identifier: Apache-2.0
#include "findingdetail.h"

#include "findingsmodel.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace Posture::Views {

using Models::FindingsModel;

namespace {

// Text as HTML: escaped, and the engine's `code` spans (Markdown, as the reports write them) set as code.
QString richText(const QString &text)
{
    static const QRegularExpression code(QStringLiteral("`([^`]+)`"));
    return text.toHtmlEscaped().replace(code, QStringLiteral("<code>\\1</code>"));
}

QString paragraph(const QString &heading, const QString &text)
{
    return QStringLiteral("<h4>%1</h4><p>%2</p>").arg(heading.toHtmlEscaped(), richText(text));
}

} // namespace

FindingDetail::FindingDetail(QWidget *parent)
    : QWidget(parent)
    , m_text(new QTextBrowser(this))
    , m_evidenceAction(new QAction(tr("Go to &Evidence"), this))
    , m_fixAction(new QAction(tr("&Fix…"), this))
    , m_acceptAction(new QAction(tr("&Accept Risk…"), this))
    , m_evidence(new QToolButton(this))
    , m_fix(new QToolButton(this))
    , m_accept(new QToolButton(this))
    , m_copy(new QPushButton(tr("Copy What to &Do"), this))
{
    setAccessibleName(tr("The chosen finding in full"));
    setFocusProxy(m_text);
    m_text->setOpenExternalLinks(true);
    m_text->setAccessibleName(tr("What the finding means and what to do"));
    m_evidenceAction->setToolTip(tr("Open the file at the line that sets it (Enter in the list)"));
    m_fixAction->setToolTip(tr("Preview the guided fix: what changes, where, and the diff"));
    m_acceptAction->setToolTip(tr("Keep this finding as an accepted risk, with a reason, an owner and an expiry"));
    for (const auto &[button, action] :
        {std::pair{m_evidence, m_evidenceAction}, std::pair{m_fix, m_fixAction}, std::pair{m_accept, m_acceptAction}}) {
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::StrongFocus); // in the Tab order, as the other buttons
    }
    m_copy->setToolTip(tr("Copy what to do to the clipboard"));
    connect(
        m_evidenceAction, &QAction::triggered, this, [this] { Q_EMIT evidenceRequested(m_file, m_line, m_column); });
    connect(m_fixAction, &QAction::triggered, this, [this] { Q_EMIT fixRequested(m_fixId); });
    connect(m_acceptAction, &QAction::triggered, this, [this] { Q_EMIT acceptRequested(m_findingId); });
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_remedy); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_fix);
    buttons->addWidget(m_accept);
    buttons->addWidget(m_evidence);
    buttons->addWidget(m_copy);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    setFinding({});
}

FindingDetail::~FindingDetail() = default;

QAbstractButton *FindingDetail::fixButton() const
{
    return m_fix;
}

QAbstractButton *FindingDetail::acceptButton() const
{
    return m_accept;
}

QAbstractButton *FindingDetail::evidenceButton() const
{
    return m_evidence;
}

QString FindingDetail::text() const
{
    return m_text->toPlainText();
}

void FindingDetail::setFinding(const QModelIndex &index)
{
    m_findingId = index.data(FindingsModel::IdRole).toString();
    m_fixId = index.data(FindingsModel::FixIdRole).toString();
    m_file = index.data(FindingsModel::FileRole).toString();
    m_line = index.data(FindingsModel::LineRole).toInt();
    m_column = index.data(FindingsModel::ColumnRole).toInt();
    m_remedy = index.data(FindingsModel::RemediationRole).toString();
    const bool chosen = !m_findingId.isEmpty();
    // Only a line of a file can be gone to: a machine fact (a sysctl, a binary) names a file but no line.
    m_evidenceAction->setEnabled(chosen && !m_file.isEmpty() && m_line > 0);
    m_acceptAction->setEnabled(chosen);
    m_copy->setEnabled(chosen);
    // Fix… opens the preview whenever there is a fix, also a refused one: the preview says why and who can act.
    m_fixAction->setEnabled(chosen && !m_fixId.isEmpty());
    if (!chosen) {
        m_text->setHtml(tr("<p>Choose a finding to see what it means, what an attacker could do, and what to do."
                           "</p>"));
        return;
    }
    const QModelIndex severity = index.siblingAtColumn(FindingsModel::SeverityColumn);
    const QModelIndex title = index.siblingAtColumn(FindingsModel::TitleColumn);
    const QModelIndex surfaces = index.siblingAtColumn(FindingsModel::SurfacesColumn);
    const QModelIndex location = index.siblingAtColumn(FindingsModel::LocationColumn);
    QString html =
        QStringLiteral("<h3>%1: %2</h3><p>%3 · %4</p>")
            .arg(severity.data().toString().toHtmlEscaped(),
                richText(title.data(FindingsModel::TitleTextRole).toString()),
                tr("Concerns %1").arg(surfaces.data().toString()).toHtmlEscaped(), m_findingId.toHtmlEscaped());
    const QString acceptance = index.data(FindingsModel::AcceptanceRole).toString();
    if (!acceptance.isEmpty())
        html += paragraph(tr("Accepted risk"), acceptance);
    html += paragraph(tr("What it means"), index.data(FindingsModel::ExplanationRole).toString());
    html += paragraph(tr("What to do"), m_remedy);
    html += paragraph(tr("Who can act"), index.data(FindingsModel::WhoCanActRole).toString());
    const QString where = m_file.isEmpty() ? location.data().toString()
        : m_line <= 0 ? tr("%1 — %2").arg(QDir::toNativeSeparators(m_file), location.data().toString())
                      : tr("%1, line %2, column %3 — %4")
                            .arg(QDir::toNativeSeparators(m_file))
                            .arg(m_line)
                            .arg(m_column)
                            .arg(index.data(FindingsModel::KeyPathRole).toString());
    html += paragraph(tr("Evidence"), where);
    const QString link = index.data(FindingsModel::ReferenceRole).toString();
    if (!link.isEmpty())
        html += QStringLiteral("<p><a href=\"%1\">%2</a></p>")
                    .arg(link.toHtmlEscaped(), tr("Read more: %1").arg(link).toHtmlEscaped());
    m_text->setHtml(html);
}

} // namespace Posture::Views
