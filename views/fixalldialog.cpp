// SPDX-License-Identifier: Apache-2.0
#include "fixalldialog.h"

#include "core/fixes/fixconsequence.h"
#include "diffview.h"
#include "fixpreviewdialog.h"
#include "inspectionsession.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace Posture::Views {

namespace {

constexpr int FixIdRole = Qt::UserRole;

// "<li>a</li><li>b</li>", each item escaped.
QString htmlItems(const QStringList &items)
{
    QString html;
    for (const QString &item : items)
        html += QStringLiteral("<li>%1</li>").arg(item.toHtmlEscaped());
    return html;
}

} // namespace

FixAllDialog::FixAllDialog(Models::InspectionSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_list(new QListWidget(this))
    , m_summary(new QLabel(this))
    , m_diff(new DiffView(this))
    , m_apply(new QPushButton(tr("&Apply"), this))
    , m_export(new QPushButton(tr("&Export Patch…"), this))
{
    setWindowTitle(tr("Fix All"));
    m_list->setAccessibleName(tr("The fixes to apply; untick one to leave it out"));
    const Core::Inspection &inspection = session->inspection();
    for (const Core::Finding &finding : inspection.findings) {
        const Core::Fix *fix = finding.fixId.isEmpty() ? nullptr : session->fix(finding.fixId);
        if (!fix || !fix->applicable() || finding.isAccepted())
            continue;
        auto *item = new QListWidgetItem(
            tr("%1 — %2 (%3)").arg(Core::severityName(finding.severity), finding.title, fix->title), m_list);
        item->setData(FixIdRole, fix->id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setToolTip(QDir::toNativeSeparators(fix->file));
    }
    connect(m_list, &QListWidget::itemChanged, this, &FixAllDialog::recompute);

    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("What the fixes change"));
    m_diff->setAccessibleName(tr("The changes as unified diffs, one per file"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_apply, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    m_apply->setToolTip(tr("Write the ticked fixes: one backup and one atomic write per file (Ctrl+Z undoes)"));
    m_export->setToolTip(tr("Save the ticked fixes as a patch for a copy of this home (git apply, patch -p1)"));
    connect(m_apply, &QPushButton::clicked, this, [this] {
        Q_EMIT applyRequested(m_previews);
        accept();
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = askPatchPath(this);
        if (!path.isEmpty()) {
            if (const QString error = exportPatch(path); !error.isEmpty())
                m_summary->setText(m_summary->text() + QStringLiteral("<p><b>%1</b></p>").arg(error.toHtmlEscaped()));
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_diff);
    split->setSizes({160, 340});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(860, 760);
    recompute();
}

FixAllDialog::~FixAllDialog() = default;

QString FixAllDialog::diffText() const
{
    return m_diff->toPlainText();
}

QString FixAllDialog::summaryText() const
{
    return m_summary->text();
}

void FixAllDialog::recompute()
{
    m_ready = false;
    m_apply->setEnabled(false);
    m_export->setEnabled(false);
    QList<Core::Fix> chosen;
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->checkState() == Qt::Checked)
            chosen.append(*m_session->fix(item->data(FixIdRole).toString()));
    }
    m_summary->setText(tr("<p>Working out the changes…</p>"));
    // On the session's worker (each file read once, every edit proved); only the newest answer counts.
    const quint64 generation = ++m_generation;
    m_session->previewFixes(chosen, this,
        [this, generation](const QList<Core::FixPreview> &previews) { showPreviews(generation, previews); });
}

void FixAllDialog::showPreviews(quint64 generation, const QList<Core::FixPreview> &previews)
{
    if (generation != m_generation)
        return;
    m_previews = previews;
    QString diff;
    QStringList refused;
    int files = 0;
    int fixes = 0;
    QString readOnly;
    for (const Core::FixPreview &preview : previews) {
        if (preview.problem) {
            refused.append(tr("%1: %2").arg(preview.fixIds().join(QStringLiteral(", ")), preview.problem->text));
            continue;
        }
        if (!preview.changes())
            continue;
        ++files;
        fixes += int(preview.fixes.size());
        diff += preview.diff;
        if (readOnly.isEmpty())
            readOnly = m_session->whyReadOnly(preview.fix.file);
    }
    m_diff->setPlainText(diff);
    QString html = QStringLiteral("<p>%1 in %2.</p>")
                       .arg(fixes == 1 ? tr("1 fix") : tr("%1 fixes").arg(fixes),
                           files == 1 ? tr("1 file") : tr("%1 files").arg(files));
    QStringList consequences;
    for (const Core::FixPreview &preview : previews) {
        for (const Core::Fix &fix : preview.fixes) {
            if (const QString consequence = Core::whatMayStopWorking(fix);
                preview.changes() && !consequence.isEmpty() && !consequences.contains(consequence))
                consequences.append(consequence);
        }
    }
    if (!consequences.isEmpty())
        html += tr("<p><b>What may stop working:</b></p><ul>%1</ul>").arg(htmlItems(consequences));
    if (!refused.isEmpty())
        html += tr("<p>Left out:</p><ul>%1</ul>").arg(htmlItems(refused));
    if (!readOnly.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(readOnly.toHtmlEscaped());
    m_summary->setText(html);
    m_apply->setEnabled(files > 0 && readOnly.isEmpty());
    m_export->setEnabled(files > 0);
    m_ready = true;
    Q_EMIT previewReady();
}

QString FixAllDialog::exportPatch(const QString &path)
{
    QStringList files;
    if (const QString error = m_session->exportPatch(m_previews, path, &files); !error.isEmpty())
        return error;
    m_summary->setText(m_summary->text() + patchWritten(path, files));
    return {};
}

} // namespace Posture::Views
