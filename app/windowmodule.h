// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

namespace Posture::App {

// The window lives in a module (codex-posture-window.so) that is loaded only when a window is wanted, so that the
// headless reports start with QtCore alone: no Qt Gui, Widgets or KSyntaxHighlighting is loaded for them.
using RunWindowFunction = int (*)(
    int &argc, char **argv, const Core::InspectOptions &options, const QString &screenshot);

// What the module exports, under one C name: a versioned description that the executable checks before it calls any
// C++ through it. Both sides link the same shared posture_core; the check makes sure it is the same build of it too.
struct WindowModuleInterface
{
    int abiVersion; // WindowModuleAbi of the module's build: the layout of this struct and RunWindowFunction
    const char *coreVersion; // POSTURE_VERSION of the module's build
    RunWindowFunction run;
};
inline constexpr int WindowModuleAbi = 1;
inline constexpr char WindowModuleSymbol[] = "codex_posture_window_module";
using WindowModuleEntry = const WindowModuleInterface *(*)();

// Loads the window module and runs the window; on failure returns 2 after saying why on stderr.
int runWindow(int &argc, char **argv, const Core::InspectOptions &options, const QString &screenshot);

} // namespace Posture::App
