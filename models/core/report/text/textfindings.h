// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Posture::Core {

struct Inspection;

// The findings for a terminal, grouped by the surfaces they concern; ANSI colour only when asked (a TTY).
QString findingsText(const Inspection &inspection, bool colour);

} // namespace Posture::Core
