// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/common/probeprocess.h"
#include "core/sandbox/hostfacts.h"

namespace Posture::Core {

// What the sandbox really did on this machine. Each probe is a fixed program with fixed arguments, temporary
// directories only and a timeout; none ever runs anything the configuration names.
struct LiveResults
{
    // `bwrap --unshare-user --unshare-net --ro-bind / / /bin/true`: the check Codex itself makes at startup.
    ProbeProcess userNamespace;

    // `codex sandbox -P :workspace -C WORKSPACE -- /bin/sh -c ...`: one write inside the workspace, one outside.
    struct Trial
    {
        ProbeProcess process;
        QString workspace;
        QString outside; // a directory outside every root :workspace may write (/tmp and $TMPDIR included)
        bool insideWritten = false;
        bool outsideWritten = false;
        bool commandRan = false; // the command's own report line came back
    } codexSandbox;

    bool attempted = false; // run() was called: this is the machine itself and programs may start
};

namespace LiveProbes {

// Asks the bubblewraps Codex could use for --version and --help and settles the choice the way Codex 0.171.0 does
// (a PATH bwrap whose --help lacks --perms or --as-pid-1 is passed over for the bundled one).
void refineBubblewrap(HostFacts &facts, int timeoutMs);

// Runs the user-namespace check with the chosen bwrap, and the write trial with facts.codexPath.
LiveResults run(const HostFacts &facts, const QProcessEnvironment &environment, int timeoutMs);

} // namespace LiveProbes

} // namespace Posture::Core
