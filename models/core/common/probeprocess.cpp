// SPDX-License-Identifier: Apache-2.0
#include "core/common/probeprocess.h"

#include <QProcess>

namespace Posture::Core {

QString ProbeProcess::commandLine() const
{
    QStringList words{program};
    for (const QString &argument : arguments)
        words.append(argument.contains(u' ') || argument.isEmpty() ? u'\'' + argument + u'\'' : argument);
    return words.join(u' ');
}

ProbeProcess ProbeProcess::run(const QString &program, const QStringList &arguments,
    const QProcessEnvironment &environment, const QString &workingDirectory, int timeoutMs)
{
    ProbeProcess result;
    result.program = program;
    result.arguments = arguments;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!process.waitForStarted(timeoutMs)) {
        result.state = State::FailedToStart;
        result.why = process.errorString();
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        result.state = State::TimedOut;
        result.why = QStringLiteral("timed out after %1 s").arg(timeoutMs / 1000.0);
        return result;
    }
    result.state = State::Finished;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.output = QString::fromUtf8(process.readAllStandardOutput());
    result.errorOutput = QString::fromUtf8(process.readAllStandardError());
    return result;
}

ProbeProcess ProbeProcess::notRun(const QString &program, const QString &why)
{
    ProbeProcess result;
    result.program = program;
    result.why = why;
    return result;
}

} // namespace Posture::Core
