// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QJsonObject>

namespace Posture::Core {

struct Inspection;
struct SurfaceVerdict;

// The report's `findings`, `fixes` and `verdicts` (report-1.schema.json).
QJsonObject findingsJson(const Inspection &inspection);
// One surface's verdict: verdict, worst, counts by severity, accepted.
QJsonObject verdictJson(const SurfaceVerdict &verdict);

} // namespace Posture::Core
