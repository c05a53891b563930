// SPDX-License-Identifier: Apache-2.0
// The hub: gathers the facts (surfaces/inspectionfacts.h), judges them by the risk rules, the baseline and the
// accepted risks, and plans the guided fixes. The window and every report show this one result.
#pragma once

#include "core/fixes/fixes.h"
#include "core/rules/finding.h"
#include "core/surfaces/inspectionfacts.h"

namespace Posture::Core {

struct Inspection : InspectionFacts
{
    Findings findings; // every risk rule's findings and the baseline's drift, accepted ones marked; sorted
    QList<Fix> fixes; // the guided fixes for them (each finding's fixId names its fix)
    // Problems with the --baseline and --accept files: errors make them unusable (a report then exits 2).
    Diagnostics inputProblems;

    // The guided fix with this id (a finding's fixId), or nullptr.
    const Fix *fixWithId(const QString &id) const;
    SurfaceVerdict verdict(Surface surface) const { return SurfaceVerdict::of(findings, surface); }

    static Inspection run(const InspectOptions &options,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
};

} // namespace Posture::Core
