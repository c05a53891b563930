// SPDX-License-Identifier: Apache-2.0
// Rules on the cloud surface, as declared (--cloud) or documented: never observed from here.
#include "core/rules/rulecontext.h"

namespace Posture::Core::Rules {

void cloudRules(Context &context)
{
    const Inspection &inspection = context.inspection;
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
            context.add({findingId(QStringLiteral("cloud-internet-unrestricted"), environment.name),
                QStringLiteral("cloud-internet-unrestricted"), Severity::Medium, Surface::Cloud,
                QStringLiteral("Cloud environment `%1`: the agent reaches every domain").arg(environment.name),
                evidence,
                QStringLiteral("During the agent phase, code the model runs in this environment can reach any host: "
                               "a prompt injection can send the repository or what the setup script left behind "
                               "anywhere."),
                QStringLiteral("Use the common-dependencies allowlist plus the few extra domains needed."), CloudDocs,
                {}, {}});
        }
        if (environment.httpMethods == u"all") {
            context.add({findingId(QStringLiteral("cloud-all-http-methods"), environment.name),
                QStringLiteral("cloud-all-http-methods"), Severity::Low, Surface::Cloud,
                QStringLiteral("Cloud environment `%1`: all HTTP methods allowed").arg(environment.name), evidence,
                QStringLiteral("POST, PUT and DELETE to allowed domains let code in the environment send data out "
                               "and change things there, not only download."),
                QStringLiteral("Limit agent internet access to GET, HEAD and OPTIONS."), CloudDocs, {}, {}});
        }
    }
    if (cloudRestricted && inspection.codexStarts() && inspection.cli.network.value == u"enabled") {
        context.add({QStringLiteral("cli-more-open-than-cloud"), QStringLiteral("cli-more-open-than-cloud"),
            Severity::Low, Surfaces(Surface::Cli) | Surface::Cloud,
            QStringLiteral("The laptop is more open than the cloud"), context.evidence(inspection.cli.network),
            QStringLiteral("The cloud's agent phase has no open internet here, but the CLI does, on the machine that "
                           "holds the user's credentials: the safer-looking place is the cloud, not the laptop."),
            QStringLiteral("Bring the CLI to at least the cloud's posture: network access off, or an enforced "
                           "allowlist."),
            SandboxDocs, {}, {}});
    }
}

} // namespace Posture::Core::Rules
