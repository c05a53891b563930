// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>

namespace Posture::Core {

struct Inspection;

// The identifier of the JSON report's format; resources/schema/report-1.schema.json documents it.
inline constexpr char JsonReportSchema[] = "codex-posture.report/1";

// The headless JSON report: one versioned document, secrets masked.
QByteArray renderJsonReport(const Inspection &inspection, const QDateTime &generatedAt);

} // namespace Posture::Core
