// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QStringList>

namespace Posture::Core {

struct InspectionFacts;

namespace FixSafety {

// Every way the posture after a fix is more open than before, in words ("CLI network: restricted → enabled"): the
// approval policy, the sandbox mode, filesystem, network, live web search, trusted projects, writable roots and MCP
// servers, for the CLI and the IDE extension. Empty when nothing widens. A surface whose Codex refused to start before
// is not compared (it ran nothing); one that refuses after the fix is the closest posture there is.
QStringList widenings(const InspectionFacts &before, const InspectionFacts &after);

// The widenings of writing `bytes` to the layer file `file` of this inspection, judged on the configuration alone
// before anything is written.
QStringList widenedBy(const InspectionFacts &before, const QString &file, const QByteArray &bytes);

} // namespace FixSafety

} // namespace Posture::Core
