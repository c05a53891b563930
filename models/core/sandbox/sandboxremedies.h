// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/sandbox/hostfacts.h"
#include "core/sandbox/sandboxcapability.h"

namespace Posture::Core::SandboxRemedies {

// Each remedy is text to read and commands to copy; the judge orders them smallest blast radius first.
Remedy installBubblewrap(const LinuxFacts &facts);
Remedy loadAppArmorProfile(const AppArmorProfile &profile);
Remedy installAppArmorProfile(const LinuxFacts &facts);
Remedy removeConflictingProfiles(const QList<AppArmorProfile> &profiles);
Remedy disableAppArmorRestriction();
Remedy enableUserNamespaces();
Remedy enableUnprivilegedUsernsClone();
Remedy containerUserNamespaces(const LinuxFacts &facts);
Remedy convertToWsl2();
Remedy removeLegacyLandlock(const QString &file);
Remedy restoreSandboxExec();
Remedy useElevatedWindowsSandbox();

} // namespace Posture::Core::SandboxRemedies
