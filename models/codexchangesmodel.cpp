// SPDX-License-Identifier: Apache-2.0
#include "codexchangesmodel.h"

#include "core/config/codexreleases.h"

namespace Posture::Models {

namespace {

QString answerText(const Core::CodexAcceptance::Answer &answer)
{
    const QString word = Core::CodexChangeList::statusName(answer.status);
    return answer.text.isEmpty() ? word : word + QStringLiteral(": ") + answer.text;
}

} // namespace

CodexChangesModel::CodexChangesModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

CodexChangesModel::~CodexChangesModel() = default;

QStringList CodexChangesModel::releases()
{
    return Core::CodexReleases::known().versions();
}

std::pair<QString, QString> CodexChangesModel::pairFor(const QString &cliRelease, const QString &ideRelease)
{
    const Core::CodexReleases &known = Core::CodexReleases::known();
    const QString older = Core::CodexReleases::compare(cliRelease, ideRelease) <= 0 ? cliRelease : ideRelease;
    const QString newer = older == cliRelease ? ideRelease : cliRelease;
    if (newer != older)
        return {older, newer};
    if (older != known.newest())
        return {older, known.newest()};
    return {known.versions().constFirst(), known.newest()};
}

void CodexChangesModel::setReleases(const QString &from, const QString &to)
{
    beginResetModel();
    m_changes = Core::CodexChangeList::between(Core::CodexReleases::known(), from, to);
    m_rows = Core::CodexChangeList::merged(m_changes);
    endResetModel();
}

QString CodexChangesModel::summary() const
{
    if (m_changes.changes.isEmpty())
        return tr("Codex %1 and %2 take every recorded key and value alike: the same warnings and refusals.")
            .arg(m_changes.from, m_changes.to);
    return (m_changes.changes.size() == 1 ? tr("One answer of Codex %1 differs in %2:")
                                          : tr("%1 answers of Codex %2 differ in %3:").arg(m_changes.changes.size()))
        .arg(m_changes.from, m_changes.to);
}

int CodexChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CodexChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CodexChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const Core::CodexChange &change = m_rows.at(index.row());
    switch (Column(index.column())) {
    case KindColumn:
        return change.kind;
    case KeyColumn:
        return change.key;
    case ValueColumn:
        return change.what;
    case SinceColumn:
        return change.since;
    case AnswersColumn:
        return tr("%1: %2\n%3: %4")
            .arg(m_changes.from, answerText(change.before), m_changes.to, answerText(change.after));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CodexChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case KindColumn:
        return tr("Change");
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value asked");
    case SinceColumn:
        return tr("Since");
    case AnswersColumn:
        return tr("What Codex says");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Posture::Models
