// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonValue>

namespace Posture::Core {

struct Inspection;

// The identifier of the JSON report's format; resources/schema/report-1.schema.json documents it.
inline constexpr char JsonReportSchema[] = "codex-posture.report/1";

// The headless JSON report: one versioned document, secrets masked.
QByteArray renderJsonReport(const Inspection &inspection, const QDateTime &generatedAt);

// How every part of the report writes an optional text: the text, or null when it is empty.
QJsonValue stringOrNull(const QString &text);

} // namespace Posture::Core
