// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

namespace Posture::App {

// Prints the problems of the files named on the command line (--baseline, --accept) to stderr, each as
// "file:line:column: ..." with what to do under it. Returns true when one makes its file unusable: the caller exits
// with status 2, whatever it was asked to do (a report, --fix, --undo).
bool reportInputProblems(const Core::Diagnostics &problems);

// The problems of the --baseline and --accept files alone, read without inspecting anything (for --undo).
Core::Diagnostics inputFileProblems(const Core::InspectOptions &options);

} // namespace Posture::App
