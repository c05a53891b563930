// SPDX-License-Identifier: Apache-2.0
#include "findingsmodel.h"

#include "core/common/secrets.h"

#include <QDir>
#include <QFileInfo>

namespace Posture::Models {

namespace {

QString surfacesText(Core::Surfaces surfaces)
{
    QStringList labels;
    for (const Core::Surface surface : {Core::Surface::Cli, Core::Surface::Ide, Core::Surface::Cloud}) {
        if (surfaces & surface)
            labels.append(Core::surfaceLabel(surface));
    }
    return labels.join(QStringLiteral(", "));
}

// "config.toml:4", or the fact's text for findings that are not about a file's value.
QString locationText(const Core::Evidence &evidence)
{
    if (evidence.file.isEmpty())
        return Core::Secrets::maskText(evidence.value);
    // The layer tells two config.toml files apart (user, project); a file without one (a machine fact, a file's
    // mode) is named by its folder too.
    const QFileInfo file(evidence.file);
    QString location = evidence.layer.isEmpty() ? file.dir().dirName() + u'/' + file.fileName() : file.fileName();
    if (evidence.line > 0)
        location += u':' + QString::number(evidence.line);
    if (!evidence.layer.isEmpty())
        location += QStringLiteral(" (%1)").arg(evidence.layer);
    return location;
}

QString acceptanceText(const Core::Finding &finding)
{
    if (!finding.acceptance)
        return {};
    const Core::Acceptance &acceptance = *finding.acceptance;
    const QString expires = acceptance.expires.toString(Qt::ISODate);
    return acceptance.expired
        ? FindingsModel::tr("Accepted by %1 until %2, expired: it counts again. Reason: %3")
              .arg(acceptance.owner, expires, acceptance.reason)
        : FindingsModel::tr("Accepted by %1 until %2: %3").arg(acceptance.owner, expires, acceptance.reason);
}

} // namespace

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

FindingsModel::~FindingsModel() = default;

void FindingsModel::setInspection(const Core::Inspection &inspection)
{
    beginResetModel();
    m_findings = inspection.findings;
    m_actors.clear();
    for (const Core::Finding &finding : std::as_const(m_findings))
        m_actors.append(Core::whoCanAct(finding, inspection));
    endResetModel();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::display(const Core::Finding &finding, Column column) const
{
    switch (column) {
    case SeverityColumn:
        return finding.isAccepted() ? tr("%1 (accepted)").arg(Core::riskWord(Core::riskOf(finding.severity)))
                                    : Core::riskWord(Core::riskOf(finding.severity));
    case TitleColumn:
        return QString(finding.title).remove(u'`'); // plain text: the engine's `code` marks would show literally
    case SurfacesColumn:
        return surfacesText(finding.surfaces);
    case LocationColumn:
        return locationText(finding.evidence);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::Finding &finding = m_findings.at(index.row());
    const Core::RiskLevel risk = Core::riskOf(finding.severity);
    if (role == Qt::DecorationRole && index.column() != SeverityColumn)
        return {};
    if (const QVariant answer = riskData(risk, role); answer.isValid())
        return answer;
    switch (role) {
    case Qt::DisplayRole:
        return display(finding, Column(index.column()));
    case IdRole:
        return finding.id;
    case RuleIdRole:
        return finding.ruleId;
    case SurfacesRole:
        return finding.surfaces.toInt();
    case FileRole:
        return finding.evidence.file;
    case LineRole:
        return finding.evidence.line;
    case ColumnRole:
        return finding.evidence.column;
    case KeyPathRole:
        return finding.evidence.keyPath;
    case AcceptedRole:
    case MutedRole:
        return finding.isAccepted();
    case FixIdRole:
        return finding.fixId;
    case ExplanationRole:
        return finding.explanation;
    case RemediationRole:
        return finding.remediation;
    case ReferenceRole:
        return finding.reference;
    case ActorRole:
        return int(m_actors.at(index.row()).actor);
    case WhoCanActRole:
        return m_actors.at(index.row()).text;
    case AcceptanceRole:
        return acceptanceText(finding);
    case TitleTextRole:
        return finding.title;
    case Qt::ToolTipRole:
        return QString(finding.explanation + u'\n' + tr("What to do: %1").arg(finding.remediation));
    case Qt::AccessibleTextRole: {
        const QString where = finding.evidence.file.isEmpty()
            ? QString()
            : tr(", %1 line %2").arg(QFileInfo(finding.evidence.file).fileName()).arg(finding.evidence.line);
        return tr("%1: %2%3").arg(display(finding, SeverityColumn).toString(), finding.title, where);
    }
    case Qt::AccessibleDescriptionRole:
        return tr("Concerns %1. %2 Who can act: %3.")
            .arg(surfacesText(finding.surfaces), finding.explanation, m_actors.at(index.row()).word());
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return {};
    switch (static_cast<Column>(section)) {
    case SeverityColumn:
        return tr("Severity");
    case TitleColumn:
        return tr("Finding");
    case SurfacesColumn:
        return tr("Concerns");
    case LocationColumn:
        return tr("Where");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Posture::Models
