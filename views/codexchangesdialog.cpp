// SPDX-License-Identifier: Apache-2.0
#include "codexchangesdialog.h"

#include "core/report/codexchanges.h"
#include "core/report/reportparts.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace Posture::Views {

namespace {

QString answerText(const Core::CodexAcceptance::Answer &answer)
{
    const QString word = Core::CodexChangeList::statusName(answer.status);
    return answer.text.isEmpty() ? word : word + QStringLiteral(": ") + answer.text;
}

} // namespace

CodexChangesDialog::CodexChangesDialog(const Core::Inspection &inspection, QWidget *parent)
    : QDialog(parent)
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(0, 5, this))
{
    setWindowTitle(tr("Codex Releases"));
    const Core::CodexReleases &releases = Core::CodexReleases::known();
    for (QComboBox *box : {m_from, m_to})
        box->addItems(releases.versions());
    auto *machine = new QLabel(tr("Rules applied on this machine: %1").arg(Core::judgingReleaseText(inspection)), this);
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
    m_table->setHorizontalHeaderLabels(
        {tr("Change"), tr("Key"), tr("Value asked"), tr("Since"), tr("What Codex says")});
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
    const QString cli = inspection.cliRelease.release;
    const QString ide = inspection.ideRelease.release;
    const QString older = Core::CodexReleases::compare(cli, ide) <= 0 ? cli : ide;
    const QString newer = older == cli ? ide : cli;
    if (newer != older)
        setReleases(older, newer);
    else if (older != releases.newest())
        setReleases(older, releases.newest());
    else
        setReleases(releases.versions().constFirst(), releases.newest());
    for (QComboBox *box : {m_from, m_to})
        connect(box, &QComboBox::currentTextChanged, this, &CodexChangesDialog::showChanges);
}

CodexChangesDialog::~CodexChangesDialog() = default;

void CodexChangesDialog::resizeEvent(QResizeEvent *event)
{
    QDialog::resizeEvent(event);
    // Wrapped text needs the columns' final widths, which the header sets once the layout has run.
    QTimer::singleShot(0, m_table, &QTableWidget::resizeRowsToContents);
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
    const Core::CodexChanges changes =
        Core::CodexChangeList::between(Core::CodexReleases::known(), m_from->currentText(), m_to->currentText());
    m_summary->setText(changes.changes.isEmpty()
            ? tr("Codex %1 and %2 take every recorded key and value alike: the same warnings and refusals.")
                  .arg(changes.from, changes.to)
            : (changes.changes.size() == 1 ? tr("One answer of Codex %1 differs in %2:")
                                           : tr("%1 answers of Codex %2 differ in %3:").arg(changes.changes.size()))
                  .arg(changes.from, changes.to));
    const QList<Core::CodexChange> rows = Core::CodexChangeList::merged(changes);
    m_table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const Core::CodexChange &change = rows.at(row);
        const QStringList cells{change.kind, change.key, change.what, change.since,
            tr("%1: %2\n%3: %4").arg(changes.from, answerText(change.before), changes.to, answerText(change.after))};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells.at(column)));
    }
    QTimer::singleShot(0, m_table, &QTableWidget::resizeRowsToContents);
}

} // namespace Posture::Views
