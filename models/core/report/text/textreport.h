// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

namespace Posture::Core {

struct Inspection;

// The plain-text report: what a terminal, an MDM log or a ticket shows. The values it quotes as evidence have their
// secrets masked. ANSI colour only when asked (codex-posture asks on a terminal).
QString renderTextReport(const Inspection &inspection, const QDateTime &generatedAt, bool colour = false);

} // namespace Posture::Core
