// SPDX-License-Identifier: Apache-2.0
#include "acceptriskdialog.h"

#include "core/rules/acceptedrisks.h"

#include <QClipboard>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Posture::Views {

AcceptRiskDialog::AcceptRiskDialog(const QString &findingId, const QString &findingTitle, QWidget *parent)
    : QDialog(parent)
    , m_findingId(findingId)
    , m_reason(new QLineEdit(this))
    , m_owner(new QLineEdit(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")), this))
    , m_expires(new QDateEdit(QDate::currentDate().addDays(90), this))
    , m_entry(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Accept Risk: %1").arg(findingTitle));
    auto *intro = new QLabel(tr("An accepted finding stays listed, marked, and stops counting towards the verdict "
                                "until it expires. Paste this entry into an accepted-risks file and open it with "
                                "<code>--accept FILE</code> (File ▸ Inspect…)."),
        this);
    intro->setWordWrap(true);
    m_reason->setPlaceholderText(tr("Why this is acceptable here, e.g. \"disposable CI VM\""));
    m_expires->setCalendarPopup(true);
    m_expires->setMinimumDate(QDate::currentDate().addDays(1));
    m_expires->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_entry->setReadOnly(true);
    m_entry->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_entry->setAccessibleName(tr("The accepted-risks entry"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Expires:"), m_expires);
    connect(m_reason, &QLineEdit::textChanged, this, &AcceptRiskDialog::update);
    connect(m_owner, &QLineEdit::textChanged, this, &AcceptRiskDialog::update);
    connect(m_expires, &QDateEdit::dateChanged, this, &AcceptRiskDialog::update);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy Entry"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(entryText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_entry, 1);
    layout->addWidget(buttons);
    resize(560, 380);
    update();
}

AcceptRiskDialog::~AcceptRiskDialog() = default;

QString AcceptRiskDialog::entryText() const
{
    return m_entry->toPlainText();
}

void AcceptRiskDialog::update()
{
    m_entry->setPlainText(Core::AcceptedRisks::entryText(
        m_findingId, Core::Acceptance{m_reason->text(), m_owner->text(), m_expires->date(), false}));
}

} // namespace Posture::Views
