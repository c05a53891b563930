// SPDX-License-Identifier: Apache-2.0
// The Markdown report's judgement: one block per finding, most severe first.
#include "core/common/risklevel.h"
#include "core/common/secrets.h"
#include "core/inspection.h"
#include "core/report/markdown/markdownreport.h"
#include "core/report/markdown/markdowntext.h"
#include "core/report/reportparts.h"

namespace Posture::Core {

QString markdownFindings(const Inspection &inspection)
{
    QString text = QStringLiteral("\n## Findings\n\n");
    if (inspection.findings.isEmpty())
        return text + QStringLiteral("No findings.\n");
    for (const Finding &finding : inspection.findings) {
        text += QStringLiteral("### %1: %2\n\n")
                    .arg(riskWord(riskOf(finding.severity)).toUpper(), markdownText(finding.title));
        QStringList facts{
            markdownCode(finding.id), markdownText(surfacesLabel(finding.surfaces, QStringLiteral(", ")))};
        const QString where = evidenceText(finding.evidence);
        if (!where.isEmpty())
            facts.append(markdownCode(Secrets::maskText(where)));
        text += facts.join(QStringLiteral(" · ")) + QStringLiteral("\n\n");
        if (finding.acceptance)
            text += QStringLiteral("**%1**\n\n").arg(markdownText(acceptanceText(*finding.acceptance)));
        text += markdownText(finding.explanation) + QStringLiteral("\n\n");
        text += QStringLiteral("**What to do:** ") + markdownText(finding.remediation);
        if (!finding.reference.isEmpty())
            text += QStringLiteral(" (<%1>)").arg(finding.reference);
        text += QStringLiteral("\n\n");
        if (!finding.fixId.isEmpty()) {
            const QString refusal = fixRefusal(inspection, finding.fixId);
            if (refusal.isEmpty())
                text += QStringLiteral("**Guided fix:** ") + markdownCode(fixCommand(finding.fixId));
            else
                text += QStringLiteral("**No guided fix:** ") + markdownText(refusal);
            text += QStringLiteral("\n\n");
        }
    }
    return text;
}

} // namespace Posture::Core
