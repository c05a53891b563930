// SPDX-License-Identifier: Apache-2.0
#include "core/sandbox/sandboxcapability.h"

#include "core/sandbox/sandboxremedies.h"

namespace Posture::Core {

QString Enforcement::stateName() const
{
    switch (state) {
    case State::Enforced:
        return QStringLiteral("enforced");
    case State::NotEnforced:
        return QStringLiteral("not-enforced");
    case State::Unknown:
        return QStringLiteral("unknown");
    }
    Q_UNREACHABLE_RETURN(QString());
}

QString Enforcement::summary() const
{
    switch (state) {
    case State::Enforced:
        return QStringLiteral("enforced");
    case State::NotEnforced:
        return QStringLiteral("not enforced: ") + reason;
    case State::Unknown:
        return QStringLiteral("unknown: ") + reason;
    }
    Q_UNREACHABLE_RETURN(QString());
}

QStringList Enforcement::remedyIds() const
{
    QStringList ids;
    for (const Remedy &remedy : remedies)
        ids.append(remedy.id);
    return ids;
}

QString Capability::stateName() const
{
    static constexpr const char *names[] = {"ok", "problem", "unknown", "info"};
    return QLatin1StringView(names[int(state)]);
}

BwrapFailure classifyBwrapError(const QString &errorOutput)
{
    using Cause = BwrapFailure::Cause;
    struct Known
    {
        const char *text;
        Cause cause;
        const char *reason;
    };
    // The first four are the strings Codex treats as "no user namespaces" (codex-rs/sandboxing/src/bwrap.rs).
    static const Known known[] = {
        {"No permissions to create a new namespace", Cause::UserNamespacesDenied,
            "bwrap may not create user namespaces (unprivileged user namespaces are disabled)"},
        {"setting up uid map: Permission denied", Cause::AppArmor,
            "bwrap's new user namespace has no rights (AppArmor restricts unprivileged user namespaces)"},
        {"loopback: Failed RTM_NEWADDR", Cause::AppArmor,
            "bwrap's new user namespace has no rights (AppArmor restricts unprivileged user namespaces)"},
        {"loopback: Failed RTM_NEWLINK", Cause::AppArmor,
            "bwrap's new user namespace has no rights (AppArmor restricts unprivileged user namespaces)"},
        {"max_*_namespaces exceeded", Cause::NamespaceLimit,
            "the user-namespace limit is reached (user.max_user_namespaces is 0 here, or nesting is too deep)"},
        {"Creating new namespace failed: Operation not permitted", Cause::UserNamespacesDenied,
            "creating a user namespace is not permitted (a seccomp filter, e.g. a container runtime's, forbids it)"},
    };
    for (const Known &entry : known) {
        if (errorOutput.contains(QLatin1StringView(entry.text)))
            return {entry.cause, QString::fromLatin1(entry.reason)};
    }
    const QString firstLine = errorOutput.trimmed().section(u'\n', 0, 0);
    return {Cause::Other, firstLine.isEmpty() ? QStringLiteral("bwrap failed without a message") : firstLine};
}

namespace {

using State = Enforcement::State;
using ProbeState = Capability::State;

void addRemedy(QList<Remedy> &remedies, const Remedy &remedy)
{
    if (std::none_of(
            remedies.cbegin(), remedies.cend(), [&remedy](const Remedy &known) { return known.id == remedy.id; }))
        remedies.append(remedy);
}

// What stops bubblewrap on this machine, read from its files; each with its remedies, smallest blast radius first.
struct LinuxJudgement
{
    QStringList blockers;
    QStringList unknowns;
    QList<Remedy> remedies;
};

void judgeAppArmor(const HostFacts &facts, LinuxJudgement &judgement, QList<Capability> &probes)
{
    const LinuxFacts &linuxFacts = facts.linuxFacts;
    if (linuxFacts.apparmorRestrictUserns.value_or(0) == 0 || !linuxFacts.apparmorEnabled) {
        probes.append({QStringLiteral("apparmor-userns"), ProbeState::Ok,
            linuxFacts.apparmorRestrictUserns
                ? QStringLiteral("kernel.apparmor_restrict_unprivileged_userns = %1%2")
                      .arg(*linuxFacts.apparmorRestrictUserns)
                      .arg(linuxFacts.apparmorEnabled ? QString() : QStringLiteral(" (AppArmor off)"))
                : QStringLiteral("no AppArmor user-namespace restriction in this kernel"),
            {}});
        return;
    }
    const Bubblewrap &bwrap = facts.bwrap;
    QList<AppArmorProfile> granting;
    for (const AppArmorProfile &profile : linuxFacts.bwrapProfiles) {
        if (profile.allowsUserns)
            granting.append(profile);
    }
    const auto problem = [&](const QString &blocker, const QList<Remedy> &remedies) {
        judgement.blockers.append(blocker);
        for (const Remedy &remedy : remedies)
            addRemedy(judgement.remedies, remedy);
        probes.append({QStringLiteral("apparmor-userns"), ProbeState::Problem,
            QStringLiteral("kernel.apparmor_restrict_unprivileged_userns = 1; ") + blocker,
            remedies.isEmpty() ? QString() : remedies.constFirst().text});
    };
    if (granting.size() > 1) {
        problem(QStringLiteral("%1 AppArmor profiles attach to %2 and conflict").arg(granting.size()).arg(bwrap.path),
            {SandboxRemedies::removeConflictingProfiles(granting)});
        return;
    }
    if (granting.size() == 1) {
        const AppArmorProfile &profile = granting.constFirst();
        if (profile.loaded == true) {
            probes.append({QStringLiteral("apparmor-userns"), ProbeState::Ok,
                QStringLiteral("restricted, but the loaded profile `%1` (%2) lets %3 create user namespaces")
                    .arg(profile.name, profile.file, bwrap.path),
                {}});
        } else if (!profile.loaded) {
            judgement.unknowns.append(QStringLiteral("AppArmor restricts user namespaces and the profile `%1` covers "
                                                     "%2, but the list of loaded profiles is readable only by root")
                    .arg(profile.name, bwrap.path));
            probes.append({QStringLiteral("apparmor-userns"), ProbeState::Unknown, judgement.unknowns.constLast(),
                SandboxRemedies::loadAppArmorProfile(profile).text});
            addRemedy(judgement.remedies, SandboxRemedies::loadAppArmorProfile(profile));
        } else {
            problem(QStringLiteral("the AppArmor profile `%1` for %2 is not loaded").arg(profile.name, bwrap.path),
                {SandboxRemedies::loadAppArmorProfile(profile), SandboxRemedies::disableAppArmorRestriction()});
        }
        return;
    }
    QList<Remedy> remedies;
    if (bwrap.source == Bubblewrap::Source::Bundled)
        remedies.append(SandboxRemedies::installBubblewrap(linuxFacts)); // the profile covers /usr/bin/bwrap only
    remedies.append(SandboxRemedies::installAppArmorProfile(linuxFacts));
    remedies.append(SandboxRemedies::disableAppArmorRestriction());
    problem(QStringLiteral("AppArmor restricts unprivileged user namespaces and no loaded profile lets %1 create one")
                .arg(bwrap.path.isEmpty() ? QStringLiteral("bwrap") : bwrap.path),
        remedies);
}

// Which bubblewrap Codex would use, or why there is none.
void judgeBubblewrap(const HostFacts &facts, LinuxJudgement &judgement, QList<Capability> &probes)
{
    const LinuxFacts &linuxFacts = facts.linuxFacts;
    const Bubblewrap &bwrap = facts.bwrap;
    if (bwrap.source == Bubblewrap::Source::None) {
        const Remedy install = SandboxRemedies::installBubblewrap(linuxFacts);
        if (facts.codexPath.isEmpty())
            judgement.unknowns.append(QStringLiteral("no codex binary found and no bubblewrap on PATH"));
        else
            judgement.blockers.append(
                QStringLiteral("no bubblewrap: none on PATH and no codex-resources/bwrap next to %1")
                    .arg(facts.codexPath));
        addRemedy(judgement.remedies, install);
        probes.append({QStringLiteral("bubblewrap"), ProbeState::Problem,
            bwrap.systemSkipped.isEmpty() ? QStringLiteral("no bwrap on PATH and none bundled with a codex found")
                                          : QStringLiteral("%1 is passed over (%2) and no codex bundles one")
                                                .arg(bwrap.systemPath, bwrap.systemSkipped),
            install.text});
    } else {
        QString evidence = QStringLiteral("%1 (%2%3)")
                               .arg(bwrap.path,
                                   bwrap.source == Bubblewrap::Source::Path ? QStringLiteral("first on PATH")
                                                                            : QStringLiteral("bundled with codex"),
                                   bwrap.versionText.isEmpty() ? QString() : QStringLiteral(", ") + bwrap.versionText);
        if (!bwrap.systemSkipped.isEmpty())
            evidence += QStringLiteral("; %1 on PATH is passed over: %2").arg(bwrap.systemPath, bwrap.systemSkipped);
        if (bwrap.olderThanArgv0())
            evidence += QStringLiteral("; older than 0.9.0, so Codex uses its compatibility path (no --argv0)");
        if (bwrap.setuid)
            evidence += QStringLiteral("; setuid root");
        probes.append({QStringLiteral("bubblewrap"), ProbeState::Ok, evidence, {}});
    }
}

// Whether an unprivileged process may create the user namespace bubblewrap needs; returns whether it needs one.
bool judgeUserNamespaces(const HostFacts &facts, LinuxJudgement &judgement, QList<Capability> &probes)
{
    const LinuxFacts &linuxFacts = facts.linuxFacts;
    // WSL 1 has no user namespaces at all: its other settings say nothing more.
    const bool needsUserns = !facts.bwrap.setuid && linuxFacts.wsl != LinuxFacts::Wsl::Wsl1;
    if (needsUserns && linuxFacts.maxUserNamespaces == 0) {
        judgement.blockers.append(QStringLiteral("user namespaces are disabled (user.max_user_namespaces = 0)"));
        if (!linuxFacts.container.isEmpty())
            addRemedy(judgement.remedies, SandboxRemedies::containerUserNamespaces(linuxFacts));
        addRemedy(judgement.remedies, SandboxRemedies::enableUserNamespaces());
    }
    if (needsUserns && linuxFacts.unprivilegedUsernsClone == 0) {
        judgement.blockers.append(
            QStringLiteral("unprivileged user namespaces are disabled (kernel.unprivileged_userns_clone = 0)"));
        addRemedy(judgement.remedies, SandboxRemedies::enableUnprivilegedUsernsClone());
    }
    const bool usernsBlocked = linuxFacts.wsl == LinuxFacts::Wsl::Wsl1
        || (needsUserns && (linuxFacts.maxUserNamespaces == 0 || linuxFacts.unprivilegedUsernsClone == 0));
    QStringList usernsEvidence;
    if (linuxFacts.maxUserNamespaces)
        usernsEvidence.append(QStringLiteral("user.max_user_namespaces = %1").arg(*linuxFacts.maxUserNamespaces));
    if (linuxFacts.unprivilegedUsernsClone)
        usernsEvidence.append(
            QStringLiteral("kernel.unprivileged_userns_clone = %1").arg(*linuxFacts.unprivilegedUsernsClone));
    probes.append({QStringLiteral("user-namespaces"),
        usernsBlocked ? ProbeState::Problem : (usernsEvidence.isEmpty() ? ProbeState::Unknown : ProbeState::Ok),
        usernsEvidence.isEmpty() ? QStringLiteral("no user-namespace settings readable")
                                 : usernsEvidence.join(QStringLiteral("; ")),
        usernsBlocked ? judgement.remedies.constLast().text : QString()});
    return needsUserns;
}

// Seccomp, Landlock and containers: facts that explain a verdict more than they decide it.
void judgeKernelFeatures(const LinuxFacts &linuxFacts, LinuxJudgement &judgement, QList<Capability> &probes)
{
    probes.append({QStringLiteral("seccomp"), linuxFacts.seccompMode ? ProbeState::Ok : ProbeState::Unknown,
        linuxFacts.seccompMode
            ? QStringLiteral("supported (this process: mode %1)").arg(*linuxFacts.seccompMode)
            : QStringLiteral("no Seccomp line in /proc/self/status: Codex's network filter needs seccomp"),
        {}});
    const bool landlock = linuxFacts.securityModules.contains(u"landlock");
    probes.append({QStringLiteral("landlock"), ProbeState::Info,
        linuxFacts.securityModules.isEmpty()
            ? QStringLiteral("security modules not readable")
            : QStringLiteral("%1 (active modules: %2); Codex uses bubblewrap, Landlock "
                             "only with features.use_legacy_landlock")
                  .arg(landlock ? QStringLiteral("available") : QStringLiteral("not active"),
                      linuxFacts.securityModules.join(u',')),
        {}});
    if (linuxFacts.container.isEmpty()) {
        probes.append({QStringLiteral("container"), ProbeState::Info, QStringLiteral("not in a container"), {}});
    } else {
        // A container runtime's seccomp filter commonly forbids user namespaces; only trying tells.
        const bool filtered = linuxFacts.seccompMode == 2;
        if (filtered && judgement.blockers.isEmpty())
            judgement.unknowns.append(QStringLiteral("inside a %1 container with a seccomp filter, which commonly "
                                                     "forbids user namespaces")
                    .arg(linuxFacts.container));
        probes.append({QStringLiteral("container"), filtered ? ProbeState::Unknown : ProbeState::Info,
            QStringLiteral("%1 (%2)%3")
                .arg(linuxFacts.container, linuxFacts.containerEvidence,
                    filtered ? QStringLiteral("; a seccomp filter is active") : QString()),
            {}});
    }
}

void judgeLinux(const HostFacts &facts, LinuxJudgement &judgement, QList<Capability> &probes)
{
    const LinuxFacts &linuxFacts = facts.linuxFacts;
    probes.append({QStringLiteral("platform"), ProbeState::Info,
        QStringLiteral("%1, kernel %2")
            .arg(linuxFacts.osName.isEmpty() ? QStringLiteral("Linux") : linuxFacts.osName,
                linuxFacts.kernelRelease.isEmpty() ? QStringLiteral("unknown") : linuxFacts.kernelRelease),
        {}});

    if (linuxFacts.wsl == LinuxFacts::Wsl::Wsl1) {
        judgement.blockers.append(QStringLiteral("WSL 1 cannot create user namespaces"));
        addRemedy(judgement.remedies, SandboxRemedies::convertToWsl2());
    }
    probes.append(
        {QStringLiteral("wsl"), linuxFacts.wsl == LinuxFacts::Wsl::Wsl1 ? ProbeState::Problem : ProbeState::Ok,
            linuxFacts.wsl == LinuxFacts::Wsl::None ? QStringLiteral("not WSL")
                                                    : QStringLiteral("WSL %1 (kernel %2)")
                                                          .arg(linuxFacts.wsl == LinuxFacts::Wsl::Wsl1 ? 1 : 2)
                                                          .arg(linuxFacts.kernelRelease),
            linuxFacts.wsl == LinuxFacts::Wsl::Wsl1 ? SandboxRemedies::convertToWsl2().text : QString()});

    judgeBubblewrap(facts, judgement, probes);
    if (judgeUserNamespaces(facts, judgement, probes))
        judgeAppArmor(facts, judgement, probes);
    judgeKernelFeatures(linuxFacts, judgement, probes);
}

Enforcement fromStatic(const HostFacts &facts, const LinuxJudgement &judgement)
{
    if (!judgement.blockers.isEmpty())
        return {State::NotEnforced, judgement.blockers.join(QStringLiteral("; ")), judgement.remedies};
    if (!judgement.unknowns.isEmpty())
        return {State::Unknown, judgement.unknowns.join(QStringLiteral("; ")), judgement.remedies};
    return {State::Enforced,
        QStringLiteral("%1 can create user namespaces here (judged from the system's settings)").arg(facts.bwrap.path),
        {}};
}

// What a failed bwrap calls for when the files did not already say.
QList<Remedy> remediesFor(const BwrapFailure &failure, const HostFacts &facts)
{
    const LinuxFacts &linuxFacts = facts.linuxFacts;
    switch (failure.cause) {
    case BwrapFailure::Cause::AppArmor: {
        QList<Remedy> remedies;
        if (facts.bwrap.source == Bubblewrap::Source::Bundled)
            remedies.append(SandboxRemedies::installBubblewrap(linuxFacts));
        remedies.append(SandboxRemedies::installAppArmorProfile(linuxFacts));
        remedies.append(SandboxRemedies::disableAppArmorRestriction());
        return remedies;
    }
    case BwrapFailure::Cause::NamespaceLimit:
        return {SandboxRemedies::enableUserNamespaces()};
    case BwrapFailure::Cause::UserNamespacesDenied:
        if (!linuxFacts.container.isEmpty())
            return {SandboxRemedies::containerUserNamespaces(linuxFacts)};
        return {SandboxRemedies::enableUnprivilegedUsernsClone()};
    case BwrapFailure::Cause::Other:
        return {};
    }
    Q_UNREACHABLE_RETURN({});
}

Enforcement failed(
    const QString &what, const ProbeProcess &process, const HostFacts &facts, const LinuxJudgement &judgement)
{
    const BwrapFailure failure = classifyBwrapError(process.errorOutput);
    return {State::NotEnforced, QStringLiteral("%1: %2").arg(what, failure.reason),
        judgement.remedies.isEmpty() ? remediesFor(failure, facts) : judgement.remedies};
}

// The live probes outrank what the files suggest: they are what happened.
Enforcement applyLive(Enforcement verdict, const HostFacts &facts, const LiveResults &live,
    const LinuxJudgement &judgement, QList<Capability> &probes)
{
    const ProbeProcess &userns = live.userNamespace;
    switch (userns.state) {
    case ProbeProcess::State::NotRun:
        if (facts.platform == HostPlatform::Linux)
            probes.append(
                {QStringLiteral("live-bwrap"), ProbeState::Unknown, QStringLiteral("not run: ") + userns.why, {}});
        break;
    case ProbeProcess::State::TimedOut:
        verdict = {State::Unknown, QStringLiteral("%1 %2").arg(userns.program, userns.why), judgement.remedies};
        probes.append({QStringLiteral("live-bwrap"), ProbeState::Unknown,
            userns.commandLine() + QStringLiteral(": ") + userns.why, {}});
        break;
    case ProbeProcess::State::FailedToStart:
        verdict = {State::NotEnforced, QStringLiteral("%1 cannot be started: %2").arg(userns.program, userns.why),
            judgement.remedies};
        probes.append({QStringLiteral("live-bwrap"), ProbeState::Problem, verdict.reason, {}});
        break;
    case ProbeProcess::State::Finished:
        if (userns.exitCode == 0) {
            verdict = {
                State::Enforced, QStringLiteral("bwrap created a user and a network namespace (live check)"), {}};
            probes.append(
                {QStringLiteral("live-bwrap"), ProbeState::Ok, userns.commandLine() + QStringLiteral(": ok"), {}});
        } else {
            verdict = failed(QStringLiteral("bwrap cannot create a user namespace"), userns, facts, judgement);
            probes.append({QStringLiteral("live-bwrap"), ProbeState::Problem,
                QStringLiteral("%1: exit status %2: %3")
                    .arg(userns.commandLine())
                    .arg(userns.exitCode)
                    .arg(userns.errorOutput.trimmed().section(u'\n', 0, 0)),
                verdict.remedies.isEmpty() ? QString() : verdict.remedies.constFirst().text});
        }
        break;
    }

    const LiveResults::Trial &trial = live.codexSandbox;
    const ProbeProcess &process = trial.process;
    if (process.state == ProbeProcess::State::NotRun) {
        probes.append(
            {QStringLiteral("live-codex-sandbox"), ProbeState::Unknown, QStringLiteral("not run: ") + process.why, {}});
        return verdict;
    }
    const QString command = QStringLiteral("%1 sandbox -P :workspace").arg(process.program);
    if (process.state == ProbeProcess::State::TimedOut) {
        probes.append({QStringLiteral("live-codex-sandbox"), ProbeState::Unknown,
            command + QStringLiteral(": ") + process.why, {}});
        if (userns.state != ProbeProcess::State::Finished)
            verdict = {State::Unknown, command + u' ' + process.why, judgement.remedies};
        return verdict;
    }
    if (trial.commandRan && trial.insideWritten && !trial.outsideWritten) {
        verdict = {State::Enforced,
            QStringLiteral("codex sandbox -P :workspace let a write inside the workspace and blocked one outside it"),
            {}};
        probes.append({QStringLiteral("live-codex-sandbox"), ProbeState::Ok,
            QStringLiteral("%1: wrote inside %2, blocked in %3").arg(command, trial.workspace, trial.outside), {}});
    } else if (trial.outsideWritten) {
        verdict = {State::NotEnforced,
            QStringLiteral("a write outside the workspace succeeded under codex sandbox -P :workspace (%1)")
                .arg(trial.outside),
            {}};
        probes.append({QStringLiteral("live-codex-sandbox"), ProbeState::Problem, verdict.reason, {}});
    } else if (!trial.commandRan) {
        verdict = failed(QStringLiteral("codex sandbox cannot run a command"), process, facts, judgement);
        probes.append({QStringLiteral("live-codex-sandbox"), ProbeState::Problem,
            QStringLiteral("%1: exit status %2: %3")
                .arg(command)
                .arg(process.exitCode)
                .arg(classifyBwrapError(process.errorOutput).reason),
            verdict.remedies.isEmpty() ? QString() : verdict.remedies.constFirst().text});
    } else {
        verdict = {State::Unknown, QStringLiteral("codex sandbox blocked a write inside its own workspace too"), {}};
        probes.append({QStringLiteral("live-codex-sandbox"), ProbeState::Unknown, verdict.reason, {}});
    }
    return verdict;
}

} // namespace

SandboxCapability SandboxCapability::judge(const HostFacts &facts, const LiveResults &live)
{
    SandboxCapability capability;
    capability.facts = facts;
    capability.live = live;
    LinuxJudgement judgement;
    switch (facts.platform) {
    case HostPlatform::Linux:
        judgeLinux(facts, judgement, capability.probes);
        capability.machine = fromStatic(facts, judgement);
        break;
    case HostPlatform::MacOS:
        capability.probes.append({QStringLiteral("platform"), ProbeState::Info, QStringLiteral("macOS"), {}});
        capability.probes.append({QStringLiteral("seatbelt"), facts.sandboxExec ? ProbeState::Ok : ProbeState::Problem,
            facts.sandboxExec ? QStringLiteral("/usr/bin/sandbox-exec present")
                              : QStringLiteral("/usr/bin/sandbox-exec missing"),
            facts.sandboxExec ? QString() : SandboxRemedies::restoreSandboxExec().text});
        capability.machine = facts.sandboxExec
            ? Enforcement{State::Enforced, QStringLiteral("Seatbelt (/usr/bin/sandbox-exec) is present"), {}}
            : Enforcement{State::NotEnforced, QStringLiteral("/usr/bin/sandbox-exec is missing"),
                  {SandboxRemedies::restoreSandboxExec()}};
        judgement.remedies = capability.machine.remedies;
        break;
    case HostPlatform::Windows:
        capability.probes.append({QStringLiteral("platform"), ProbeState::Info, QStringLiteral("Windows"), {}});
        capability.machine = {State::Unknown, QStringLiteral("judged per surface from [windows] sandbox"), {}};
        return capability;
    }
    if (live.attempted)
        capability.machine = applyLive(capability.machine, facts, live, judgement, capability.probes);
    else
        capability.probes.append({QStringLiteral("live"), ProbeState::Unknown,
            facts.root.isEmpty() ? QStringLiteral("live probes not run (--no-live-probe)")
                                 : QStringLiteral("live probes never run on a copied machine (--system-root)"),
            {}});
    return capability;
}

RiskLevel riskOf(const Capability &probe)
{
    switch (probe.state) {
    case Capability::State::Ok:
        return RiskLevel::Ok;
    case Capability::State::Info:
        return RiskLevel::Info;
    case Capability::State::Problem:
        return RiskLevel::Medium;
    case Capability::State::Unknown:
        return RiskLevel::Unknown;
    }
    Q_UNREACHABLE_RETURN(RiskLevel::Unknown);
}

RiskLevel riskOf(const Enforcement &enforcement)
{
    switch (enforcement.state) {
    case Enforcement::State::Enforced:
        return RiskLevel::Ok;
    case Enforcement::State::NotEnforced:
        return RiskLevel::High;
    case Enforcement::State::Unknown:
        return RiskLevel::Unknown;
    }
    Q_UNREACHABLE_RETURN(RiskLevel::Unknown);
}

} // namespace Posture::Core
