// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/effectiveconfig.h"
#include "core/config/projecttrust.h"
#include "core/config/requirements.h"
#include "core/surfaces/posturevalues.h"

namespace Posture::Core {

// One cell of the posture table: the value Codex arrives at, and what decided it.
struct PostureValue
{
    QString value; // empty: Codex would not start, so there is no value
    KeyPath decidedBy; // the key whose value decided; empty when a default did
    QString reason; // how, in words: "default for a trusted project", "permission profile `dev`", ...
    SourceLocation requiredBy; // set when an administrator's requirement replaced the configured value
};

// What Codex does on this machine for the CLI (and the IDE extension, which reads the same layers), computed from
// the effective configuration the way the real Codex 0.171.0 does it (docs/reference/codex-config.md, last section).
struct LocalPosture
{
    enum class SandboxSystem { TrustDefault, Legacy, PermissionProfile };

    SandboxSystem sandboxSystem = SandboxSystem::TrustDefault;
    QString permissionProfile; // default_permissions, when that system is in force

    PostureValue approvalPolicy; // on-request | never | granular | unless-trusted
    PostureValue sandboxMode; // read-only | workspace-write | danger-full-access (what the model is told)
    PostureValue filesystem; // restricted | unrestricted (what `codex doctor` reports)
    PostureValue network; // restricted | enabled

    QStringList writableRoots;
    bool domainRules = false; // the permission profile lists network domains
    bool proxyEnabled = false; // features.network_proxy: the only thing that enforces domain rules

    // Problems found while resolving (an undefined permission profile is an error: Codex refuses to start).
    Diagnostics diagnostics;

    // The dimension's value is this one (false when Codex would not start: no value).
    bool is(ApprovalPolicy value) const { return approvalPolicy.value == postureName(value); }
    bool is(SandboxMode value) const { return sandboxMode.value == postureName(value); }
    bool is(FilesystemAccess value) const { return filesystem.value == postureName(value); }
    bool is(NetworkAccess value) const { return network.value == postureName(value); }

    // "trust-default", "legacy" or "permission-profile".
    QString sandboxSystemName() const;

    static LocalPosture evaluate(
        const EffectiveConfig &config, const ProjectTrust &trust, const Requirements &requirements = {});
};

} // namespace Posture::Core
