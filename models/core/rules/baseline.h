// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/diagnostic.h"
#include "core/rules/finding.h"

#include <QVariantMap>

namespace Posture::Core {

struct InspectionFacts;

// The intended posture: what an organisation allows per surface and dimension. A TOML file (README, "Baselines"):
//
//   [local]                        # the CLI and the IDE extension ([cli] or [ide] for one of them)
//   approval_policy = ["on-request", "granular"]
//   sandbox_mode = ["read-only", "workspace-write"]
//   network = ["restricted"]
//   enforced = true                # the machine must really enforce the sandbox
//   same_cli_and_ide = true
//   [cloud]
//   network = ["restricted"]
//   [severity]                     # of a drift, per dimension (default: medium)
//   network = "high"
class Baseline
{
public:
    struct Requirement
    {
        QString surface; // "cli", "ide" or "cloud"
        QString dimension; // "network", "enforced", ...
        QStringList allowed; // for value dimensions
        bool required = true; // for the boolean dimensions
        Severity severity = Severity::Medium;
        SourceLocation location;
    };

    QString file() const { return m_file; }
    const QList<Requirement> &requirements() const { return m_requirements; }

    // Reads and checks the file; problems (file, line, column, what to do) make it unusable.
    static Baseline load(const QString &path, Diagnostics &problems);
    // The baseline that implements the product's working rule (resources/baselines/working-rule.toml).
    static QString workingRulePath();

    // Where this machine differs from the baseline.
    Findings drift(const InspectionFacts &inspection) const;

private:
    QString m_file;
    QList<Requirement> m_requirements;
};

} // namespace Posture::Core
