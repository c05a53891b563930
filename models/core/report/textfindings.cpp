// SPDX-License-Identifier: Apache-2.0
// The text report's judgement: the verdict per surface, then the findings grouped by the surfaces they concern.
#include "core/report/textfindings.h"

#include "core/common/risklevel.h"
#include "core/common/secrets.h"
#include "core/inspection.h"
#include "core/report/textwrap.h"

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

QString groupLabel(Surfaces surfaces)
{
    QStringList labels;
    for (const Surface surface : {Surface::Cli, Surface::Ide, Surface::Cloud}) {
        if (surfaces & surface)
            labels.append(surfaceLabel(surface));
    }
    return labels.join(QStringLiteral(" and "));
}

QString whereText(const Evidence &evidence)
{
    QString where;
    if (!evidence.file.isEmpty())
        where = SourceLocation{evidence.file, evidence.line, evidence.column}.toShortString();
    if (!evidence.keyPath.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral("  ")) + evidence.keyPath
            + (evidence.value.isEmpty() ? QString() : QStringLiteral(" = ") + evidence.value);
    else if (!evidence.value.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(": ")) + evidence.value;
    if (!evidence.layer.isEmpty())
        where += QStringLiteral(" (%1)").arg(evidence.layer);
    return where;
}

// The command of a finding's guided fix, or why there is none (a higher layer decides, it would open the posture).
QString guidedFixLine(const Inspection &inspection, const QString &fixId)
{
    const auto fix = std::find_if(inspection.fixes.cbegin(), inspection.fixes.cend(),
        [&fixId](const Fix &candidate) { return candidate.id == fixId; });
    if (fix != inspection.fixes.cend() && !fix->applicable())
        return QStringLiteral("No guided fix: ") + fix->refusal;
    return QStringLiteral("Guided fix: codex-posture --fix ") + fixId;
}

} // namespace

QString findingsText(const Inspection &inspection, bool colour)
{
    QString text = QStringLiteral("\nFindings\n");
    for (const Surface surface : {Surface::Cli, Surface::Ide, Surface::Cloud}) {
        const SurfaceVerdict verdict = inspection.verdict(surface);
        QStringList counts;
        for (int i = 4; i >= 1; --i) {
            if (verdict.counts[i] > 0)
                counts.append(QStringLiteral("%1 %2").arg(verdict.counts[i]).arg(riskWord(riskOf(Severity(i)))));
        }
        if (verdict.accepted > 0)
            counts.append(QStringLiteral("%1 accepted").arg(verdict.accepted));
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
        text += u'\n' + groupLabel(group) + u'\n';
        for (const Finding &finding : inspection.findings) {
            if (finding.surfaces != group)
                continue;
            const RiskLevel risk = riskOf(finding.severity);
            const QString level = riskWord(risk).toUpper();
            text += QStringLiteral("  ") + coloured(level, risk, colour) + QString(10 - level.size(), u' ')
                + finding.title + u'\n';
            text += QString(12, u' ') + QStringLiteral("[%1]\n").arg(finding.id);
            const QString where = whereText(finding.evidence);
            if (!where.isEmpty())
                text += wrapped(Secrets::maskText(where), 12);
            if (finding.acceptance) {
                const Acceptance &acceptance = *finding.acceptance;
                text += wrapped(QStringLiteral("%1 by %2 until %3: %4")
                                    .arg(acceptance.expired ? QStringLiteral("ACCEPTANCE EXPIRED, was accepted")
                                                            : QStringLiteral("ACCEPTED"),
                                        acceptance.owner, acceptance.expires.toString(Qt::ISODate), acceptance.reason),
                    12);
            }
            text += wrapped(finding.explanation, 12);
            text += wrapped(QStringLiteral("What to do: ") + finding.remediation, 12);
            if (!finding.fixId.isEmpty())
                text += wrapped(guidedFixLine(inspection, finding.fixId), 12);
        }
    }
    return text;
}

} // namespace Posture::Core
