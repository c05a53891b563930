// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

namespace Posture::App {

// The window lives in a module (codex-posture-window.so) that is loaded only when a window is wanted, so that the
// headless reports start with QtCore alone: no Qt Gui, Widgets or KSyntaxHighlighting is loaded for them.
using RunWindowFunction = int (*)(
    int &argc, char **argv, const Core::InspectOptions &options, const QString &screenshot);

// The exported name of the module's RunWindowFunction.
inline constexpr char RunWindowSymbol[] = "codex_posture_run_window";

// Loads the window module and runs the window; on failure returns 2 after saying why on stderr.
int runWindow(int &argc, char **argv, const Core::InspectOptions &options, const QString &screenshot);

} // namespace Posture::App
