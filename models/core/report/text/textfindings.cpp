// SPDX-License-Identifier: Apache-2.0
// The text report's judgement: the verdict per surface, then the findings grouped by the surfaces they concern.
#include "core/report/text/textfindings.h"

#include "core/common/risklevel.h"
#include "core/common/secrets.h"
#include "core/inspection.h"
#include "core/report/reportparts.h"
#include "core/report/text/textwrap.h"

namespace Posture::Core {

namespace {

// The ANSI colour of a risk level's word; the word itself is always printed.
QLatin1StringView ansiColour(RiskLevel level)
{
    switch (level) {
    case RiskLevel::Ok:
        return QLatin1StringView("32");
    case RiskLevel::Info:
        return QLatin1StringView("2");
    case RiskLevel::Low:
        return QLatin1StringView("36");
    case RiskLevel::Medium:
        return QLatin1StringView("33");
    case RiskLevel::High:
        return QLatin1StringView("31");
    case RiskLevel::Critical:
        return QLatin1StringView("1;31");
    case RiskLevel::Unknown:
        return QLatin1StringView("35");
    }
    Q_UNREACHABLE_RETURN(QLatin1StringView());
}

QString coloured(const QString &text, RiskLevel level, bool colour)
{
    return colour ? QStringLiteral("\x1b[%1m%2\x1b[0m").arg(ansiColour(level), text) : text;
}

} // namespace

QString findingsText(const Inspection &inspection, bool colour)
{
    QString text = QStringLiteral("\nFindings\n");
    for (const Surface surface : {Surface::Cli, Surface::Ide, Surface::Cloud}) {
        const SurfaceVerdict verdict = inspection.verdict(surface);
        const QStringList counts = verdictCounts(verdict);
        // Without any finding the word "ok" stays uncoloured, as it always was.
        const QString word = verdict.worst ? coloured(verdict.word(), riskOf(*verdict.worst), colour) : verdict.word();
        text += QStringLiteral("  %1 %2%3\n")
                    .arg(surfaceLabel(surface) + u':', -15)
                    .arg(word,
                        counts.isEmpty() ? QString() : QStringLiteral(" (") + counts.join(QStringLiteral(", ")) + u')');
    }
    if (inspection.findings.isEmpty())
        return text + QStringLiteral("  No findings.\n");
    // Grouped by the surfaces a finding concerns, in the order of their first (most severe) finding.
    QList<Surfaces> groups;
    for (const Finding &finding : inspection.findings) {
        if (!groups.contains(finding.surfaces))
            groups.append(finding.surfaces);
    }
    for (const Surfaces group : std::as_const(groups)) {
        text += u'\n' + surfacesLabel(group, QStringLiteral(" and ")) + u'\n';
        for (const Finding &finding : inspection.findings) {
            if (finding.surfaces != group)
                continue;
            const RiskLevel risk = riskOf(finding.severity);
            const QString level = riskWord(risk).toUpper();
            text += QStringLiteral("  ") + coloured(level, risk, colour) + QString(10 - level.size(), u' ')
                + finding.title + u'\n';
            text += QString(12, u' ') + QStringLiteral("[%1]\n").arg(finding.id);
            const QString where = evidenceText(finding.evidence);
            if (!where.isEmpty())
                text += wrapped(Secrets::maskText(where), 12);
            if (finding.acceptance)
                text += wrapped(acceptanceText(*finding.acceptance), 12);
            text += wrapped(finding.explanation, 12);
            text += wrapped(QStringLiteral("What to do: ") + finding.remediation, 12);
            if (!finding.fixId.isEmpty()) {
                const QString refusal = fixRefusal(inspection, finding.fixId);
                text += wrapped(refusal.isEmpty() ? QString(QStringLiteral("Guided fix: ") + fixCommand(finding.fixId))
                                                  : QString(QStringLiteral("No guided fix: ") + refusal),
                    12);
            }
        }
    }
    return text;
}

} // namespace Posture::Core
