// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>

namespace Posture::Core {

struct Inspection;

// The SARIF 2.1.0 log of the headless report, as code-scanning tools read it (GitHub code scanning, the VS Code
// SARIF viewer, Azure DevOps): one run whose driver lists every rule of the catalogue; one result per finding with
// its file relative to %CODEX_HOME%, %PROJECT% or %HOME%, a masked snippet, a fingerprint from the finding id, the
// guided fix's replacement where one exists and an accepted risk as a suppression; the sandbox probes as
// notifications. Secrets are masked as in every format. `redact` (--redact) redacts paths before they are
// percent-encoded into URIs and leaves the bases without URI (the consumer supplies them); renderReport redacts the
// rest. The schema is tests/data/sarif/sarif-schema-2.1.0.json.
QByteArray renderSarifReport(const Inspection &inspection, const QDateTime &generatedAt, bool redact = false);

} // namespace Posture::Core
