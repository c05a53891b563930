// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/risklevel.h"
#include "core/config/effectiveconfig.h"
#include "core/sandbox/hostfacts.h"
#include "core/sandbox/liveprobes.h"

namespace Posture::Core {

// Something the user can do about a sandbox that is not enforced: words, and commands to copy. codex-posture itself
// never runs them (most need root).
struct Remedy
{
    QString id; // stable: "install-bwrap-apparmor-profile", ...
    QString text;
    QString commands; // one per line; empty when there is nothing to type
};

// Whether what the configuration asks for is really enforced.
struct Enforcement
{
    enum class State { Enforced, NotEnforced, Unknown };

    State state = State::Unknown;
    QString reason;
    QList<Remedy> remedies; // smallest blast radius first

    QString stateName() const; // "enforced", "not-enforced", "unknown"
    QString summary() const; // "enforced", "not enforced: <reason>", "unknown: <reason>"
    QStringList remedyIds() const;
};

// One probe's finding, as the reports list them.
struct Capability
{
    enum class State { Ok, Problem, Unknown, Info };

    QString id; // "bubblewrap", "user-namespaces", "apparmor-userns", "live-bwrap", ...
    State state = State::Info;
    QString evidence;
    QString remedy; // the first remedy's text, when the probe found a problem

    QString stateName() const; // "ok", "problem", "unknown", "info"
};

// Why bwrap failed, from its standard error (the messages Codex itself recognises, and a few more).
struct BwrapFailure
{
    enum class Cause { UserNamespacesDenied, AppArmor, NamespaceLimit, Other };
    Cause cause = Cause::Other;
    QString reason;
};
BwrapFailure classifyBwrapError(const QString &errorOutput);

// What this machine can enforce for Codex: the facts read from its files, what the live probes saw, and the
// judgement of both. The same judgement runs on a copied machine's files (no live probes there).
struct SandboxCapability
{
    HostFacts facts;
    LiveResults live;
    QList<Capability> probes;
    Enforcement machine; // for a sandboxed Codex (anything but danger-full-access)

    static SandboxCapability judge(const HostFacts &facts, const LiveResults &live = {});
};

// ok, info and unknown as they are; a problem a probe saw is medium: whether it leaves the sandbox unenforced is the
// enforcement's verdict (high when it does).
RiskLevel riskOf(const Capability &probe);
// enforced: ok; not enforced: high (as the sandbox-not-enforced rule); unknown: unknown.
RiskLevel riskOf(const Enforcement &enforcement);

} // namespace Posture::Core
