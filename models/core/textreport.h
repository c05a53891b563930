// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

namespace Posture::Core {

struct Inspection;

// The plain-text report: what a terminal, an MDM log or a ticket shows. Prints no value from the config, so no
// secret can leak through it.
QString renderTextReport(const Inspection &inspection, const QDateTime &generatedAt);

} // namespace Posture::Core
