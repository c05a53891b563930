// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/risklevel.h"
#include "core/config/configlayer.h"

namespace Posture::Core {

// What became of one layer file, in words: "not found", "cannot be read", "not valid TOML", "read: 4 values",
// "ignored: <why>". The text report and the window's list of files say it the same way.
QString layerStatus(const ConfigLayer &layer);
// How that reads on the risk scale: a file Codex cannot read or parse is medium (Codex refuses to start, as the
// codex-refuses-config rule says), an ignored or missing file info, a read file ok.
RiskLevel layerRisk(const ConfigLayer &layer);

} // namespace Posture::Core
