// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

namespace Posture::App {

// What the window is asked for beyond the scope: a screenshot instead of a session, and with which palette.
struct WindowRequest
{
    QString screenshot; // save a PNG of the settled window here and quit; empty: an ordinary window
    bool dark = false; // the screenshot with the fixed dark palette (else the fixed light one)
};

// The window lives in a module (codex-posture-window.so) that is loaded only when a window is wanted, so that the
// headless reports start with QtCore alone: no Qt Gui, Widgets or KSyntaxHighlighting is loaded for them.
using RunWindowFunction = int (*)(
    int &argc, char **argv, const Core::InspectOptions &options, const WindowRequest &request);

// The PDF report: the page (the HTML report for Qt's rich-text engine) written as a PDF to path, with the fonts of a
// QGuiApplication on the offscreen platform (no display needed). Returns the exit status; says why on stderr.
using WritePdfFunction = int (*)(int &argc, char **argv, const QByteArray &page, const QString &path);

// What the module exports, under one C name: a versioned description that the executable checks before it calls any
// C++ through it. Both sides link the same shared posture_core; the check makes sure it is the same build of it too.
struct WindowModuleInterface
{
    int abiVersion; // WindowModuleAbi of the module's build: the layout of this struct and RunWindowFunction
    const char *coreVersion; // POSTURE_VERSION of the module's build
    RunWindowFunction run;
    WritePdfFunction writePdf;
};
inline constexpr int WindowModuleAbi = 3;
inline constexpr char WindowModuleSymbol[] = "codex_posture_window_module";
using WindowModuleEntry = const WindowModuleInterface *(*)();

// Loads the window module and runs the window; on failure returns 2 after saying why on stderr.
int runWindow(int &argc, char **argv, const Core::InspectOptions &options, const WindowRequest &request);
// Loads the window module and writes the PDF report with it; on failure returns 2 after saying why on stderr.
int writePdf(int &argc, char **argv, const QByteArray &page, const QString &path);

} // namespace Posture::App
