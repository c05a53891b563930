// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/inspection.h"

#include <QJsonObject>

namespace Posture::Tests {

// A case to evaluate: a home, the Codex home in it, the directory Codex starts in, and the profile (or none).
struct CodexCase
{
    QString home;
    QString codexHome;
    QString cwd;
    QString profile;
    QString systemRoot; // codex-posture only; the real CLI always reads the machine's /etc/codex
    QString
        codexVersion; // codex-posture only: the recorded release whose checks judge (--codex-version); empty: newest

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
    QString loadError; // doctor: config.load's error text when it fails (recorded, not compared)
    int warningCount = 0; // doctor: how many startup warnings Codex prints
    QStringList warningKeys; // doctor: the keys those warnings name, sorted
    bool warningsRecorded = true; // false for an expected.json recorded before warnings were (the team's cases)

    QString toString() const;
    // The fields of a fixture's expected.json (tests/data/fixtures/README.md), and back.
    QJsonObject toExpectedJson() const;
    static Verdict fromExpectedJson(const QJsonObject &json);
    // Every way this verdict is more open than `before`, in the real CLI's own terms (approval, filesystem, network,
    // the prompt's sandbox mode, network and approval); empty when nothing is, or when Codex refused before.
    QStringList widenedFrom(const Verdict &before) const;
    friend bool operator==(const Verdict &a, const Verdict &b)
    {
        return a.configLoad == b.configLoad && a.approval == b.approval && a.filesystem == b.filesystem
            && a.network == b.network && a.sandboxMode == b.sandboxMode && a.promptNetwork == b.promptNetwork
            && a.promptNever == b.promptNever
            && (!a.warningsRecorded || !b.warningsRecorded
                || (a.warningCount == b.warningCount && a.warningKeys == b.warningKeys));
    }
};

// codex-posture's verdict, from the engine.
Verdict postureVerdict(const CodexCase &codexCase);

// Runs the real CLI with the case's HOME and CODEX_HOME, from its working directory, with no network and
// PATH=/usr/bin:/bin; returns its standard output (and its standard error when asked). error is set when it did not
// run.
QByteArray runOracle(const QString &binary, const CodexCase &codexCase, const QStringList &arguments, QString *error,
    QByteArray *standardError = nullptr);

// The real CLI's verdict. error is set when the CLI could not be run or its output not read. The CLI runs with no
// network (a network namespace of its own) and PATH=/usr/bin:/bin: `debug prompt-input` starts the MCP servers a
// configuration names, and none of them may reach anything.
Verdict oracleVerdict(const QString &codexBinary, const CodexCase &codexCase, QString *error);

} // namespace Posture::Tests
