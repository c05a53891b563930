// SPDX-License-Identifier: Apache-2.0
// Rules on what each local surface may do: full access, approvals, network, enforcement, CLI versus IDE.
#include "core/common/systemroot.h"
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

// The sandbox is configured but the machine does not (or may not) enforce it.
void judgeEnforcement(Context &context, const LocalSurface &local)
{
    const Enforcement &enforcement = local.enforcement;
    const Capability *bwrap = nullptr;
    for (const Capability &probe : context.inspection.sandbox.probes) {
        if (probe.id == u"bubblewrap")
            bwrap = &probe;
    }
    QString remediation;
    for (const Remedy &remedy : enforcement.remedies)
        remediation += (remediation.isEmpty() ? QString() : QStringLiteral(" Otherwise: ")) + remedy.text
            + (remedy.commands.isEmpty()
                    ? QString()
                    : QStringLiteral(" (") + remedy.commands.split(u'\n').join(QStringLiteral("; ")) + u')');
    if (remediation.isEmpty())
        remediation = QStringLiteral("Run codex-posture without --no-live-probe on this machine to try the sandbox for "
                                     "real.");
    const bool notEnforced = enforcement.state == Enforcement::State::NotEnforced;
    // Nothing was tried (--no-live-probe, or a copied machine): an open question, not a risk found.
    const bool probed =
        context.inspection.options.runPrograms && SystemRoot(context.inspection.options.systemRoot).isLive();
    const QString explanation = notEnforced
        ? QStringLiteral("Codex is configured to sandbox commands, but this machine cannot: %1. Sandboxed commands "
                         "fail, and users then approve every escalation or switch to full access, which leaves no "
                         "boundary at all.")
        : QStringLiteral("codex-posture could not tell whether this machine enforces Codex's sandbox: %1.");
    context.add(notEnforced ? Rule::SandboxNotEnforced : Rule::SandboxEnforcementUnknown, {}, Surfaces(local.surface),
        Context::fact(bwrap ? bwrap->evidence : QString(), enforcement.summary()),
        {.title = notEnforced ? QStringLiteral("The sandbox is configured but not enforced")
                : probed      ? QStringLiteral("Whether the sandbox is enforced is unknown")
                              : QStringLiteral("Whether the sandbox is enforced was not probed"),
            .explanation = explanation.arg(enforcement.reason),
            .remediation = remediation},
        notEnforced || probed ? std::nullopt : std::optional(Severity::Info));
}

void judgeSurface(Context &context, const LocalSurface &local)
{
    const LocalPosture &posture = local.posture;
    const bool fullAccess = posture.is(FilesystemAccess::Unrestricted) || posture.is(SandboxMode::DangerFullAccess);
    const bool never = posture.is(ApprovalPolicy::Never);
    const bool network = posture.is(NetworkAccess::Enabled);
    const Surfaces surfaces(local.surface);

    if (fullAccess && never && network) {
        context.add(Rule::UnattendedFullAccess, keyPathToString(posture.sandboxMode.decidedBy), surfaces,
            context.evidence(posture.sandboxMode),
            {.title = QStringLiteral("Full access, never asks, network on"),
                .explanation = QStringLiteral(
                    "Codex runs any command with the user's full rights, never stops to ask, and can reach the "
                    "internet. One prompt injection (a README, an issue, a web page, a tool's output) is enough "
                    "for it to read SSH keys, cloud credentials and tokens and send them anywhere, or to "
                    "change any file the user can."),
                .remediation = QStringLiteral(
                    "Keep a sandbox and approvals as the standing configuration: sandbox_mode = "
                    "\"workspace-write\" and approval_policy = \"on-request\". Use full access for one "
                    "session only (codex --sandbox danger-full-access), inside a disposable container.")});
    }
    if (fullAccess) {
        context.add(Rule::FullAccess, keyPathToString(posture.sandboxMode.decidedBy), surfaces,
            context.evidence(posture.sandboxMode),
            {.title = QStringLiteral("No sandbox: danger-full-access"),
                .explanation = QStringLiteral(
                    "Commands run without any filesystem or network sandbox. Anything that steers the model "
                    "(a poisoned file, a malicious dependency's output) can read and change every file the "
                    "user can, credentials included."),
                .remediation = QStringLiteral(
                    "Set sandbox_mode = \"workspace-write\" (or default_permissions = \":workspace\"), and "
                    "grant full access per session when it is really needed.")});
    }
    if (never) {
        context.add(Rule::ApprovalNever, keyPathToString(posture.approvalPolicy.decidedBy), surfaces,
            context.evidence(posture.approvalPolicy),
            {.title = QStringLiteral("Codex never asks for approval"),
                .explanation = QStringLiteral(
                    "Codex never stops to ask before a command needs more than the sandbox allows; what the "
                    "sandbox does not stop, nobody reviews. Combined with a weak or unenforced sandbox, an "
                    "injected instruction runs unseen."),
                .remediation = QStringLiteral(
                    "Set approval_policy = \"on-request\" (or a granular policy) as the standing "
                    "configuration; use --ask-for-approval never only for supervised, sandboxed runs.")});
    }
    if (network && !fullAccess && !(posture.domainRules && posture.proxyEnabled)) {
        context.add(Rule::NetworkEnabled, keyPathToString(posture.network.decidedBy), surfaces,
            context.evidence(posture.network),
            {.title = QStringLiteral("Sandboxed commands can reach the whole internet"),
                .explanation = QStringLiteral(
                    "Network access is on with no enforced domain allowlist: a command the model runs can "
                    "download and run code, or send whatever it can read (the workspace, environment "
                    "variables) to any host."),
                .remediation = QStringLiteral(
                    "Turn agent network access off (sandbox_workspace_write.network_access = false), or allow "
                    "only the domains needed with a permission profile and features.network_proxy enabled.")});
    }
    // The configuration asks for a sandbox that the machine does not give.
    const bool wantsSandbox = !(posture.is(FilesystemAccess::Unrestricted) && network);
    if (local.starts && wantsSandbox && local.enforcement.state != Enforcement::State::Enforced)
        judgeEnforcement(context, local);
}

} // namespace

void postureRules(Context &context)
{
    const InspectionFacts &inspection = context.inspection;
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
            context.add(Rule::SurfacesDiffer, {}, Surfaces(Surface::Cli) | Surface::Ide,
                Context::fact(QString(), differences.join(QStringLiteral("; "))),
                {.title = QStringLiteral("CLI and IDE run on different baselines"),
                    .explanation = QStringLiteral(
                        "The CLI and the IDE extension run on the same laptop with the same credentials, so "
                        "they are one risk tier; here the profile `%1` gives the CLI a different posture. "
                        "Whichever surface is more open is the one an attacker will use.")
                        .arg(inspection.options.profile),
                    .remediation = QStringLiteral(
                        "Give both the same sandbox and approval baseline: keep the profile's differences to "
                        "model and reasoning settings.")});
        }
    }

    const KeyPath hideWarning{QStringLiteral("notice"), QStringLiteral("hide_full_access_warning")};
    if (inspection.config.value(hideWarning) == QVariant(true)) {
        context.add(Rule::FullAccessWarningHidden, keyPathToString(hideWarning), context.localSurfaces(),
            context.evidence(hideWarning),
            {.title = QStringLiteral("The full-access warning is switched off"),
                .explanation = QStringLiteral(
                    "Codex no longer warns when it runs with full access, so a profile or flag that turns the "
                    "sandbox off goes unnoticed."),
                .remediation = QStringLiteral("Remove notice.hide_full_access_warning (or set it to false).")});
    }
}

} // namespace Posture::Core::Rules
