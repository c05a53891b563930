// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>

namespace Posture::Core {

struct Inspection;

// The report's `findings`, `fixes` and `verdicts` (report-1.schema.json).
QJsonObject findingsJson(const Inspection &inspection);

} // namespace Posture::Core
