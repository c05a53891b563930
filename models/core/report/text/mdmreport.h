// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Posture::Core {

struct Inspection;

// One line for an MDM's inventory (a Jamf Pro extension attribute reads what stands between <result> tags):
//
//   line     = "<result>" verdict ": " counts [" (" surfaces ")"] "</result>" LF
//   verdict  = "ok" / "low risk" / "attention" / "at risk" / "critical"     ; the worst surface's verdict
//   counts   = "none" / count *(", " count)
//   count    = 1*DIGIT " " ("critical" / "high" / "medium" / "low" / "accepted")
//              ; findings not accepted, each counted once, most severe first; zeros and info left out
//   surfaces = surface *(", " surface)   ; the surfaces with that verdict, only when it is not "ok"
//   surface  = "CLI" / "IDE extension" / "Cloud"
//
// e.g. "<result>critical: 1 critical, 3 high, 4 medium (CLI)</result>". installer/fleet's scripts print
// "<result>error: ...</result>" when codex-posture itself cannot run.
QString renderMdmReport(const Inspection &inspection);

} // namespace Posture::Core
