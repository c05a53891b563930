// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QModelIndex>
#include <QWidget>

class QAbstractButton;
class QAction;
class QPushButton;
class QToolButton;
class QTextBrowser;

namespace Posture::Views {

// One finding in full, for the finding selected in the list: what it means and what an attacker could do, what to
// do, the evidence, the link, who can act, and the buttons Go to Evidence, Fix… and Accept Risk…. It reads the
// finding from a FindingsModel index (any proxy of it) and asks the window to act through its signals.
class FindingDetail final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingDetail)

public:
    explicit FindingDetail(QWidget *parent = nullptr);
    ~FindingDetail() override;

    // Shows the finding at this index (a row of FindingsModel or a proxy of it); an invalid index: none chosen.
    void setFinding(const QModelIndex &index);
    QString findingId() const { return m_findingId; }
    // The text shown, as plain text (tests, accessibility).
    QString text() const;
    QAbstractButton *fixButton() const;
    QAbstractButton *acceptButton() const;
    QAbstractButton *evidenceButton() const;
    // What can be done with the chosen finding, enabled as it allows: the buttons show them, the window's Finding
    // menu holds them too.
    QAction *fixAction() const { return m_fixAction; }
    QAction *acceptAction() const { return m_acceptAction; }
    QAction *evidenceAction() const { return m_evidenceAction; }

Q_SIGNALS:
    void evidenceRequested(const QString &file, int line, int column);
    void fixRequested(const QString &fixId);
    void acceptRequested(const QString &findingId);

private:
    QTextBrowser *m_text;
    QAction *m_evidenceAction;
    QAction *m_fixAction;
    QAction *m_acceptAction;
    QToolButton *m_evidence;
    QToolButton *m_fix;
    QToolButton *m_accept;
    QPushButton *m_copy;
    QString m_findingId;
    QString m_fixId;
    QString m_file;
    int m_line = 0;
    int m_column = 0;
    QString m_remedy;
};

} // namespace Posture::Views
