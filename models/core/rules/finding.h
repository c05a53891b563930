// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/keypath.h"
#include "core/common/risklevel.h"

#include <QDate>
#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Posture::Core {

// How bad a finding is. Every level has a word and an icon name: never colour alone.
enum class Severity { Info, Low, Medium, High, Critical };

QString severityName(Severity severity); // "info", "low", "medium", "high", "critical"
QString severityIconName(Severity severity); // a freedesktop icon name
std::optional<Severity> severityFromName(const QString &name);

enum class Surface { Cli = 1, Ide = 2, Cloud = 4 };
Q_DECLARE_FLAGS(Surfaces, Surface)
Q_DECLARE_OPERATORS_FOR_FLAGS(Surfaces)

QStringList surfaceNames(Surfaces surfaces); // {"cli", "ide"}
QString surfaceLabel(Surface surface); // "CLI", "IDE extension", "Cloud"

// Where a finding comes from: the value and the file, line and layer that set it.
struct Evidence
{
    QString layer; // "user", "profile", "project", ...; empty for facts that are not in a file
    QString file;
    int line = 0;
    int column = 0;
    QString keyPath; // "sandbox_workspace_write.network_access"
    QString value; // as TOML would show it; secrets masked
    KeyPath path; // keyPath as keys (a fix edits it)
};

// A finding someone decided to live with, from the --accept file.
struct Acceptance
{
    QString reason;
    QString owner;
    QDate expires;
    bool expired = false; // the finding counts again
};

struct Finding
{
    QString id; // stable across runs: "<rule>" or "<rule>:<subject>"; what accepted-risk files name
    QString ruleId;
    Severity severity = Severity::Info;
    Surfaces surfaces;
    QString title;
    Evidence evidence;
    QString explanation; // what it means, including what an attacker could do with it
    QString remediation;
    QString reference; // a link to read more
    QString fixId; // the guided fix, when one exists
    std::optional<Acceptance> acceptance;

    bool isAccepted() const { return acceptance && !acceptance->expired; }
};

using Findings = QList<Finding>;

// Most severe first, then by id: the same input always lists the same way.
void sortFindings(Findings &findings);

// The overall verdict of one surface, derived from its findings that are not accepted.
struct SurfaceVerdict
{
    std::optional<Severity> worst; // none: nothing above info
    int counts[5] = {}; // by Severity, findings not accepted
    int accepted = 0;

    // "ok", "low risk", "attention", "at risk", "critical"
    QString word() const;
    static SurfaceVerdict of(const Findings &findings, Surfaces surfaces); // a finding about any of them counts once
};

RiskLevel riskOf(Severity severity);
// ok when no finding above info counts (as SurfaceVerdict::word() says "ok"), else the worst finding's level.
RiskLevel riskOf(const SurfaceVerdict &verdict);

} // namespace Posture::Core
