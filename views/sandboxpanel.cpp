// SPDX-License-Identifier: Apache-2.0
#include "sandboxpanel.h"

#include "risktableview.h"
#include "sandboxmodel.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Posture::Views {

using Models::SandboxModel;

namespace {

QLabel *wrappedLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QSizePolicy wrapping(QSizePolicy::Preferred, QSizePolicy::Minimum);
    wrapping.setHeightForWidth(true);
    label->setSizePolicy(wrapping);
    return label;
}

QString sandboxSummary(const Core::Inspection &inspection)
{
    const Core::Enforcement &cli = inspection.cliEnforcement;
    const Core::Enforcement &ide = inspection.ideEnforcement;
    QString text = cli.summary() == ide.summary()
        ? SandboxPanel::tr("Sandbox (CLI and IDE): %1").arg(cli.summary())
        : SandboxPanel::tr("Sandbox — CLI: %1. IDE: %2").arg(cli.summary(), ide.summary());
    const QString machine = inspection.sandbox.machine.summary();
    if (machine != cli.summary() && machine != ide.summary())
        text += u'\n' + SandboxPanel::tr("With a sandbox, this machine: %1").arg(machine);
    return text;
}

} // namespace

SandboxPanel::SandboxPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new SandboxModel(this))
    , m_summary(wrappedLabel(this))
    , m_busy(new QProgressBar(this))
    , m_table(new RiskTableView(tr("Sandbox: verdicts and the checks behind them"), this))
    , m_remediesTitle(
          new QLabel(tr("Remedies, smallest blast radius first (copy them; nothing here runs them):"), this))
    , m_remedies(new QVBoxLayout)
{
    setAccessibleName(tr("Sandbox"));
    setFocusProxy(m_table);
    m_summary->setAccessibleName(tr("Sandbox verdict"));
    m_busy->setRange(0, 0); // busy: how long the probes take is not known
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setAccessibleName(tr("Checking what the sandbox really enforces"));
    m_busy->hide();
    m_table->setModel(m_model);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { showRemedies(current.row()); });

    auto *remedies = new QWidget(this);
    remedies->setLayout(m_remedies);
    m_remedies->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(remedies);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Remedies"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_busy);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_remediesTitle);
    layout->addWidget(scroll, 2);
}

SandboxPanel::~SandboxPanel() = default;

void SandboxPanel::setInspection(const Core::Inspection &inspection)
{
    m_model->setInspection(inspection);
    m_verdict = sandboxSummary(inspection);
    if (!probing())
        m_summary->setText(m_verdict);
    showRemedies(m_table->currentIndex().row());
}

void SandboxPanel::setProbing(bool running)
{
    m_busy->setVisible(running);
    // While they run, the verdict from the files alone would flicker before the live one.
    m_summary->setText(running ? tr("Checking what the sandbox really enforces (bwrap, codex sandbox)…") : m_verdict);
}

bool SandboxPanel::probing() const
{
    return !m_busy->isHidden();
}

QString SandboxPanel::summary() const
{
    return m_summary->text();
}

QStringList SandboxPanel::remedies() const
{
    return m_remedyTexts;
}

void SandboxPanel::showRemedies(int row)
{
    const QList<SandboxModel::Entry> &entries = m_model->entries();
    if (row < 0 || row >= entries.size() || entries.at(row).remedies.isEmpty()) {
        // None chosen, or the chosen row has none: the first verdict's that has some.
        const auto first = std::find_if(entries.cbegin(), entries.cend(),
            [](const SandboxModel::Entry &entry) { return entry.verdict && !entry.remedies.isEmpty(); });
        row = first == entries.cend() ? -1 : int(first - entries.cbegin());
    }
    while (QLayoutItem *item = m_remedies->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_remedyTexts.clear();
    m_copyButtons.clear();
    const QList<Core::Remedy> remedies = row < 0 ? QList<Core::Remedy>() : entries.at(row).remedies;
    m_remediesTitle->setVisible(!remedies.isEmpty());
    for (const Core::Remedy &remedy : remedies) {
        auto *box = new QWidget;
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 6);
        QString text = remedy.text;
        if (remedy.commands.contains(QLatin1StringView("sudo ")))
            text += u' ' + tr("(needs an administrator: sudo)");
        QLabel *what = wrappedLabel(box);
        what->setText(text);
        boxLayout->addWidget(what);
        m_remedyTexts.append(remedy.commands.isEmpty() ? text : text + u'\n' + remedy.commands);
        if (!remedy.commands.isEmpty()) {
            auto *commandRow = new QHBoxLayout;
            QLabel *commands = wrappedLabel(box);
            commands->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            commands->setText(remedy.commands);
            commands->setAccessibleName(tr("Commands for: %1").arg(remedy.text));
            auto *copy = new QPushButton(tr("Copy"), box);
            copy->setAccessibleName(tr("Copy the commands for: %1").arg(remedy.text));
            const QString commandText = remedy.commands;
            connect(copy, &QPushButton::clicked, copy,
                [commandText] { QGuiApplication::clipboard()->setText(commandText); });
            commandRow->addWidget(commands, 1);
            commandRow->addWidget(copy, 0, Qt::AlignTop);
            boxLayout->addLayout(commandRow);
            m_copyButtons.append(copy);
        }
        m_remedies->addWidget(box);
    }
    m_remedies->addStretch(1);
}

} // namespace Posture::Views
