// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>

namespace Posture::Core {

struct Inspection;

// The identifier of the NDJSON lines' format (README "Reports").
inline constexpr char NdjsonReportSchema[] = "codex-posture.event/1";

// For Fleet, osquery and SIEMs: one compact JSON object per line. One line per finding ("event": "finding"), then
// always one summary line ("event": "summary": the verdicts and counts), so that a host with nothing to report still
// reports. Every line names the host (hostId), the time, codex-posture's version and the Codex versions found.
// With `redact` the host id is "<host>". Secrets are masked.
QByteArray renderNdjsonReport(const Inspection &inspection, const QDateTime &generatedAt, bool redact);

// A stable id of the inspected machine: /etc/machine-id (below --system-root) when readable, else /etc/hostname
// there, else this machine's host name. `source` says which: "machine-id" or "hostname".
QString hostId(const Inspection &inspection, QString *source = nullptr);

} // namespace Posture::Core
