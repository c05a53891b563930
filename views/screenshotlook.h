// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPalette>

class QApplication;

namespace Posture::Views {

// The look screenshots are taken with, the same on every machine: the Fusion style, a fixed light or dark palette
// (Breeze's colours), device pixel ratio 1 (the offscreen platform's). `--screenshot` and the GUI tests use it.
QPalette screenshotPalette(bool dark);
void useScreenshotLook(QApplication &application, bool dark);

} // namespace Posture::Views
