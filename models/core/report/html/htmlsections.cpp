// SPDX-License-Identifier: Apache-2.0
// The HTML report's facts: the layers and what Codex says about them, the sandbox and the machine, accepted risks
// and the baseline, the versions.
#include "core/common/risklevel.h"
#include "core/common/secrets.h"
#include "core/common/version.h"
#include "core/inspection.h"
#include "core/report/html/htmlparts.h"
#include "core/report/html/htmltext.h"
#include "core/report/layerstatus.h"
#include "core/report/reportparts.h"

namespace Posture::Core::HtmlReport {

namespace {

QString optionalNumber(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QStringLiteral("not set");
}

// What the probes read from the machine, beside their verdicts.
QString machineFacts(const HostFacts &facts, const HtmlText &html)
{
    QString text = QStringLiteral("<h3>The machine</h3>\n<table class=\"facts\" width=\"100%\">\n");
    const auto fact = [&text](const QString &label, const QString &value) { text += HtmlText::row({label, value}); };
    fact(QStringLiteral("platform"), html.text(hostPlatformName(facts.platform)));
    if (!facts.codexPath.isEmpty())
        fact(QStringLiteral("codex judged"), html.code(facts.codexPath));
    if (facts.platform == HostPlatform::Linux) {
        const LinuxFacts &os = facts.linuxFacts;
        fact(QStringLiteral("system"), html.text(os.osName.isEmpty() ? QStringLiteral("unknown") : os.osName));
        fact(QStringLiteral("kernel"),
            html.text(os.kernelRelease.isEmpty() ? QStringLiteral("unknown") : os.kernelRelease));
        fact(QStringLiteral("user namespaces"),
            html.text(QStringLiteral("user.max_user_namespaces %1, unprivileged_userns_clone %2, "
                                     "apparmor_restrict_unprivileged_userns %3")
                    .arg(optionalNumber(os.maxUserNamespaces), optionalNumber(os.unprivilegedUsernsClone),
                        optionalNumber(os.apparmorRestrictUserns))));
        fact(QStringLiteral("security modules"),
            html.text(os.securityModules.isEmpty() ? QStringLiteral("none read")
                                                   : os.securityModules.join(QStringLiteral(", "))));
        fact(QStringLiteral("seccomp"),
            html.text(os.seccompMode ? QStringLiteral("mode %1").arg(*os.seccompMode)
                                     : QStringLiteral("not in this kernel")));
        if (!os.container.isEmpty())
            fact(QStringLiteral("container"),
                html.text(os.container + QStringLiteral(" (") + os.containerEvidence + u')'));
        const Bubblewrap &bwrap = facts.bwrap;
        fact(QStringLiteral("bubblewrap"),
            bwrap.path.isEmpty() ? html.text(QStringLiteral("none found"))
                                 : QString(html.code(bwrap.path) + QStringLiteral(" (") + html.text(bwrap.sourceName())
                                       + QStringLiteral(", ")
                                       + html.text(bwrap.version.isEmpty() ? QStringLiteral("version unknown")
                                                                           : QStringLiteral("version ") + bwrap.version)
                                       + (bwrap.setuid ? QStringLiteral(", setuid root") : QString()) + u')'));
    } else if (facts.platform == HostPlatform::MacOS) {
        fact(QStringLiteral("Seatbelt"),
            html.text(facts.sandboxExec ? QStringLiteral("/usr/bin/sandbox-exec present")
                                        : QStringLiteral("/usr/bin/sandbox-exec missing")));
    }
    return text + QStringLiteral("</table>\n");
}

QString enforcementRow(const QString &label, const Enforcement &enforcement, const HtmlText &html)
{
    return HtmlText::row(
        {label, html.risk(riskOf(enforcement), enforcement.stateName()), html.text(enforcement.summary())});
}

} // namespace

QString layers(const Inspection &inspection, const HtmlText &html)
{
    QString text = QStringLiteral("<section id=\"layers\">\n<h2>Configuration files, lowest precedence first</h2>\n"
                                  "<table class=\"list\" width=\"100%\">\n")
        + HtmlText::row({QStringLiteral("Layer"), QStringLiteral("File"), QStringLiteral("Status")}, true);
    for (const ConfigLayer &layer : inspection.layers) {
        if (layer.kind == ConfigLayer::Kind::User || layer.exists())
            text += HtmlText::row({html.text(layer.kindName()), html.code(layer.document.path()),
                html.risk(layerRisk(layer), layerStatus(layer))});
    }
    text += QStringLiteral("</table>\n");
    if (inspection.userConfig().status() == ConfigDocument::Status::Missing)
        text += QStringLiteral("<p>No config.toml: Codex starts with its built-in defaults.</p>\n");
    if (!inspection.messages.isEmpty()) {
        text += QStringLiteral("<h3>What Codex says about them</h3>\n<ul>\n");
        for (const Diagnostic &message : inspection.messages) {
            text += QStringLiteral("<li><strong>%1</strong> %2 %3")
                        .arg(html.text(severityWord(message.severity)), html.code(message.location.toString()),
                            html.text(Secrets::maskText(message.text)));
            if (!message.hint.isEmpty())
                text += QStringLiteral(" (%1)").arg(html.text(message.hint));
            text += QStringLiteral("</li>\n");
        }
        text += QStringLiteral("</ul>\n");
    }
    return text + QStringLiteral("</section>\n");
}

QString sandbox(const Inspection &inspection, const HtmlText &html)
{
    const SandboxCapability &capability = inspection.sandbox;
    QString text = QStringLiteral(
        "<section id=\"sandbox\">\n<h2>Sandbox enforcement</h2>\n<table class=\"list\" width=\"100%\">\n");
    text += enforcementRow(QStringLiteral("CLI"), inspection.cliEnforcement, html);
    text += enforcementRow(QStringLiteral("IDE extension"), inspection.ideEnforcement, html);
    text += enforcementRow(QStringLiteral("a sandboxed Codex"), capability.machine, html);
    text += QStringLiteral("</table>\n");
    if (!capability.probes.isEmpty()) {
        text += QStringLiteral("<h3>Probes</h3>\n<table class=\"list\" width=\"100%\">\n")
            + HtmlText::row({QStringLiteral("Probe"), QStringLiteral("State"), QStringLiteral("Evidence")}, true);
        for (const Capability &probe : capability.probes)
            text += HtmlText::row(
                {html.code(probe.id), html.risk(riskOf(probe), probe.stateName()), html.text(probe.evidence)});
        text += QStringLiteral("</table>\n");
    }
    text += machineFacts(capability.facts, html);
    const QList<Remedy> remedies = sandboxRemedies(inspection);
    if (!remedies.isEmpty()) {
        text += QStringLiteral("<h3>What to do, smallest change first</h3>\n<p>codex-posture runs none of it.</p>\n"
                               "<ol>\n");
        for (const Remedy &remedy : remedies) {
            text += QStringLiteral("<li>") + html.text(remedy.text);
            if (!remedy.commands.isEmpty())
                text += QStringLiteral("<pre>%1</pre>").arg(html.text(remedy.commands.trimmed()));
            text += QStringLiteral("</li>\n");
        }
        text += QStringLiteral("</ol>\n");
    }
    return text + QStringLiteral("</section>\n");
}

QString acceptedAndBaseline(const Inspection &inspection, const HtmlText &html)
{
    QString text = QStringLiteral("<section id=\"accepted\">\n<h2>Accepted risks and baseline</h2>\n"
                                  "<table class=\"facts\" width=\"100%\">\n");
    const auto file = [&html](
                          const QString &path) { return path.isEmpty() ? QStringLiteral("none") : html.code(path); };
    text += HtmlText::row({QStringLiteral("accepted risks"), file(inspection.options.acceptFile)});
    text += HtmlText::row({QStringLiteral("baseline"), file(inspection.options.baselineFile)});
    text += QStringLiteral("</table>\n");
    QString accepted;
    for (const Finding &finding : inspection.findings) {
        if (finding.acceptance)
            accepted += HtmlText::row({html.text(Secrets::maskText(finding.title)), html.code(finding.id),
                html.text(acceptanceText(*finding.acceptance))});
    }
    if (!accepted.isEmpty())
        text += QStringLiteral("<table class=\"list\" width=\"100%\">\n")
            + HtmlText::row({QStringLiteral("Finding"), QStringLiteral("Id"), QStringLiteral("Acceptance")}, true)
            + accepted + QStringLiteral("</table>\n");
    for (const Diagnostic &problem : inspection.inputProblems)
        text += QStringLiteral("<p><strong>%1</strong> %2 %3</p>\n")
                    .arg(html.text(severityWord(problem.severity)), html.code(problem.location.toString()),
                        html.text(problem.text));
    return text + QStringLiteral("</section>\n");
}

QString versions(const Inspection &inspection, const HtmlText &html)
{
    QString text =
        QStringLiteral("<section id=\"versions\">\n<h2>Versions</h2>\n<table class=\"list\" width=\"100%\">\n")
        + HtmlText::row({QStringLiteral("Program"), QStringLiteral("Version"), QStringLiteral("Path")}, true)
        + HtmlText::row({QStringLiteral("codex-posture"), html.code(toolVersion()), QString()})
        + HtmlText::row(
            {QStringLiteral("Judged as Codex release"), html.text(judgingReleaseText(inspection)), QString()});
    for (const CodexBinary &binary : inspection.binaries)
        text += HtmlText::row({QStringLiteral("codex (%1)").arg(html.text(binary.source)),
            binary.version.isEmpty() ? html.text(QStringLiteral("unknown: ") + binary.error)
                                     : html.code(binary.version),
            html.code(binary.path)});
    if (inspection.binaries.isEmpty())
        text += HtmlText::row(
            {QStringLiteral("codex"), html.text(QStringLiteral("not asked (no live probe) or not found")), QString()});
    return text + QStringLiteral("</table>\n</section>\n");
}

} // namespace Posture::Core::HtmlReport
