// SPDX-License-Identifier: Apache-2.0
#include "core/inspection.h"

#include "core/rules/acceptedrisks.h"
#include "core/rules/baseline.h"
#include "core/rules/catalogue.h"

namespace Posture::Core {

namespace {

// The rules' findings, the baseline's drift, and the accepted risks marked.
void judgeRisks(Inspection &inspection, const InspectOptions &options)
{
    inspection.findings = RiskRules::evaluate(inspection);
    if (!options.baselineFile.isEmpty()) {
        const QString path =
            options.baselineFile == u"working-rule" ? Baseline::workingRulePath() : options.baselineFile;
        const Baseline baseline = Baseline::load(path, inspection.inputProblems);
        inspection.findings += baseline.drift(inspection);
        sortFindings(inspection.findings);
    }
    if (!options.acceptFile.isEmpty()) {
        const AcceptedRisks accepted = AcceptedRisks::load(options.acceptFile, inspection.inputProblems);
        accepted.apply(inspection.findings, options.today, inspection.inputProblems);
    }
    inspection.fixes = Fixes::plan(inspection, inspection.findings);
}

} // namespace

const Fix *Inspection::fixWithId(const QString &id) const
{
    const auto fix =
        std::find_if(fixes.cbegin(), fixes.cend(), [&id](const Fix &candidate) { return candidate.id == id; });
    return fix == fixes.cend() ? nullptr : &*fix;
}

Inspection Inspection::run(const InspectOptions &options, const QProcessEnvironment &environment)
{
    Inspection inspection;
    static_cast<InspectionFacts &>(inspection) = InspectionFacts::gather(options, environment);
    judgeRisks(inspection, options);
    return inspection;
}

} // namespace Posture::Core
