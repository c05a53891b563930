// SPDX-License-Identifier: Apache-2.0
// Rules on what each local surface may do: full access, approvals, network, enforcement, CLI versus IDE.
#include "core/rules/rulecontext.h"

namespace Posture::Core::Rules {

namespace {

struct LocalSurface
{
    Surface surface;
    const LocalPosture &posture;
    const Enforcement &enforcement;
    bool starts;
};

void judgeSurface(Context &context, const LocalSurface &local)
{
    const LocalPosture &posture = local.posture;
    const bool fullAccess =
        posture.filesystem.value == u"unrestricted" || posture.sandboxMode.value == u"danger-full-access";
    const bool never = posture.approvalPolicy.value == u"never";
    const bool network = posture.network.value == u"enabled";
    const Surfaces surfaces(local.surface);

    if (fullAccess && never && network) {
        context.add({findingId(
                         QStringLiteral("unattended-full-access"), keyPathToString(posture.sandboxMode.decidedBy)),
            QStringLiteral("unattended-full-access"), Severity::Critical, surfaces,
            QStringLiteral("Full access, never asks, network on"), context.evidence(posture.sandboxMode),
            QStringLiteral("Codex runs any command with the user's full rights, never stops to ask, and can reach the "
                           "internet. One prompt injection (a README, an issue, a web page, a tool's output) is enough "
                           "for it to read SSH keys, cloud credentials and tokens and send them anywhere, or to "
                           "change any file the user can."),
            QStringLiteral("Keep a sandbox and approvals as the standing configuration: sandbox_mode = "
                           "\"workspace-write\" and approval_policy = \"on-request\". Use full access for one "
                           "session only (codex --sandbox danger-full-access), inside a disposable container."),
            SandboxDocs, {}, {}});
    }
    if (fullAccess) {
        context.add({findingId(QStringLiteral("full-access"), keyPathToString(posture.sandboxMode.decidedBy)),
            QStringLiteral("full-access"), Severity::High, surfaces, QStringLiteral("No sandbox: danger-full-access"),
            context.evidence(posture.sandboxMode),
            QStringLiteral("Commands run without any filesystem or network sandbox. Anything that steers the model "
                           "(a poisoned file, a malicious dependency's output) can read and change every file the "
                           "user can, credentials included."),
            QStringLiteral("Set sandbox_mode = \"workspace-write\" (or default_permissions = \":workspace\"), and "
                           "grant full access per session when it is really needed."),
            SandboxDocs, {}, {}});
    }
    if (never) {
        context.add({findingId(QStringLiteral("approval-never"), keyPathToString(posture.approvalPolicy.decidedBy)),
            QStringLiteral("approval-never"), Severity::Medium, surfaces,
            QStringLiteral("Codex never asks for approval"), context.evidence(posture.approvalPolicy),
            QStringLiteral("Codex never stops to ask before a command needs more than the sandbox allows; what the "
                           "sandbox does not stop, nobody reviews. Combined with a weak or unenforced sandbox, an "
                           "injected instruction runs unseen."),
            QStringLiteral("Set approval_policy = \"on-request\" (or a granular policy) as the standing "
                           "configuration; use --ask-for-approval never only for supervised, sandboxed runs."),
            SandboxDocs, {}, {}});
    }
    if (network && !fullAccess && !(posture.domainRules && posture.proxyEnabled)) {
        context.add({findingId(QStringLiteral("network-enabled"), keyPathToString(posture.network.decidedBy)),
            QStringLiteral("network-enabled"), Severity::Medium, surfaces,
            QStringLiteral("Sandboxed commands can reach the whole internet"), context.evidence(posture.network),
            QStringLiteral("Network access is on with no enforced domain allowlist: a command the model runs can "
                           "download and run code, or send whatever it can read (the workspace, environment "
                           "variables) to any host."),
            QStringLiteral("Turn agent network access off (sandbox_workspace_write.network_access = false), or allow "
                           "only the domains needed with a permission profile and features.network_proxy enabled."),
            SandboxDocs, {}, {}});
    }
    // The configuration asks for a sandbox that the machine does not give.
    const bool wantsSandbox = !(posture.filesystem.value == u"unrestricted" && network);
    if (local.starts && wantsSandbox && local.enforcement.state != Enforcement::State::Enforced) {
        const bool notEnforced = local.enforcement.state == Enforcement::State::NotEnforced;
        const Capability *bwrap = nullptr;
        for (const Capability &probe : context.inspection.sandbox.probes) {
            if (probe.id == u"bubblewrap")
                bwrap = &probe;
        }
        QString remediation;
        for (const Remedy &remedy : local.enforcement.remedies)
            remediation += (remediation.isEmpty() ? QString() : QStringLiteral(" Otherwise: ")) + remedy.text
                + (remedy.commands.isEmpty()
                        ? QString()
                        : QStringLiteral(" (") + remedy.commands.split(u'\n').join(QStringLiteral("; ")) + u')');
        context.add({notEnforced ? QStringLiteral("sandbox-not-enforced")
                                 : QStringLiteral("sandbox-enforcement-unknown"),
            notEnforced ? QStringLiteral("sandbox-not-enforced") : QStringLiteral("sandbox-enforcement-unknown"),
            notEnforced ? Severity::High : Severity::Low, surfaces,
            notEnforced ? QStringLiteral("The sandbox is configured but not enforced")
                        : QStringLiteral("Whether the sandbox is enforced is unknown"),
            Context::fact(bwrap ? bwrap->evidence : QString(), local.enforcement.summary()),
            notEnforced ? QStringLiteral("Codex is configured to sandbox commands, but this machine cannot: %1. "
                                         "Sandboxed commands fail, and users then approve every escalation or switch "
                                         "to full access, which leaves no boundary at all.")
                              .arg(local.enforcement.reason)
                        : QStringLiteral("codex-posture could not tell whether this machine enforces Codex's sandbox: "
                                         "%1.")
                              .arg(local.enforcement.reason),
            remediation.isEmpty() ? QStringLiteral("Run codex-posture without --no-live-probe on this machine to "
                                                   "try the sandbox for real.")
                                  : remediation,
            SandboxDocs, {}, {}});
    }
}

} // namespace

void postureRules(Context &context)
{
    const Inspection &inspection = context.inspection;
    if (inspection.codexStarts())
        judgeSurface(context, {Surface::Cli, inspection.cli, inspection.cliEnforcement, true});
    if (inspection.ideStarts())
        judgeSurface(context, {Surface::Ide, inspection.ide, inspection.ideEnforcement, true});

    if (inspection.codexStarts() && inspection.ideStarts()) {
        QStringList differences;
        const auto compare = [&](const QString &name, const PostureValue &cli, const PostureValue &ide) {
            if (cli.value != ide.value)
                differences.append(QStringLiteral("%1: CLI %2, IDE %3").arg(name, cli.value, ide.value));
        };
        compare(QStringLiteral("approval"), inspection.cli.approvalPolicy, inspection.ide.approvalPolicy);
        compare(QStringLiteral("sandbox"), inspection.cli.sandboxMode, inspection.ide.sandboxMode);
        compare(QStringLiteral("network"), inspection.cli.network, inspection.ide.network);
        if (!differences.isEmpty()) {
            context.add({QStringLiteral("surfaces-differ"), QStringLiteral("surfaces-differ"), Severity::Medium,
                Surfaces(Surface::Cli) | Surface::Ide, QStringLiteral("CLI and IDE run on different baselines"),
                Context::fact(QString(), differences.join(QStringLiteral("; "))),
                QStringLiteral("The CLI and the IDE extension run on the same laptop with the same credentials, so "
                               "they are one risk tier; here the profile `%1` gives the CLI a different posture. "
                               "Whichever surface is more open is the one an attacker will use.")
                    .arg(inspection.options.profile),
                QStringLiteral("Give both the same sandbox and approval baseline: keep the profile's differences to "
                               "model and reasoning settings."),
                ConfigDocs, {}, {}});
        }
    }

    const KeyPath hideWarning{QStringLiteral("notice"), QStringLiteral("hide_full_access_warning")};
    if (inspection.config.value(hideWarning) == QVariant(true)) {
        context.add({findingId(QStringLiteral("full-access-warning-hidden"), keyPathToString(hideWarning)),
            QStringLiteral("full-access-warning-hidden"), Severity::Low, context.localSurfaces(),
            QStringLiteral("The full-access warning is switched off"), context.evidence(hideWarning),
            QStringLiteral("Codex no longer warns when it runs with full access, so a profile or flag that turns the "
                           "sandbox off goes unnoticed."),
            QStringLiteral("Remove notice.hide_full_access_warning (or set it to false)."), ConfigDocs, {}, {}});
    }
}

} // namespace Posture::Core::Rules
