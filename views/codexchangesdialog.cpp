// SPDX-License-Identifier: Apache-2.0
#include "codexchangesdialog.h"

#include "codexchangesmodel.h"
#include "core/report/reportparts.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace Posture::Views {

CodexChangesDialog::CodexChangesDialog(const Core::Inspection &inspection, QWidget *parent)
    : QDialog(parent)
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_changes(new Models::CodexChangesModel(this))
    , m_table(new QTableView(this))
{
    setWindowTitle(tr("Codex Releases"));
    for (QComboBox *box : {m_from, m_to})
        box->addItems(Models::CodexChangesModel::releases());
    auto *machine = new QLabel(tr("Judged on this machine as: %1").arg(Core::judgingReleaseText(inspection)), this);
    machine->setWordWrap(true);
    machine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *pick = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("&From"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&To"), this);
    toLabel->setBuddy(m_to);
    pick->addWidget(fromLabel);
    pick->addWidget(m_from);
    pick->addWidget(toLabel);
    pick->addWidget(m_to);
    pick->addStretch();
    m_summary->setWordWrap(true);
    m_table->setModel(m_changes);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAccessibleName(tr("Changes between the two releases"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(machine);
    layout->addLayout(pick);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(900, 420);

    // This machine's releases: the two surfaces' when they differ, else what an update to the newest would change, or,
    // on the newest, what changed since the oldest recorded release (never an empty newest -> newest).
    const auto [from, to] =
        Models::CodexChangesModel::pairFor(inspection.cliRelease.release, inspection.ideRelease.release);
    setReleases(from, to);
    for (QComboBox *box : {m_from, m_to})
        connect(box, &QComboBox::currentTextChanged, this, &CodexChangesDialog::showChanges);
}

CodexChangesDialog::~CodexChangesDialog() = default;

void CodexChangesDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    // Wrapped text needs the columns' final widths, which the header sets once the layout has run.
    QTimer::singleShot(0, m_table, &QTableView::resizeRowsToContents);
}

void CodexChangesDialog::setReleases(const QString &from, const QString &to)
{
    m_from->setCurrentText(from);
    m_to->setCurrentText(to);
    showChanges();
}

QString CodexChangesDialog::summaryText() const
{
    return m_summary->text();
}

void CodexChangesDialog::showChanges()
{
    m_changes->setReleases(m_from->currentText(), m_to->currentText());
    m_summary->setText(m_changes->summary());
    QTimer::singleShot(0, m_table, &QTableView::resizeRowsToContents);
}

} // namespace Posture::Views
