// SPDX-License-Identifier: Apache-2.0
#include "acceptriskdialog.h"

#include "core/rules/acceptedrisks.h"
#include "inspectionsession.h"

#include <QClipboard>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Posture::Views {

AcceptRiskDialog::AcceptRiskDialog(const QString &findingId, const QString &findingTitle, const QString &file,
    Models::InspectionSession *session, QWidget *parent)
    : QDialog(parent)
    , m_findingId(findingId)
    , m_reason(new QLineEdit(this))
    , m_owner(new QLineEdit(qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")), this))
    , m_expires(new QDateEdit(QDate::currentDate().addDays(90), this))
    , m_entry(new QPlainTextEdit(this))
    , m_file(new QLineEdit(QDir::toNativeSeparators(file), this))
    , m_session(session)
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Accept Risk: %1").arg(findingTitle));
    auto *intro = new QLabel(tr("An accepted finding stays listed, greyed and marked, and stops counting towards the "
                                "verdict until it expires. Save writes the entry into the accepted-risks file below "
                                "(its other lines stay as they are); the window reads that file from then on."),
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
    auto *fileRow = new QHBoxLayout;
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setAccessibleName(tr("Browse for the accepted-risks file"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getSaveFileName(this, tr("Accepted-Risks File"), m_file->text(),
            tr("TOML files (*.toml)"), nullptr, QFileDialog::DontConfirmOverwrite);
        if (!chosen.isEmpty())
            m_file->setText(QDir::toNativeSeparators(chosen));
    });
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_file);
    form->addRow(fileLabel, fileRow);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setAccessibleName(tr("Why it was not saved"));
    m_problem->hide();
    connect(m_reason, &QLineEdit::textChanged, this, &AcceptRiskDialog::update);
    connect(m_owner, &QLineEdit::textChanged, this, &AcceptRiskDialog::update);
    connect(m_expires, &QDateEdit::dateChanged, this, &AcceptRiskDialog::update);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    QPushButton *copy = buttons->addButton(tr("&Copy Entry"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(entryText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_entry, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(600, 420);
    update();
}

AcceptRiskDialog::~AcceptRiskDialog() = default;

QString AcceptRiskDialog::entryText() const
{
    return m_entry->toPlainText();
}

QString AcceptRiskDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

bool AcceptRiskDialog::save()
{
    const QString path = QDir::cleanPath(QDir::fromNativeSeparators(m_file->text().trimmed()));
    const QString error = path.isEmpty() || path == u"."
        ? tr("Choose the accepted-risks file to write.")
        : m_session->acceptRisk(path, m_findingId,
              Core::Acceptance{m_reason->text().trimmed(), m_owner->text().trimmed(), m_expires->date(), false});
    // A failed save keeps the dialog open, with the reason beside the fields.
    m_problem->setText(error);
    m_problem->setVisible(!error.isEmpty());
    if (!error.isEmpty())
        return false;
    Q_EMIT saved(path);
    return true;
}

void AcceptRiskDialog::update()
{
    m_entry->setPlainText(Core::AcceptedRisks::entryText(
        m_findingId, Core::Acceptance{m_reason->text(), m_owner->text(), m_expires->date(), false}));
}

} // namespace Posture::Views
