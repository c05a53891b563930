// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QDateEdit;
class QLineEdit;
class QPlainTextEdit;

namespace Posture::Views {

// Accept a finding's risk: a reason, an owner and an expiry (default 90 days on), shown as the [[accept]] entry of
// an accepted-risks file that `--accept FILE` (and the window opened with it) reads. The entry is copied, not
// written: writing the file from the window is the guided-fixes step that follows.
class AcceptRiskDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcceptRiskDialog)

public:
    AcceptRiskDialog(const QString &findingId, const QString &findingTitle, QWidget *parent = nullptr);
    ~AcceptRiskDialog() override;

    QString entryText() const;
    QLineEdit *reasonField() const { return m_reason; }
    QDateEdit *expiryField() const { return m_expires; }

private:
    void update();

    QString m_findingId;
    QLineEdit *m_reason;
    QLineEdit *m_owner;
    QDateEdit *m_expires;
    QPlainTextEdit *m_entry;
};

} // namespace Posture::Views
