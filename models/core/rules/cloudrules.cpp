// SPDX-License-Identifier: Apache-2.0
// Rules on the cloud surface, as declared (--cloud) or documented: never observed from here.
#include "core/rules/rulecontext.h"

namespace Posture::Core::Rules {

void cloudRules(Context &context)
{
    const InspectionFacts &inspection = context.inspection;
    const CloudSurface &cloud = inspection.cloud;
    bool cloudRestricted = true;
    for (const CloudEnvironment &environment : cloud.environments) {
        const Evidence evidence{QStringLiteral("cloud (%1)").arg(cloud.source), environment.location.file,
            environment.location.line, environment.location.column,
            QStringLiteral("environments.\"%1\"").arg(environment.name),
            QStringLiteral("agent_internet = %1, allowlist = %2, http_methods = %3")
                .arg(environment.agentInternet, environment.allowlist, environment.httpMethods)};
        if (environment.network() == u"enabled")
            cloudRestricted = false;
        if (environment.agentInternet != u"on")
            continue;
        if (environment.allowlist == u"all") {
            context.add(Rule::CloudInternetUnrestricted, environment.name, Surface::Cloud, evidence,
                {.title =
                        QStringLiteral("Cloud environment `%1`: the agent reaches every domain").arg(environment.name),
                    .explanation = QStringLiteral(
                        "During the agent phase, code the model runs in this environment can reach any host: "
                        "a prompt injection can send the repository or what the setup script left behind "
                        "anywhere."),
                    .remediation =
                        QStringLiteral("Use the common-dependencies allowlist plus the few extra domains needed.")});
        }
        if (environment.httpMethods == u"all") {
            context.add(Rule::CloudAllHttpMethods, environment.name, Surface::Cloud, evidence,
                {.title = QStringLiteral("Cloud environment `%1`: all HTTP methods allowed").arg(environment.name),
                    .explanation = QStringLiteral(
                        "POST, PUT and DELETE to allowed domains let code in the environment send data out "
                        "and change things there, not only download."),
                    .remediation = QStringLiteral("Limit agent internet access to GET, HEAD and OPTIONS.")});
        }
    }
    if (cloudRestricted && inspection.codexStarts() && inspection.cli.is(NetworkAccess::Enabled)) {
        context.add(Rule::CliMoreOpenThanCloud, {}, Surfaces(Surface::Cli) | Surface::Cloud,
            context.evidence(inspection.cli.network),
            {.title = QStringLiteral("The laptop is more open than the cloud"),
                .explanation = QStringLiteral(
                    "The cloud's agent phase has no open internet here, but the CLI does, on the machine that "
                    "holds the user's credentials: the safer-looking place is the cloud, not the laptop."),
                .remediation =
                    QStringLiteral("Bring the CLI to at least the cloud's posture: network access off, or an enforced "
                                   "allowlist.")});
    }
}

} // namespace Posture::Core::Rules
