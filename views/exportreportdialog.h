// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;

namespace Posture::Models {
class InspectionSession;
}

namespace Posture::Views {

// File ▸ Export Report…: the inspection shown, in any format the headless report writes (the same code), to a file
// only its owner can read; optionally redacted (user name, home path and host name as placeholders) for sharing
// outside the organisation. Secrets are masked in every format anyway.
class ExportReportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportReportDialog)

public:
    // Reports the session's newest inspection, through the session (which writes nothing inside a copied machine).
    ExportReportDialog(Models::InspectionSession *session, QWidget *parent = nullptr);
    ~ExportReportDialog() override;

    QComboBox *formatField() const { return m_format; }
    QCheckBox *redactField() const { return m_redact; }
    // Writes the report in the chosen format to path (Save… without its file dialog); the error, or empty.
    QString exportTo(const QString &path);

private:
    Models::InspectionSession *m_session;
    QComboBox *m_format;
    QCheckBox *m_redact;
    QLabel *m_result;
};

} // namespace Posture::Views
