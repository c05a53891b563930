// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

namespace Posture::Tests {

// A case to evaluate: a home, the Codex home in it, the directory Codex starts in, and the profile (or none).
struct CodexCase
{
    QString home;
    QString codexHome;
    QString cwd;
    QString profile;
    QString systemRoot; // codex-posture only; the real CLI always reads the machine's /etc/codex

    Core::InspectOptions options(bool withProfile) const;
};

// What Codex does with a case, in the terms of the two oracle commands:
// `codex doctor --json` (the base configuration: doctor takes no profile) and
// `codex [-p PROFILE] debug prompt-input` (the profile and the working directory applied).
struct Verdict
{
    QString configLoad; // ok | warning | fail
    QString approval; // doctor: OnRequest-style names mapped to on-request, never, granular, UnlessTrusted
    QString filesystem; // doctor: restricted | unrestricted
    QString network; // doctor: restricted | enabled
    QString sandboxMode; // prompt: read-only | workspace-write | danger-full-access; empty: no prompt (refused)
    QString promptNetwork; // prompt: restricted | enabled
    bool promptNever = false; // prompt: "Approval policy is currently never"

    QString toString() const;
    friend bool operator==(const Verdict &, const Verdict &) = default;
};

// codex-posture's verdict, from the engine.
Verdict postureVerdict(const CodexCase &codexCase);

// The real CLI's verdict. error is set when the CLI could not be run or its output not read.
Verdict oracleVerdict(const QString &codexBinary, const CodexCase &codexCase, QString *error);

} // namespace Posture::Tests
