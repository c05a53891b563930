// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "commandline.h"

namespace Posture::App {

// --fix FIX|all [--dry-run] [--yes] and --undo, for onboarding scripts. Returns the exit status.
int runFixCommand(const CommandLine &commandLine);

// --remove-backups [--yes]: the backups fixes left next to the inspected configuration files, listed (and removed
// with --yes; never in a copied machine). Returns the exit status.
int runRemoveBackups(const CommandLine &commandLine);

} // namespace Posture::App
