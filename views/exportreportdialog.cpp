// SPDX-License-Identifier: Apache-2.0
#include "exportreportdialog.h"

#include "inspectionsession.h"
#include "pdfreport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Posture::Views {

ExportReportDialog::ExportReportDialog(Models::InspectionSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_format(new QComboBox(this))
    , m_redact(new QCheckBox(tr("&Redact: user name, home path and host name as placeholders"), this))
    , m_result(new QLabel(this))
{
    setWindowTitle(tr("Export Report"));
    for (const Core::ReportFormat &format : Core::reportFormats())
        m_format->addItem(QStringLiteral("%1 — %2").arg(format.name, format.description), format.name);
    m_redact->setToolTip(tr("For sharing outside the organisation. Secrets are masked in every report, redacted or "
                            "not."));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(QString(), m_redact);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        const QString name = m_format->currentData().toString();
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Report"), QDir::homePath() + QStringLiteral("/codex-posture-report.") + name);
        if (!path.isEmpty())
            exportTo(path);
    });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
}

ExportReportDialog::~ExportReportDialog() = default;

QString ExportReportDialog::exportTo(const QString &path)
{
    const Core::ReportFormat *format = Core::reportFormat(m_format->currentData().toString());
    const QByteArray bytes = m_session->renderReport(format->name, m_redact->isChecked());
    // The session refuses a path inside a copied machine; the PDF is laid out here (it needs Qt Gui), so it asks first.
    QString error;
    if (!format->pdf)
        error = m_session->saveReport(bytes, path);
    else if (error = m_session->reportRefusal(path); error.isEmpty())
        error = writePdfReport(bytes, path);
    m_result->setText(
        error.isEmpty() ? tr("Wrote %1 (readable by you only).").arg(QDir::toNativeSeparators(path)) : error);
    return error;
}

} // namespace Posture::Views
