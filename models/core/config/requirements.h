// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/configlayer.h"

namespace Posture::Core {

// What an administrator requires (docs/reference/codex-config.md §1.5): allowlists that users cannot override. Codex
// falls back to an allowed value when the configured one is not allowed. Read from requirements.toml and, as Codex
// reinterprets it, from the legacy managed_config.toml (whose approval_policy and sandbox_mode also become allowlists,
// besides applying as the highest layer). Checked by hand against the real CLI with /etc/codex bind-mounted; unit tests
// keep it (the differential test cannot move the CLI's /etc/codex yet).
struct Requirements
{
    QStringList allowedApprovalPolicies; // empty: no constraint; the first entry is the fallback
    QStringList allowedSandboxModes; // empty: no constraint
    SourceLocation approvalSource;
    SourceLocation sandboxSource;
    Diagnostics diagnostics; // a sandbox allowlist without read-only: Codex refuses to start

    // From the requirements and managed layers among layers (later ones override earlier ones).
    static Requirements from(const ConfigLayers &layers);
};

} // namespace Posture::Core
