// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>

namespace Posture::Core {

struct Inspection;

// The report as GitHub-flavoured Markdown, for a ticket or a pull request: the sections of the text report, compact,
// tables side by side, every level as a word, paths and values in code spans, secrets masked.
QString renderMarkdownReport(const Inspection &inspection, const QDateTime &generatedAt);

// Its findings: one short block each, most severe first, with evidence, what to do and the guided fix.
QString markdownFindings(const Inspection &inspection);

} // namespace Posture::Core
