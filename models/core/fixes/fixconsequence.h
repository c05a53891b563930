// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/fixes/fixes.h"

namespace Posture::Core {

// What may stop working after a fix, in words, for the preview ("network off: package installs inside sessions
// fail"): a fix that closes something is only welcome when the user knows what it closes. Empty when nothing does.
QString whatMayStopWorking(const Fix &fix);

} // namespace Posture::Core
