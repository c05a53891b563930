// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/sandbox/sandboxcapability.h"

#include <QJsonObject>

namespace Posture::Core {

// The report's `capabilities` section and each local surface's `enforced` verdict (report-1.schema.json).
QJsonObject capabilitiesJson(const SandboxCapability &capability);
QJsonObject enforcementJson(const Enforcement &enforcement);

} // namespace Posture::Core
