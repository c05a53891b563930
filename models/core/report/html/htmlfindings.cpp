// SPDX-License-Identifier: Apache-2.0
// The HTML report's judgement: one block per finding, most severe first, with its evidence line (masked), what an
// attacker could do, what to do and the guided fix.
#include "core/common/risklevel.h"
#include "core/common/secrets.h"
#include "core/inspection.h"
#include "core/report/html/htmlparts.h"
#include "core/report/html/htmltext.h"
#include "core/report/reportparts.h"

namespace Posture::Core::HtmlReport {

namespace {

QString evidenceBlock(const Finding &finding, const HtmlText &html, EvidenceSnippets &snippets)
{
    const QString where = evidenceText(finding.evidence);
    if (where.isEmpty())
        return {};
    QString text = QStringLiteral("<p class=\"where\">%1</p>\n").arg(html.code(Secrets::maskText(where)));
    const QString line = snippets.of(finding.evidence);
    if (!line.isEmpty())
        text += QStringLiteral("<pre class=\"snippet\"><span class=\"line\">%1</span> %2</pre>\n")
                    .arg(finding.evidence.line)
                    .arg(html.text(line));
    return text;
}

QString fixBlock(const Inspection &inspection, const Finding &finding, const HtmlText &html)
{
    if (finding.fixId.isEmpty())
        return {};
    const QString refusal = fixRefusal(inspection, finding.fixId);
    if (refusal.isEmpty())
        return QStringLiteral("<p><strong>Guided fix:</strong> %1</p>\n").arg(html.code(fixCommand(finding.fixId)));
    return QStringLiteral("<p><strong>No guided fix:</strong> %1</p>\n").arg(html.text(refusal));
}

} // namespace

QString findings(const Inspection &inspection, const HtmlText &html)
{
    QString text = QStringLiteral("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if (inspection.findings.isEmpty())
        return text + QStringLiteral("<p>No findings.</p>\n</section>\n");
    EvidenceSnippets snippets(inspection);
    for (const Finding &finding : inspection.findings) {
        const RiskLevel level = riskOf(finding.severity);
        const bool muted = finding.isAccepted();
        text += QStringLiteral("<article class=\"finding tint-%1%2\">\n<h3>%3 %4</h3>\n")
                    .arg(riskWord(level), muted ? QStringLiteral(" accepted") : QString(), html.risk(level),
                        html.text(Secrets::maskText(finding.title)));
        text += QStringLiteral("<p class=\"ids\">%1 · %2</p>\n")
                    .arg(html.code(finding.id), html.text(surfacesLabel(finding.surfaces, QStringLiteral(", "))));
        if (finding.acceptance)
            text += QStringLiteral("<p class=\"acceptance\"><strong>%1</strong></p>\n")
                        .arg(html.text(acceptanceText(*finding.acceptance)));
        text += evidenceBlock(finding, html, snippets);
        text += QStringLiteral("<p>%1</p>\n").arg(html.text(Secrets::maskText(finding.explanation)));
        text +=
            QStringLiteral("<p><strong>What to do:</strong> %1").arg(html.text(Secrets::maskText(finding.remediation)));
        if (finding.reference.startsWith(u"https://"))
            text += QStringLiteral(" (<a href=\"%1\">%2</a>)")
                        .arg(finding.reference.toHtmlEscaped(), html.text(finding.reference));
        text += QStringLiteral("</p>\n") + fixBlock(inspection, finding, html) + QStringLiteral("</article>\n");
    }
    return text + QStringLiteral("</section>\n");
}

} // namespace Posture::Core::HtmlReport
