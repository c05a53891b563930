// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/finding.h"
#include "core/sandbox/sandboxcapability.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace Posture::Core {

struct Inspection;
struct PostureValue;
enum class LoadStatus;

// The words every human-readable report (text, Markdown, MDM) says the same way.

// "Codex starts with this configuration", "..., with warnings", "Codex REFUSES TO START ...".
QString loadVerdictText(LoadStatus status);
// The key (and its layer, file and line) that decided a posture value, or how a default decided it.
QString decidedByText(const PostureValue &cell, const Inspection &inspection);
// "yes", "NO", "unknown": whether a surface's sandbox is enforced.
QString enforcedWord(const Enforcement &enforcement);
// The remedies of every surface, once each, in the order the judge gave them (smallest blast radius first).
QList<Remedy> sandboxRemedies(const Inspection &inspection);
// "config.toml:4:1  sandbox_mode = danger-full-access (user)": where a finding comes from, not yet masked.
QString evidenceText(const Evidence &evidence);
// Why a finding's guided fix is refused (a higher layer decides, it would open the posture), or empty.
QString fixRefusal(const Inspection &inspection, const QString &fixId);
// The command that previews a guided fix.
QString fixCommand(const QString &fixId);
// "ACCEPTED by OWNER until DATE: REASON", or "ACCEPTANCE EXPIRED, was accepted by ...".
QString acceptanceText(const Acceptance &acceptance);
// {"1 critical", "3 high", "2 accepted"}: the counts of a verdict, most severe first, info and zeros left out.
QStringList verdictCounts(const SurfaceVerdict &verdict);
// "CLI and IDE extension": the labels of the surfaces, in their order.
QString surfacesLabel(Surfaces surfaces, const QString &separator);
// Whose rules judged the configuration: "CLI and IDE 0.171.0 (newest recorded release: no codex found)", or each
// surface's when they differ.
QString judgingReleaseText(const Inspection &inspection);
// The verdict over every surface: each finding counted once.
SurfaceVerdict hostVerdict(const Inspection &inspection);

// The evidence's line of a layer file, secrets masked (the whole file is masked, so that a value in an env table is
// judged as one). Files that are not layers (auth.json, ...) are never read. Each file is masked once.
class EvidenceSnippets
{
public:
    explicit EvidenceSnippets(const Inspection &inspection)
        : m_inspection(inspection)
    { }
    QString of(const Evidence &evidence);

private:
    const Inspection &m_inspection;
    QHash<QString, QStringList> m_maskedLines; // by file
};

} // namespace Posture::Core
