// SPDX-License-Identifier: Apache-2.0
#include "inputproblems.h"

#include "core/rules/acceptedrisks.h"
#include "core/rules/baseline.h"

#include <cstdio>

namespace Posture::App {

bool reportInputProblems(const Core::Diagnostics &problems)
{
    bool unusable = false;
    for (const Core::Diagnostic &problem : problems) {
        const QByteArray text = (QStringLiteral("codex-posture: ") + problem.toString() + u'\n'
            + (problem.hint.isEmpty() ? QString() : QStringLiteral("  ") + problem.hint + u'\n'))
                                    .toLocal8Bit();
        std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
        unusable |= problem.severity == Core::DiagnosticSeverity::Error;
    }
    std::fflush(stderr);
    return unusable;
}

Core::Diagnostics inputFileProblems(const Core::InspectOptions &options)
{
    Core::Diagnostics problems;
    if (!options.baselineFile.isEmpty())
        Core::Baseline::load(
            options.baselineFile == u"working-rule" ? Core::Baseline::workingRulePath() : options.baselineFile,
            problems);
    if (!options.acceptFile.isEmpty())
        Core::AcceptedRisks::load(options.acceptFile, problems);
    return problems;
}

} // namespace Posture::App
