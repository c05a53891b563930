// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/effectiveconfig.h"

#include <optional>

namespace Posture::Core {

// Codex's own checks: what the real Codex CLI (0.171.0, the oracle) does when it loads configuration, beyond its
// published schema. Each check here was observed with the pinned CLI; the differential test keeps them honest. (Words
// used apart: Codex's checks decide whether Codex starts; codex-posture's risk rules (rules/) judge what it may do;
// the judging release (config/codexreleases) is the Codex release whose checks apply.)
namespace CodexChecks {

// Keys Codex removes from project layers (PROJECT_LOCAL_CONFIG_DENYLIST), or nullopt when the key may stay.
std::optional<QString> projectDeniedReason(const ConfigLayer &layer, const KeyPath &path);

// Load-time checks of one parsed layer that the schema does not express: retired values and legacy profile
// selection (errors), keys a project may not set (warnings). selectedProfile is the --profile name or empty.
Diagnostics checkLayer(const ConfigLayer &layer, const QString &selectedProfile);

// Load-time checks of the merged configuration that the schema does not express.
Diagnostics checkEffective(const EffectiveConfig &config);

} // namespace CodexChecks

} // namespace Posture::Core
