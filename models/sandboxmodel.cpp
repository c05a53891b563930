// SPDX-License-Identifier: Apache-2.0
#include "sandboxmodel.h"

namespace Posture::Models {

namespace {

QString enforcementWord(const Core::Enforcement &enforcement)
{
    switch (enforcement.state) {
    case Core::Enforcement::State::Enforced:
        return SandboxModel::tr("enforced");
    case Core::Enforcement::State::NotEnforced:
        return SandboxModel::tr("not enforced");
    case Core::Enforcement::State::Unknown:
        return SandboxModel::tr("unknown");
    }
    Q_UNREACHABLE_RETURN(QString());
}

SandboxModel::Entry verdictEntry(const QString &id, const QString &name, const Core::Enforcement &enforcement)
{
    return {id, name, enforcementWord(enforcement), Core::riskOf(enforcement), enforcement.reason, enforcement.remedies,
        true};
}

// A probe names its first remedy by text; its commands are in the verdicts' remedies.
QList<Core::Remedy> remediesOf(const Core::Capability &probe, const Core::Inspection &inspection)
{
    if (probe.remedy.isEmpty())
        return {};
    for (const Core::Enforcement *enforcement :
        {&inspection.sandbox.machine, &inspection.cliEnforcement, &inspection.ideEnforcement}) {
        for (const Core::Remedy &remedy : enforcement->remedies) {
            if (remedy.text == probe.remedy)
                return {remedy};
        }
    }
    return {Core::Remedy{QString(), probe.remedy, QString()}};
}

} // namespace

SandboxModel::SandboxModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

SandboxModel::~SandboxModel() = default;

void SandboxModel::setInspection(const Core::Inspection &inspection)
{
    beginResetModel();
    m_entries.clear();
    m_entries.append(verdictEntry(QStringLiteral("cli"), tr("CLI sandbox"), inspection.cliEnforcement));
    m_entries.append(verdictEntry(QStringLiteral("ide"), tr("IDE extension sandbox"), inspection.ideEnforcement));
    for (const Core::Capability &probe : inspection.sandbox.probes)
        m_entries.append({probe.id, probe.id, probe.stateName(), Core::riskOf(probe), probe.evidence,
            remediesOf(probe, inspection), false});
    endResetModel();
}

int SandboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SandboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SandboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    if (role == Qt::DecorationRole && index.column() != StateColumn)
        return {};
    if (const QVariant answer = riskData(entry.risk, role); answer.isValid())
        return answer;
    QStringList remedies;
    QStringList commands;
    for (const Core::Remedy &remedy : entry.remedies) {
        remedies.append(remedy.text);
        commands.append(remedy.commands);
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (static_cast<Column>(index.column())) {
        case StateColumn:
            return entry.state;
        case NameColumn:
            return entry.name;
        case EvidenceColumn:
            return entry.evidence;
        case ColumnCount:
            break;
        }
        return {};
    case IdRole:
        return entry.id;
    case IsVerdictRole:
        return entry.verdict;
    case RemediesRole:
        return remedies;
    case RemedyCommandsRole:
        return commands;
    case Qt::ToolTipRole:
        return remedies.isEmpty() ? entry.evidence
                                  : QString(entry.evidence + u'\n' + tr("What to do: %1").arg(remedies.constFirst()));
    case Qt::AccessibleTextRole:
        return tr("%1: %2, %3").arg(entry.name, entry.state, Core::riskWord(entry.risk));
    case Qt::AccessibleDescriptionRole:
        return remedies.isEmpty() ? entry.evidence
                                  : tr("%1. %n remedies, the first: %2", nullptr, int(remedies.size()))
                                        .arg(entry.evidence, remedies.constFirst());
    default:
        return {};
    }
}

QVariant SandboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return {};
    switch (static_cast<Column>(section)) {
    case StateColumn:
        return tr("State");
    case NameColumn:
        return tr("Check");
    case EvidenceColumn:
        return tr("Evidence");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Posture::Models
