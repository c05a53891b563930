// SPDX-License-Identifier: Apache-2.0
#pragma once

class QPalette;

namespace KSyntaxHighlighting {
class Repository;
class Theme;
} // namespace KSyntaxHighlighting

namespace Posture::Views {

// The one process-wide syntax definition repository (loading it is expensive; never make a second).
KSyntaxHighlighting::Repository &syntaxRepository();

// The highlighting theme that suits a palette: dark on a dark palette, light on a light one.
KSyntaxHighlighting::Theme themeForPalette(const QPalette &palette);

} // namespace Posture::Views
