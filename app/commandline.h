// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

namespace Posture::App {

// codex-posture's command line, parsed and checked before any QCoreApplication exists (which kind to create
// depends on it).
struct CommandLine
{
    static constexpr int Continue = -1;

    Core::InspectOptions options;
    QString report; // a format of Core::reportFormats(), or empty: the window when there is a display
    QString outputFile; // --output FILE: the report goes there instead of to stdout
    bool redact = false; // --redact
    QString screenshot;
    bool dark = false; // --dark: the screenshot with the dark palette
    std::optional<Core::Severity> failOn; // --fail-on: exit 1 when a finding at or above it is not accepted
    QString fix; // --fix FIX_ID|all
    bool dryRun = false; // --dry-run: show the diff only
    bool yes = false; // --yes: write without asking
    bool undo = false; // --undo: restore the bytes from before the last fix
    bool removeBackups = false; // --remove-backups: list (and with --yes remove) the fixes' backups
    QString patch; // --patch FILE: write the fixes as one patch for a copy of the home, and no config file
    // Said on standard error before the work starts (which home of a copied machine is inspected).
    QString notice;
    // When exitCode is not Continue: print output (to stdout for 0, stderr otherwise) and exit with it.
    int exitCode = Continue;
    QString output;

    // The options named on the command line ("report", "fix", ...), for validate().
    QStringList given;

    static CommandLine parse(int argc, char *argv[]);
    // Why these options do not go together, or name what does not exist (a directory, a file, a report format, a
    // Codex release); empty when they are fine.
    QString validate() const;
};

} // namespace Posture::App
