// SPDX-License-Identifier: Apache-2.0
#include "core/report/text/mdmreport.h"

#include "core/inspection.h"
#include "core/report/reportparts.h"

namespace Posture::Core {

QString renderMdmReport(const Inspection &inspection)
{
    const SurfaceVerdict all = hostVerdict(inspection);
    const QStringList counts = verdictCounts(all);
    QString line = all.word() + QStringLiteral(": ")
        + (counts.isEmpty() ? QStringLiteral("none") : counts.join(QStringLiteral(", ")));
    if (all.word() != u"ok") {
        Surfaces worst;
        for (const Surface surface : {Surface::Cli, Surface::Ide, Surface::Cloud}) {
            if (inspection.verdict(surface).word() == all.word())
                worst |= surface;
        }
        line += QStringLiteral(" (") + surfacesLabel(worst, QStringLiteral(", ")) + u')';
    }
    return QStringLiteral("<result>") + line + QStringLiteral("</result>\n");
}

} // namespace Posture::Core
