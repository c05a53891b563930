// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>
#include <QString>

namespace Posture::Core {

struct Inspection;

// The report's `findings` and `verdicts` (report-1.schema.json).
QJsonObject findingsJson(const Inspection &inspection);
// The findings for a terminal, grouped by the surfaces they concern; ANSI colour only when asked (a TTY).
QString findingsText(const Inspection &inspection, bool colour);

} // namespace Posture::Core
