// SPDX-License-Identifier: Apache-2.0
#include "core/rules/baseline.h"

#include "core/config/configdocument.h"
#include "core/rules/rulecontext.h"
#include "core/surfaces/inspectionfacts.h"

namespace Posture::Core {

namespace {

const QStringList LocalValueDimensions{QStringLiteral("approval_policy"), QStringLiteral("sandbox_mode"),
    QStringLiteral("filesystem"), QStringLiteral("network")};
const QStringList LocalFlagDimensions{QStringLiteral("enforced"), QStringLiteral("same_cli_and_ide")};
const QStringList CloudValueDimensions{
    QStringLiteral("network"), QStringLiteral("agent_internet"), QStringLiteral("http_methods")};

Diagnostic problem(const SourceLocation &location, const QString &text, const QString &hint)
{
    return {DiagnosticSeverity::Error, location, text, hint, QStringLiteral("baseline"), {}};
}

} // namespace

QString Baseline::workingRulePath()
{
    return QStringLiteral(":/posture/baselines/working-rule.toml");
}

Baseline Baseline::load(const QString &path, Diagnostics &problems)
{
    Baseline baseline;
    baseline.m_file = path;
    const ConfigDocument document = ConfigDocument::load(path);
    if (document.status() != ConfigDocument::Status::Parsed) {
        problems.append(document.problem().value_or(problem(
            {path, 0, 0}, QStringLiteral("the baseline file does not exist"), QStringLiteral("Check the path."))));
        return baseline;
    }
    QHash<QString, Severity> severities;
    const QVariantMap severityTable = document.value({QStringLiteral("severity")}).toMap();
    for (auto it = severityTable.cbegin(); it != severityTable.cend(); ++it) {
        const std::optional<Severity> severity = severityFromName(it.value().toString());
        if (!severity)
            problems.append(problem(document.location({QStringLiteral("severity"), it.key()}),
                QStringLiteral("severity.%1 must be info, low, medium, high or critical").arg(it.key()), {}));
        else
            severities.insert(it.key(), *severity);
    }
    const QVariantMap &root = document.root();
    for (auto table = root.cbegin(); table != root.cend(); ++table) {
        const QString section = table.key();
        if (section == u"severity")
            continue;
        const bool local = section == u"local" || section == u"cli" || section == u"ide";
        if (!local && section != u"cloud") {
            problems.append(problem(document.location({section}), QStringLiteral("unknown section [%1]").arg(section),
                QStringLiteral("Use [local], [cli], [ide], [cloud] or [severity].")));
            continue;
        }
        const QVariantMap entries = table.value().toMap();
        for (auto entry = entries.cbegin(); entry != entries.cend(); ++entry) {
            const QString dimension = entry.key();
            const SourceLocation location = document.location({section, dimension});
            const QStringList values = local ? LocalValueDimensions : CloudValueDimensions;
            Requirement requirement{{}, dimension, {}, true, severities.value(dimension, Severity::Medium), location};
            if (values.contains(dimension) && entry.value().typeId() == QMetaType::QVariantList) {
                requirement.allowed = entry.value().toStringList();
            } else if (local && LocalFlagDimensions.contains(dimension) && entry.value().typeId() == QMetaType::Bool) {
                requirement.required = entry.value().toBool();
            } else {
                problems.append(problem(location,
                    QStringLiteral("[%1] %2 is not a dimension codex-posture knows, or has "
                                   "the wrong type")
                        .arg(section, dimension),
                    QStringLiteral("Known: %1 (arrays of allowed values)%2.")
                        .arg(values.join(QStringLiteral(", ")),
                            local ? QStringLiteral("; enforced, same_cli_and_ide (true or false)") : QString())));
                continue;
            }
            const QStringList surfaces =
                section == u"local" ? QStringList{QStringLiteral("cli"), QStringLiteral("ide")} : QStringList{section};
            for (const QString &surface : surfaces) {
                requirement.surface = surface;
                baseline.m_requirements.append(requirement);
            }
        }
    }
    return baseline;
}

Findings Baseline::drift(const InspectionFacts &inspection) const
{
    Findings findings;
    Rules::Context context(inspection, findings);
    for (const Requirement &requirement : m_requirements) {
        const QString where = QStringLiteral("%1:%2").arg(requirement.location.file).arg(requirement.location.line);
        const auto add = [&](Surface surface, const Evidence &evidence, const QString &observed,
                             const QString &wanted) {
            context.add(RiskRules::Rule::BaselineDrift, requirement.surface + u'.' + requirement.dimension,
                Surfaces(surface), evidence,
                {.title = QStringLiteral("%1: %2 is %3; the baseline wants %4")
                        .arg(surfaceLabel(surface), requirement.dimension, observed, wanted),
                    .explanation = QStringLiteral(
                        "The intended posture (%1) and what this machine runs differ: policy that exists only "
                        "on paper protects nothing.")
                        .arg(where),
                    .remediation = QStringLiteral(
                        "Bring the machine to the baseline, or change the baseline if the intent changed.")},
                requirement.severity);
        };
        if (requirement.surface == u"cloud") {
            for (const CloudEnvironment &environment : inspection.cloud.environments) {
                const QString observed = requirement.dimension == u"network" ? environment.network()
                    : requirement.dimension == u"agent_internet"             ? environment.agentInternet
                                                                             : environment.httpMethods;
                if (!requirement.allowed.contains(observed))
                    add(Surface::Cloud,
                        Rules::Context::fact(environment.location.file,
                            QStringLiteral("%1: %2 = %3").arg(environment.name, requirement.dimension, observed)),
                        observed, requirement.allowed.join(QStringLiteral(" or ")));
            }
            continue;
        }
        const bool cli = requirement.surface == u"cli";
        if (!(cli ? inspection.codexStarts() : inspection.ideStarts()))
            continue; // Codex does not start: its refusal is a finding of its own
        const LocalPosture &posture = cli ? inspection.cli : inspection.ide;
        const Surface surface = cli ? Surface::Cli : Surface::Ide;
        if (requirement.dimension == u"enforced") {
            const Enforcement &enforcement = cli ? inspection.cliEnforcement : inspection.ideEnforcement;
            const bool enforced = enforcement.state == Enforcement::State::Enforced;
            if (requirement.required && !enforced)
                add(surface, Rules::Context::fact(QString(), enforcement.summary()), enforcement.summary(),
                    QStringLiteral("an enforced sandbox"));
            continue;
        }
        if (requirement.dimension == u"same_cli_and_ide") {
            const bool same = inspection.cli.approvalPolicy.value == inspection.ide.approvalPolicy.value
                && inspection.cli.sandboxMode.value == inspection.ide.sandboxMode.value
                && inspection.cli.network.value == inspection.ide.network.value;
            if (requirement.required && !same && cli)
                add(surface,
                    Rules::Context::fact(QString(), QStringLiteral("profile %1").arg(inspection.options.profile)),
                    QStringLiteral("different from the IDE"), QStringLiteral("the same as the IDE"));
            continue;
        }
        const PostureValue &cell = requirement.dimension == u"approval_policy" ? posture.approvalPolicy
            : requirement.dimension == u"sandbox_mode"                         ? posture.sandboxMode
            : requirement.dimension == u"filesystem"                           ? posture.filesystem
                                                                               : posture.network;
        if (!requirement.allowed.contains(cell.value))
            add(surface, context.evidence(cell), cell.value, requirement.allowed.join(QStringLiteral(" or ")));
    }
    return findings;
}

} // namespace Posture::Core
