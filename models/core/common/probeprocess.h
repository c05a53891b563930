// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcessEnvironment>
#include <QStringList>

namespace Posture::Core {

// One run of a fixed probe program (codex --version, bwrap, codex sandbox): never a command from the configuration.
struct ProbeProcess
{
    enum class State { NotRun, Finished, TimedOut, FailedToStart };

    State state = State::NotRun;
    QString program;
    QStringList arguments;
    int exitCode = -1; // when Finished; -1 after a crash
    QString output; // standard output
    QString errorOutput; // standard error
    QString why; // NotRun: why not; FailedToStart: the system's error

    bool succeeded() const { return state == State::Finished && exitCode == 0; }
    // "bwrap --unshare-user ...": for reports.
    QString commandLine() const;

    // Runs the program with stdin from /dev/null, the given environment and directory, and a timeout after which
    // it is killed. Blocks the calling thread: the window runs inspections on a worker thread.
    static ProbeProcess run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment, const QString &workingDirectory, int timeoutMs);
    static ProbeProcess notRun(const QString &program, const QString &why);
};

} // namespace Posture::Core
