// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace Posture::Core {

// Words wrapped to fit an 80-column terminal, each line indented by `indent` spaces and ending in a newline. A word
// longer than the line (a path) gets a line of its own.
QString wrapped(const QString &text, int indent);

} // namespace Posture::Core
