// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Posture::Models {
class InspectionSession;
}

namespace Posture::Views {

// Accept a finding's risk: a reason, an owner and an expiry (default 90 days on), saved as an [[accept]] entry of an
// accepted-risks file (the one the window reads, else one in the user's config directory), added or replaced
// through the format-preserving editor so that a hand-edited file keeps every byte. The entry can be copied too,
// for `--accept FILE` elsewhere. A save that fails keeps the dialog open with the reason.
class AcceptRiskDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcceptRiskDialog)

public:
    // Saves through the session (InspectionSession::acceptRisk), which refuses a file inside a copied machine.
    AcceptRiskDialog(const QString &findingId, const QString &findingTitle, const QString &file,
        Models::InspectionSession *session, QWidget *parent = nullptr);
    ~AcceptRiskDialog() override;

    QString entryText() const;
    QLineEdit *reasonField() const { return m_reason; }
    QDateEdit *expiryField() const { return m_expires; }
    QLineEdit *fileField() const { return m_file; }
    QLineEdit *ownerField() const { return m_owner; }
    // Why the last save failed; empty when it did not.
    QString problem() const;
    // Writes the entry to the file (Save); true when written. Never into a copied machine.
    bool save();

Q_SIGNALS:
    // The entry is in this file now.
    void saved(const QString &file);

private:
    void update();

    QString m_findingId;
    QLineEdit *m_reason;
    QLineEdit *m_owner;
    QDateEdit *m_expires;
    QPlainTextEdit *m_entry;
    QLineEdit *m_file;
    Models::InspectionSession *m_session;
    QLabel *m_problem;
};

} // namespace Posture::Views
