// SPDX-License-Identifier: Apache-2.0
#include "fixpreviewdialog.h"

#include "core/fixes/fixconsequence.h"
#include "diffview.h"
#include "inspectionsession.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Posture::Views {

QString askPatchPath(QWidget *parent)
{
    return QFileDialog::getSaveFileName(parent, FixPreviewDialog::tr("Export Patch"),
        QDir::homePath() + QStringLiteral("/codex-posture-fixes.patch"),
        FixPreviewDialog::tr("Patches (*.patch *.diff)"));
}

QString patchWritten(const QString &path, const QStringList &files)
{
    return FixPreviewDialog::tr("<p>Wrote the patch <code>%1</code> (%2). It holds the real bytes of the lines it "
                                "changes, so only you can read it. In a copy of the home, <code>git apply</code> or "
                                "<code>patch -p1</code> gives exactly what Apply would write.</p>")
        .arg(QDir::toNativeSeparators(path).toHtmlEscaped(), files.join(QStringLiteral(", ")).toHtmlEscaped());
}

FixPreviewDialog::FixPreviewDialog(
    const Core::Fix &fix, const QString &findingTitle, Models::InspectionSession *session, QWidget *parent)
    : QDialog(parent)
    , m_fix(fix)
    , m_title(findingTitle)
    , m_session(session)
    , m_summary(new QLabel(this))
    , m_diff(new DiffView(this))
    , m_apply(new QPushButton(tr("&Apply"), this))
{
    setWindowTitle(tr("Fix: %1").arg(findingTitle));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setAccessibleName(tr("What the fix changes"));
    m_diff->setAccessibleName(tr("The change as a unified diff"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_apply, QDialogButtonBox::AcceptRole);
    m_apply->setEnabled(false);
    m_apply->setToolTip(tr("Write this change: a backup, an atomic write, then Codex's verdict again (Ctrl+Z undoes)"));
    m_copy = buttons->addButton(tr("&Copy Command"), QDialogButtonBox::ActionRole);
    m_copy->setToolTip(tr("Copy the command that applies this fix in a terminal"));
    m_copy->setEnabled(false);
    m_export = buttons->addButton(tr("&Export Patch…"), QDialogButtonBox::ActionRole);
    m_export->setToolTip(tr("Save this change as a patch for a copy of the home (git apply, patch -p1): for a copied "
                            "machine's owner, or whoever can write the file"));
    m_export->setEnabled(false);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path = askPatchPath(this);
        if (path.isEmpty())
            return;
        if (const QString error = exportPatch(path); !error.isEmpty())
            m_summary->setText(m_summary->text() + QStringLiteral("<p><b>%1</b></p>").arg(error.toHtmlEscaped()));
    });
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(command()); });
    connect(m_apply, &QPushButton::clicked, this, [this] {
        Q_EMIT applyRequested(m_preview);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_session)
        connect(m_session, &Models::InspectionSession::inspectionFinished, this, &FixPreviewDialog::recheck);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary, 0, Qt::AlignTop); // at the top also when a refusal leaves no diff below
    layout->addWidget(m_diff, 1);
    layout->addWidget(buttons);
    resize(760, 560);
    startPreview({});
}

void FixPreviewDialog::startPreview(const QString &note)
{
    m_ready = false;
    m_apply->setEnabled(false);
    m_summary->setText(tr("<p><b>%1</b></p><p>Working out the change…</p>").arg(m_title.toHtmlEscaped()));
    // On the session's worker; the result comes back only while the dialog exists.
    m_session->previewFix(m_fix, this, [this, note](const Core::FixPreview &preview) { showPreview(preview, note); });
}

void FixPreviewDialog::recheck()
{
    if (!m_ready || m_fix.file.isEmpty())
        return;
    if (Models::InspectionSession::previewIsCurrent(m_preview))
        return;
    const Core::Fix *again = m_session->fix(m_fix.id);
    if (!again) {
        m_apply->setEnabled(false);
        m_diff->hide();
        m_summary->setText(tr("<p><b>%1</b></p><p>%2 changed on disk and this fix is no longer offered: the finding "
                              "is gone or another fix replaces it. Nothing was written.</p>")
                .arg(m_title.toHtmlEscaped(), m_fix.file.toHtmlEscaped()));
        return;
    }
    m_fix = *again;
    startPreview(tr("%1 changed on disk while this preview was open: it was worked out again on what is there now.")
            .arg(QDir::toNativeSeparators(m_fix.file)));
}

FixPreviewDialog::~FixPreviewDialog() = default;

QString FixPreviewDialog::exportPatch(const QString &path)
{
    if (!m_ready || !m_session)
        return tr("The preview is not ready.");
    QStringList files;
    if (const QString error = m_session->exportPatch({m_preview}, path, &files); !error.isEmpty())
        return error;
    m_summary->setText(m_summary->text() + patchWritten(path, files));
    return {};
}

QString FixPreviewDialog::diffText() const
{
    return m_diff->toPlainText();
}

QString FixPreviewDialog::summaryText() const
{
    return m_summary->text();
}

QString FixPreviewDialog::command() const
{
    return QStringLiteral("codex-posture --fix %1 --yes").arg(m_fix.id);
}

void FixPreviewDialog::showPreview(const Core::FixPreview &preview, const QString &note)
{
    m_preview = preview;
    const QString file = QDir::toNativeSeparators(m_fix.file);
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(windowTitle().toHtmlEscaped());
    if (!note.isEmpty())
        html += QStringLiteral("<p><b>%1</b></p>").arg(note.toHtmlEscaped());
    QString readOnly = m_session ? m_session->whyReadOnly(m_fix.file) : tr("No session to apply it with.");
    if (preview.problem) {
        // Refused: say why, and who can change it (the reason names the file or the administrator).
        html += tr("<p>This fix cannot be applied: %1</p>").arg(preview.problem->text.toHtmlEscaped());
        if (!preview.problem->hint.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(preview.problem->hint.toHtmlEscaped());
        m_diff->hide();
        resize(width(), minimumSizeHint().height()); // no diff: a short dialog
    } else {
        html += tr("<p>%1 in <code>%2</code> (%3 layer).</p>")
                    .arg(m_fix.title.toHtmlEscaped(), file.toHtmlEscaped(), m_fix.layer.toHtmlEscaped());
        if (const QString consequence = Core::whatMayStopWorking(m_fix); !consequence.isEmpty())
            html += tr("<p><b>What may stop working:</b> %1</p>").arg(consequence.toHtmlEscaped());
        if (!m_fix.note.isEmpty())
            html += tr("<p>Also: %1</p>").arg(m_fix.note.toHtmlEscaped());
        if (!readOnly.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(readOnly.toHtmlEscaped());
        else
            html += tr("<p>Apply writes exactly this change, with a backup and an atomic write; Ctrl+Z takes it back. "
                       "In a terminal: <code>%1</code>.</p>")
                        .arg(command().toHtmlEscaped());
        m_diff->setPlainText(preview.diff);
        m_diff->show();
    }
    m_summary->setText(html);
    m_apply->setEnabled(preview.changes() && readOnly.isEmpty());
    m_copy->setEnabled(preview.changes());
    m_export->setEnabled(preview.changes());
    m_apply->setToolTip(readOnly.isEmpty() ? m_apply->toolTip() : readOnly);
    m_ready = true;
    Q_EMIT previewReady();
}

} // namespace Posture::Views
